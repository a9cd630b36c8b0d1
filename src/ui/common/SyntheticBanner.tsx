import { useI18n } from '../../i18n';
import { useDatasetSummary } from '../../queries';

/** Generated figures must never pass for real ones: say so on every view while they are loaded. */
export function SyntheticBanner() {
  const { t, num } = useI18n();
  const summary = useDatasetSummary();
  if (!summary || summary.synthetic === 0) return null;
  return (
    <section className="banner synthetic-banner" role="note" data-testid="synthetic-banner">
      {t('synthetic.banner')} ({num(summary.synthetic)} / {num(summary.reports)})
    </section>
  );
}
