/** 数据质量: unit × year coverage matrix and the failed-check list. */
import { queryOptions } from '@tanstack/react-query';
import type { Queryable } from '../db/types';
import { QUERY_DEFAULTS, type RegionLevel } from '../domain/vocab';
import { COVERAGE_CELL, COVERAGE_FIELD, coverageSql, failedChecksSql, ruleCountsSql } from '../sql';
import { dbQuery, displaySelect, sortedSet } from './options';
import { applyRoster } from './roster';
import type { CoverageCell, FailedCheck, QualityParams, QualityResult } from './types';

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
  });
}

export async function fetchQuality(db: Queryable, p: QualityParams): Promise<QualityResult> {
  const { sql, display } = resolveQuality(p);
  return shapeQuality(await answerQuality(db, sql), display);
}

/** One unit with its cells packed (see coverageSql). */
interface RawUnit {
  unitId: string;
  unit: string;
  province: string | null;
  level: RegionLevel | null;
  cells: string;
}

/** The whole matrix of the scope, the failed checks and the rule counts. */
export async function answerQuality(db: Queryable, p: QualitySqlParams): Promise<QualityResult> {
  const [raw, checks, rules] = await Promise.all([
    db.query<RawUnit>(coverageSql(p)),
    db.query<FailedCheck>(failedChecksSql(p, p.checksLimit)),
    db.query<{ rule: string; count: number }>(ruleCountsSql(p)),
  ]);
  const matrix: CoverageCell[] = [];
  for (const u of raw) {
    for (const packed of u.cells.split(COVERAGE_CELL)) {
      const [year, failures, id] = packed.split(COVERAGE_FIELD) as [string, string, string];
      const reportId = id === '' ? null : id;
      const checkFailures = Number(failures);
      const status = reportId === null ? 'missing' : checkFailures > 0 ? 'failed' : 'ok';
      matrix.push({ unitId: u.unitId, year: Number(year), status, reportId, checkFailures });
    }
  }
  const years = [...new Set(matrix.map((c) => c.year))].sort((a, b) => a - b);
  const units = raw.map((u) => ({ unitId: u.unitId, unit: u.unit, province: u.province, level: u.level }));
  const scoped = p.rules && p.rules.length > 0 ? rules.filter((r) => p.rules!.includes(r.rule)) : rules;
  return {
    years,
    units,
    matrix,
    checks,
    checksTotal: scoped.reduce((s, r) => s + r.count, 0),
    rules,
    summary: summarise(matrix),
  };
}

/** With a rule filter only units with such failures are kept, with "problems only" those with a gap or a failure; then the roster. */
export function shapeQuality(a: QualityResult, d: QualityDisplay): QualityResult {
  let shown = a;
  const byRule = d.rules.length > 0;
  if (byRule || d.problemsOnly) {
    const keep = new Set<string>();
    for (const c of a.matrix) if (byRule ? c.status === 'failed' : c.status !== 'ok') keep.add(c.unitId);
    const matrix = a.matrix.filter((c) => keep.has(c.unitId));
    shown = { ...a, matrix, units: a.units.filter((u) => keep.has(u.unitId)), summary: summarise(matrix) };
  }
  return applyRoster(shown, d.expected);
}

function summarise(matrix: readonly CoverageCell[]): QualityResult['summary'] {
  const summary = { reported: 0, failed: 0, missing: 0 };
  for (const c of matrix) {
    if (c.status === 'missing') summary.missing++;
    else {
      summary.reported++;
      if (c.status === 'failed') summary.failed++;
    }
  }
  return summary;
}
