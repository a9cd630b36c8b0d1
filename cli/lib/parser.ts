import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ParseReport } from '../../src/parser/api';
import { CliError, EXIT } from '../errors';

export interface LoadedParser {
  parseReport: ParseReport;
  version: string;
}

let loaded: Promise<LoadedParser> | undefined;

/**
 * The parser of src/parser/parse.ts, loaded on first use. Its version is the module's
 * `PARSER_VERSION` export if it has one, else the package version.
 */
export function loadParser(): Promise<LoadedParser> {
  loaded ??= (async () => {
    const url = new URL('../../src/parser/parse.ts', import.meta.url);
    if (!existsSync(fileURLToPath(url)))
      throw new CliError('the parser (src/parser/parse.ts) is not built yet', EXIT.internal);
    const mod = (await import(url.href)) as { parseReport?: ParseReport; PARSER_VERSION?: string };
    if (typeof mod.parseReport !== 'function')
      throw new CliError('src/parser/parse.ts exports no parseReport', EXIT.internal);
    return { parseReport: mod.parseReport, version: mod.PARSER_VERSION ?? (await packageVersion()) };
  })();
  return loaded;
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}
