/**
 * Per-parameter parsers of the URL codec (owid-grapher style): each returns valid, invalid with a
 * reason, or missing. They only ever yield whitelisted enums, pattern-matched names and ids and
 * bounded numbers, so nothing from the address bar reaches SQL as free text.
 */

import { type Reason, type ReasonCode, reason } from './reasons';

export type Parsed<T> =
  | { kind: 'valid'; value: T /** Parts dropped from a list, reported as a notice. */; dropped?: string[] }
  | { kind: 'invalid'; reason: Reason }
  | { kind: 'missing' };

export type Parser<T> = (raw: string) => Parsed<T>;

export const valid = <T>(value: T, dropped?: string[]): Parsed<T> =>
  dropped && dropped.length > 0 ? { kind: 'valid', value, dropped } : { kind: 'valid', value };
export const invalid = <T>(code: ReasonCode, vars?: Reason['vars']): Parsed<T> => ({
  kind: 'invalid',
  reason: reason(code, vars),
});

/** Longest raw parameter value looked at; longer values are refused without parsing. */
export const MAX_PARAM_LENGTH = 2000;

export function parseEnum<T extends string>(values: readonly T[]): Parser<T> {
  return (raw) =>
    (values as readonly string[]).includes(raw)
      ? valid(raw as T)
      : invalid('notOneOf', { values: `${values.slice(0, 8).join(', ')}${values.length > 8 ? ', …' : ''}` });
}

export function parseInteger(min: number, max: number): Parser<number> {
  return (raw) => {
    if (!/^-?\d{1,9}$/.test(raw)) return invalid('notInteger');
    const n = Number(raw);
    return n >= min && n <= max ? valid(n) : invalid('outside', { min, max });
  };
}

export const parseFlag: Parser<boolean> = (raw) =>
  raw === '1' || raw === 'true'
    ? valid(true)
    : raw === '0' || raw === 'false'
      ? valid(false)
      : invalid('notFlag');

/** Years the two national formats can cover (the 2019 regulation onward, with room). */
export const YEAR_MIN = 2008;
export const YEAR_MAX = 2100;
export const parseYear = parseInteger(YEAR_MIN, YEAR_MAX);

/**
 * Names of units, provinces and prefectures as stored in reports.parquet: letters and digits of
 * any script and the marks such names carry, Chinese punctuation included (issue 14.9: names
 * with 《》, 〔〕, full-width commas or letters were written into links, then dropped on
 * reload). No ASCII quotes, semicolons, angle brackets, `~` (the list separator), control or
 * format characters.
 */
export const NAME_PATTERN =
  /^[\p{Script=Han}\p{L}\p{N}（）()·・\-—_.、 《》“”‘’，：；〔〕【】「」『』／＆＋＃％]{1,64}$/u;
export const parseName: Parser<string> = (raw) => {
  const name = raw.normalize('NFC').trim();
  return NAME_PATTERN.test(name) ? valid(name) : invalid('notName');
};

/** Rule ids such as `table3.column_balance`. */
export const RULE_PATTERN = /^[a-z][a-z0-9_]{0,40}(\.[a-z0-9_*]{1,40}){0,3}$/;
export const parseRule: Parser<string> = (raw) => (RULE_PATTERN.test(raw) ? valid(raw) : invalid('notRule'));

/** unit_id of reports.parquet: 16 lowercase hex digits. */
export const parseUnitId: Parser<string> = (raw) =>
  /^[0-9a-f]{16}$/.test(raw) ? valid(raw) : invalid('notUnitId');

/** report_id of reports.parquet: letters, digits, `-`, `_`, `.`, at most 96. */
export const REPORT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/;
export const parseReportId: Parser<string> = (raw) =>
  REPORT_ID_PATTERN.test(raw) ? valid(raw) : invalid('notReportId');

/** A printed cell of the Report view: `table3.new_received.total` (table, row key, column key). */
export const CELL_PATTERN = /^table[234]\.[a-z0-9_]{1,60}\.[a-z0-9_]{1,60}$/;
export const parseCell: Parser<string> = (raw) => (CELL_PATTERN.test(raw) ? valid(raw) : invalid('notCell'));

/**
 * Dataset folder: a same-origin relative path only (`data/`, `./data/synthetic/`, `/data/`).
 * No scheme, no `//` host, no `..`, no backslash, no percent-escapes; always ends with `/`.
 */
export const parseDatasetPath: Parser<string> = (raw) => {
  if (raw.length > 200) return invalid('tooLong');
  if (!/^(\.\/|\/)?([A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\/?$/.test(raw)) {
    return invalid('notRelativePath');
  }
  return valid(raw.endsWith('/') ? raw : `${raw}/`);
};

/**
 * A `~`-joined list. Bad items are dropped (and reported) rather than failing the whole list,
 * so one broken unit in a shared link does not lose the others. Duplicates are dropped silently.
 */
export function parseList<T>(item: Parser<T>, maxItems: number): Parser<T[]> {
  return (raw) => {
    if (raw === '') return valid([]);
    const parts = raw.split('~');
    const out: T[] = [];
    const seen = new Set<string>();
    const dropped: string[] = [];
    for (const part of parts) {
      const r = item(part);
      if (r.kind !== 'valid') {
        dropped.push(part);
        continue;
      }
      const key = JSON.stringify(r.value);
      if (seen.has(key)) continue;
      if (out.length >= maxItems) {
        dropped.push(part);
        continue;
      }
      seen.add(key);
      out.push(r.value);
    }
    if (out.length === 0 && dropped.length > 0) return invalid('noValidItem');
    return valid(out, dropped);
  };
}
