/** The coverage grid's rows (src/queries/types.ts CoverageUnit): their cells and their counts. */
import type { RegionLevel } from '../domain/vocab';
import { COVERAGE_CELL, COVERAGE_COLUMN, COVERAGE_FIELD, COVERAGE_UNIT } from '../sql';
import type { CoverageCell, CoverageUnit, QualityResult } from './types';

/** The grid's units from coverageSql's one text (null: no unit in scope). */
export function parseCoverage(packed: string | null): CoverageUnit[] {
  if (!packed) return [];
  return packed.split(COVERAGE_UNIT).map((text) => {
    const [unitId, unit, province, level, reported, failed, missing, cells] = text.split(COVERAGE_COLUMN) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      unitId,
      unit,
      province: province === '' ? null : province,
      level: level === '' ? null : (level as RegionLevel),
      cells,
      reported: Number(reported),
      failed: Number(failed),
      missing: Number(missing),
    };
  });
}

/**
 * A unit's cells by year, decoded from its packed text (the grid asks for the rows in view).
 * Years without a report are missing, or absent when the unit is on the roster.
 */
export function coverageCells(u: CoverageUnit): Map<number, CoverageCell> {
  const out = new Map<number, CoverageCell>();
  if (u.cells === '') return out;
  for (const packed of u.cells.split(COVERAGE_CELL)) {
    const [year, failures, id] = packed.split(COVERAGE_FIELD) as [string, string, string];
    const reportId = id === '' ? null : id;
    const checkFailures = Number(failures);
    const status =
      reportId === null ? (u.expected ? 'absent' : 'missing') : checkFailures > 0 ? 'failed' : 'ok';
    out.set(Number(year), { unitId: u.unitId, year: Number(year), status, reportId, checkFailures });
  }
  return out;
}

/** Cells by status over the units; an expected unit's missing years are absent (a roster is set). */
export function summarise(units: readonly CoverageUnit[], roster = false): QualityResult['summary'] {
  const summary = { reported: 0, failed: 0, missing: 0, absent: 0 };
  for (const u of units) {
    summary.reported += u.reported;
    summary.failed += u.failed;
    if (u.expected) summary.absent += u.missing;
    else summary.missing += u.missing;
  }
  if (roster) return summary;
  const { absent: _, ...plain } = summary;
  return plain;
}
