/**
 * The late tables a dataset ships (src/dataset/shipped-late.ts), fetched when the late build
 * starts (after the first view) and decoded in the codec worker while DuckDB's worker inserts the
 * kept tables. Used only for the very files loaded, by the build that wrote them, while the data
 * loaded is those files alone (no saved change, no import, no unit merge); null otherwise, and
 * the late tables are built as before.
 */
import { LATE_LIMITS, LATE_META, lateBuildId, readLateMeta } from '../dataset/shipped-late';
import { SHIPPED_LATE, type ShippedLateTable } from '../sql/shipped-late';
import { readBody } from './fetch';
import { dataAsFetched } from './fingerprint';
import { boundedText, hashesByFile, listedIpc } from './shipped-file';
import type { DatasetTable, ParquetCodec } from './types';

/** Each shipped table's rows as an Arrow IPC stream, with its file's name for messages. */
export type ShippedLate = ReadonlyMap<ShippedLateTable, { name: string; ipc: Uint8Array }>;

export async function fetchShippedLate(
  base: URL,
  hashes: Record<DatasetTable, Promise<string>>,
  codec: ParquetCodec,
): Promise<ShippedLate | null> {
  try {
    if (!(await dataAsFetched())) return null;
    const text = await boundedText(new URL(LATE_META, base), LATE_LIMITS.metaBytes);
    if (text === null) return null;
    const meta = readLateMeta(JSON.parse(text), await hashesByFile(hashes), await lateBuildId());
    if (!meta) {
      console.info(`${LATE_META}: not for these files or this build; the late tables are built`);
      return null;
    }
    const out = new Map<ShippedLateTable, { name: string; ipc: Uint8Array }>();
    for (const t of SHIPPED_LATE) {
      const listed = meta.tables[t];
      const res = await fetch(new URL(listed.file, base));
      const bytes = res.ok ? await readBody(res, undefined, LATE_LIMITS.fileBytes) : null;
      // Too large, absent, or a file from another build: refused.
      const ipc = await listedIpc(bytes, listed, codec);
      if (!ipc) {
        console.info(`${listed.file}: not the file ${LATE_META} lists; the late tables are built`);
        return null;
      }
      out.set(t, { name: listed.file, ipc });
    }
    // A change made while they were on their way (an import, a unit merge) is not in them.
    return (await dataAsFetched()) ? out : null;
  } catch (e) {
    console.info(`${LATE_META}: not used (${e instanceof Error ? e.message : String(e)})`);
    return null;
  }
}
