/**
 * The pivot's vocabulary: its dimensions, its measures and the rules that tie them together.
 * Everything else derives from here: the state and query types, the URL parsers, the SQL
 * builder's dimension expressions (`satisfies Record<PivotDim, …>` there), the controls' option
 * lists and their labels. See docs/architecture.md, "Adding a pivot dimension or measure".
 */
import { FORMATS, TABLE3_COLUMNS, TABLE3_GROUPS, TABLE3_ROW_KEYS } from '../keys';
import { isMetricId, METRICS, type MetricId } from '../metrics';
import { REGION_LEVELS, UNIT_KINDS } from './modes';

/** Dimensions the pivot can put on rows, columns or filter by, in menu order. */
export const PIVOT_DIMS = [
  'unit',
  'parent',
  'unit_kind',
  'province',
  'prefecture',
  'level',
  'year',
  'format',
  'row',
  'group',
  'applicant',
] as const;
export type PivotDim = (typeof PIVOT_DIMS)[number];

export interface PivotDimSpec {
  /**
   * 'report': a property of the report (its unit, region, year…); 'cell': which table-三 cells
   * are summed (a row, its group, an applicant column). A rate's metric fixes its own cells, so
   * a rate cannot be split by a 'cell' dimension.
   */
  scope: 'report' | 'cell';
  /**
   * What a filter value may be: one of a closed list, a region name, a year, or a unit_id (a
   * unit, or the government units belong to: src/domain/units/identity.ts).
   */
  values: readonly string[] | 'name' | 'year' | 'unit';
}

export const PIVOT_DIM_SPEC = {
  unit: { scope: 'report', values: 'unit' },
  parent: { scope: 'report', values: 'unit' },
  unit_kind: { scope: 'report', values: UNIT_KINDS },
  province: { scope: 'report', values: 'name' },
  prefecture: { scope: 'report', values: 'name' },
  level: { scope: 'report', values: REGION_LEVELS },
  year: { scope: 'report', values: 'year' },
  format: { scope: 'report', values: FORMATS },
  row: { scope: 'cell', values: TABLE3_ROW_KEYS },
  group: { scope: 'cell', values: TABLE3_GROUPS },
  applicant: { scope: 'cell', values: TABLE3_COLUMNS },
} as const satisfies Record<PivotDim, PivotDimSpec>;

/** Most dimensions on one axis. */
export const MAX_PIVOT_DIMS = 3;

/** Filter values by dimension, as the dataset spells them (names, codes, keys, years as text). */
export type PivotFilters = Partial<Record<PivotDim, readonly string[]>>;

// ---------------------------------------------------------------- measures

