/**
 * The search-key worker (./unit-search.worker.ts) seen from the main thread: one worker per
 * build of the unit index (a load, or units merged), ended once it has answered. A worker that
 * dies rejects the call with a message naming it (src/workers/rpc.ts).
 */

import type { SearchRows } from '../dataset/unit-search-keys';
import { connect } from '../workers/rpc';
import type { UnitSearchApi } from './unit-search.worker';

export const UNIT_SEARCH_WORKER_NAME = 'the unit search indexer';

export const searchRowsInWorker: SearchRows = async (packedFacts) => {
  const worker = new Worker(new URL('./unit-search.worker.ts', import.meta.url), { type: 'module' });
  const { api, stop } = connect<UnitSearchApi>(worker, UNIT_SEARCH_WORKER_NAME);
  try {
    return await api.rows(packedFacts);
  } finally {
    stop(`${UNIT_SEARCH_WORKER_NAME} has answered`);
  }
};
