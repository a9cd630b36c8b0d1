/**
 * Generated and malicious query strings for the URL fuzz suite. "Structured" URLs encode each
 * value properly and record which parameters were given a value no parser may accept, so the
 * test can demand a notice for each; "raw" URLs are unencoded garbage that only must not break.
 */
import { OUTCOME_GROUPS, OUTCOME_ROWS, TABLE3_COLUMNS, TABLE3_ROW_KEYS } from '../../src/domain/keys';
import { METRICS } from '../../src/domain/metrics';
import { MEASURE_OPTIONS, measureKey, PIVOT_DIM_SPEC } from '../../src/domain/vocab';
import { LANGS, PIVOT_DIMS, TREND_MODES, type UiActions, VIEWS } from '../../src/state';
import { CURRENT_VERSION } from '../../src/state/url/migrations';
import { PARAM_KEYS, type UrlParams } from '../../src/state/url/params';
import type { Rng } from '../../src/synth/prng';
import { FIXTURE } from '../db/fixture';

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(0, items.length - 1)]!;

/** Values that contain a character or length no parameter parser accepts. */
export const HOSTILE: readonly string[] = [
  "' OR 1=1 --",
  '1; DROP TABLE canary; --',
  '"); DELETE FROM reports; --',
  "2021' UNION SELECT secret FROM canary --",
  "x'||(SELECT secret FROM canary)||'",
  "济源市'; UPDATE canary SET secret='pwned'; --",
  "'; COPY canary TO '/tmp/x.csv'; --",
  "'; ATTACH ':memory:' AS evil; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '<svg/onload=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template-injection probe
  '${alert(1)}',
  '../../etc/passwd',
  '//evil.example/data/',
  'https://evil.example/data/',
  'data:text/html;base64,PHNjcmlwdD4=',
  '\\\\evil\\share',
  '%00',
  '\u0000',
  '\u202e;lanif',
  'a\nb',
  'x"y',
  "O'Brien",
  'a;b',
  '1 = 1 --',
  '0x7e5;',
  `${'北'.repeat(40)}<`,
];

/** Values that are hostile by size alone. */
export function oversized(rng: Rng): string {
  const unit = pick(rng, ['a', '北', '%', "'", '~', '\u{1F4A9}']);
  return unit.repeat(rng.int(2_001, 30_000));
}

/** Unit names (what `unames` carries, links of v1) and unit ids (what `units` carries). */
const UNITS = ['济源市人民政府', '洪泽区人民政府', '不存在的单位', '上海市科委', 'Unit 7'];
const UNIT_IDS = [...FIXTURE.reports.map((r) => r.unit_id), 'ffffffffffffffff', '0123456789abcdef'];

