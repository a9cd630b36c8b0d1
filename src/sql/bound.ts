/** A SQL text with `$1, $2, …` placeholders and the values bound to them (params[0] is $1). */
export type SqlValue = string | number | boolean | null;

export interface BoundQuery {
  sql: string;
  params: SqlValue[];
}

/**
 * A character of the code's own (a separator of a packed text), written into the SQL as
 * `chr(n)`: a constant, not a value. The statements the late build runs in the background
 * (src/db/background.ts) must have no bound values, since DuckDB-WASM runs only plain text a
 * little at a time.
 */
export function sqlChar(c: string): string {
  const code = c.codePointAt(0);
  if (code === undefined || String.fromCodePoint(code) !== c) throw new Error('sqlChar: one character');
  return `chr(${code})`;
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

  /**
   * `$1, $2, $3, $4` for a non-empty list of an IN: padded to a power of two by repeating its last
   * value (the same set), so that lists of 5 to 8 values give one SQL text. The engine prepares
   * each text once (src/db/statements.ts), and preparing a new one (adding units to a chart)
   * was a round trip to the worker on the interaction's path. Callers handle empty lists (an
   * empty IN is invalid SQL).
   */
  list(values: readonly SqlValue[]): string {
    if (values.length === 0) throw new Error('Binder.list: empty list');
    let size = 1;
    while (size < values.length) size *= 2;
    const last = values[values.length - 1]!;
    return Array.from({ length: size }, (_, i) => this.v(i < values.length ? values[i]! : last)).join(', ');
  }

  done(sql: string): BoundQuery {
    return { sql: sql.trim(), params: [...this.params] };
  }
}
