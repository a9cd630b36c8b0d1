import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DateDay,
  Field,
  Float64,
  Int32,
  List,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import * as pq from 'parquet-wasm/node';
import { describe, expect, it } from 'vitest';
import { decodeParquetJs, JS_DECODE_MAX_BYTES } from '../../src/db/parquet-js';
import { nodeCodec } from './harness';

const DATA = 'public/data';
const files = [
  ...readdirSync(DATA).filter((f) => f.endsWith('.parquet')),
  ...readdirSync(join(DATA, 'derived'))
    .filter((f) => f.endsWith('.parquet'))
    .map((f) => join('derived', f)),
];

const read = (f: string) => new Uint8Array(readFileSync(join(DATA, f)));
const parquetOf = (t: Table) => pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(t, 'stream')));
const shape = (ipc: Uint8Array) => {
  const t = tableFromIPC(ipc);
  return {
    fields: t.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
    rows: t.toArray().map((r) => r.toJSON()),
  };
};

describe('decodeParquetJs', () => {
  it.each(files)('decodes %s to the same columns and rows as parquet-wasm', async (f) => {
    const js = await decodeParquetJs(read(f));
    expect(js).not.toBeNull();
    const wasm = shape(await nodeCodec.decode(read(f)));
    const got = shape(js!);
    expect(got.rows).toEqual(wasm.rows);
    expect(got.fields.map((x) => x.split(':')[0])).toEqual(wasm.fields.map((x) => x.split(':')[0]));
    // Same DuckDB types: Utf8 ~ LargeUtf8 (VARCHAR), Int32, Float64.
    expect(got.fields.map((x) => x.replace('LargeUtf8', 'Utf8'))).toEqual(
      wasm.fields.map((x) => x.replace('LargeUtf8', 'Utf8')),
    );
  });

  it('keeps nulls and values across row groups', async () => {
    const n = 5000;
    const t = new Table({
      s: vectorFromArray(
        Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : `单位${i}`)),
        new Utf8(),
      ),
      i: vectorFromArray(
        Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i - 2500)),
        new Int32(),
      ),
      d: vectorFromArray(
        Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : i / 4)),
        new Float64(),
      ),
    });
    const bytes = pq.writeParquet(
      pq.Table.fromIPCStream(tableToIPC(t, 'stream')),
      new pq.WriterPropertiesBuilder().setMaxRowGroupSize(1000).build(),
    );
    const got = tableFromIPC((await decodeParquetJs(bytes))!);
    expect(got.numRows).toBe(n);
    expect(got.toArray().map((r) => r.toJSON())).toEqual(t.toArray().map((r) => r.toJSON()));
  });

  it('leaves other types, large files and non-Parquet bytes to parquet-wasm (null)', async () => {
    const dated = new Table({ day: vectorFromArray([new Date(0), null], new DateDay()) });
    expect(await decodeParquetJs(parquetOf(dated))).toBeNull();
    const nested = new Table({ xs: vectorFromArray([[1, 2], null], new List(new Field('x', new Int32()))) });
    expect(await decodeParquetJs(parquetOf(nested))).toBeNull();
    expect(await decodeParquetJs(new TextEncoder().encode('not parquet at all'))).toBeNull();
    const big = new Uint8Array(JS_DECODE_MAX_BYTES + 1);
    big.set(read('reports.parquet'));
    expect(await decodeParquetJs(big)).toBeNull();
  });
});
