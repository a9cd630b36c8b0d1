/**
 * Units merged in the browser (src/domain/units/merges.ts): one small external store, loaded from
 * IndexedDB once, saved after every change, and applied to the loaded data (src/db/client.ts
 * `setUnitMerges`), which every later load and import then keeps applying. A merge is judged on
 * the data as it stands before it is made; a refused one says why.
 */
import { setUnitMerges } from '../db/changes';
import { getDatabase } from '../db/handle';
import type { MergeConflict } from '../db/unit-merges';
import {
  addMerge,
  checkMerge,
  type MergeCandidate,
  type MergeRefusal,
  mergePairs,
  removeMerge,
  resolveMerges,
  type UnitMerge,
} from '../domain/units/merges';
import { mergeCandidatesSql } from '../sql/merges';
import { whenReady } from './client';
import { loadMerges, saveMerges } from './user-state';

export interface MergesState {
  list: UnitMerge[];
  /** from unit_id → the unit it now is (chains resolved). */
  resolved: ReadonlyMap<string, string>;
  /** Merged (unit, year) pairs holding two reports (data imported after the merge). */
  conflicts: MergeConflict[];
  /** The last save or apply failure, shown by the list. */
  error: string | null;
  /** How many times a mapping was applied to the loaded data: queries read before are stale. */
  applied: number;
}

let state: MergesState = { list: [], resolved: new Map(), conflicts: [], error: null, applied: 0 };
const listeners = new Set<() => void>();
let loaded: Promise<void> | null = null;
/** Changes apply one after another: each rewrites the same column from the same origin. */
let queue: Promise<unknown> = Promise.resolve();

function publish(patch: Partial<MergesState>): void {
  const list = patch.list ?? state.list;
  state = { ...state, ...patch, resolved: patch.list ? resolveMerges(list) : state.resolved };
  for (const l of listeners) l();
}

export const getMerges = (): MergesState => state;
export function subscribeMerges(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function apply(list: readonly UnitMerge[]): Promise<void> {
  await whenReady();
  try {
    publish({ conflicts: await setUnitMerges(mergePairs(list)), applied: state.applied + 1 });
  } catch (e) {
    publish({ error: `merges not applied: ${message(e)}` });
  }
}

/** Load the saved merges once and apply them to the loaded data; later calls share the first. */
export function ensureMergesLoaded(): Promise<void> {
  loaded ??= (async () => {
    let list: UnitMerge[] = [];
    try {
      list = await loadMerges();
    } catch (e) {
      publish({ error: `saved merges could not be read (${message(e)})` });
    }
    if (list.length === 0) return;
    publish({ list });
    await enqueue(() => apply(list));
  })();
  return loaded;
}

function enqueue<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

async function commit(list: UnitMerge[]): Promise<void> {
  publish({ list, error: null });
  try {
    await saveMerges(list);
  } catch (e) {
    publish({ error: `applied, but not kept for the next visit (${message(e)})` });
  }
  await apply(list);
}

/** Merge `from` into `into` (both units as now loaded); the refusal when it may not be. */
export async function mergeUnits(
  from: { unitId: string; name: string },
  into: { unitId: string; name: string },
): Promise<MergeRefusal | null> {
  // Outside the queue: the first load queues its own apply.
  await ensureMergesLoaded();
  return enqueue(async () => {
    await whenReady();
    const rows = await getDatabase().query<MergeCandidate>(mergeCandidatesSql([from.unitId, into.unitId]));
    const facts = new Map(rows.map((r) => [r.unitId, r]));
    const refusal = checkMerge(facts.get(from.unitId), facts.get(into.unitId), from.unitId, into.unitId);
    if (refusal) return refusal;
    const merge: UnitMerge = {
      from: from.unitId,
      into: into.unitId,
      fromName: from.name,
      intoName: into.name,
      date: new Date().toISOString(),
    };
    await commit(addMerge(state.list, merge));
    return null;
  });
}

/** Undo the merge of `from`: its reports (and those merged into it) are their own unit again. */
export async function undoMerge(from: string): Promise<void> {
  await ensureMergesLoaded();
  return enqueue(() => commit(removeMerge(state.list, from)));
}

/**
 * Merges from a user-state file (src/annotations' export): each is judged like one made here and
 * added or refused; returns how many were added and the refusals, by merge.
 */
export async function importMerges(
  list: readonly UnitMerge[],
): Promise<{ added: number; refused: { merge: UnitMerge; refusal: MergeRefusal }[] }> {
  let added = 0;
  const refused: { merge: UnitMerge; refusal: MergeRefusal }[] = [];
  for (const m of list) {
    const from = mergedIdNow(m.from);
    const into = mergedIdNow(m.into);
    if (from === into) continue;
    const refusal = await mergeUnits({ unitId: from, name: m.fromName }, { unitId: into, name: m.intoName });
    if (refusal) refused.push({ merge: m, refusal });
    else added++;
  }
  return { added, refused };
}

const mergedIdNow = (unitId: string) => state.resolved.get(unitId) ?? unitId;
