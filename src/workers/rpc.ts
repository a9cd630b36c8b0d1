/**
 * The one way the app talks to its own workers: Comlink (calls as promises, errors thrown in the
 * worker rethrown here, `transfer` for buffers, `proxy` for callbacks), plus what Comlink leaves
 * out: a worker that dies never answers, so its calls would wait forever. Here a worker's `error`
 * (an uncaught exception, a module that fails to load) or `messageerror` (an answer that cannot
 * be read), or `stop` from the caller (a watchdog), terminates it and rejects every pending call
 * and every later one with a message that names the worker and why.
 *
 * No eval or Function (the page's CSP forbids them); the worker side (`serve`) runs after the
 * worker's network lock (./lock-this-worker.ts), which its modules import first.
 */
import { expose, type Remote, wrap } from 'comlink';

export { proxy, transfer } from 'comlink';

/** The part of a Worker used here (a MessagePort-backed stand-in in tests). */
export interface WorkerEndpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerRpc<T> {
  /** The worker's API; every call rejects once the worker is dead. */
  api: Remote<T>;
  /** End the worker; pending and later calls reject with `reason`. */
  stop(reason: string): void;
  /** Why the worker is dead, or null while it lives. */
  readonly dead: Error | null;
}

/**
 * Connect to `worker`, which `serve`s a `T`. `name` says in messages which worker failed (e.g.
 * "the Parquet decoder"); `onDead` is told once, e.g. to start a fresh worker for the next call.
 */
export function connect<T>(
  worker: WorkerEndpoint,
  name: string,
  onDead: (error: Error) => void = () => {},
): WorkerRpc<T> {
  let dead: Error | null = null;
  let kill: (e: Error) => void = () => {};
  const death = new Promise<never>((_, reject) => {
    kill = reject;
  });
  death.catch(() => undefined); // rejects the calls that race it; not unhandled on its own
  const die = (error: Error) => {
    if (dead) return;
    dead = error;
    worker.removeEventListener('error', onError);
    worker.removeEventListener('messageerror', onMessageError);
    worker.terminate();
    kill(error);
    onDead(error);
  };
  const onError = (e: Event) => {
    // The event's default action logs it; the calls are rejected with the reason instead.
    e.preventDefault();
    const message = (e as ErrorEvent).message || 'it stopped (no reason given)';
    die(new Error(`${name} (a Web Worker) failed: ${message}`));
  };
  const onMessageError = () => die(new Error(`${name} (a Web Worker) sent an answer that could not be read`));
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);
  const remote = wrap<T>(worker as unknown as Worker);
  // Every method call races the worker's death; Comlink's own proxy does the rest.
  const api = new Proxy(remote as object, {
    get: (target, prop) => {
      const member = Reflect.get(target, prop);
      if (typeof prop !== 'string' || typeof member !== 'function') return member;
      return (...args: unknown[]) =>
        dead
          ? Promise.reject(dead)
          : Promise.race([(member as (...a: unknown[]) => Promise<unknown>)(...args), death]);
    },
  }) as Remote<T>;
  return {
    api,
    stop: (reason) => die(new Error(reason)),
    get dead() {
      return dead;
    },
  };
}

/** The worker's side: answer `connect` calls with `api`'s methods. */
export function serve<T extends object>(api: T): void {
  expose(api);
}
