/**
 * Unit search by name, pinyin, initials or place, within a province, level, kind, government or
 * parent region; and the unit directory every label is computed from.
 */
import { foldName } from '../domain/units/fold';
import type { UnitInfo } from '../domain/units/labels';
import { QUERY_DEFAULTS, type RegionLevel, type UnitKind } from '../domain/vocab';
import { Binder, type BoundQuery, sqlChar } from './bound';
import { eq, where } from './filters';
import { alias, id, UNIT_FACT_COLUMNS } from './schema';

export interface UnitSearchQuery {
  text?: string;
  province?: string | null;
  level?: RegionLevel | null;
  /** unit_kind: government, department, township, other. */
  kind?: string | null;
  /** The units of one government (its unit_id). */
  parentUnitId?: string | null;
  parentCode?: string | null;
  limit?: number;
}

/** GB/T 2260 codes pad lower levels with zeros: 410000 → 41, 419000 → 4190 (descendants share the prefix). */
export function regionPrefix(code: string): string {
  let p = code.trim();
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2);
  return p;
}

/**
 * Why a unit matched, best first; the order of results is (rank, name length, name, unit_id), so
 * it is stable and can be explained: 0 a name starts with the text, 1 its pinyin initials or
 * pinyin start with it, 2 a name contains it, 3 its pinyin contains it, 4 its place does
 * (迁安 → 迁安市's 大五里镇).
 */
export const MATCH_RANKS = ['name-prefix', 'pinyin-prefix', 'name', 'pinyin', 'place'] as const;

export function unitSearchSql(q: UnitSearchQuery): BoundQuery {
  const b = new Binder();
  const text = foldName((q.text ?? '').trim()).toLowerCase();
  // contains()/starts_with() take the text literally: no LIKE wildcards to escape.
  const t = text ? b.v(text) : null;
  const s = (c: 'search' | 'pinyin' | 'initials' | 'place') => `u.${id(c)}`;
  // `search` holds the folded names joined by '|': a name starts with t when '|' + t occurs.
  const rank = t
    ? `CASE WHEN starts_with(${s('search')}, ${t}) OR contains(${s('search')}, ${b.v('|')} || ${t}) THEN 0
    WHEN starts_with(${s('initials')}, ${t}) OR starts_with(${s('pinyin')}, ${t}) THEN 1
    WHEN contains(${s('search')}, ${t}) THEN 2
    WHEN contains(${s('pinyin')}, ${t}) OR contains(${s('initials')}, ${t}) THEN 3
    WHEN contains(${s('place')}, ${t}) THEN 4 END`
    : '0';
  const parent = q.parentCode
    ? `starts_with(u.${id('region_code')}, ${b.v(regionPrefix(q.parentCode))})`
    : null;
  return b.done(`
SELECT * FROM (
  SELECT u.${id('unit_id')} AS ${alias('unitId')}, u.${id('unit')}, u.${id('short')},
    u.${id('unit_kind')} AS ${alias('unitKind')}, u.${id('parent_unit_id')} AS ${alias('parentUnitId')},
    p.${id('short')} AS ${alias('parentName')}, u.${id('region_code')} AS ${alias('regionCode')},
    u.${id('region_name')} AS ${alias('regionName')}, u.${id('province')}, u.${id('prefecture')},
    u.${id('county')}, u.${id('level')}, u.${id('years')}, u.${id('pinyin')}, u.${id('initials')},
    ${rank} AS ${alias('rank')}
  FROM ${id('units')} u
  LEFT JOIN ${id('units')} p ON p.${id('unit_id')} = u.${id('parent_unit_id')}
  WHERE ${where([
    eq(b, 'province', q.province, 'u'),
    eq(b, 'level', q.level, 'u'),
    eq(b, 'unit_kind', q.kind, 'u'),
    eq(b, 'parent_unit_id', q.parentUnitId, 'u'),
    parent,
  ])}
)
WHERE ${alias('rank')} IS NOT NULL
ORDER BY ${alias('rank')}, length(${id('short')}), ${id('short')}, ${alias('unitId')}
LIMIT ${b.v(q.limit ?? QUERY_DEFAULTS.unitSearch.limit)}`);
}

/** The divisions directly under a region in the dataset's GB/T 2260 tree (a prefecture's counties). */
export function lowerRegionsSql(code: string): BoundQuery {
  const b = new Binder();
  return b.done(`
SELECT ${id('code')}, ${id('name')} FROM ${id('regions')}
WHERE ${id('parent_code')} = ${b.v(code)} AND ${id('level')} <> ${b.v('township')}
ORDER BY ${id('code')}`);
}

