import { describe, expect, it } from 'vitest';
import { parseSourceIndex, parseSourceTable } from '../../cli/lib/sources';

describe(parseSourceTable, () => {
  it('takes the URL after "Source:" in the file row, and repeats it for "as above"', () => {
    const md = [
      '| file | unit | notes |',
      '|---|---|---|',
      '| a_2019.html | A | original page. Source: https://www.example.gov.cn (archived elsewhere) |',
      '| a_2020.html | A | Source: as above |',
      '| b_2022.txt | B | Source: http://x.gov.cn/1.htm |',
      '| c_2021.txt | C | Source: web page excerpt (URL not kept) |',
      '| d_2021.txt | D | Source: github:owner/repo:path/file.md |',
    ].join('\n');
    expect(Object.fromEntries(parseSourceTable(md))).toEqual({
      'a_2019.html': 'https://www.example.gov.cn',
      'a_2020.html': 'https://www.example.gov.cn',
      'b_2022.txt': 'http://x.gov.cn/1.htm',
      'd_2021.txt': 'github:owner/repo:path/file.md',
    });
  });
});

describe(parseSourceIndex, () => {
  it('takes the source column of INDEX.tsv by its header, skipping rows without a URL', () => {
    const tsv = [
      'file\tunit\tyear\tsource\tnote',
      'a_2019.txt\tA\t2019\tgithub:o/r:x y/page.txt\tok',
      'b.txt\tB\t2020\t-\t',
      '',
    ].join('\n');
    expect(Object.fromEntries(parseSourceIndex(tsv))).toEqual({ 'a_2019.txt': 'github:o/r:x y/page.txt' });
  });
});
