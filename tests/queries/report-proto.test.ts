/**
 * Issue 14.3: cells whose table or row is `__proto__` (a dataset saved before validation, or any
 * path around it) never reach Object.prototype when a report is assembled for its view.
 */
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/types';
import { fetchReport } from '../../src/queries/report';

function fakeDb(cells: object[]): Queryable {
  const answers = [
    [{ report_id: 'r1', unit: '单位', year: 2021, format: '2021' }],
    cells,
    [],
    [{ year: 2021 }],
  ];
  let call = 0;
  return { query: async <T>() => answers[call++] as T[] };
}

describe('fetchReport with hostile keys', () => {
  it('keeps __proto__ rows as data and leaves Object.prototype alone', async () => {
    const detail = await fetchReport(
      fakeDb([
        { table: 'table3', row: '__proto__', col: 'children', value: 1, raw: null },
        { table: '__proto__', row: 'children', col: 'total', value: null, raw: 'x' },
        { table: 'constructor', row: 'x', col: 'y', value: 2, raw: null },
        { table: 'table3', row: 'granted', col: 'total', value: 5, raw: null },
      ]),
      { reportId: 'r1' } as never,
    );
    expect(({} as Record<string, unknown>).children).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('children');
    expect(detail?.tables.table3.granted?.total?.value).toBe(5);
    expect(Object.keys(detail!.tables)).toEqual(['table2', 'table3', 'table4']);
    // biome-ignore lint/suspicious/noProto: a printed row named __proto__ (the tables have no prototype)
    expect(detail?.tables.table3.__proto__?.children?.value).toBe(1);
  });
});
