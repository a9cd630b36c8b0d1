/**
 * A standalone SVG of a recharts chart: the chart's own <svg> framed with what a reader needs
 * when the image travels alone: title, subtitle (filters, year, mode), legend (recharts draws its
 * legend in HTML, outside the <svg>, so it is drawn here again), formula, notes and source line,
 * on a white background with explicit fonts so it renders the same outside the page.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
const PAD = 12;
const LINE = 16;
const SWATCH = 10;

export interface FramedSvg {
  markup: string;
  width: number;
  height: number;
}

export interface LegendItem {
  label: string;
  colour: string;
}

/** What travels with an exported chart. */
export interface ExportMeta {
  title: string;
  /** Filters, year and mode in one line. */
  subtitle?: string;
  legend?: readonly LegendItem[];
  /** The formula line, already labelled ("公式: …"). */
  formula?: string;
  notes?: readonly string[];
  /** Source and dataset. */
  source: string;
}

/** Rough advance of a string: full-width characters are one em, the rest about 0.6 em. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s)
    w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u.test(ch) ? size : size * 0.6;
  return w;
}

/** Break `s` into lines no wider than `max` (by character: Chinese has no spaces to break at). */
export function wrap(s: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of s) {
    if (line !== '' && textWidth(line + ch, size) > max) {
      lines.push(line);
      line = ch.trimStart();
    } else line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

interface Placed {
  x: number;
  y: number;
  w: number;
  item: LegendItem;
}

/** Legend items laid out in rows that fit `max`. */
export function layoutLegend(items: readonly LegendItem[], max: number, size = 12): Placed[] {
  const out: Placed[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const w = SWATCH + 6 + Math.min(textWidth(item.label, size), max - SWATCH - 6) + 16;
    if (x > 0 && x + w > max) {
      x = 0;
      y += LINE + 4;
    }
    out.push({ x, y, w, item });
    x += w;
  }
  return out;
}

function el(doc: Document, name: string, attrs: Record<string, string | number>): Element {
  const e = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

function text(doc: Document, x: number, y: number, size: number, content: string, extra = {}) {
  const t = el(doc, 'text', { x, y, 'font-size': size, 'font-family': FONT, fill: '#111', ...extra });
  t.textContent = content;
  return t;
}

/** Serialise `chart` (the recharts <svg>) framed with `meta`. */
export function frameSvg(chart: SVGSVGElement, meta: ExportMeta): FramedSvg {
  const box = chart.getBoundingClientRect();
  const width = Math.max(320, Math.ceil(box.width || Number(chart.getAttribute('width')) || 800));
  const chartH = Math.ceil(box.height || Number(chart.getAttribute('height')) || 400);
  const inner = width - 2 * PAD;
  const doc = chart.ownerDocument;
  const head: Element[] = [];
  let y = PAD;
  for (const line of wrap(meta.title, 16, inner)) {
    y += 20;
    head.push(text(doc, PAD, y, 16, line, { 'font-weight': 'bold', 'data-role': 'title' }));
  }
  for (const line of meta.subtitle ? wrap(meta.subtitle, 12, inner) : []) {
    y += LINE;
    head.push(text(doc, PAD, y, 12, line, { fill: '#444', 'data-role': 'subtitle' }));
  }
  const chartY = y + 8;
  y = chartY + chartH;
  const foot: Element[] = [];
  const legend = layoutLegend(meta.legend ?? [], inner);
  if (legend.length > 0) {
    const g = el(doc, 'g', { 'data-role': 'legend', transform: `translate(${PAD},${y + 6})` });
    for (const p of legend) {
      g.append(el(doc, 'rect', { x: p.x, y: p.y, width: SWATCH, height: SWATCH, fill: p.item.colour }));
      g.append(text(doc, p.x + SWATCH + 6, p.y + SWATCH, 12, p.item.label));
    }
    foot.push(g);
    y += 6 + (legend.at(-1)?.y ?? 0) + LINE + 4;
  }
  const small = (content: string | undefined, role: string, colour = '#333') => {
    for (const line of content ? wrap(content, 11, inner) : []) {
      y += 15;
      foot.push(text(doc, PAD, y, 11, line, { fill: colour, 'data-role': role }));
    }
  };
  small(meta.formula, 'formula');
  for (const n of meta.notes ?? []) small(n, 'note', '#555');
  small(meta.source, 'source', '#555');
  const height = y + PAD;

  const root = el(doc, 'svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': FONT,
  });
  root.append(el(doc, 'rect', { width: '100%', height: '100%', fill: '#fff' }), ...head);
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(chartY));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartH));
  root.append(clone, ...foot);
  return { markup: new XMLSerializer().serializeToString(root), width, height };
}

/** Rasterise framed SVG markup to PNG at `scale` × its size. */
export async function svgToPng(svg: FramedSvg, scale = 2): Promise<Blob> {
  const img = new Image();
  img.width = svg.width;
  img.height = svg.height;
  // a data: URL keeps the image same-document: no fetch, no tainted canvas
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.markup)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(svg.width * scale);
  canvas.height = Math.round(svg.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, svg.width, svg.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
