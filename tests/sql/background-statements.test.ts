/**
 * The late build's long statements run in the background a step at a time (src/db/background.ts)
 * only when they bind no value: a bound value added to one would quietly put it back in one go.
 */
import { describe, expect, it } from 'vitest';
import { sqlChar } from '../../src/sql/bound';
import { buildCoverage, buildUnitFacts, buildUnits } from '../../src/sql/derived';

describe('background statements', () => {
  it('bind no value', () => {
    for (const q of [buildUnitFacts(), buildCoverage(), buildUnits()]) expect(q.params).toEqual([]);
  });

  it('write a separator as a constant character', () => {
    expect(sqlChar('\u001d')).toBe('chr(29)');
    expect(sqlChar('\uFFFD')).toBe('chr(65533)');
    expect(() => sqlChar('ab')).toThrow();
    expect(() => sqlChar('')).toThrow();
  });
});
