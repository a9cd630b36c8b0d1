/**
 * The bad file classes of issue 5 through the CLI as users run it: `parse` refuses each with a
 * message naming the file and the problem; `ingest` over a folder mixing them with a real report
 * still writes the report, lists every failure in the manifest, and exits non-zero only because
 * one input (the 100 MB file, refused by size) could not be read. A GBK copy of a corpus report
 * parses to the same figures as the UTF-8 file.
 */
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { type BadFile, makeBadFiles } from '../import/bad-inputs';
import { hasCorpus, reportsDir } from './corpus';
import { recordCount } from './counts';
import { encodeGbk } from './gbk';

const REPORT = '济源市_2019.txt';
const { dir, files } = makeBadFiles({ big: true });
const outcomes: boolean[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  recordCount({
    suite: 'bad files through the CLI',
    passed: outcomes.filter(Boolean).length,
    failed: outcomes.filter((o) => !o).length,
  });
});

/** Records each case's verdict for the count line, then asserts. */
function verdict(ok: boolean, fail: () => void): void {
  outcomes.push(ok);
  if (!ok) fail();
}

describe('cli parse on bad input', () => {
  const reportFiles = files.filter((f) => !f.name.endsWith('.parquet'));
  it.each(reportFiles.map((f) => [f.label, f] as [string, BadFile]))('%s', (_l, f) => {
    const run = runCli(['parse', f.path]);
    if (f.label.includes('cut off')) {
      // Still a report: printed with its incomplete check, exit 0.
      verdict(run.code === 0 && /incomplete/.test(run.stdout), () => expect(run).toMatchObject({ code: 0 }));
      return;
    }
    const said = run.stderr.toLowerCase();
    verdict(run.code !== 0 && said.includes(f.name.toLowerCase()) && f.expect.test(said), () => {
      expect(run.code).not.toBe(0);
      expect(said).toContain(f.name.toLowerCase());
      expect(said).toMatch(f.expect);
    });
  });
});

describe.skipIf(!hasCorpus)('cli ingest over a folder of bad files and one report', () => {
  it('writes the report, names every failure, exits non-zero only for the file it could not read', () => {
    copyFileSync(path.join(reportsDir, REPORT), path.join(dir, REPORT));
    const out = path.join(dir, 'out');
    const run = runCli(['ingest', '--quiet', '--out', out, dir]);
    const manifest = existsSync(path.join(out, 'manifest.json'))
      ? (JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
          reports: { file?: string; name?: string; status: string; reason: string | null }[];
        })
      : { reports: [] };
    const byName = new Map(manifest.reports.map((r) => [path.basename(r.file ?? r.name ?? ''), r]));
    const ok =
      run.code === 3 &&
      /huge\.txt.*too large/.test(run.stderr) &&
      existsSync(path.join(out, 'reports.parquet')) &&
      byName.get(REPORT)?.status === 'parsed' &&
      byName.get('empty.txt')?.status === 'failed' &&
      byName.get('scanned.pdf')?.status === 'failed';
    verdict(ok, () => {
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/huge\.txt.*too large/);
      expect(byName.get(REPORT)?.status).toBe('parsed');
      expect(byName.get('empty.txt')).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/empty/),
      });
      expect(byName.get('scanned.pdf')).toMatchObject({ status: 'failed' });
    });
    expect(run.stdout).toMatch(/wrote .*1 reports/);
  });

  it('parses a GBK copy of a corpus report to the same figures as the UTF-8 file', () => {
    const gbkPath = path.join(dir, `gbk_${REPORT}`);
    writeFileSync(gbkPath, encodeGbk(readFileSync(path.join(reportsDir, REPORT), 'utf8')).bytes);
    const a = runCli(['parse', '--json', path.join(reportsDir, REPORT)]);
    const b = runCli(['parse', '--json', gbkPath]);
    const figures = (s: string) => {
      const { source: _s, ...rest } = JSON.parse(s) as Record<string, unknown>;
      return rest;
    };
    const same =
      a.code === 0 && b.code === 0 && JSON.stringify(figures(a.stdout)) === JSON.stringify(figures(b.stdout));
    verdict(same, () => expect(figures(b.stdout)).toEqual(figures(a.stdout)));
    expect(figures(a.stdout)).toMatchObject({ year: 2019, format: '2019' });
  });
});
