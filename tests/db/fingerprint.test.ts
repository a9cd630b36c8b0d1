/**
 * The loaded data's fingerprint (src/db/fingerprint.ts), which stored answers are keyed by: the
 * four files' hashes and the build, and none at all (nothing read or kept) once this browser's own
 * changes alter the data — saved imports or merges to restore, a change made now, a second load.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildIdentity,
  dataFingerprint,
  declareSavedChanges,
  fingerprintLoad,
  knownFingerprint,
  markDataChanged,
  resetFingerprint,
} from '../../src/db/fingerprint';

const FILES = ['r1', 'c1', 'k1', 'g1'];

async function fingerprintOf(files: string[], build: string | null = 'index-AbCdEf12.js') {
  resetFingerprint();
  declareSavedChanges(Promise.resolve(false));
  fingerprintLoad(Promise.resolve(files), build);
  return dataFingerprint();
}

afterEach(resetFingerprint);

describe('data fingerprint', () => {
  it('is the same for the same four files and build, and changes with any file or the build', async () => {
    const fp = await fingerprintOf(FILES);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(await fingerprintOf([...FILES])).toBe(fp);
    for (let i = 0; i < FILES.length; i++) {
      const other = FILES.map((h, j) => (j === i ? `${h}x` : h));
      expect(await fingerprintOf(other)).not.toBe(fp);
    }
    expect(await fingerprintOf(FILES, 'index-Zz9Yy8Xx.js')).not.toBe(fp);
  });

  it('is none without a build identity (the dev server) or when a file could not be hashed', async () => {
    expect(await fingerprintOf(FILES, null)).toBeNull();
    resetFingerprint();
    declareSavedChanges(Promise.resolve(false));
    fingerprintLoad(Promise.reject(new Error('reports.parquet: HTTP 404')), 'index-AbCdEf12.js');
    expect(await dataFingerprint()).toBeNull();
  });

  it('is none when this browser keeps imports or merges to restore, or cannot tell', async () => {
    for (const saved of [Promise.resolve(true), Promise.reject(new Error('IndexedDB unavailable'))]) {
      resetFingerprint();
      declareSavedChanges(saved);
      fingerprintLoad(Promise.resolve(FILES), 'index-AbCdEf12.js');
      expect(await dataFingerprint()).toBeNull();
    }
    // Never told: no stored answer either.
    resetFingerprint();
    fingerprintLoad(Promise.resolve(FILES), 'index-AbCdEf12.js');
    expect(await dataFingerprint()).toBeNull();
  });

  it('is none from the moment the data is changed in this page, even while the files are hashed', async () => {
    resetFingerprint();
    declareSavedChanges(Promise.resolve(false));
    let hashed: (h: string[]) => void = () => undefined;
    fingerprintLoad(new Promise((ok) => (hashed = ok)), 'index-AbCdEf12.js');
    const asked = dataFingerprint();
    markDataChanged();
    hashed(FILES);
    expect(await asked).toBeNull();
    expect(await dataFingerprint()).toBeNull();
  });

  it('is known synchronously only once resolved, and none again once the data changes', async () => {
    resetFingerprint();
    declareSavedChanges(Promise.resolve(false));
    let hashed: (h: string[]) => void = () => undefined;
    fingerprintLoad(new Promise((ok) => (hashed = ok)), 'index-AbCdEf12.js');
    expect(knownFingerprint()).toBeNull();
    hashed(FILES);
    const fp = await dataFingerprint();
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(knownFingerprint()).toBe(fp);
    markDataChanged();
    expect(knownFingerprint()).toBeNull();
  });

  it('is none for a second dataset loaded on top of the first', async () => {
    expect(await fingerprintOf(FILES)).not.toBeNull();
    fingerprintLoad(Promise.resolve(['r2', 'c2', 'k2', 'g2']), 'index-AbCdEf12.js');
    expect(await dataFingerprint()).toBeNull();
  });
});

describe(buildIdentity, () => {
  const page = (src: string | null) => ({
    querySelector: () => (src === null ? null : { getAttribute: () => src }),
  });
  it('is the hashed entry script’s name, none for an unhashed one or no page', () => {
    expect(buildIdentity(page('./assets/index-D_TdtPHy.js') as never)).toBe('index-D_TdtPHy.js');
    expect(buildIdentity(page('/src/main.tsx') as never)).toBeNull();
    expect(buildIdentity(page(null) as never)).toBeNull();
    expect(buildIdentity(undefined)).toBeNull();
  });
});
