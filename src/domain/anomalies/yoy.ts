/**
 * Year-over-year jump in new requests (table 三 本年新收 · 总计).
 *
 * Why a factor of 10: a change by a whole order of magnitude is the signature of a misplaced or
 * dropped digit (95 printed as 950, 1,200 as 120) or of a table filled for another body, errors
 * that the report's arithmetic does not catch when the totals were typed from the same wrong
 * figure. Real swings are smaller: one land-acquisition or demolition wave, or a single applicant
 * filing in bulk, doubles or triples a unit's requests, rarely more; a factor of 3 or 5 would
 * flag those genuine events and bury the typos among them. Below 20 requests (the larger of the
 * two years) counts are too small for ratios to mean anything (2 → 21 is a busy year, not an
 * error), so such pairs are not compared. A year with 0 counts as 1 in the ratio.
 * Only consecutive calendar years are compared: a gap in reporting says nothing about a jump.
 */
import type { Anomaly, ReportFeatures } from './types';

export const YOY_FACTOR = 10;
export const YOY_MIN_BASE = 20;

export function byUnit(features: readonly ReportFeatures[]): Map<string, ReportFeatures[]> {
  const out = new Map<string, ReportFeatures[]>();
  for (const f of features) {
    const list = out.get(f.unitKey);
    if (list) list.push(f);
    else out.set(f.unitKey, [f]);
  }
  for (const list of out.values()) list.sort((a, b) => a.year - b.year);
  return out;
}

export function yoyJumps(
  features: readonly ReportFeatures[],
  factor = YOY_FACTOR,
  minBase = YOY_MIN_BASE,
): Anomaly[] {
  const out: Anomaly[] = [];
  for (const series of byUnit(features).values()) {
    for (let i = 1; i < series.length; i++) {
      const prev = series[i - 1]!;
      const cur = series[i]!;
      if (cur.year !== prev.year + 1 || prev.received === null || cur.received === null) continue;
      const hi = Math.max(prev.received, cur.received);
      const lo = Math.max(Math.min(prev.received, cur.received), 1);
      if (hi < minBase || hi / lo < factor) continue;
      out.push({
        rule: 'yoy_jump',
        reportId: cur.reportId,
        unit: cur.unit,
        province: cur.province,
        year: cur.year,
        value: cur.received,
        reference: prev.received,
        detail: Math.round((hi / lo) * 10) / 10,
      });
    }
  }
  return out;
}
