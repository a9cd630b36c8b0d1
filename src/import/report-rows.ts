/**
 * A parsed report → the contract rows, as `cli ingest` makes them: same report_id, unit kind,
 * region placement (unit first, the file name's stem as supporting context, or standing in when
 * the unit names no place) and cells, with `source` = `imported:<file name>`.
 */

import { toRegionRows } from '../dataset/region-rows';
import { idOf, toCellRows, toCheckRows, toReportRow } from '../dataset/report-rows';
import type { CellRow, CheckRow, RegionRow, ReportRow } from '../dataset/rows';
import { identityOf } from '../dataset/unit-identity';
import type { CellSource, Report } from '../domain/report';
import type { RegionIndex } from '../region/region-index';
import { resolveUnit } from '../region/resolve';
import type { Resolution } from '../region/types';
import { classifyUnit } from '../region/unit-kind';

export interface ImportRows {
  reports: ReportRow[];
  cells: CellRow[];
  checks: CheckRow[];
  regions: RegionRow[];
}

export const importSource = (fileName: string): string => `imported:${fileName}`;

/** The file name without folder, extension and a trailing `_2024` (collectors name files unit_year). */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]*$/, '').replace(/_\d{4}$/, '');
}

export function placeUnit(index: RegionIndex, report: Report): Resolution | null {
  const stem = fileStem(report.source.file);
  const outcome = resolveUnit(index, report.unit, { context: [stem] });
  if (outcome.ok) return outcome.resolution;
  if (outcome.reason === 'no region name in the unit') {
    const fromFile = resolveUnit(index, stem, {});
    if (fromFile.ok) return fromFile.resolution;
  }
  return null;
}

export function importRows(
  report: Report,
  fileName: string,
  index: RegionIndex | null,
  parserVersion: string,
  src?: Readonly<Record<string, CellSource>>,
): ImportRows {
  const resolution = index ? placeUnit(index, report) : null;
  const placed: Report = resolution ? { ...report, region: resolution.region } : report;
  const id = idOf(placed);
  const regionEntries = (resolution?.chain ?? []).flatMap((r) => {
    const e = index?.byCode.get(r.code);
    return e ? [e] : [];
  });
  const unitKind = classifyUnit(report.unit);
  // Same id as `cli ingest` gives the same body: an import of a body already loaded joins its unit.
  const regionParent = resolution
    ? (index?.byCode.get(resolution.region.code)?.parent_code ?? null)
    : undefined;
  return {
    reports: [
      toReportRow(placed, {
        unitKind,
        identity: identityOf(report.unit, unitKind, resolution, regionParent),
        placement: resolution,
        source: importSource(fileName),
        parserVersion,
      }),
    ],
    cells: toCellRows(placed, id, src),
    checks: toCheckRows(placed, id),
    regions: toRegionRows(regionEntries),
  };
}
