import { type ExtractedDocument, NotAReportError } from '../document';
import { linesToText } from './normalize';
import { buildPdfLines, type PdfItem, type PdfPage } from './pdf-lines';
import { loadPdfJs } from './pdfjs';

/**
 * PDF → lines, from the text layer's positioned runs (see `buildPdfLines` for the layout
 * rules). Fonts are neither loaded as font faces nor fetched; a PDF without any text
 * (a scan) or that pdf.js cannot open is a NotAReportError with a one-line reason.
 */
export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  const { lib, cMapUrl } = await loadPdfJs();
  const task = lib.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; keep the caller's bytes intact.
    data: bytes.slice(),
    cMapUrl,
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw new NotAReportError(fileName, openFailure(error));
    });
    const pages: PdfPage[] = [];
    const end = new EndOfTables();
    for (let n = 1; n <= doc.numPages && !end.reached; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: true });
      // Positions as displayed (y turned back up): a landscape page stored as portrait with
      // /Rotate 90 then reads left to right like any other.
      const viewport = page.getViewport({ scale: 1 });
      const items: PdfItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , c, d, x, y] = lib.Util.transform(viewport.transform, item.transform as number[]);
        items.push({
          str: item.str,
          x: x!,
          y: viewport.height - y!,
          width: item.width,
          size: Math.hypot(c!, d!),
        });
      }
      pages.push({ items, height: viewport.height });
      end.see(items);
      page.cleanup();
    }
    if (pages.every((p) => p.items.length === 0)) {
      throw new NotAReportError(fileName, 'PDF has no text layer (scanned?)');
    }
    const lines = buildPdfLines(pages);
    return { kind: 'pdf', lines, text: linesToText(lines) };
  } catch (error) {
    if (error instanceof NotAReportError) throw error;
    throw new NotAReportError(fileName, `PDF could not be read (${firstLine(error)})`);
  } finally {
    await task.destroy();
  }
}

// The standard section headings around table 四: "四、政府信息公开行政复议、行政诉讼情况" and the
// "五、…" section that follows it (存在的主要问题及改进情况).
const TABLE4_SECTION = /四\s*[、.．]\s*政府信息公开行政复议/;
const NEXT_SECTION = /五\s*[、.．]/;

/**
 * Whether the pages read so far already hold everything the parser uses: the prose before the
 * tables (title, unit, narrative totals) and tables 二–四. Pages after the "五、" heading that
 * follows table 四 are only conclusions; skipping them saves a fifth of a typical PDF's time.
 * Judged on raw run text in content order; when the headings are not found, every page is read.
 */
class EndOfTables {
  reached = false;
  private inTable4 = false;

  see(items: readonly PdfItem[]): void {
    let text = items.map((it) => it.str).join('');
    if (!this.inTable4) {
      const at = text.search(TABLE4_SECTION);
      if (at < 0) return;
      this.inTable4 = true;
      text = text.slice(at);
    }
    this.reached = NEXT_SECTION.test(text);
  }
}

function openFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'PDF is password-protected';
  if (name === 'InvalidPDFException') return 'damaged or truncated PDF';
  return `PDF could not be opened (${firstLine(error)})`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
