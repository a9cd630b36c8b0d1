import { useI18n } from '../i18n';
import { useDatasetStatus } from '../queries';
import { useUi } from '../state';
import { DownloadDatasetButton } from '../ui/common/DownloadDatasetButton';

export function Footer() {
  const { t, num } = useI18n();
  const status = useDatasetStatus();
  const dataset = useUi((s) => s.dataset);
  return (
    <footer className="footer">
      <span>
        {t('dataset.label')}: <code>{dataset}</code>
      </span>
      {status.phase === 'ready' && (
        <span className="dataset-summary">
          {t('dataset.summary', {
            reports: num(status.summary.reports),
            units: num(status.summary.units),
            years:
              status.summary.years.length > 0
                ? `${status.summary.years[0]}–${status.summary.years[status.summary.years.length - 1]}`
                : '',
          })}
        </span>
      )}
      {status.phase === 'ready' && <DownloadDatasetButton />}
    </footer>
  );
}
