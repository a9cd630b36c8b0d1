/**
 * The one URL codec: `decodeUrl` turns any query string into a valid `UrlState` plus notices for
 * what it ignored; `encodeUrl` writes `v=1` and only the values that differ from the defaults.
 */
import { normaliseDrill, normalisePivot } from '../../domain/vocab';
import { DEFAULT_STATE } from '../defaults';
import type { UrlState } from '../types';
import { CURRENT_VERSION, detectVersion, migrateParams } from './migrations';
import { fromParams, PARAM_CODECS, PARAM_KEYS, type ParamCodec, toParams, type UrlParams } from './params';
import { MAX_PARAM_LENGTH } from './parsers';
import { type Reason, reason } from './reasons';

/** One ignored or adjusted parameter, shown in the notice banner. */
export interface UrlNotice {
  param: string;
  /** The offending text, cut to a displayable length. */
  value: string;
  reason: Reason;
}

export interface Decoded {
  state: UrlState;
  notices: UrlNotice[];
  /** The version the link was written in (before migrations). */
  version: number;
}

/** Longest query string read; the rest is dropped with a notice. */
const MAX_SEARCH = 20_000;

const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function parseOne<K extends keyof UrlParams>(
  key: K,
  raw: string | null,
  fallback: UrlParams[K],
  notices: UrlNotice[],
): UrlParams[K] {
  if (raw === null) return fallback;
  if (raw.length > MAX_PARAM_LENGTH) {
    notices.push({ param: key, value: clip(raw), reason: reason('tooLong') });
    return fallback;
  }
  const codec = PARAM_CODECS[key] as ParamCodec<UrlParams[K]>;
  const r = codec.parse(raw);
  if (r.kind === 'missing') return fallback;
  if (r.kind === 'invalid') {
    notices.push({ param: key, value: clip(raw), reason: r.reason });
    return fallback;
  }
  for (const d of r.dropped ?? [])
    notices.push({ param: key, value: clip(d), reason: reason('ignoredItem') });
  return r.value;
}

/**
 * Rules that span parameters: a drilled row must belong to its group; the pivot's own rules
 * (axes, rate splits) are the vocabulary's `normalisePivot`, which the store applies too.
 */
function reconcile(p: UrlParams, notices: UrlNotice[]): UrlParams {
  const out = { ...p };
  const { drill, dropped } = normaliseDrill({ group: out.ogroup, row: out.orow });
  if (dropped && out.ogroup !== null)
    notices.push({ param: 'orow', value: out.orow ?? '', reason: reason('notRowOf', { group: out.ogroup }) });
  out.ogroup = drill.group;
  out.orow = drill.row;
  const { layout, problems } = normalisePivot({ rows: out.prows, cols: out.pcols, measure: out.pm });
  const param = { rows: 'prows', cols: 'pcols', measure: 'pm' } as const;
  // The list parser already caps the axes, so `tooManyDims` cannot come from a link.
  for (const p of problems)
    notices.push({
      param: param[p.field],
      value: p.value,
      reason: reason(p.code === 'tooManyDims' ? 'ignoredItem' : p.code),
    });
  out.prows = [...layout.rows];
  out.pcols = [...layout.cols];
  out.pm = layout.measure;
  return out;
}

/** Parse any query string (with or without `?`) into a valid state; never throws. */
export function decodeUrl(search: string, defaults: UrlState = DEFAULT_STATE): Decoded {
  const notices: UrlNotice[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > MAX_SEARCH ? search.slice(0, MAX_SEARCH) : search);
  } catch {
    params = new URLSearchParams();
  }
  if (search.length > MAX_SEARCH) {
    // Parameters past the cut are lost: say so, or a bad one there would vanish without a notice.
    notices.push({
      param: '',
      value: clip(search.slice(MAX_SEARCH)),
      reason: reason('linkCut', { n: MAX_SEARCH }),
    });
  }
  const detected = detectVersion(params);
  let version = CURRENT_VERSION;
  if ('error' in detected) {
    notices.push({ param: 'v', value: clip(params.get('v') ?? ''), reason: reason(detected.error) });
  } else {
    version = detected.version;
    if (version > CURRENT_VERSION) {
      notices.push({
        param: 'v',
        value: String(version),
        reason: reason('newerVersion', { version: CURRENT_VERSION }),
      });
      version = CURRENT_VERSION;
    }
  }
  const migrated = migrateParams(params, Math.min(version, CURRENT_VERSION));
  const base = toParams(defaults);
  const parsed = {} as Record<keyof UrlParams, unknown>;
  for (const key of PARAM_KEYS) {
    parsed[key] = parseOne(key, migrated.get(key), base[key], notices);
  }
  for (const key of new Set(migrated.keys())) {
    // hasOwn, not `in`: `toString=`, `constructor=` or `__proto__=` are unknown parameters too.
    if (!Object.hasOwn(PARAM_CODECS, key))
      notices.push({
        param: clip(key),
        value: clip(migrated.get(key) ?? ''),
        reason: reason('unknownParam'),
      });
  }
  const state = fromParams(reconcile(parsed as UrlParams, notices));
  return { state, notices, version: 'error' in detected ? CURRENT_VERSION : detected.version };
}

/**
 * Characters left readable in written URLs: the codec's own separators, which `encodeURIComponent`
 * would escape. Han characters are escaped; browsers show them decoded in the address bar.
 */
const readable = (s: string): string =>
  encodeURIComponent(s).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');

/** `?v=1&…` with only the non-default values, in the codec's key order. */
export function encodeUrl(state: UrlState, defaults: UrlState = DEFAULT_STATE): string {
  const p = toParams(state);
  const d = toParams(defaults);
  const parts = [`v=${CURRENT_VERSION}`];
  for (const key of PARAM_KEYS) {
    const codec = PARAM_CODECS[key] as ParamCodec<unknown>;
    const value = codec.format(p[key]);
    if (value !== codec.format(d[key])) parts.push(`${key}=${readable(value)}`);
  }
  return `?${parts.join('&')}`;
}
