import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/parser/extract/html';

const tableLines = (html: string) => extractHtml(html).lines.filter((l) => l.origin === 'table');
const textCells = (html: string) =>
  extractHtml(html)
    .lines.filter((l) => l.origin === 'text')
    .map((l) => l.cells[0]);

describe(extractHtml, () => {
  it('lays out a table with rowspan and colspan', () => {
    const html = `<table>
      <tr><td rowspan="2" colspan="2">项目</td><td colspan="3">申请人情况</td></tr>
      <tr><td>自然人</td><td>法人</td><td>总计</td></tr>
      <tr><td rowspan="2">三、办理结果</td><td>（一）予以公开</td><td>5</td><td>1</td><td>6</td></tr>
      <tr><td>（二）部分公开</td><td>2</td><td></td><td>2</td></tr>
      <tr><td colspan="2">四、结转</td><td>0</td><td>0</td><td>0</td></tr>
    </table>`;
    const lines = tableLines(html);
    expect(lines.map((l) => l.cells)).toEqual([
      ['项目', '申请人情况'],
      ['项目', '自然人', '法人', '总计'],
      ['三、办理结果', '(一)予以公开', '5', '1', '6'],
      ['三、办理结果', '(二)部分公开', '2', '', '2'],
      ['四、结转', '0', '0', '0'],
    ]);
    expect(new Set(lines.map((l) => l.table))).toEqual(new Set([0]));
  });

  it('keeps text and tables in reading order and numbers tables', () => {
    const html = `<body><h1>年度报告</h1><p>一、总体情况</p><table><tr><td>a</td><td>1</td></tr></table>
      <p>二、其他</p><table><tr><td>b</td><td>2</td></tr></table><div>结束</div></body>`;
    const doc = extractHtml(html);
    expect(doc.lines).toEqual([
      { cells: ['年度报告'], origin: 'text' },
      { cells: ['一、总体情况'], origin: 'text' },
      { cells: ['a', '1'], origin: 'table', table: 0 },
      { cells: ['二、其他'], origin: 'text' },
      { cells: ['b', '2'], origin: 'table', table: 1 },
      { cells: ['结束'], origin: 'text' },
    ]);
    expect(doc.text).toBe('年度报告\n一、总体情况\na 1\n二、其他\nb 2\n结束');
  });

  it('gives lines but no table lines for HTML without tables', () => {
    const doc = extractHtml('<html><body><p>第一段</p><p>第二段<br>第三行</p></body></html>');
    expect(doc.lines.map((l) => l.cells)).toEqual([['第一段'], ['第二段'], ['第三行']]);
    expect(doc.lines.some((l) => l.origin === 'table')).toBe(false);
  });

  it('drops scripts, styles, forms, hidden elements and site chrome', () => {
    const html = `<html><head><title>报告_网站</title><style>p{}</style></head><body>
      <div class="header menu_hov"><a>首页</a></div><nav>导航</nav>
      <ul class="breadcrumb"><li>当前位置</li></ul>
      <div class="content"><p>正文</p><script>var x = "<p>脚本</p>";</script>
      <p style="display: none">隐藏</p><form><input value="搜索"><button>搜索</button></form></div>
      <div id="footer">版权所有</div></body></html>`;
    expect(textCells(html)).toEqual(['报告_网站', '正文']);
  });

  it('keeps a chrome-named wrapper that holds a table', () => {
    const html = '<div class="header"><table><tr><td>规章</td><td>3</td></tr></table></div>';
    expect(tableLines(html).map((l) => l.cells)).toEqual([['规章', '3']]);
  });

  it('decodes entities, applies NFKC and collapses whitespace', () => {
    const html =
      '<p>（一）&nbsp;&nbsp;主动公开&amp;解读　　１２３件\n  共计</p><table><tr><td> ４５ </td></tr></table>';
    const doc = extractHtml(html);
    expect(doc.lines[0]!.cells).toEqual(['(一) 主动公开&解读 123件 共计']);
    expect(doc.lines[1]!.cells).toEqual(['45']);
  });

  it('joins lines inside a cell without a space between Chinese characters', () => {
    const html = '<table><tr><td><p>本年新</p><p>制作数量</p></td><td>Total<br>count</td></tr></table>';
    expect(tableLines(html)[0]!.cells).toEqual(['本年新制作数量', 'Total count']);
  });

  it('reads a layout table around a data table as text plus one grid', () => {
    const html = `<table><tr><td><p>标题</p>
      <table><tr><td>行政许可</td><td>12</td></tr></table>
      </td></tr></table>`;
    const doc = extractHtml(html);
    expect(doc.lines).toEqual([
      { cells: ['标题'], origin: 'text' },
      { cells: ['行政许可', '12'], origin: 'table', table: 0 },
    ]);
  });

  it('drops rows whose cells are all empty but keeps rows with empty value cells', () => {
    const html = '<table><tr><td></td><td> </td></tr><tr><td>规章</td><td></td></tr></table>';
    expect(tableLines(html).map((l) => l.cells)).toEqual([['规章', '']]);
  });

  it('reads rows inside thead/tbody/tfoot but not rows of nested tables twice', () => {
    const html =
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>b</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>';
    expect(tableLines(html).map((l) => l.cells)).toEqual([['h'], ['b'], ['f']]);
  });

  it('labels the kind it is told (docx reuses it)', () => {
    expect(extractHtml('<p>x</p>', 'docx').kind).toBe('docx');
  });
});
