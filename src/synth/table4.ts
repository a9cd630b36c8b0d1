/** Table 四 for one unit-year: reviews and lawsuits whose results sum to each group's total (rule 4). */
import { TABLE4_COLUMNS, TABLE4_GROUPS } from '../domain/keys';
import type { TableValues } from '../domain/report';
import { multinomial, poisson } from './distributions';
import type { Rng } from './prng';
import type { UnitProfile } from './profile';

/** upheld, corrected, other, pending: most reviews and suits uphold the answer. */
const RESULT_WEIGHTS = [0.62, 0.1, 0.18, 0.1];

export function generateTable4(rng: Rng, profile: UnitProfile, newRequests: number): TableValues {
  const expected = {
    review: newRequests * profile.reviewRate,
    litigation_direct: newRequests * profile.litigationRate * 0.7,
    litigation_after_review: newRequests * profile.litigationRate * 0.3,
  };
  const table4: TableValues = {};
  for (const group of TABLE4_GROUPS) {
    const total = poisson(rng, expected[group]);
    const [upheld, corrected, other, pending] = multinomial(rng, total, RESULT_WEIGHTS);
    const values = { upheld, corrected, other, pending, total };
    table4[group] = {};
    for (const col of TABLE4_COLUMNS) table4[group][col] = values[col] ?? 0;
  }
  return table4;
}
