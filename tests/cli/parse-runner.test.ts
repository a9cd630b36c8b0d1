/** The CLI's parse worker: a file that exhausts the capped heap or the time limit fails alone. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParseRunner } from '../../cli/lib/parse-runner';
import { hasCorpus, reportsDir } from './run-cli';

const runners: ParseRunner[] = [];
afterAll(async () => {
  for (const r of runners) await r.close();
});
const runner = (ms: number, mb: number) => {
  const r = new ParseRunner(ms, mb);
  runners.push(r);
  return r;
};

// Plain text of 40 MB of digits: reading it as a report needs far more than a 64 MB heap.
const heavy = new TextEncoder().encode('1 2 3 4 5 6 7 8 9\n'.repeat(2_300_000));

describe(ParseRunner, () => {
  it('a parse that outgrows the heap cap fails by the memory bound, and the next file still parses', async () => {
    const r = runner(60_000, 64);
    expect(await r.parse(heavy, 'heavy.txt')).toEqual({
      ok: false,
      file: 'heavy.txt',
      reason: expect.stringMatching(/memory limit of 64 MB/),
      refusal: { code: 'memory', params: { limit: 64 } },
    });
    const next = await r.parse(new TextEncoder().encode('hello'), 'next.txt');
    expect(next).toMatchObject({ ok: false, file: 'next.txt', reason: expect.stringMatching(/no table 三/) });
  }, 120_000);

  it('a parse that outlasts the time limit is stopped and fails by the time bound', async () => {
    const r = runner(50, 512);
    expect(await r.parse(heavy, 'slow.txt')).toEqual({
      ok: false,
      file: 'slow.txt',
      reason: expect.stringMatching(/longer than the limit/),
      refusal: expect.objectContaining({ code: 'time' }),
    });
  }, 60_000);

  it.skipIf(!hasCorpus)(
    'parses a real report like the parser in-process',
    async () => {
      const bytes = new Uint8Array(readFileSync(path.join(reportsDir, '济源市_2019.txt')));
      const outcome = await runner(60_000, 512).parse(bytes, '济源市_2019.txt');
      expect(outcome).toMatchObject({ ok: true, report: { unit: '济源市人民政府', year: 2019 } });
    },
    60_000,
  );
});
