/**
 * Coverage against a roster (issue 13): with the units a government is expected to have report
 * (its departments from an imported roster, its lower governments from the GB/T 2260 tree), a
 * year without a report of an expected unit is "expected but absent", and an expected unit with
 * no report at all still gets its row. Cells of units not on the roster keep "not collected".
 */
import type { ExpectedUnit } from '../dataset/roster-units';
import type { CoverageCell, QualityResult } from './types';

export function applyRoster(result: QualityResult, expected: readonly ExpectedUnit[]): QualityResult {
  if (expected.length === 0) return result;
  const wanted = new Map(expected.map((e) => [e.unitId, e]));
  const matrix: CoverageCell[] = result.matrix.map((c) =>
    c.status === 'missing' && wanted.has(c.unitId) ? { ...c, status: 'absent' } : c,
  );
  const present = new Set(result.units.map((u) => u.unitId));
  // The roster's units first, in its order: the rows it is about (the grid shows a screenful).
  const units = [
    ...result.units.filter((u) => wanted.has(u.unitId)),
    ...result.units.filter((u) => !wanted.has(u.unitId)),
  ];
  let at = units.filter((u) => wanted.has(u.unitId)).length;
  for (const e of expected) {
    if (present.has(e.unitId)) continue;
    units.splice(at++, 0, { unitId: e.unitId, unit: e.name, province: null, level: null });
    for (const year of result.years)
      matrix.push({ unitId: e.unitId, year, status: 'absent', reportId: null, checkFailures: 0 });
  }
  const summary = { reported: 0, failed: 0, missing: 0, absent: 0 };
  for (const c of matrix) {
    if (c.status === 'missing') summary.missing++;
    else if (c.status === 'absent') summary.absent++;
    else {
      summary.reported++;
      if (c.status === 'failed') summary.failed++;
    }
  }
  return { ...result, units, matrix, summary };
}
