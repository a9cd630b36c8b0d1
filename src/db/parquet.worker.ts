/**
 * Parquet ⇄ Arrow IPC off the main thread. Small flat files decode in plain JavaScript
 * (./parquet-js.ts); parquet-wasm (wasm served from the app's origin) takes everything else and
 * encodes, and is only fetched and compiled when first needed.
 * Messages: { id, op: 'decode' | 'encode', bytes } → { id, ok: true, bytes } | { id, ok: false, error }.
 */
// First: no network beyond the origin before any decoder runs.
import '../workers/lock-this-worker';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { decodeParquetJs } from './parquet-js';

export interface CodecRequest {
  id: number;
  op: 'decode' | 'encode';
  bytes: Uint8Array;
}
export type CodecResponse =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; error: string };

type ParquetWasm = typeof import('parquet-wasm/esm');
let parquetWasm: Promise<ParquetWasm> | null = null;

function wasm(): Promise<ParquetWasm> {
  parquetWasm ??= import('parquet-wasm/esm').then(async (m) => {
    await m.default({ module_or_path: wasmUrl });
    return m;
  });
  return parquetWasm;
}

async function handle({ op, bytes }: CodecRequest): Promise<Uint8Array> {
  if (op === 'decode') {
    const js = await decodeParquetJs(bytes);
    if (js) return js;
    return (await wasm()).readParquet(bytes).intoIPCStream();
  }
  const pq = await wasm();
  return pq.writeParquet(pq.Table.fromIPCStream(bytes));
}

self.onmessage = async (e: MessageEvent<CodecRequest>) => {
  const { id } = e.data;
  try {
    const out = await handle(e.data);
    (self as unknown as Worker).postMessage({ id, ok: true, bytes: out } satisfies CodecResponse, [
      out.buffer,
    ]);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    (self as unknown as Worker).postMessage({ id, ok: false, error } satisfies CodecResponse);
  }
};
