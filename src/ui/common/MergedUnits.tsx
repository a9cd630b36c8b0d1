import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { QUERY_ROOT } from '../../queries';
import { useUi } from '../../state';
import { useUnitMerges } from './useUnitMerges';

/**
 * Keeps the page in step with the units merged in this browser: the saved merges are applied once
 * the dataset is loaded, every view's queries run again when the mapping changes, and a unit id
 * that now belongs to another unit (a link made before the merge) is replaced by that unit.
 */
export function MergedUnits() {
  const { resolved, applied } = useUnitMerges();
  const queryClient = useQueryClient();
  const remap = useUi((s) => s.remapUnits);
  const units = useUi((s) => s.units);
  const filters = useUi((s) => s.pivot.filters);
  useEffect(() => {
    if (applied > 0) void queryClient.invalidateQueries({ queryKey: QUERY_ROOT });
  }, [applied, queryClient]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when a link, back/forward or a pick brings a merged id
  useEffect(() => {
    // Once applied: before, the merged unit's reports still carry their own id.
    if (applied > 0 && resolved.size > 0) remap(resolved);
  }, [applied, resolved, units, filters, remap]);
  return null;
}
