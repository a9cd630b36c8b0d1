/** The unit index's search keys (src/dataset/unit-search-keys.ts), folded once per distinct text in a pass. */
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { memoFold, searchRows, unitSearchRow } from '../../src/dataset/unit-search-keys';
import { foldName } from '../../src/domain/units/fold';
import { DIRECTORY_FIELD, DIRECTORY_NAME, DIRECTORY_UNIT } from '../../src/sql';

/** What the unit index reads of a unit (src/sql/units.ts unitFactsSql). */
type Facts = Parameters<typeof unitSearchRow>[1];

const unit = (over: Partial<Facts>): Facts => ({
  unitId: 'u1',
  unit: '宿迁市沭阳县人民政府',
  kind: 'government',
  parentUnitId: null,
  regionCode: '321322',
  regionName: '沭阳县',
  province: '江苏省',
  prefecture: '宿迁市',
  county: '沭阳县',
  level: 'county',
  names: ['宿迁市沭阳县人民政府'],
  ...over,
});

describe('unit search keys', () => {
  it('a remembering fold answers as foldName, for repeated and new texts alike', () => {
    const fold = memoFold();
    for (const text of ['沭阳县', ' 汩罗市 ', '沭阳县', 'ＡＢＣ　区', '', '沭阳县'])
      expect(fold(text)).toBe(foldName(text));
  });

  it('gives the same row with the remembering fold as without it', () => {
    const fold = memoFold();
    const units = [
      unit({}),
      unit({
        unitId: 'u2',
        unit: '宿迁市沭阳县教育局',
        kind: 'department',
        parentUnitId: 'u1',
        names: ['沭阳县教育局', '沐阳县教育局'],
      }),
      unit({
        unitId: 'u3',
        unit: '汩罗市人民政府',
        regionName: '汩罗市',
        county: '汩罗市',
        province: '湖南省',
        prefecture: '岳阳市',
      }),
    ];
    for (const u of units) expect(unitSearchRow(pinyin, u, fold)).toEqual(unitSearchRow(pinyin, u));
    // Folded: the OCR spelling and the real one share a key.
    expect(unitSearchRow(pinyin, units[1]!, fold)[4]).not.toContain('沭');
  });

  it('gives every unit its row in one pass (what the search-key worker answers)', async () => {
    const units = [
      unit({}),
      unit({ unitId: 'u2', unit: '宿迁市沭阳县教育局', kind: 'department', parentUnitId: 'u1' }),
    ];
    // As src/sql/units.ts packs them: fields by ␜, names by ␟, units by ␝, a missing value empty.
    const packed = units
      .map((u) =>
        [
          u.unitId,
          u.unit,
          u.kind,
          u.parentUnitId ?? '',
          u.regionCode ?? '',
          u.regionName ?? '',
          u.province ?? '',
          u.prefecture ?? '',
          u.county ?? '',
          u.level ?? '',
          (u.names ?? []).join(DIRECTORY_NAME),
        ].join(DIRECTORY_FIELD),
      )
      .join(DIRECTORY_UNIT);
    const rows = await searchRows(packed);
    expect(rows).toEqual(units.map((u) => unitSearchRow(pinyin, u)));
    expect(await searchRows(null)).toEqual([]);
    expect(rows[0]?.[2]).toBe('shuyangxian');
  });
});
