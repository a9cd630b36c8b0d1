import { describe, expect, it } from 'vitest';
import { groupSumsHold, rowSumHolds, splitCandidates } from '../../../src/parser/tables/split';

describe('splitCandidates', () => {
  it('treats whitespace as a cell boundary and never makes a multi-digit number with a leading zero', () => {
    expect(splitCandidates(['230', '000023'], 7, { accept: rowSumHolds })).toEqual([[23, 0, 0, 0, 0, 0, 23]]);
    expect(splitCandidates(['007'], 3)).toEqual([[0, 0, 7]]);
  });

  it('lists every fit when the digits allow several', () => {
    const fits = splitCandidates(['270020130'], 7, { accept: rowSumHolds });
    expect(fits).toContainEqual([27, 0, 0, 2, 0, 1, 30]);
    expect(fits).toContainEqual([2, 7, 0, 0, 20, 1, 30]);
  });

  it('keeps a minus sign at the start of a cell', () => {
    expect(splitCandidates(['-18538'], 2)).toContainEqual([-185, 38]);
  });

  it('returns nothing when the digits cannot fill the cells', () => {
    expect(splitCandidates(['12'], 3)).toEqual([]);
    expect(splitCandidates(['1', '2', '3', '4'], 3)).toEqual([]);
  });

  it('cuts table 四 by its group sums', () => {
    const fits = splitCandidates(['21317000001324019'], 15, { accept: groupSumsHold });
    expect(fits).toEqual([[2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]]);
  });
});
