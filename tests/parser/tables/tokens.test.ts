import { describe, expect, it } from 'vitest';
import type { DocLine } from '../../../src/parser/document';
import { type Token, tokenizeLine } from '../../../src/parser/tables/tokens';

function tokens(line: string, origin: DocLine['origin'] = 'text'): string[] {
  const out: Token[] = [];
  tokenizeLine(out, { cells: origin === 'text' ? [line] : line.split('¦'), origin }, 0);
  return out.map((t) => (t.kind === 'label' ? `L:${t.text}` : `V:${t.raw}`));
}

describe('tokenizeLine', () => {
  it('splits tab rows keeping empty cells', () => {
    expect(tokens('\t(一)予以公开\t5\t\t0')).toEqual(['V:', 'L:(一)予以公开', 'V:5', 'V:', 'V:0']);
  });

  it('reads markdown pipe rows and web-text "cell |" terminators', () => {
    expect(tokens('| 规章 | 0 |  |')).toEqual(['L:规章', 'V:0', 'V:']);
    expect(tokens('56 |')).toEqual(['V:56']);
    expect(tokens('|')).toEqual(['V:']);
    expect(tokens('||')).toEqual(['V:', 'V:']);
    expect(tokens('|---|---|')).toEqual([]);
  });

  it('merges label words on one row and separates space-separated values', () => {
    expect(tokens('(四)无法提供 1.本机关不掌握相关政府信息 31 0 -1 2.5')).toEqual([
      'L:(四)无法提供 1.本机关不掌握相关政府信息',
      'V:31',
      'V:0',
      'V:-1',
      'V:2.5',
    ]);
  });

  it('cuts run-together text and digits, leaving list numbers with their label', () => {
    expect(tokens('信息00000002.其他法律1100002(七)总计')).toEqual([
      'L:信息',
      'V:0000000',
      'L:2.其他法律',
      'V:1100002',
      'L:(七)总计',
    ]);
    expect(tokens('行政处罚2648-18538')).toEqual(['L:行政处罚', 'V:2648', 'V:-18538']);
  });

  it('drops page footers and keeps blank markers', () => {
    expect(tokens('- 3 -')).toEqual([]);
    expect(tokens('— 12 —')).toEqual([]);
    expect(tokens('/ - — 0')).toEqual(['V:/', 'V:-', 'V:—', 'V:0']);
  });

  it('keeps html/pdf cells as cells: labels with digits stay labels, notes after a figure are dropped', () => {
    expect(tokens('数据1¦22(其中修订16件)¦0 0 1¦', 'table')).toEqual([
      'L:数据1',
      'V:22',
      'V:0',
      'V:0',
      'V:1',
      'V:',
    ]);
  });
});
