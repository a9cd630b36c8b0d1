/**
 * A report for 2022 or later in the 2019 format. The 2021 format (国办公开办函〔2021〕30号) was
 * issued in mid-2021, so a report for 2021 in the old tables may just have been prepared early;
 * from the reports for 2022 on, the old tables mean an outdated template (their table 二 cannot
 * be compared with the new one, and the 其他处理 breakdown is missing).
 */
import type { Anomaly, ReportFeatures } from './types';

export const OLD_FORMAT_FROM_YEAR = 2022;

export function oldFormat(features: readonly ReportFeatures[], fromYear = OLD_FORMAT_FROM_YEAR): Anomaly[] {
  return features
    .filter((f) => f.format === '2019' && f.year >= fromYear)
    .map((f) => ({
      rule: 'old_format' as const,
      reportId: f.reportId,
      unit: f.unit,
      province: f.province,
      year: f.year,
      value: null,
      reference: null,
      detail: null,
    }));
}
