/**
 * Imported datasets are validated row by row before use (issue 14.3, 14.4, 14.9): keys outside
 * the vocabulary (`__proto__`), format 2020, an empty unit, a null or impossible year and a null
 * report_id are refused with the row named; a well-formed file passes.
 */
import { Int32, Int64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import * as pq from 'parquet-wasm/node';
import { describe, expect, it } from 'vitest';
import { processFile } from '../../src/import/process';
import { CELLS_HEADER, protoRowCsv, protoTableCsv, reportsCsv } from '../reliability/hostile-files';
import { nodeDeps } from './node-deps';

const enc = (s: string) => new TextEncoder().encode(s);
const reasonOf = async (name: string, text: string | Uint8Array) => {
  const r = await processFile(name, typeof text === 'string' ? enc(text) : text, nodeDeps);
  return r.ok ? null : r.reason;
};

describe('imported rows are validated against the vocabulary', () => {
  it('a cells row whose row is __proto__ is refused, naming the line', async () => {
    expect(await reasonOf('cells.csv', protoRowCsv)).toMatch(
      /line 2: row "__proto__" is not a row of table3/,
    );
  });

  it('a cells row whose table is __proto__ is refused', async () => {
    expect(await reasonOf('cells.csv', protoTableCsv)).toMatch(
      /line 2: table "__proto__" is not one of table2/,
    );
  });

  it.each([
    [{ format: '2020' }, /line 2: format "2020" is not one of 2019, 2021/],
    [{ unit: '' }, /line 2: unit is empty/],
    [{ year: '' }, /line 2: year is empty/],
    [{ year: '1' }, /line 2: year 1 is not a report year \(2008–2100\)/],
    [{ report_id: '' }, /line 2: report_id is empty/],
    [{ report_id: 'constructor' }, null],
    [{ unit_kind: 'toString' }, /line 2: unit_kind "toString" is not one of/],
  ] as const)('reports row %j', async (over, expected) => {
    const reason = await reasonOf('reports.csv', reportsCsv([{}, over]));
    if (expected === null) expect(reason).toBeNull();
    else
      expect(reason).toMatch(
        new RegExp(`1 invalid row in reports: ${expected.source.replace('line 2', 'line 3')}`),
      );
  });

  it('lists the first rows and counts the rest', async () => {
    const csv = reportsCsv(Array.from({ length: 9 }, (_, i) => ({ report_id: `r${i}`, format: '2020' })));
    expect(await reasonOf('reports.csv', csv)).toMatch(
      /^9 invalid rows in reports: line 2: .*line 6: .*; and 4 more rows$/,
    );
  });

  it('a Parquet reports file with an int64 year far out of range is refused by row, without SQL', async () => {
    const t = new Table({
      report_id: vectorFromArray(['a1b2c3d4e5f60718'], new Utf8()),
      unit: vectorFromArray(['单位'], new Utf8()),
      unit_kind: vectorFromArray(['government'], new Utf8()),
      region_code: vectorFromArray([null], new Utf8()),
      region_name: vectorFromArray([null], new Utf8()),
      province: vectorFromArray([null], new Utf8()),
      prefecture: vectorFromArray([null], new Utf8()),
      county: vectorFromArray([null], new Utf8()),
      level: vectorFromArray([null], new Utf8()),
      year: vectorFromArray([2n ** 40n], new Int64()),
      format: vectorFromArray(['2021'], new Utf8()),
      source: vectorFromArray(['x'], new Utf8()),
      sha256: vectorFromArray([null], new Utf8()),
      parser_version: vectorFromArray(['x'], new Utf8()),
      check_failures: vectorFromArray([0], new Int32()),
    });
    const bytes = pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(t, 'stream')));
    const reason = await reasonOf('reports.parquet', bytes);
    expect(reason).toMatch(/row 1: year "1099511627776" is not a report year/);
    expect(reason).not.toMatch(/SELECT|INSERT|CAST/i);
  });

  it('accepts valid rows and carries the digest of the bytes', async () => {
    const csv = `${CELLS_HEADER}\na1b2c3d4e5f60718,table3,new_received,total,3,\na1b2c3d4e5f60718,table4,review,upheld,,/\n`;
    const r = await processFile('cells.csv', enc(csv), nodeDeps);
    expect(r).toMatchObject({
      ok: true,
      reportIds: ['a1b2c3d4e5f60718'],
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
