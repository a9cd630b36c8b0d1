/**
 * The main thread's side of the Parquet codec worker (./parquet.worker.ts): numbered requests,
 * answers matched by id. A worker that dies (an uncaught error, a module that fails to load, a
 * message that cannot be read) rejects every pending call and every later one with an error that
 * says so, instead of leaving the load waiting forever.
 */
import type { CodecRequest, CodecResponse } from './parquet.worker';
import type { ParquetCodec } from './types';

/** The part of a Worker this uses (a fake in tests). */
export interface CodecPort {
  onmessage: ((e: MessageEvent<CodecResponse>) => void) | null;
  onerror: ((e: ErrorEvent | Event) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
  postMessage(message: CodecRequest, transfer: Transferable[]): void;
  terminate(): void;
}

export function codecRpc(worker: CodecPort, onDead: (error: Error) => void = () => {}): ParquetCodec {
  const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  let next = 0;
  let dead: Error | null = null;
  const die = (error: Error) => {
    if (dead) return;
    dead = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker.terminate();
    onDead(error);
  };
  worker.onmessage = (e) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.bytes);
    else p.reject(new Error(e.data.error));
  };
  worker.onerror = (e) => {
    // The event's default action logs it; the calls are rejected with the reason instead.
    e.preventDefault?.();
    const message = 'message' in e && e.message ? e.message : 'it stopped (no reason given)';
    die(new Error(`the Parquet decoder (a Web Worker) failed: ${message}`));
  };
  worker.onmessageerror = () =>
    die(new Error('the Parquet decoder (a Web Worker) sent an answer that could not be read'));
  const call = (op: CodecRequest['op'], bytes: Uint8Array) =>
    new Promise<Uint8Array>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = ++next;
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, op, bytes }, [bytes.buffer]);
      } catch (error) {
        pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  return { decode: (b) => call('decode', b), encode: (b) => call('encode', b) };
}
