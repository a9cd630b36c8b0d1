/**
 * A dataset's `derived/first-view.json`: the engine's answers to the statements the dashboard's
 * first view asks on the default address, and the dataset's summary, computed from these very
 * files by the same engine (duckdb-wasm) and the same SQL builders the browser runs. While DuckDB
 * starts (a 34 MB wasm), the first view draws from them; the engine then answers every question
 * again and replaces them.
 *
 * An answer is used only for the statement it was computed for (its SQL text and bound values,
 * compared whole) over the four contract files it names by sha256, by a build whose derived
 * tables (DERIVED_VERSION) and format (FIRST_VIEW_VERSION) are the file's. Anything else (absent,
 * stale, foreign, oversized, malformed) is no file: time may be lost, never a figure.
 * tests/ui/first-view-answers.test.tsx fails when the bundled file is no longer what the code
 * computes, and writes it anew with UPDATE_FIRST_VIEW=1 (`npm run data:bundle` does).
 */
import type { SqlValue } from '../sql/bound';
import { DERIVED_DIR, DERIVED_VERSION, namesTheseFiles } from './derived';

export const FIRST_VIEW_FILE = `${DERIVED_DIR}first-view.json`;
/** Bump when the file's shape or the encoding of its rows changes. */
export const FIRST_VIEW_VERSION = 1;
/** Bounds of a file that is read before anything else: larger files are not read at all. */
export const FIRST_VIEW_LIMITS = { bytes: 2_000_000, statements: 64, rows: 5_000, depth: 6 } as const;

/** One statement and its rows, as the engine gave them (plain rows, src/db/plain.ts). */
export interface FirstViewStatement {
  sql: string;
  params: SqlValue[];
  rows: Record<string, unknown>[];
}

export interface FirstView {
  version: number;
  derivedVersion: number;
  /** sha256 of each of the four contract files, by file name. */
  sources: Record<string, string>;
  /** The dataset's summary (src/db/types.ts `DatasetSummary` without its load time). */
  summary: Record<string, unknown>;
  statements: FirstViewStatement[];
}

/** The one key of a statement: its text and bound values, nothing normalised. */
export function statementKey(sql: string, params: readonly SqlValue[]): string {
  return `${sql}\u0000${JSON.stringify(params)}`;
}

// JSON has no NaN, ±Infinity or Date: those are written as a one-key object.
const TAG_NUMBER = '$number';
const TAG_DATE = '$date';

function encodeValue(v: unknown): unknown {
  if (typeof v === 'number' && !Number.isFinite(v)) return { [TAG_NUMBER]: String(v) };
  if (v instanceof Date) return { [TAG_DATE]: v.getTime() };
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k] = encodeValue(x);
    return out;
  }
  return v;
}

/** The file's text for `view` (stable: the same answers give the same bytes). */
export function encodeFirstView(view: FirstView): string {
  return `${JSON.stringify({ ...view, statements: view.statements.map((s) => ({ ...s, rows: encodeValue(s.rows) })) })}\n`;
}

class Malformed extends Error {}

function decodeValue(v: unknown, depth: number): unknown {
  if (depth > FIRST_VIEW_LIMITS.depth) throw new Malformed('nested too deep');
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => decodeValue(x, depth + 1));
  const entries = Object.entries(v);
  if (entries.length === 1) {
    const [k, x] = entries[0]!;
    if (k === TAG_NUMBER && (x === 'NaN' || x === 'Infinity' || x === '-Infinity')) return Number(x);
    if (k === TAG_DATE && typeof x === 'number') return new Date(x);
  }
  // Rows are keyed by column names from the file: never a plain object's own keys.
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, x] of entries) out[k] = decodeValue(x, depth + 1);
  return out;
}

const isParam = (v: unknown): v is SqlValue =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v));

/**
 * The file's statements by `statementKey` (rows still encoded: `decodeRows` makes fresh ones for
 * each use) and its summary, if `text` is a first-view file this build can use for files with
 * `hashes`; null otherwise. Never throws.
 */
export function readFirstView(
  text: string,
  hashes: Readonly<Record<string, string>>,
): { summary: Record<string, unknown>; statements: Map<string, unknown> } | null {
  if (text.length > FIRST_VIEW_LIMITS.bytes) return null;
  try {
    const json = JSON.parse(text) as Partial<FirstView> | null;
    if (typeof json !== 'object' || json === null) return null;
    if (json.version !== FIRST_VIEW_VERSION || json.derivedVersion !== DERIVED_VERSION) return null;
    if (!namesTheseFiles(json.sources, hashes)) return null;
    const summary = json.summary;
    if (typeof summary !== 'object' || summary === null || Array.isArray(summary)) return null;
    const list = json.statements;
    if (!Array.isArray(list) || list.length > FIRST_VIEW_LIMITS.statements) return null;
    const statements = new Map<string, unknown>();
    for (const s of list as Partial<FirstViewStatement>[]) {
      if (typeof s?.sql !== 'string' || !Array.isArray(s.params) || !s.params.every(isParam)) return null;
      if (!Array.isArray(s.rows) || s.rows.length > FIRST_VIEW_LIMITS.rows) return null;
      statements.set(statementKey(s.sql, s.params), s.rows);
    }
    return { summary: decodeValue(summary, 0) as Record<string, unknown>, statements };
  } catch {
    return null;
  }
}

/** Fresh rows from a statement's encoded rows (null when they are not rows). */
export function decodeRows(encoded: unknown): Record<string, unknown>[] | null {
  try {
    const rows = decodeValue(encoded, 0);
    if (!Array.isArray(rows) || !rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r)))
      return null;
    return rows as Record<string, unknown>[];
  } catch {
    return null;
  }
}
