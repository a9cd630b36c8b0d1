import { useI18n } from '../../i18n';
import type { LoadProgress } from '../../queries';

export function LoadingPanel({ progress }: { progress: LoadProgress | null }) {
  const { t, num } = useI18n();
  const fraction =
    progress && progress.filesTotal > 0
      ? (progress.filesDone + (progress.bytesTotal > 0 ? progress.bytesLoaded / progress.bytesTotal : 0)) /
        progress.filesTotal
      : null;
  return (
    <section className="panel loading-panel" aria-busy="true" aria-live="polite">
      <h2>{t('loading.title')}</h2>
      <progress max={1} value={fraction ?? undefined} aria-label={t('loading.title')} />
      {progress && (
        <p className="muted">
          {t('loading.file')}: <code>{progress.file}</code> · {t(`loading.stage.${progress.stage}`)} ·{' '}
          {progress.filesDone}/{progress.filesTotal}
          {progress.bytesLoaded > 0 && ` · ${num(progress.bytesLoaded / 1024)} KB`}
        </p>
      )}
    </section>
  );
}
