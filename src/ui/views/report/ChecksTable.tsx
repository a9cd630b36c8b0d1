import type { CheckRow } from '../../../dataset/rows';
import { useI18n } from '../../../i18n';
import { DataTable } from '../../common/DataTable';
import { checkColumns } from '../../review/checkColumns';

export function ChecksTable({ checks }: { checks: readonly CheckRow[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (checks.length === 0) return <p className="muted">{t('report.noChecks')}</p>;
  return (
    <section className="report-section">
      <DataTable
        caption={t('report.checks', { n: checks.length })}
        rows={checks}
        rowKey={(c, i) => `${c.rule}|${c.location}|${i}`}
        columns={checkColumns(i18n)}
      />
    </section>
  );
}
