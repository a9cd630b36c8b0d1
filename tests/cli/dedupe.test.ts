import { describe, expect, it } from 'vitest';
import { type Candidate, duplicateKey, pickOriginals } from '../../cli/lib/dedupe';
import { handReport } from '../dataset/fixtures';

const candidate = (
  file: string,
  unit: string,
  year: number,
  unitKind: string,
  regionCode: string | null,
): Candidate => ({
  file,
  report: handReport({ unit, year }),
  regionCode,
  unitKind,
});

describe(pickOriginals, () => {
  it('keeps the original format (html > pdf > docx > txt) of one government-year', () => {
    const txt = candidate('洪泽区_2024.txt', '洪泽区', 2024, 'government', '320813');
    const pdf = candidate('洪泽区_2024.pdf', '淮安市洪泽区人民政府', 2024, 'government', '320813');
    const { kept, duplicates } = pickOriginals([txt, pdf]);
    expect(kept).toEqual([pdf]);
    expect(duplicates.get(txt)).toBe(pdf);
  });

  it('never lets a copy without figures displace one with figures', () => {
    const html = { ...candidate('p_2021.html', '平潭综合实验区', 2021, 'government', '350128'), figures: 0 };
    const txt = { ...candidate('p_2021.txt', '平潭综合实验区', 2021, 'government', '350128'), figures: 180 };
    expect(pickOriginals([html, txt]).kept).toEqual([txt]);
  });

  it('does not merge two departments of one district, nor two years', () => {
    const a = candidate('a.txt', '雁塔区统计局', 2019, 'department', '610113');
    const b = candidate('b.txt', '雁塔区财政局', 2019, 'department', '610113');
    const c = candidate('c.txt', '雁塔区统计局', 2020, 'department', '610113');
    expect(pickOriginals([a, b, c]).kept).toHaveLength(3);
    expect(duplicateKey(a)).not.toBe(duplicateKey(b));
  });
});
