/**
 * `npm run bench:parse [-- --runs 5 --min-ms 1000 --no-append --strict --only ocr]`: throughput of
 * parseReport over ../shared/corpus/reports and ../shared/corpus/bulk on one core (the main thread,
 * no workers); scanned copies (OCR) in pages/s, at most two passes.
 * Per group (text+HTML, PDF): warm-up, then `runs` timed runs that each parse the group's files in
 * a loop for at least `min-ms`; the median reports/s is compared with the budget. Prints a table
 * and one JSON line, and appends a row to BENCHMARKS.md with date and machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseReport } from '../src/parser/parse';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpus/reports');
// The crawled bulk reports (flattened text) join the text group when present.
const bulk = path.resolve(repoRoot, '../shared/corpus/bulk');
const benchmarksFile = path.join(repoRoot, 'BENCHMARKS.md');

interface Group {
  name: string;
  budget: number;
  extensions: readonly string[];
  /** Scanned copies (image-only PDFs, `*_扫描件.pdf`): timed in pages/s of OCR, not reports/s. */
  scans?: boolean;
}
const GROUPS: readonly Group[] = [
  { name: 'text/html', budget: 300, extensions: ['.txt', '.html', '.htm'] },
  { name: 'pdf', budget: 10, extensions: ['.pdf'] },
  { name: 'doc', budget: 10, extensions: ['.doc', '.wps'] },
  // ≤ 5 s a page on the CLI: 0.2 pages/s.
  { name: 'ocr pages', budget: 0.2, extensions: ['.pdf'], scans: true },
];
const isScan = (name: string) => name.includes('扫描件');

interface GroupResult {
  group: string;
  files: number;
  /** reports per wall-clock second, one per run. */
  runs: number[];
  median: number;
  /** Median reports per CPU-second of this process: what one uncontended core would do. */
  medianPerCpuSecond: number;
  budget: number;
  ok: boolean;
  /** CPU time / wall time over the timed runs: ≈1 means one core. */
  cores: number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      'min-ms': { type: 'string', default: '1000' },
      'no-append': { type: 'boolean', default: false },
      /** Comma-separated group names to run (e.g. `--only ocr` for OCR alone). */
      only: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  const runs = positiveInt('--runs', values.runs);
  const minMs = positiveInt('--min-ms', values['min-ms']);
  if (!existsSync(corpus)) {
    process.stderr.write(`bench:parse: corpus not found at ${corpus}\n`);
    return 1;
  }
  const paths = [
    ...(await readdir(corpus)).map((n) => path.join(corpus, n)),
    ...(existsSync(bulk) ? (await readdir(bulk)).map((n) => path.join(bulk, n)) : []),
  ].sort();
  const results: GroupResult[] = [];
  const only = values.only?.split(',').map((s) => s.trim());
  for (const group of GROUPS) {
    if (only && !only.some((o) => group.name.startsWith(o))) continue;
    const files = await Promise.all(
      paths
        .filter((p) => group.extensions.includes(path.extname(p).toLowerCase()))
        .filter((p) => isScan(p) === (group.scans === true))
        .map(async (p) => ({ name: path.basename(p), bytes: new Uint8Array(await readFile(p)) })),
    );
    if (files.length === 0) continue;
    results.push(
      group.scans ? await benchScans(group, files, runs) : await benchGroup(group, files, runs, minMs),
    );
  }

  const machine = machineInfo();
  printTable(results, machine);
  const line = { bench: 'parse', date: new Date().toISOString(), ...machine, results };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (!values['no-append']) await appendBenchmarks(results, machine);
  return values.strict && results.some((r) => !r.ok) ? 1 : 0;
}

/**
 * `runs` timed passes of `pass` (which returns how many items it did): the median rate per wall
 * second and per CPU second, and how many cores the passes kept busy.
 */
async function timedRuns(
  group: Group,
  files: number,
  runs: number,
  rounded: (n: number) => number,
  pass: () => Promise<number>,
): Promise<GroupResult> {
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let r = 0; r < runs; r++) {
    const runCpu = process.cpuUsage();
    const start = performance.now();
    const done = await pass();
    rates.push(done / ((performance.now() - start) / 1000));
    const used = process.cpuUsage(runCpu);
    cpuRates.push(done / ((used.user + used.system) / 1e6));
  }
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - wallStart;
  const median = medianOf(rates);
  return {
    group: group.name,
    files,
    runs: rates.map(rounded),
    median: rounded(median),
    medianPerCpuSecond: rounded(medianOf(cpuRates)),
    budget: group.budget,
    ok: median >= group.budget,
    cores: round((cpu.user + cpu.system) / 1000 / wall),
  };
}

