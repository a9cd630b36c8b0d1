/**
 * The engine's start on a repeat visit (src/db/stored.ts `storedViewDrawn`): it waits for a view
 * drawn from stored answers, but not once a question needs the engine (`needEngine`), e.g. the
 * view's own answer was not kept.
 */
import { describe, expect, it } from 'vitest';
import { needEngine, storedViewDrawn } from '../../src/db/stored';

describe('storedViewDrawn', () => {
  it('settles as soon as a question needs the engine, not at its cap', async () => {
    let settled = false;
    const drawn = storedViewDrawn(60_000).then(() => {
      settled = true;
    });
    await new Promise((ok) => setTimeout(ok, 20));
    expect(settled).toBe(false);
    needEngine();
    await drawn;
    expect(settled).toBe(true);
  });
});
