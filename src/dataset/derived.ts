/**
 * A dataset's derived/ folder: the helper tables of src/sql/derived.ts precomputed from its
 * cells by the CLI, so the dashboard can skip decoding cells.parquet at start-up. Optional: a
 * dataset without it (or whose meta does not match its files) is loaded the long way.
 */
import type { PrecomputedTable } from '../sql/derived';
import { PARQUET_FILES } from './rows';

export const DERIVED_DIR = 'derived/';
export const DERIVED_META = `${DERIVED_DIR}meta.json`;
/**
 * Bump when a builder in src/sql/derived.ts changes what it writes. 3: report keys (`rid`)
 * numbered by year, so the tables written in rid order hold each year's rows together.
 */
export const DERIVED_VERSION = 3;

export interface DerivedMeta {
  version: number;
  /** sha256 of each contract file the tables were built from (reports ranks, cells holds). */
  sources: Record<(typeof PARQUET_FILES)['reports' | 'cells'], string>;
  /** Each table's file with its row count and sha256: a derived/ folder is used whole or not at all. */
  tables: Record<PrecomputedTable, { file: string; rows: number; sha256: string }>;
}

export const derivedFile = (table: PrecomputedTable): string => `${DERIVED_DIR}${table}.parquet`;

/** The meta if it is one this build can use, else null (never throws on foreign JSON). */
export function readDerivedMeta(json: unknown, tables: readonly PrecomputedTable[]): DerivedMeta | null {
  if (typeof json !== 'object' || json === null) return null;
  const m = json as Partial<DerivedMeta>;
  if (m.version !== DERIVED_VERSION) return null;
  const sources = m.sources as Record<string, unknown> | undefined;
  if (typeof sources?.[PARQUET_FILES.reports] !== 'string') return null;
  if (typeof sources?.[PARQUET_FILES.cells] !== 'string') return null;
  const listed = m.tables as Record<string, { file?: unknown; sha256?: unknown }> | undefined;
  const ok = (t: PrecomputedTable) =>
    listed?.[t]?.file === derivedFile(t) && typeof listed[t].sha256 === 'string';
  if (!tables.every(ok)) return null;
  return m as DerivedMeta;
}

const CONTRACT_FILES = Object.values(PARQUET_FILES);

/**
 * Whether a file shipped in derived/ (first-view.json, anomalies.json) names, in its `sources`,
 * exactly the four contract files loaded: their sha256 by file name in `hashes`.
 */
export function namesTheseFiles(sources: unknown, hashes: Readonly<Record<string, string>>): boolean {
  if (typeof sources !== 'object' || sources === null) return false;
  const named = sources as Record<string, unknown>;
  return CONTRACT_FILES.every((f) => typeof hashes[f] === 'string' && named[f] === hashes[f]);
}
