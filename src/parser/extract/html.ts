import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { DocKind, DocLine, ExtractedDocument } from '../document';
import { layoutGrid, type SpanCell, spanAttr } from './html-grid';
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
  const dom = parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  const out = new LineCollector();
  const title = findFirst(dom.children, 'title');
  if (title) {
    out.append(textOf(title));
    out.flush();
  }
  walk(dom.children, out);
  out.flush();
  return { kind, lines: out.lines, text: linesToText(out.lines) };
}

class LineCollector {
  readonly lines: DocLine[] = [];
  private buffer = '';
  private tables = 0;

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

const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'form',
  'nav',
  'aside',
  'map',
  'audio',
  'video',
]);

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

function walk(nodes: readonly ChildNode[], out: LineCollector): void {
  for (const node of nodes) {
    if (isText(node)) {
      out.append(node.data);
      continue;
    }
    if (!isTag(node) || isDropped(node)) continue;
    if (node.name === 'br') {
      out.flush();
      continue;
    }
    if (node.name === 'table' && !isLayoutTable(node)) {
      out.flush();
      const caption = childElements(node).find((c) => c.name === 'caption');
      if (caption) {
        out.append(textOf(caption));
        out.flush();
      }
      out.table(layoutGrid(tableRows(node)));
      continue;
    }
    const block = BLOCKS.has(node.name);
    if (block) out.flush();
    walk(node.children, out);
    if (block) out.flush();
  }
}

function isDropped(el: Element): boolean {
  if (SKIPPED.has(el.name)) return true;
  const attrs = el.attribs;
  if ('hidden' in attrs || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '')) return true;
  const chromeTag = el.name === 'header' || el.name === 'footer';
  const chromeName = `${attrs.class ?? ''} ${attrs.id ?? ''}`.split(/\s+/).some((w) => CHROME.test(w));
  if (!chromeTag && !chromeName) return false;
  // A wrapper that happens to be called "header" but holds the report's tables is content.
  return findFirst(el.children, 'table') === undefined;
}

function isLayoutTable(table: Element): boolean {
  return tableRows(table, true).length === 0 && findFirst(table.children, 'table') !== undefined;
}

/**
 * The rows of `table` (not of tables nested in it) as spanning cells. With `strict`, a row
 * that contains a nested table makes the whole table count as layout (returns []).
 */
function tableRows(table: Element, strict = false): SpanCell[][] {
  const rows: SpanCell[][] = [];
  for (const tr of ownRows(table)) {
    const cells: SpanCell[] = [];
    for (const td of childElements(tr)) {
      if (td.name !== 'td' && td.name !== 'th') continue;
      if (strict && findFirst(td.children, 'table')) return [];
      cells.push({
        text: cellText(td),
        rowspan: spanAttr(td.attribs.rowspan, 65534),
        colspan: Math.max(1, spanAttr(td.attribs.colspan, 1000)),
      });
    }
    rows.push(cells);
  }
  return rows;
}

function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      rows.push(...childElements(child).filter((c) => c.name === 'tr'));
    }
  }
  return rows;
}

/** A cell's text; line breaks and paragraphs inside the cell are joined softly (no space between CJK). */
function cellText(td: Element): string {
  const pieces: string[] = [''];
  const visit = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) pieces[pieces.length - 1] += node.data;
      else if (isTag(node) && !isDropped(node)) {
        const breaks = node.name === 'br' || BLOCKS.has(node.name);
        if (breaks) pieces.push('');
        visit(node.children);
        if (breaks) pieces.push('');
      }
    }
  };
  visit(td.children);
  return pieces.map(cleanText).reduce(joinSoft, '');
}

function textOf(el: Element): string {
  let s = '';
  const visit = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) s += node.data;
      else if (isTag(node)) visit(node.children);
    }
  };
  visit(el.children);
  return s;
}

function childElements(el: Element): Element[] {
  return el.children.filter(isTag);
}

function findFirst(nodes: readonly ChildNode[], name: string): Element | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === name) return node;
    const found = findFirst(node.children, name);
    if (found) return found;
  }
  return undefined;
}
