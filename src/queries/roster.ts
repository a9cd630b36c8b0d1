/**
 * Coverage against a roster (issue 13): with the units a government is expected to have report
 * (its departments from an imported roster, its lower governments from the GB/T 2260 tree), a
 * year without a report of an expected unit is "expected but absent", and an expected unit with
 * no report at all still gets its row. Cells of units not on the roster keep "not collected".
 */
import type { ExpectedUnit } from '../dataset/roster-units';
import { COVERAGE_CELL, COVERAGE_FIELD } from '../sql';
import { summarise } from './coverage';
import type { CoverageUnit, QualityResult } from './types';

/** What the roster reshapes: the grid's units, years and summary. */
type WithUnits = Pick<QualityResult, 'units' | 'years' | 'summary'>;

export function applyRoster<T extends WithUnits>(result: T, expected: readonly ExpectedUnit[]): T {
  if (expected.length === 0) return result;
  const wanted = new Map(expected.map((e) => [e.unitId, e]));
  const present = new Set(result.units.map((u) => u.unitId));
  // The roster's units first, in its order: the rows it is about (the grid shows a screenful).
  const units: CoverageUnit[] = [
    ...result.units.filter((u) => wanted.has(u.unitId)).map((u) => ({ ...u, expected: true })),
    ...result.units.filter((u) => !wanted.has(u.unitId)),
  ];
  let at = units.filter((u) => u.expected).length;
  // An expected unit without any report: every year of the grid, none reported.
  const none = result.years.map((y) => `${y}${COVERAGE_FIELD}0${COVERAGE_FIELD}`).join(COVERAGE_CELL);
  for (const e of expected) {
    if (present.has(e.unitId)) continue;
    units.splice(at++, 0, {
      unitId: e.unitId,
      unit: e.name,
      province: null,
      level: null,
      cells: none,
      reported: 0,
      failed: 0,
      missing: result.years.length,
      expected: true,
    });
  }
  return { ...result, units, summary: summarise(units, true) };
}
