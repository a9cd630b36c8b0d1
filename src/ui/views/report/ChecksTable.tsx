import type { CheckRow } from '../../../dataset/rows';
import { useI18n } from '../../../i18n';
import { checkMessage, locationName, ruleName } from '../../../i18n/checks';
import { DataTable } from '../../common/DataTable';
import { ReviewEditor } from '../../review/ReviewEditor';

export function ChecksTable({ checks }: { checks: readonly CheckRow[] }) {
  const { t, num, lang } = useI18n();
  if (checks.length === 0) return <p className="muted">{t('report.noChecks')}</p>;
  return (
    <section className="report-section">
      <DataTable
        caption={t('report.checks', { n: checks.length })}
        rows={checks}
        rowKey={(c, i) => `${c.rule}|${c.location}|${i}`}
        columns={[
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
        ]}
      />
    </section>
  );
}
