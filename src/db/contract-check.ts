/**
 * Staged rows against the data contract (src/sql/schema.ts): which DuckDB types a contract column
 * accepts, and the error naming the file when one is missing or mistyped. Apart from the engine so
 * the rule reads in one place; the engine decides what to do with rows that pass.
 */
import { CONTRACT_TYPES, OPTIONAL_COLUMNS } from '../sql/schema';
import type { DatasetFile } from './decode';

export const SQL_TYPE = { text: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE' } as const;

/** DuckDB types a file may carry for a contract type: the insert casts them (NULL: an all-empty column). */
function typeMatches(want: 'text' | 'int' | 'float', got: string): boolean {
  const t = got.toUpperCase();
  if (want === 'text') return t === 'VARCHAR' || t === 'NULL';
  const integer = /^(U?TINYINT|U?SMALLINT|U?INTEGER|U?BIGINT|HUGEINT)$/.test(t);
  if (want === 'int') return integer || t === 'NULL';
  return integer || t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL') || t === 'NULL';
}

export /** Throws, naming the file, when staged columns miss or mistype one of its table's contract columns. */
function checkSchema(file: Omit<DatasetFile, 'bytes'>, columns: { name: string; type: string }[]): void {
  const got = new Map(columns.map((c) => [c.name, c.type]));
  const problems: string[] = [];
  const optional = OPTIONAL_COLUMNS[file.table] ?? [];
  for (const [col, type] of Object.entries(CONTRACT_TYPES[file.table])) {
    const t = got.get(col);
    if (t === undefined && optional.includes(col)) continue;
    if (t === undefined) problems.push(`missing column ${col}`);
    else if (!typeMatches(type, t)) problems.push(`column ${col} is ${t}, expected ${SQL_TYPE[type]}`);
  }
  if (problems.length > 0)
    throw new Error(`${file.name}: wrong schema for ${file.table}: ${problems.join('; ')}`);
}
