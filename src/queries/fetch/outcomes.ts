import type { Queryable } from '../../db/types';
import { OUTCOME_GROUPS, type OutcomeGroup, TABLE3_ROW_KEYS } from '../../domain/keys';
import { outcomesSql } from '../../sql';
import type { OutcomeRow, OutcomesParams, OutcomesResult } from '../types';

// Group keys and row keys overlap (granted, partially_granted): groups take the first ranks.
const ORDER = new Map<string, number>();
for (const k of [...OUTCOME_GROUPS, ...TABLE3_ROW_KEYS]) if (!ORDER.has(k)) ORDER.set(k, ORDER.size);
const rank = (k: string) => ORDER.get(k) ?? Number.MAX_SAFE_INTEGER;

interface Raw {
  unitId: string;
  unit: string;
  format: OutcomeRow['format'];
  key: string;
  group: OutcomeGroup;
  count: number | null;
  share: number | null;
  unitTotal: number | null;
}

export async function fetchOutcomes(db: Queryable, p: OutcomesParams): Promise<OutcomesResult> {
  if (p.units.length === 0) return { rows: [], units: [], keys: [], missing: [], params: p };
  const raw = await db.query<Raw>(outcomesSql(p));
  const totals = new Map<string, number>();
  for (const r of raw) totals.set(r.unitId, r.unitTotal ?? 0);
  const units = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const unitRank = new Map(units.map((u, i) => [u, i]));
  const rows: OutcomeRow[] = raw
    .map((r) => ({
      unitId: r.unitId,
      unit: r.unit,
      format: r.format,
      key: r.key as OutcomeRow['key'],
      group: r.group,
      count: r.count,
      share: r.share,
      value: p.measure === 'share' ? r.share : r.count,
    }))
    .sort((a, b) => unitRank.get(a.unitId)! - unitRank.get(b.unitId)! || rank(a.key) - rank(b.key));
  const keys = [...new Set(rows.map((r) => r.key))].sort((a, b) => rank(a) - rank(b));
  return { rows, units, keys, missing: p.units.filter((u) => !totals.has(u)), params: p };
}
