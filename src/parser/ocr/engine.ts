/**
 * Where the recogniser comes from: onnxruntime-node in Node (the CLI, tests), onnxruntime-web in
 * the browser's import worker. Both are loaded on the first scanned page only, so reading text
 * reports never pays for them.
 */
import type { Recogniser } from './recognize';

let loaded: Promise<Recogniser> | undefined;

export function loadRecogniser(): Promise<Recogniser> {
  loaded ??= isNode() ? nodeEngine() : import('./engine-web').then((m) => m.webRecogniser());
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

function isNode(): boolean {
  return (
    typeof process !== 'undefined' &&
    typeof process.versions?.node === 'string' &&
    typeof window === 'undefined' &&
    typeof (globalThis as { importScripts?: unknown }).importScripts !== 'function'
  );
}

async function nodeEngine(): Promise<Recogniser> {
  // A computed specifier keeps bundlers from pulling onnxruntime-node into the web app.
  const name = 'engine-node';
  const mod = (await import(/* @vite-ignore */ `./${name}.ts`)) as typeof import('./engine-node');
  return mod.nodeRecogniser();
}
