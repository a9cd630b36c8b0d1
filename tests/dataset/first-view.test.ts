import { describe, expect, it } from 'vitest';
import { DERIVED_VERSION } from '../../src/dataset/derived';
import {
  decodeRows,
  encodeFirstView,
  FIRST_VIEW_LIMITS,
  FIRST_VIEW_VERSION,
  type FirstView,
  readFirstView,
  statementKey,
} from '../../src/dataset/first-view';

const SOURCES = {
  'reports.parquet': 'a'.repeat(64),
  'cells.parquet': 'b'.repeat(64),
  'checks.parquet': 'c'.repeat(64),
  'regions.parquet': 'd'.repeat(64),
};

const view = (patch: Partial<FirstView> = {}): FirstView => ({
  version: FIRST_VIEW_VERSION,
  derivedVersion: DERIVED_VERSION,
  sources: SOURCES,
  summary: { reports: 2, years: [2021, 2022] },
  statements: [
    {
      sql: 'SELECT $1 AS x',
      params: [2021],
      rows: [
        { x: 1, rate: Number.NaN, up: Number.POSITIVE_INFINITY, at: new Date(86_400_000), list: [1, 2] },
      ],
    },
  ],
  ...patch,
});

describe('derived/first-view.json', () => {
  it('reads back what was written: NaN, ±Infinity and dates too, fresh rows on each use', () => {
    const read = readFirstView(encodeFirstView(view()), SOURCES);
    expect(read?.summary).toEqual({ reports: 2, years: [2021, 2022] });
    const encoded = read?.statements.get(statementKey('SELECT $1 AS x', [2021]));
    const rows = decodeRows(encoded);
    expect(rows).toEqual([
      { x: 1, rate: Number.NaN, up: Number.POSITIVE_INFINITY, at: new Date(86_400_000), list: [1, 2] },
    ]);
    expect(decodeRows(encoded)).not.toBe(rows);
    // Another value bound is another statement.
    expect(read?.statements.get(statementKey('SELECT $1 AS x', [2022]))).toBeUndefined();
  });

  it('is no file for other files, another build’s tables or format, or malformed text', () => {
    const text = encodeFirstView(view());
    expect(readFirstView(text, { ...SOURCES, 'regions.parquet': 'e'.repeat(64) })).toBeNull();
    const { 'cells.parquet': _, ...three } = SOURCES;
    expect(readFirstView(text, three)).toBeNull();
    expect(readFirstView(encodeFirstView(view({ derivedVersion: DERIVED_VERSION + 1 })), SOURCES)).toBeNull();
    expect(readFirstView(encodeFirstView(view({ version: FIRST_VIEW_VERSION + 1 })), SOURCES)).toBeNull();
    for (const bad of ['', 'null', '[]', '{"version":1', text.slice(0, -10)])
      expect(readFirstView(bad, SOURCES)).toBeNull();
    const params = view({ statements: [{ sql: 'SELECT 1', params: [{ a: 1 } as never], rows: [] }] });
    expect(readFirstView(encodeFirstView(params), SOURCES)).toBeNull();
  });

  it('is bounded: size, statements, rows and depth', () => {
    const big = view({
      statements: [{ sql: `SELECT '${'x'.repeat(FIRST_VIEW_LIMITS.bytes)}'`, params: [], rows: [] }],
    });
    expect(readFirstView(encodeFirstView(big), SOURCES)).toBeNull();
    const many = view({
      statements: Array.from({ length: FIRST_VIEW_LIMITS.statements + 1 }, (_, i) => ({
        sql: `SELECT ${i}`,
        params: [],
        rows: [],
      })),
    });
    expect(readFirstView(encodeFirstView(many), SOURCES)).toBeNull();
    const rows = view({
      statements: [
        { sql: 'SELECT 1', params: [], rows: Array.from({ length: FIRST_VIEW_LIMITS.rows + 1 }, () => ({})) },
      ],
    });
    expect(readFirstView(encodeFirstView(rows), SOURCES)).toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(decodeRows([{ deep }])).toBeNull();
    expect(decodeRows([1, 2])).toBeNull();
  });

  it('a column named __proto__ is data, not a prototype', () => {
    const text = '[{"__proto__":{"polluted":true},"constructor":1}]';
    const rows = decodeRows(JSON.parse(text));
    expect(Object.keys(rows![0]!)).toEqual(['__proto__', 'constructor']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((rows![0] as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
