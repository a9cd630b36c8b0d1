/** WHERE fragments for list filters; an absent list means "no filter", an empty list matches nothing. */
import type { Binder, SqlValue } from './bound';
import { type AnyColumn, id } from './schema';

export function inList(
  b: Binder,
  column: AnyColumn,
  values: readonly SqlValue[] | undefined,
  alias?: string,
): string | null {
  if (values === undefined) return null;
  if (values.length === 0) return 'FALSE';
  const col = alias ? `${alias}.${id(column)}` : id(column);
  return `${col} IN (${b.list(values)})`;
}

export function eq(
  b: Binder,
  column: AnyColumn,
  value: SqlValue | null | undefined,
  alias?: string,
): string | null {
  if (value === undefined || value === null) return null;
  const col = alias ? `${alias}.${id(column)}` : id(column);
  return `${col} = ${b.v(value)}`;
}

/** AND the non-null conditions; `TRUE` when none. */
export function where(conditions: readonly (string | null)[]): string {
  const kept = conditions.filter((c): c is string => c !== null);
  return kept.length === 0 ? 'TRUE' : kept.join(' AND ');
}
