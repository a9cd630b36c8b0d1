/**
 * Issue 14 through the CLI as users run it: every crafted file is refused by `parse` with a
 * message naming the file and the bound, quickly and in bounded memory; `ingest` of good
 * reports plus every crafted file writes the good ones and names the bad ones; `/dev/zero`
 * does not hang; control and bidi characters in file names are printed escaped. The peak
 * memory of every run is printed and must stay under 1 GB.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, reportsDir } from './corpus';
import { recordCount } from './counts';
import { deepHtml, docxBomb, gridBomb } from './hostile-files';
import { type MeasuredRun, runCliMeasured } from './peak';

const GB = 1024;
const GOOD = ['济源市_2019.txt', '洪泽区_2024.txt', '平潭综合实验区_2021.html'];
const EVIL_NAME = '\x1b]0;pwned\x07\u202eevil_2021.txt';
const dir = mkdtempSync(path.join(tmpdir(), 'cli-hostile-'));
const inputs = path.join(dir, 'in');
const peaks: string[] = [];
let passed = 0;
let failed = 0;

interface Case {
  label: string;
  file: string;
  expect: RegExp;
}
const cases: Case[] = [];

beforeAll(async () => {
  mkdirSync(inputs);
  const add = (label: string, file: string, bytes: Uint8Array, expect: RegExp) => {
    writeFileSync(path.join(inputs, file), bytes);
    cases.push({ label, file, expect });
  };
  add('14.1 HTML grid bomb (42 KB)', 'grid-bomb.html', gridBomb(), /limit of 1,000,000 table grid cells/);
  add('14.1 HTML grid bomb (12 KB)', 'grid-bomb-small.html', gridBomb(280), /table grid cells/);
  add(
    '14.2 DOCX zip bomb (400 MB inflated)',
    'zip-bomb.docx',
    await docxBomb(400),
    /inflates past the limit/,
  );
  add('14.2 DOCX zip bomb, lying sizes', 'zip-bomb-lying.docx', await docxBomb(400, true), /inflates past/);
  add('14.9 100,000 nested divs', 'deep.html', deepHtml(), /deeper than the limit/);
  add('14.9 escape sequences in the name', EVIL_NAME, new TextEncoder().encode('not a report'), /no table/);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  recordCount({
    suite: 'hostile files through the CLI (issue 14)',
    passed,
    failed,
    note: `peak memory: ${peaks.join(', ')}`,
  });
});

function measured(label: string, run: MeasuredRun): MeasuredRun {
  peaks.push(`${label} ${Number.isNaN(run.peakMb) ? '?' : Math.round(run.peakMb)} MB`);
  return run;
}

function verdict(ok: boolean, assert: () => void): void {
  if (ok) passed++;
  else failed++;
  assert();
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: raw escape characters are what must not be printed
const RAW = /[\x1b\x07\u202e]/;
const visible = (s: string) => s.replace(/\\x1b/g, '').replace(/\\x07/g, '');

describe('cli parse on crafted files', () => {
  it('refuses each by its bound, naming the file, under 1 GB', () => {
    for (const c of cases) {
      const run = measured(c.label, runCliMeasured(['parse', path.join(inputs, c.file)]));
      const raw = RAW.test(run.stderr);
      const named = run.stderr.includes(
        c.file === EVIL_NAME ? '\\x1b]0;pwned\\x07\\u{202e}evil_2021.txt' : c.file,
      );
      verdict(run.code === 1 && named && c.expect.test(run.stderr) && !raw && run.peakMb < GB, () => {
        expect(run.code, c.label).toBe(1);
        expect(run.stderr, c.label).toMatch(c.expect);
        expect(named, `${c.label}: ${visible(run.stderr)}`).toBe(true);
        expect(raw, c.label).toBe(false);
        expect(run.peakMb, c.label).toBeLessThan(GB);
      });
    }
  }, 300_000);

  it('/dev/zero (size 0, endless) is refused by the byte cap, not read forever', () => {
    const run = measured('/dev/zero', runCliMeasured(['parse', '/dev/zero'], 60_000));
    verdict(run.code === 3 && /\/dev\/zero.*too large/.test(run.stderr) && run.peakMb < GB, () => {
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/\/dev\/zero.*too large/);
      expect(run.peakMb).toBeLessThan(GB);
    });
  }, 90_000);
});

describe.skipIf(!hasCorpus)('cli ingest of good reports plus every crafted file', () => {
  it('writes the good reports, names every bad file in the manifest and the summary, under 1 GB', () => {
    for (const f of GOOD) copyFileSync(path.join(reportsDir, f), path.join(inputs, f));
    const out = path.join(dir, 'out');
    const run = measured('ingest', runCliMeasured(['ingest', '--quiet', '--out', out, inputs, '/dev/zero']));
    const manifest = existsSync(path.join(out, 'manifest.json'))
      ? (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
          reports: { file: string; status: string; reason: string | null; in_dataset: boolean }[];
        })
      : { reports: [] };
    const byName = new Map(manifest.reports.map((r) => [r.file, r]));
    const goodIn = GOOD.every((f) => byName.get(f)?.in_dataset === true);
    const badNamed = cases.every(
      (c) => byName.get(c.file)?.status === 'failed' && c.expect.test(byName.get(c.file)?.reason ?? ''),
    );
    const raw = RAW.test(run.stdout + run.stderr);
    verdict(
      run.code === 3 &&
        /\bzero \(cannot read: too large/.test(run.stderr) &&
        goodIn &&
        badNamed &&
        !raw &&
        run.peakMb < GB,
      () => {
        expect(run.code, run.stderr).toBe(3);
        expect(run.stderr).toMatch(/\bzero \(cannot read: too large/);
        expect(goodIn, JSON.stringify(manifest.reports)).toBe(true);
        expect(badNamed, JSON.stringify(manifest.reports)).toBe(true);
        expect(raw).toBe(false);
        expect(run.peakMb).toBeLessThan(GB);
      },
    );
    expect(run.stdout).toMatch(/wrote .*: 3 reports/);
    for (const c of cases.filter((x) => x.file !== EVIL_NAME)) expect(run.stdout).toContain(`${c.file}: `);
  }, 300_000);
});
