/**
 * The prose states a total the table does not print. Found by the `narrative.total` check when a
 * report is parsed (src/domain/checks/narrative.ts: the prose is not kept in the dataset), so the
 * flag is that check's failure read back: the prose's figure is the reference, the table's the value.
 */
import type { Anomaly } from './types';

export interface NarrativeCheck {
  reportId: string;
  unit: string;
  province: string | null;
  year: number;
  rule: string;
  location: string;
  expected: number | null;
  actual: number | null;
}

export function narrativeMismatches(checks: readonly NarrativeCheck[]): Anomaly[] {
  return checks
    .filter((c) => c.rule === 'narrative.total')
    .map((c) => ({
      rule: 'narrative_total' as const,
      reportId: c.reportId,
      unit: c.unit,
      province: c.province,
      year: c.year,
      value: c.actual,
      reference: c.expected,
      detail: c.location.startsWith('table4') ? 4 : 3,
    }));
}
