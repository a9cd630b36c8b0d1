/**
 * The original of an imported report, kept with the import in IndexedDB, and the worker that
 * shows where in it a figure was printed (./source.worker.ts). Nothing leaves the browser.
 */
import { PARSE_TIME_LIMIT_MS } from '../parser/extract/limits';
import { getImports } from './client';
import type { LinePlace, RenderedPage, SourceLines, SourceRequest, SourceResponse } from './source.worker';

export type { LinePlace, RenderedPage, SourceLines } from './source.worker';

/** The kept original of an imported report (by report_id), or null: bundled data, or imported before it was kept. */
export function originalOf(reportId: string): { file: string; blob: Blob } | null {
  for (const item of getImports()) {
    const r = item.result;
    if (r.kind === 'report' && r.original && r.reportIds.includes(reportId))
      return { file: r.file, blob: r.original };
  }
  return null;
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, (r: SourceResponse) => void>();

function sourceWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./source.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<SourceResponse>) => {
    pending.get(e.data.id)?.(e.data);
    pending.delete(e.data.id);
  };
  worker.onerror = (e) => stop(`source viewer stopped (${e.message})`);
  return worker;
}

function stop(reason: string): void {
  worker?.terminate();
  worker = null;
  const inFlight = [...pending];
  pending.clear();
  for (const [id, done] of inFlight) done({ id, ok: false, reason });
}

async function ask(
  make: (id: number, bytes: Uint8Array) => SourceRequest,
  blob: Blob,
): Promise<SourceResponse> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve) => {
    const id = ++nextId;
    // The same bound as a parse: a page that will not render costs the worker, not the tab.
    const timer = setTimeout(() => stop('the original took too long to show'), PARSE_TIME_LIMIT_MS);
    pending.set(id, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    sourceWorker().postMessage(make(id, bytes), [bytes.buffer]);
  });
}

/** One page of a kept PDF, rendered about `width` pixels wide. Rejects with the reason. */
export async function renderOriginalPage(blob: Blob, page: number, width: number): Promise<RenderedPage> {
  const r = await ask((id, bytes) => ({ id, kind: 'page', bytes, page, width }), blob);
  if (!r.ok) throw new Error(r.reason);
  if (!('page' in r)) throw new Error('unexpected answer');
  return r.page;
}

/** The lines of a kept text or HTML file at a place. Rejects with the reason. */
export async function originalLines(blob: Blob, fileName: string, place: LinePlace): Promise<SourceLines> {
  const r = await ask((id, bytes) => ({ id, kind: 'lines', bytes, fileName, place }), blob);
  if (!r.ok) throw new Error(r.reason);
  if (!('lines' in r)) throw new Error('unexpected answer');
  return r.lines;
}
