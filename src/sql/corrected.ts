/**
 * "With corrections": a derived table as the query builders read it (t3x, t4x, t2x), with the
 * analyst's corrected values in place of the printed ones. Corrections live in the browser (few,
 * entered by hand), so they are bound as VALUES into a subquery that takes the table's name; the
 * printed values in DuckDB are never changed.
 */
import { TABLE3_COLUMNS, TABLE4_COLUMNS } from '../domain/keys';
import type { Binder } from './bound';
import type { MetricTable } from './metric';
import { id, SCHEMA } from './schema';

/** One corrected cell, as a builder needs it. */
export interface CorrectedCell {
  reportId: string;
  table: 'table2' | 'table3' | 'table4';
  row: string;
  col: string;
  corrected: number;
}

const TABLE_OF: Record<MetricTable, CorrectedCell['table']> = { t3x: 'table3', t4x: 'table4', t2x: 'table2' };
const WIDE: Partial<Record<MetricTable, readonly string[]>> = { t3x: TABLE3_COLUMNS, t4x: TABLE4_COLUMNS };

/** `FROM` text for `table`: the table itself, or a same-named subquery with the corrections applied. */
export function correctedSource(
  b: Binder,
  table: MetricTable,
  corrections?: readonly CorrectedCell[],
): string {
  const mine = (corrections ?? []).filter((c) => c.table === TABLE_OF[table]);
  if (mine.length === 0) return id(table);
  const values = mine
    .map((c) => `(${b.v(c.reportId)}, ${b.v(c.row)}, ${b.v(c.col)}, ${b.v(c.corrected)}::DOUBLE)`)
    .join(', ');
  const k = `(VALUES ${values}) k0(${id('report_id')}, ${id('row')}, ${id('col')}, ${id('v')})`;
  const on = `k.${id('report_id')} = x.${id('report_id')} AND k.${id('row')} = x.${id('row')}`;
  const wide = WIDE[table];
  const cols = SCHEMA[table] as readonly string[];
  if (wide) {
    const pivot = wide
      .map((c) => `max(k0.${id('v')}) FILTER (WHERE k0.${id('col')} = ${b.v(c)}) AS ${id(c as never)}`)
      .join(', ');
    const select = cols
      .map((c) =>
        wide.includes(c)
          ? `coalesce(k.${id(c as never)}, x.${id(c as never)}) AS ${id(c as never)}`
          : `x.${id(c as never)}`,
      )
      .join(', ');
    return `(SELECT ${select}
  FROM ${id(table)} x
  LEFT JOIN (SELECT k0.${id('report_id')}, k0.${id('row')}, ${pivot} FROM ${k} GROUP BY ALL) k ON ${on}) AS ${id(table)}`;
  }
  const select = cols
    .map((c) =>
      c === 'value' ? `coalesce(k.${id('v')}, x.${id('value')}) AS ${id('value')}` : `x.${id(c as never)}`,
    )
    .join(', ');
  return `(SELECT ${select}
  FROM ${id(table)} x
  LEFT JOIN ${k.replace(' k0(', ' k(')} ON ${on} AND k.${id('col')} = x.${id('col')}) AS ${id(table)}`;
}

/**
 * `FROM` text for the narrow table 三 (`t3n`: rid, ki, applicant columns), corrected like
 * `correctedSource(b, 't3x', …)`. For statements that need no report strings per cell row: the
 * t3x view joins every row to `rkeys`, which doubled the cost of a per-report sum in wasm.
 * `as` names it in the statement (a builder's constant).
 */
export function correctedT3n(b: Binder, as: string, corrections?: readonly CorrectedCell[]): string {
  const mine = (corrections ?? []).filter((c) => c.table === 'table3');
  if (mine.length === 0) return `${id('t3n')} ${as}`;
  const values = mine
    .map((c) => `(${b.v(c.reportId)}, ${b.v(c.row)}, ${b.v(c.col)}, ${b.v(c.corrected)}::DOUBLE)`)
    .join(', ');
  const pivot = TABLE3_COLUMNS.map(
    (c) => `max(k0.${id('v')}) FILTER (WHERE k0.${id('col')} = ${b.v(c)}) AS ${id(c)}`,
  ).join(', ');
  const keyed = `SELECT r.${id('rid')}, w.${id('ki')}, ${pivot}
    FROM (VALUES ${values}) k0(${id('report_id')}, ${id('row')}, ${id('col')}, ${id('v')})
    JOIN ${id('rkeys')} r ON r.${id('report_id')} = k0.${id('report_id')}
    JOIN ${id('rowkeys')} w ON w.${id('table')} = ${b.v('table3')} AND w.${id('row')} = k0.${id('row')}
    GROUP BY ALL`;
  const select = TABLE3_COLUMNS.map((c) => `coalesce(k.${id(c)}, x.${id(c)}) AS ${id(c)}`).join(', ');
  return `(SELECT x.${id('rid')}, x.${id('ki')}, ${select}
  FROM ${id('t3n')} x
  LEFT JOIN (${keyed}) k ON k.${id('rid')} = x.${id('rid')} AND k.${id('ki')} = x.${id('ki')}) ${as}`;
}
