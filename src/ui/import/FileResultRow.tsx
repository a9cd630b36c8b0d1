import { i18nFor } from '../../i18n';
import { checkMessage, ruleName } from '../../i18n/checks';
import { refusalMessage } from '../../i18n/refusals';
import type { FileResult } from '../../import/types';
import type { Lang } from '../../state';
import { importText } from './strings';

/** One inspected file: what was found (unit, year, format, region, failed checks) or why it cannot be imported. */
export function FileResultRow({
  result,
  lang,
  existing,
  onAdd,
  onDismiss,
  busy,
}: {
  result: FileResult;
  lang: Lang;
  /** Source of a report the loaded data already holds, if any. */
  existing: string | null;
  onAdd: () => void;
  onDismiss: () => void;
  busy: boolean;
}) {
  const t = (k: Parameters<typeof importText>[1], v?: Record<string, string | number>) =>
    importText(lang, k, v);
  const i18n = i18nFor(lang);
  const level = result.ok && result.kind === 'report' ? result.preview.regionLevel : null;
  const levelName =
    level === 'province' || level === 'prefecture' || level === 'county' || level === 'township'
      ? ` (${i18n.t(`level.${level}`)})`
      : '';
  return (
    <li
      className="import-result"
      data-testid="import-result"
      data-file={result.file}
      data-ok={String(result.ok)}
    >
      <div className="import-result-head">
        {/* bdi: a name with U+202E must not reorder the unit and year after it */}
        <strong className="import-file">
          <bdi>{result.file}</bdi>
        </strong>
        {result.ok && result.kind === 'report' && (
          <span>
            {' '}
            · <span data-testid="import-unit">{result.preview.unit}</span> · {result.preview.year} ·{' '}
            {result.preview.format} ·{' '}
            {result.preview.region ? `${result.preview.region}${levelName}` : t('unplaced')} ·{' '}
            {t('cells', { cells: result.preview.cells })}
            {result.preview.reader && (
              <>
                {' '}
                · <span data-testid="import-reader">{t(`reader_${result.preview.reader}`)}</span>
              </>
            )}
          </span>
        )}
        {result.ok && result.kind === 'dataset' && (
          <span> · {t('rows', { ...result.preview, table: result.preview.table })}</span>
        )}
      </div>
      {!result.ok && (
        <p className="import-error" role="alert">
          {t('failed')}: <bdi>{result.file}</bdi>: {refusalMessage(lang, result.refusal)}
        </p>
      )}
      {result.ok && result.kind === 'report' && (
        <details className="import-checks">
          <summary>
            {result.preview.checks.length > 0
              ? `${t('checks')} (${result.preview.checks.length})`
              : t('noChecks')}
          </summary>
          <ul>
            {result.preview.checks.map((c) => (
              <li key={`${c.rule}|${c.message}`}>
                <strong title={c.rule}>{ruleName(lang, c.rule)}</strong>
                {': '}
                {checkMessage(
                  lang,
                  {
                    rule: c.rule,
                    location: c.location ?? '',
                    expected: c.expected ?? null,
                    actual: c.actual ?? null,
                    message: c.message,
                  },
                  (n) => i18n.num(n, 2),
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {existing !== null && <p className="muted">{t('already', { source: existing })}</p>}
      <div className="import-actions">
        {result.ok && (
          <button type="button" data-testid="import-add" disabled={busy || existing !== null} onClick={onAdd}>
            {t('add')}
          </button>
        )}
        <button type="button" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      </div>
    </li>
  );
}
