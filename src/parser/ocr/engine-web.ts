/** Placeholder until the browser engine lands: scanned files are refused with a clear reason. */
import type { Recogniser } from './recognize';

export async function webRecogniser(): Promise<Recogniser> {
  throw new Error('OCR is not available in the browser yet');
}
