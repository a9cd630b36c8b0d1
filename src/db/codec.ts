/**
 * The Parquet codec worker (./parquet.worker.ts) seen from the main thread, through the app's
 * one worker RPC (src/workers/rpc.ts): bytes go over as transfers (not copies) and come back
 * the same way, and a worker that dies rejects every pending and later call, so a load fails
 * with a message instead of waiting forever.
 */
import { connect, transfer, type WorkerEndpoint } from '../workers/rpc';
import type { CodecApi } from './parquet.worker';
import type { ParquetCodec } from './types';

/** Named in the messages of a failed worker. */
export const CODEC_WORKER_NAME = 'the Parquet decoder';

/** The codec served by `worker`; `onDead` is told once when it dies. */
export function codecClient(worker: WorkerEndpoint, onDead?: (error: Error) => void): ParquetCodec {
  const { api } = connect<CodecApi>(worker, CODEC_WORKER_NAME, onDead);
  const send = (b: Uint8Array) => transfer(b, [b.buffer as ArrayBuffer]);
  return { decode: (b) => api.decode(send(b)), encode: (b) => api.encode(send(b)) };
}

/** A fresh codec worker. */
export function startCodecWorker(onDead?: (error: Error) => void): ParquetCodec {
  const worker = new Worker(new URL('./parquet.worker.ts', import.meta.url), { type: 'module' });
  return codecClient(worker, onDead);
}
