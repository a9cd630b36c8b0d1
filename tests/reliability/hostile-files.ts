/**
 * The crafted files of issue 14, made by test code (never committed): each small on disk and
 * built to break a parser or the import. Shared by the unit, CLI and browser suites.
 */
import { createDeflateRaw } from 'node:zlib';

const enc = new TextEncoder();

/** Issue 14.1: `<tr><td rowspan=0 colspan=1000>x</td></tr>` × `rows` (1,000: 42 KB). */
export function gridBomb(rows = 1000): Uint8Array {
  const row = '<tr><td rowspan=0 colspan=1000>x</td></tr>';
  return enc.encode(
    `<!doctype html><html><head><meta charset="utf-8"><title>grid</title></head><body><table>${row.repeat(rows)}</table></body></html>`,
  );
}

/** Issue 14.9: `depth` nested `<div>`s around a line of text. */
export function deepHtml(depth = 100_000): Uint8Array {
  return enc.encode(
    `<!doctype html><html><body>${'<div>'.repeat(depth)}三、收到和处理政府信息公开申请情况${'</div>'.repeat(depth)}</body></html>`,
  );
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** Raw deflate of `head + body × times + tail`, streamed so the test never holds the inflated text. */
async function deflateRepeated(head: string, body: string, times: number, tail: string): Promise<Uint8Array> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  const block = Buffer.from(body.repeat(Math.max(1, Math.floor((1 << 20) / body.length))));
  const perBlock = Math.max(1, Math.floor((1 << 20) / body.length));
  z.write(head);
  for (let left = times; left > 0; left -= perBlock) {
    const chunk = left >= perBlock ? block : Buffer.from(body.repeat(left));
    if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  }
  z.end(tail);
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/**
 * Issue 14.2: a DOCX whose word/document.xml inflates to `inflatedMb` MB (400: a ~1 MB file).
 * `lie` makes the central directory declare a tiny size, so only the streamed count can catch it.
 */
export async function docxBomb(inflatedMb = 400, lie = false): Promise<Uint8Array> {
  const para = '<w:p><w:r><w:t>一、本年新收政府信息公开申请数量 0</w:t></w:r></w:p>';
  const head = `<?xml version="1.0"?><w:document ${W}><w:body>`;
  const tail = '</w:body></w:document>';
  const times = Math.ceil((inflatedMb * 1024 * 1024) / Buffer.byteLength(para));
  const deflated = await deflateRepeated(head, para, times, tail);
  const inflated = Buffer.byteLength(head) + times * Buffer.byteLength(para) + Buffer.byteLength(tail);
  return zip([
    { name: '[Content_Types].xml', data: enc.encode(CONTENT_TYPES) },
    { name: '_rels/.rels', data: enc.encode(RELS) },
    { name: 'word/document.xml', data: deflated, deflatedFrom: lie ? 1000 : inflated },
  ]);
}

interface ZipPart {
  name: string;
  data: Uint8Array;
  /** Set for deflated data: the uncompressed size to declare. */
  deflatedFrom?: number;
}

/** A ZIP of stored or already-deflated parts (CRCs left 0: JSZip does not check them by default). */
function zip(parts: ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = enc.encode(p.name);
    const method = p.deflatedFrom === undefined ? 0 : 8;
    const size = p.deflatedFrom ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, p.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + p.data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

// ---------------------------------------------------------------- hostile datasets (CSV)

const REPORT_HEADER =
  'report_id,unit,unit_kind,region_code,region_name,province,prefecture,county,level,year,format,source,sha256,parser_version,check_failures';

/** A reports.csv row in the contract's columns; `over` replaces fields by name. */
export function reportsCsv(rows: Record<string, string>[]): string {
  const cols = REPORT_HEADER.split(',');
  const base: Record<string, string> = {
    report_id: 'a1b2c3d4e5f60718',
    unit: '测试导入单位',
    unit_kind: 'government',
    year: '2021',
    format: '2021',
    source: 'test',
    check_failures: '0',
  };
  return `${REPORT_HEADER}\n${rows.map((r) => cols.map((c) => ({ ...base, ...r })[c] ?? '').join(',')).join('\n')}\n`;
}

export const CELLS_HEADER = 'report_id,table,row,col,value,raw';

/** Issue 14.3: a cells row keyed `__proto__` (as row, or as table). */
export const protoRowCsv = `${CELLS_HEADER}\na1b2c3d4e5f60718,table3,__proto__,total,1,\n`;
export const protoTableCsv = `${CELLS_HEADER}\na1b2c3d4e5f60718,__proto__,children,total,,x\n`;

/** Issue 14.5: one cells row for each of `n` distinct report ids (100,000: ~4 MB). */
export function manyIdsCsv(n = 100_000): string {
  const lines = [CELLS_HEADER];
  for (let i = 0; i < n; i++)
    lines.push(`bulk${String(i).padStart(7, '0')},table3,new_received,total,${i % 97},`);
  return `${lines.join('\n')}\n`;
}

/** Issue 14.6: one cells row for a report id already in the data. */
export const collisionCsv = (reportId: string) =>
  `${CELLS_HEADER}\n${reportId},table3,new_received,total,999999,\n`;
