/**
 * `synth --out DIR [--years 2019-2025] [--seed N] [--faults PCT] [--provinces N]`: a synthetic
 * all-China dataset (every province, prefecture and county × year) in the contract's Parquet shape.
 */
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadRegionEntries } from '../../src/region/node/region-data';
import { checkSeries } from '../../src/synth/checks';
import { generateDataset } from '../../src/synth/node/generate';
import {
  DEFAULT_FAULT_PERCENT,
  DEFAULT_SEED,
  DEFAULT_YEARS,
  OptionError,
  parseFaultPercent,
  parseProvinces,
  parseSeed,
  parseYears,
} from '../../src/synth/options';
import { CliError, EXIT } from '../errors';

export const summary =
  'synth --out DIR [--years 2019-2025] [--seed N] [--faults PCT]: synthetic nationwide dataset';
const USAGE =
  'usage: synth --out DIR [--years 2019-2025] [--seed 1] [--faults 2] [--provinces N|11,32,…] [--quiet]\n' +
  '  suggested DIR: public/data/synthetic (gitignored)';

export async function run(args: string[]): Promise<void> {
  const values = parseCommandArgs(args);
  if (!values.out) throw new CliError(`missing --out DIR\n${USAGE}`, EXIT.usage);
  let options: { years: number[]; seed: number; faultRate: number; provinceLimit?: number | string[] };
  try {
    options = {
      years: parseYears(values.years),
      seed: parseSeed(values.seed),
      faultRate: parseFaultPercent(values.faults),
      provinceLimit: values.provinces === undefined ? undefined : parseProvinces(values.provinces),
    };
  } catch (error) {
    if (error instanceof OptionError) throw new CliError(`${error.message}\n${USAGE}`, EXIT.usage);
    throw error;
  }

  const entries = await loadRegionEntries({ towns: false });
  const bar =
    process.stderr.isTTY && !values.quiet
      ? new SingleBar({
          format: 'generating [{bar}] {value}/{total} units',
          stream: process.stderr,
          hideCursor: true,
        })
      : undefined;
  bar?.start(1, 0);
  const result = await generateDataset(values.out, entries, {
    ...options,
    check: checkSeries,
    onProgress: (done, total) => {
      bar?.setTotal(total);
      bar?.update(done);
    },
  });
  bar?.stop();

  const { files, ms } = result;
  const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
  const lines = [
    `wrote ${values.out}: ${result.units} units × ${options.years.length} years (seed ${options.seed})`,
    ...Object.values(files).map((f) => `  ${f.file}: ${f.rows} rows, ${mb(f.bytes)} MB`),
    `faults injected: ${Object.entries(result.faults)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `generate ${(ms.generate / 1000).toFixed(1)} s, write ${(ms.write / 1000).toFixed(1)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  // The generator's promise: every fault flagged, nothing else. A break here is a bug, not bad input.
  if (result.missedFaults > 0 || result.falseAlarms > 0)
    throw new CliError(
      `checks disagree with the injected faults: ${result.missedFaults} fault(s) not flagged, ${result.falseAlarms} clean report(s) flagged`,
      EXIT.internal,
    );
}

function parseCommandArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        out: { type: 'string', short: 'o' },
        years: { type: 'string', default: DEFAULT_YEARS },
        seed: { type: 'string', default: String(DEFAULT_SEED) },
        faults: { type: 'string', default: String(DEFAULT_FAULT_PERCENT) },
        provinces: { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]}\n${USAGE}`, EXIT.usage);
  }
}
