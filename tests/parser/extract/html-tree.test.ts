import { describe, expect, it } from 'vitest';
import { type HtmlElement, parseHtmlTree } from '../../../src/parser/extract/html-tree';

const elements = (el: HtmlElement): HtmlElement[] =>
  el.children.filter((c): c is HtmlElement => typeof c !== 'string');

describe(parseHtmlTree, () => {
  it('keeps the title although <head> is dropped, entities decoded', () => {
    const { root, title } = parseHtmlTree(
      '<html><head><title>A &amp; B</title><style>p{}</style></head><body><p>x</p></body></html>',
    );
    expect(title).toBe('A & B');
    expect(elements(elements(root)[0]!).map((e) => e.name)).toEqual(['body']);
  });

  it('drops scripts, styles and forms with their subtree but keeps hidden elements, marked', () => {
    const { root } = parseHtmlTree(
      '<div><script>var a = "<p>no</p>";</script><form><p>no</p></form><p style="color:red; DISPLAY : none">h</p><span hidden>h</span><p>yes</p></div>',
    );
    const div = elements(root)[0]!;
    expect(elements(div).map((e) => [e.name, e.hidden])).toEqual([
      ['p', true],
      ['span', true],
      ['p', false],
    ]);
  });

  it('keeps only the attributes the extractor reads, lower-cased, first one winning', () => {
    const { root } = parseHtmlTree(
      '<TD ROWSPAN="2" colspan=3 class="c" id="i" style="width:1pt" rowspan="9" data-x="y">v</TD>',
    );
    const td = elements(root)[0]!;
    expect(td.attribs).toEqual({ rowspan: '2', colspan: '3', class: 'c', id: 'i' });
  });

  it('marks every ancestor of a table, and closes implied cells', () => {
    const { root } = parseHtmlTree('<div><section><table><tr><td>1<td>2</table></section></div><p>after</p>');
    const [div, p] = elements(root);
    expect(div!.hasTable).toBe(true);
    expect(p!.hasTable).toBe(false);
    const tr = elements(elements(elements(div!)[0]!)[0]!)[0]!;
    expect(elements(tr).map((td) => td.children)).toEqual([['1'], ['2']]);
  });
});
