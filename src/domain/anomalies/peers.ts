/**
 * A unit far from its peers on the disclosure rate ((granted + partially granted) ÷ handled):
 * peers are the reports of the same year, province and level.
 *
 * Robust scores, because a few outliers must not hide each other: the modified z-score of
 * Iglewicz & Hoaglin (1993), 0.6745 · (x − median) / MAD, flagged above 3.5, their recommended
 * cut-off. When more than half the peers share one rate (MAD = 0, common when most grant
 * everything), the mean absolute deviation stands in (z = (x − median) / (1.2533 · MeanAD)), as
 * usual; when every peer has the same rate nothing is flagged. A rate on fewer than 10 handled
 * requests is neither scored nor used as a peer (one request more or less moves it by 10 points
 * or more), and a group needs at least 5 such peers for a median to mean anything.
 */
import type { Anomaly, ReportFeatures } from './types';

export const PEER_Z = 3.5;
export const PEER_MIN_DENOMINATOR = 10;
export const PEER_MIN_GROUP = 5;

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Modified z-scores of `xs` (same order); null when the spread is zero. */
export function robustZ(xs: readonly number[]): (number | null)[] {
  const m = median([...xs].sort((a, b) => a - b));
  const dev = xs.map((x) => Math.abs(x - m));
  const mad = median([...dev].sort((a, b) => a - b));
  if (mad > 0) return xs.map((x) => (0.6745 * (x - m)) / mad);
  const meanAd = dev.reduce((s, d) => s + d, 0) / dev.length;
  if (meanAd === 0) return xs.map(() => null);
  return xs.map((x) => (x - m) / (1.2533 * meanAd));
}

export function peerOutliers(
  features: readonly ReportFeatures[],
  z = PEER_Z,
  minDen = PEER_MIN_DENOMINATOR,
  minGroup = PEER_MIN_GROUP,
): Anomaly[] {
  const groups = new Map<string, { f: ReportFeatures; rate: number }[]>();
  for (const f of features) {
    if (f.province === null || f.level === null || f.rateNum === null || f.rateDen === null) continue;
    if (f.rateDen < minDen) continue;
    const key = `${f.year}\u001f${f.province}\u001f${f.level}`;
    const list = groups.get(key) ?? [];
    list.push({ f, rate: f.rateNum / f.rateDen });
    groups.set(key, list);
  }
  const out: Anomaly[] = [];
  for (const list of groups.values()) {
    if (list.length < minGroup) continue;
    const rates = list.map((x) => x.rate);
    const m = median([...rates].sort((a, b) => a - b));
    const scores = robustZ(rates);
    list.forEach(({ f, rate }, i) => {
      const s = scores[i];
      if (s === null || s === undefined || Math.abs(s) <= z) return;
      out.push({
        rule: 'peer_outlier',
        reportId: f.reportId,
        unit: f.unit,
        province: f.province,
        year: f.year,
        value: rate,
        reference: m,
        detail: list.length,
      });
    });
  }
  return out;
}
