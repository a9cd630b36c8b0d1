import { describe, expect, it } from 'vitest';
import type { Format } from '../../src/domain/keys';
import type { CheckFailure, Report, TableValues } from '../../src/domain/report';
import { resolveSplits } from '../../src/parser/resolve-splits';
import { table2Cuts } from '../../src/parser/tables/table2';

/** A report of one body whose table 二 item `item` is the undecided run `run` (as the parser leaves it). */
function undecided(
  year: number,
  format: Format,
  item: string,
  run: string,
  cuts: number[][],
  columns: string[],
): Report {
  const check: CheckFailure = {
    rule: 'ambiguous_split',
    where: `table2.${item}`,
    expected: null,
    actual: null,
    message: 'test',
    cuts,
  };
  return report(year, format, { [item]: Object.fromEntries(columns.map((c) => [c, null])) }, [check], {
    ...Object.fromEntries(columns.map((c) => [`table2.${item}.${c}`, run])),
  });
}

function report(
  year: number,
  format: Format,
  table2: TableValues,
  checks: CheckFailure[] = [],
  raw: Record<string, string> = {},
): Report {
  return {
    unit: '测试局',
    year,
    format,
    region: null,
    table3: {},
    table4: {},
    table2,
    raw,
    checks,
    source: { file: `${year}.txt`, sha256: '' },
  };
}

const DOCS = ['issued', 'repealed', 'in_force'];
const ITEMS = ['items_last_year', 'items_change', 'decisions'];

/** `undecided` with every cut of the printed run, as the parser lists them. */
function open(year: number, format: Format, item: string, run: string, columns: string[]): Report {
  const cuts = table2Cuts(run.split(' '), columns).map((c) => c.parts);
  return undecided(year, format, item, run, cuts, columns);
}

