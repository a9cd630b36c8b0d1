import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { LABEL_SEPARATOR, type UnitInfo, type UnitLabel, unitLabels } from '../../domain/units/labels';
import { unitDirectoryQuery } from '../../queries';

export interface UnitNamer {
  /** The unit's label (鼓楼区 · 南京市 when another 鼓楼区 is loaded); `fallback` until the directory answers. */
  label: (unitId: string, fallback?: string) => string;
  /** The unit's directory entry, when loaded. */
  info: (unitId: string) => UnitInfo | undefined;
  /** Its label parts. */
  parts: (unitId: string) => UnitLabel | undefined;
  /** Every loaded unit. */
  all: readonly UnitInfo[];
  ready: boolean;
}

const NONE: UnitInfo[] = [];

function namer(data: readonly UnitInfo[] | undefined): UnitNamer {
  const all = data ?? NONE;
  const labels = unitLabels(all);
  const byId = new Map(all.map((u) => [u.unitId, u]));
  return {
    label: (unitId, fallback) => labels.get(unitId)?.label ?? fallback ?? unitId,
    info: (unitId) => byId.get(unitId),
    parts: (unitId) => labels.get(unitId),
    all,
    ready: data !== undefined,
  };
}

/**
 * One namer per directory answer, shared by every component that asks: labelling a nationwide
 * directory (≈5,000 units) took 15–45 ms, and every view mounts several users of it, so a
 * per-component memo made each first open of a view pay it two to four times (issue 12).
 */
const namers = new WeakMap<readonly UnitInfo[], UnitNamer>();
const EMPTY = namer(undefined);

function sharedNamer(data: readonly UnitInfo[] | undefined): UnitNamer {
  if (data === undefined) return EMPTY;
  let n = namers.get(data);
  if (!n) {
    n = namer(data);
    namers.set(data, n);
  }
  return n;
}

/** Labels of the loaded units: one function (src/domain/units/labels.ts) for every view. */
export function useUnitLabels(): UnitNamer {
  const { data } = useQuery(unitDirectoryQuery());
  return useMemo(() => sharedNamer(data), [data]);
}

export { LABEL_SEPARATOR };
