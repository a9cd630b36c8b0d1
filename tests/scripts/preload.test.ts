import { describe, expect, it } from 'vitest';
import { PRELOADED, preloadPlugin } from '../../scripts/preload';
import { FIRST_VIEW_FILE } from '../../src/dataset/first-view';
import { PARQUET_FILES } from '../../src/dataset/rows';
import { DEFAULT_DATASET } from '../../src/state/defaults';

describe('index.html preloads the default dataset (scripts/preload.ts)', () => {
  it('names the files the loader fetches first, of the default dataset', () => {
    const expected = [...Object.values(PARQUET_FILES), FIRST_VIEW_FILE].map((f) => `${DEFAULT_DATASET}${f}`);
    expect([...PRELOADED].sort()).toEqual(expected.sort());
  });

  it('as fetch, with CORS: the request the loader’s fetch() reuses', () => {
    const hook = preloadPlugin().transformIndexHtml as unknown as () => { attrs: Record<string, string> }[];
    for (const tag of hook())
      expect(tag.attrs).toMatchObject({ rel: 'preload', as: 'fetch', crossorigin: '' });
  });
});
