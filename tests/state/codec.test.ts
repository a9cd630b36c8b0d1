import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, decodeUrl, encodeUrl, type UrlState } from '../../src/state';

/** A state in which every field differs from its default. */
const EVERYTHING: UrlState = {
  view: 'pivot',
  lang: 'en',
  dataset: 'data/synthetic/',
  units: ['ca34381e59780bde', '4bacd65e6cabb75a', 'ec05f0b96a354db6'],
  legacyNames: { units: ['济源市人民政府'], pivot: ['洪泽区人民政府'] },
  filter: { province: '浙江省', level: 'county' },
  latestEach: true,
  compare: { show: 'map', sort: { by: 'label', dir: 'asc' }, highlight: '4bacd65e6cabb75a' },
  year: 2021,
  metric: 'rate.disclosure',
  trendMode: 'yoy',
  scale: 'log',
  outcome: { group: 'withheld', row: 'withheld_state_secret', applicant: 'commercial', mode: 'count' },
  pivot: {
    rows: ['province', 'unit'],
    cols: ['year', 'format'],
    measure: { kind: 'rate', metric: 'rate.disclosure' },
    filters: {
      unit: ['ca34381e59780bde'],
      level: ['prefecture', 'county'],
      year: ['2020', '2021'],
      province: ['河南省'],
    },
    sort: { by: 'value', dir: 'desc' },
  },
  report: 'r-419001-2019-ab12cd',
  cell: 'table3.new_received.total',
  quality: {
    rule: 'table3.column_balance',
    year: 2022,
    province: '福建省',
    problemsOnly: true,
    confirmedOnly: true,
  },
  embed: true,
  table: true,
  corrections: true,
};

describe('encodeUrl', () => {
  it('writes only the version for the default state', () => {
    expect(encodeUrl(DEFAULT_STATE)).toBe('?v=2');
  });

  it('writes only the fields that differ from the defaults', () => {
    const url = encodeUrl({ ...DEFAULT_STATE, view: 'trends', scale: 'log' });
    expect(url).toBe('?v=2&view=trends&scale=log');
  });

  it('joins units with ~ and keeps the codec separators readable', () => {
    const url = encodeUrl({
      ...DEFAULT_STATE,
      units: ['0123456789abcdef', 'fedcba9876543210'],
      pivot: { ...DEFAULT_STATE.pivot, filters: { year: ['2020', '2021'] } },
    });
    expect(url).toContain('units=0123456789abcdef~fedcba9876543210');
    expect(url).toContain('pf=year:2020,2021');
  });

  it('writes exactly one parameter for each single-field change', () => {
    const fields = Object.keys(EVERYTHING) as (keyof UrlState)[];
    for (const field of fields) {
      const state = { ...DEFAULT_STATE, [field]: EVERYTHING[field] } as UrlState;
      // the drilled row needs its group; both live in `outcome`, so count params instead
      const params = new URLSearchParams(encodeUrl(state));
      params.delete('v');
      const expected =
        field === 'outcome'
          ? 4
          : field === 'pivot'
            ? 5
            : field === 'quality'
              ? 5
              : field === 'compare'
                ? 3
                : field === 'legacyNames' || field === 'filter'
                  ? 2
                  : 1;
      expect([field, [...params.keys()].length]).toEqual([field, expected]);
    }
  });
});

