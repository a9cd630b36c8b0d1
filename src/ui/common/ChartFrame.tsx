import { type ReactNode, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { useUi } from '../../state';
import { type CsvMeta, type CsvTable, toCsv } from '../export/csv';
import { downloadBlob, safeFileName } from '../export/download';
import { frameSvg, type LegendItem, svgToPng } from '../export/svg';

export interface ChartFrameProps {
  /** Stable id: data-testid `chart-<id>` and the heading's id. */
  id: string;
  title: string;
  /** Filters, year and mode in one line: under the title, and in every export. */
  subtitle?: string;
  /** The metric's formula, shown under the title. */
  formula?: string;
  /** Series names and colours, drawn into image exports (recharts' legend is HTML). */
  legend?: readonly LegendItem[];
  /** Caveats that must travel with the chart (format change, gaps): shown and exported. */
  notes?: readonly string[];
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
  const formulaLine = props.formula ? `${t('chart.formula')}: ${props.formula}` : undefined;

  const chartSvg = (): SVGSVGElement | null =>
    area.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg, svg[data-export="chart"]') ?? null;

  const exportImage = async (kind: 'svg' | 'png') => {
    setExportError(null);
    const svg = chartSvg();
    if (!svg) return;
    try {
      const framed = frameSvg(svg, {
        title: props.title,
        subtitle: props.subtitle,
        legend: props.legend,
        formula: formulaLine,
        notes: props.notes,
        source,
      });
      const blob =
        kind === 'svg'
          ? new Blob([framed.markup], { type: 'image/svg+xml;charset=utf-8' })
          : await svgToPng(framed);
      downloadBlob(blob, safeFileName(props.title, kind));
    } catch (e) {
      setExportError(String(e));
    }
  };
  const exportCsv = () => {
    const meta: [string, string][] = [[t('export.title'), props.title]];
    if (props.subtitle) meta.push([t('export.subtitle'), props.subtitle]);
    if (props.formula) meta.push([t('chart.formula'), props.formula]);
    for (const n of props.notes ?? []) meta.push([t('export.note'), n]);
    meta.push([t('export.source'), source], [t('dataset.label'), dataset]);
    downloadBlob(
      new Blob([toCsv(props.csv(), meta as CsvMeta)], { type: 'text/csv;charset=utf-8' }),
      safeFileName(props.title, 'csv'),
    );
  };

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
      {props.subtitle && (
        <p className="chart-subtitle" data-testid="chart-subtitle">
          {props.subtitle}
        </p>
      )}
      {formulaLine && !embed && <p className="formula">{formulaLine}</p>}
      {exportError && <p role="alert">{exportError}</p>}
      <div ref={area} className="chart-area" aria-busy={props.busy ? 'true' : undefined}>
        {props.children}
      </div>
      {(props.notes ?? []).map((n) => (
        <p key={n} className="chart-note">
          {n}
        </p>
      ))}
      {!embed && props.note}
      {!embed && showTable && props.table && <div className="chart-table">{props.table}</div>}
      <figcaption className="source-line">{source}</figcaption>
    </figure>
  );
}
