import { useI18n } from '../../i18n';

/** The dataset could not be loaded: say which file and why, in both languages' terms. */
export function ErrorPanel({ error, dataset }: { error: string; dataset: string }) {
  const { t } = useI18n();
  const file = /([\w.-]+\.(?:parquet|json))/.exec(error)?.[1];
  return (
    <section className="panel error-panel" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{t('error.title')}</h2>
      <p>
        {t('error.hint')} <code>{file ? `${dataset}${file}` : dataset}</code>
      </p>
      <pre className="error-text">{error}</pre>
    </section>
  );
}
