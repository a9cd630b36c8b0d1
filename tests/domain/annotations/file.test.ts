import { describe, expect, it } from 'vitest';
import {
  type Annotations,
  MAX_FILE_CHARS,
  mergeAnnotations,
  parseAnnotationsFile,
  toAnnotationsFile,
} from '../../../src/domain/annotations';

const A: Annotations = {
  reviews: [
    {
      reportId: 'r1',
      rule: 'table3.outcome_sum',
      location: 'table3.*.natural_person',
      status: 'confirmed',
      note: '原表（七）总计写错',
      date: '2026-12-06T09:00:00.000Z',
    },
  ],
  corrections: [
    {
      reportId: 'r1',
      table: 'table3',
      row: 'total_handled',
      col: 'natural_person',
      printed: 20,
      corrected: 26,
      reason: '各项之和为 26',
      date: '2026-12-06T09:01:00.000Z',
    },
  ],
};

describe('annotations file', () => {
  it('round-trips', () => {
    expect(parseAnnotationsFile(toAnnotationsFile(A))).toEqual({ ok: true, value: A });
  });

  it('refuses what is not an annotations file, naming the problem', () => {
    const bad = (text: string) => {
      const r = parseAnnotationsFile(text);
      return r.ok ? 'ok' : r.reason;
    };
    expect(bad('{')).toBe('not JSON');
    expect(bad('[]')).toBe('the file is not an object');
    expect(bad('{"format":"x","version":1}')).toMatch(/^not an annotations file/);
    const doc = JSON.parse(toAnnotationsFile(A));
    expect(bad(JSON.stringify({ ...doc, version: 2 }))).toBe('version 2 is not 1');
    expect(bad(JSON.stringify({ ...doc, reviews: [{ ...doc.reviews[0], status: 'maybe' }] }))).toBe(
      'reviews[0]: status is not one of confirmed, dismissed',
    );
    expect(bad(JSON.stringify({ ...doc, corrections: [{ ...doc.corrections[0], corrected: '26' }] }))).toBe(
      'corrections[0]: corrected is not a number',
    );
    expect(
      bad(JSON.stringify({ ...doc, corrections: [{ ...doc.corrections[0], table: '__proto__' }] })),
    ).toMatch(/table is not one of/);
    expect(bad(JSON.stringify({ ...doc, reviews: [{ ...doc.reviews[0], date: 'yesterday' }] }))).toBe(
      'reviews[0]: date is not a date',
    );
    expect(bad(' '.repeat(MAX_FILE_CHARS + 1))).toMatch(/^larger than/);
  });

  it('does not read inherited keys of a hostile object', () => {
    const doc = JSON.parse(toAnnotationsFile(A));
    const r = doc.reviews[0];
    delete r.note;
    const text = JSON.stringify(doc).replace('"reviews":[{', '"reviews":[{"__proto__":{"note":"x"},');
    const parsed = parseAnnotationsFile(text);
    expect(parsed.ok).toBe(false);
  });
});

describe(mergeAnnotations, () => {
  it('keeps both sides and, for one check or cell, the later decision', () => {
    const older = { ...A.reviews[0]!, status: 'dismissed' as const, date: '2026-01-01T00:00:00Z' };
    const other = { ...A.reviews[0]!, reportId: 'r2' };
    const merged = mergeAnnotations(A, { reviews: [older, other], corrections: [] });
    expect(merged.reviews.map((r) => [r.reportId, r.status])).toEqual([
      ['r1', 'confirmed'],
      ['r2', 'confirmed'],
    ]);
    expect(merged.corrections).toEqual(A.corrections);
    const newer = { ...A.corrections[0]!, corrected: 27, date: '2026-12-07T00:00:00Z' };
    expect(mergeAnnotations(A, { reviews: [], corrections: [newer] }).corrections[0]!.corrected).toBe(27);
  });
});
