/**
 * A roster: the bodies a government is expected to have report (its departments, 片区, townships),
 * imported as CSV or TXT or pasted, one name per line (a CSV's first column). With it, coverage
 * tells "expected but absent" (on the roster, no report that year) from "not collected" (a unit
 * of the data without a report, of which nothing says it had to publish). A bad line is named
 * with its number and left out; the good ones are kept.
 */
import { normalizeName } from './identity';

export type RosterProblemCode = 'notAName' | 'tooLong';

export interface RosterProblem {
  /** 1-based line number in the text. */
  line: number;
  /** The line as written, cut to a displayable length. */
  text: string;
  code: RosterProblemCode;
}

export interface Roster {
  names: string[];
  problems: RosterProblem[];
}

/** Most lines read (a roster of a government's bodies is tens to a few hundred). */
export const MAX_ROSTER_LINES = 5000;
const MAX_NAME = 64;
/** What a body's name may hold: Han characters, letters, digits and the few marks names carry. */
const NAME = /^[\p{Script=Han}A-Za-z0-9（）()·・\-—_.、]+$/u;
/** A first line that only names its column. */
const HEADER = /^(name|names|unit|单位|单位名称|名称|部门|部门名称)$/i;

/** The first field of a CSV line (quotes removed), or the whole line of a TXT. */
function firstField(line: string): string {
  const t = line.trim();
  if (t.startsWith('"')) {
    const end = t.indexOf('"', 1);
    return end > 0 ? t.slice(1, end) : t.slice(1);
  }
  return t.split(/[,\t;，]/)[0] ?? '';
}

export function parseRoster(text: string): Roster {
  const names: string[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Set<string>();
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, MAX_ROSTER_LINES);
  lines.forEach((raw, i) => {
    const field = firstField(raw);
    if (field.trim() === '' || raw.trim().startsWith('#')) return;
    const name = normalizeName(field);
    if (i === 0 && HEADER.test(name)) return;
    const shown = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
    if (name.length > MAX_NAME) problems.push({ line: i + 1, text: shown, code: 'tooLong' });
    else if (name.length < 2 || !NAME.test(name) || /^[\d.\-—_]+$/.test(name))
      problems.push({ line: i + 1, text: shown, code: 'notAName' });
    else if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  });
  return { names, problems };
}

/** What the user set up in Coverage: kept with the imports, exported with the annotations. */
export interface RosterSetup {
  /** unit_id of the government whose bodies are expected; '' = no roster. */
  government: string;
  /** Also expect its lower governments (the counties of a prefecture), from GB/T 2260. */
  lower: boolean;
  /** The pasted or imported list of its bodies. */
  text: string;
}

export const NO_ROSTER: RosterSetup = { government: '', lower: false, text: '' };
/** Largest roster text kept (a list of names; anything bigger is not one). */
export const MAX_ROSTER_CHARS = 512 * 1024;

/** A saved or imported setup, checked field by field; anything unreadable is no roster. */
export function parseRosterSetup(v: unknown): RosterSetup {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return NO_ROSTER;
  const o = v as Record<string, unknown>;
  const get = (k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
  const government = get('government');
  const text = get('text');
  return {
    government: typeof government === 'string' && /^[0-9a-f]{16}$/.test(government) ? government : '',
    lower: get('lower') === true,
    text: typeof text === 'string' ? text.slice(0, MAX_ROSTER_CHARS) : '',
  };
}

export const isRosterSet = (r: RosterSetup): boolean => r.government !== '' || r.text !== '';
