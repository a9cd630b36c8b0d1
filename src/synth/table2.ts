/**
 * Table 二 for one unit-year in either format. The 2021 format's `in_force` chains across years
 * (rule 5: last year's in_force + issued − repealed = this year's in_force).
 */
import type { Format } from '../domain/keys';
import type { TableValues } from '../domain/report';
import { binomial, logNormal, normal, poisson } from './distributions';
import type { Rng } from './prng';
import type { UnitProfile } from './profile';

const DOCUMENTS = ['regulations', 'normative_documents'] as const;
type DocumentItem = (typeof DOCUMENTS)[number];
const LISTED_ITEMS_2019 = ['licensing', 'other_services', 'penalty', 'coercion', 'fees'] as const;
type ListedItem = (typeof LISTED_ITEMS_2019)[number];

/** What table 二 carries from one year to the next. */
export interface Table2State {
  /** 2019 format: 对外公开总数量, cumulative. */
  published: Record<DocumentItem, number> | null;
  /** 2019 format: items on each list at the start of the year. */
  listed: Record<ListedItem, number> | null;
  /** 2021 format: 现行有效件数 at the end of the year. */
  inForce: Record<DocumentItem, number> | null;
}

export const EMPTY_TABLE2_STATE: Table2State = { published: null, listed: null, inForce: null };

export interface Table2Result {
  table2: TableValues;
  /** Cells printed "/" (value null), as `row.col`. */
  slashes: string[];
  state: Table2State;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function issuedPerYear(rng: Rng, profile: UnitProfile, item: DocumentItem): number {
  if (item === 'regulations') {
    if (!profile.makesRegulations) return 0;
    return poisson(rng, profile.normativeRate / 8);
  }
  return poisson(rng, profile.normativeRate);
}

export function generateTable2(
  rng: Rng,
  profile: UnitProfile,
  format: Format,
  yearFactor: number,
  prev: Table2State,
): Table2Result {
  const table2: TableValues = {};
  const slashes: string[] = [];
  const state: Table2State = { ...prev };
  const noisy = (x: number) => Math.max(0, Math.round(x * yearFactor * Math.exp(0.15 * normal(rng))));

  if (format === '2021') {
    const inForce = {} as Record<DocumentItem, number>;
    for (const item of DOCUMENTS) {
      const issued = issuedPerYear(rng, profile, item);
      // The first 2021-format year opens with a stock carried over from before the format change.
      const before = prev.inForce?.[item] ?? (prev.published?.[item] ?? 0) + poisson(rng, issued * 6);
      const repealed = Math.min(before + issued, binomial(rng, before, 0.04));
      inForce[item] = before + issued - repealed;
      table2[item] = { issued, repealed, in_force: inForce[item] };
    }
    state.inForce = inForce;
    table2.licensing = { decisions: noisy(profile.decisions.licensing) };
    table2.penalty = { decisions: noisy(profile.decisions.penalty) };
    table2.coercion = { decisions: noisy(profile.decisions.coercion) };
    table2.fees = { amount_10k_yuan: round2(profile.feesAmount * Math.exp(0.2 * normal(rng))) };
  } else {
    const published = {} as Record<DocumentItem, number>;
    for (const item of DOCUMENTS) {
      const made = issuedPerYear(rng, profile, item);
      const newlyPublished = made - binomial(rng, made, 0.05);
      const before = prev.published?.[item] ?? poisson(rng, made * 5);
      published[item] = before + newlyPublished;
      table2[item] = { newly_made: made, newly_published: newlyPublished, total_published: published[item] };
    }
    state.published = published;
    const listed = {} as Record<ListedItem, number>;
    for (const item of LISTED_ITEMS_2019) {
      const last = prev.listed?.[item] ?? Math.round(logNormal(rng, item === 'fees' ? 25 : 150, 0.7));
      const change = rng.chance(0.7) ? 0 : Math.max(-last, Math.round(4 * normal(rng)));
      listed[item] = last + change;
      table2[item] = { items_last_year: last, items_change: change };
    }
    state.listed = listed;
    table2.licensing!.decisions = noisy(profile.decisions.licensing);
    table2.other_services!.decisions = noisy(profile.decisions.licensing / 4);
    table2.penalty!.decisions = noisy(profile.decisions.penalty);
    table2.coercion!.decisions = noisy(profile.decisions.coercion);
    const procurementItems = noisy(profile.normativeRate * 3);
    table2.procurement = {
      items: procurementItems,
      amount_10k_yuan: round2(procurementItems * logNormal(rng, 40, 0.8)),
    };
  }

  // Counties cannot make 规章; some print "/" there instead of 0. The state keeps 0 so the
  // chain stays defined, the printed cells stay null.
  if (profile.slashesRegulations) {
    const row = table2.regulations!;
    for (const col of Object.keys(row)) {
      row[col] = null;
      slashes.push(`regulations.${col}`);
    }
  }
  return { table2, slashes, state };
}
