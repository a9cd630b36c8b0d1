import type { Queryable } from '../../db/types';
import { QUERY_DEFAULTS, type RegionLevel } from '../../domain/vocab';
import { COVERAGE_CELL, COVERAGE_FIELD, coverageSql, failedChecksSql, ruleCountsSql } from '../../sql';
import type { CoverageCell, FailedCheck, QualityParams, QualityResult } from '../types';
import { applyRoster } from './roster';

/** One unit with its cells packed (see coverageSql). */
interface RawUnit {
  unitId: string;
  unit: string;
  province: string | null;
  level: RegionLevel | null;
  cells: string;
}

export async function fetchQuality(db: Queryable, p: QualityParams): Promise<QualityResult> {
  const limit = p.checksLimit ?? QUERY_DEFAULTS.quality.checksLimit;
  const [raw, checks, rules] = await Promise.all([
    db.query<RawUnit>(coverageSql(p)),
    db.query<FailedCheck>(failedChecksSql(p, limit)),
    db.query<{ rule: string; count: number }>(ruleCountsSql(p)),
  ]);
  let matrix: CoverageCell[] = [];
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
  // With a rule filter, only units with such failures are of interest.
  const keepUnit = new Set<string>();
  for (const c of matrix) {
    if (p.rules && p.rules.length > 0 ? c.status === 'failed' : !p.problemsOnly || c.status !== 'ok') {
      keepUnit.add(c.unitId);
    }
  }
  const filtered = (p.rules && p.rules.length > 0) || p.problemsOnly;
  if (filtered) matrix = matrix.filter((c) => keepUnit.has(c.unitId));
  const units = new Map<string, QualityResult['units'][number]>();
  for (const c of raw) {
    if (!filtered || keepUnit.has(c.unitId))
      units.set(c.unitId, { unitId: c.unitId, unit: c.unit, province: c.province, level: c.level });
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
  return applyRoster(
    {
      years,
      units: [...units.values()],
      matrix,
      checks,
      checksTotal: scoped.reduce((s, r) => s + r.count, 0),
      rules,
      summary,
    },
    p.expected ?? [],
  );
}
