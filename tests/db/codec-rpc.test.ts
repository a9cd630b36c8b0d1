/** The codec worker's RPC: answers by id, and a dead worker fails its calls instead of hanging them. */
import { describe, expect, it } from 'vitest';
import { type CodecPort, codecRpc } from '../../src/db/codec-rpc';
import type { CodecRequest, CodecResponse } from '../../src/db/parquet.worker';

class FakeWorker implements CodecPort {
  onmessage: CodecPort['onmessage'] = null;
  onerror: CodecPort['onerror'] = null;
  onmessageerror: CodecPort['onmessageerror'] = null;
  sent: CodecRequest[] = [];
  terminated = false;
  postMessage(message: CodecRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(r: CodecResponse): void {
    this.onmessage?.({ data: r } as MessageEvent<CodecResponse>);
  }
}

describe(codecRpc, () => {
  it('matches answers to calls by id, in any order, and passes a worker-side error on', async () => {
    const w = new FakeWorker();
    const rpc = codecRpc(w);
    const a = rpc.decode(new Uint8Array([1]));
    const b = rpc.encode(new Uint8Array([2]));
    const [ia, ib] = w.sent.map((m) => m.id);
    w.answer({ id: ib!, ok: false, error: 'cells.parquet: not a Parquet file' });
    w.answer({ id: ia!, ok: true, bytes: new Uint8Array([9]) });
    await expect(a).resolves.toEqual(new Uint8Array([9]));
    await expect(b).rejects.toThrow('cells.parquet: not a Parquet file');
  });

  it('a worker that dies rejects the pending calls and every later one, and is reported once', async () => {
    const w = new FakeWorker();
    const dead: Error[] = [];
    const rpc = codecRpc(w, (e) => dead.push(e));
    const pending = [rpc.decode(new Uint8Array([1])), rpc.decode(new Uint8Array([2]))];
    w.onerror?.({
      message: 'Uncaught RangeError: out of memory',
      preventDefault() {},
    } as unknown as ErrorEvent);
    for (const p of pending)
      await expect(p).rejects.toThrow(/Parquet decoder .* failed: Uncaught RangeError/);
    await expect(rpc.decode(new Uint8Array([3]))).rejects.toThrow('failed');
    expect(w.sent).toHaveLength(2);
    expect(w.terminated).toBe(true);
    w.onmessageerror?.({} as MessageEvent);
    expect(dead).toHaveLength(1);
  });

  it('an unreadable answer kills the worker too', async () => {
    const w = new FakeWorker();
    const rpc = codecRpc(w);
    const p = rpc.encode(new Uint8Array([1]));
    w.onmessageerror?.({} as MessageEvent);
    await expect(p).rejects.toThrow('could not be read');
  });

  it('a message that cannot be posted rejects its call only', async () => {
    const w = new FakeWorker();
    w.postMessage = () => {
      throw new Error('DataCloneError');
    };
    await expect(codecRpc(w).decode(new Uint8Array([1]))).rejects.toThrow('DataCloneError');
  });
});
