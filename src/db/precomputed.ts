/**
 * A dataset's derived/ folder (src/dataset/derived.ts), fetched beside its contract files. It is
 * used only when its meta names this build's version and the hashes of the very reports and
 * cells files loaded; anything else (absent, stale, foreign, unreadable) means the helper tables
 * are built from cells instead, so a wrong derived/ folder can cost time but never figures.
 */
import { DERIVED_META, readDerivedMeta } from '../dataset/derived';
import { PARQUET_FILES } from '../dataset/rows';
import { PRECOMPUTED, type PrecomputedTable } from '../sql/derived';
import { listedIpc } from './shipped-file';
import type { ParquetCodec } from './types';

export type PrecomputedIpc = Record<PrecomputedTable, Uint8Array>;

export async function fetchPrecomputed(
  base: URL,
  /** sha256 of the reports and cells files being loaded. */
  hashes: { reports: Promise<string>; cells: Promise<string> },
  codec: ParquetCodec,
): Promise<PrecomputedIpc | null> {
  try {
    const res = await fetch(new URL(DERIVED_META, base));
    if (!res.ok) return null;
    const meta = readDerivedMeta(await res.json(), PRECOMPUTED);
    if (!meta) return null;
    const files = PRECOMPUTED.map(async (t) => {
      const r = await fetch(new URL(meta.tables[t].file, base));
      if (!r.ok) throw new Error(`${meta.tables[t].file}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    });
    for (const f of files) f.catch(() => undefined);
    const [hr, hc] = await Promise.all([hashes.reports, hashes.cells]);
    if (hr !== meta.sources[PARQUET_FILES.reports] || hc !== meta.sources[PARQUET_FILES.cells]) {
      console.info(`${DERIVED_META}: built from other files; building the helper tables from cells`);
      return null;
    }
    const out = {} as PrecomputedIpc;
    for (const [i, t] of PRECOMPUTED.entries()) {
      // A file from another build is refused.
      const ipc = await listedIpc(await files[i]!, meta.tables[t], codec);
      if (!ipc) {
        console.info(
          `${meta.tables[t].file}: not the file ${DERIVED_META} lists; building the helper tables from cells`,
        );
        return null;
      }
      out[t] = ipc;
    }
    return out;
  } catch (e) {
    console.info(`${DERIVED_META}: not used (${e instanceof Error ? e.message : String(e)})`);
    return null;
  }
}