async function benchGroup(
  group: Group,
  files: { name: string; bytes: Uint8Array }[],
  runs: number,
  minMs: number,
): Promise<GroupResult> {
  // Warm-up: every file twice, so the timed runs measure steady-state code, not the JIT.
  for (let i = 0; i < 2; i++) for (const f of files) await parseReport(f.bytes, f.name);
  return timedRuns(group, files.length, runs, round, async () => {
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < minMs) {
      for (const f of files) {
        // Copy: a parser may transfer or detach the buffer.
        await parseReport(f.bytes.slice(), f.name);
        count++;
      }
    }
    return count;
  });
}

/**
 * OCR throughput: pages per second over the scanned copies, one pass per run (a pass is minutes
 * of work, so no minimum time); the warm-up loads the models by reading the first page only.
 */
async function benchScans(
  group: Group,
  files: { name: string; bytes: Uint8Array }[],
  runs: number,
): Promise<GroupResult> {
  const stop = new AbortController();
  await parseReport(files[0]!.bytes.slice(), files[0]!.name, {
    onProgress: ({ page }) => {
      if (page >= 1) stop.abort();
    },
    signal: stop.signal,
  });
  return timedRuns(group, files.length, Math.min(runs, 2), round2, async () => {
    let pages = 0;
    for (const f of files) {
      const out = await parseReport(f.bytes.slice(), f.name, {
        onProgress: ({ page, pages: n }) => {
          if (page === n) pages += n;
        },
      });
      if (!out.ok || out.report.source.reader !== 'ocr') throw new Error(`${f.name} was not read by OCR`);
    }
    return pages;
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function machineInfo() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() is good enough
  }
  // Load average at the end: on a shared machine a low wall-clock rate may only mean contention.
  return { nproc: os.availableParallelism(), cpu, node: process.version, load: round(os.loadavg()[0] ?? 0) };
}

function printTable(results: GroupResult[], machine: ReturnType<typeof machineInfo>): void {
  const rows = [
    ['group', 'files', 'median reports/s', 'per CPU-s', 'budget', 'status', 'runs', 'cpu/wall'],
    ...results.map((r) => [
      r.group,
      String(r.files),
      String(r.median),
      String(r.medianPerCpuSecond),
      `≥ ${r.budget}`,
      r.ok ? 'ok' : 'BELOW BUDGET',
      r.runs.join(' '),
      String(r.cores),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i]!)).join('  ')}\n`);
  process.stdout.write(
    `(${machine.cpu}, nproc ${machine.nproc}, node ${machine.node}, load ${machine.load})\n`,
  );
}

const HEADER = `# Benchmarks

Appended by \`npm run bench:parse\`: parseReport throughput over \`../shared/corpus/reports\` and \`bulk\` on one
core (the main thread). Median of timed runs after a warm-up; budgets: text/HTML ≥ 300 reports/s,
PDF and DOC ≥ 10 reports/s, OCR of scanned pages ≥ 0.2 pages/s (≤ 5 s a page; that row is in
pages/s), judged on wall-clock time. "per CPU-s" divides by the process's own CPU time,
which is what an uncontended core would do: read it when the load average is above nproc.

| date | group | files | median reports/s | per CPU-s | budget | status | nproc | load | cpu | node |
|---|---|---|---|---|---|---|---|---|---|---|
`;

async function appendBenchmarks(
  results: GroupResult[],
  machine: ReturnType<typeof machineInfo>,
): Promise<void> {
  if (!existsSync(benchmarksFile)) await writeFile(benchmarksFile, HEADER);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const lines = results.map(
    (r) =>
      `| ${date} | ${r.group} | ${r.files} | ${r.median} | ${r.medianPerCpuSecond} | ≥ ${r.budget} | ${r.ok ? 'ok' : 'below budget'} | ${machine.nproc} | ${machine.load} | ${machine.cpu} | ${machine.node} |\n`,
  );
  // Into the parse table at the top of the file: `npm run bench` appends its sections after it.
  const text = await readFile(benchmarksFile, 'utf8');
  const header = text.indexOf('| date | group |');
  if (header < 0) {
    await appendFile(benchmarksFile, `\n${HEADER.slice(HEADER.indexOf('| date'))}${lines.join('')}`);
    return;
  }
  let end = text.indexOf('\n', header) + 1;
  while (end > 0 && end < text.length && text.startsWith('|', end))
    end = text.indexOf('\n', end) + 1 || text.length;
  await writeFile(benchmarksFile, text.slice(0, end) + lines.join('') + text.slice(end));
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function positiveInt(name: string, input: string | undefined): number {
  const n = Number(input);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`invalid ${name}: ${input}`);
  return n;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench:parse: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
