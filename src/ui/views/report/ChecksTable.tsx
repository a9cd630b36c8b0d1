import type { CheckRow } from '../../../dataset/rows';
import { useI18n } from '../../../i18n';
import { DataTable } from '../../common/DataTable';

export function ChecksTable({ checks }: { checks: readonly CheckRow[] }) {
  const { t, num } = useI18n();
  if (checks.length === 0) return <p className="muted">{t('report.noChecks')}</p>;
  return (
    <section className="report-section">
      <DataTable
        caption={t('report.checks', { n: checks.length })}
        rows={checks}
        rowKey={(c, i) => `${c.rule}|${c.location}|${i}`}
        columns={[
          { key: 'rule', label: t('col.rule'), render: (c) => <code>{c.rule}</code> },
          { key: 'location', label: t('col.location'), render: (c) => <code>{c.location}</code> },
          { key: 'expected', label: t('col.expected'), numeric: true, render: (c) => num(c.expected, 2) },
          { key: 'actual', label: t('col.actual'), numeric: true, render: (c) => num(c.actual, 2) },
          { key: 'message', label: t('col.message'), render: (c) => c.message },
        ]}
      />
    </section>
  );
}
