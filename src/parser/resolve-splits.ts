/**
 * Cutting a table-二 run that one report left undecided ("6045": 6|0|45 or 60|4|5), with the
 * same body's other years as evidence. The parser keeps such a run in `raw` and flags it
 * `ambiguous_split` (tables/table2.ts); here, one item of one body is read across its years as a
 * chain, each year linked to the next by the identity its format makes checkable:
 *
 * - 2021 format, 规章 / 规范性文件: last year's in_force + issued − repealed = in_force (rule 5 of
 *   the spec);
 * - 2019 format, 规章 / 规范性文件: last year's 对外公开总数量 + this year's 本年新公开数量 = this
 *   year's 对外公开总数量 (the total is cumulative);
 * - 2019 format, items with 上一年项目数量 / 本年增/减: items_last_year + items_change = next
 *   year's items_last_year.
 *
 * A year's candidates are its printed numbers, or, when undecided, the cuts its own evidence left.
 * A link that no pair of candidates satisfies is broken by the printed figures whatever the cuts
 * (the cross-year check flags it): it tells no cut apart, as a missing year would not, so it is set
 * aside and named in the note. The links left must hold all at once: a cut is taken only when
 * every choice of cuts that keeps them all gives this year the same cut. When the links left
 * cannot all hold together (two of them point at different cuts), the evidence contradicts itself
 * and every run of that stretch stays flagged. A cut taken is recorded as a note
 * `table2.split_resolved` naming the evidence. Pure: reports in, new reports out.
 */
import { type Format, TABLE2_ITEMS } from '../domain/keys';
import type { Cell, Report, ReportNote } from '../domain/report';
import { describeCuts, type Table2Cut, table2Cuts } from './tables/table2';

type Values = Readonly<Record<string, number>>;

/** One year of one item: its printed numbers (one candidate) or its open cuts. */
interface Node {
  index: number;
  year: number;
  format: Format;
  candidates: Values[];
  /** Present when the item is undecided in this report. */
  open: { run: string; cuts: Table2Cut[]; columns: readonly string[] } | null;
}

/** The identity between two consecutive years of one item, and how a note states it. */
interface Link {
  needsBefore: readonly string[];
  needsAfter: readonly string[];
  holds: (before: Values, after: Values) => boolean;
  /** `before`/`after`: the candidates still possible on each side, for the note. */
  says: (year: number, before: readonly Values[], after: readonly Values[]) => string;
}

const shown = (options: readonly Values[], col: string): string =>
  [...new Set(options.map((o) => o[col]))].join('/');

/** The identity that links one year of `columns` to the next, if the format has one. */
function linkFor(columns: readonly string[]): Link | null {
  if (columns.includes('in_force'))
    return {
      needsBefore: ['in_force'],
      needsAfter: ['issued', 'repealed', 'in_force'],
      holds: (a, b) => a.in_force! + b.issued! - b.repealed! === b.in_force,
      says: (y, a, b) =>
        `${y} 年现行有效 ${shown(a, 'in_force')} + ${y + 1} 年制发 ${shown(b, 'issued')} − 废止 ${shown(b, 'repealed')} = ${y + 1} 年现行有效 ${shown(b, 'in_force')}`,
    };
  if (columns.includes('total_published'))
    return {
      needsBefore: ['total_published'],
      needsAfter: ['newly_published', 'total_published'],
      holds: (a, b) => a.total_published! + b.newly_published! === b.total_published,
      says: (y, a, b) =>
        `${y} 年对外公开总数量 ${shown(a, 'total_published')} + ${y + 1} 年新公开 ${shown(b, 'newly_published')} = ${y + 1} 年对外公开总数量 ${shown(b, 'total_published')}`,
    };
  if (columns.includes('items_last_year') && columns.includes('items_change'))
    return {
      needsBefore: ['items_last_year', 'items_change'],
      needsAfter: ['items_last_year'],
      holds: (a, b) => a.items_last_year! + a.items_change! === b.items_last_year,
      says: (y, a, b) =>
        `${y} 年上一年项目数量 ${shown(a, 'items_last_year')} + 增/减 ${shown(a, 'items_change')} = ${y + 1} 年上一年项目数量 ${shown(b, 'items_last_year')}`,
    };
  return null;
}

/** The item of report `r` as a chain node, or null when it is absent or partly blank. */
function nodeOf(r: Report, index: number, item: string): Node | null {
  const columns = TABLE2_ITEMS[r.format]?.[item];
  if (!columns) return null;
  const open = r.checks.find((c) => c.rule === 'ambiguous_split' && c.where === `table2.${item}`);
  if (open) {
    // The printed run sits in the raw of every cell the open cuts disagree on.
    const run = columns.map((c) => r.raw[`table2.${item}.${c}`]).find((x) => x !== undefined);
    if (!run) return null;
    // The cuts the report's own evidence left (the check lists them), else every cut of the run.
    const printed = table2Cuts(run.split(' '), columns);
    const yuanOf = new Map(printed.map((c) => [c.parts.join('|'), c.yuan]));
    const cuts: Table2Cut[] = open.cuts
      ? open.cuts.map((parts) => ({ parts, yuan: yuanOf.get(parts.join('|')) ?? null }))
      : printed;
    if (cuts.length < 2) return null;
    const candidates = cuts.map((c) => Object.fromEntries(columns.map((col, i) => [col, c.parts[i]!])));
    return { index, year: r.year, format: r.format, candidates, open: { run, cuts, columns } };
  }
  const rec = r.table2[item];
  if (!rec) return null;
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(rec)) if (typeof v === 'number') values[k] = v;
  return { index, year: r.year, format: r.format, candidates: [values], open: null };
}

