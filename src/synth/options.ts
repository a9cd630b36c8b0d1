/** Strict parsers for the synth command's options: each error names the option and the bad value. */

/** The first year of the 2019 regulation's reports. */
export const FIRST_YEAR = 2019;
export const DEFAULT_YEARS = '2019-2025';
export const DEFAULT_SEED = 1;
/** Percent of reports carrying one injected fault. */
export const DEFAULT_FAULT_PERCENT = 2;

export class OptionError extends Error {}

function invalid(name: string, input: string, why: string): OptionError {
  return new OptionError(`invalid ${name}: ${input} (${why})`);
}

/** `2019-2025` or `2023`: consecutive years, ascending, from 2019 on. */
export function parseYears(input: string): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(input.trim());
  if (!m) throw invalid('--years', input, 'expected YYYY or YYYY-YYYY');
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (from < FIRST_YEAR) throw invalid('--years', input, `reports start in ${FIRST_YEAR}`);
  if (to < from) throw invalid('--years', input, 'range runs backwards');
  if (to - from > 50) throw invalid('--years', input, 'more than 50 years');
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A seed in 0…2³²−1. */
export function parseSeed(input: string): number {
  if (!/^\d+$/.test(input.trim())) throw invalid('--seed', input, 'expected a non-negative integer');
  const seed = Number(input);
  if (!Number.isSafeInteger(seed) || seed > 0xffffffff) throw invalid('--seed', input, 'at most 4294967295');
  return seed;
}

/** A percentage 0–100 (decimals allowed), returned as a rate 0–1. */
export function parseFaultPercent(input: string): number {
  const text = input.trim().replace(/%$/, '');
  if (!/^\d+(\.\d+)?$/.test(text)) throw invalid('--faults', input, 'expected a percentage 0–100');
  const pct = Number(text);
  if (pct > 100) throw invalid('--faults', input, 'at most 100');
  return pct / 100;
}

/** A positive count (the number of provinces to keep). */
export function parsePositiveInt(name: string, input: string): number {
  if (!/^\d+$/.test(input.trim()) || Number(input) < 1)
    throw invalid(name, input, 'expected a positive integer');
  return Number(input);
}

/**
 * `--provinces`: a count (the first N provinces by code) or a comma list of two-digit province
 * codes (`11,32,35`: Beijing, Jiangsu, Fujian; `32,` for one), for small runs that still hold same-named units.
 */
export function parseProvinces(input: string): number | string[] {
  const text = input.trim();
  // A list needs a comma (`32,` for one province): a bare number is a count.
  if (/^\d{2}(,\d{2})*,?$/.test(text) && text.includes(','))
    return [...new Set(text.split(',').filter(Boolean))];
  return parsePositiveInt('--provinces', input);
}
