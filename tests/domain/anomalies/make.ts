import type { ReportFeatures } from '../../../src/domain/anomalies';

/** A synthetic report's features; every field can be overridden. */
export function feat(over: Partial<ReportFeatures> & { year: number }): ReportFeatures {
  const unit = over.unit ?? '某县人民政府';
  return {
    reportId: `${unit}-${over.year}`,
    unitKey: `110101|${unit}`,
    unit,
    province: '北京市',
    level: 'county',
    format: over.year >= 2021 ? '2021' : '2019',
    received: 50,
    rateNum: 30,
    rateDen: 50,
    t3Digest: `digest-${over.year}`,
    t3Nonzero: 12,
    ...over,
  };
}
