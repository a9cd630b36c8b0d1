/** When the late tables are built: after an idle moment with no tracked query in flight (src/db/late.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LateTables } from '../../src/db/late';

/** An `idle` whose moments pass only when the test says so; `calls` counts the waits asked for. */
function manualIdle() {
  const waiting: (() => void)[] = [];
  const state = {
    calls: 0,
    idle: (): Promise<void> => {
      state.calls++;
      return new Promise<void>((ok) => waiting.push(ok));
    },
    /** End the oldest pending idle wait; throws if nobody is waiting (the test's assumption is wrong). */
    pass: (): void => {
      const ok = waiting.shift();
      if (!ok) throw new Error('no idle wait is pending');
      ok();
    },
    get pending(): number {
      return waiting.length;
    },
  };
  return state;
}

/** A promise resolved or rejected by hand. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** Let every pending promise reaction run (a macrotask runs after all microtasks). */
const flush = () => new Promise<void>((ok) => setTimeout(ok, 0));

/** Whether `p` has settled, without waiting for it. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await flush();
  return done;
}

/** A LateTables, a hand-driven idle and an event log, what most tests start from. */
function parts() {
  return { late: new LateTables(), idle: manualIdle(), log: [] as string[] };
}

/** Schedule a build that logs its start and its end, and ends when the test resolves it. */
function scheduleSlowBuild({ late, idle, log }: ReturnType<typeof parts>) {
  const build = deferred();
  late.schedule(async () => {
    log.push('build start');
    await build.promise;
    log.push('build end');
  }, idle.idle);
  return build;
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

describe('LateTables', () => {
  it('before any schedule, ready() is already resolved', async () => {
    const late = new LateTables();
    await expect(late.ready()).resolves.toBeUndefined();
    expect(await settled(late.ready())).toBe(true);
  });

  it('does not start the build before the idle moment', async () => {
    const { late, idle, log } = parts();
    late.schedule(async () => void log.push('build'), idle.idle);
    log.push('scheduled');
    await flush();
    expect(log).toEqual(['scheduled']);
    expect(idle.calls).toBe(1);
    expect(await settled(late.ready())).toBe(false);
    log.push('idle');
    idle.pass();
    await late.ready();
    expect(log).toEqual(['scheduled', 'idle', 'build']);
    expect(idle.calls).toBe(1);
  });

  it('waits for a tracked query in flight, then for a further idle moment', async () => {
    const { late, idle, log } = parts();
    const query = deferred<number>();
    const answer = late.track(async () => {
      log.push('query start');
      const v = await query.promise;
      log.push('query end');
      return v;
    });
    late.schedule(async () => {
      log.push('build');
    }, idle.idle);
    idle.pass(); // idle, but the query is still in flight
    await flush();
    expect(log).toEqual(['query start']);
    // It waits for the query to settle, not for another idle moment meanwhile.
    expect(idle.calls).toBe(1);
    expect(idle.pending).toBe(0);
    query.resolve(7);
    expect(await answer).toBe(7);
    await flush();
    // Settled: now a further idle moment, and still no build before it passes.
    expect(idle.calls).toBe(2);
    expect(log).toEqual(['query start', 'query end']);
    log.push('idle');
    idle.pass();
    await late.ready();
    expect(log).toEqual(['query start', 'query end', 'idle', 'build']);
    expect(idle.calls).toBe(2);
  });

  it('loops idle → settled → idle until no query is in flight at an idle moment', async () => {
    const { late, idle, log } = parts();
    const first = deferred();
    const second = deferred();
    late.schedule(async () => {
      log.push('build');
    }, idle.idle);
    const a = late.track(() => first.promise.then(() => log.push('first end')));
    idle.pass(); // first in flight
    await flush();
    const b = late.track(() => second.promise.then(() => log.push('second end')));
    first.resolve();
    await a;
    await flush();
    // Only `a` settled: the count is not zero, so no new idle wait yet.
    expect(idle.calls).toBe(1);
    second.resolve();
    await b;
    await flush();
    expect(idle.calls).toBe(2);
    // A query starts before this idle moment passes: the loop must go round again.
    const third = deferred();
    const c = late.track(() => third.promise.then(() => log.push('third end')));
    idle.pass();
    await flush();
    expect(log).toEqual(['first end', 'second end']);
    expect(idle.pending).toBe(0);
    third.resolve();
    await c;
    await flush();
    expect(idle.calls).toBe(3);
    expect(log).toEqual(['first end', 'second end', 'third end']);
    idle.pass();
    await late.ready();
    expect(log).toEqual(['first end', 'second end', 'third end', 'build']);
  });

  it('a query that starts and ends before the idle moment does not delay the build', async () => {
    const { late, idle, log } = parts();
    late.schedule(async () => void log.push('build'), idle.idle);
    await late.track(async () => log.push('query'));
    idle.pass();
    await late.ready();
    expect(log).toEqual(['query', 'build']);
    expect(idle.calls).toBe(1);
  });

  it('ready() resolves only after the build has finished', async () => {
    const p = parts();
    const { late, idle, log } = p;
    const build = scheduleSlowBuild(p);
    const waiter = late.ready().then(() => log.push('ready'));
    idle.pass();
    await flush();
    expect(log).toEqual(['build start']);
    build.resolve();
    await waiter;
    expect(log).toEqual(['build start', 'build end', 'ready']);
  });

  const throwing: [string, (e: Error) => () => Promise<void>][] = [
    [
      'a failing build',
      (e) => async () => {
        throw e;
      },
    ],
    [
      'a build that throws synchronously',
      (e) => () => {
        throw e;
      },
    ],
  ];
  it.each(throwing)(
    '%s rejects ready() with its error, never schedule, and leaves nothing unhandled',
    async (_, make) => {
      process.on('unhandledRejection', onUnhandled);
      const { late, idle } = parts();
      const boom = new Error('coverage failed');
      expect(() => late.schedule(make(boom), idle.idle)).not.toThrow();
      idle.pass();
      await flush();
      await flush();
      expect(unhandled).toEqual([]);
      await expect(late.ready()).rejects.toBe(boom);
      // Every later waiter sees the same error.
      await expect(late.ready()).rejects.toBe(boom);
    },
  );

  it('track() returns the run value and propagates its error', async () => {
    const late = new LateTables();
    await expect(late.track(async () => ({ rows: [1, 2] }))).resolves.toEqual({ rows: [1, 2] });
    const err = new Error('bad query');
    await expect(
      late.track(async () => {
        throw err;
      }),
    ).rejects.toBe(err);
    await expect(
      late.track(() => {
        throw err;
      }),
    ).rejects.toBe(err);
  });

  it('a failing tracked query still lets the build proceed', async () => {
    const { late, idle, log } = parts();
    const query = deferred<never>();
    const answer = late.track(() => query.promise);
    answer.catch(() => undefined);
    late.schedule(async () => {
      log.push('build');
    }, idle.idle);
    idle.pass();
    await flush();
    expect(log).toEqual([]);
    const err = new Error('query failed');
    query.reject(err);
    await expect(answer).rejects.toBe(err);
    await flush();
    expect(idle.calls).toBe(2);
    idle.pass();
    await late.ready();
    expect(log).toEqual(['build']);
  });

  it('tracked queries run at once, even while the build waits or runs', async () => {
    const p = parts();
    const { late, idle, log } = p;
    const build = scheduleSlowBuild(p);
    await late.track(async () => log.push('before idle'));
    idle.pass();
    await flush();
    await late.track(async () => log.push('during build'));
    build.resolve();
    await late.ready();
    expect(log).toEqual(['before idle', 'build start', 'during build', 'build end']);
  });

  it('ready() follows the latest schedule', async () => {
    const { late, idle, log } = parts();
    late.schedule(async () => {
      log.push('first');
    }, idle.idle);
    idle.pass();
    await late.ready();
    late.schedule(async () => {
      log.push('second');
    }, idle.idle);
    expect(await settled(late.ready())).toBe(false);
    idle.pass();
    await late.ready();
    expect(log).toEqual(['first', 'second']);
  });

  it('without an idle given (and no requestIdleCallback), builds after a macrotask', async () => {
    expect(typeof globalThis.requestIdleCallback).toBe('undefined');
    const late = new LateTables();
    const log: string[] = [];
    late.schedule(async () => {
      log.push('build');
    });
    await Promise.resolve();
    expect(log).toEqual([]);
    await late.ready();
    expect(log).toEqual(['build']);
  });
});

describe('LateTables deadline', () => {
  it('builds after 3 s even while queries keep the engine busy', async () => {
    vi.useFakeTimers();
    try {
      const { late, idle, log } = parts();
      late.track(() => new Promise<never>(() => undefined)); // a query that never answers
      late.schedule(async () => void log.push('build'), idle.idle);
      idle.pass();
      await vi.advanceTimersByTimeAsync(2_900);
      expect(log).toEqual([]);
      await vi.advanceTimersByTimeAsync(200);
      idle.pass();
      await vi.advanceTimersByTimeAsync(0);
      await late.ready();
      expect(log).toEqual(['build']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('LateTables: the unit index before the coverage grid', () => {
  const UNITS = 'SELECT * FROM "units" u';
  const CHECKS = 'SELECT * FROM "checks" c JOIN "reports" r ON r."report_id" = c."report_id"';
  const GRID = 'SELECT * FROM "coverage_units" v';

  it('a query of the unit index or checks goes once the build marks them early; the grid waits for the end', async () => {
    const { late, idle, log } = parts();
    const grid = deferred();
    late.schedule(async ({ early }) => {
      log.push('units built');
      early();
      await grid.promise;
      log.push('grid built');
    }, idle.idle);
    const units = late.readyFor(UNITS).then(() => log.push('units query'));
    const checks = late.readyFor(CHECKS).then(() => log.push('checks query'));
    const coverage = late.readyFor(GRID).then(() => log.push('grid query'));
    await flush();
    expect(log).toEqual([]);
    idle.pass();
    await units;
    await checks;
    await flush();
    expect(log).toEqual(['units built', 'units query', 'checks query']);
    expect(await settled(coverage)).toBe(false);
    grid.resolve();
    await coverage;
    expect(log).toEqual(['units built', 'units query', 'checks query', 'grid built', 'grid query']);
  });

  it('without the early mark every late query waits for the whole build; a failure before it reaches them', async () => {
    const { late, idle } = parts();
    const build = deferred();
    late.schedule(() => build.promise, idle.idle);
    idle.pass();
    const units = late.readyFor(UNITS);
    expect(await settled(units)).toBe(false);
    build.resolve();
    await expect(units).resolves.toBeUndefined();

    const failing = parts();
    failing.late.schedule(async () => {
      throw new Error('pinyin failed');
    }, failing.idle.idle);
    failing.idle.pass();
    await expect(failing.late.readyFor(UNITS)).rejects.toThrow('pinyin failed');
    await expect(failing.late.readyFor(GRID)).rejects.toThrow('pinyin failed');
  });

  it("between() holds the build's next statement while a view's query is in flight", async () => {
    const { late, idle, log } = parts();
    const query = deferred();
    late.schedule(async ({ between }) => {
      log.push('statement 1');
      await between();
      log.push('statement 2');
    }, idle.idle);
    idle.pass();
    await flush();
    expect(log).toEqual(['statement 1', 'statement 2']);

    const next = parts();
    const second = deferred();
    next.late.schedule(async ({ between }) => {
      next.log.push('statement 1');
      await second.promise;
      await between();
      next.log.push('statement 2');
    }, next.idle.idle);
    next.idle.pass();
    await flush();
    const answer = next.late.track(() => query.promise.then(() => next.log.push('query')));
    second.resolve();
    await flush();
    expect(next.log).toEqual(['statement 1']);
    query.resolve();
    await answer;
    await next.late.ready();
    expect(next.log).toEqual(['statement 1', 'query', 'statement 2']);
    expect(log).toEqual(['statement 1', 'statement 2']);
  });

  it('quiet() waits for an idle moment with no query in flight, as the build’s start does', async () => {
    const { late, idle, log } = parts();
    const query = deferred();
    const slice = deferred();
    late.schedule(async ({ quiet }) => {
      await slice.promise;
      await quiet();
      log.push('slice');
    }, idle.idle);
    idle.pass(); // the build starts
    await flush();
    const answer = late.track(() => query.promise);
    slice.resolve();
    await flush();
    expect(idle.pending).toBe(1);
    idle.pass(); // idle, but the query is in flight
    await flush();
    expect(log).toEqual([]);
    query.resolve();
    await answer;
    await flush();
    expect(log).toEqual([]); // a further idle moment first
    idle.pass();
    await late.ready();
    expect(log).toEqual(['slice']);
  });
});
