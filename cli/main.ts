import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandModule } from './command';
import { CliError, EXIT } from './errors';
import { childPeakKb } from './lib/parse-runner';
import { escapeForTerminal } from './lib/terminal';

/** Commands load lazily so `parse` never pays for DuckDB and `ingest` never for the synthesiser. */
const COMMANDS: Record<string, { file: string; summary: string }> = {
  parse: {
    file: './commands/parse.ts',
    summary: 'parse FILE [--json]: one report, summary or the contract JSON',
  },
  ingest: {
    file: './commands/ingest.ts',
    summary: 'ingest --out DIR INPUT...: files or folders → Parquet + manifest',
  },
  synth: { file: './commands/synth.ts', summary: 'synth: generate a synthetic dataset' },
};

const USAGE = [
  'usage: main.ts <command> [options]',
  ...Object.entries(COMMANDS).map(([, c]) => `  ${c.summary}`),
].join('\n');

/**
 * stdout carries only what a command writes with process.stdout.write (`parse --json` must stay
 * valid JSON); chatter from libraries (pdf.js warnings via console.log) goes to stderr.
 */
function keepStdoutClean(): void {
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) throw new CliError(`unknown command: ${name}\n${USAGE}`, EXIT.usage);
  const url = new URL(command.file, import.meta.url);
  if (!existsSync(fileURLToPath(url)))
    throw new CliError(`command not available in this build: ${name}`, EXIT.usage);
  const mod = (await import(url.href)) as Partial<CommandModule> & { default?: CommandModule['run'] };
  const run = mod.run ?? mod.default;
  if (typeof run !== 'function') throw new CliError(`command ${name} has no run()`, EXIT.internal);
  await run(args);
  return 0;
}

/** Never a stack trace: expected failures print their message, anything else one `error:` line. */
function fail(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`${escapeForTerminal(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${escapeForTerminal(message.split('\n')[0]!)}\n`);
  if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  keepStdoutClean();
  // The reliability suite's memory figure: this process's peak RSS (worker threads included), in KB.
  const peakFile = process.env.CLI_PEAK_RSS_FILE;
  // Parse children run one at a time next to this process: their peak is added.
  if (peakFile)
    process.on('exit', () => writeFileSync(peakFile, String(process.resourceUsage().maxRSS + childPeakKb)));
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = fail(error);
    },
  );
}
