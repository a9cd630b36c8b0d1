import { describe, expect, it } from 'vitest';
import { parseAliases } from '../../../src/domain/units/identity';
import {
  addMerge,
  checkMerge,
  mergedId,
  mergePairs,
  mergesToAliases,
  parseMerges,
  removeMerge,
  resolveMerges,
  type UnitMerge,
} from '../../../src/domain/units/merges';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';
const GOV = '1111111111111111';
const OTHER = '2222222222222222';
const m = (from: string, into: string, date = '2026-12-06T12:00:00Z'): UnitMerge => ({
  from,
  into,
  fromName: `name ${from.slice(0, 1)}`,
  intoName: `name ${into.slice(0, 1)}`,
  date,
});

describe('resolveMerges', () => {
  it('follows chains to the final unit', () => {
    const r = resolveMerges([m(A, B), m(B, C)]);
    expect(r.get(A)).toBe(C);
    expect(r.get(B)).toBe(C);
    expect(mergedId(r, C)).toBe(C);
  });
  it('stops at a cycle instead of looping', () => {
    const r = resolveMerges([m(A, B), m(B, A)]);
    expect(r.get(A)).toBe(B);
    expect(r.get(B)).toBe(A);
  });
  it('undoing a link of a chain leaves the rest merged', () => {
    const list = removeMerge([m(A, B), m(B, C)], B);
    expect(mergePairs(list)).toEqual([[A, B]]);
  });
  it('a newer merge of the same unit replaces the older one', () => {
    expect(addMerge([m(A, B)], m(A, C)).map((x) => x.into)).toEqual([C]);
  });
});

describe('checkMerge', () => {
  const unit = (unitId: string, years: number[], parentUnitId: string | null = GOV) => ({
    unitId,
    years,
    parentUnitId,
  });
  it('allows complementary years under one government', () => {
    expect(checkMerge(unit(A, [2019, 2023]), unit(B, [2024, 2025]), A, B)).toBeNull();
  });
  it('refuses a year both have, naming it', () => {
    expect(checkMerge(unit(A, [2022, 2023]), unit(B, [2023, 2024]), A, B)).toEqual({
      code: 'years',
      years: [2023],
    });
  });
  it('refuses units of two governments, and a unit merged with itself or absent', () => {
    expect(checkMerge(unit(A, [2020]), unit(B, [2021], OTHER), A, B)).toEqual({
      code: 'parent',
      fromParent: GOV,
      intoParent: OTHER,
    });
    expect(checkMerge(unit(A, [2020], null), unit(B, [2021]), A, B)?.code).toBe('parent');
    expect(checkMerge(unit(A, [2020], null), unit(B, [2021], null), A, B)).toBeNull();
    expect(checkMerge(unit(A, [2020]), unit(A, [2020]), A, A)).toEqual({ code: 'same' });
    expect(checkMerge(undefined, unit(B, [2021]), A, B)).toEqual({ code: 'missing', unitId: A });
  });
});

describe('the aliases file', () => {
  it('round-trips through the CLI parser as unit lines', () => {
    const text = mergesToAliases([m(A, B), m(C, B)]);
    const parsed = parseAliases(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.aliases.size).toBe(0);
    expect([...parsed.units]).toEqual([
      [A, B],
      [C, B],
    ]);
  });
  it('keeps a name with a newline or # from breaking a line', () => {
    const text = mergesToAliases([
      { ...m(A, B), fromName: 'x\n#unit:cccccccccccccccc\tunit:dddddddddddddddd' },
    ]);
    expect([...parseAliases(text).units]).toEqual([[A, B]]);
  });
  it('names a half unit line', () => {
    expect(parseAliases(`unit:${A}\t投资促进局`).problems).toHaveLength(1);
  });
});

describe('parseMerges', () => {
  it('reads back what was saved and refuses a bad entry by index', () => {
    expect(parseMerges([m(A, B)])).toEqual({ ok: true, value: [m(A, B)] });
    expect(parseMerges([m(A, B), { ...m(A, C), into: 'x' }])).toEqual({
      ok: false,
      reason: 'merges[1]: into is not another unit id',
    });
    expect(parseMerges([{ ...m(A, B), date: 'soon' }]).ok).toBe(false);
    expect(parseMerges({ from: A }).ok).toBe(false);
  });
});
