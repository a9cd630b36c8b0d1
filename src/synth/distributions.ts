/** Sampling helpers over an Rng: the skewed shapes the synthetic dataset needs. */
import type { Rng } from './prng';

/** Standard normal (Box–Muller; the second variate is dropped to keep streams simple). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal with the given median and log-scale spread. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** Pareto type I with minimum `xm` and tail index `alpha` (smaller alpha = heavier tail). */
export function pareto(rng: Rng, xm: number, alpha: number): number {
  return xm / (1 - rng.next()) ** (1 / alpha);
}

/** Poisson by inversion for small means, a rounded normal beyond (exactness does not matter here). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rng.next();
  while (u > cdf && k < 200) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Binomial(n, p): inversion while the expected count is small, a clamped normal otherwise. */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const mean = n * p;
  if (mean >= 15) {
    const x = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(rng));
    return Math.min(n, Math.max(0, x));
  }
  // Inversion with the pmf recurrence; O(mean) steps.
  const q = 1 - p;
  const ratio = p / q;
  let k = 0;
  let pmf = q ** n;
  let cdf = pmf;
  const u = rng.next();
  while (u > cdf && k < n) {
    pmf *= (ratio * (n - k)) / (k + 1);
    k++;
    cdf += pmf;
  }
  return k;
}

/** Splits `n` into integer parts drawn with the given weights; the parts always sum to `n`. */
export function multinomial(rng: Rng, n: number, weights: readonly number[]): number[] {
  const parts = new Array<number>(weights.length).fill(0);
  let remaining = n;
  let weightLeft = weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < weights.length && remaining > 0; i++) {
    const w = weights[i]!;
    const take =
      i === weights.length - 1 ? remaining : binomial(rng, remaining, weightLeft > 0 ? w / weightLeft : 0);
    parts[i] = take;
    remaining -= take;
    weightLeft -= w;
  }
  return parts;
}

/** Each weight times an independent log-normal factor: a unit's own mix around the national one. */
export function perturb(rng: Rng, weights: readonly number[], sigma: number): number[] {
  return weights.map((w) => w * Math.exp(sigma * normal(rng)));
}
