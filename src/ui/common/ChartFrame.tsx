import { type ReactNode, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useUi } from '../../state';
import { type CsvTable, toCsv } from '../export/csv';
import { downloadBlob, safeFileName } from '../export/download';
import { frameSvg, svgToPng } from '../export/svg';

export interface ChartFrameProps {
  /** Stable id: data-testid `chart-<id>` and the heading's id. */
  id: string;
  title: string;
  /** The metric's formula, shown under the title. */
  formula?: string;
  /** The chart's data as a table, for CSV. */
  csv: () => CsvTable;
  /** False for HTML charts (pivot grid): no PNG/SVG. */
  image?: boolean;
  /** The data table shown under the chart when tables are on. */
  table?: ReactNode;
  /** Controls above the chart (hidden in embed mode). */
  controls?: ReactNode;
  /** Small print between chart and table (missing units, notes). */
  note?: ReactNode;
  /** The previous result is shown while the next loads. */
  busy?: boolean;
  children: ReactNode;
}

/**
 * Title, formula, export toolbar, chart, data table and source line of one chart. In embed mode
 * only the title, the chart and the source line remain.
 */
export function ChartFrame(props: ChartFrameProps) {
  const { t } = useI18n();
  const embed = useUi((s) => s.embed);
  const showTable = useUi((s) => s.table);
  const dataset = useUi((s) => s.dataset);
  const set = useUi((s) => s.set);
  const area = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const source = t('chart.source', { dataset });

  const chartSvg = (): SVGSVGElement | null =>
    area.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg') ?? null;

  const exportImage = async (kind: 'svg' | 'png') => {
    setExportError(null);
    const svg = chartSvg();
    if (!svg) return;
    try {
      const framed = frameSvg(svg, props.title, source);
      const blob =
        kind === 'svg'
          ? new Blob([framed.markup], { type: 'image/svg+xml;charset=utf-8' })
          : await svgToPng(framed);
      downloadBlob(blob, safeFileName(props.title, kind));
    } catch (e) {
      setExportError(String(e));
    }
  };
  const exportCsv = () =>
    downloadBlob(
      new Blob([toCsv(props.csv())], { type: 'text/csv;charset=utf-8' }),
      safeFileName(props.title, 'csv'),
    );

  return (
    <figure className="chart-frame" data-testid={`chart-${props.id}`} aria-labelledby={`${props.id}-title`}>
      {!embed && props.controls && <div className="controls">{props.controls}</div>}
      <div className="chart-head">
        <h2 id={`${props.id}-title`} className="chart-title">
          {props.title}
        </h2>
        {!embed && (
          <div className="toolbar">
            {props.image !== false && (
              <>
                <button type="button" onClick={() => exportImage('png')} data-testid="export-png">
                  {t('export.png')}
                </button>
                <button type="button" onClick={() => exportImage('svg')} data-testid="export-svg">
                  {t('export.svg')}
                </button>
              </>
            )}
            <button type="button" onClick={exportCsv} data-testid="export-csv">
              {t('export.csv')}
            </button>
            {props.table && (
              <button type="button" aria-pressed={showTable} onClick={() => set({ table: !showTable })}>
                {showTable ? t('table.hide') : t('table.show')}
              </button>
            )}
          </div>
        )}
      </div>
      {props.formula && !embed && (
        <p className="formula">
          {t('chart.formula')}: {props.formula}
        </p>
      )}
      {exportError && <p role="alert">{exportError}</p>}
      <div ref={area} className="chart-area" aria-busy={props.busy ? 'true' : undefined}>
        {props.children}
      </div>
      {!embed && props.note}
      {!embed && showTable && props.table && <div className="chart-table">{props.table}</div>}
      <figcaption className="source-line">{source}</figcaption>
    </figure>
  );
}
