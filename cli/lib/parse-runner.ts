/**
 * Parses files in a child process with a capped heap and a time limit, one file at a time: a
 * file that would exhaust memory or never finish costs that child (replaced for the next file)
 * and is reported as failed by the bound it hit; the run goes on. A child process, not a worker
 * thread: V8 ends the whole process when a worker's single large allocation passes its cap.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Refusal, refusal } from '../../src/domain/refusals';
import { type ParseOutcome, refused } from '../../src/parser/api';
import { limitRefusal, PARSE_HEAP_LIMIT_MB, PARSE_TIME_LIMIT_MS } from '../../src/parser/extract/limits';
import type { ParseReply, ParseRequest } from './parse-child';

const CHILD = fileURLToPath(new URL('./parse-child.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** The largest resident set any parse child reached, in KB (the reliability suite prints it). */
export let childPeakKb = 0;

export class ParseRunner {
  private child: ChildProcess | null = null;
  private next = 0;

  constructor(
    private readonly timeLimitMs = PARSE_TIME_LIMIT_MS,
    private readonly heapLimitMb = PARSE_HEAP_LIMIT_MB,
  ) {}

  /** Never rejects for a bad file: a thrown parser error, OOM or timeout is an `ok: false` outcome. */
  parse = (bytes: Uint8Array, fileName: string): Promise<ParseOutcome> => {
    const child = this.spawn();
    const id = ++this.next;
    return new Promise<ParseOutcome>((resolve) => {
      const fail = (r: Refusal) => resolve(refused(fileName, r));
      const done = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (r: ParseReply) => {
        if (r.id !== id) return;
        if ('progress' in r) {
          // OCR reports each page: a scan gets the limit per page, not for the whole file.
          clearTimeout(timer);
          timer = setTimeout(timeout, this.timeLimitMs);
          return;
        }
        done();
        childPeakKb = Math.max(childPeakKb, r.peakKb);
        if ('outcome' in r) resolve(r.outcome);
        else fail(refusal('parserError', { detail: r.error }));
      };
      const onExit = () => {
        done();
        this.child = null;
        fail(limitRefusal.memory(this.heapLimitMb));
      };
      const timeout = () => {
        done();
        this.kill(child);
        fail(limitRefusal.time());
      };
      let timer = setTimeout(timeout, this.timeLimitMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, bytes, fileName } satisfies ParseRequest);
    });
  };

  async close(): Promise<void> {
    const c = this.child;
    if (c) this.kill(c);
  }

  private kill(child: ChildProcess): void {
    if (this.child === child) this.child = null;
    child.kill('SIGKILL');
  }

  private spawn(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(CHILD, [], {
      execArgv: ['--import', TSX, `--max-old-space-size=${this.heapLimitMb}`],
      serialization: 'advanced',
      // The child's V8 out-of-memory report is noise here: the file's failure says it.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }
}
