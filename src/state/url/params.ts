/**
 * The URL parameters of version 1: one parser and one formatter per key. `UrlParams` is the flat
 * form of `UrlState`; `PARAM_CODECS` is typed as a mapped type over it, so a parameter without a
 * parser is a compile error, and `fromParams` builds a full `UrlState` literal, so a state field
 * without a parameter is one too.
 */
import {
  OUTCOME_GROUPS,
  OUTCOME_ROWS,
  type OutcomeGroup,
  TABLE3_COLUMNS,
  type Table3Column,
  type Table3Row,
} from '../../domain/keys';
import { isMetricId, METRICS } from '../../domain/metrics';
import type { RegionLevel } from '../../domain/report';
import {
  COMPARE_SHOWS,
  type CompareShow,
  MAX_PIVOT_DIMS,
  MAX_UNITS,
  measureKey,
  OUTCOME_MODES,
  type OutcomeMode,
  PIVOT_DIM_SPEC,
  PIVOT_DIMS,
  type PivotDim,
  type PivotFilters,
  type PivotMeasure,
  type PivotSort,
  parseMeasureKey,
  parseSortKey,
  REGION_LEVELS,
  SCALES,
  type Scale,
  sortKey,
  TREND_MODES,
  type TrendMode,
} from '../../domain/vocab';
import { LANGS, type Lang, type UrlState, VIEWS, type View } from '../types';
import {
  invalid,
  type Parser,
  parseCell,
  parseDatasetPath,
  parseEnum,
  parseFlag,
  parseList,
  parseName,
  parseReportId,
  parseRule,
  parseUnitId,
  parseYear,
  valid,
} from './parsers';

export interface UrlParams {
  view: View;
  lang: Lang;
  data: string;
  units: string[];
  unames: string[];
  pfunames: string[];
  prov: string | null;
  level: RegionLevel | null;
  ylatest: boolean;
  cshow: CompareShow;
  csort: PivotSort;
  hl: string | null;
  year: number | null;
  metric: string;
  trend: TrendMode;
  scale: Scale;
  ogroup: OutcomeGroup | null;
  orow: Table3Row | null;
  oapp: Table3Column;
  omode: OutcomeMode;
  prows: PivotDim[];
  pcols: PivotDim[];
  pm: PivotMeasure;
  pf: PivotFilters;
  psort: PivotSort;
  report: string | null;
  cell: string | null;
  qrule: string | null;
  qyear: number | null;
  qprov: string | null;
  qproblems: boolean;
  qconfirmed: boolean;
  embed: boolean;
  table: boolean;
  corr: boolean;
}

export interface ParamCodec<T> {
  parse: Parser<T>;
  format: (value: T) => string;
}

const MAX_FILTER_VALUES = 60;

const text = <T extends string>(parse: Parser<T>): ParamCodec<T> => ({ parse, format: (v) => v });
const nullable = <T>(codec: ParamCodec<T>): ParamCodec<T | null> => ({
  parse: (raw) => (raw === '' ? valid(null) : codec.parse(raw)),
  format: (v) => (v === null ? '' : codec.format(v)),
});
const integer = (parse: Parser<number>): ParamCodec<number> => ({ parse, format: String });
const flag: ParamCodec<boolean> = { parse: parseFlag, format: (v) => (v ? '1' : '0') };
const list = <T extends string>(item: Parser<T>, max: number): ParamCodec<T[]> => ({
  parse: parseList(item, max),
  format: (v) => v.join('~'),
});

const parseMetric: Parser<string> = (raw) =>
  isMetricId(raw) ? valid(raw) : invalid('unknownMetric', { known: METRICS.length });

const parseOutcomeRow = parseEnum(OUTCOME_ROWS as readonly Table3Row[]);

const parseYearText: Parser<string> = (raw) => {
  const r = parseYear(raw);
  return r.kind === 'valid' ? valid(String(r.value)) : r;
};

/** How a pivot dimension's filter values are validated: from the vocabulary's value kind. */
const filterValue = (dim: PivotDim): Parser<string> => {
  const values = PIVOT_DIM_SPEC[dim].values;
  return values === 'name'
    ? parseName
    : values === 'year'
      ? parseYearText
      : values === 'unit'
        ? parseUnitId
        : parseEnum(values);
};
const FILTER_VALUE = Object.fromEntries(PIVOT_DIMS.map((d) => [d, filterValue(d)])) as Record<
  PivotDim,
  Parser<string>
>;

const pivotMeasure: ParamCodec<PivotMeasure> = {
  parse: (raw) => {
    const m = parseMeasureKey(raw);
    return m ? valid(m) : invalid('badMeasure');
  },
  format: measureKey,
};

