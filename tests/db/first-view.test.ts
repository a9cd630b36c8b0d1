import { afterEach, describe, expect, it, vi } from 'vitest';
import { DERIVED_VERSION } from '../../src/dataset/derived';
import { encodeFirstView, FIRST_VIEW_LIMITS, FIRST_VIEW_VERSION } from '../../src/dataset/first-view';
import { declareSavedChanges, markDataChanged, resetFingerprint } from '../../src/db/fingerprint';
import { firstViewAnswer, forgetFirstView, lookForFirstView } from '../../src/db/first-view';
import type { Queryable } from '../../src/db/types';
import { BASE, hashes, SOURCES, serve } from './shipped-files';

const FILE = encodeFirstView({
  version: FIRST_VIEW_VERSION,
  derivedVersion: DERIVED_VERSION,
  sources: SOURCES,
  summary: { reports: 1 },
  statements: [{ sql: 'SELECT $1 AS n', params: [7], rows: [{ n: 7 }] }],
});

/** What a view's fetch does: one statement, its rows shaped. */
const ask = (db: Queryable, n: number) =>
  db.query<{ n: number }>({ sql: 'SELECT $1 AS n', params: [n] }).then((r) => r[0]!.n * 10);

afterEach(() => {
  forgetFirstView();
  resetFingerprint();
  vi.unstubAllGlobals();
});

describe('the first view’s shipped answers (src/db/first-view.ts)', () => {
  it('answers a question whose statements it holds, and no other', async () => {
    declareSavedChanges(Promise.resolve(false));
    const requested = serve(FILE);
    expect(await lookForFirstView(BASE, hashes())).not.toBeNull();
    expect(requested).toEqual(['http://app.test/data/derived/first-view.json']);
    expect(await firstViewAnswer(ask, 7)).toEqual({ value: 70 });
    expect(await firstViewAnswer(ask, 8)).toBeUndefined();
    forgetFirstView();
    expect(await firstViewAnswer(ask, 7)).toBeUndefined();
  });

  it('none when saved imports or merges will change the data, or a change was made since', async () => {
    declareSavedChanges(Promise.resolve(true));
    serve(FILE);
    expect(await lookForFirstView(BASE, hashes())).toBeNull();
    resetFingerprint();
    declareSavedChanges(Promise.resolve(false));
    await lookForFirstView(BASE, hashes());
    markDataChanged();
    expect(await firstViewAnswer(ask, 7)).toBeUndefined();
  });

  it('none for other files, and an oversized file is not read', async () => {
    declareSavedChanges(Promise.resolve(false));
    serve(FILE);
    expect(await lookForFirstView(BASE, { ...hashes(), checks: Promise.resolve('other') })).toBeNull();
    serve(FILE, { 'Content-Length': String(FIRST_VIEW_LIMITS.bytes + 1) });
    expect(await lookForFirstView(BASE, hashes())).toBeNull();
    serve(' '.repeat(FIRST_VIEW_LIMITS.bytes + 1));
    expect(await lookForFirstView(BASE, hashes())).toBeNull();
  });
});
