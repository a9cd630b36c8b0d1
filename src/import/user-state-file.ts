/**
 * The merges and the roster travel in the annotations file (src/domain/annotations/file.ts) as two
 * more top-level fields, `merges` and `roster`: one export of what the analyst set up in this
 * browser. A reader that predates them ignores unknown fields; these are read with the domain's
 * checks, and an imported merge is judged against the loaded data like one made here.
 */
import { MAX_FILE_CHARS } from '../domain/annotations/file';
import type { MergeRefusal, UnitMerge } from '../domain/units/merges';
import { parseMerges } from '../domain/units/merges';
import { isRosterSet, parseRosterSetup } from '../domain/units/roster';
import { ensureMergesLoaded, getMerges, importMerges } from './unit-merges';
import { ensureRosterLoaded, getRoster, setRoster } from './user-state';

/** The annotations file with the merges and the roster of this browser added. */
export async function withUserState(annotationsFile: string): Promise<string> {
  await Promise.all([ensureMergesLoaded(), ensureRosterLoaded()]);
  const doc = JSON.parse(annotationsFile) as Record<string, unknown>;
  const roster = getRoster();
  return `${JSON.stringify({ ...doc, merges: getMerges().list, ...(isRosterSet(roster) && { roster }) }, null, 1)}\n`;
}

export interface UserStateImport {
  merges: { added: number; refused: { merge: UnitMerge; refusal: MergeRefusal }[] };
  /** Whether the file's roster replaced this browser's. */
  roster: boolean;
  /** Why the file's merges were not read at all. */
  problem: string | null;
}

/** Take the merges and the roster of an annotations file (the annotations themselves go elsewhere). */
export async function importUserState(text: string): Promise<UserStateImport> {
  const out: UserStateImport = { merges: { added: 0, refused: [] }, roster: false, problem: null };
  if (text.length > MAX_FILE_CHARS) return out;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return out;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return out;
  const o = doc as Record<string, unknown>;
  if (Object.hasOwn(o, 'merges')) {
    const parsed = parseMerges(o.merges);
    if (parsed.ok) out.merges = await importMerges(parsed.value);
    else out.problem = parsed.reason;
  }
  if (Object.hasOwn(o, 'roster')) {
    const roster = parseRosterSetup(o.roster);
    if (isRosterSet(roster)) {
      await setRoster(roster).catch(() => undefined);
      out.roster = true;
    }
  }
  return out;
}