/** A value the parameter's parser accepts (or at least may accept): used to mix good with bad. */
export function plausible(rng: Rng, key: keyof UrlParams): string {
  switch (key) {
    case 'view':
      return pick(rng, VIEWS);
    case 'lang':
      return pick(rng, LANGS);
    case 'data':
      return pick(rng, ['data/', './data/', 'data/synthetic/', '/data/', 'nope/']);
    case 'units':
      return Array.from({ length: rng.int(1, 3) }, () => pick(rng, UNIT_IDS)).join('~');
    case 'unames':
    case 'pfunames':
      return Array.from({ length: rng.int(1, 3) }, () => pick(rng, UNITS)).join('~');
    case 'prov':
      return pick(rng, ['', '浙江省', '福建省', 'x;y']);
    case 'level':
      return pick(rng, ['', 'province', 'prefecture', 'county', 'township', 'planet']);
    case 'year':
    case 'qyear':
      return pick(rng, ['2019', '2020', '2021', '2022', '2024', '']);
    case 'metric':
      return pick(rng, METRICS).id;
    case 'trend':
      return pick(rng, TREND_MODES);
    case 'scale':
      return pick(rng, ['linear', 'log']);
    case 'ogroup':
      return pick(rng, ['', ...OUTCOME_GROUPS]);
    case 'orow':
      return pick(rng, ['', ...OUTCOME_ROWS]);
    case 'oapp':
      return pick(rng, TABLE3_COLUMNS);
    case 'omode':
      return pick(rng, ['share', 'count']);
    case 'prows':
    case 'pcols':
      return Array.from({ length: rng.int(1, 2) }, () => pick(rng, PIVOT_DIMS)).join('~');
    case 'pm':
      return pick(rng, ['sum', 'share.row', 'share.col', 'share.total', `rate.${pick(rng, METRICS).id}`]);
    case 'pf':
      return pick(rng, [
        `unit:${pick(rng, UNIT_IDS)}`,
        'year:2021,2022',
        `row:${pick(rng, TABLE3_ROW_KEYS)}`,
        'format:2019~level:county',
        `applicant:${pick(rng, TABLE3_COLUMNS)}`,
      ]);
    case 'cshow':
      return pick(rng, ['bars', 'map', 'pie']);
    case 'hl':
      return pick(rng, ['', ...UNIT_IDS]);
    case 'csort':
    case 'psort':
      return pick(rng, ['label.asc', 'label.desc', 'value.asc', 'value.desc']);
    case 'cell':
      return pick(rng, ['', 'table3.new_received.total', 'table4.review.total', 'table9.x.y']);
    case 'report':
      return pick(rng, ['', 'A2019', 'B2022', 'C2021', 'missing-id']);
    case 'qrule':
      return pick(rng, ['', 'table3.column_balance', 'incomplete', 'table4.group_balance']);
    case 'qprov':
      return pick(rng, ['', '河南省', '江苏省', '西藏自治区']);
    case 'ylatest':
    case 'qproblems':
    case 'qconfirmed':
    case 'corr':
    case 'embed':
    case 'table':
      return pick(rng, ['0', '1', 'true', 'false']);
  }
}

/** Keys that are not parameters: prototype-pollution attempts and lookalikes. */
export const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__proto__[polluted]',
  'constructor.prototype.polluted',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'VIEW',
  'units[]',
  'units[0]',
  '',
  ' view',
  '%76iew',
];

export interface StructuredUrl {
  search: string;
  /** Parameters whose (first) value no parser may accept. */
  invalid: Set<string>;
  /** Every value written, for checking that none reaches SQL text. */
  values: string[];
}

export function structuredUrl(rng: Rng): StructuredUrl {
  const parts = [`v=${CURRENT_VERSION}`];
  const invalid = new Set<string>();
  const values: string[] = [];
  const keys = PARAM_KEYS.filter(() => rng.chance(0.35));
  for (const key of keys) {
    const bad = rng.chance(0.5);
    let value = bad ? (rng.chance(0.1) ? oversized(rng) : pick(rng, HOSTILE)) : plausible(rng, key);
    // A hostile item inside an otherwise valid list is dropped with a notice, not the whole list.
    if (bad && (key === 'units' || key === 'pf') && rng.chance(0.4))
      value = `${plausible(rng, key)}~${value}`;
    if (bad) invalid.add(key);
    values.push(value);
    parts.push(`${key}=${encodeURIComponent(value)}`);
    if (rng.chance(0.1)) {
      // A repeated key: the first value counts, the rest must not confuse anything.
      const again = pick(rng, HOSTILE);
      values.push(again);
      parts.push(`${key}=${encodeURIComponent(again)}`);
    }
  }
  if (rng.chance(0.3)) {
    const key = pick(rng, ODD_KEYS);
    const value = rng.chance(0.5) ? '{"polluted":true}' : pick(rng, HOSTILE);
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    values.push(value);
    invalid.add(key);
  }
  for (let i = parts.length - 1; i > 1; i--) {
    const j = rng.int(1, i);
    [parts[i], parts[j]] = [parts[j]!, parts[i]!];
  }
  return { search: `?${parts.join('&')}`, invalid, values };
}

