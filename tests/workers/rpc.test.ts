/**
 * The app's one worker RPC (src/workers/rpc.ts) over a real MessageChannel, the worker's side
 * served by Comlink as in a worker: answers and worker-side errors come back, and a worker that
 * dies (an `error` event, an unreadable answer, or stopped by a watchdog) rejects every pending
 * and later call with a message naming it, so nothing waits for it forever.
 */
import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { codecClient } from '../../src/db/codec';
import { decodeFile } from '../../src/db/decode';
import { connect, transfer, type WorkerEndpoint } from '../../src/workers/rpc';

/** A Worker stand-in: messages over a MessageChannel, `error`/`messageerror` dispatched by the test. */
class ChannelWorker extends EventTarget implements WorkerEndpoint {
  readonly channel = new MessageChannel();
  terminated = false;
  constructor(api: object) {
    super();
    expose(api, this.channel.port2);
  }
  postMessage(message: unknown, transfer: Transferable[]): void {
    this.channel.port1.postMessage(message, transfer);
  }
  override addEventListener(type: string, listener: (e: Event) => void): void {
    if (type === 'message') this.channel.port1.addEventListener(type, listener as never);
    else super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: (e: Event) => void): void {
    if (type === 'message') this.channel.port1.removeEventListener(type, listener as never);
    else super.removeEventListener(type, listener);
  }
  terminate(): void {
    this.terminated = true;
    this.close();
  }
  close(): void {
    this.channel.port1.close();
    this.channel.port2.close();
  }
  crash(message: string): void {
    const e = new Event('error', { cancelable: true });
    Object.assign(e, { message });
    this.dispatchEvent(e);
  }
}

const open: ChannelWorker[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

interface Api {
  double(bytes: Uint8Array): Promise<Uint8Array>;
  fail(): Promise<never>;
  /** Never answers: a worker stuck in a loop, or one that is about to crash. */
  hang(): Promise<never>;
}
const API: Api = {
  double: async (b) => {
    const out = b.map((x) => x * 2);
    return transfer(out, [out.buffer]);
  },
  fail: async () => {
    throw new Error('cells.parquet: not a Parquet file');
  },
  hang: () => new Promise<never>(() => {}),
};

function worker(api: object = API): ChannelWorker {
  const w = new ChannelWorker(api);
  open.push(w);
  return w;
}

describe('worker RPC', () => {
  it('answers calls, moves buffers, and passes an error thrown in the worker on', async () => {
    const { api } = connect<Api>(worker(), 'the test worker');
    const bytes = new Uint8Array([1, 2, 3]);
    const [a, b] = await Promise.all([
      api.double(transfer(bytes, [bytes.buffer])),
      api.double(new Uint8Array([5])),
    ]);
    expect([...a]).toEqual([2, 4, 6]);
    expect([...b]).toEqual([10]);
    expect(bytes.byteLength).toBe(0); // transferred, not copied
    await expect(api.fail()).rejects.toThrow('cells.parquet: not a Parquet file');
  });

  it('a worker that crashes rejects the pending calls and every later one, and is reported once', async () => {
    const w = worker();
    const dead: Error[] = [];
    const rpc = connect<Api>(w, 'the test worker', (e) => dead.push(e));
    const pending = [rpc.api.hang(), rpc.api.hang()];
    w.crash('Uncaught RangeError: out of memory');
    for (const p of pending)
      await expect(p).rejects.toThrow(
        'the test worker (a Web Worker) failed: Uncaught RangeError: out of memory',
      );
    await expect(rpc.api.double(new Uint8Array([1]))).rejects.toThrow('failed');
    expect(w.terminated).toBe(true);
    expect(rpc.dead?.message).toMatch(/out of memory/);
    w.dispatchEvent(new Event('messageerror'));
    expect(dead).toHaveLength(1);
  });

  it('an answer that cannot be read kills the worker too', async () => {
    const w = worker();
    const { api } = connect<Api>(w, 'the test worker');
    const p = api.hang();
    w.dispatchEvent(new Event('messageerror'));
    await expect(p).rejects.toThrow('the test worker (a Web Worker) sent an answer that could not be read');
  });

  it('stop (a watchdog) ends the worker: its calls fail with the reason given', async () => {
    const w = worker();
    const rpc = connect<Api>(w, 'the test worker');
    const p = rpc.api.hang();
    rpc.stop('stopped: another file ran past the time limit');
    await expect(p).rejects.toThrow('stopped: another file ran past the time limit');
    expect(w.terminated).toBe(true);
  });

  it('a message that cannot be posted rejects its call only', async () => {
    const { api } = connect<Api>(worker(), 'the test worker');
    await expect(api.double((() => {}) as never)).rejects.toThrow();
    await expect(api.double(new Uint8Array([4]))).resolves.toEqual(new Uint8Array([8]));
  });
});

describe('the Parquet codec over it', () => {
  it('a decoder that crashes mid-load fails the file with a message instead of hanging the load', async () => {
    const w = worker({ decode: API.hang, encode: API.hang });
    const codec = codecClient(w);
    const load = decodeFile(codec, { name: 'reports.parquet', bytes: new Uint8Array([1, 2]) });
    w.crash('Uncaught CompileError: WebAssembly.instantiate(): out of memory');
    await expect(load).rejects.toThrow(
      /^reports\.parquet: not a readable Parquet file \(the Parquet decoder \(a Web Worker\) failed: Uncaught CompileError/,
    );
  });
});
