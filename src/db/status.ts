/**
 * The dataset's load status, as one small external store (the UI reads it through
 * `useDatasetStatus` in src/queries, with useSyncExternalStore). Only the loader sets it.
 */
import type { DatasetStatus } from './types';

let status: DatasetStatus = { phase: 'idle' };
const listeners = new Set<() => void>();

export function setStatus(next: DatasetStatus): void {
  status = next;
  for (const l of listeners) l();
}

export const getStatus = (): DatasetStatus => status;

export function subscribeStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
