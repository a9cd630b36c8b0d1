import type { CheckRow } from '../../dataset/rows';
import type { I18n } from '../../i18n';
import { checkMessage, locationName, ruleName } from '../../i18n/checks';
import type { Column } from '../common/DataTable';
import { ReviewEditor } from './ReviewEditor';

/**
 * A failed check's columns, as the Report view and the Quality view both list them: rule, place,
 * expected and printed figures, the message in the UI language, and its review.
 */
export function checkColumns<R extends CheckRow>({ t, num, lang }: I18n): Column<R>[] {
  return [
    {
      key: 'rule',
      label: t('col.rule'),
      render: (c) => <span title={c.rule}>{ruleName(lang, c.rule)}</span>,
    },
    {
      key: 'location',
      label: t('col.location'),
      render: (c) => <span title={c.location}>{locationName(lang, c.location)}</span>,
    },
    {
      key: 'expected',
      label: t('col.expected'),
      numeric: true,
      sortValue: (c) => c.expected,
      render: (c) => num(c.expected, 2),
    },
    {
      key: 'actual',
      label: t('col.actual'),
      numeric: true,
      sortValue: (c) => c.actual,
      render: (c) => num(c.actual, 2),
    },
    {
      key: 'message',
      label: t('col.message'),
      render: (c) => checkMessage(lang, c, (n) => num(n, 2)),
    },
    {
      key: 'review',
      label: t('review.col'),
      render: (c) => <ReviewEditor reportId={c.report_id} rule={c.rule} location={c.location} />,
    },
  ];
}
