/**
 * OCR'd table cells the recogniser was unsure of → `ocr.uncertain_cell` checks, one per cell, at
 * the cell's table address. The value stays as read: a check may point at a likely misread, it
 * never rewrites a printed value.
 */
import type { CheckFailure } from '../domain/report';
import type { OcrRead } from './tables/table3';

export function ocrChecks(reads: readonly OcrRead[]): CheckFailure[] {
  return reads
    .filter((r) => r.cell.uncertain !== undefined)
    .map((r) => ({
      rule: 'ocr.uncertain_cell',
      where: r.where,
      expected: null,
      actual: r.value,
      message:
        `OCR 识别不确定（第 ${r.cell.page} 页）：读作 "${r.raw}"，${r.cell.uncertain} / ` +
        `OCR unsure of this cell (page ${r.cell.page}): read as "${r.raw}", ${r.cell.uncertain}`,
    }));
}