const RAW_PIECES = [
  '&',
  '=',
  '&&&',
  '==',
  '?',
  '#',
  '%',
  '%zz',
  '%E4%B8',
  '%C0%AE%C0%AE/',
  '%%%25',
  '%uD800',
  '%ED%A0%80',
  '+',
  '%2B',
  ';',
  'v=0',
  'v=1',
  'v=999',
  'v=-1',
  'tab=timeline',
  'regions=济源市,,,洪泽区',
  'm=disclosure',
  'log=1',
  'y=2021',
  'lang=zh-CN',
  'view=',
  'units=~~~',
  'pf=:::~unit:',
  '__proto__=x',
  'constructor=y',
  '\u0000',
  '\ud800',
  '\u{1F4A9}',
  '北京',
  ' ',
  '\t',
  '\n',
];

/** Unencoded fragments, percent garbage and stray separators glued together. */
export function rawUrl(rng: Rng): string {
  const n = rng.int(1, 30);
  let s = rng.chance(0.5) ? '?' : '';
  for (let i = 0; i < n; i++) {
    if (rng.chance(0.2)) s += pick(rng, HOSTILE);
    else if (rng.chance(0.05)) s += oversized(rng);
    else if (rng.chance(0.1)) s += String.fromCharCode(rng.int(0, 0xffff));
    else s += pick(rng, RAW_PIECES);
  }
  return s;
}

/**
 * One random store action with well-typed arguments in any combination (what a view could send):
 * the store must turn every sequence of them into a state the URL codec reads back silently and
 * the SQL builders accept.
 */
export function storeAction(rng: Rng): { name: string; run: (s: UiActions) => void } {
  const dims = () => Array.from({ length: rng.int(0, 4) }, () => pick(rng, PIVOT_DIMS));
  const measure = () => pick(rng, MEASURE_OPTIONS);
  switch (rng.int(0, 8)) {
    case 0: {
      const rows = dims();
      return { name: `setPivot rows=${rows}`, run: (s) => s.setPivot({ rows }) };
    }
    case 1: {
      const cols = dims();
      return { name: `setPivot cols=${cols}`, run: (s) => s.setPivot({ cols }) };
    }
    case 2: {
      const m = measure();
      return { name: `setPivot measure=${measureKey(m)}`, run: (s) => s.setPivot({ measure: m }) };
    }
    case 3: {
      const p = { rows: dims(), cols: dims(), measure: measure() };
      return {
        name: `setPivot ${p.rows}|${p.cols}|${measureKey(p.measure)}`,
        run: (s) => s.setPivot(p),
      };
    }
    case 4: {
      const o = {
        group: rng.chance(0.5) ? null : pick(rng, OUTCOME_GROUPS),
        row: rng.chance(0.5) ? null : pick(rng, OUTCOME_ROWS),
      };
      return { name: `setOutcome ${o.group}/${o.row}`, run: (s) => s.setOutcome(o) };
    }
    case 5: {
      // Distinct unit ids (16 hex digits), some of them units the fixture holds.
      const units = Array.from({ length: rng.int(0, 80) }, (_, i) =>
        i % 3 === 0 ? pick(rng, UNIT_IDS) : (i * 2654435761).toString(16).padStart(16, '0').slice(-16),
      );
      return { name: `addUnits ×${units.length}`, run: (s) => s.addUnits(units) };
    }
    case 6: {
      const view = pick(rng, VIEWS);
      const trendMode = pick(rng, TREND_MODES);
      return { name: `set view=${view} trend=${trendMode}`, run: (s) => s.set({ view, trendMode }) };
    }
    case 7: {
      const dim = pick(rng, PIVOT_DIMS);
      const kind = PIVOT_DIM_SPEC[dim].values;
      const value =
        kind === 'name'
          ? pick(rng, UNITS)
          : kind === 'year'
            ? '2021'
            : kind === 'unit'
              ? pick(rng, UNIT_IDS)
              : pick(rng, kind);
      const f = { [dim]: [value] };
      return { name: `setPivot filters=${JSON.stringify(f)}`, run: (s) => s.setPivot({ filters: f }) };
    }
    default: {
      const units = Array.from({ length: rng.int(0, 70) }, () => pick(rng, UNIT_IDS));
      return { name: `set units ×${units.length}`, run: (s) => s.set({ units }) };
    }
  }
}
