import { refusal } from '../../domain/refusals';
import type { ParseOptions } from '../api';
import { type ExtractedDocument, NotAReportError } from '../document';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { LimitExceeded } from './limits';
import { extractPdf } from './pdf';
import { sniff } from './sniff';
import { extractText } from './text';

/**
 * Any report file → ExtractedDocument. The format is sniffed from the content, not the
 * name: `%PDF-` → PDF, a ZIP holding word/document.xml → DOCX, an OLE file with a WordDocument
 * stream → legacy Word (.doc/.wps), text with <html>/<body>/<table>
 * markup → HTML, other decodable text → plain text (UTF-8, UTF-16 with BOM, or GBK/GB18030).
 *
 * Throws NotAReportError(fileName, reason) with a one-line reason for anything that is not a
 * report container (empty, binary, an image, a non-DOCX ZIP, a PDF without a text layer, a
 * damaged file); never lets a library error escape.
 */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ExtractedDocument> {
  const found = sniff(bytes);
  try {
    switch (found.kind) {
      case 'rejected':
        throw new NotAReportError(fileName, found.reason);
      case 'pdf':
        return await extractPdf(bytes, fileName, options);
      case 'docx':
        return await extractDocx(bytes, fileName);
      case 'doc': {
        // Loaded only when a .doc arrives: the OLE reader stays out of the web app's first load.
        const { extractWord } = await import('./word');
        return extractWord(bytes, fileName);
      }
      case 'image': {
        // A page photo or scan (PNG/JPEG): one page of OCR.
        const { ocrImages } = await import('../ocr/images');
        return await ocrImages([bytes], options);
      }
      case 'html':
        return extractHtml(found.decoded.text);
      case 'text':
        return extractText(found.decoded.text);
    }
  } catch (error) {
    if (error instanceof NotAReportError) throw error;
    if (error instanceof LimitExceeded) throw new NotAReportError(fileName, error.refusal);
    if (error instanceof Error && error.name === 'OcrCancelled') {
      throw new NotAReportError(fileName, refusal('cancelled'));
    }
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new NotAReportError(
      fileName,
      refusal('unreadable', { kind: found.kind.toUpperCase(), detail: message }),
    );
  }
}
