import { OUTCOME_GROUPS, type OutcomeGroup, type Table3Column, type Table3Row } from '../../../domain/keys';
import { OUTCOME_GROUP_LABELS, TABLE3_COLUMN_LABELS, TABLE3_ROW_LABELS } from '../../../domain/metrics';
import type { I18n } from '../../../i18n';
import { provinceName } from '../../../i18n/places';
import type { PivotDim } from '../../../state';

const OTHER_GROUPS: Record<string, { zh: string; en: string }> = {
  intake: { zh: '收到申请', en: 'intake' },
  total: { zh: '总计', en: 'total' },
  forward: { zh: '结转下年度', en: 'carried forward' },
};

/** Display label of one pivot header value. */
export function dimValueLabel(i18n: I18n, dim: PivotDim, value: string): string {
  switch (dim) {
    case 'province':
      return value === '' ? '—' : provinceName(i18n.lang, value);
    case 'level':
      return ['province', 'prefecture', 'county', 'township'].includes(value)
        ? i18n.t(`level.${value as 'province'}`)
        : value;
    case 'format':
      return value === '2019' || value === '2021' ? i18n.t(`format.${value}`) : value;
    case 'row':
      return TABLE3_ROW_LABELS[value as Table3Row]
        ? i18n.label(TABLE3_ROW_LABELS[value as Table3Row])
        : value;
    case 'group':
      if ((OUTCOME_GROUPS as readonly string[]).includes(value))
        return i18n.label(OUTCOME_GROUP_LABELS[value as OutcomeGroup]);
      return OTHER_GROUPS[value] ? i18n.label(OTHER_GROUPS[value]) : value;
    case 'applicant':
      return TABLE3_COLUMN_LABELS[value as Table3Column]
        ? i18n.label(TABLE3_COLUMN_LABELS[value as Table3Column])
        : value;
    default:
      return value === '' ? '—' : value;
  }
}
