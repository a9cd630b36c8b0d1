/**
 * Table 三 copied unchanged from the same unit's report of the year before: every printed cell
 * equal (same digest). A table of zeros, or nearly, repeats honestly in units that receive no
 * requests, so the table must carry at least 3 non-zero figures: that many identical non-zero
 * counts in all ~190 cells two years running is not chance.
 */

import type { Anomaly, ReportFeatures } from './types';
import { byUnit } from './yoy';

export const COPIED_MIN_NONZERO = 3;

export function copiedTables(
  features: readonly ReportFeatures[],
  minNonzero = COPIED_MIN_NONZERO,
): Anomaly[] {
  const out: Anomaly[] = [];
  for (const series of byUnit(features).values()) {
    for (let i = 1; i < series.length; i++) {
      const prev = series[i - 1]!;
      const cur = series[i]!;
      if (cur.year !== prev.year + 1 || cur.t3Digest === null || cur.t3Digest !== prev.t3Digest) continue;
      if (cur.t3Nonzero < minNonzero) continue;
      out.push({
        rule: 'copied_table',
        reportId: cur.reportId,
        unit: cur.unit,
        province: cur.province,
        year: cur.year,
        value: cur.t3Nonzero,
        reference: null,
        detail: prev.year,
      });
    }
  }
  return out;
}
