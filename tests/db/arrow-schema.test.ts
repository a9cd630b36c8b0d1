import {
  Bool,
  DateDay,
  Dictionary,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  LargeUtf8,
  RecordBatchStreamWriter,
  Table,
  tableToIPC,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeIpc } from '../../src/db/arrow-schema';
import { toPlainRows } from '../../src/db/plain';
import { openTestDb, type TestDb } from './harness';

const n = 3;
const nums = [1, null, 3];
const big = [1n, null, 3n];
const TABLE = new Table({
  s: vectorFromArray(['a', null, '单位'], new Utf8()),
  ls: vectorFromArray(['a', 'b', null], new LargeUtf8()),
  i8: vectorFromArray(nums, new Int8()),
  i16: vectorFromArray(nums, new Int16()),
  i32: vectorFromArray(nums, new Int32()),
  i64: vectorFromArray(big, new Int64()),
  u8: vectorFromArray(nums, new Uint8()),
  u16: vectorFromArray(nums, new Uint16()),
  u32: vectorFromArray(nums, new Uint32()),
  u64: vectorFromArray(big, new Uint64()),
  f32: vectorFromArray([1.5, null, 2], new Float32()),
  f64: vectorFromArray([1.5, null, 2], new Float64()),
  b: vectorFromArray([true, null, false], new Bool()),
  d: vectorFromArray(['x', 'y', 'x'], new Dictionary(new Utf8(), new Int32())),
});

describe('describeIpc', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  }, 120_000);

  it('gives the columns and types DuckDB makes of the stream, and its rows', async () => {
    const ipc = tableToIPC(TABLE, 'stream');
    const got = describeIpc(ipc);
    expect(got).not.toBeNull();
    await db.conn.insertArrowFromIPCStream(ipc, { name: 'described', create: true });
    const rows = toPlainRows(
      await db.conn.query('SELECT column_name AS name, column_type AS type FROM (DESCRIBE described)'),
    );
    expect(got!.columns).toEqual(rows.map((r) => ({ name: r.name, type: r.type })));
    expect(got!.rows).toBe(n);
  });

  it('counts the rows of every batch', () => {
    const writer = new RecordBatchStreamWriter();
    for (const batch of TABLE.batches) writer.write(batch);
    for (const batch of TABLE.batches) writer.write(batch);
    writer.finish();
    expect(describeIpc(writer.toUint8Array(true))?.rows).toBe(2 * n);
  });

  it('leaves other types, and bytes that are not Arrow, to DuckDB (null)', () => {
    const dated = new Table({ day: vectorFromArray([new Date(0)], new DateDay()) });
    expect(describeIpc(tableToIPC(dated, 'stream'))).toBeNull();
    expect(describeIpc(new TextEncoder().encode('not arrow'))).toBeNull();
  });
});