describe('decodeUrl', () => {
  it('round-trips every field', () => {
    const decoded = decodeUrl(encodeUrl(EVERYTHING));
    expect(decoded.notices).toEqual([]);
    expect(decoded.state).toEqual(EVERYTHING);
  });

  it('round-trips each field alone', () => {
    for (const field of Object.keys(EVERYTHING) as (keyof UrlState)[]) {
      const state = { ...DEFAULT_STATE, [field]: EVERYTHING[field] } as UrlState;
      const decoded = decodeUrl(encodeUrl(state));
      expect(decoded.notices).toEqual([]);
      expect(decoded.state).toEqual(state);
    }
  });

  it('reads an empty query as the defaults', () => {
    expect(decodeUrl('')).toEqual({ state: DEFAULT_STATE, notices: [], version: 2 });
    expect(decodeUrl('?v=1').state).toEqual(DEFAULT_STATE);
    expect(decodeUrl('?v=2').state).toEqual(DEFAULT_STATE);
  });

  it('falls back per parameter and names what it ignored', () => {
    const { state, notices } = decodeUrl('?v=1&view=admin&year=1900&scale=log&metric=DROP');
    expect(state).toEqual({ ...DEFAULT_STATE, scale: 'log' });
    expect(notices.map((n) => n.param)).toEqual(['view', 'year', 'metric']);
    expect(notices[1]).toMatchObject({
      value: '1900',
      reason: { code: 'outside', vars: { min: 2008, max: 2100 } },
    });
  });

  it('reads the unit filter and refuses a level that is not one', () => {
    const { state, notices } = decodeUrl(`?v=1&prov=${encodeURIComponent('浙江省')}&level=county`);
    expect(state.filter).toEqual({ province: '浙江省', level: 'county' });
    expect(notices).toEqual([]);
    const bad = decodeUrl('?v=1&level=planet');
    expect(bad.state.filter).toEqual(DEFAULT_STATE.filter);
    expect(bad.notices.map((n) => [n.param, n.reason.code])).toEqual([['level', 'notOneOf']]);
  });

  it.each([
    '中共某县委办公室〔县政府〕',
    '《条例》实施办公室',
    '某市，某区管委会',
    'ＡＢＣ街道',
    '某局（试点）2024',
  ])('a unit name with Chinese punctuation or full-width letters survives a round trip (%s)', (unit) => {
    // Units travel by id (v2); names only as an old link's names, until the data resolves them.
    const url = encodeUrl({ ...DEFAULT_STATE, legacyNames: { units: [unit], pivot: [] } });
    const back = decodeUrl(url);
    expect(back.notices).toEqual([]);
    expect(back.state.legacyNames.units).toEqual([unit]);
  });

  it('keeps the good units of a list and reports the bad ones', () => {
    const ids = decodeUrl(`?v=2&units=${encodeURIComponent("0123456789abcdef~x'; DROP TABLE reports;--")}`);
    expect(ids.state.units).toEqual(['0123456789abcdef']);
    expect(ids.notices).toEqual([
      { param: 'units', value: "x'; DROP TABLE reports;--", reason: { code: 'ignoredItem' } },
    ]);
    // Names without a version are a hand-written v1 link: kept as names, resolved once the data is in.
    const { state, notices } = decodeUrl(`?units=${encodeURIComponent("A市~x'; DROP TABLE reports;--~B市")}`);
    expect(state.units).toEqual([]);
    expect(state.legacyNames.units).toEqual(['A市', 'B市']);
    expect(notices).toEqual([
      { param: 'unames', value: "x'; DROP TABLE reports;--", reason: { code: 'ignoredItem' } },
    ]);
  });

  it('accepts same-origin relative dataset paths only', () => {
    const ok = ['data/', 'data/synthetic', './data/x/', '/data/'];
    for (const d of ok) expect(decodeUrl(`?data=${encodeURIComponent(d)}`).notices).toEqual([]);
    const bad = [
      'https://evil.example/data/',
      '//evil.example/data/',
      'javascript:alert(1)',
      '../../etc/',
      'data/../../x/',
      'data\\x',
      'data/%2e%2e/',
      'data?x=1',
    ];
    for (const d of bad) {
      const { state, notices } = decodeUrl(`?data=${encodeURIComponent(d)}`);
      expect(state.dataset).toBe(DEFAULT_STATE.dataset);
      expect(notices).toHaveLength(1);
    }
  });

  it('drops a drilled row that is not in its group and infers the group of a lone row', () => {
    const a = decodeUrl('?ogroup=granted&orow=withheld_state_secret');
    expect(a.state.outcome).toMatchObject({ group: 'granted', row: null });
    expect(a.notices.map((n) => n.param)).toEqual(['orow']);
    const b = decodeUrl('?orow=rejected_repeated');
    expect(b.state.outcome).toMatchObject({ group: 'rejected', row: 'rejected_repeated' });
    expect(b.notices).toEqual([]);
  });

  it('keeps pivot axes apart and refuses a rate split by row', () => {
    const a = decodeUrl('?prows=year~unit&pcols=year~format');
    expect(a.state.pivot.rows).toEqual(['year', 'unit']);
    expect(a.state.pivot.cols).toEqual(['format']);
    const b = decodeUrl('?prows=row&pm=rate.rate.disclosure');
    expect(b.state.pivot.measure).toEqual({ kind: 'sum' });
    expect(b.notices.map((n) => n.param)).toEqual(['pm']);
  });

  it('validates pivot filter values per dimension', () => {
    const { state, notices } = decodeUrl('?pf=year:2021,abc~level:galaxy~bogus:1~format:2019');
    expect(state.pivot.filters).toEqual({ year: ['2021'], format: ['2019'] });
    expect(notices.map((n) => n.value)).toEqual(['year:abc', 'level:galaxy', 'bogus:1']);
  });

  it('reports unknown parameters and a newer version', () => {
    const { state, notices } = decodeUrl('?v=7&view=trends&utm_source=x');
    expect(state.view).toBe('trends');
    expect(notices.map((n) => n.param)).toEqual(['v', 'utm_source']);
  });
});

describe('issue 17 parameters', () => {
  it('a link carries "only confirmed" and "with corrections", never a note', () => {
    const state: UrlState = {
      ...DEFAULT_STATE,
      view: 'quality',
      quality: { ...DEFAULT_STATE.quality, confirmedOnly: true },
      corrections: true,
    };
    const url = encodeUrl(state);
    expect(url).toBe('?v=2&view=quality&qconfirmed=1&corr=1');
    expect(decodeUrl(url).state).toEqual(state);
    expect(decodeUrl('?v=1&qconfirmed=maybe').notices.map((n) => n.param)).toEqual(['qconfirmed']);
  });
});
