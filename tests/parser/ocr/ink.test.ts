import { describe, expect, it } from 'vitest';
import { despeckle } from '../../../src/parser/ocr/ink';

/** A mask from rows of '#' (ink) and '.' (paper). */
function mask(rows: string[]): Uint8Array {
  return Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0));
}

describe(despeckle, () => {
  it('removes components smaller than minArea and keeps larger ones whole, diagonals joined', () => {
    const m = mask([
      '#.....', //
      '....##',
      '...##.',
      '..##..',
    ]);
    despeckle(m, 6, 4, 3);
    expect(m).toEqual(
      mask([
        '......', //
        '....##',
        '...##.',
        '..##..',
      ]),
    );
  });

  it('keeps a component exactly minArea pixels large and removes one pixel less', () => {
    const kept = mask(['##.', '#..']);
    despeckle(kept, 3, 2, 3);
    expect(kept).toEqual(mask(['##.', '#..']));
    const gone = mask(['##.', '...']);
    despeckle(gone, 3, 2, 3);
    expect(gone).toEqual(mask(['...', '...']));
  });
});
