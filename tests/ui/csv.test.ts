import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/ui/export/csv';

describe(csvCell, () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });

  it('keeps numbers numeric, negative ones too, and blanks empty', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.125)).toBe('0.125');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('x\ny')).toBe('"x\ny"');
    expect(csvCell('济源市人民政府')).toBe('济源市人民政府');
  });
});

describe(toCsv, () => {
  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    const csv = toCsv({
      header: ['单位', '数值'],
      rows: [
        ['A市', 3],
        ['=cmd', null],
      ],
    });
    expect(csv).toBe("\uFEFF单位,数值\r\nA市,3\r\n'=cmd,\r\n");
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('toCsv with meta lines', () => {
  it('writes label,text lines and a blank line before the table, after the BOM', () => {
    const csv = toCsv({ header: ['单位', '公开率（%）'], rows: [['A市', 12.5]] }, [
      ['标题', '公开率 · 2024'],
      ['条件', '浙江省, 县级'],
    ]);
    expect(csv).toBe(
      '\uFEFF标题,公开率 · 2024\r\n条件,"浙江省, 县级"\r\n\r\n单位,公开率（%）\r\nA市,12.5\r\n',
    );
  });
});
