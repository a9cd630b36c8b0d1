import { describe, expect, it } from 'vitest';
import { layoutGrid, spanAttr } from '../../../src/parser/extract/html-grid';

const cell = (text: string, rowspan = 1, colspan = 1) => ({ text, rowspan, colspan });

describe(layoutGrid, () => {
  it('repeats rowspan text in the rows below, in its column', () => {
    const rows = layoutGrid([
      [cell('group', 3), cell('a'), cell('1')],
      [cell('b'), cell('2')],
      [cell('c'), cell('3')],
    ]);
    expect(rows).toEqual([
      ['group', 'a', '1'],
      ['group', 'b', '2'],
      ['group', 'c', '3'],
    ]);
  });

  it('reads a colspan cell once and omits the columns it covers', () => {
    const rows = layoutGrid([
      [cell('label', 1, 2), cell('x'), cell('total')],
      [cell('a'), cell('b'), cell('5', 1, 2)],
    ]);
    expect(rows).toEqual([
      ['label', 'x', 'total'],
      ['a', 'b', '5'],
    ]);
  });

  it('places cells after a rowspan from the row above in the next free column', () => {
    const rows = layoutGrid([
      [cell('h', 2), cell('top', 1, 2)],
      [cell('l'), cell('r')],
    ]);
    expect(rows).toEqual([
      ['h', 'top'],
      ['h', 'l', 'r'],
    ]);
  });

  it('keeps real empty cells as empty strings', () => {
    expect(layoutGrid([[cell('a'), cell(''), cell('1')]])).toEqual([['a', '', '1']]);
  });

  it('clips rowspan="0" and overlong spans to the table', () => {
    const rows = layoutGrid([[cell('all', 0), cell('1')], [cell('2')]]);
    expect(rows).toEqual([
      ['all', '1'],
      ['all', '2'],
    ]);
    expect(layoutGrid([[cell('x', 99)]])).toEqual([['x']]);
  });
});

describe(spanAttr, () => {
  it('reads digits, defaults to 1 and caps', () => {
    expect(spanAttr('3', 10)).toBe(3);
    expect(spanAttr(undefined, 10)).toBe(1);
    expect(spanAttr('abc', 10)).toBe(1);
    expect(spanAttr('-2', 10)).toBe(1);
    expect(spanAttr('5000', 1000)).toBe(1000);
    expect(spanAttr('0', 10)).toBe(0);
  });
});
