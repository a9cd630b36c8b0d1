import { describe, expect, it } from 'vitest';
import { rosterUnits } from '../../../src/dataset/roster-units';
import { identityOf } from '../../../src/dataset/unit-identity';
import { governmentId } from '../../../src/domain/units/identity';
import type { UnitInfo } from '../../../src/domain/units/labels';
import { parseRoster } from '../../../src/domain/units/roster';

const PINGTAN: UnitInfo = {
  unitId: governmentId('350128'),
  unit: '平潭综合实验区',
  kind: 'government',
  parentUnitId: governmentId('350100'),
  regionCode: '350128',
  regionName: '平潭县',
  province: '福建省',
  prefecture: '福州市',
  county: '平潭县',
  level: 'county',
};

describe('rosters', () => {
  it('reads a CSV or a list, names its bad lines and keeps the good ones', () => {
    const csv =
      '单位名称,备注\n平潭综合实验区公安局,\n"平潭综合实验区财政金融局",x\n12345\n\n<script>,\n平潭公安局\n';
    const r = parseRoster(csv);
    expect(r.names).toEqual(['平潭综合实验区公安局', '平潭综合实验区财政金融局', '平潭公安局']);
    expect(r.problems).toEqual([
      { line: 4, text: '12345', code: 'notAName' },
      { line: 6, text: '<script>,', code: 'notAName' },
    ]);
    expect(parseRoster(`${'局'.repeat(70)}\n教育局`).problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'tooLong'],
    ]);
  });

  it('gives each name the unit id its reports get, so 平潭公安局 and 平潭综合实验区公安局 are one', () => {
    const units = rosterUnits(
      ['平潭综合实验区公安局', '平潭公安局', '平潭综合实验区金井片区管理局', '平潭综合实验区'],
      PINGTAN,
    );
    const placement = {
      region: { code: '350128', name: '平潭县', level: 'county' as const },
      province: '福建省',
      prefecture: '福州市',
      county: '平潭县',
    };
    expect(units.map((u) => u.unitId)).toEqual([
      identityOf('平潭综合实验区公安局', 'department', placement, '350100').unitId,
      identityOf('平潭综合实验区金井片区管理局', 'township', placement, '350100').unitId,
    ]);
  });
});

describe('coverage against a roster', () => {
  it('tells expected-but-absent from not collected, and gives an expected unit without reports its row', async () => {
    const { applyRoster } = await import('../../../src/queries/roster');
    const { coverageCells } = await import('../../../src/queries/coverage');
    const { COVERAGE_CELL: C, COVERAGE_FIELD: F } = await import('../../../src/sql');
    const base = {
      years: [2021, 2022],
      units: [
        {
          unitId: 'a',
          unit: '公安局',
          province: null,
          level: null,
          cells: `2021${F}0${F}r1${C}2022${F}0${F}`,
          reported: 1,
          failed: 0,
          missing: 1,
        },
        {
          unitId: 'b',
          unit: '其他局',
          province: null,
          level: null,
          cells: `2021${F}0${F}${C}2022${F}2${F}r2`,
          reported: 1,
          failed: 1,
          missing: 1,
        },
      ],
      checks: [],
      checksTotal: 0,
      rules: [],
      summary: { reported: 2, failed: 1, missing: 2 },
    };
    const r = applyRoster(base, [
      { unitId: 'a', name: '公安局' },
      { unitId: 'c', name: '教育局' },
    ]);
    const status = Object.fromEntries(
      r.units.flatMap((u) => [...coverageCells(u).values()]).map((c) => [`${c.unitId}/${c.year}`, c.status]),
    );
    expect(status).toEqual({
      'a/2021': 'ok',
      'a/2022': 'absent',
      'b/2021': 'missing',
      'b/2022': 'failed',
      'c/2021': 'absent',
      'c/2022': 'absent',
    });
    // The roster's units first.
    expect(r.units.map((u) => u.unit)).toEqual(['公安局', '教育局', '其他局']);
    expect(r.summary).toEqual({ reported: 2, failed: 1, missing: 1, absent: 3 });
    expect(applyRoster(base, [])).toBe(base);
  });
});
