/**
 * Start-up's question "will saved imports or merges change the data?" (src/import/user-state.ts
 * `savedChangesAtStart`): answered at once where a hint says none were kept, read from IndexedDB
 * otherwise, and the hint never outlives a saved import or merge.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { noneSavedHint, saveImport } from '../../src/import/persist';
import type { StoredImport } from '../../src/import/types';
import { savedChangesAtStart, saveMerges } from '../../src/import/user-state';

const store = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => store.get(k) ?? null,
  setItem: (k: string, v: string) => store.set(k, v),
  removeItem: (k: string) => store.delete(k),
});

async function clearIdb(): Promise<void> {
  await new Promise<void>((ok) => {
    const r = indexedDB.deleteDatabase('gov-info-reports-imports');
    r.onsuccess = r.onerror = r.onblocked = () => ok();
  });
}

beforeEach(async () => {
  store.clear();
  await clearIdb();
});

describe('saved changes at start-up', () => {
  it('without the hint, IndexedDB answers; having found none, it leaves the hint', async () => {
    const found = vi.fn();
    await expect(savedChangesAtStart(found)).resolves.toBe(false);
    expect(noneSavedHint()).toBe(true);
    expect(found).not.toHaveBeenCalled();
  });

  it('with the hint, no at once; a merge saved since drops it, and the next start-up reads yes', async () => {
    await savedChangesAtStart(() => undefined);
    expect(noneSavedHint()).toBe(true);
    await saveMerges([
      { from: 'a'.repeat(16), into: 'b'.repeat(16), fromName: '甲', intoName: '乙', date: '2026-12-07' },
    ]);
    expect(noneSavedHint()).toBe(false);
    await expect(savedChangesAtStart(() => undefined)).resolves.toBe(true);
  });

  it('a hint that is wrong (an import saved by a page that kept none) is found out and reported', async () => {
    await saveImport({ id: 'x', addedAt: '2026-12-07' } as unknown as StoredImport);
    store.set('gov-info-reports.none-saved', '1');
    const found = vi.fn();
    await expect(savedChangesAtStart(found)).resolves.toBe(false);
    await vi.waitFor(() => expect(found).toHaveBeenCalledTimes(1));
    expect(noneSavedHint()).toBe(false);
  });
});
