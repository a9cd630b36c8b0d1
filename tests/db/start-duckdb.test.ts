import { describe, expect, it, vi } from 'vitest';
import { sameOriginUrl } from '../../src/db/fetch';
import { DUCKDB_BUNDLES } from '../../src/db/handle';
import { startDuckdb } from '../../src/db/start-duckdb';

/** A stand-in for the browser's Worker: records what it is given, answers when told to. */
class FakeWorker extends EventTarget {
  static last: FakeWorker | null = null;
  readonly posted: unknown[] = [];
  constructor(readonly url: string) {
    super();
    FakeWorker.last = this;
  }
  postMessage(m: unknown): void {
    this.posted.push(m);
  }
  answer(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

function start(eh: boolean): { worker: FakeWorker; booted: ReturnType<typeof startDuckdb> } {
  vi.stubGlobal('Worker', FakeWorker);
  const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(eh);
  try {
    const booted = startDuckdb(DUCKDB_BUNDLES, 'http://127.0.0.1/app/');
    const probe = validate.mock.calls[0]![0] as Uint8Array;
    expect(Array.from(probe.slice(0, 8))).toEqual([0, 97, 115, 109, 1, 0, 0, 0]);
    return { worker: FakeWorker.last!, booted };
  } finally {
    validate.mockRestore();
    vi.unstubAllGlobals();
  }
}

describe('startDuckdb', () => {
  it('starts the EH build where the exception-handling probe validates, else the MVP one', () => {
    expect(start(true).worker.url).toMatch(/^http:\/\/127\.0\.0\.1\/.*duckdb-browser-eh\.worker/);
    expect(start(false).worker.url).toMatch(/duckdb-browser-mvp\.worker/);
  });

  it('asks at once to instantiate the matching wasm, by an absolute URL', () => {
    const { worker } = start(true);
    expect(worker.posted).toHaveLength(1);
    const m = worker.posted[0] as { messageId: number; type: string; data: [string, null] };
    expect(m.type).toBe('INSTANTIATE');
    expect(m.messageId).toBe(2 ** 30);
    expect(m.data[0]).toMatch(/^http:\/\/127\.0\.0\.1\/.*duckdb-eh.*\.wasm/);
  });

  it('settles on the answer to its own request only', async () => {
    const ok = start(true);
    let done = false;
    ok.booted.instantiated.then(() => {
      done = true;
    });
    ok.worker.answer({ requestId: 2 ** 30, type: 'INSTANTIATE_PROGRESS', data: {} });
    ok.worker.answer({ requestId: 0, type: 'OK' });
    await Promise.resolve();
    expect(done).toBe(false);
    ok.worker.answer({ requestId: 2 ** 30, type: 'OK' });
    await ok.booted.instantiated;

    const failed = start(true);
    failed.worker.answer({ requestId: 2 ** 30, type: 'ERROR', data: { message: 'no memory' } });
    await expect(failed.booted.instantiated).rejects.toThrow('DuckDB could not start: no memory');
  });
});

describe('sameOriginUrl', () => {
  it('refuses a file from another origin', () => {
    expect(() => sameOriginUrl('https://evil.example/x.parquet', 'http://127.0.0.1/')).toThrow(/only files/);
    expect(sameOriginUrl('./data/a.parquet', 'http://127.0.0.1/app/').href).toBe(
      'http://127.0.0.1/app/data/a.parquet',
    );
  });
});