const has = (v: Values, cols: readonly string[]) => cols.every((c) => typeof v[c] === 'number');

/** Which candidates of each node survive every link of one stretch (empty: they contradict). */
function feasible(nodes: readonly Node[], link: Link): Set<number>[] {
  const ok = (i: number, a: number, b: number) =>
    link.holds(nodes[i]!.candidates[a]!, nodes[i + 1]!.candidates[b]!);
  const all = (n: Node) => new Set(n.candidates.map((_, k) => k));
  const fwd = nodes.map(all);
  for (let i = 1; i < nodes.length; i++)
    fwd[i] = new Set([...fwd[i]!].filter((b) => [...fwd[i - 1]!].some((a) => ok(i - 1, a, b))));
  const bwd = nodes.map(all);
  for (let i = nodes.length - 2; i >= 0; i--)
    bwd[i] = new Set([...bwd[i]!].filter((a) => [...bwd[i + 1]!].some((b) => ok(i, a, b))));
  return nodes.map((_, i) => new Set([...fwd[i]!].filter((k) => bwd[i]!.has(k))));
}

interface Decision {
  node: Node;
  cut: Table2Cut;
  evidence: string[];
  broken: string[];
}

/** The cuts one item's chain of years decides. */
function decide(nodes: readonly Node[], link: Link): Decision[] {
  const linked = (i: number): boolean => {
    const a = nodes[i]!;
    const b = nodes[i + 1];
    return (
      !!b &&
      b.year === a.year + 1 &&
      b.format === a.format &&
      a.candidates.every((v) => has(v, link.needsBefore)) &&
      b.candidates.every((v) => has(v, link.needsAfter))
    );
  };
  const satisfiable = (i: number) =>
    nodes[i]!.candidates.some((a) => nodes[i + 1]!.candidates.some((b) => link.holds(a, b)));
  // Stretches of years joined by links that some pair of cuts satisfies.
  const stretches: Node[][] = [];
  const broken = new Map<number, string>();
  let current: Node[] = [];
  nodes.forEach((n, i) => {
    current.push(n);
    if (linked(i) && satisfiable(i)) return;
    if (linked(i)) broken.set(i, link.says(n.year, n.candidates, nodes[i + 1]!.candidates));
    stretches.push(current);
    current = [];
  });
  const out: Decision[] = [];
  for (const stretch of stretches) {
    if (stretch.length < 2 || stretch.every((n) => !n.open)) continue;
    const left = feasible(stretch, link);
    if (left.some((s) => s.size === 0)) continue;
    const options = (k: number) => [...left[k]!].map((c) => stretch[k]!.candidates[c]!);
    stretch.forEach((n, k) => {
      if (!n.open || left[k]!.size !== 1) return;
      const i = nodes.indexOf(n);
      const evidence: string[] = [];
      if (k > 0) evidence.push(link.says(n.year - 1, options(k - 1), options(k)));
      if (k < stretch.length - 1) evidence.push(link.says(n.year, options(k), options(k + 1)));
      const aside = [broken.get(i - 1), broken.get(i)].filter((s): s is string => !!s);
      out.push({ node: n, cut: n.open.cuts[[...left[k]!][0]!]!, evidence, broken: aside });
    });
  }
  return out;
}

function withCut(r: Report, item: string, d: Decision): Report {
  const { run, cuts, columns } = d.node.open!;
  const raw = { ...r.raw };
  const values: Record<string, Cell> = {};
  columns.forEach((col, i) => {
    delete raw[`table2.${item}.${col}`];
    values[col] = d.cut.parts[i] ?? null;
  });
  if (d.cut.yuan && columns.at(-1) === 'amount_10k_yuan') raw[`table2.${item}.amount_10k_yuan`] = d.cut.yuan;
  const aside = d.broken.length ? `; 以下关系对任何拆分都不成立, 未作证据: ${d.broken.join('; ')}` : '';
  const note: ReportNote = {
    rule: 'table2.split_resolved',
    where: `table2.${item}`,
    message: `表二 ${item}: 连写数字 "${run}" 按同一单位相邻年度 (${d.evidence.join('; ')}) 拆为 ${d.cut.parts.join('|')} (其他拆分: ${describeCuts(cuts.filter((c) => c !== d.cut))})${aside} / split decided by the same body's neighbouring years`,
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
 * with the undecided table-二 runs that the body's other years decide cut.
 */
export function resolveSplits(series: readonly Report[]): Report[] {
  const out = [...series];
  const items = new Set<string>();
  for (const r of series)
    for (const c of r.checks)
      if (c.rule === 'ambiguous_split' && c.where.startsWith('table2.')) items.add(c.where.slice(7));
  for (const item of items) {
    const nodes = out
      .map((r, i) => nodeOf(r, i, item))
      .filter((n): n is Node => n !== null)
      .sort((a, b) => a.year - b.year);
    // The identity is the format's: each format's years form their own chains.
    for (const format of new Set(nodes.map((n) => n.format))) {
      const columns = TABLE2_ITEMS[format]?.[item];
      const link = columns ? linkFor(columns) : null;
      if (!link) continue;
      const chain = nodes.filter((n) => n.format === format);
      for (const d of decide(chain, link)) out[d.node.index] = withCut(out[d.node.index]!, item, d);
    }
  }
  return out;
}
