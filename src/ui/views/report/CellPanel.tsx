import { useEffect, useState } from 'react';
import { removeCorrection, setCorrection } from '../../../annotations/store';
import { CORRECTION_TABLES, type CorrectionTable } from '../../../domain/annotations';
import { useI18n } from '../../../i18n';
import { locationName } from '../../../i18n/checks';
import type { ReportDetail } from '../../../queries';
import { useCellSelection } from './cellSelection';
import { SourcePanel } from './SourcePanel';

/**
 * The selected cell of the Report view: what was printed, and the analyst's correction with its
 * reason. The printed value is shown and kept as it is; a correction is stored apart.
 */
export function CellPanel({ detail }: { detail: ReportDetail }) {
  const { t, num, lang } = useI18n();
  const selection = useCellSelection();
  const address = selection?.selected ?? null;
  // Opened from a chart: bring the highlighted figure into view.
  useEffect(() => {
    if (address)
      document.querySelector(`[data-cell="${CSS.escape(address)}"]`)?.scrollIntoView({ block: 'center' });
  }, [address]);
  const [draft, setDraft] = useState<{ of: string; value: string; reason: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!selection || !address) return null;
  const [table, row, col] = address.split('.') as [CorrectionTable, string, string];
  const cell = detail.tables[table]?.[row]?.[col];
  if (!cell || !(CORRECTION_TABLES as readonly string[]).includes(table)) return null;
  const current = selection.corrections.get(address);
  const d = draft?.of === address ? draft : null;
  const value = d?.value ?? (current ? String(current.corrected) : '');
  const reason = d?.reason ?? current?.reason ?? '';
  const printed = cell.value !== null ? num(cell.value, 2) : cell.raw || '—';
  const save = async () => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n) || reason.trim() === '') {
      setProblem(t('correction.needReason'));
      return;
    }
    setProblem(null);
    await setCorrection({
      reportId: detail.report.report_id,
      table,
      row,
      col,
      printed: cell.value,
      corrected: n,
      reason: reason.trim(),
      date: new Date().toISOString(),
    });
    setDraft(null);
  };
  return (
    <section className="report-section cell-panel" data-testid="cell-panel" aria-live="polite">
      <h3>{t('correction.title', { cell: address })}</h3>
      <dl className="report-meta" data-testid="cell-source">
        <dt>{t('source.cell')}</dt>
        <dd>{locationName(lang, address)}</dd>
        <dt>{t('correction.printed')}</dt>
        <dd data-testid="cell-printed">{printed}</dd>
        <dt>{t('source.document')}</dt>
        <dd>
          {/^https?:\/\//.test(detail.report.source) ? (
            <a href={detail.report.source} rel="noopener noreferrer nofollow" target="_blank">
              {detail.report.source}
            </a>
          ) : (
            <code>{detail.report.source}</code>
          )}{' '}
          <span className="muted">sha256 {detail.report.sha256.slice(0, 12)}…</span>
        </dd>
      </dl>
      <SourcePanel reportId={detail.report.report_id} address={address} source={detail.report.source} />
      <div className="picker-row">
        <label>
          {t('correction.corrected')}
          <input
            type="number"
            step="any"
            data-testid="correction-value"
            value={value}
            onChange={(e) => setDraft({ of: address, value: e.target.value, reason })}
          />
        </label>
        <label>
          {t('correction.reason')}
          <input
            type="text"
            maxLength={2000}
            data-testid="correction-reason"
            value={reason}
            onChange={(e) => setDraft({ of: address, value, reason: e.target.value })}
          />
        </label>
        <button type="button" data-testid="correction-save" onClick={save}>
          {t('correction.save')}
        </button>
        {current && (
          <button
            type="button"
            onClick={() => removeCorrection({ reportId: detail.report.report_id, table, row, col })}
          >
            {t('correction.remove')}
          </button>
        )}
        <button type="button" onClick={() => selection.select(null)}>
          {t('correction.close')}
        </button>
      </div>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
