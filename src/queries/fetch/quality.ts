import type { Queryable } from '../../db/types';
import type { RegionLevel } from '../../domain/report';
import { coverageSql, failedChecksSql, ruleCountsSql } from '../../sql';
import type { CoverageCell, FailedCheck, QualityParams, QualityResult } from '../types';

interface RawCell {
  unit: string;
  province: string | null;
  level: RegionLevel | null;
  year: number;
  reportId: string | null;
  checkFailures: number;
}

export async function fetchQuality(db: Queryable, p: QualityParams): Promise<QualityResult> {
  const limit = p.checksLimit ?? 500;
  const [raw, checks, rules] = await Promise.all([
    db.query<RawCell>(coverageSql(p)),
    db.query<FailedCheck>(failedChecksSql(p, limit)),
    db.query<{ rule: string; count: number }>(ruleCountsSql(p)),
  ]);
  const status = (c: RawCell): CoverageCell['status'] =>
    c.reportId === null ? 'missing' : c.checkFailures > 0 ? 'failed' : 'ok';
  let matrix: CoverageCell[] = raw.map((c) => ({
    unit: c.unit,
    year: c.year,
    status: status(c),
    reportId: c.reportId,
    checkFailures: c.checkFailures,
  }));
  // With a rule filter, only units with such failures are of interest.
  const keepUnit = new Set<string>();
  for (const c of matrix) {
    if (p.rules && p.rules.length > 0 ? c.status === 'failed' : !p.problemsOnly || c.status !== 'ok') {
      keepUnit.add(c.unit);
    }
  }
  const filtered = (p.rules && p.rules.length > 0) || p.problemsOnly;
  if (filtered) matrix = matrix.filter((c) => keepUnit.has(c.unit));
  const units = new Map<string, { unit: string; province: string | null; level: RegionLevel | null }>();
  for (const c of raw) {
    if (!filtered || keepUnit.has(c.unit))
      units.set(c.unit, { unit: c.unit, province: c.province, level: c.level });
  }
  const summary = { reported: 0, failed: 0, missing: 0 };
  for (const c of matrix) {
    if (c.status === 'missing') summary.missing++;
    else {
      summary.reported++;
      if (c.status === 'failed') summary.failed++;
    }
  }
  const scoped = p.rules && p.rules.length > 0 ? rules.filter((r) => p.rules!.includes(r.rule)) : rules;
  return {
    years: [...new Set(raw.map((c) => c.year))].sort((a, b) => a - b),
    units: [...units.values()],
    matrix,
    checks,
    checksTotal: scoped.reduce((s, r) => s + r.count, 0),
    rules,
    summary,
  };
}
