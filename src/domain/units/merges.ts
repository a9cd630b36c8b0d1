/**
 * Units an analyst declares to be one body in the browser, without re-ingesting: a body renamed in
 * a 机构改革 (国有资产管理局 → 投资促进局), or two spellings the name rules did not join. A merge is
 * an alias between unit ids (from → into), like a `unit:` line of the CLI's aliases file (see
 * `parseAliases` in ./identity.ts), so the browser and `cli ingest --aliases` give the same ids.
 * Pure: the list is kept with the imports (src/import/unit-merges.ts) and applied in DuckDB.
 */

export interface UnitMerge {
  /** unit_id whose reports join the other unit. */
  from: string;
  /** unit_id they join (itself possibly merged on: chains resolve, see `resolveMerges`). */
  into: string;
  /** Labels when the merge was made: the list and the aliases file name units, not just ids. */
  fromName: string;
  intoName: string;
  /** ISO date-time the merge was made. */
  date: string;
}

/** What a merge is judged on: one unit of the loaded data, after the merges already made. */
export interface MergeCandidate {
  unitId: string;
  parentUnitId: string | null;
  /** The years of its reports, one entry per report (a year twice would already be a conflict). */
  years: readonly number[];
}

export type MergeRefusal =
  | { code: 'same' }
  | { code: 'missing'; unitId: string }
  /** Both units have a report for these years: merged, a (unit, year) would hold two reports. */
  | { code: 'years'; years: number[] }
  /** A body belongs to one government: units of two governments are two bodies. */
  | { code: 'parent'; fromParent: string | null; intoParent: string | null };

export const UNIT_ID_PATTERN = /^[0-9a-f]{16}$/;
/** Far above what anyone merges by hand; bounds a saved or imported list. */
export const MAX_MERGES = 5000;

/**
 * Each merged unit's final unit: chains are followed (A → B and B → C make A → C); a cycle (which
 * `checkMerge` never lets in, but a hand-edited file might hold) stops where it would repeat.
 * Later merges of the same `from` win. Maps, never plain objects: the ids are data.
 */
export function resolveMerges(merges: readonly Pick<UnitMerge, 'from' | 'into'>[]): Map<string, string> {
  const next = new Map<string, string>();
  for (const m of merges) if (m.from !== m.into) next.set(m.from, m.into);
  const out = new Map<string, string>();
  for (const from of next.keys()) {
    const seen = new Set<string>([from]);
    let at = from;
    for (let to = next.get(at); to !== undefined && !seen.has(to); to = next.get(at)) {
      at = to;
      seen.add(at);
    }
    if (at !== from) out.set(from, at);
  }
  return out;
}

/** Where a unit id now points: itself unless merged. */
export const mergedId = (resolved: ReadonlyMap<string, string>, unitId: string): string =>
  resolved.get(unitId) ?? unitId;

/**
 * Why merging `from` into `into` is refused, or null when it may go ahead. Refused: the same unit;
 * a unit not in the data; a year both have a report for (the merged unit would hold two reports
 * that year, and every figure of it would be the sum of two bodies); units of two different
 * governments (a body belongs to its government: 公安局 of 平潭 and 公安局 of 福清 are two bodies,
 * and a link from a department to its government must not silently change). Two units neither
 * placed under a government (parent null) may merge: that is two spellings of an unplaced body.
 */
export function checkMerge(
  from: MergeCandidate | undefined,
  into: MergeCandidate | undefined,
  fromId: string,
  intoId: string,
): MergeRefusal | null {
  if (fromId === intoId) return { code: 'same' };
  if (!from) return { code: 'missing', unitId: fromId };
  if (!into) return { code: 'missing', unitId: intoId };
  if (from.unitId === into.unitId) return { code: 'same' };
  const theirs = new Set(into.years);
  const both = [...new Set(from.years.filter((y) => theirs.has(y)))].sort((a, b) => a - b);
  if (both.length > 0) return { code: 'years', years: both };
  if (from.parentUnitId !== into.parentUnitId)
    return { code: 'parent', fromParent: from.parentUnitId, intoParent: into.parentUnitId };
  return null;
}

/** Add a merge to a list (one entry per `from`: a newer one replaces it). */
export function addMerge(list: readonly UnitMerge[], m: UnitMerge): UnitMerge[] {
  return [...list.filter((x) => x.from !== m.from), m];
}

/** Undo one merge: the `from` unit and whatever was merged into it come apart again. */
export function removeMerge(list: readonly UnitMerge[], from: string): UnitMerge[] {
  return list.filter((x) => x.from !== from);
}

/** `from → into` pairs, resolved, in a stable order: what DuckDB's mapping table holds. */
export function mergePairs(list: readonly UnitMerge[]): [string, string][] {
  return [...resolveMerges(list)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The merges as an aliases file `cli ingest --aliases` reads: `unit:<id><TAB>unit:<id>` lines. */
export function mergesToAliases(list: readonly UnitMerge[]): string {
  const lines = [
    '# Units merged in the browser (gov-info-reports), for `cli ingest --aliases FILE`:',
    '# a line "unit:<id><TAB>unit:<id>" makes the reports of the first unit those of the second,',
    '# so a re-ingest gives the ids the downloaded dataset carries.',
  ];
  for (const m of list) {
    lines.push(`# ${oneLine(m.fromName)} → ${oneLine(m.intoName)} (${m.date.slice(0, 10)})`);
    lines.push(`unit:${m.from}\tunit:${m.into}`);
  }
  return `${lines.join('\n')}\n`;
}

const oneLine = (s: string) => s.replace(/[\r\n#]+/g, ' ').slice(0, 200);

const MAX_NAME = 300;

/**
 * A list of merges read back (IndexedDB, a user-state file): every field checked, the whole list
 * refused with a reason naming the first bad entry. Unknown fields are dropped.
 */
export function parseMerges(v: unknown): { ok: true; value: UnitMerge[] } | { ok: false; reason: string } {
  if (!Array.isArray(v)) return { ok: false, reason: 'merges is not a list' };
  if (v.length > MAX_MERGES) return { ok: false, reason: `merges: more than ${MAX_MERGES} entries` };
  const out: UnitMerge[] = [];
  for (const [i, e] of v.entries()) {
    const where = `merges[${i}]`;
    if (e === null || typeof e !== 'object' || Array.isArray(e))
      return { ok: false, reason: `${where} is not an object` };
    const o = e as Record<string, unknown>;
    const get = (k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
    const from = get('from');
    const into = get('into');
    if (typeof from !== 'string' || !UNIT_ID_PATTERN.test(from))
      return { ok: false, reason: `${where}: from is not a unit id` };
    if (typeof into !== 'string' || !UNIT_ID_PATTERN.test(into) || into === from)
      return { ok: false, reason: `${where}: into is not another unit id` };
    const names = ['fromName', 'intoName', 'date'].map(get);
    if (names.some((n) => typeof n !== 'string' || n.length > MAX_NAME))
      return { ok: false, reason: `${where}: fromName, intoName or date is not a short text` };
    const [fromName, intoName, date] = names as string[];
    if (Number.isNaN(Date.parse(date!))) return { ok: false, reason: `${where}: date is not a date` };
    out.push({ from, into, fromName: fromName!, intoName: intoName!, date: date! });
  }
  return { ok: true, value: out };
}
