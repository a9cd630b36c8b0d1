/**
 * Unit search and labels on the bundled dataset (public/data), on the engine users get: places
 * are found by their short names, an OCR-misprinted county by its real name, a town by its
 * county, and 平潭's departments say whose they are.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { governmentId } from '../../src/domain/units/identity';
import { unitLabels } from '../../src/domain/units/labels';
import { fetchUnitDirectory, fetchUnitSearch } from '../../src/queries/units';
import { openBundledDb, type TestDb } from '../db/harness';

describe('units of the bundled dataset', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openBundledDb();
  }, 120_000);

  it('沭阳 finds 沭阳县, printed 沐阳县 by OCR, first and by its name', async () => {
    const [hit] = await fetchUnitSearch(db, { text: '沭阳' });
    expect(hit).toMatchObject({ unit: '沐阳县人民政府', short: '沭阳县', rank: 0 });
    const labels = unitLabels(await fetchUnitDirectory(db));
    expect(labels.get(hit!.unitId)?.label).toBe('沭阳县');
  });

  it('迁安 finds 迁安市大五里镇 (printed 大五里镇) by its county, and says so', async () => {
    const hits = await fetchUnitSearch(db, { text: '迁安' });
    const town = hits.find((h) => h.unit === '大五里镇');
    expect(town).toMatchObject({ rank: 4, unitKind: 'township', parentUnitId: governmentId('130283') });
    const labels = unitLabels(await fetchUnitDirectory(db));
    expect(labels.get(town!.unitId)?.parent).toBe('迁安市');
  });

  it('平潭: the government’s own units in one query, each under it', async () => {
    const pingtan = governmentId('350128');
    const children = await fetchUnitSearch(db, { parentUnitId: pingtan, limit: 60 });
    expect(children.length).toBeGreaterThanOrEqual(10);
    expect(children.every((h) => h.parentName === '平潭综合实验区')).toBe(true);
    expect(children.map((h) => h.unitKind).sort()).toContain('township');
    const departments = await fetchUnitSearch(db, { parentUnitId: pingtan, kind: 'department', limit: 60 });
    expect(departments.every((h) => h.unitKind === 'department')).toBe(true);
    expect(departments.length).toBeLessThan(children.length);
  });

  it('ranks a pinyin-initials prefix before a contained name, in a stable order', async () => {
    const a = await fetchUnitSearch(db, { text: 'pt' });
    const b = await fetchUnitSearch(db, { text: 'pt' });
    expect(a.map((h) => h.unitId)).toEqual(b.map((h) => h.unitId));
    expect(a[0]?.short).toBe('平潭综合实验区');
    const ranks = a.map((h) => h.rank);
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
  });

  it('the directory, read as one text, is every unit with its fields and names as the rows say', async () => {
    const dir = await fetchUnitDirectory(db);
    const rows = await db.conn.query(`
      SELECT unit_id, arg_max(unit, year) AS unit, any_value(unit_kind) AS kind,
        any_value(parent_unit_id) AS parent, any_value(region_code) AS code, any_value(level) AS level,
        list_sort(list_distinct(list(unit))) AS names
      FROM reports GROUP BY unit_id ORDER BY unit_id`);
    const want = rows.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    expect(dir.length).toBe(want.length);
    expect(dir.length).toBeGreaterThan(30);
    dir.forEach((u, i) => {
      const w = want[i]!;
      expect([u.unitId, u.unit, u.kind, u.parentUnitId, u.regionCode, u.level]).toEqual([
        w.unit_id,
        w.unit,
        w.kind,
        w.parent ?? null,
        w.code ?? null,
        w.level ?? null,
      ]);
      expect(u.names).toEqual([...(w.names as { toArray(): string[] }).toArray()]);
    });
    // Renamed bodies keep every name they printed.
    expect(dir.some((u) => (u.names?.length ?? 0) > 1)).toBe(true);
  });
});
