import type { ExtractedDocument } from '../document';

/**
 * NFKC-normalises text (full-width digits and brackets, ⼀-style Kangxi radicals, ideographic
 * spaces) and removes the BOM and zero-width characters that crawlers leave behind.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ');
}

/**
 * Plain text → ExtractedDocument: one line per text line, each line ONE cell (origin 'text').
 * Splitting a line into cells is the table logic's job (src/parser/tables/tokens.ts), because
 * tabs, pipes, spaces and run-together digits all occur in the corpus.
 */
export function extractText(text: string): ExtractedDocument {
  const normalized = normalizeText(text).replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n').map((line) => ({ cells: [line], origin: 'text' as const }));
  return { kind: 'text', lines, text: normalized };
}
