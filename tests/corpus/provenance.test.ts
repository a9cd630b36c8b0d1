/**
 * Per-cell provenance over the whole corpus (every report file, all formats): for each cell the
 * parser says it read from one printed figure, the text at the recorded place (line, cell, span of
 * the extracted document) is that figure. Cells split out of run-together digits have no single
 * place and are not recorded; the share recorded is printed for the report. For PDFs the recorded
 * page and box are checked too: PDFium's bounded-text call reads the figure's digits back from the
 * text layer inside the box (scans: a box on a page, since a scan has no text layer to read).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotAReportError } from '../../src/parser/document';
import { extractDocument } from '../../src/parser/extract';
import { parseDocument } from '../../src/parser/parse';
import { corpusPresent } from '../corpus-present';
import { pdfTextAt } from './pdf-text-at';

const reports = path.resolve(import.meta.dirname, '../../../shared/corpus/reports');
const hasCorpus = corpusPresent(reports, 'provenance tests');
const files = hasCorpus ? readdirSync(reports).filter((f) => /\.(txt|html?|pdf|docx?)$/i.test(f)) : [];

const digits = (text: string): string => text.replace(/[^\d]/g, '');

/** The figure a printed text stands for ("1,234" → 1234, "95件" → 95). */
function figure(text: string): number | null {
  const m = /[-+]?\d[\d,]*(?:\.\d+)?/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : null;
}

describe.skipIf(!hasCorpus)('provenance over the corpus', () => {
  const summary: string[] = [];
  const coverage = new Map<string, [number, number]>();
  // Scanned copies go through OCR on every page: minutes under load, not the unit default.
  it.each(files)(
    '%s: every recorded place prints its cell',
    async (file) => {
      let doc: Awaited<ReturnType<typeof extractDocument>>;
      try {
        doc = await extractDocument(new Uint8Array(readFileSync(path.join(reports, file))), file);
      } catch (e) {
        // A file the parser refuses (a scan without OCR here) has no cells, hence no places.
        if (e instanceof NotAReportError) return;
        throw e;
      }
      const out = parseDocument(doc, file);
      if (!out.ok) return;
      const { report, src = {} } = out;
      // A PDF with a text layer: PDFium reads back what its text layer holds in each recorded box.
      const pdf =
        doc.kind === 'pdf' ? await pdfTextAt(new Uint8Array(readFileSync(path.join(reports, file)))) : null;
      let boxed = 0;
      let cells = 0;
      for (const table of ['table3', 'table4'] as const) {
        for (const [row, rec] of Object.entries(report[table])) {
          for (const [col, value] of Object.entries(rec)) {
            cells++;
            const at = src[`${table}.${row}.${col}`];
            if (!at) continue;
            const text = doc.lines[at.line]?.cells[at.cell]?.slice(at.start, at.end);
            expect(text, `${file} ${table}.${row}.${col}`).toBeDefined();
            if (value === null)
              expect(text, `${file} ${table}.${row}.${col}`).toBe(report.raw[`${table}.${row}.${col}`] ?? '');
            else expect(figure(text!), `${file} ${table}.${row}.${col} "${text}"`).toBe(value);
            if (doc.kind !== 'pdf' && doc.kind !== 'ocr') continue;
            // PDFs and scans: a page and a box on it, for every cell with a place.
            expect(at.page, `${file} ${table}.${row}.${col} page`).toBeGreaterThan(0);
            const box = at.box!;
            expect(box, `${file} ${table}.${row}.${col} box`).toBeDefined();
            expect(box[2] > box[0] && box[3] > box[1], `${file} ${table}.${row}.${col} box ${box}`).toBe(
              true,
            );
            boxed++;
            if (pdf) {
              const inBox = pdf.textAt(at.page!, box);
              expect(digits(inBox), `${file} ${table}.${row}.${col} box ${box} holds "${inBox}"`).toBe(
                digits(text!),
              );
            }
          }
        }
      }
      pdf?.close();
      if (doc.kind === 'pdf' || doc.kind === 'ocr')
        expect(boxed, `${file}: cells with a box`).toBeGreaterThan(0);
      summary.push(`${file}: ${Object.keys(src).length}/${cells}`);
      coverage.set(file, [Object.keys(src).length, cells]);
    },
    900_000,
  );
  it('records a place for every cell of the grid formats (HTML tables, the PDF)', () => {
    console.log(`provenance recorded (cells with a place / cells):\n${summary.join('\n')}`);
    const grid = [...coverage].filter(([f]) => /\.(html?|pdf|doc)$/i.test(f));
    expect(grid.length).toBeGreaterThan(0);
    for (const [f, [placed, cells]] of grid) expect([f, placed]).toEqual([f, cells]);
  });
});
