/**
 * Parquet ⇄ Arrow IPC off the main thread. Small flat files decode in plain JavaScript
 * (./parquet-js.ts); parquet-wasm (wasm served from the app's origin) takes everything else and
 * encodes, and is only fetched and compiled when first needed. Called through src/workers/rpc.ts
 * (./codec.ts); answers are transferred, not copied.
 */
// First: no network beyond the origin before any decoder runs.
import '../workers/lock-this-worker';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { serve, transfer } from '../workers/rpc';
import { decodeParquetJs } from './parquet-js';

export interface CodecApi {
  /** Parquet → Arrow IPC stream; rejects on bytes that are not a readable Parquet file. */
  decode(parquet: Uint8Array): Promise<Uint8Array>;
  /** Arrow IPC stream → Parquet. */
  encode(ipcStream: Uint8Array): Promise<Uint8Array>;
}

type ParquetWasm = typeof import('parquet-wasm/esm');
let parquetWasm: Promise<ParquetWasm> | null = null;

function wasm(): Promise<ParquetWasm> {
  parquetWasm ??= import('parquet-wasm/esm').then(async (m) => {
    await m.default({ module_or_path: wasmUrl });
    return m;
  });
  return parquetWasm;
}

const moved = (bytes: Uint8Array) => transfer(bytes, [bytes.buffer as ArrayBuffer]);

serve<CodecApi>({
  async decode(bytes) {
    const js = await decodeParquetJs(bytes);
    return moved(js ?? (await wasm()).readParquet(bytes).intoIPCStream());
  },
  async encode(bytes) {
    const pq = await wasm();
    return moved(pq.writeParquet(pq.Table.fromIPCStream(bytes)));
  },
});
