/** A metric of src/domain/metrics.ts as SQL aggregates over one report's rows of a derived table. */
import { getMetric, type MetricDef } from '../domain/metrics';
import type { Binder } from './bound';
import { id } from './schema';

export type MetricTable = 't3x' | 't4x' | 't2x';

const TABLE_OF = { table3: 't3x', table4: 't4x', table2: 't2x' } as const;

/** The derived table a metric reads; every term of a metric must come from one table. */
export function metricTable(m: MetricDef): MetricTable {
  const tables = new Set([...m.numerator, ...(m.denominator ?? [])].map((t) => t.table));
  if (tables.size !== 1) throw new Error(`metric ${m.id} mixes tables: ${[...tables].join(', ')}`);
  return TABLE_OF[[...tables][0]!];
}

function termsSql(b: Binder, table: MetricTable, terms: MetricDef['numerator']): string {
  const parts = terms.map((t) => {
    const sign = t.sign === -1 ? '-' : '';
    if (table === 't2x') {
      return `${sign}sum(CASE WHEN ${id('row')} = ${b.v(t.row)} AND ${id('col')} = ${b.v(t.col)} THEN ${id('value')} END)`;
    }
    // t3x/t4x columns are the canonical column keys; validate against the whitelist.
    const col = id(t.col as Parameters<typeof id>[0]);
    return `${sign}sum(CASE WHEN ${id('row')} = ${b.v(t.row)} THEN ${col} END)`;
  });
  // list_sum skips NULLs and is NULL when all are: a blank cell is not zero.
  return `list_sum([${parts.join(', ')}])::DOUBLE`;
}

export interface MetricSql {
  metric: MetricDef;
  table: MetricTable;
  /** Aggregate expressions, valid in a query over `table` grouped per report (or wider). */
  numerator: string;
  denominator: string | null;
  /** Boolean expression over a `format` column: is the report's format one the metric covers. */
  comparable: (formatCol: string) => string;
  /** WHERE fragment keeping only the rows the terms read (lets DuckDB skip the rest early). */
  rows: string;
}

export function metricSql(b: Binder, metricId: string): MetricSql {
  const metric = getMetric(metricId);
  const table = metricTable(metric);
  const formats = b.list(metric.formats);
  return {
    metric,
    table,
    numerator: termsSql(b, table, metric.numerator),
    denominator: metric.denominator ? termsSql(b, table, metric.denominator) : null,
    comparable: (formatCol) => `(${formatCol} IN (${formats}))`,
    rows: `${id('row')} IN (${b.list([...new Set([...metric.numerator, ...(metric.denominator ?? [])].map((t) => t.row))])})`,
  };
}

/** value = numerator for counts, numerator / denominator (NULL on a zero denominator) for rates. */
export function valueExpr(m: MetricSql, num: string, den: string): string {
  return m.denominator ? `CASE WHEN ${den} <> 0 THEN ${num} / ${den} END` : num;
}
