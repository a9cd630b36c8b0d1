import path from 'node:path';
import type { Report } from '../../src/domain/report';
import type { RegionIndex } from '../../src/region/region-index';
import { resolveUnit } from '../../src/region/resolve';
import type { ResolveOutcome } from '../../src/region/types';

export interface Placement {
  outcome: ResolveOutcome;
  /** How the region was found when not from the unit alone, or why there is none; null otherwise. */
  note: string | null;
}

/**
 * Resolves a parsed report's unit. The source URL's host breaks ties; the file name (collectors
 * name files after the unit: 沭阳县_2025.txt) supports candidates and, only when the unit itself
 * names no place at all, stands in for it — said so in the note, never silently.
 */
export function placeReport(index: RegionIndex, report: Report, source?: string): Placement {
  const domain = source && /^https?:\/\//.test(source) ? source : undefined;
  const stem = path.basename(report.source.file, path.extname(report.source.file)).replace(/_\d{4}$/, '');
  const outcome = resolveUnit(index, report.unit, { domain, context: [stem] });
  if (outcome.ok) return { outcome, note: null };
  if (outcome.reason === 'no region name in the unit') {
    const fromFile = resolveUnit(index, stem, { domain });
    if (fromFile.ok)
      return {
        outcome: fromFile,
        note: `from the file name "${stem}": unit "${report.unit}" names no place`,
      };
  }
  return { outcome, note: outcome.reason };
}
