/**
 * The coverage grid travels as one packed text (src/sql/quality.ts coverageSql, read by
 * src/queries/coverage.ts): names come back exactly, a separator inside a name cannot shift the
 * fields of the units after it, and the per-unit counts agree with the cells they summarise.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageCells } from '../../src/queries/coverage';
import { fetchQuality } from '../../src/queries/quality';
import { buildCoverageUnits } from '../../src/sql';
import { FIXTURE, HOSTILE_UNIT } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';

describe('the packed coverage grid', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  it('names every unit as loaded, with counts that match its cells', async () => {
    const q = await fetchQuality(db, {});
    const loaded = new Map(FIXTURE.reports.map((r) => [r.unit_id, r]));
    expect(q.units.map((u) => u.unit)).toContain(HOSTILE_UNIT);
    for (const u of q.units) {
      expect(loaded.get(u.unitId)?.province ?? null).toBe(u.province);
      const cells = [...coverageCells(u).values()];
      expect(cells.map((c) => c.year)).toEqual(q.years);
      expect(u.reported).toBe(cells.filter((c) => c.reportId !== null).length);
      expect(u.failed).toBe(cells.filter((c) => c.status === 'failed').length);
      expect(u.missing).toBe(cells.filter((c) => c.status === 'missing').length);
    }
  });

  it('reads the same grid from the records built with it as from the grid itself', async () => {
    const built = await fetchQuality(db, {});
    // A year filter reads the grid (all its years here, so the same cells).
    const grouped = await fetchQuality(db, { years: built.years });
    expect(grouped.units).toEqual(built.units);
    expect(built.units.length).toBeGreaterThan(1);
    const some = await fetchQuality(db, { provinces: ['河南省'] });
    expect(some.units).toEqual(built.units.filter((u) => u.province === '河南省'));
    expect(some.units.length).toBeGreaterThan(0);
  });

  it('reads a separator inside a name as U+FFFD, leaving the other units intact', async () => {
    const before = await fetchQuality(db, {});
    const target = before.units.find((u) => u.unit === HOSTILE_UNIT)!;
    await db.query({
      sql: `UPDATE coverage SET unit = 'a' || chr(28) || 'b' || chr(29) || 'c' || chr(30) || chr(31) WHERE unit_id = $1`,
      params: [target.unitId],
    });
    await db.query(buildCoverageUnits());
    try {
      const after = await fetchQuality(db, {});
      expect(after.units).toHaveLength(before.units.length);
      const changed = after.units.find((u) => u.unitId === target.unitId)!;
      expect(changed.unit).toBe('a\uFFFDb\uFFFDc\u001e\u001f');
      expect(changed.cells).toBe(target.cells);
      expect(after.units.filter((u) => u !== changed)).toEqual(before.units.filter((u) => u !== target));
    } finally {
      await db.query({
        sql: 'UPDATE coverage SET unit = $1 WHERE unit_id = $2',
        params: [HOSTILE_UNIT, target.unitId],
      });
      await db.query(buildCoverageUnits());
    }
  });
});