/**
 * Separators of the units' one text (`unitDirectorySql`, `unitFactsSql`): between units, between
 * a unit's fields, between its names (ASCII group, file and unit separators). Ids, codes, kinds
 * and levels never hold one; in the free text (names and places) one reads as U+FFFD.
 */
export const DIRECTORY_UNIT = '\u001d';
export const DIRECTORY_FIELD = '\u001c';
export const DIRECTORY_NAME = '\u001f';

/**
 * The fields of a unit's record, in order (readUnits reads them so); `names` (joined by
 * DIRECTORY_NAME) follows them.
 */
const RECORD_FIELDS = ['unit_id', 'unit', ...UNIT_FACT_COLUMNS] as const;
type RecordField = (typeof RECORD_FIELDS)[number];

/**
 * `text` with the separators replaced by U+FFFD, empty when null. Separators are constants
 * (`sqlChar`), so the unit facts' statement has no bound value and runs in the background.
 */
function cleanText(text: string): string {
  const fffd = sqlChar('\uFFFD');
  const unit = sqlChar(DIRECTORY_UNIT);
  const field = sqlChar(DIRECTORY_FIELD);
  const name = sqlChar(DIRECTORY_NAME);
  return `replace(replace(replace(coalesce(${text}, ''), ${unit}, ${fffd}), ${field}, ${fffd}), ${name}, ${fffd})`;
}

/** A unit's names joined by DIRECTORY_NAME, sorted: an aggregate over the rows of `unit`. */
export function packedNames(unit: string): string {
  const name = cleanText(unit);
  return `string_agg(DISTINCT ${name}, ${sqlChar(DIRECTORY_NAME)} ORDER BY ${name})`;
}

/**
 * Every unit of `from` as ONE text, in unit_id order: `unitId␜unit␜kind␜parentUnitId␜regionCode␜
 * regionName␜province␜prefecture␜county␜level␜names` per unit, a missing value empty
 * (`readUnits` splits it). `field` gives each field's expression, `names` the joined names.
 */
function packedUnits(from: string, field: (c: RecordField) => string, names: string): string {
  const fields = RECORD_FIELDS.map((c) => (c === 'unit_id' ? field(c) : cleanText(field(c))));
  const sep = sqlChar(DIRECTORY_FIELD);
  return `
SELECT string_agg(${id('record')}, ${sqlChar(DIRECTORY_UNIT)} ORDER BY ${id('unit_id')}) AS ${alias('units')}
FROM (
  SELECT ${field('unit_id')} AS ${id('unit_id')}, ${[...fields, names].join(` || ${sep} || `)} AS ${id('record')}
  ${from}
)`;
}

/**
 * Every unit of the loaded dataset with what its label needs (src/domain/units/labels.ts): its
 * latest printed name, kind, government and region, and every name it printed. Reads only
 * `reports`, so it answers before the late tables are in.
 *
 * One text (`packedUnits`), which src/queries/units.ts splits: as rows, the nationwide directory
 * (~30,000 units, a list of names each) took the main thread 0.2–0.3 s to decode from Arrow just
 * after the load, while a person's first inputs waited; one decode and a split take milliseconds.
 */
export function unitDirectorySql(): BoundQuery {
  const field = (c: RecordField) =>
    c === 'unit_id'
      ? id('unit_id')
      : c === 'unit'
        ? `arg_max(${id('unit')}, ${id('year')})`
        : `any_value(${id(c)})`;
  return new Binder().done(
    packedUnits(`FROM ${id('reports')}\n  GROUP BY ${id('unit_id')}`, field, packedNames(id('unit'))),
  );
}

/**
 * The same text from the unit facts (src/sql/derived.ts `buildUnitFacts`, names already joined):
 * what the unit index's search keys are computed from, in a worker (src/db/unit-search.worker.ts).
 */
export function unitFactsSql(): BoundQuery {
  return new Binder().done(packedUnits(`FROM ${id('unit_facts')}`, (c) => id(c), id('names')));
}

/** The units of a `packedUnits` text (null or empty: none). */
export function readUnits(packed: string | null): (UnitInfo & { names: string[] })[] {
  if (!packed) return [];
  const orNull = (text: string | undefined) => (text === undefined || text === '' ? null : text);
  return packed.split(DIRECTORY_UNIT).map((record) => {
    const f = record.split(DIRECTORY_FIELD);
    return {
      unitId: f[0] ?? '',
      unit: f[1] ?? '',
      kind: orNull(f[2]) as UnitKind,
      parentUnitId: orNull(f[3]),
      regionCode: orNull(f[4]),
      regionName: orNull(f[5]),
      province: orNull(f[6]),
      prefecture: orNull(f[7]),
      county: orNull(f[8]),
      level: orNull(f[9]) as RegionLevel | null,
      names: (f[10] ?? '').split(DIRECTORY_NAME),
    };
  });
}
