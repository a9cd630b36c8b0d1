import { useI18n } from '../i18n';
import { useDatasetStatus } from '../queries';

/**
 * While the engine starts and the view draws answers kept from an earlier visit of the same
 * files (or shipped with them, src/db/first-view.ts), a line outside the chart says so; it goes
 * once the engine answers. (The chart area itself is complete: its figures are those the engine
 * gave for these files.)
 */
export function LoadStatus() {
  const { t } = useI18n();
  const status = useDatasetStatus();
  if (status.phase !== 'loading' || !status.stored) return null;
  return (
    <p className="load-status muted small" role="status" data-testid="load-status">
      {t(status.storedFrom === 'dataset' ? 'loading.shipped' : 'loading.stored')}
    </p>
  );
}
