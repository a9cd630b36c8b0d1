/**
 * The first step of DuckDB's start: its worker, asked at once to instantiate (fetch and compile
 * the 34 MB wasm), the longest step before the first chart (issue 3). It speaks the worker's own
 * protocol (`INSTANTIATE` → `OK` | `ERROR`, what `AsyncDuckDB.instantiate` sends), so it need not
 * wait for DuckDB's main-thread JS; ./handle.ts hands the worker to AsyncDuckDB once it answered.
 *
 * src/db/boot.ts calls this (through ./handle.ts `bootEngine`) before React and the app are
 * evaluated. Starting it even earlier, from an inline script in index.html (~60 ms sooner), was
 * measured and made no difference: 1,602 ms median first chart either way over 21 cold loads.
 */

/** DuckDB's worker with its instantiate request on its way. */
export interface Booted {
  worker: Worker;
  /** Settles when the wasm is compiled and the engine is up (rejects naming what failed). */
  instantiated: Promise<void>;
}

/** The two builds of DuckDB-WASM: the EH one where wasm exceptions work, else the MVP one. */
export interface DuckdbBundles {
  eh: { worker: string; wasm: string };
  mvp: { worker: string; wasm: string };
}

/** AsyncDuckDB's own message ids count up from 0; the boot request uses one it never reaches. */
const BOOT_ID = 2 ** 30;

/** wasm-feature-detect's exception-handling probe, the test `duckdb.selectBundle` runs. */
const EH_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
]);

export function startDuckdb(bundles: DuckdbBundles, base: string): Booted {
  const started = performance.now();
  const bundle = WebAssembly.validate(EH_PROBE) ? bundles.eh : bundles.mvp;
  const worker = new Worker(new URL(bundle.worker, base).href);
  const instantiated = new Promise<void>((resolve, reject) => {
    const onMessage = (
      e: MessageEvent<{ requestId?: number; type?: string; data?: { message?: string } }>,
    ) => {
      const r = e.data;
      if (r?.requestId !== BOOT_ID || r.type === 'INSTANTIATE_PROGRESS') return;
      worker.removeEventListener('message', onMessage);
      try {
        performance.measure('db:stage', { start: started, detail: { stage: 'engine: instantiate wasm' } });
      } catch {
        // timings are a diagnostic, never a failure
      }
      if (r.type === 'OK') resolve();
      else reject(new Error(`DuckDB could not start: ${r.data?.message ?? r.type}`));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener(
      'error',
      (e) => reject(new Error(`DuckDB's worker did not start (${e.message})`)),
      {
        once: true,
      },
    );
  });
  instantiated.catch(() => undefined); // surfaces where it is awaited
  worker.postMessage({
    messageId: BOOT_ID,
    type: 'INSTANTIATE',
    data: [new URL(bundle.wasm, base).href, null],
  });
  return { worker, instantiated };
}
