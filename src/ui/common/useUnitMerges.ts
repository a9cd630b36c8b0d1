import { useSyncExternalStore } from 'react';
import { ensureMergesLoaded, getMerges, type MergesState, subscribeMerges } from '../../import/unit-merges';

/** The units merged in this browser (loads and applies the saved ones on first use). */
export function useUnitMerges(): MergesState {
  void ensureMergesLoaded();
  return useSyncExternalStore(subscribeMerges, getMerges, getMerges);
}
