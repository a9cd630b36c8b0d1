import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

/** Error or first-load placeholder of a query; renders children once data exists. */
export function QueryState({
  error,
  hasData,
  children,
}: {
  error: unknown;
  hasData: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (error) {
    return (
      <div className="panel error-panel" role="alert">
        <strong>{t('error.query')}</strong>
        <pre className="error-text">{String(error instanceof Error ? error.message : error)}</pre>
      </div>
    );
  }
  if (!hasData)
    return (
      <p className="muted chart-placeholder" aria-busy="true">
        {t('loading.title')}
      </p>
    );
  return <>{children}</>;
}
