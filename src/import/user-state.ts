/**
 * The analyst's settings that change how the loaded data reads, kept in the imports' IndexedDB
 * database beside the imports (./persist.ts): units merged in the browser and the coverage roster.
 * Each is one record of the `state` store, read back through the domain's checks (a damaged
 * record is dropped, not trusted).
 */
import { parseMerges, type UnitMerge } from '../domain/units/merges';
import { NO_ROSTER, parseRosterSetup, type RosterSetup } from '../domain/units/roster';
import { readSavedChanges, readState, writeState } from './persist';

export async function loadMerges(): Promise<UnitMerge[]> {
  return mergesOf(await readState('merges'));
}

/** The saved merges record as start-up applies it: a damaged one is dropped (none). */
function mergesOf(saved: unknown): UnitMerge[] {
  const parsed = parseMerges(saved ?? []);
  return parsed.ok ? parsed.value : [];
}

/**
 * Whether this browser keeps changes that start-up applies to the loaded data (imports, unit
 * merges): answers kept from an earlier visit are then not used (src/db/fingerprint.ts).
 */
export async function hasSavedChanges(): Promise<boolean> {
  const saved = await readSavedChanges();
  return saved.imports > 0 || mergesOf(saved.merges).length > 0;
}

export const saveMerges = (list: readonly UnitMerge[]): Promise<unknown> => writeState('merges', list);

/** Where the roster lived before it was kept with the imports. */
const LEGACY_ROSTER_KEY = 'gov-info-reports.roster';

/**
 * The saved roster. A roster saved by an earlier version in localStorage is moved here once (and
 * removed there), so it follows the imports from now on.
 */
export async function loadRoster(): Promise<RosterSetup> {
  const saved = await readState('roster');
  if (saved !== undefined) return parseRosterSetup(saved);
  let legacy: string | null = null;
  try {
    legacy = globalThis.localStorage?.getItem(LEGACY_ROSTER_KEY) ?? null;
  } catch {
    // storage disabled: nothing to move
  }
  if (legacy === null) return NO_ROSTER;
  let roster = NO_ROSTER;
  try {
    roster = parseRosterSetup(JSON.parse(legacy));
  } catch {
    // unreadable: dropped
  }
  await writeState('roster', roster);
  try {
    globalThis.localStorage?.removeItem(LEGACY_ROSTER_KEY);
  } catch {
    // storage disabled
  }
  return roster;
}

export const saveRoster = (r: RosterSetup): Promise<unknown> => writeState('roster', r);

// ---------------------------------------------------------------- the roster, as a small store

let roster: RosterSetup = NO_ROSTER;
let rosterLoaded: Promise<void> | null = null;
const rosterListeners = new Set<() => void>();

function publishRoster(next: RosterSetup): void {
  roster = next;
  for (const l of rosterListeners) l();
}

export const getRoster = (): RosterSetup => roster;
export function subscribeRoster(l: () => void): () => void {
  rosterListeners.add(l);
  return () => rosterListeners.delete(l);
}

/** Load the saved roster once (moving one from localStorage); later calls share the first. */
export function ensureRosterLoaded(): Promise<void> {
  rosterLoaded ??= loadRoster().then(
    (r) => {
      // A change made while it loaded wins over what was saved.
      if (roster === NO_ROSTER) publishRoster(r);
    },
    () => undefined,
  );
  return rosterLoaded;
}

/** Set the roster and keep it; rejects when it could not be kept (it still applies to this page). */
export async function setRoster(next: RosterSetup): Promise<void> {
  publishRoster(next);
  await saveRoster(next);
}
