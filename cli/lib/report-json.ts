import type { Report } from '../../src/domain/report';
import type { Resolution } from '../../src/region/types';

/**
 * The contract's `parse --json` object (../shared/spec/report-model.md), keys in contract order,
 * with the region resolved (`null` when the unit cannot be placed).
 */
export function toParseJson(report: Report, resolution: Resolution | null): Report {
  return {
    unit: report.unit,
    year: report.year,
    format: report.format,
    region: resolution ? resolution.region : null,
    table3: report.table3,
    table4: report.table4,
    table2: report.table2,
    raw: report.raw,
    checks: report.checks,
    // An extension of the contract's shape: decisions taken on evidence (docs: README "notes").
    ...(report.notes && report.notes.length > 0 ? { notes: report.notes } : {}),
    source: {
      file: report.source.file,
      sha256: report.source.sha256,
      ...(report.source.reader ? { reader: report.source.reader } : {}),
    },
  };
}
