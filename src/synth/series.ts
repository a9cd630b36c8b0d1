/** One unit's reports over the requested years, chained through carry-over and in-force stocks. */
import type { Format } from '../domain/keys';
import type { Report } from '../domain/report';
import { blankSomeZeros } from './blanks';
import { normal, poisson } from './distributions';
import { type FaultKind, injectFault } from './faults';
import { rngFor } from './prng';
import { unitProfile } from './profile';
import { EMPTY_TABLE2_STATE, generateTable2, type Table2State } from './table2';
import { type ApplicantCounts, generateTable3 } from './table3';
import { generateTable4 } from './table4';
import { governmentName, type SynthUnit } from './units';

export interface SynthOptions {
  seed: number;
  /** Consecutive years, ascending. */
  years: readonly number[];
  /** Share of reports carrying one injected fault, 0–1. */
  faultRate: number;
}

export interface SynthReport {
  unit: SynthUnit;
  report: Report;
  /** The injected fault, or null for a report whose identities all hold. */
  fault: FaultKind | null;
}

/** The 2021 format (国办公开办函〔2021〕30号) applies from the 2021 reports on. */
export function formatOf(year: number): Format {
  return year >= 2021 ? '2021' : '2019';
}

const BASE_YEAR = 2019;

export function generateUnitSeries(unit: SynthUnit, options: SynthOptions): SynthReport[] {
  const { seed, years, faultRate } = options;
  const profile = unitProfile(seed, unit);
  const out: SynthReport[] = [];
  let carried: ApplicantCounts | null = null;
  let table2State: Table2State = EMPTY_TABLE2_STATE;
  years.forEach((year, i) => {
    const rng = rngFor(seed, unit.key, year, 'values');
    const format = formatOf(year);
    const yearFactor = Math.exp(profile.growth * (year - BASE_YEAR) + 0.15 * normal(rng));
    const newRequests = poisson(rng, profile.baseRequests * yearFactor);
    const t3 = generateTable3(rng, profile, newRequests, format, carried, profile.printsOtherSingle);
    const t2 = generateTable2(rng, profile, format, yearFactor, table2State);
    carried = t3.carriedForward;
    table2State = t2.state;
    const report: Report = {
      unit: governmentName(unit),
      year,
      format,
      region: { code: unit.code, name: unit.name, level: unit.level },
      table3: t3.table3,
      table4: generateTable4(rng, profile, newRequests),
      table2: t2.table2,
      raw: Object.fromEntries(t2.slashes.map((k) => [`table2.${k}`, '/'])),
      checks: [],
      source: { file: 'synthetic', sha256: '' },
    };
    const faultRng = rngFor(seed, unit.key, year, 'fault');
    const fault = faultRng.chance(faultRate)
      ? injectFault(faultRng, report, {
          hasPrevious: i > 0,
          previousIs2021: i > 0 && formatOf(years[i - 1]!) === '2021',
        })
      : null;
    if (!fault) blankSomeZeros(rngFor(seed, unit.key, year, 'blank'), report);
    out.push({ unit, report, fault });
  });
  return out;
}
