import { describe, expect, it } from 'vitest';
import {
  findAnomalies,
  findAnomaliesInSlices,
  type NarrativeCheck,
  type ReportFeatures,
} from '../../../src/domain/anomalies';
import { feat } from './make';

/** A deterministic pseudo-random dataset that triggers every rule, with units sharing a name. */
function dataset(): { features: ReportFeatures[]; checks: NarrativeCheck[] } {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const features: ReportFeatures[] = [];
  const checks: NarrativeCheck[] = [];
  const provinces = ['北京市', '河北省', '山西省'];
  for (let u = 0; u < 120; u++) {
    // Units 0 and 40, 1 and 41, …: one name in two regions (identity is region + name).
    const unit = `单位${u % 40}`;
    const province = provinces[u % 3]!;
    for (let year = 2019; year <= 2024; year++) {
      if (rnd() < 0.1) continue;
      const received = rnd() < 0.08 ? Math.round(rnd() * 2000) : Math.round(20 + rnd() * 60);
      const den = Math.round(5 + rnd() * 100);
      const f = feat({
        year,
        unit,
        reportId: `${u}-${year}`,
        unitKey: `${u}|${unit}`,
        province: rnd() < 0.05 ? null : province,
        level: u % 2 === 0 ? 'county' : 'prefecture',
        format: rnd() < 0.1 ? '2019' : year >= 2021 ? '2021' : '2019',
        received: rnd() < 0.05 ? null : received,
        rateNum: Math.round(den * (rnd() < 0.06 ? rnd() : 0.7 + rnd() * 0.05)),
        rateDen: den,
        t3Digest: rnd() < 0.15 ? `same-${u}` : `d-${u}-${year}`,
        t3Nonzero: Math.round(rnd() * 6),
      });
      features.push(f);
      if (rnd() < 0.05)
        checks.push({
          reportId: f.reportId,
          unit,
          province,
          year,
          rule: 'narrative.total',
          location: rnd() < 0.5 ? 'table3' : 'table4',
          expected: 10,
          actual: 12,
        });
    }
  }
  return { features: features.sort((a, b) => (a.reportId < b.reportId ? -1 : 1)), checks };
}

describe('findAnomaliesInSlices', () => {
  it('gives the plain run’s flags in the same order, whatever the slice size', async () => {
    const { features, checks } = dataset();
    const plain = findAnomalies(features, checks);
    const rules = new Set(plain.map((a) => a.rule));
    expect([...rules].sort()).toEqual([
      'copied_table',
      'narrative_total',
      'old_format',
      'peer_outlier',
      'yoy_jump',
    ]);
    for (const size of [1, 3, 17, 10_000]) {
      let pauses = 0;
      const sliced = await findAnomaliesInSlices(
        features,
        checks,
        features,
        () => {
          pauses++;
        },
        size,
      );
      expect(sliced).toEqual(plain);
      if (size === 1) expect(pauses).toBeGreaterThan(features.length);
    }
  });

  it('gives the plain run’s flags with pruned units and peer groups, and awaits each pause', async () => {
    const { features, checks } = dataset();
    const series = features.filter((f) => Number(f.unitKey.split('|')[0]) % 3 !== 0);
    const peers = features.filter((f) => f.year % 2 === 0);
    let open = 0;
    const sliced = await findAnomaliesInSlices(
      series,
      checks,
      peers,
      async () => {
        open++;
        await new Promise((ok) => setTimeout(ok, 0));
        open--;
      },
      5,
    );
    expect(open).toBe(0);
    expect(sliced).toEqual(findAnomalies(series, checks, peers));
  });
});
