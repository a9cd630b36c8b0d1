/**
 * Ordered, pure migrations that keep old links working. Each takes the parameters of version
 * `from` and returns new parameters of version `to`; `migrateParams` applies them in order up to
 * CURRENT_VERSION. Never edit a released migration: add the next one.
 */

export const CURRENT_VERSION = 2;

/** unit_id (src/domain/units/identity.ts): 16 lowercase hex digits. */
export const UNIT_ID_PATTERN = /^[0-9a-f]{16}$/;

export interface Migration {
  from: number;
  to: number;
  /** When the old shape stopped being written. */
  date: string;
  migrate: (params: URLSearchParams) => URLSearchParams;
}

/** v0 metric names → catalogue ids (src/domain/metrics). */
const V0_METRICS: Record<string, string> = {
  disclosure: 'rate.disclosure',
  requests: 't3.new_received',
  handled: 't3.total_handled',
  withheld: 'rate.withheld',
  review: 'rate.review_correction',
};
const V0_VIEWS: Record<string, string> = {
  overview: 'compare',
  compare: 'compare',
  timeline: 'trends',
  trends: 'trends',
  results: 'outcomes',
  table: 'pivot',
  report: 'report',
};
const V0_LANGS: Record<string, string> = { 'zh-CN': 'zh', 'en-US': 'en', zh: 'zh', en: 'en' };

/**
 * v0 → v1 (2025-11-28): the unreleased prototype wrote `tab` (overview|timeline|results|table|
 * report), `regions` joined with commas, `y` for the year, `m` with short metric names, `log=1`
 * for the log scale and `lang` as a BCP-47 tag (zh-CN, en-US). Unknown v0 values are passed on
 * as they are, so the v1 parsers reject them with a notice.
 */
const v0ToV1: Migration = {
  from: 0,
  to: 1,
  date: '2025-11-28',
  migrate: (old) => {
    const out = new URLSearchParams();
    for (const [key, value] of old) {
      switch (key) {
        case 'tab':
          out.set('view', own(V0_VIEWS, value) ?? value);
          break;
        case 'regions':
          out.set('units', value.split(',').join('~'));
          break;
        case 'y':
          out.set('year', value);
          break;
        case 'm':
          out.set('metric', own(V0_METRICS, value) ?? value);
          break;
        case 'log':
          if (value === '1') out.set('scale', 'log');
          break;
        case 'lang':
          out.set('lang', own(V0_LANGS, value) ?? value);
          break;
        default:
          out.append(key, value);
      }
    }
    return out;
  },
};

/**
 * v1 → v2 (2026-12-06, issue 13): v1 named units by their printed name (`units=鼓楼区`), which
 * merged every unit of that name. v2 carries unit ids. A name cannot become an id without the
 * data, so the names move to `unames` (and pivot filter names to `pfunames`); the app resolves
 * them once the dataset is loaded (src/state/legacyUnits.ts): a name held by one unit opens it,
 * a name held by several opens each of them, apart.
 */
const v1ToV2: Migration = {
  from: 1,
  to: 2,
  date: '2026-12-06',
  migrate: (old) => {
    const out = new URLSearchParams();
    for (const [key, value] of old) {
      if (key === 'units') out.set('unames', value);
      else if (key === 'pf') {
        const parts = value.split('~');
        const names = parts.filter((p) => p.startsWith('unit:')).map((p) => p.slice('unit:'.length));
        const rest = parts.filter((p) => !p.startsWith('unit:'));
        if (rest.length > 0) out.set('pf', rest.join('~'));
        if (names.length > 0) out.set('pfunames', names.join(',').split(',').join('~'));
      } else out.append(key, value);
    }
    return out;
  },
};

/** `table[key]` only for the table's own keys: `?tab=constructor` must not read Object's constructor. */
function own(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2];

/** Keys only version 0 wrote; a link with one of them and no `v` is a v0 link. */
const V0_KEYS = ['tab', 'regions', 'y', 'm', 'log'];

export type VersionResult = { version: number } | { error: 'notVersion' };

export function detectVersion(params: URLSearchParams): VersionResult {
  const v = params.get('v');
  if (v === null) {
    if (V0_KEYS.some((k) => params.has(k))) return { version: 0 };
    // A hand-written link without `v` naming units by name is read as v1 (names), not refused.
    const units = params.get('units');
    if (units && units.split('~').some((u) => !UNIT_ID_PATTERN.test(u))) return { version: 1 };
    return { version: CURRENT_VERSION };
  }
  if (!/^\d{1,3}$/.test(v)) return { error: 'notVersion' };
  return { version: Number(v) };
}

/** Apply the migrations from `version` to CURRENT_VERSION; the result carries no `v`. */
export function migrateParams(params: URLSearchParams, version: number): URLSearchParams {
  let current = new URLSearchParams(params);
  current.delete('v');
  for (const m of MIGRATIONS) {
    if (m.from >= version && m.to <= CURRENT_VERSION) current = m.migrate(current);
  }
  return current;
}
