/**
 * A unit's persistent traits: how many requests it gets, who asks, how it answers. Drawn once per
 * unit so its years form a plausible series rather than independent noise.
 */
import { APPLICANT_COLUMNS } from '../domain/keys';
import { logNormal, pareto, perturb } from './distributions';
import { rngFor } from './prng';
import type { SynthUnit } from './units';

export interface UnitProfile {
  /** New requests in the base year (2019), before the yearly trend. */
  baseRequests: number;
  /** Yearly growth rate of requests (log scale). */
  growth: number;
  /** Weights of the six applicant columns, in APPLICANT_COLUMNS order. */
  applicantMix: number[];
  /** Weights of the outcome rows, keyed by row. */
  outcomeMix: Record<string, number>;
  /** Share of the year's workload carried into next year. */
  carryRate: number;
  /** Administrative reviews and lawsuits per request. */
  reviewRate: number;
  litigationRate: number;
  /** Has power to make 规章 (provinces and prefectures; counties print 0 or "/"). */
  makesRegulations: boolean;
  /** Prints "/" instead of 0 for the 规章 items it cannot have. */
  slashesRegulations: boolean;
  /** Normative documents issued per year. */
  normativeRate: number;
  /** Administrative decisions (licensing, penalty, coercion) per year. */
  decisions: { licensing: number; penalty: number; coercion: number };
  feesAmount: number;
  /** Share of 2021-format reports that still print 其他处理 as one row. */
  printsOtherSingle: boolean;
}

/** National shares of applicant types, read off typical published reports. */
const APPLICANT_WEIGHTS = [0.86, 0.07, 0.004, 0.006, 0.02, 0.04] as const;

/** National shares of the outcome rows (2021 format; the 2019 `other_single` takes the three `other_*`). */
export const OUTCOME_WEIGHTS: Readonly<Record<string, number>> = {
  granted: 0.38,
  partially_granted: 0.1,
  withheld_state_secret: 0.002,
  withheld_prohibited_by_law: 0.004,
  withheld_three_safeties_one_stability: 0.003,
  withheld_third_party_rights: 0.006,
  withheld_internal_affairs: 0.01,
  withheld_process_information: 0.012,
  withheld_law_enforcement_files: 0.008,
  withheld_administrative_query: 0.01,
  unable_not_held: 0.24,
  unable_needs_creation: 0.03,
  unable_unclear_after_correction: 0.02,
  rejected_petition_complaint: 0.03,
  rejected_repeated: 0.03,
  rejected_publication: 0.005,
  rejected_excessive: 0.01,
  rejected_confirmation: 0.01,
  other_overdue_correction: 0.03,
  other_overdue_fee: 0.001,
  other_other: 0.05,
};

const LEVEL_SCALE = {
  province: { median: 900, sigma: 0.6 },
  prefecture: { median: 180, sigma: 0.8 },
  county: { median: 28, sigma: 1.0 },
} as const;

export function unitProfile(seed: number, unit: SynthUnit): UnitProfile {
  const rng = rngFor(seed, unit.key, 'profile');
  const scale = LEVEL_SCALE[unit.level];
  let baseRequests = logNormal(rng, scale.median, scale.sigma);
  // A department answers a fraction of its government's requests.
  if (unit.kind === 'department') baseRequests *= 0.25;
  // Urban districts get more requests than rural counties (land requisition, demolition).
  if (unit.level === 'county' && unit.name.endsWith('区')) baseRequests *= 1.8;
  // A heavy tail: a few units, at any level, drown in requests (a demolition dispute, one
  // persistent applicant).
  if (rng.chance(0.03)) baseRequests *= Math.min(pareto(rng, 2, 1.3), 40);
  const outcomeKeys = Object.keys(OUTCOME_WEIGHTS);
  const outcomeValues = perturb(rng, Object.values(OUTCOME_WEIGHTS), 0.6);
  const outcomeMix: Record<string, number> = {};
  outcomeKeys.forEach((k, i) => {
    outcomeMix[k] = outcomeValues[i]!;
  });
  const level = unit.level;
  const docs = level === 'province' ? 60 : level === 'prefecture' ? 35 : 15;
  const decisions = level === 'province' ? 20000 : level === 'prefecture' ? 8000 : 2500;
  const profile: UnitProfile = {
    baseRequests,
    growth: 0.08 + 0.08 * (rng.next() - 0.5),
    applicantMix: perturb(rng, APPLICANT_WEIGHTS, 0.5),
    outcomeMix,
    carryRate: Math.min(0.3, logNormal(rng, 0.03, 0.8)),
    reviewRate: Math.min(0.5, logNormal(rng, 0.03, 0.7)),
    litigationRate: Math.min(0.5, logNormal(rng, 0.02, 0.8)),
    makesRegulations: level !== 'county',
    slashesRegulations: level === 'county' && rng.chance(0.3),
    normativeRate: logNormal(rng, docs, 0.6),
    decisions: {
      licensing: logNormal(rng, decisions, 1),
      penalty: logNormal(rng, decisions / 3, 1),
      coercion: logNormal(rng, decisions / 40, 1.2),
    },
    feesAmount: logNormal(rng, level === 'province' ? 50000 : level === 'prefecture' ? 12000 : 2500, 1),
    printsOtherSingle: rng.chance(0.04),
  };
  if (profile.applicantMix.length !== APPLICANT_COLUMNS.length) throw new Error('applicant mix mismatch');
  return profile;
}
