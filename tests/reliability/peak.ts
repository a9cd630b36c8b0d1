/** The CLI run as users run it, with its peak memory (resident set, worker threads included). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CliRun, repoRoot } from '../cli/run-cli';

export interface MeasuredRun extends CliRun {
  /** Peak RSS in MB; NaN when the process died before it could say (e.g. killed out of memory). */
  peakMb: number;
}

export function runCliMeasured(args: readonly string[], timeoutMs = 180_000): MeasuredRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-peak-'));
  const peakFile = path.join(dir, 'peak');
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', DEBUG: '', CLI_PEAK_RSS_FILE: peakFile },
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    let peakMb = Number.NaN;
    try {
      peakMb = Number(readFileSync(peakFile, 'utf8')) / 1024;
    } catch {
      // no figure: the process did not reach its exit handler
    }
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, peakMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
