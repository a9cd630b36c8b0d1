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

/** The matrix and the failed checks; the rule counts are their own query (`qualityRulesQuery`). */
export type QualityGrid = Omit<QualityResult, 'rules' | 'checksTotal'>;

/** The rule counts' scope: the grid's without the rule filter (they ignore it) and the limit. */
export type QualityRulesSqlParams = Omit<QualitySqlParams, 'rules' | 'checksLimit'>;

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

/**
 * Failures per rule in the scope. They ignore the rule filter, so choosing a rule asks nothing
 * here: the answer for the scope is cached, and the grid's two statements are all that run (a
 * third one, queued behind them in DuckDB's one worker, was on every rule change's path).
 */
export function qualityRulesQuery(p: QualityParams) {
  return queryOptions(dbQuery('qualityRules', rulesScope(resolveQuality(p).sql), answerRuleCounts));
}

function rulesScope(sql: QualitySqlParams): QualityRulesSqlParams {
  const { rules: _, checksLimit: __, ...scope } = sql;
  return scope;
}

/** The view's result from the grid and the rule counts of the same scope. */
export function withRuleCounts(
  grid: QualityGrid,
  rules: QualityResult['rules'],
  selected: readonly string[] | undefined,
): QualityResult {
  const scoped = selected && selected.length > 0 ? rules.filter((r) => selected.includes(r.rule)) : rules;
  return { ...grid, rules, checksTotal: scoped.reduce((s, r) => s + r.count, 0) };
}

export async function fetchQuality(db: Queryable, p: QualityParams): Promise<QualityResult> {
  const { sql, display } = resolveQuality(p);
  const [grid, rules] = await Promise.all([answerQuality(db, sql), answerRuleCounts(db, rulesScope(sql))]);
  return withRuleCounts(shapeQuality(grid, display), rules, sql.rules);
}

/** The whole matrix of the scope (cells packed per unit) and the failed checks. */
export async function answerQuality(db: Queryable, p: QualitySqlParams): Promise<QualityGrid> {
  const [[grid], checks] = await Promise.all([
    db.query<{ units: string | null }>(coverageSql(p)),
    db.query<FailedCheck>(failedChecksSql(p, p.checksLimit)),
  ]);
  const units = parseCoverage(grid?.units ?? null);
  return {
    // The coverage table holds every unit × every year of the dataset: one unit's years are all.
    years: units[0] ? [...coverageCells(units[0]).keys()].sort((a, b) => a - b) : [],
    units,
    checks,
    summary: summarise(units),
  };
}

/** Failures per rule within the scope (the rule filter's options, and the failed checks' total). */
export function answerRuleCounts(db: Queryable, p: QualityRulesSqlParams): Promise<QualityResult['rules']> {
  return db.query<{ rule: string; count: number }>(ruleCountsSql(p));
}

/** With a rule filter only units with such failures are kept, with "problems only" those with a gap or a failure; then the roster. */
export function shapeQuality<T extends QualityGrid>(a: T, d: QualityDisplay): T {
  let shown = a;
  const byRule = d.rules.length > 0;
  if (byRule || d.problemsOnly) {
    const units = a.units.filter((u) => (byRule ? u.failed > 0 : u.failed > 0 || u.missing > 0));
    shown = { ...a, units, summary: summarise(units) };
  }
  return applyRoster(shown, d.expected);
}
