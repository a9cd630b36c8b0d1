/**
 * Which body published a report: its `unit_id` (../shared/spec/report-model.md). A unit is its
 * region plus its name, never its name alone: every county has a 公安局, and 鼓楼区 is in 南京,
 * 福州, 徐州 and 开封. Pure and synchronous, so the CLI, the synthetic generator, browser import
 * and the loader of old datasets (which lack the column) compute the same id for the same inputs.
 */
import type { RegionLevel } from '../report';
import type { UnitKind } from '../vocab/modes';
import { fnv1a64 } from './hash';

export type { UnitKind };

/** What the id is derived from: the printed name and where the body was placed. */
export interface UnitFacts {
  unit: string;
  kind: UnitKind;
  regionCode: string | null;
  regionLevel: RegionLevel | null;
  /**
   * Names of the region and of its ancestors, plus other names they go by (平潭综合实验区 for
   * 平潭县): a leading one is the government's prefix, not part of a department's own name.
   */
  placeNames: readonly string[];
}

/** A renamed body or a misprint declared the same unit: normalised name → the name it stands for. */
export type UnitAliases = ReadonlyMap<string, string>;

/** NFKC (full-width → half-width, ⼀-style radicals), no whitespace: how names are compared. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

const GOVERNMENT_TITLE = /(人民政府|政府)$/;
/** Administrative endings dropped to get a place's short form (平潭县 → 平潭, 南京市 → 南京). */
const PLACE_SUFFIX =
  /(综合实验区|自治州|自治县|自治旗|自治区|特别行政区|新区|地区|街道|苏木|省|市|区|县|旗|盟|乡|镇)$/;

/** The place names a prefix may be printed as: each name and its short form (≥ 2 characters). */
function prefixForms(placeNames: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const raw of placeNames) {
    const name = normalizeName(raw);
    if (name.length < 2) continue;
    forms.add(name);
    const short = name.replace(PLACE_SUFFIX, '');
    if (short.length >= 2 && short !== name) forms.add(short);
  }
  // Longest first: 平潭综合实验区 before 平潭.
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * The name without its government's prefix: 平潭综合实验区公安局 and 平潭公安局 are both 公安局
 * of 平潭; 淮安市洪泽区人民政府 is 洪泽区. A name that is nothing but place names keeps its last one.
 */
export function localName(unit: string, placeNames: readonly string[], kind?: UnitKind): string {
  let name = normalizeName(unit);
  if (kind === 'government' || kind === 'township') name = name.replace(GOVERNMENT_TITLE, '') || name;
  const forms = prefixForms(placeNames);
  for (;;) {
    // Longest form first, so 南京市… loses 南京市, not 南京.
    const form = forms.find((f) => name.startsWith(f) && name.length > f.length);
    if (!form) return name;
    name = name.slice(form.length);
  }
}

/** A body that is its region's own government (a county's 人民政府, a township's 镇政府). */
export function isOwnGovernment(kind: UnitKind, level: RegionLevel | null): boolean {
  return kind === 'government' || (kind === 'township' && level === 'township');
}

/** Apply declared aliases (repeatedly: A → B → C), on normalised names, stopping at a cycle. */
export function canonicalName(unit: string, aliases?: UnitAliases): string {
  let name = normalizeName(unit);
  if (!aliases) return name;
  const seen = new Set<string>([name]);
  for (let next = aliases.get(name); next !== undefined && !seen.has(next); next = aliases.get(name)) {
    name = next;
    seen.add(name);
  }
  return name;
}

/**
 * The text the id hashes: a region's own government by the region alone (洪泽区 and 淮安市洪泽区人民政府
 * are one body), any other body by its region and its name without the government's prefix, and
 * an unplaced body by its normalised name (nothing else is known of it).
 */
export function unitKey(facts: UnitFacts, aliases?: UnitAliases): string {
  const name = canonicalName(facts.unit, aliases);
  if (!facts.regionCode) return `name:${name.replace(GOVERNMENT_TITLE, '') || name}`;
  if (isOwnGovernment(facts.kind, facts.regionLevel)) return governmentKey(facts.regionCode);
  return `${facts.regionCode}:${localName(name, facts.placeNames, facts.kind)}`;
}

