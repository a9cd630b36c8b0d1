/**
 * The CLI's parse child process (./parse-runner.ts): bytes in, ParseOutcome out, over the IPC
 * channel. Its heap is capped by the runner (--max-old-space-size), so a file that still needs
 * too much memory ends this process, not the run.
 */
import { loadParser } from './parser';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
}

export type ParseReply =
  | ({ id: number; peakKb: number } & (
      | { outcome: import('../../src/parser/api').ParseOutcome }
      | { error: string }
    ))
  /** A scanned page was read: the time limit applies per page from here on. */
  | { id: number; progress: { page: number; pages: number } };

process.on('message', async ({ id, bytes, fileName }: ParseRequest) => {
  const peakKb = () => process.resourceUsage().maxRSS;
  try {
    const { parseReport } = await loadParser();
    const outcome = await parseReport(bytes, fileName, {
      onProgress: (progress) => process.send?.({ id, progress } satisfies ParseReply),
    });
    process.send?.({ id, outcome, peakKb: peakKb() } satisfies ParseReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.send?.({ id, error: message.split('\n')[0]!, peakKb: peakKb() } satisfies ParseReply);
  }
});
// Quiet libraries: stdout is the parent's (`parse --json` must stay valid JSON).
console.log = console.error;
console.info = console.error;
