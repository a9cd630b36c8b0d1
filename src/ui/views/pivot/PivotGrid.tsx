import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useI18n } from '../../../i18n';
import { type PivotCell, type PivotResult, pivotKey } from '../../../queries';
import { observeRectAfterLayout } from '../../common/observe-rect';
import { heatColour } from '../../common/palette';
import { dimValueLabel } from './labels';
import { pivotLines, pivotLookup } from './lines';

const ROW_H = 28;

/**
 * Heat-coloured pivot table. Only the rows in view are in the DOM: spacer rows above and below
 * stand for the rest (TanStack Virtual's table pattern), so the markup stays a real <table>.
 */
export function PivotGrid({
  result,
  format,
  dimLabel,
  unitLabel,
}: {
  result: PivotResult;
  format: (v: number | null) => string;
  dimLabel: (d: string) => string;
  unitLabel: (unitId: string) => string;
}) {
  const i18n = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  // Walks of every cell, once per result: the grid re-renders per scroll step and when the
  // virtualiser measures, and a nationwide prefecture × year answer has ~3,000 cells.
  const { lines, look, min, max } = useMemo(() => {
    let min = 0;
    let max = 0;
    for (const c of result.cells) {
      const v = c.value;
      if (v === null || !Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { lines: pivotLines(result), look: pivotLookup(result), min, max };
  }, [result]);
  /** A cell's text: its value, marked when reports in it lack the summed figure. */
  const shown = (c: PivotCell | undefined): { text: string; title?: string; incomplete: boolean } => {
    if (!c) return { text: '', incomplete: false };
    const missing = c.reports !== null && c.reported !== null ? c.reports - c.reported : 0;
    if (missing <= 0) return { text: format(c.value), incomplete: false };
    const title = i18n.t('pivot.incomplete', { n: missing, m: c.reports ?? 0 });
    return {
      text: c.value === null ? i18n.t('pivot.noFigure') : `${format(c.value)}*`,
      title,
      incomplete: true,
    };
  };
  const heat = (v: number | null) =>
    v === null || max === min ? undefined : heatColour((v - min) / (max - min));
  const hasTotals = result.rowTotals.length > 0;
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_H,
    observeElementRect: observeRectAfterLayout,
    // The scroller's height as its CSS caps it (70vh): without it the first render lays out
    // one row, then measures and renders a screenful again (two commits and layouts on opening).
    initialRect: {
      width: 0,
      height: typeof window === 'undefined' ? 0 : Math.round(0.7 * window.innerHeight),
    },
    // Rows beyond the ~22 in view, each way: a wheel step's worth (as the coverage grid); each
    // costs a cell per column of DOM, laid out and painted on every answer and scroll step.
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = result.rowDims.length + result.colHeaders.length + (hasTotals ? 1 : 0);
  const colLabel = (col: string[]) =>
    col.map((v, i) => dimValueLabel(i18n, result.colDims[i]!, v, unitLabel)).join(' · ') ||
    i18n.t('col.value');

  return (
    <div ref={scroller} className="pivot-grid" data-testid="pivot-grid">
      <table className="pivot-table">
        <thead>
          <tr>
            {result.rowDims.map((d) => (
              <th key={d} scope="col" className="pivot-label">
                {dimLabel(d)}
              </th>
            ))}
            {result.colHeaders.map((c) => (
              <th key={pivotKey(c)} scope="col" className="num">
                {colLabel(c)}
              </th>
            ))}
            {hasTotals && (
              <th scope="col" className="num pivot-total">
                {i18n.t('col.total')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr>
              <td colSpan={span} style={{ height: padTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const line = lines[item.index]!;
            if (line.kind === 'subtotal') {
              const rest = result.rowDims.length - line.prefix.length;
              return (
                <tr
                  key={`s${pivotKey(line.prefix)}`}
                  style={{ height: ROW_H }}
                  className="pivot-subtotal"
                  data-testid="pivot-subtotal"
                >
                  {line.prefix.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: positions of a fixed tuple
                    <th key={i} scope="row" className="pivot-label">
                      {dimValueLabel(i18n, result.rowDims[i]!, p, unitLabel)}
                    </th>
                  ))}
                  <th scope="row" colSpan={rest} className="pivot-label">
                    {i18n.t('pivot.subtotal')}
                  </th>
                  {result.colHeaders.map((c) => (
                    <TotalCell key={pivotKey(c)} s={shown(look.cell(line, c))} className="num" />
                  ))}
                  {hasTotals && <TotalCell s={shown(look.total(line))} className="num pivot-total" />}
                </tr>
              );
            }
            const row = line.header;
            const rk = pivotKey(row);
            return (
              <tr key={rk} style={{ height: ROW_H }}>
                {row.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: positions of a fixed tuple
                  <th key={i} scope="row" className="pivot-label" title={p}>
                    {dimValueLabel(i18n, result.rowDims[i]!, p, unitLabel)}
                  </th>
                ))}
                {result.colHeaders.map((c) => {
                  const cell = look.cell(line, c);
                  const s = shown(cell);
                  return (
                    <td
                      key={pivotKey(c)}
                      className={s.incomplete ? 'num pivot-incomplete' : 'num'}
                      style={heat(cell?.value ?? null)}
                      title={s.title}
                    >
                      {s.text}
                    </td>
                  );
                })}
                {hasTotals && <TotalCell s={shown(look.total(line))} className="num pivot-total" />}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr>
              <td colSpan={span} style={{ height: padBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
        {hasTotals && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={result.rowDims.length} className="pivot-label">
                {i18n.t('col.total')}
              </th>
              {result.colHeaders.map((c) => (
                <TotalCell key={pivotKey(c)} s={shown(look.colTotal(c))} className="num" />
              ))}
              <TotalCell s={shown(result.grandTotal ?? undefined)} className="num" testId="pivot-grand" />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function TotalCell({
  s,
  className,
  testId,
}: {
  s: { text: string; title?: string; incomplete: boolean };
  className: string;
  testId?: string;
}) {
  return (
    <td
      className={s.incomplete ? `${className} pivot-incomplete` : className}
      title={s.title}
      data-testid={testId}
    >
      {s.text}
    </td>
  );
}
