/**
 * Imported dataset rows checked before anything uses them. Every string that later names a key
 * (cells' table/row/col, format, unit kind, level) must be one of the contract's vocabulary
 * (src/domain/keys.ts), so data can never name `__proto__` or `constructor` where code indexes
 * an object; ids, units and years must be present and plausible. Problems are per row (line
 * of a CSV, row of a Parquet file), the first few listed, so the file can be fixed.
 */

import type { DatasetTable } from '../db/types';
import {
  FORMATS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLES,
} from '../domain/keys';
import { type Refusal, refusal } from '../domain/refusals';
import { UNIT_KINDS as KINDS, REGION_LEVELS } from '../domain/vocab';

/** How a row is read: one value per contract column. */
export type RowReader = (row: number, column: string) => unknown;

export const FIRST_YEAR = 2008;
export const LAST_YEAR = 2100;
const SHOWN = 5;

const set = (xs: Iterable<string>) => new Set<string>(xs);
const TABLE2_ROWS = set(Object.values(TABLE2_ITEMS).flatMap((items) => Object.keys(items)));
const TABLE2_COLS = set(Object.values(TABLE2_ITEMS).flatMap((items) => Object.values(items).flat()));
/** Per table: its row keys and its column keys. */
const CELL_KEYS = new Map<string, readonly [Set<string>, Set<string>]>([
  ['table2', [TABLE2_ROWS, TABLE2_COLS]],
  ['table3', [set(TABLE3_ROW_KEYS), set(TABLE3_COLUMNS)]],
  ['table4', [set(TABLE4_GROUPS), set(TABLE4_COLUMNS)]],
]);
const FORMAT_SET = set(FORMATS);
const UNIT_KINDS = set(KINDS);
const LEVELS = set(REGION_LEVELS);
const TABLE_SET = set(TABLES);

/** A report id: what reportId() makes (16 hex digits) or any short word-like id; never a key name. */
const REPORT_ID = /^[\w.:-]{1,64}$/;
const RULE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
const REGION_CODE = /^\d{2,12}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\x00-\x1f\x7f]/;

type Check = (value: unknown, read: (column: string) => unknown) => string | null;

const quote = (v: unknown) =>
  JSON.stringify(typeof v === 'bigint' ? String(v) : v)?.slice(0, 40) ?? String(v);

function text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

const required =
  (what: string, extra?: (s: string) => string | null): Check =>
  (v) => {
    const s = text(v);
    if (s === null || s.trim() === '') return `${what} is empty`;
    if (CONTROL.test(s)) return `${what} holds control characters`;
    if (s.length > 300) return `${what} is longer than 300 characters`;
    return extra ? extra(s) : null;
  };

const oneOf =
  (what: string, allowed: Set<string>, nullable = false): Check =>
  (v) => {
    if (v === null || v === undefined) return nullable ? null : `${what} is empty`;
    const s = text(v);
    return s !== null && allowed.has(s)
      ? null
      : `${what} ${quote(v)} is not one of ${[...allowed].join(', ')}`;
  };

/** The number a value holds (bigint within the safe range too), NaN when it is none. */
function asNumber(v: unknown): number {
  if (typeof v === 'bigint')
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(v)
      : Number.NaN;
  return typeof v === 'number' ? v : Number.NaN;
}

const number =
  (what: string, nullable: boolean, integerIn?: readonly [number, number]): Check =>
  (v) => {
    if (v === null || v === undefined) return nullable ? null : `${what} is empty`;
    const n = asNumber(v);
    if (!Number.isFinite(n)) return `${what} ${quote(v)} is not a number`;
    if (integerIn && (!Number.isInteger(n) || n < integerIn[0] || n > integerIn[1]))
      return `${what} ${quote(v)} is not ${integerIn[0] === 0 ? 'a count' : 'a report year'} (${integerIn[0]}–${integerIn[1]})`;
    return null;
  };

const optionalText: Check = (v) =>
  v === null || v === undefined || (typeof v === 'string' && v.length <= 10_000) ? null : 'not text';

const reportId = required('report_id', (s) =>
  REPORT_ID.test(s) ? null : `report_id ${quote(s)} is not an id`,
);

