/**
 * The answer store (./answers.ts) for the data loaded now (./fingerprint.ts): what src/queries
 * and the loader call. Nothing is read before the loaded files are hashed, nothing is kept once
 * the data was changed in this page, and writes wait until the load is done and the first view
 * has settled (then an idle moment), so they never compete with the first chart.
 */
import { AnswerStore, whenIdle } from './answers';
import { buildIdentity, dataFingerprint, knownFingerprint } from './fingerprint';
import { firstViewSettled, late } from './handle';
import { getStatus, subscribeStatus } from './status';

let store: AnswerStore | null = null;

function answers(): AnswerStore {
  store ??= new AnswerStore({
    // At a quiet moment (the page idle and no query in flight), not at any idle callback: those
    // also come while a view waits for DuckDB, and the write's sizing and structured clone
    // (10–15 ms for a big answer) then delayed drawing the answer that arrived meanwhile.
    schedule: (flush) => {
      void loaded()
        .then(firstViewSettled)
        .then(() => late.nextQuietMoment())
        .then(flush);
    },
  });
  return store;
}

/** Settles once the status is ready (never after a failed load: nothing is written then). */
function loaded(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (getStatus().phase !== 'ready') return;
      stop();
      resolve();
    };
    const stop = subscribeStatus(check);
    check();
  });
}

let firstServedNow: () => void = () => undefined;
const firstServed = new Promise<void>((resolve) => {
  firstServedNow = resolve;
});
/** Stored answers given to questions so far, and who waits for the next one. */
let servedCount = 0;
const servedWaiters: (() => void)[] = [];

/** A stored or shipped answer was given to a view's question (src/queries/options.ts for the shipped ones). */
export function served(): void {
  firstServedNow();
  servedCount++;
  for (const w of servedWaiters.splice(0)) w();
}

/** Stored answers given before the first view's chunk was in (none of them the view's). */
let servedBeforeView = 0;
let firstViewLoaded: Promise<void> = Promise.resolve();

/**
 * The first view's chunk on its way (src/start.ts): until it is in, the view has not rendered,
 * and an answer served meanwhile (a background question's) does not mean the view was drawn.
 */
export function declareFirstView(chunk: Promise<unknown>): void {
  firstViewLoaded = chunk.then(
    () => {
      servedBeforeView = servedCount;
    },
    () => undefined,
  );
}

/** Settles once a stored answer has been served since the first view's chunk came in. */
async function viewServed(): Promise<void> {
  await firstViewLoaded;
  if (servedCount > servedBeforeView) return;
  await new Promise<void>((ok) => servedWaiters.push(ok));
}

/**
 * The stored answer to `key` for the loaded data; undefined when there is none (or none may be
 * used). `forView`: a view's question (its answer is about to be drawn), not the loader's summary.
 */
export async function storedAnswer(key: string, forView = true): Promise<{ value: unknown } | undefined> {
  // A first visit of this build has nothing to find: it does not open the store to look.
  if (!expected()) return undefined;
  const fp = await dataFingerprint();
  const hit = fp ? await answers().get(fp, key) : undefined;
  if (hit && forView) served();
  return hit;
}

let needed: () => void = () => undefined;
const engineNeeded = new Promise<void>((resolve) => {
  needed = resolve;
});

/**
 * A question is to be answered by the engine before it is ready (no stored answer, or one that
 * is never kept): the engine is on the way to a chart, so its start waits no longer for stored
 * answers to be drawn (src/queries/options.ts calls this).
 */
export function needEngine(): void {
  needed();
}

/**
 * The stored answer to a view's question (`key` gives its query hash) if it is at hand now (the fingerprint known, its
 * answer read ahead), so that the view's first render draws it (src/queries/options.ts
 * `initialData`); undefined otherwise, and the persister looks for it as before.
 */
export function storedAnswerNow(key: () => string): { value: unknown } | undefined {
  if (!expected() || getStatus().phase === 'ready') return undefined;
  const fp = knownFingerprint();
  const hit = fp ? answers().peek(fp, key()) : undefined;
  if (hit) served();
  return hit;
}

/**
 * Settles once the first view (its chunk in, `declareFirstView`) has been given a stored answer
 * (or after `capMs`) and the page has then been idle: the view has drawn it, and the engine may
 * start (./handle.ts `engine`). At once when a question needs the engine (`needEngine`).
 */
export function storedViewDrawn(capMs = 1000): Promise<void> {
  const served = Promise.race([viewServed(), new Promise((ok) => setTimeout(ok, capMs))]);
  // Two frames (the answer rendered and painted), then an idle moment.
  const frame = () => new Promise((ok) => requestAnimationFrame(ok));
  const drawn = served
    .then(frame)
    .then(frame)
    .then(() => new Promise<void>((ok) => whenIdle(ok)));
  return Promise.race([drawn, engineNeeded]);
}

/** Keep the engine's answer to `key` for the next visit (if the loaded data may have stored answers). */
export function keepAnswer(key: string, value: unknown): void {
  void dataFingerprint().then((fp) => {
    if (!fp) return;
    answers().put(fp, key, value);
    hint(buildIdentity());
  });
}

/**
 * A hint, read synchronously at start-up: this build has kept answers in this browser before.
 * Only then does the engine's work wait for the stored answers' lookup (./loader.ts); a first
 * visit starts it at once, as without a store. Never a reason to use an answer: that is the
 * fingerprint's job.
 */
const HINT_KEY = 'gov-info-reports.answers-build';
let hinted = false;

function hint(build: string | null): void {
  if (hinted || build === null) return;
  hinted = true;
  try {
    globalThis.localStorage?.setItem(HINT_KEY, build);
  } catch {
    // storage disabled: every visit starts the engine at once
  }
}

let expectedNow: boolean | null = null;
/** `answersExpected`, read once per page. */
function expected(): boolean {
  expectedNow ??= answersExpected();
  return expectedNow;
}

/** Whether this build kept answers in this browser before (see `hint`). */
export function answersExpected(): boolean {
  try {
    const build = buildIdentity();
    return build !== null && globalThis.localStorage?.getItem(HINT_KEY) === build;
  } catch {
    return false;
  }
}

/**
 * A repeat visit's first step (./boot.ts, before the app's modules are evaluated): open the store
 * and read its whole list and most recent answers while the dataset's files are still being
 * fetched and hashed; they are matched against the fingerprint once it is known. The connection
 * is kept until a view has been served or 3 s have passed.
 */
export function preloadAnswers(): void {
  if (!expected()) return;
  answers().preload(Promise.race([firstServed, new Promise((ok) => setTimeout(ok, 3000))]));
}

/** Open the store now, and read the list of stored answers as soon as the loaded files are hashed. */
export function warmAnswers(): void {
  if (!expected()) return;
  const store = answers();
  store.prepare(dataFingerprint().then((fp) => (fp ? store.warm(fp) : undefined)));
}
