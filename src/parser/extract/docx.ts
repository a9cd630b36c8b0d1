import mammoth from 'mammoth';
import { refusal } from '../../domain/refusals';
import { type ExtractedDocument, NotAReportError } from '../document';
import { extractHtml } from './html';
import { LimitExceeded } from './limits';
import { checkZipBounds } from './zip-bounds';

/**
 * DOCX → HTML (mammoth keeps merged cells as rowspan/colspan) → the HTML extractor, so Word
 * tables get exactly the grid rules documented on `extractHtml`. Images are dropped and
 * linked files are never fetched. Every part is size-checked first (./zip-bounds.ts): mammoth's
 * JSZip would inflate a zip bomb whole.
 */
export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  let html: string;
  try {
    await checkZipBounds(bytes);
    // mammoth's Node entry reads `buffer`, its browser entry `arrayBuffer`; both hand it to
    // JSZip, which takes a Uint8Array, so one object serves both builds.
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      externalFileAccess: false,
    });
    html = result.value;
  } catch (error) {
    if (error instanceof LimitExceeded) throw new NotAReportError(fileName, error.refusal);
    throw new NotAReportError(fileName, refusal('unreadable', { kind: 'DOCX', detail: firstLine(error) }));
  }
  return extractHtml(html, 'docx');
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 200);
}
