import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import {
  type LinePlace,
  originalLines,
  originalOf,
  type RenderedPage,
  renderOriginalPage,
  type SourceLines,
} from '../../../import/source';
import { type CellSourceRow, cellSourcesQuery } from '../../../queries';

/** Page images are rendered this many pixels wide (a sharp page at the panel's width). */
const RENDER_WIDTH = 1000;

/**
 * Where the selected figure was printed: its place from the `src_` columns in words and, for an
 * imported file whose original was kept, the original itself: the PDF page with a box around the
 * figure, or the text lines / HTML row with the figure marked. Bundled data ships no report text.
 */
export function SourcePanel({
  reportId,
  address,
  source,
}: {
  reportId: string;
  address: string;
  source: string;
}) {
  const { t, num } = useI18n();
  const sources = useQuery(cellSourcesQuery(reportId));
  if (sources.isPending) return null;
  const place = sources.data?.get(address);
  if (!place) return <p className="muted">{t('source.notRecorded')}</p>;
  const original = originalOf(reportId);
  const n = (v: number | undefined) => num(v ?? 0, 1);
  const words =
    place.src_page !== undefined
      ? t('source.page', {
          page: place.src_page,
          x0: n(place.src_x0),
          y0: n(place.src_y0),
          x1: n(place.src_x1),
          y1: n(place.src_y1),
        })
      : place.src_table !== undefined
        ? t('source.grid', {
            table: place.src_table,
            row: place.src_row ?? '',
            col: place.src_col ?? '',
            start: (place.src_start ?? 0) + 1,
            end: place.src_end ?? '',
          })
        : t('source.line', {
            line: place.src_line ?? '',
            start: (place.src_start ?? 0) + 1,
            end: place.src_end ?? '',
          });
  const imported = original !== null;
  return (
    <div className="source-panel" data-testid="source-panel">
      <dl className="report-meta">
        <dt>{t('source.place')}</dt>
        <dd data-testid="source-place">{words}</dd>
      </dl>
      {imported ? (
        place.src_page !== undefined ? (
          <PageView blob={original.blob} place={place} />
        ) : (
          <LinesView blob={original.blob} file={original.file} place={place} />
        )
      ) : (
        <p className="muted">{t(source.startsWith('imported:') ? 'source.noOriginal' : 'source.bundled')}</p>
      )}
    </div>
  );
}

/** Blobs by identity, for effect keys: one kept original is one Blob object. */
const blobIds = new WeakMap<Blob, number>();
let blobCount = 0;
const blobId = (b: Blob): number => {
  if (!blobIds.has(b)) blobIds.set(b, ++blobCount);
  return blobIds.get(b)!;
};

/** Runs `load` again whenever `key` changes; the newest answer wins. */
function useOriginal<T>(key: string, load: () => Promise<T>): { data?: T; error?: string } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` reads
  useEffect(() => {
    let live = true;
    setState({});
    load().then(
      (data) => live && setState({ data }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

function PageView({ blob, place }: { blob: Blob; place: CellSourceRow }) {
  const { t } = useI18n();
  const page = place.src_page!;
  const state = useOriginal<RenderedPage>(`${blobId(blob)}:${page}`, () =>
    renderOriginalPage(blob, page, RENDER_WIDTH),
  );
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const rendered = state.data;
  useEffect(() => {
    const c = canvas.current;
    if (!c || !rendered) return;
    c.width = rendered.width;
    c.height = rendered.height;
    c.getContext('2d')?.putImageData(new ImageData(rendered.rgba, rendered.width, rendered.height), 0, 0);
    box.current?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [rendered]);
  if (state.error) return <p role="alert">{t('source.failed', { reason: state.error })}</p>;
  if (!rendered) return <p className="muted">{t('source.rendering')}</p>;
  const [x0, y0, x1, y1] = [place.src_x0 ?? 0, place.src_y0 ?? 0, place.src_x1 ?? 0, place.src_y1 ?? 0];
  const pct = (v: number, of: number) => `${(100 * v) / of}%`;
  // A little room around the figure so the frame does not cover its digits.
  const pad = 2;
  return (
    <div className="source-page-scroll">
      <div className="source-page">
        <canvas
          ref={canvas}
          data-testid="source-page"
          data-page={page}
          data-width-pt={rendered.widthPt}
          data-height-pt={rendered.heightPt}
          role="img"
          aria-label={t('source.pageAlt', { page })}
        />
        <div
          ref={box}
          className="source-box"
          data-testid="source-box"
          data-box={[x0, y0, x1, y1].join(',')}
          style={{
            left: pct(x0 - pad, rendered.widthPt),
            top: pct(y0 - pad, rendered.heightPt),
            width: pct(x1 - x0 + 2 * pad, rendered.widthPt),
            height: pct(y1 - y0 + 2 * pad, rendered.heightPt),
          }}
        />
      </div>
    </div>
  );
}

function LinesView({ blob, file, place }: { blob: Blob; file: string; place: CellSourceRow }) {
  const { t } = useI18n();
  const where: LinePlace =
    place.src_table !== undefined
      ? { table: place.src_table, row: place.src_row ?? 0 }
      : { line: place.src_line ?? 0 };
  const state = useOriginal<SourceLines>(`${blobId(blob)}:${file}:${JSON.stringify(where)}`, () =>
    originalLines(blob, file, where),
  );
  if (state.error) return <p role="alert">{t('source.failed', { reason: state.error })}</p>;
  if (!state.data) return <p className="muted">{t('source.rendering')}</p>;
  const cellIndex = place.src_col !== undefined ? place.src_col - 1 : 0;
  const [start, end] = [place.src_start ?? 0, place.src_end ?? 0];
  return (
    <div className="source-lines" data-testid="source-lines">
      {state.data.lines.map((line) => (
        <div key={line.n} className={line.at ? 'source-text-line at' : 'source-text-line'}>
          <span className="source-n">{line.n}</span>
          {line.cells.map((cell, i) =>
            line.at && i === cellIndex ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells of one line, in order
              <span key={i} className="source-cell">
                {cell.slice(0, start)}
                <mark data-testid="source-mark">{cell.slice(start, end)}</mark>
                {cell.slice(end)}
              </span>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: cells of one line, in order
              <span key={i} className="source-cell">
                {cell}
              </span>
            ),
          )}
        </div>
      ))}
    </div>
  );
}
