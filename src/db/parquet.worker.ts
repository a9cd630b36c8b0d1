/**
 * Parquet ⇄ Arrow IPC off the main thread (parquet-wasm, wasm served from the app's origin).
 * Messages: { id, op: 'decode' | 'encode', bytes } → { id, ok: true, bytes } | { id, ok: false, error }.
 */
import init, { readParquet, Table, writeParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

export interface CodecRequest {
  id: number;
  op: 'decode' | 'encode';
  bytes: Uint8Array;
}
export type CodecResponse =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; error: string };

const ready = init({ module_or_path: wasmUrl });

self.onmessage = async (e: MessageEvent<CodecRequest>) => {
  const { id, op, bytes } = e.data;
  try {
    await ready;
    const out =
      op === 'decode' ? readParquet(bytes).intoIPCStream() : writeParquet(Table.fromIPCStream(bytes));
    (self as unknown as Worker).postMessage({ id, ok: true, bytes: out } satisfies CodecResponse, [
      out.buffer,
    ]);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    (self as unknown as Worker).postMessage({ id, ok: false, error } satisfies CodecResponse);
  }
};
