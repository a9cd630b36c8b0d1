/** 数据质量: unit × year coverage matrix and the failed-check list. */
import { queryOptions } from '@tanstack/react-query';
import type { Queryable } from '../db/types';
import { QUERY_DEFAULTS } from '../domain/vocab';
import { coverageSql, failedChecksSql, ruleCountsSql } from '../sql';
import { coverageCells, parseCoverage, summarise } from './coverage';
import { dbQuery, displaySelect, sortedSet } from './options';
import { applyRoster } from './roster';
import type { FailedCheck, QualityParams, QualityResult } from './types';

/** What the SQL is asked; `problemsOnly` and a roster's `expected` units filter and extend its answer in JS. */
export type QualitySqlParams = Omit<QualityParams, 'problemsOnly' | 'expected' | 'checksLimit'> & {
  checksLimit: number;
};

/** How the answer is shown. */
export interface QualityDisplay {
  problemsOnly: boolean;
  rules: readonly string[];
  expected: NonNullable<QualityParams['expected']>;
}

export function resolveQuality(p: QualityParams): { sql: QualitySqlParams; display: QualityDisplay } {
  const rules = sortedSet(p.rules);
  return {
    sql: {
      provinces: sortedSet(p.provinces),
      levels: sortedSet(p.levels),
      years: sortedSet(p.years),
      units: sortedSet(p.units),
      rules,
      checksLimit: p.checksLimit ?? QUERY_DEFAULTS.quality.checksLimit,
      reviewed: p.reviewed ? { keys: sortedSet(p.reviewed.keys)!, in: p.reviewed.in } : undefined,
    },
    display: {
      problemsOnly: p.problemsOnly ?? QUERY_DEFAULTS.quality.problemsOnly,
      rules: rules ?? [],
      expected: p.expected ?? [],
    },
  };
}

/** "Problems only" and the roster re-shape the cached answer: no query. */
export function qualityQuery(p: QualityParams) {
  const { sql, display } = resolveQuality(p);
  return queryOptions({
    ...dbQuery('quality', sql, answerQuality),
    select: displaySelect('quality', display, shapeQuality),
    // A new answer is a new question's (cached ones are never refetched): comparing it deeply with
    // the previous one for shared parts walked thousands of rows on the interaction's path.
    structuralSharing: false,
  });
}

export async function fetchQuality(db: Queryable, p: QualityParams): Promise<QualityResult> {
  const { sql, display } = resolveQuality(p);
  return shapeQuality(await answerQuality(db, sql), display);
}

/** The whole matrix of the scope (cells packed per unit), the failed checks and the rule counts. */
export async function answerQuality(db: Queryable, p: QualitySqlParams): Promise<QualityResult> {
  const [[grid], checks, rules] = await Promise.all([
    db.query<{ units: string | null }>(coverageSql(p)),
    db.query<FailedCheck>(failedChecksSql(p, p.checksLimit)),
    db.query<{ rule: string; count: number }>(ruleCountsSql(p)),
  ]);
  const units = parseCoverage(grid?.units ?? null);
  const scoped = p.rules && p.rules.length > 0 ? rules.filter((r) => p.rules!.includes(r.rule)) : rules;
  return {
    // The coverage table holds every unit × every year of the dataset: one unit's years are all.
    years: units[0] ? [...coverageCells(units[0]).keys()].sort((a, b) => a - b) : [],
    units,
    checks,
    checksTotal: scoped.reduce((s, r) => s + r.count, 0),
    rules,
    summary: summarise(units),
  };
}

/** With a rule filter only units with such failures are kept, with "problems only" those with a gap or a failure; then the roster. */
export function shapeQuality(a: QualityResult, d: QualityDisplay): QualityResult {
  let shown = a;
  const byRule = d.rules.length > 0;
  if (byRule || d.problemsOnly) {
    const units = a.units.filter((u) => (byRule ? u.failed > 0 : u.failed > 0 || u.missing > 0));
    shown = { ...a, units, summary: summarise(units) };
  }
  return applyRoster(shown, d.expected);
}
