/**
 * `findAnomalies` a slice at a time: the same rules over whole units and whole peer groups, so
 * the flags are the same, in the same order; between slices `pause` may hand the main thread
 * back (at nationwide scale the rules took one task of up to ~100 ms under load, landing on a
 * person's click). Pure: the caller decides what a pause is (src/queries/anomalies.ts).
 */
import { copiedTables } from './copied';
import { oldFormat } from './format';
import { type NarrativeCheck, narrativeMismatches } from './narrative';
import { PEER_MIN_DENOMINATOR, peerOutliers } from './peers';
import { sortAnomalies } from './sort';
import type { Anomaly, ReportFeatures } from './types';
import { byUnit, yoyJumps } from './yoy';

/** Called between slices; a promise returned is awaited before the next one. */
export type Pause = () => void | Promise<void>;

/** `size` items at a time (units, peer groups, reports), `pause` after each slice. */
export async function findAnomaliesInSlices(
  features: readonly ReportFeatures[],
  checks: readonly NarrativeCheck[],
  peers: readonly ReportFeatures[] = features,
  pause: Pause = () => undefined,
  size = 200,
): Promise<Anomaly[]> {
  const each = async <T>(items: readonly T[], run: (slice: T[]) => void) => {
    for (let i = 0; i < items.length; i += size) {
      run(items.slice(i, i + size));
      await pause();
    }
  };
  const yoy: Anomaly[] = [];
  const copied: Anomaly[] = [];
  // Whole units (each sorted by year, in first-seen order, as the rules group them).
  await each([...byUnit(features).values()], (units) => {
    const rows = units.flat();
    yoy.push(...yoyJumps(rows));
    copied.push(...copiedTables(rows));
  });
  const old: Anomaly[] = [];
  await each(features, (rows) => old.push(...oldFormat(rows)));
  // Whole peer groups, of the reports the rule scores, in first-seen order as the rule has them.
  const groups = new Map<string, ReportFeatures[]>();
  for (const f of peers) {
    if (f.province === null || f.level === null || f.rateNum === null || f.rateDen === null) continue;
    if (f.rateDen < PEER_MIN_DENOMINATOR) continue;
    const key = `${f.year}\u001f${f.province}\u001f${f.level}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const peer: Anomaly[] = [];
  await each([...groups.values()], (gs) => peer.push(...peerOutliers(gs.flat())));
  return sortAnomalies([...yoy, ...peer, ...copied, ...old, ...narrativeMismatches(checks)]);
}
