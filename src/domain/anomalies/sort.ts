import type { Anomaly } from './types';

/** By unit, year and rule; a stable sort, so ties keep the order the rules gave them. */
export function sortAnomalies(all: Anomaly[]): Anomaly[] {
  return all.sort((a, b) =>
    a.unit !== b.unit
      ? a.unit < b.unit
        ? -1
        : 1
      : a.year !== b.year
        ? a.year - b.year
        : a.rule < b.rule
          ? -1
          : a.rule > b.rule
            ? 1
            : 0,
  );
}
