/**
 * Cutting a table-二 run that one report left undecided ("6045": 6|0|45 or 60|4|5), with the
 * same body's neighbouring years as evidence. The parser keeps such a run in `raw` and flags it
 * `ambiguous_split` (tables/table2.ts); here, a cut is taken only when every identity that the
 * neighbours make checkable holds for exactly one cut:
 *
 * - 2021 format, 规章 / 规范性文件: last year's in_force + issued − repealed = in_force, and the same
 *   from this year to the next (rule 5 of the spec);
 * - 2019 format, 规章 / 规范性文件: last year's 对外公开总数量 + this year's 本年新公开数量 = this
 *   year's 对外公开总数量 (the total is cumulative), and the same from this year to the next;
 * - 2019 format, items with 上一年项目数量 / 本年增/减: items_last_year + items_change = next
 *   year's items_last_year (and this year's items_last_year = last year's sum).
 *
 * No identity checkable, or none or several cuts left: the run stays flagged (a report whose
 * printed figures break the identity is not "fixed"). A cut taken is recorded as a note
 * `table2.split_resolved` naming the evidence. Pure: reports in, new reports out.
 */
import { TABLE2_ITEMS } from '../domain/keys';
import type { Cell, Report, ReportNote } from '../domain/report';
import { describeCuts, type Table2Cut, table2Cuts } from './tables/table2';

interface Evidence {
  holds: (parts: readonly number[]) => boolean;
  says: string;
}

type Values = Readonly<Record<string, number>>;

const MAX_NEIGHBOUR_CUTS = 3;

/**
 * What one item of a neighbouring report may hold: its printed numbers, or, when it is itself
 * undecided, each of its open cuts (then this report's cut must agree with one of them, and the
 * two are decided together: the neighbour follows on the next pass).
 */
function optionsOf(o: Report | undefined, item: string, format: string, needs: readonly string[]): Values[] {
  if (!o || o.format !== format) return [];
  const rec = o.table2[item];
  if (rec && needs.every((c) => typeof rec[c] === 'number')) return [rec as Values];
  const open = o.checks.find((c) => c.rule === 'ambiguous_split' && c.where === `table2.${item}`);
  const columns = TABLE2_ITEMS[o.format][item];
  // A neighbour open to many cuts agrees with almost anything: that is no evidence.
  if (!open?.cuts || !columns || open.cuts.length > MAX_NEIGHBOUR_CUTS) return [];
  return open.cuts.map((parts) => Object.fromEntries(columns.map((c, i) => [c, parts[i]!])));
}

const shown = (options: readonly Values[], col: string): string =>
  [...new Set(options.map((o) => o[col]))].join('/');

/** Identities the neighbouring years make checkable for one item of `r`. */
function evidenceFor(
  r: Report,
  item: string,
  columns: readonly string[],
  byYear: ReadonlyMap<number, Report>,
) {
  const out: Evidence[] = [];
  const at = (parts: readonly number[], col: string): number => parts[columns.indexOf(col)]!;
  const prev = byYear.get(r.year - 1);
  const next = byYear.get(r.year + 1);
  if (columns.includes('in_force')) {
    const before = optionsOf(prev, item, r.format, ['in_force']);
    if (before.length > 0)
      out.push({
        holds: (p) =>
          before.some((o) => o.in_force! + at(p, 'issued') - at(p, 'repealed') === at(p, 'in_force')),
        says: `${r.year - 1} 年现行有效 ${shown(before, 'in_force')} + 制发 − 废止 = 现行有效`,
      });
    const after = optionsOf(next, item, r.format, ['issued', 'repealed', 'in_force']);
    if (after.length > 0)
      out.push({
        holds: (p) => after.some((o) => at(p, 'in_force') + o.issued! - o.repealed! === o.in_force),
        says: `现行有效 + ${r.year + 1} 年制发 ${shown(after, 'issued')} − 废止 ${shown(after, 'repealed')} = ${r.year + 1} 年现行有效 ${shown(after, 'in_force')}`,
      });
  }
  if (columns.includes('total_published')) {
    const before = optionsOf(prev, item, r.format, ['total_published']);
    if (before.length > 0)
      out.push({
        holds: (p) =>
          before.some((o) => o.total_published! + at(p, 'newly_published') === at(p, 'total_published')),
        says: `${r.year - 1} 年对外公开总数量 ${shown(before, 'total_published')} + 本年新公开 = 对外公开总数量`,
      });
    const after = optionsOf(next, item, r.format, ['newly_published', 'total_published']);
    if (after.length > 0)
      out.push({
        holds: (p) => after.some((o) => at(p, 'total_published') + o.newly_published! === o.total_published),
        says: `对外公开总数量 + ${r.year + 1} 年新公开 ${shown(after, 'newly_published')} = ${r.year + 1} 年对外公开总数量 ${shown(after, 'total_published')}`,
      });
  }
  if (columns.includes('items_last_year') && columns.includes('items_change')) {
    const after = optionsOf(next, item, r.format, ['items_last_year']);
    if (after.length > 0)
      out.push({
        holds: (p) =>
          after.some((o) => at(p, 'items_last_year') + at(p, 'items_change') === o.items_last_year),
        says: `上一年项目数量 + 本年增/减 = ${r.year + 1} 年上一年项目数量 ${shown(after, 'items_last_year')}`,
      });
    const before = optionsOf(prev, item, r.format, ['items_last_year', 'items_change']);
    if (before.length > 0)
      out.push({
        holds: (p) => before.some((o) => at(p, 'items_last_year') === o.items_last_year! + o.items_change!),
        says: `${r.year - 1} 年上一年项目数量 + 增/减 = 上一年项目数量`,
      });
  }
  return out;
}

