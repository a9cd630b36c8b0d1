import { useI18n } from '../i18n';
import { useDatasetStatus, useDatasetSummary } from '../queries';
import { useUi } from '../state';
import { DownloadDatasetButton } from '../ui/common/DownloadDatasetButton';

export function Footer() {
  const { t, num } = useI18n();
  const status = useDatasetStatus();
  const summary = useDatasetSummary();
  const dataset = useUi((s) => s.dataset);
  return (
    <footer className="footer">
      <span>
        {t('dataset.label')}: <code>{dataset}</code>
      </span>
      {summary && (
        <span className="dataset-summary">
          {t('dataset.summary', {
            reports: num(summary.reports),
            units: num(summary.units),
            years:
              summary.years.length > 0
                ? `${summary.years[0]}–${summary.years[summary.years.length - 1]}`
                : '',
          })}
        </span>
      )}
      {status.phase === 'ready' && <DownloadDatasetButton />}
    </footer>
  );
}
