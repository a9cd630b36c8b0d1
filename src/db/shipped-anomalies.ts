/**
 * The anomaly flags a dataset ships (src/dataset/shipped-anomalies.ts): the loader names the
 * dataset and its files' hashes as a load starts; the file is fetched only when the flags are
 * first asked for, and used only while the data loaded is those files alone.
 */

import { ANOMALIES_FILE, ANOMALIES_LIMITS, readShippedAnomalies } from '../dataset/shipped-anomalies';
import type { Anomaly } from '../domain/anomalies';
import { dataAsFetched } from './fingerprint';
import { boundedText, hashesByFile } from './shipped-file';
import { getStatus } from './status';
import { measure } from './timing';
import type { DatasetTable } from './types';

let current: { base: URL; hashes: Record<DatasetTable, Promise<string>> } | null = null;
let read: Promise<Anomaly[] | null> | null = null;

/** A load of the dataset at `base` starts: its flags, if it ships them, are looked for on first ask. */
export function lookForShippedAnomalies(base: URL, hashes: Record<DatasetTable, Promise<string>>): void {
  current = { base, hashes };
  read = null;
}

/** The dataset's shipped flags for the data loaded, or null (none, not for these files, data changed since). */
export async function shippedAnomalies(): Promise<Anomaly[] | null> {
  const at = current;
  // Only once the engine is ready: asked while it starts (the background prefetch's question is
  // then replayed against the first view's answers, src/db/first-view.ts), the file was fetched,
  // hashed against and parsed ~0.6 s before the first chart, on its path.
  if (!at || getStatus().phase !== 'ready') return null;
  read ??= readFor(at);
  const flags = await read;
  // A change made in this page since (an import, a unit merge) alters the flags.
  return flags && current === at && (await dataAsFetched()) ? flags : null;
}

async function readFor(at: NonNullable<typeof current>): Promise<Anomaly[] | null> {
  const started = performance.now();
  try {
    if (!(await dataAsFetched())) return null;
    const text = await boundedText(new URL(ANOMALIES_FILE, at.base), ANOMALIES_LIMITS.bytes);
    if (text === null) return null;
    const flags = readShippedAnomalies(text, await hashesByFile(at.hashes));
    if (!flags) console.info(`${ANOMALIES_FILE}: not for these files or this build; the flags are computed`);
    else measure('db:stage', started, { stage: 'shipped anomaly flags read' });
    return flags;
  } catch {
    return null;
  }
}
