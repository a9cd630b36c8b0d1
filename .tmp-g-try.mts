import { loadRegionEntries } from './cli/lib/region-data';
import { buildUnits } from './src/synth/units';
import { generateUnitSeries } from './src/synth/series';
const t0 = performance.now();
const entries = await loadRegionEntries({ towns: false });
const units = buildUnits(entries);
const t1 = performance.now();
const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
let reports = 0, cells = 0, faults = 0; const news: number[] = [];
const lv: Record<string, number> = {};
for (const u of units) { lv[u.level] = (lv[u.level] ?? 0) + 1;
  for (const r of generateUnitSeries(u, { seed: 1, years, faultRate: 0.02 })) {
    reports++; if (r.fault) faults++;
    for (const t of ['table2', 'table3', 'table4'] as const) for (const row of Object.values(r.report[t])) cells += Object.keys(row).length;
    if (r.report.year === 2023) news.push(Number(r.report.table3.new_received!.total ?? 0));
  } }
const t2 = performance.now();
news.sort((a, b) => a - b);
const q = (p: number) => news[Math.floor(p * (news.length - 1))];
console.log({ units: units.length, lv, load: Math.round(t1 - t0), gen: Math.round(t2 - t1), reports, cells, faults, p10: q(0.1), p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1), over1000: news.filter(x => x >= 1000).length });
