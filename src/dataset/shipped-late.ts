/**
 * A dataset's shipped late tables (src/sql/shipped-late.ts): `derived/late.json` names each
 * table's Parquet file in derived/ with its row count and sha256, the four contract files they
 * were built from, and the build that wrote them (the hash of the builders' statements and the
 * search keys' version, `lateBuildId`). Written by the CLI with derived/
 * (src/dataset/node/derived-writer.ts), with the browser's own statements and search keys.
 *
 * The browser uses them only for those very files, from the same builders, while the data loaded
 * is those files alone (src/db/shipped-late.ts); anything else (absent, stale, foreign,
 * malformed) means the tables are built as before. tests/dataset/shipped-late.test.ts fails when
 * the bundled files are no longer what the engine builds.
 */
import { lateBuildText, SHIPPED_LATE, type ShippedLateTable } from '../sql/shipped-late';
import { sha256Hex } from '../util/sha256';
import { DERIVED_DIR, namesTheseFiles } from './derived';
import { PARQUET_FILES } from './rows';
import { SEARCH_KEYS_VERSION } from './unit-search-keys';

export const LATE_META = `${DERIVED_DIR}late.json`;
/** Bump when late.json's shape changes. */
export const LATE_META_VERSION = 1;
/** Bounds: a larger late.json is not read; a larger table file is not fetched whole. */
export const LATE_LIMITS = { metaBytes: 64 * 1024, fileBytes: 64 * 1024 * 1024 } as const;

export const lateFile = (table: ShippedLateTable): string => `${DERIVED_DIR}${table}.parquet`;

export interface LateMeta {
  version: number;
  /** sha256 of the builders' statements and the search keys' version (`lateBuildId`). */
  build: string;
  /** sha256 of each of the four contract files, by file name. */
  sources: Record<string, string>;
  tables: Record<ShippedLateTable, { file: string; rows: number; sha256: string }>;
}

/** The build that writes (and may read) the shipped tables. */
export function lateBuildId(): Promise<string> {
  return sha256Hex(new TextEncoder().encode(`${SEARCH_KEYS_VERSION}\n${lateBuildText()}`));
}

/**
 * The meta if it is for the files whose hashes are `hashes` (by file name) and for the build
 * `build`, else null (never throws on foreign JSON).
 */
export function readLateMeta(
  json: unknown,
  hashes: Readonly<Record<string, string>>,
  build: string,
): LateMeta | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const m = json as Partial<LateMeta>;
  if (m.version !== LATE_META_VERSION || m.build !== build) return null;
  if (!namesTheseFiles(m.sources, hashes)) return null;
  const listed = m.tables as Record<string, { file?: unknown; rows?: unknown; sha256?: unknown }> | undefined;
  if (typeof listed !== 'object' || listed === null) return null;
  const tables = Object.create(null) as LateMeta['tables'];
  for (const t of SHIPPED_LATE) {
    const entry = Object.hasOwn(listed, t) ? listed[t] : undefined;
    if (
      entry?.file !== lateFile(t) ||
      typeof entry.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(entry.sha256)
    )
      return null;
    if (typeof entry.rows !== 'number' || !Number.isInteger(entry.rows) || entry.rows < 0) return null;
    tables[t] = { file: entry.file, rows: entry.rows, sha256: entry.sha256 };
  }
  // The four files' names only, in a record of no prototype: the meta's other keys are dropped.
  const sources: Record<string, string> = Object.create(null);
  for (const f of Object.values(PARQUET_FILES)) sources[f] = hashes[f]!;
  return { version: m.version, build: m.build, sources, tables };
}
