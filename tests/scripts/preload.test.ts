import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_MODULE, PRELOADED, preloadPlugin } from '../../scripts/preload';
import { FIRST_VIEW_FILE } from '../../src/dataset/first-view';
import { PARQUET_FILES } from '../../src/dataset/rows';
import { DEFAULT_DATASET, DEFAULT_STATE } from '../../src/state/defaults';

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

describe('index.html preloads the default view’s chunks (scripts/preload.ts)', () => {
  it('names the module the default view is loaded from', () => {
    // src/app/views.ts loads each view by a literal import(); the default view's is this module.
    const views = readFileSync('src/app/views.ts', 'utf8');
    const module = DEFAULT_VIEW_MODULE.replace(/^src\//, '../').replace(/\.tsx$/, '');
    expect(views).toContain(`${DEFAULT_STATE.view}: () => import('${module}')`);
  });
});
