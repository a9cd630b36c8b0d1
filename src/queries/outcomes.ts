/** 办理结果: stacked outcome groups (or single rows) per unit for a year. */
import { queryOptions } from '@tanstack/react-query';
import type { Queryable } from '../db/types';
import { OUTCOME_GROUPS, type OutcomeGroup, TABLE3_ROW_KEYS } from '../domain/keys';
import { type OutcomeMode, QUERY_DEFAULTS } from '../domain/vocab';
import { outcomesSql } from '../sql';
import { dbQuery, displaySelect, sortedSet } from './options';
import type { OutcomeRow, OutcomesParams, OutcomesResult } from './types';

// Group keys and row keys overlap (granted, partially_granted): groups take the first ranks.
const ORDER = new Map<string, number>();
for (const k of [...OUTCOME_GROUPS, ...TABLE3_ROW_KEYS]) if (!ORDER.has(k)) ORDER.set(k, ORDER.size);
const rank = (k: string) => ORDER.get(k) ?? Number.MAX_SAFE_INTEGER;

/** The SQL's part of the question; `measure` (count or share) only picks a column of its answer. */
export type OutcomesSqlParams = Omit<OutcomesParams, 'measure'>;

export function resolveOutcomes(p: OutcomesParams): OutcomesSqlParams {
  const { measure: _shown, ...q } = p;
  return {
    ...q,
    units: sortedSet(p.units)!,
    groups: sortedSet(p.groups),
    rows: sortedSet(p.rows),
    applicant: p.applicant ?? QUERY_DEFAULTS.applicant,
  };
}

/** Asks nothing while no unit is chosen; switching count ⇄ share asks nothing either. */
export const outcomesQuery = (p: OutcomesParams) =>
  queryOptions({
    ...dbQuery('outcomes', resolveOutcomes(p), answerOutcomes, p.units.length > 0),
    select: displaySelect('outcomes', p.measure, showMeasure),
  });

export async function fetchOutcomes(db: Queryable, p: OutcomesParams): Promise<OutcomesResult> {
  return showMeasure(await answerOutcomes(db, resolveOutcomes(p)), p.measure);
}

interface Raw {
  unitId: string;
  unit: string;
  reportId: string;
  format: OutcomeRow['format'];
  key: string;
  group: OutcomeGroup;
  count: number | null;
  share: number | null;
  unitTotal: number | null;
}

/** Rows with both count and share; `value` is filled by `showMeasure`. */
async function answerOutcomes(db: Queryable, p: OutcomesSqlParams): Promise<OutcomesResult> {
  const params = { ...p, measure: 'count' as const };
  if (p.units.length === 0) return { rows: [], units: [], keys: [], missing: [], params };
  const raw = await db.query<Raw>(outcomesSql(p));
  const totals = new Map<string, number>();
  for (const r of raw) totals.set(r.unitId, r.unitTotal ?? 0);
  const units = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const unitRank = new Map(units.map((u, i) => [u, i]));
  const rows: OutcomeRow[] = raw
    .map((r) => ({
      unitId: r.unitId,
      unit: r.unit,
      reportId: r.reportId,
      format: r.format,
      key: r.key as OutcomeRow['key'],
      group: r.group,
      count: r.count,
      share: r.share,
      value: r.count,
    }))
    .sort((a, b) => unitRank.get(a.unitId)! - unitRank.get(b.unitId)! || rank(a.key) - rank(b.key));
  const keys = [...new Set(rows.map((r) => r.key))].sort((a, b) => rank(a) - rank(b));
  return { rows, units, keys, missing: p.units.filter((u) => !totals.has(u)), params };
}

function showMeasure(r: OutcomesResult, measure: OutcomeMode): OutcomesResult {
  return {
    ...r,
    rows: r.rows.map((row) => ({ ...row, value: measure === 'share' ? row.share : row.count })),
    params: { ...r.params, measure },
  };
}
