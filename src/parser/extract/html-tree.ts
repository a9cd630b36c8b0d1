import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';

/**
 * A light element tree built from htmlparser2's streaming callbacks. domhandler's full DOM
 * (parent/sibling links, positions, class-field initialisers on every node) cost more than the
 * tokenizer itself on Word-exported pages, where 95% of the bytes are style attributes and
 * chrome; this keeps only what the extractor reads.
 */
export interface HtmlElement {
  name: string;
  attribs: Record<string, string>;
  /** Element children and text (entities decoded, not yet normalised). */
  children: HtmlNode[];
  /** Whether a `<table>` occurs anywhere below this element. */
  hasTable: boolean;
}

export type HtmlNode = HtmlElement | string;

export interface HtmlTree {
  root: HtmlElement;
  /** Text of the first `<title>`, even though `<head>` itself is dropped. */
  title: string | undefined;
}

/** Subtrees never read: no report text lives there, and skipping them saves building nodes. */
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

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isSkipped(name: string, attribs: Record<string, string>): boolean {
  if (SKIPPED.has(name) || 'hidden' in attribs) return true;
  const style = attribs.style;
  return style !== undefined && style.includes(':') && HIDDEN_STYLE.test(style);
}

/**
 * Parses `html` into a light tree. Scripts, styles, forms, embedded objects and hidden
 * elements (the `hidden` attribute, `display:none`, `visibility:hidden`) are left out with
 * their whole subtree. Implied end tags follow htmlparser2 (a new `<td>` closes the open one).
 */
export function parseHtmlTree(html: string): HtmlTree {
  const root: HtmlElement = { name: '#root', attribs: {}, children: [], hasTable: false };
  const stack: HtmlElement[] = [root];
  let skipDepth = 0;
  let title: string | undefined;
  let inTitle = false;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'title' && title === undefined) {
          inTitle = true;
          title = '';
        }
        if (skipDepth > 0 || isSkipped(name, attribs)) {
          skipDepth++;
          return;
        }
        const el: HtmlElement = { name, attribs, children: [], hasTable: false };
        stack.at(-1)!.children.push(el);
        stack.push(el);
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skipDepth > 0) return;
        const children = stack.at(-1)!.children;
        const last = children.length - 1;
        // The tokenizer hands text over in pieces; one string per run keeps the tree small.
        if (last >= 0 && typeof children[last] === 'string') children[last] += data;
        else children.push(data);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        const el = stack.pop()!;
        const parent = stack.at(-1)!;
        if (el.name === 'table' || el.hasTable) parent.hasTable = true;
      },
    },
    // Entities are decoded below, in text only: decoding inside every style attribute of a
    // Word export made the tokenizer twice as slow.
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  decodeTree(root);
  return { root, title: title === undefined ? undefined : decodeText(title) };
}

function decodeTree(el: HtmlElement): void {
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (typeof child === 'string') children[i] = decodeText(child);
    else decodeTree(child);
  }
}

function decodeText(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}