const governmentKey = (regionCode: string) => `gov:${regionCode}`;

/** 16 hex digits, like report_id: short enough for links, stable across machines. */
export function unitIdOfKey(key: string): string {
  return fnv1a64(`unit\u0000${key}`);
}

export function unitId(facts: UnitFacts, aliases?: UnitAliases): string {
  return unitIdOfKey(unitKey(facts, aliases));
}

/** The id of a region's own government, whether or not its report is in the dataset. */
export function governmentId(regionCode: string): string {
  return unitIdOfKey(governmentKey(regionCode));
}

/**
 * The region whose government a body belongs to: a department, a 片区 or any body placed at its
 * government's region → that region; a region's own government → the region above it. The parent
 * id is computed from the region tree even when the parent's own report is absent (coverage then
 * shows it as expected), and is null when the tree has no region above.
 */
export function parentRegionCode(
  facts: Pick<UnitFacts, 'kind' | 'regionCode' | 'regionLevel'>,
  regionParentCode: string | null,
): string | null {
  if (!facts.regionCode) return null;
  return isOwnGovernment(facts.kind, facts.regionLevel) ? regionParentCode : facts.regionCode;
}

export function parentUnitId(
  facts: Pick<UnitFacts, 'kind' | 'regionCode' | 'regionLevel'>,
  regionParentCode: string | null,
): string | null {
  const code = parentRegionCode(facts, regionParentCode);
  return code ? governmentId(code) : null;
}

/**
 * The parent region of a GB/T 2260 code from the code alone, for datasets written before
 * parent_unit_id existed (their regions table is not read before the first chart): a 9-digit
 * township → its county; a county → its prefecture, or its province for the four municipalities
 * and for province-administered counties (…90xx); a prefecture → its province.
 */
export function parentCodeByArithmetic(code: string): string | null {
  if (/^\d{9,12}$/.test(code)) return code.slice(0, 6);
  if (!/^\d{6}$/.test(code)) return null;
  const province = `${code.slice(0, 2)}0000`;
  if (code === province) return null;
  if (code.endsWith('00')) return province;
  if (MUNICIPALITIES.has(code.slice(0, 2)) || code.slice(2, 4) === '90') return province;
  return `${code.slice(0, 4)}00`;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/**
 * Parses an aliases file: one `name<TAB>same unit as` per line (or `→`, `=>`, `,`), `#` comments.
 * A line `unit:<id><TAB>unit:<id>` (what the browser's merges download as, ./merges.ts) says the
 * first unit's reports are the second unit's, by id: `units`. Returns the lines it could not read,
 * by number, so a caller names them.
 */
export function parseAliases(text: string): {
  aliases: Map<string, string>;
  units: Map<string, string>;
  problems: string[];
} {
  const aliases = new Map<string, string>();
  const units = new Map<string, string>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const body = line.replace(/#.*$/, '').trim();
    if (body === '') return;
    const parts = body.split(/\t|→|=>|,/).map((p) => normalizeName(p));
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      problems.push(`line ${i + 1}: expected "name<TAB>same unit as", got "${line.slice(0, 60)}"`);
      return;
    }
    const ids = parts.map((p) => /^unit:([0-9a-f]{16})$/.exec(p)?.[1]);
    if (ids[0] !== undefined || ids[1] !== undefined) {
      if (ids[0] === undefined || ids[1] === undefined)
        problems.push(`line ${i + 1}: expected "unit:<16 hex digits><TAB>unit:<16 hex digits>"`);
      else if (ids[0] !== ids[1]) units.set(ids[0], ids[1]);
      return;
    }
    if (parts[0] === parts[1]) return;
    if (aliases.has(parts[0]) && aliases.get(parts[0]) !== parts[1]) {
      problems.push(`line ${i + 1}: "${parts[0]}" is already an alias of "${aliases.get(parts[0])}"`);
      return;
    }
    aliases.set(parts[0], parts[1]);
  });
  return { aliases, units, problems };
}
