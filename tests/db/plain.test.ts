/** Arrow answers → plain rows: lists of structs arrive as arrays of objects (the Report's checks). */
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from './harness';

describe('toPlainRows', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  }, 120_000);

  it('decodes a struct as an object and a list of structs as an array of objects', async () => {
    const rows = await db.query<Record<string, unknown>>({
      sql: `SELECT {'rule': 'r1', 'n': 2::BIGINT} AS one,
        [{'rule': 'r1', 'n': 1}, {'rule': 'r2', 'n': NULL}] AS many,
        [2021, 2022] AS years, NULL::INTEGER[] AS none`,
      params: [],
    });
    expect(rows).toEqual([
      {
        one: { rule: 'r1', n: 2 },
        many: [
          { rule: 'r1', n: 1 },
          { rule: 'r2', n: null },
        ],
        years: [2021, 2022],
        none: null,
      },
    ]);
  });
});
