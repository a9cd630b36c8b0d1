/** A SQL text with `$1, $2, …` placeholders and the values bound to them (params[0] is $1). */
export type SqlValue = string | number | boolean | null;

export interface BoundQuery {
  sql: string;
  params: SqlValue[];
}

/**
 * Collects bound values while a builder writes SQL: `b.v(x)` appends x and returns `$n`.
 * Numbered placeholders keep fragments correct whatever order they are built and spliced in.
 * User input reaches SQL only through here; identifiers come from ./schema.ts.
 */
export class Binder {
  readonly params: SqlValue[] = [];

  v(value: SqlValue): string {
    // A lone UTF-16 surrogate (pasted text, a fuzzed link) cannot become UTF-8: DuckDB would
    // fail the whole query, so it is bound as U+FFFD instead (found by tests/reliability/url-fuzz).
    this.params.push(typeof value === 'string' ? value.replace(/[\uD800-\uDFFF]/gu, '\uFFFD') : value);
    return `$${this.params.length}`;
  }

  /** `$1, $2, $3` for a non-empty list; callers handle empty lists (an empty IN is invalid SQL). */
  list(values: readonly SqlValue[]): string {
    if (values.length === 0) throw new Error('Binder.list: empty list');
    return values.map((x) => this.v(x)).join(', ');
  }

  done(sql: string): BoundQuery {
    return { sql: sql.trim(), params: [...this.params] };
  }
}