export const MEASURE_KINDS = ['sum', 'share', 'rate'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
/** What a share is a share of: its row total, its column total or the grand total. */
export const SHARE_BASES = ['row', 'col', 'total'] as const;
export type ShareBase = (typeof SHARE_BASES)[number];

/**
 * - sum: the sum of table-三 cells;
 * - share: that sum as a share (0–1) of its row / column / grand total;
 * - rate: a metric computed as Σnumerator / Σdenominator per pivot cell.
 */
export type PivotMeasure =
  | { kind: 'sum' }
  | { kind: 'share'; of: ShareBase }
  | { kind: 'rate'; metric: MetricId };

/** A measure's one-word form: `sum`, `share.row|col|total`, `rate.<metric id>` (the URL's too). */
export const measureKey = (m: PivotMeasure): string =>
  m.kind === 'sum' ? 'sum' : m.kind === 'share' ? `share.${m.of}` : `rate.${m.metric}`;

/** The measure a key names, or null when it names none (an unknown base or metric). */
export function parseMeasureKey(raw: string): PivotMeasure | null {
  if (raw === 'sum') return { kind: 'sum' };
  const [kind, ...rest] = raw.split('.');
  const arg = rest.join('.');
  if (kind === 'share' && (SHARE_BASES as readonly string[]).includes(arg))
    return { kind: 'share', of: arg as ShareBase };
  if (kind === 'rate' && isMetricId(arg)) return { kind: 'rate', metric: arg };
  return null;
}

/** The measures the pivot's menu offers, in order: sum, the three shares, every rate metric. */
export const MEASURE_OPTIONS: readonly PivotMeasure[] = [
  { kind: 'sum' },
  ...SHARE_BASES.map((of): PivotMeasure => ({ kind: 'share', of })),
  ...METRICS.filter((m) => m.category === 'rate').map((m): PivotMeasure => ({ kind: 'rate', metric: m.id })),
];

// ---------------------------------------------------------------- rules across fields

/** The dimensions among `dims` that `measure` cannot be split by (empty = the pair is fine). */
export function measureConflicts(measure: PivotMeasure, dims: readonly PivotDim[]): PivotDim[] {
  return measure.kind === 'rate' ? dims.filter((d) => PIVOT_DIM_SPEC[d].scope === 'cell') : [];
}

/** Whether `measure` may be chosen while `dims` are on the axes. */
export const measureAllowed = (measure: PivotMeasure, dims: readonly PivotDim[]): boolean =>
  measureConflicts(measure, dims).length === 0;

/** Whether `dim` may be put on an axis under `measure`. */
export const dimAllowed = (dim: PivotDim, measure: PivotMeasure): boolean =>
  measureConflicts(measure, [dim]).length === 0;

export interface PivotLayout {
  rows: readonly PivotDim[];
  cols: readonly PivotDim[];
  measure: PivotMeasure;
}

/** One adjustment `normalisePivot` made, for a notice (the codes are the URL notices' codes). */
export interface LayoutProblem {
  field: 'rows' | 'cols' | 'measure';
  value: string;
  code: 'tooManyDims' | 'needsDimension' | 'alreadyOnRows' | 'rateSplit';
}

/** The layout an empty URL means (and what an axis-less layout falls back to). */
export const PIVOT_DEFAULTS = {
  rows: ['province'],
  cols: ['year'],
  measure: { kind: 'sum' },
  sort: { by: 'label', dir: 'asc' },
} as const satisfies PivotLayout & { sort: { by: string; dir: string } };

const dedupe = <T>(list: readonly T[]): T[] => list.filter((d, i) => list.indexOf(d) === i);

/**
 * The rules that span the pivot's fields, in one place (the URL decoder, the store's setters and
 * the SQL builder's guard all go through here): no dimension twice, at most MAX_PIVOT_DIMS per
 * axis, at least one row dimension, a dimension on one axis only (rows win), and a rate is not
 * split by a table-三 row, group or applicant (the rate gives way to a sum). Returns the same
 * object when nothing changed.
 */
export function normalisePivot<L extends PivotLayout>(layout: L): { layout: L; problems: LayoutProblem[] } {
  const problems: LayoutProblem[] = [];
  let rows = dedupe(layout.rows).filter((d) => (PIVOT_DIMS as readonly string[]).includes(d));
  if (rows.length > MAX_PIVOT_DIMS) {
    problems.push({
      field: 'rows',
      value: rows.slice(MAX_PIVOT_DIMS).join('~'),
      code: 'tooManyDims',
    });
    rows = rows.slice(0, MAX_PIVOT_DIMS);
  }
  if (rows.length === 0) {
    problems.push({ field: 'rows', value: '', code: 'needsDimension' });
    rows = [...PIVOT_DEFAULTS.rows];
  }
  let cols = dedupe(layout.cols).filter((d) => (PIVOT_DIMS as readonly string[]).includes(d));
  const clash = cols.filter((d) => rows.includes(d));
  if (clash.length > 0) {
    problems.push({ field: 'cols', value: clash.join('~'), code: 'alreadyOnRows' });
    cols = cols.filter((d) => !rows.includes(d));
  }
  if (cols.length > MAX_PIVOT_DIMS) {
    problems.push({
      field: 'cols',
      value: cols.slice(MAX_PIVOT_DIMS).join('~'),
      code: 'tooManyDims',
    });
    cols = cols.slice(0, MAX_PIVOT_DIMS);
  }
  let measure = layout.measure;
  const conflicts = measureConflicts(measure, [...rows, ...cols]);
  if (conflicts.length > 0) {
    problems.push({
      field: 'measure',
      value: measureKey(measure),
      code: 'rateSplit',
    });
    measure = { kind: 'sum' };
  }
  const same = (a: readonly PivotDim[], b: readonly PivotDim[]) =>
    a.length === b.length && a.every((d, i) => d === b[i]);
  if (same(rows, layout.rows) && same(cols, layout.cols) && measure === layout.measure)
    return { layout, problems };
  return {
    layout: {
      ...layout,
      rows: same(rows, layout.rows) ? layout.rows : rows,
      cols: same(cols, layout.cols) ? layout.cols : cols,
      measure,
    } as L,
    problems,
  };
}
