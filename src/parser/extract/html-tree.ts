import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import { LimitExceeded, limitRefusal, MAX_HTML_DEPTH, MAX_OPEN_ELEMENTS } from './limits';

/**
 * A light element tree built from htmlparser2's streaming callbacks. domhandler's full DOM
 * (parent/sibling links, positions, class-field initialisers on every node) cost more than the
 * tokenizer itself on Word-exported pages, where 95% of the bytes are style attributes and
 * chrome; this keeps only what the extractor reads.
 */
export interface HtmlElement {
  name: string;
  attribs: Record<string, string>;
  /** Element children and text (raw: entities not decoded yet, see `decodeText`). */
  children: HtmlNode[];
  /** Whether a `<table>` occurs anywhere below this element. */
  hasTable: boolean;
  /** Hidden by the `hidden` attribute, `display:none` or `visibility:hidden`: never shown, never read. */
  hidden: boolean;
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

/**
 * The only attributes the extractor reads; the rest (mostly Word's inline styles) are not kept.
 * A switch, not a Set: hashing a fresh name string per attribute showed up in profiles.
 */
function isKept(name: string): boolean {
  switch (name) {
    case 'class':
    case 'id':
    case 'rowspan':
    case 'colspan':
      return true;
    default:
      return false;
  }
}

/**
 * Parses `html` into a light tree. Scripts, styles, forms and embedded objects are left out
 * with their whole subtree. Implied end tags follow htmlparser2 (a new `<td>` closes the open
 * one). Entities are decoded in text only.
 *
 * Depth is bounded like Blink's parser does it: an element opened below MAX_HTML_DEPTH is
 * attached to the element at that depth, with its content, so no reader of the tree (all
 * recursive) can run out of stack; past MAX_OPEN_ELEMENTS open at once the page is refused
 * (LimitExceeded), before htmlparser2's own stack makes the parse quadratic.
 */
export function parseHtmlTree(html: string): HtmlTree {
  const root: HtmlElement = { name: '#root', attribs: {}, children: [], hasTable: false, hidden: false };
  const stack: HtmlElement[] = [root];
  // Where new nodes go: the innermost open element, or the one at the depth bound.
  const container = () => stack[Math.min(stack.length - 1, MAX_HTML_DEPTH)]!;
  let skipDepth = 0;
  let title: string | undefined;
  let inTitle = false;
  // The element whose start tag is being read: attributes arrive after its name.
  let opening: HtmlElement | undefined;

  const parser = new Parser(
    {
      // onopentagname + onattribute instead of onopentag: htmlparser2 then builds no attribute
      // object per tag, and only the attributes we read are kept.
      onopentagname(name) {
        opening = undefined;
        if (name === 'title' && title === undefined) {
          inTitle = true;
          title = '';
        }
        if (stack.length + skipDepth > MAX_OPEN_ELEMENTS) throw new LimitExceeded(limitRefusal.depth());
        if (skipDepth > 0 || SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        opening = { name, attribs: {}, children: [], hasTable: false, hidden: false };
        container().children.push(opening);
        stack.push(opening);
      },
      onattribute(name, value) {
        if (opening === undefined) return;
        if (name === 'hidden' || (name === 'style' && isHiddenStyle(value))) opening.hidden = true;
        else if (isKept(name) && opening.attribs[name] === undefined) opening.attribs[name] = value;
      },
      ontext(data) {
        opening = undefined;
        if (inTitle) title += data;
        if (skipDepth === 0) container().children.push(data);
      },
      onclosetag(name) {
        opening = undefined;
        if (name === 'title') inTitle = false;
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        const el = stack.pop()!;
        const parent = container();
        if (el.name === 'table' || el.hasTable) parent.hasTable = true;
      },
    },
    // Entities are decoded later, in the text that is kept (`decodeText`): decoding inside every
    // style attribute of a Word export made the tokenizer about twice as slow.
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { root, title: title === undefined ? undefined : decodeText(title) };
}

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHiddenStyle(style: string): boolean {
  return HIDDEN_STYLE.test(style);
}

/** A text node's characters, HTML entities decoded. */
export function decodeText(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}
