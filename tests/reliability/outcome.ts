/** What every parse outcome must look like, whatever the input: the `ParseOutcome` contract. */
import type { ParseOutcome } from '../../src/parser/api';

/** null when `o` honours the contract, else what is wrong with it. */
export function outcomeProblem(o: ParseOutcome, fileName: string): string | null {
  if (o === null || typeof o !== 'object') return `not an object: ${String(o)}`;
  if (o.ok === false) {
    if (o.file !== fileName) return `failure names ${o.file}, not ${fileName}`;
    if (typeof o.reason !== 'string' || o.reason.trim() === '') return 'failure without a reason';
    return null;
  }
  if (o.ok !== true) return 'ok is neither true nor false';
  const r = o.report;
  if (typeof r.unit !== 'string') return 'unit is not a string';
  if (!Number.isInteger(r.year)) return `year ${r.year} is not an integer`;
  if (r.format !== '2019' && r.format !== '2021') return `format ${String(r.format)}`;
  if (!Array.isArray(r.checks)) return 'checks is not an array';
  for (const table of ['table2', 'table3', 'table4'] as const) {
    for (const [row, cols] of Object.entries(r[table] ?? {})) {
      for (const [col, v] of Object.entries(cols)) {
        if (v !== null && (typeof v !== 'number' || Number.isNaN(v)))
          return `${table}.${row}.${col} is ${String(v)}`;
      }
    }
  }
  if (r.source?.file !== fileName) return 'source.file is not the file name';
  return null;
}
