import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { writeDataset } from '../../src/dataset/node/parquet-writer';
import { parseAliases, type UnitAliases } from '../../src/domain/units/identity';
import { CliError, EXIT } from '../errors';
import { collectInputs, describeIoError } from '../lib/files';
import { ingestFiles, type Manifest, type ManifestEntry } from '../lib/ingest-run';
import { ParseRunner } from '../lib/parse-runner';
import { loadParser } from '../lib/parser';
import { regionIndex } from '../lib/regions';
import { readSourceNotes } from '../lib/sources';
import { escapeForTerminal } from '../lib/terminal';

export const summary = 'ingest --out DIR INPUT...: files or folders → four Parquet files + manifest.json';
const USAGE = 'usage: ingest --out DIR [--aliases FILE] [--quiet] INPUT...';

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args);
  const out = values.out;
  if (!out) throw new CliError(`missing --out DIR\n${USAGE}`, EXIT.usage);
  if (positionals.length === 0) throw new CliError(`no INPUT given\n${USAGE}`, EXIT.usage);

  const { aliases, units: unitMerges } = values.aliases
    ? await readAliases(values.aliases)
    : { aliases: undefined, units: undefined };
  const { files, problems } = await collectInputs(positionals);
  // Each file is parsed in a worker thread with a capped heap and a time limit (../lib/parse-runner.ts).
  const runner = new ParseRunner();
  const [{ version }, regions, sources] = await Promise.all([
    loadParser(),
    regionIndex(),
    readSourceNotes(new Set(files.map((f) => path.dirname(f.path)))),
  ]);

  // A bar only where someone watches: a TTY, and enough files for it to move.
  const bar =
    process.stderr.isTTY && !values.quiet && files.length > 1
      ? new SingleBar({
          format: 'parsing [{bar}] {value}/{total} {file}',
          stream: process.stderr,
          hideCursor: true,
        })
      : undefined;
  bar?.start(files.length, 0, { file: '' });
  let done = 0;
  const result = await ingestFiles(files, {
    parseReport: runner.parse,
    parserVersion: version,
    regions,
    sources,
    aliases,
    unitMerges,
    onFile: (f) => bar?.update(done++, { file: escapeForTerminal(f.name) }),
  });
  await runner.close();
  bar?.update(files.length, { file: '' });
  bar?.stop();

  const written = await writeDataset(out, result.tables);
  const manifest: Manifest & { inputs_not_found: typeof problems } = {
    ...result.manifest,
    inputs_not_found: problems,
  };
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  process.stdout.write(
    escapeForTerminal(report(out, manifest, written.cells.rows, result.tables.reports.length)),
  );
  const unreadable = problems.length + result.unreadable.length;
  if (unreadable > 0) {
    const names = [
      ...problems.map((p) => `${p.path} (${p.reason})`),
      ...result.unreadable.map((e) => `${e.file} (${e.reason})`),
    ];
    throw new CliError(`${unreadable} input(s) could not be read: ${names.join('; ')}`, EXIT.unreadable);
  }
}

/**
 * The aliases file (src/domain/units/identity.ts `parseAliases`): a line it cannot read is named
 * on stderr and skipped, the others apply; a file that cannot be read at all stops the run.
 */
async function readAliases(
  file: string,
): Promise<{ aliases: UnitAliases; units: ReadonlyMap<string, string> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`--aliases ${file}: cannot read (${describeIoError(error)})`, EXIT.usage);
  }
  const { aliases, units, problems } = parseAliases(text);
  for (const p of problems) process.stderr.write(`${file}: ${p} (line skipped)\n`);
  return { aliases, units };
}

function parseCommandArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        out: { type: 'string', short: 'o' },
        aliases: { type: 'string', short: 'a' },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, EXIT.usage);
  }
}

const READER_NAMES: Record<string, string> = {
  text: 'text',
  html: 'HTML',
  pdf: 'PDF text layer',
  docx: 'DOCX',
  doc: 'Word 97–2003/WPS',
  ocr: 'OCR',
};

/** How many files each path read ("text 40 · HTML 6 · OCR 2"), failed files apart. */
function readers(entries: readonly ManifestEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const name = e.reader ? (READER_NAMES[e.reader] ?? e.reader) : 'not read';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => `${name} ${n}`).join(' · ');
}

/** The end-of-run summary: counts, then every file that did not parse cleanly, then unplaced units. */
function report(out: string, manifest: Manifest, cellRows: number, reportRows: number): string {
  const { counts } = manifest;
  const lines = [
    `wrote ${out}: ${reportRows} reports, ${cellRows} cells (parser ${manifest.parser_version})`,
    `parsed ${counts.parsed} · flagged ${counts.flagged} · failed ${counts.failed} · duplicate ${counts.duplicate}`,
  ];
  lines.push(`read by: ${readers(manifest.reports)}`);
  const decided = manifest.reports.reduce((n, e) => n + e.notes.length, 0);
  if (decided > 0)
    lines.push(
      `table 二 splits decided on evidence: ${decided} (manifest.json notes, rule table2.split_resolved)`,
    );
  const section = (title: string, rows: ManifestEntry[], text: (e: ManifestEntry) => string) => {
    if (rows.length === 0) return;
    lines.push(`${title}:`);
    for (const e of rows) lines.push(`  ${e.file}: ${text(e)}`);
  };
  const all = manifest.reports;
  section(
    'failed',
    all.filter((e) => e.status === 'failed'),
    (e) => e.reason ?? '',
  );
  section(
    'flagged',
    all.filter((e) => e.status === 'flagged'),
    (e) => `${e.check_failures} check(s): ${e.reason}`,
  );
  section(
    'duplicate',
    all.filter((e) => e.status === 'duplicate'),
    (e) => e.reason ?? '',
  );
  // Files read by the slower or less exact paths are named, so a reader knows which to re-check.
  section(
    'read by OCR or as legacy Word',
    all.filter((e) => e.reader === 'ocr' || e.reader === 'doc'),
    (e) => `${READER_NAMES[e.reader!]}, ${e.status}`,
  );
  const placed = all.filter((e) => e.region_note && e.status !== 'duplicate');
  section(
    'region unresolved',
    placed.filter((e) => !e.region_code),
    (e) => `${e.unit}: ${e.region_note}`,
  );
  section(
    'region not from the unit',
    placed.filter((e) => e.region_code),
    (e) => `${e.region_code} ${e.region_note}`,
  );
  return `${lines.join('\n')}\n`;
}
