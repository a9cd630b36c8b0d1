/**
 * A dataset's derived/ folder (src/dataset/derived.ts), fetched beside its contract files. It is
 * used only when its meta names this build's version and the hashes of the very reports and
 * cells files loaded; anything else (absent, stale, foreign, unreadable) means the helper tables
 * are built from cells instead, so a wrong derived/ folder can cost time but never figures.
 */
import { DERIVED_META, readDerivedMeta } from '../dataset/derived';
import { PARQUET_FILES } from '../dataset/rows';
import { PRECOMPUTED, type PrecomputedTable } from '../sql/derived';
import { sha256Hex } from '../util/sha256';
import { decodeFile } from './decode';
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
      const bytes = await files[i]!;
      // Hashed before the codec worker takes the bytes; a file from another build is refused.
      if ((await sha256Hex(bytes)) !== meta.tables[t].sha256) {
        console.info(
          `${meta.tables[t].file}: not the file ${DERIVED_META} lists; building the helper tables from cells`,
        );
        return null;
      }
      out[t] = await decodeFile(codec, { name: meta.tables[t].file, bytes });
    }
    return out;
  } catch (e) {
    console.info(`${DERIVED_META}: not used (${e instanceof Error ? e.message : String(e)})`);
    return null;
  }
}
