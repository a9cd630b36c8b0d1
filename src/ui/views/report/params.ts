import type { ReportParams } from '../../../queries';

/**
 * Which report Report shows: a linked report id, else `unitId`'s report in the year in view (the
 * query falls back to the unit's latest year); null with neither. The view and the background
 * prefetch (src/app/ViewPrefetch.tsx) ask the same.
 */
export function reportParams(
  reportId: string | null,
  unitId: string | undefined,
  year: number | null,
): ReportParams | null {
  if (reportId) return { reportId };
  return unitId ? { unitId, year } : null;
}