const RULES: Record<DatasetTable, Record<string, Check>> = {
  reports: {
    report_id: reportId,
    unit: required('unit'),
    unit_kind: oneOf('unit_kind', UNIT_KINDS, true),
    region_code: (v) =>
      v === null || (typeof v === 'string' && REGION_CODE.test(v))
        ? null
        : `region_code ${quote(v)} is not a region code`,
    region_name: optionalText,
    province: optionalText,
    prefecture: optionalText,
    county: optionalText,
    level: oneOf('level', LEVELS, true),
    year: number('year', false, [FIRST_YEAR, LAST_YEAR]),
    format: oneOf('format', FORMAT_SET),
    source: optionalText,
    sha256: optionalText,
    parser_version: optionalText,
    check_failures: number('check_failures', true, [0, 1_000_000]),
  },
  cells: {
    report_id: reportId,
    table: oneOf('table', TABLE_SET),
    row: (v, read) => {
      const keys = CELL_KEYS.get(String(read('table')));
      if (!keys) return null; // the table's own message says it
      return typeof v === 'string' && keys[0].has(v)
        ? null
        : `row ${quote(v)} is not a row of ${read('table')}`;
    },
    col: (v, read) => {
      const keys = CELL_KEYS.get(String(read('table')));
      if (!keys) return null;
      return typeof v === 'string' && keys[1].has(v)
        ? null
        : `col ${quote(v)} is not a column of ${read('table')}`;
    },
    value: number('value', true),
    raw: optionalText,
    // Provenance (optional): counts and character offsets, and a box in points on a page.
    src_page: number('src_page', true, [0, 100_000]),
    src_x0: number('src_x0', true),
    src_y0: number('src_y0', true),
    src_x1: number('src_x1', true),
    src_y1: number('src_y1', true),
    src_table: number('src_table', true, [0, 1_000_000]),
    src_row: number('src_row', true, [0, 1_000_000]),
    src_col: number('src_col', true, [0, 1_000_000]),
    src_line: number('src_line', true, [0, 10_000_000]),
    src_start: number('src_start', true, [0, 10_000_000]),
    src_end: number('src_end', true, [0, 10_000_000]),
  },
  checks: {
    report_id: reportId,
    rule: required('rule', (s) => (RULE.test(s) ? null : `rule ${quote(s)} is not a check rule id`)),
    location: optionalText,
    expected: number('expected', true),
    actual: number('actual', true),
    message: optionalText,
  },
  regions: {
    code: required('code', (s) => (REGION_CODE.test(s) ? null : `code ${quote(s)} is not a region code`)),
    name: required('name'),
    level: oneOf('level', LEVELS),
    parent_code: (v) =>
      v === null || (typeof v === 'string' && REGION_CODE.test(v))
        ? null
        : `parent_code ${quote(v)} is not a region code`,
    province_code: (v) =>
      v === null || (typeof v === 'string' && REGION_CODE.test(v))
        ? null
        : `province_code ${quote(v)} is not a region code`,
    pinyin: optionalText,
  },
};

/**
 * Problems of `count` rows of `table`, as one message listing the first few by row
 * (`rowLabel(i)`: "line 3" for a CSV, "row 3" for Parquet), or null when every row is valid.
 */
export function validateRows(
  table: DatasetTable,
  count: number,
  read: RowReader,
  rowLabel: (i: number) => string,
): Refusal | null {
  const rules = Object.entries(RULES[table]);
  const problems: string[] = [];
  let bad = 0;
  for (let i = 0; i < count; i++) {
    const at = (c: string) => read(i, c);
    let first: string | null = null;
    for (const [column, check] of rules) {
      first = check(at(column), at);
      if (first) break;
    }
    if (first) {
      bad++;
      if (problems.length < SHOWN) problems.push(`${rowLabel(i)}: ${first}`);
    }
  }
  if (bad === 0) return null;
  const more = bad > SHOWN ? `; and ${bad - SHOWN} more rows` : '';
  return refusal(bad === 1 ? 'invalidRow' : 'invalidRows', {
    n: bad,
    table,
    detail: `${problems.join('; ')}${more}`,
  });
}
