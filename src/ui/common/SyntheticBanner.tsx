import { useI18n } from '../../i18n';
import { useDatasetStatus } from '../../queries';

/** Generated figures must never pass for real ones: say so on every view while they are loaded. */
export function SyntheticBanner() {
  const { t, num } = useI18n();
  const status = useDatasetStatus();
  if (status.phase !== 'ready' || status.summary.synthetic === 0) return null;
  return (
    <section className="banner synthetic-banner" role="note" data-testid="synthetic-banner">
      {t('synthetic.banner')} ({num(status.summary.synthetic)} / {num(status.summary.reports)})
    </section>
  );
}
