import { type Refusal, refusalText } from '../domain/refusals';
import type { FileResult } from './types';

/** A file refused: the code the panel words in the UI language, and its English for logs and tests. */
export const refuse = (file: string, r: Refusal): FileResult => ({
  ok: false,
  file,
  reason: refusalText(r),
  refusal: r,
});

/** Thrown by the import's actions (add, restore): the refusal, worded by the panel. */
export class RefusalError extends Error {
  constructor(
    readonly refusal: Refusal,
    /** The file it is about, when the refusal does not name it itself. */
    readonly file?: string,
  ) {
    super(file ? `${file}: ${refusalText(refusal)}` : refusalText(refusal));
    this.name = 'RefusalError';
  }
}