/** One undecided item of `r` cut with the neighbours' evidence, or null when it stays open. */
function tryItem(r: Report, item: string, byYear: ReadonlyMap<number, Report>): Report | null {
  const columns = TABLE2_ITEMS[r.format][item];
  // The printed run sits in the raw of every cell the open cuts disagree on.
  const run = columns?.map((c) => r.raw[`table2.${item}.${c}`]).find((x) => x !== undefined);
  const open = r.checks.find((c) => c.rule === 'ambiguous_split' && c.where === `table2.${item}`);
  if (!columns || !run || !open) return null;
  // The cuts the report's own evidence left (the check lists them), else every cut of the run.
  const printed = table2Cuts(run.split(' '), columns);
  const yuanOf = new Map(printed.map((c) => [c.parts.join('|'), c.yuan]));
  const cuts: Table2Cut[] = open.cuts
    ? open.cuts.map((parts) => ({ parts, yuan: yuanOf.get(parts.join('|')) ?? null }))
    : printed;
  const evidence = evidenceFor(r, item, columns, byYear);
  if (evidence.length === 0 || cuts.length < 2) return null;
  const fit = cuts.filter((c) => evidence.every((e) => e.holds(c.parts)));
  if (fit.length !== 1) return null;
  return withCut(r, item, columns, run, fit[0]!, cuts, evidence);
}

function withCut(
  r: Report,
  item: string,
  columns: readonly string[],
  run: string,
  cut: Table2Cut,
  cuts: readonly Table2Cut[],
  evidence: readonly Evidence[],
): Report {
  const raw = { ...r.raw };
  const values: Record<string, Cell> = {};
  columns.forEach((col, i) => {
    delete raw[`table2.${item}.${col}`];
    values[col] = cut.parts[i] ?? null;
  });
  if (cut.yuan && columns.at(-1) === 'amount_10k_yuan') raw[`table2.${item}.amount_10k_yuan`] = cut.yuan;
  const note: ReportNote = {
    rule: 'table2.split_resolved',
    where: `table2.${item}`,
    message: `表二 ${item}: 连写数字 "${run}" 按同一单位相邻年度 (${evidence.map((e) => e.says).join('; ')}) 拆为 ${cut.parts.join('|')} (其他拆分: ${describeCuts(cuts.filter((c) => c !== cut))}) / split decided by the same body's neighbouring years`,
  };
  return {
    ...r,
    table2: { ...r.table2, [item]: values },
    raw,
    checks: r.checks.filter((c) => !(c.rule === 'ambiguous_split' && c.where === `table2.${item}`)),
    notes: [...(r.notes ?? []), note],
  };
}

/**
 * `series`: the reports of ONE body (at most one per year). Returns them in the same order, each
 * with the undecided table-二 runs that its neighbours decide cut (a cut can make the next one
 * decidable, so this repeats until nothing changes).
 */
export function resolveSplits(series: readonly Report[]): Report[] {
  const out = [...series];
  for (let changed = true; changed; ) {
    changed = false;
    const byYear = new Map(out.map((r) => [r.year, r]));
    out.forEach((r, i) => {
      for (const c of r.checks) {
        if (c.rule !== 'ambiguous_split' || !c.where.startsWith('table2.')) continue;
        const next = tryItem(out[i]!, c.where.slice('table2.'.length), byYear);
        if (!next) continue;
        out[i] = next;
        byYear.set(next.year, next);
        changed = true;
      }
    });
  }
  return out;
}
