import { OUTCOME_GROUPS, type OutcomeGroup, type Table3Column, type Table3Row } from '../../../domain/keys';
import { OUTCOME_GROUP_LABELS, TABLE3_COLUMN_LABELS, TABLE3_ROW_LABELS } from '../../../domain/metrics';
import { FORMATS, isOneOf, REGION_LEVELS, UNIT_KINDS } from '../../../domain/vocab';
import type { I18n } from '../../../i18n';
import { provinceName } from '../../../i18n/places';
import type { PivotDim, PivotState } from '../../../state';

const OTHER_GROUPS: Record<string, { zh: string; en: string }> = {
  intake: { zh: '收到申请', en: 'intake' },
  total: { zh: '总计', en: 'total' },
  forward: { zh: '结转下年度', en: 'carried forward' },
};

/** A value as the data spells it (names, years); '' is a missing value. */
const asIs = (_i18n: I18n, value: string): string => (value === '' ? '—' : value);

/** How each dimension's header values are shown; values outside a closed list show as they are. */
const VALUE_LABEL = {
  unit: asIs,
  parent: asIs,
  unit_kind: (i18n, v) => (isOneOf(UNIT_KINDS, v) ? i18n.t(`unitKind.${v}`) : v),
  province: (i18n, v) => (v === '' ? '—' : provinceName(i18n.lang, v)),
  prefecture: asIs,
  level: (i18n, v) => (isOneOf(REGION_LEVELS, v) ? i18n.t(`level.${v}`) : v),
  year: asIs,
  format: (i18n, v) => (isOneOf(FORMATS, v) ? i18n.t(`format.${v}`) : v),
  row: (i18n, v) => (Object.hasOwn(TABLE3_ROW_LABELS, v) ? i18n.label(TABLE3_ROW_LABELS[v as Table3Row]) : v),
  group: (i18n, v) => {
    if (isOneOf(OUTCOME_GROUPS, v)) return i18n.label(OUTCOME_GROUP_LABELS[v as OutcomeGroup]);
    return Object.hasOwn(OTHER_GROUPS, v) ? i18n.label(OTHER_GROUPS[v]!) : v;
  },
  applicant: (i18n, v) =>
    Object.hasOwn(TABLE3_COLUMN_LABELS, v) ? i18n.label(TABLE3_COLUMN_LABELS[v as Table3Column]) : v,
} satisfies Record<PivotDim, (i18n: I18n, value: string) => string>;

/**
 * Display label of one pivot header value. `unit` and `parent` values are unit_ids, named by
 * `unitLabel` (src/ui/common/useUnitLabels.ts): two 鼓楼区 are two rows, labelled apart.
 */
export function dimValueLabel(
  i18n: I18n,
  dim: PivotDim,
  value: string,
  unitLabel?: (unitId: string) => string,
): string {
  if ((dim === 'unit' || dim === 'parent') && unitLabel && value !== '' && value !== '—')
    return unitLabel(value);
  return VALUE_LABEL[dim](i18n, value);
}

/** What a plain sum adds up in this layout: total handled, the outcome rows, or the chosen rows. */
export function sumLabel(i18n: I18n, pivot: Pick<PivotState, 'rows' | 'cols' | 'filters'>): string {
  const dims = [...pivot.rows, ...pivot.cols];
  if (pivot.filters.row || pivot.filters.group) return i18n.t('pivot.measure.sum.rows');
  if (dims.includes('row') || dims.includes('group')) return i18n.t('pivot.measure.sum.outcomes');
  return i18n.t('pivot.measure.sum.handled');
}

/** Header tuples in the order of the labels shown (not of the keys behind them). */
export function sortByLabels(
  i18n: I18n,
  dims: readonly PivotDim[],
  headers: readonly string[][],
  dir: 'asc' | 'desc',
  unitLabel?: (unitId: string) => string,
): string[][] {
  const collator = new Intl.Collator(i18n.lang === 'zh' ? 'zh-Hans-CN' : 'en', { numeric: true });
  const shown = new Map(
    headers.map((h) => [h, h.map((v, i) => dimValueLabel(i18n, dims[i]!, v, unitLabel))]),
  );
  const sign = dir === 'desc' ? -1 : 1;
  return [...headers].sort((a, b) => {
    const la = shown.get(a)!;
    const lb = shown.get(b)!;
    for (let i = 0; i < la.length; i++) {
      const c = collator.compare(la[i]!, lb[i]!);
      if (c !== 0) return c * sign;
    }
    return 0;
  });
}
