import type { DocKind, DocLine, ExtractedDocument } from '../document';
import { layoutGrid, type SpanCell, spanAttr } from './html-grid';
import { decodeText, type HtmlElement, type HtmlNode, parseHtmlTree } from './html-tree';
import { GridBudget } from './limits';
import { cleanText, joinSoft, linesToText } from './normalize';

/**
 * HTML → lines, in reading order.
 *
 * - Text blocks (p, div, h1–h6, li, …, and each `<br>`) become `origin: 'text'` lines of one cell.
 * - Each data `<table>` becomes one `origin: 'table'` line per non-empty `<tr>`, numbered by
 *   `table` (0-based, in document order), cells read by {@link layoutGrid}: a rowspan cell's
 *   text is repeated in the rows below, a colspan cell is one cell (its covered columns are
 *   omitted), '' is a real empty cell. Multi-row headers stay as separate rows.
 * - A table whose cells hold other tables is page layout: its cells are read as text blocks and
 *   only the inner tables become grids.
 * - Scripts, styles, forms, hidden elements and site chrome (header/footer/nav/menu/breadcrumb/
 *   search/share… by tag, class or id) are dropped, unless they wrap a table.
 * - `<title>` is kept as the first line: it often names the unit and year.
 */
export function extractHtml(html: string, kind: DocKind = 'html'): ExtractedDocument {
  const { root, title } = parseHtmlTree(html);
  const out = new LineCollector(new GridBudget());
  if (title !== undefined) {
    out.append(title);
    out.flush();
  }
  walk(root.children, out);
  out.flush();
  return { kind, lines: out.lines, text: linesToText(out.lines) };
}

class LineCollector {
  readonly lines: DocLine[] = [];
  private buffer = '';
  private tables = 0;

  constructor(readonly budget: GridBudget) {}

  append(raw: string): void {
    this.buffer += raw;
  }

  flush(): void {
    const text = cleanText(this.buffer);
    this.buffer = '';
    if (text !== '') this.lines.push({ cells: [text], origin: 'text' });
  }

  table(rows: string[][]): void {
    const table = this.tables++;
    for (const cells of rows) {
      if (cells.some((c) => c !== '')) this.lines.push({ cells, origin: 'table', table });
    }
  }
}

const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'td',
  'th',
  'tr',
  'ul',
  'table',
  'tbody',
  'thead',
  'tfoot',
]);

// Class/id words of page chrome on CMS-generated government sites.
const CHROME =
  /(^|[-_])(header|footer|nav|navbar|menu|submenu|breadcrumbs?|crumbs?|banner|search|copyright|share|sidebar|toolbar|login|weather|links|friendlinks|yqlj|foot|top)([-_]|$)/i;

function walk(nodes: readonly HtmlNode[], out: LineCollector): void {
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.append(decodeText(node));
      continue;
    }
    if (isDropped(node)) continue;
    if (node.name === 'br') {
      out.flush();
      continue;
    }
    if (node.name === 'table' && !isLayoutTable(node)) {
      out.flush();
      const caption = node.children.find(
        (c): c is HtmlElement => typeof c !== 'string' && c.name === 'caption',
      );
      if (caption) {
        out.append(textOf(caption));
        out.flush();
      }
      const { rows, groups } = tableRows(node);
      out.table(layoutGrid(rows, groups, out.budget));
      continue;
    }
    const block = BLOCKS.has(node.name);
    if (block) out.flush();
    walk(node.children, out);
    if (block) out.flush();
  }
}

/**
 * Hidden elements, and site chrome by tag or class/id word; a wrapper that happens to be
 * called "header" but holds the report's tables is content.
 */
function isDropped(el: HtmlElement): boolean {
  if (el.hidden) return true;
  if (el.hasTable) return false;
  if (el.name === 'header' || el.name === 'footer') return true;
  const { class: cls, id } = el.attribs;
  if (cls === undefined && id === undefined) return false;
  return `${cls ?? ''} ${id ?? ''}`.split(/\s+/).some((w) => CHROME.test(w));
}

/**
 * A table with a nested table in one of its own cells (or with no rows of its own around a
 * nested table) is page layout: its cells are read as text blocks.
 */
function isLayoutTable(table: HtmlElement): boolean {
  if (!table.hasTable) return false;
  const rows = ownRows(table);
  return rows.length === 0 || rows.some(({ tr }) => elements(tr).some((td) => isCell(td) && td.hasTable));
}

/** The rows of `table` (not of tables nested in it) as spanning cells, with each row's group. */
function tableRows(table: HtmlElement): { rows: SpanCell[][]; groups: number[] } {
  const own = ownRows(table);
  const rows = own.map(({ tr }) =>
    elements(tr)
      .filter(isCell)
      .map((td) => ({
        text: cellText(td),
        rowspan: spanAttr(td.attribs.rowspan, 65534),
        colspan: Math.max(1, spanAttr(td.attribs.colspan, 1000)),
      })),
  );
  return { rows, groups: own.map((r) => r.group) };
}

function isCell(el: HtmlElement): boolean {
  return el.name === 'td' || el.name === 'th';
}

/**
 * The table's own rows, each with its row group: a thead/tbody/tfoot is one group, and so is
 * each run of bare `<tr>` between them (the implied tbody).
 */
function ownRows(table: HtmlElement): { tr: HtmlElement; group: number }[] {
  const rows: { tr: HtmlElement; group: number }[] = [];
  let group = 0;
  let bare = false;
  for (const child of elements(table)) {
    if (child.name === 'tr') {
      if (!bare) group++;
      bare = true;
      rows.push({ tr: child, group });
    } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      bare = false;
      group++;
      for (const tr of elements(child)) if (tr.name === 'tr') rows.push({ tr, group });
    }
  }
  return rows;
}

/** A cell's text; line breaks and paragraphs inside the cell are joined softly (no space between CJK). */
function cellText(td: HtmlElement): string {
  const pieces = [''];
  collectPieces(td.children, pieces);
  let text = '';
  for (const piece of pieces) text = joinSoft(text, cleanText(piece));
  return text;
}

// Module-level recursion, not closures per cell: cells are the bulk of a report page.
function collectPieces(nodes: readonly HtmlNode[], pieces: string[]): void {
  for (const node of nodes) {
    if (typeof node === 'string') {
      pieces[pieces.length - 1] += decodeText(node);
    } else if (!isDropped(node)) {
      const breaks = node.name === 'br' || BLOCKS.has(node.name);
      // An empty piece joins as nothing, so consecutive breaks need not start new ones.
      if (breaks && pieces.at(-1) !== '') pieces.push('');
      collectPieces(node.children, pieces);
      if (breaks && pieces.at(-1) !== '') pieces.push('');
    }
  }
}

function textOf(el: HtmlElement): string {
  let s = '';
  for (const node of el.children) s += typeof node === 'string' ? decodeText(node) : textOf(node);
  return s;
}

function elements(el: HtmlElement): HtmlElement[] {
  return el.children.filter((c): c is HtmlElement => typeof c !== 'string');
}
