/**
 * The late build's background runner (src/db/background.ts): one pending statement at a time on
 * its connection, each run to its end (every batch read), a failure surfacing to its caller only.
 */
import { describe, expect, it } from 'vitest';
import { backgroundRunner, type PendingConnection } from '../../src/db/background';

function connection() {
  const log: string[] = [];
  let open = 0;
  const conn: PendingConnection = {
    async send(sql) {
      if (open > 0) throw new Error('a second pending query on one connection');
      open++;
      log.push(`start ${sql}`);
      if (sql === 'bad') {
        open--;
        throw new Error('Parser Error');
      }
      return (async function* () {
        for (let i = 0; i < 3; i++) {
          await new Promise((r) => setTimeout(r, 2));
          yield i;
        }
        log.push(`end ${sql}`);
        open--;
      })();
    },
  };
  return { conn, log };
}

describe('backgroundRunner', () => {
  it('runs statements one after the other, each to its last batch', async () => {
    const { conn, log } = connection();
    const run = backgroundRunner(conn);
    await Promise.all([run('a'), run('b'), run('c')]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('rejects the failed statement only; the next still runs', async () => {
    const { conn, log } = connection();
    const run = backgroundRunner(conn);
    const bad = run('bad');
    const next = run('d');
    await expect(bad).rejects.toThrow('Parser Error');
    await next;
    expect(log).toEqual(['start bad', 'start d', 'end d']);
  });
});
