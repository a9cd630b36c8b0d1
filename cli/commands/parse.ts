import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Report } from '../../src/domain/report';
import type { ResolveOutcome } from '../../src/region/types';
import { classifyUnit } from '../../src/region/unit-kind';
import { CliError, EXIT } from '../errors';
import { describeIoError, readBytes } from '../lib/files';
import { ParseRunner } from '../lib/parse-runner';
import { placeReport } from '../lib/place';
import { regionIndex } from '../lib/regions';
import { toParseJson } from '../lib/report-json';
import { readSourceNotes } from '../lib/sources';
import { escapeForTerminal, escapeJsonForTerminal } from '../lib/terminal';

export const summary = 'parse FILE [--json]: one report, as a readable summary or the contract JSON';

export async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args);
  if (positionals.length !== 1) throw new CliError('usage: parse FILE [--json]', EXIT.usage);
  const file = positionals[0]!;

  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (error) {
    throw new CliError(`${file}: cannot read: ${describeIoError(error)}`, EXIT.unreadable);
  }
  // In a worker thread with a capped heap and a time limit, like every file of `ingest`.
  const runner = new ParseRunner();
  let outcome: Awaited<ReturnType<ParseRunner['parse']>>;
  try {
    outcome = await runner.parse(bytes, path.basename(file));
  } catch (error) {
    throw new CliError(
      `${file}: parser error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
    );
  } finally {
    await runner.close();
  }
  if (!outcome.ok) throw new CliError(`${file}: ${oneLine(outcome.reason)}`, EXIT.notAReport);

  const report = outcome.report;
  const source = (await readSourceNotes([path.dirname(file)])).get(path.basename(file));
  const { outcome: region, note } = placeReport(await regionIndex(), report, source);
  const json = toParseJson(report, region.ok ? region.resolution : null);
  process.stdout.write(
    values.json
      ? `${escapeJsonForTerminal(JSON.stringify(json, null, 2))}\n`
      : escapeForTerminal(describe(json, region, note)),
  );
}

function parseCommandArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]}\nusage: parse FILE [--json]`, EXIT.usage);
  }
}

/** The readable summary: who, when, which format, where, how many cells, which checks failed. */
export function describe(report: Report, region: ResolveOutcome, note: string | null = null): string {
  const count = (t: Report['table3']) => Object.values(t).reduce((n, row) => n + Object.keys(row).length, 0);
  const numbers = (t: Report['table3']) =>
    Object.values(t).reduce(
      (n, row) => n + Object.values(row).filter((v) => typeof v === 'number').length,
      0,
    );
  const place = region.ok
    ? `${region.resolution.chain.map((r) => r.name).join(' › ')} (${region.resolution.region.code}, ${region.resolution.region.level})`
    : `unresolved (${region.reason})`;
  const placeNote = region.ok && note ? ` — ${note}` : '';
  const lines = [
    `file      ${report.source.file}${report.source.reader ? ` (read as ${report.source.reader})` : ''}`,
    `unit      ${report.unit} [${classifyUnit(report.unit)}]`,
    `year      ${report.year}`,
    `format    ${report.format}`,
    `region    ${place}${placeNote}`,
    `cells     table三 ${count(report.table3)} (${numbers(report.table3)} numbers), table四 ${count(report.table4)}, table二 ${count(report.table2)}; ${Object.keys(report.raw).length} printed as non-numbers`,
    `sha256    ${report.source.sha256}`,
  ];
  if (report.checks.length === 0) lines.push('checks    all passed');
  else {
    lines.push(`checks    ${report.checks.length} failed`);
    for (const c of report.checks) {
      const numbersPart =
        c.expected !== null || c.actual !== null ? ` (expected ${c.expected}, printed ${c.actual})` : '';
      lines.push(`  - ${c.rule} at ${c.where}${numbersPart}: ${c.message}`);
    }
  }
  const notes = report.notes ?? [];
  if (notes.length > 0) {
    lines.push(`notes     ${notes.length} decided on evidence`);
    for (const n of notes) lines.push(`  - ${n.rule} at ${n.where}: ${n.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
