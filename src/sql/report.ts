/** 年报: one report, its cells and checks, and the other years of its unit. */
import { Binder, type BoundQuery } from './bound';
import { id, SCHEMA } from './schema';

export type ReportKey = { reportId: string } | { unit: string; year: number };

export function reportRowSql(key: ReportKey): BoundQuery {
  const b = new Binder();
  const cols = SCHEMA.reports.map((c) =>
    c === 'year' || c === 'check_failures' ? `${id(c)}::INTEGER AS ${id(c)}` : id(c),
  );
  const cond =
    'reportId' in key
      ? `${id('report_id')} = ${b.v(key.reportId)}`
      : `${id('unit')} = ${b.v(key.unit)} AND ${id('year')} = ${b.v(key.year)}`;
  return b.done(`
SELECT ${cols.join(', ')} FROM ${id('reports')}
WHERE ${cond}
ORDER BY ${id('report_id')}
LIMIT 1`);
}

export function reportCellsSql(reportId: string): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT ${id('table')}, ${id('row')}, ${id('col')}, ${id('value')}, ${id('raw')} FROM ${id('cells')}
WHERE ${id('report_id')} = ${b.v(reportId)}`);
}

export function reportChecksSql(reportId: string): BoundQuery {
  const b = new Binder();
  const cols = SCHEMA.checks.map((c) => id(c)).join(', ');
  return b.done(`
SELECT ${cols} FROM ${id('checks')}
WHERE ${id('report_id')} = ${b.v(reportId)}
ORDER BY ${id('rule')}, ${id('location')}`);
}

export function unitYearsSql(unit: string): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT DISTINCT ${id('year')}::INTEGER AS ${id('year')} FROM ${id('reports')}
WHERE ${id('unit')} = ${b.v(unit)}
ORDER BY 1`);
}
