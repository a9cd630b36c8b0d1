/**
 * The unit picker's search keys (src/dataset/unit-search-keys.ts) computed off the main thread: for the
 * nationwide units they took 0.2–0.4 s of it in slices, while a person's first inputs after the
 * load waited behind them. Called through src/workers/rpc.ts (./unit-search-worker.ts).
 */
// First: no network beyond the origin from this worker either.
import '../workers/lock-this-worker';
import { searchRows } from '../dataset/unit-search-keys';
import { serve } from '../workers/rpc';

export interface UnitSearchApi {
  rows: typeof searchRows;
}

serve<UnitSearchApi>({ rows: searchRows });