/** `dim:v1,v2~dim:v3`; a bad dimension or value is dropped and reported, the rest kept. */
const pivotFilters: ParamCodec<PivotFilters> = {
  parse: (raw) => {
    if (raw === '') return valid({});
    const out: Partial<Record<PivotDim, string[]>> = {};
    const dropped: string[] = [];
    for (const part of raw.split('~')) {
      const m = /^([a-z_]+):(.*)$/.exec(part);
      const dim = m?.[1] as PivotDim | undefined;
      if (!m || !dim || !(PIVOT_DIMS as readonly string[]).includes(dim) || out[dim]) {
        dropped.push(part);
        continue;
      }
      const values: string[] = [];
      for (const v of (m[2] ?? '').split(',')) {
        const r = FILTER_VALUE[dim](v);
        if (r.kind === 'valid' && !values.includes(r.value) && values.length < MAX_FILTER_VALUES) {
          values.push(r.value);
        } else if (r.kind !== 'valid') dropped.push(`${dim}:${v}`);
      }
      if (values.length > 0) out[dim] = values;
    }
    if (Object.keys(out).length === 0 && dropped.length > 0) return invalid('noValidItem');
    return valid(out, dropped);
  },
  format: (f) =>
    PIVOT_DIMS.filter((d) => (f[d]?.length ?? 0) > 0)
      .map((d) => `${d}:${f[d]!.join(',')}`)
      .join('~'),
};

const sortCodec: ParamCodec<PivotSort> = {
  parse: (raw) => {
    const s = parseSortKey(raw);
    return s ? valid(s) : invalid('badSort');
  },
  format: sortKey,
};

export const PARAM_CODECS: { [K in keyof UrlParams]: ParamCodec<UrlParams[K]> } = {
  view: text(parseEnum(VIEWS)),
  lang: text(parseEnum(LANGS)),
  data: text(parseDatasetPath),
  units: list(parseUnitId, MAX_UNITS),
  unames: list(parseName, MAX_UNITS),
  pfunames: list(parseName, MAX_FILTER_VALUES),
  prov: nullable(text(parseName)),
  level: nullable(text(parseEnum(REGION_LEVELS))),
  ylatest: flag,
  cshow: text(parseEnum(COMPARE_SHOWS)),
  csort: sortCodec,
  hl: nullable(text(parseUnitId)),
  year: nullable(integer(parseYear)),
  metric: text(parseMetric),
  trend: text(parseEnum(TREND_MODES)),
  scale: text(parseEnum(SCALES)),
  ogroup: nullable(text(parseEnum(OUTCOME_GROUPS))),
  orow: nullable(text(parseOutcomeRow)),
  oapp: text(parseEnum(TABLE3_COLUMNS)),
  omode: text(parseEnum(OUTCOME_MODES)),
  prows: list(parseEnum(PIVOT_DIMS), MAX_PIVOT_DIMS),
  pcols: list(parseEnum(PIVOT_DIMS), MAX_PIVOT_DIMS),
  pm: pivotMeasure,
  pf: pivotFilters,
  psort: sortCodec,
  report: nullable(text(parseReportId)),
  cell: nullable(text(parseCell)),
  qrule: nullable(text(parseRule)),
  qyear: nullable(integer(parseYear)),
  qprov: nullable(text(parseName)),
  qproblems: flag,
  qconfirmed: flag,
  embed: flag,
  table: flag,
  corr: flag,
};

/** Order of the keys in a written URL (the codec's key order). */
export const PARAM_KEYS = Object.keys(PARAM_CODECS) as (keyof UrlParams)[];

export function toParams(s: UrlState): UrlParams {
  return {
    view: s.view,
    lang: s.lang,
    data: s.dataset,
    units: s.units,
    unames: s.legacyNames.units,
    pfunames: s.legacyNames.pivot,
    prov: s.filter.province,
    level: s.filter.level,
    ylatest: s.latestEach,
    cshow: s.compare.show,
    csort: s.compare.sort,
    hl: s.compare.highlight,
    year: s.year,
    metric: s.metric,
    trend: s.trendMode,
    scale: s.scale,
    ogroup: s.outcome.group,
    orow: s.outcome.row,
    oapp: s.outcome.applicant,
    omode: s.outcome.mode,
    prows: s.pivot.rows,
    pcols: s.pivot.cols,
    pm: s.pivot.measure,
    pf: s.pivot.filters,
    psort: s.pivot.sort,
    report: s.report,
    cell: s.cell,
    qrule: s.quality.rule,
    qyear: s.quality.year,
    qprov: s.quality.province,
    qproblems: s.quality.problemsOnly,
    qconfirmed: s.quality.confirmedOnly,
    embed: s.embed,
    table: s.table,
    corr: s.corrections,
  };
}

export function fromParams(p: UrlParams): UrlState {
  return {
    view: p.view,
    lang: p.lang,
    dataset: p.data,
    units: p.units,
    legacyNames: { units: p.unames, pivot: p.pfunames },
    filter: { province: p.prov, level: p.level },
    latestEach: p.ylatest,
    compare: { show: p.cshow, sort: p.csort, highlight: p.hl },
    year: p.year,
    metric: p.metric,
    trendMode: p.trend,
    scale: p.scale,
    outcome: { group: p.ogroup, row: p.orow, applicant: p.oapp, mode: p.omode },
    pivot: { rows: p.prows, cols: p.pcols, measure: p.pm, filters: p.pf, sort: p.psort },
    report: p.report,
    cell: p.cell,
    quality: {
      rule: p.qrule,
      year: p.qyear,
      province: p.qprov,
      problemsOnly: p.qproblems,
      confirmedOnly: p.qconfirmed,
    },
    embed: p.embed,
    table: p.table,
    corrections: p.corr,
  };
}
