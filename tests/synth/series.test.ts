import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/report';
import { loadRegionEntries } from '../../src/region/node/region-data';
import type { RegionEntry } from '../../src/region/types';
import { checkSeries } from '../../src/synth/checks';
import { generateUnitSeries, type SynthReport } from '../../src/synth/series';
import { buildUnits } from '../../src/synth/units';
import { brokenRules } from './identities';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
let entries: RegionEntry[];

beforeAll(async () => {
  entries = await loadRegionEntries({ towns: false });
});

/** Every unit of the first `provinces` provinces over YEARS. */
function generate(provinces: number, faultRate: number, seed = 1): SynthReport[][] {
  return buildUnits(entries, provinces).map((unit) =>
    generateUnitSeries(unit, { seed, years: YEARS, faultRate }),
  );
}

describe(buildUnits, () => {
  it('keeps provinces, prefectures and counties, without placeholders or HK/Macau/Taiwan', () => {
    const units = buildUnits(entries);
    const levels = new Set(units.map((u) => u.level));
    expect(levels).toEqual(new Set(['province', 'prefecture', 'county']));
    expect(units.filter((u) => u.level === 'province')).toHaveLength(31);
    expect(units.length).toBeGreaterThan(3000);
    expect(units.some((u) => u.name === '市辖区' || u.name.includes('直辖'))).toBe(false);
    expect(units.some((u) => /^(71|81|82)/.test(u.code))).toBe(false);
    const haidian = units.find((u) => u.code === '110108')!;
    expect(haidian).toMatchObject({
      level: 'county',
      province: '北京市',
      prefecture: null,
      county: '海淀区',
    });
    const yuhua = units.find((u) => u.code === '130108')!;
    expect(yuhua).toMatchObject({ province: '河北省', prefecture: '石家庄市', parentCode: '130100' });
  });
});

describe(generateUnitSeries, () => {
  it('is deterministic for a seed and changes with it', () => {
    const unit = buildUnits(entries, 1)[0]!;
    const a = generateUnitSeries(unit, { seed: 5, years: YEARS, faultRate: 0.02 });
    const b = generateUnitSeries(unit, { seed: 5, years: YEARS, faultRate: 0.02 });
    const c = generateUnitSeries(unit, { seed: 6, years: YEARS, faultRate: 0.02 });
    expect(a).toEqual(b);
    expect(a.map((r) => r.report.table3)).not.toEqual(c.map((r) => r.report.table3));
  });

  it('prints the 2019 format up to 2020 and the 2021 format from 2021', () => {
    const [series] = generate(1, 0);
    for (const { report } of series!) {
      expect(report.format).toBe(report.year <= 2020 ? '2019' : '2021');
      expect('in_force' in (report.table2.normative_documents ?? {})).toBe(report.year >= 2021);
      expect('procurement' in report.table2).toBe(report.year <= 2020);
    }
  });

  it('holds every identity when no fault is injected (real checks and an independent reading)', () => {
    const all = generate(3, 0);
    let reports = 0;
    let blanks = 0;
    for (const series of all) {
      const reportsOfUnit = series.map((s) => s.report);
      expect(checkSeries(reportsOfUnit).flat()).toEqual([]);
      reportsOfUnit.forEach((report, i) => {
        expect([...brokenRules(report, reportsOfUnit[i - 1] ?? null)]).toEqual([]);
        reports++;
        blanks += Object.keys(report.raw).length;
      });
    }
    expect(reports).toBeGreaterThan(1000);
    // Null handling gets exercised, but blanks stay rare.
    expect(blanks).toBeGreaterThan(0);
  });

  it('chains carried_over to last year\u2019s carried_forward and in_force across 2021-format years', () => {
    for (const series of generate(1, 0)) {
      for (let i = 1; i < series.length; i++) {
        const prev = series[i - 1]!.report;
        const cur = series[i]!.report;
        expect(cur.table3.carried_over).toEqual(prev.table3.carried_forward);
        if (prev.format === '2021') {
          const docs = cur.table2.normative_documents!;
          expect(docs.in_force).toBe(
            (prev.table2.normative_documents!.in_force as number) +
              (docs.issued as number) -
              (docs.repealed as number),
          );
        }
      }
    }
  });

  it('injects about the requested share of faults, each one flagged by the real checks under its rule', () => {
    const rate = 0.2;
    const all = generate(3, rate);
    let faulty = 0;
    let total = 0;
    for (const series of all) {
      const failures = checkSeries(series.map((s) => s.report));
      series.forEach(({ fault }, i) => {
        total++;
        const rules = new Set(failures[i]!.map((f) => f.rule));
        if (fault) {
          faulty++;
          expect(rules, `fault ${fault} in ${series[i]!.report.unit} ${series[i]!.report.year}`).toContain(
            fault,
          );
          // One broken identity per fault.
          expect(rules.size).toBe(1);
        } else {
          expect(failures[i]).toEqual([]);
        }
      });
    }
    // Binomial(n, 0.2): ±4 standard deviations.
    const sd = Math.sqrt(total * rate * (1 - rate));
    expect(Math.abs(faulty - total * rate)).toBeLessThan(4 * sd);
  });

  it('draws skewed sizes: most units in the tens, a few in the thousands, provinces above counties', () => {
    const units = buildUnits(entries);
    const received = (report: Report) => report.table3.new_received!.total as number;
    const byLevel: Record<string, number[]> = { province: [], prefecture: [], county: [] };
    for (const unit of units) {
      const [only] = generateUnitSeries(unit, { seed: 1, years: [2023], faultRate: 0 });
      byLevel[unit.level]!.push(received(only!.report));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(byLevel.county!)).toBeGreaterThanOrEqual(10);
    expect(median(byLevel.county!)).toBeLessThan(100);
    expect(median(byLevel.province!)).toBeGreaterThan(median(byLevel.prefecture!));
    expect(median(byLevel.prefecture!)).toBeGreaterThan(median(byLevel.county!));
    const all = Object.values(byLevel).flat();
    const thousands = all.filter((x) => x >= 1000).length;
    expect(thousands).toBeGreaterThan(5);
    expect(thousands / all.length).toBeLessThan(0.05);
  });
});
