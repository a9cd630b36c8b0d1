/**
 * The identity of the data the engine answers from, which stored answers are keyed by
 * (./answers.ts): the sha256 of the four contract files as fetched on this visit and the app's
 * build (its SQL builders change between builds). It exists only while those files alone are
 * loaded: a change made in this browser (a saved import or unit merge restored at start-up, one
 * made now, a second dataset loaded on top) alters answers, and from then on this page neither
 * reads nor writes stored answers.
 */
import { sha256Hex } from '../util/sha256';

/** Bumped when the stored answers' meaning changes without a build change (never so far). */
const FORMAT = 1;

let changed = false;
let loads = 0;
let current: Promise<string | null> = Promise.resolve(null);
/** `current` once it has resolved (null before, and when answers are not to be kept). */
let known: string | null = null;
/** Unknown until the app says: no stored answer before it has looked for saved changes. */
let savedChanges: Promise<boolean> = Promise.resolve(true);

/**
 * Whether this browser keeps changes that alter answers (imports, unit merges) to restore at
 * start-up; the app (main.tsx) asks src/import. An unreadable answer counts as yes.
 */
export function declareSavedChanges(any: Promise<boolean>): void {
  savedChanges = any.catch(() => true);
}

/** The loaded data was changed in this page: no stored answer is used or kept from now on. */
export function markDataChanged(): void {
  changed = true;
  current = Promise.resolve(null);
  known = null;
}

/**
 * Called by the loader when a load starts, with the contract files' sha256 in a fixed order.
 * A second load goes on top of the first (the engine merges), so it is a change.
 */
export function fingerprintLoad(fileHashes: Promise<readonly string[]>, build: string | null): void {
  loads++;
  if (loads > 1) markDataChanged();
  if (changed) return;
  const fp = (async () => {
    if (build === null || (await savedChanges)) return null;
    const hashes = await fileHashes;
    return sha256Hex(new TextEncoder().encode(JSON.stringify([FORMAT, build, ...hashes])));
  })();
  const mine = fp.catch(() => null);
  current = mine;
  known = null;
  void mine.then((f) => {
    if (current === mine && !changed) known = f;
  });
}

/**
 * Whether the data loaded is the dataset's files alone, as fetched: no saved change to restore,
 * none made in this page, no second load (./first-view.ts uses the dataset's answers only then).
 */
export async function dataAsFetched(): Promise<boolean> {
  const saved = await savedChanges;
  return !saved && !changed;
}

/** The fingerprint of the loaded data, once its files are hashed; null when answers are not to be kept. */
export async function dataFingerprint(): Promise<string | null> {
  const fp = await current;
  return changed ? null : fp;
}

/** `dataFingerprint`'s value once it is known, synchronously (null until then). */
export function knownFingerprint(): string | null {
  return changed ? null : known;
}

/**
 * This build's identity: the entry script's name, which Vite hashes from its content and from the
 * names of every chunk, worker and wasm it references (so any code change renames it). None in the
 * dev server (unhashed modules) or outside a page: then nothing is stored.
 */
export function buildIdentity(
  doc: Pick<Document, 'querySelector'> | undefined = globalThis.document,
): string | null {
  const src = doc?.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src');
  const name = src?.split('/').pop() ?? '';
  return /-[\w-]{8,}\.js$/.test(name) ? name : null;
}

/** For tests: forget this page's loads and changes. */
export function resetFingerprint(): void {
  changed = false;
  loads = 0;
  current = Promise.resolve(null);
  known = null;
  savedChanges = Promise.resolve(true);
}
