/** The units' one text (src/sql/units.ts: the directory, the unit facts) read back. */
import { describe, expect, it } from 'vitest';
import { DIRECTORY_FIELD, DIRECTORY_NAME, DIRECTORY_UNIT, readUnits } from '../../src/sql';

const record = (fields: string[]) => fields.join(DIRECTORY_FIELD);

describe('readUnits', () => {
  it('reads each unit, an empty field as missing, and every name it printed', () => {
    const packed = [
      record([
        'g1',
        '鼓楼区人民政府',
        'government',
        '',
        '320106',
        '鼓楼区',
        '江苏省',
        '南京市',
        '鼓楼区',
        'county',
        ['鼓楼区人民政府', '鼓楼区政府'].join(DIRECTORY_NAME),
      ]),
      record(['d1', '公安局', 'department', 'g1', '', '', '', '', '', '', '公安局']),
    ].join(DIRECTORY_UNIT);
    expect(readUnits(packed)).toEqual([
      {
        unitId: 'g1',
        unit: '鼓楼区人民政府',
        kind: 'government',
        parentUnitId: null,
        regionCode: '320106',
        regionName: '鼓楼区',
        province: '江苏省',
        prefecture: '南京市',
        county: '鼓楼区',
        level: 'county',
        names: ['鼓楼区人民政府', '鼓楼区政府'],
      },
      {
        unitId: 'd1',
        unit: '公安局',
        kind: 'department',
        parentUnitId: 'g1',
        regionCode: null,
        regionName: null,
        province: null,
        prefecture: null,
        county: null,
        level: null,
        names: ['公安局'],
      },
    ]);
  });

  it('is empty when no unit is loaded', () => {
    expect(readUnits(null)).toEqual([]);
    expect(readUnits('')).toEqual([]);
  });
});
