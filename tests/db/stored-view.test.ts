/**
 * A repeat visit's engine waits for the first view to be drawn from stored answers
 * (src/db/stored.ts `storedViewDrawn`): an answer given to a background question before the
 * view's chunk is in (so before the view rendered) does not count as the view drawn.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

const BUILD = 'index-AbCdEf12.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('storedViewDrawn', () => {
  it('counts only answers given once the first view’s chunk is in', async () => {
    vi.stubGlobal('document', {
      querySelector: () => ({ getAttribute: () => `./assets/${BUILD}` }),
    });
    vi.stubGlobal('localStorage', { getItem: () => BUILD, setItem: () => undefined });
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0));
    const fingerprint = await import('../../src/db/fingerprint');
    const stored = await import('../../src/db/stored');
    fingerprint.declareSavedChanges(Promise.resolve(false));
    fingerprint.fingerprintLoad(Promise.resolve(['r', 'c', 'k', 'g']), BUILD);
    await fingerprint.dataFingerprint();
    // Answers of this page not yet written are at hand too (the store's pending writes).
    stored.keepAnswer('background', 1);
    stored.keepAnswer('view', 2);
    await new Promise((ok) => setTimeout(ok, 10));

    let chunkIn: () => void = () => undefined;
    stored.declareFirstView(new Promise<void>((ok) => (chunkIn = ok)));
    let drawn = false;
    void stored.storedViewDrawn(60_000).then(() => {
      drawn = true;
    });
    // A background question answered while the view's chunk is still on its way.
    expect(stored.storedAnswerNow(() => 'background')).toEqual({ value: 1 });
    chunkIn();
    await new Promise((ok) => setTimeout(ok, 400));
    expect(drawn).toBe(false);
    // The view renders and is given its answer: then, after frames and an idle moment, drawn.
    expect(stored.storedAnswerNow(() => 'view')).toEqual({ value: 2 });
    await vi.waitFor(() => expect(drawn).toBe(true), { timeout: 2000 });
  });
});
