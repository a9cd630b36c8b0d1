/**
 * The bad file classes of issue 5, generated into a temp folder (never committed): each with
 * the words its message must contain. Shared by the CLI, the Node import pipeline and e2e tests.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Float64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import * as pq from 'parquet-wasm/node';
import { rowsToIpc } from '../../src/import/arrow';
import { Rng } from '../../src/synth/prng';
import { hasCorpus, reportsDir } from '../reliability/corpus';

export interface BadFile {
  /** What the class is, for test titles. */
  label: string;
  name: string;
  path: string;
  /** Lower-case words, one of which the message must contain. */
  expect: RegExp;
}

export const parquetOf = (table: Parameters<typeof rowsToIpc>[0], rows: object[]): Uint8Array =>
  pq.writeParquet(pq.Table.fromIPCStream(rowsToIpc(table, rows)));

const reportRow = {
  report_id: 'bad-0001',
  unit: '测试单位',
  unit_kind: 'government',
  region_code: null,
  region_name: null,
  province: null,
  prefecture: null,
  county: null,
  level: null,
  year: 2021,
  format: '2021',
  source: 'test',
  sha256: '0'.repeat(64),
  parser_version: 'test',
  check_failures: 0,
};

/** A PDF whose one page holds only a filled rectangle: valid, but no text layer (like a scan). */
export function pdfWithoutText(): Uint8Array {
  const content = '0.2 0.4 0.8 rg 72 72 300 400 re f\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A corpus report cut off inside table 三 (after its first rows). */
export function cutOffReport(): { name: string; bytes: Uint8Array } | null {
  if (!hasCorpus) return null;
  const name = '济源市_2019.txt';
  const text = readFileSync(path.join(reportsDir, name), 'utf8');
  const at = text.indexOf('予以公开');
  if (at < 0) return null;
  return { name: `cut_${name}`, bytes: new TextEncoder().encode(text.slice(0, at + 40)) };
}

export const HUNDRED_MB = 100 * 1024 * 1024;

export function makeBadFiles(options: { big?: boolean } = {}): { dir: string; files: BadFile[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bad-inputs-'));
  const files: BadFile[] = [];
  const add = (label: string, name: string, bytes: Uint8Array, expect: RegExp) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    files.push({ label, name, path: p, expect });
  };
  const rng = new Rng(42);
  add('empty file', 'empty.txt', new Uint8Array(0), /empty|空文件/);
  add(
    'binary junk',
    'junk.html',
    Uint8Array.from({ length: 4096 }, () => rng.int(0, 255)),
    /binary|not a|undecodable|二进制|无法解码/,
  );
  const good = parquetOf('reports', [reportRow]);
  add('truncated Parquet', 'reports.parquet', good.slice(0, Math.floor(good.length / 2)), /parquet/);
  const corrupt = good.slice();
  for (let i = 8; i < corrupt.length - 8; i += 3) corrupt[i] = 0xff - corrupt[i]!;
  add('corrupt Parquet', 'cells.parquet', corrupt, /parquet|corrupt/);
  add('Parquet with the wrong schema', 'wrong-schema.parquet', wrongSchemaParquet(), /schema|结构不符/);
  add('PDF without a text layer', 'scanned.pdf', pdfWithoutText(), /text layer|scan|no text|ocr|文字层/);
  add(
    'HTML without tables',
    'no-tables.html',
    new TextEncoder().encode(
      '<!doctype html><html><head><meta charset="utf-8"><title>通知</title></head><body><h1>关于开展工作的通知</h1><p>各单位：请按要求报送材料。</p></body></html>',
    ),
    /table|三/,
  );
  const cut = cutOffReport();
  if (cut) add('report with its tables cut off', cut.name, cut.bytes, /incomplete|不完整|table/);
  if (options.big) {
    // Sparse on disk; what matters is that nobody reads 100 MB twice to refuse it.
    const p = path.join(dir, 'huge.txt');
    const fd = openSync(p, 'w');
    writeSync(fd, 'x', HUNDRED_MB - 1);
    closeSync(fd);
    files.push({
      label: 'a 100 MB file',
      name: 'huge.txt',
      path: p,
      expect: /too large|binary|not a report|文件过大/,
    });
  }
  return { dir, files };
}

/** A Parquet file whose columns are not the contract's: a spreadsheet someone saved. */
function wrongSchemaParquet(): Uint8Array {
  const t = new Table({
    名称: vectorFromArray(['甲'], new Utf8()),
    数量: vectorFromArray([1], new Float64()),
  });
  return pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(t, 'stream')));
}