describe('resolveSplits', () => {
  it('cuts "6045" as 6|0|45 when last year had 39 in force (39 + 6 − 0 = 45), and notes why', () => {
    const prev = report(2021, '2021', { normative_documents: { issued: 3, repealed: 1, in_force: 39 } });
    const cur = undecided(
      2022,
      '2021',
      'normative_documents',
      '6045',
      [
        [6, 0, 45],
        [60, 4, 5],
      ],
      DOCS,
    );
    const [, out] = resolveSplits([prev, cur]);
    expect(out!.table2.normative_documents).toEqual({ issued: 6, repealed: 0, in_force: 45 });
    expect(out!.checks).toEqual([]);
    expect(Object.keys(out!.raw)).toEqual([]);
    expect(out!.notes).toEqual([
      expect.objectContaining({ rule: 'table2.split_resolved', where: 'table2.normative_documents' }),
    ]);
    expect(out!.notes![0]!.message).toMatch(/2021 年现行有效 39/);
  });

  it('uses next year too, and decides two undecided years together when only one pair agrees', () => {
    // 2021 "3021": 3|0|21 or 30|2|1; 2022 "5125": 5|1|25 or 5|12|5. Only 21 + 5 − 1 = 25 holds.
    const a = undecided(
      2021,
      '2021',
      'normative_documents',
      '3021',
      [
        [3, 0, 21],
        [30, 2, 1],
      ],
      DOCS,
    );
    const b = undecided(
      2022,
      '2021',
      'normative_documents',
      '5125',
      [
        [5, 1, 25],
        [5, 12, 5],
      ],
      DOCS,
    );
    const [ra, rb] = resolveSplits([a, b]);
    expect(ra!.table2.normative_documents).toEqual({ issued: 3, repealed: 0, in_force: 21 });
    expect(rb!.table2.normative_documents).toEqual({ issued: 5, repealed: 1, in_force: 25 });
  });

  it('keeps the flag when the printed figures break the identity for every cut', () => {
    const prev = report(2022, '2021', { normative_documents: { issued: 5, repealed: 6, in_force: 15 } });
    // 15 + 3 − 1 = 17 ≠ 23; 15 + 3 − 12 ≠ 3; 15 + 31 − 2 ≠ 3: a printed error, not a split to pick.
    const cur = undecided(
      2023,
      '2021',
      'normative_documents',
      '3123',
      [
        [3, 1, 23],
        [3, 12, 3],
        [31, 2, 3],
      ],
      DOCS,
    );
    const [, out] = resolveSplits([prev, cur]);
    expect(out).toBe(cur);
    expect(out!.checks.map((c) => c.rule)).toEqual(['ambiguous_split']);
  });

  it('keeps the flag when several cuts fit, and without a neighbour of the same format', () => {
    // 2019 format: 8|80|1 and 88|0|1 both give 88 items next year.
    const cols = ['items_last_year', 'items_change', 'decisions'];
    const cur = undecided(
      2019,
      '2019',
      'licensing',
      '8801',
      [
        [8, 80, 1],
        [88, 0, 1],
      ],
      cols,
    );
    const next = report(2020, '2019', {
      licensing: { items_last_year: 88, items_change: -7, decisions: 20 },
    });
    expect(resolveSplits([cur, next])[0]).toBe(cur);
    const other = report(2020, '2021', { licensing: { decisions: 4 } });
    expect(resolveSplits([cur, other])[0]).toBe(cur);
  });

  it('2019 format: this year’s items plus the change are next year’s items_last_year', () => {
    const cols = ['items_last_year', 'items_change', 'decisions'];
    const cur = undecided(
      2019,
      '2019',
      'penalty',
      '2600',
      [
        [2, 60, 0],
        [26, 0, 0],
      ],
      cols,
    );
    const next = report(2020, '2019', { penalty: { items_last_year: 26, items_change: -2, decisions: 60 } });
    const [out] = resolveSplits([cur, next]);
    expect(out!.table2.penalty).toEqual({ items_last_year: 26, items_change: 0, decisions: 0 });
  });

  it('skips years that are not consecutive', () => {
    const prev = report(2020, '2021', { normative_documents: { issued: 3, repealed: 1, in_force: 39 } });
    const cur = undecided(
      2022,
      '2021',
      'normative_documents',
      '6045',
      [
        [6, 0, 45],
        [60, 4, 5],
      ],
      DOCS,
    );
    expect(resolveSplits([prev, cur])[1]).toBe(cur);
  });

  it('sets aside a link that no cut satisfies and decides with the links left (交通与建设局 2022–2025)', () => {
    // 2023→2024 holds for no pair (15 or 5 in force, then 3|1|23, 3|12|3 or 31|2|3): the printed
    // figures break it whatever the cuts. 2022→2023 leaves 5|6|15, 2024→2025 leaves 3|1|23 and 1|0|24.
    const series = [
      report(2022, '2021', { normative_documents: { issued: 4, repealed: 0, in_force: 16 } }),
      open(2023, '2021', 'normative_documents', '5615', DOCS),
      open(2024, '2021', 'normative_documents', '3123', DOCS),
      open(2025, '2021', 'normative_documents', '1024', DOCS),
    ];
    const [, y23, y24, y25] = resolveSplits(series);
    expect(y23!.table2.normative_documents).toEqual({ issued: 5, repealed: 6, in_force: 15 });
    expect(y24!.table2.normative_documents).toEqual({ issued: 3, repealed: 1, in_force: 23 });
    expect(y25!.table2.normative_documents).toEqual({ issued: 1, repealed: 0, in_force: 24 });
    expect(y23!.notes![0]!.message).toMatch(/2022 年现行有效 16/);
    expect(y23!.notes![0]!.message).toMatch(/对任何拆分都不成立.*2024 年现行有效 23\/3/);
    expect(y24!.notes![0]!.message).toMatch(/对任何拆分都不成立/);
    for (const r of [y23, y24, y25]) expect(r!.checks).toEqual([]);
  });

  it('leaves a stretch flagged when its links point at different cuts (投资促进局 2023–2025)', () => {
    // 2023→2024 holds only for 6|1|26 then 1|0|27; 2024→2025 only for 10|2|7 then 25|0|32: one of
    // the two identities is broken in print, and which one is unknown, so nothing is decided.
    const series = [
      open(2023, '2021', 'normative_documents', '6126', DOCS),
      open(2024, '2021', 'normative_documents', '1027', DOCS),
      open(2025, '2021', 'normative_documents', '25032', DOCS),
    ];
    const out = resolveSplits(series);
    out.forEach((r, i) => {
      expect(r).toBe(series[i]);
    });
  });

  it('reads a neighbour open to many cuts as evidence when only one pair agrees (社会事业局 2020–2021)', () => {
    // 2020 "72171051" has 16 cuts, 2021 "89741888" has 21; only 72 + 17 is a start of 2021's run.
    const series = [
      open(2020, '2019', 'licensing', '72171051', ITEMS),
      open(2021, '2019', 'licensing', '89741888', ITEMS),
    ];
    const [y20, y21] = resolveSplits(series);
    expect(y20!.table2.licensing).toEqual({ items_last_year: 72, items_change: 17, decisions: 1051 });
    expect(y20!.notes![0]!.message).toMatch(/2021 年上一年项目数量 89\b/);
    // 2021 still fits five cuts (89|7|41888, 89|74|1888, …): it stays flagged.
    expect(y21).toBe(series[1]);
  });
});
