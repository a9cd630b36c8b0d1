/**
 * A standalone SVG of a recharts chart: the chart's own <svg>, framed with its title above and
 * its source line below, with a white background and explicit fonts so it renders the same
 * outside the page.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";
const TITLE_H = 36;
const FOOT_H = 28;

export interface FramedSvg {
  markup: string;
  width: number;
  height: number;
}

function text(doc: Document, x: number, y: number, size: number, content: string, weight = 'normal') {
  const el = doc.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.setAttribute('font-size', String(size));
  el.setAttribute('font-family', FONT);
  el.setAttribute('font-weight', weight);
  el.setAttribute('fill', '#111');
  el.textContent = content;
  return el;
}

/** Serialise `chart` (the recharts <svg>) with a title and a source line. */
export function frameSvg(chart: SVGSVGElement, title: string, source: string): FramedSvg {
  const box = chart.getBoundingClientRect();
  const width = Math.ceil(box.width || Number(chart.getAttribute('width')) || 800);
  const chartH = Math.ceil(box.height || Number(chart.getAttribute('height')) || 400);
  const height = TITLE_H + chartH + FOOT_H;
  const doc = chart.ownerDocument;
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', FONT);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#fff');
  root.append(bg, text(doc, 12, 24, 16, title, 'bold'));
  const inner = chart.cloneNode(true) as SVGSVGElement;
  inner.setAttribute('x', '0');
  inner.setAttribute('y', String(TITLE_H));
  inner.setAttribute('width', String(width));
  inner.setAttribute('height', String(chartH));
  root.append(inner, text(doc, 12, height - 10, 11, source));
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
