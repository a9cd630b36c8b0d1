import { describe, expect, it } from 'vitest';
import { binomial, multinomial, poisson } from '../../src/synth/distributions';
import { hashKeys, Rng, rngFor } from '../../src/synth/prng';

describe(rngFor, () => {
  it('repeats a stream for the same keys and differs for other keys', () => {
    const draw = (...keys: (string | number)[]) => {
      const rng = rngFor(...(keys as [number, ...(string | number)[]]));
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(1, '110000', 2019)).toEqual(draw(1, '110000', 2019));
    expect(draw(1, '110000', 2019)).not.toEqual(draw(2, '110000', 2019));
    expect(draw(1, '110000', 2019)).not.toEqual(draw(1, '110000', 2020));
  });

  it('keeps key boundaries apart', () => {
    expect(hashKeys('11', '0')).not.toBe(hashKeys('1', '10'));
  });
});

describe(Rng, () => {
  it('draws uniformly in [0, 1)', () => {
    const rng = new Rng(42);
    const xs = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });
});

describe(multinomial, () => {
  it('splits a count into parts that sum to it', () => {
    const rng = new Rng(7);
    for (const n of [0, 1, 5, 37, 1000, 25_000]) {
      const parts = multinomial(rng, n, [0.86, 0.07, 0.004, 0.006, 0.02, 0.04]);
      expect(parts.reduce((s, x) => s + x, 0)).toBe(n);
      expect(parts.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
  });

  it('follows the weights on average', () => {
    const rng = new Rng(9);
    const parts = multinomial(rng, 100_000, [0.5, 0.3, 0.2]);
    expect(parts[0]! / 100_000).toBeCloseTo(0.5, 1);
    expect(parts[2]! / 100_000).toBeCloseTo(0.2, 1);
  });
});

describe(binomial, () => {
  it('stays within 0…n on both the inversion and the normal path', () => {
    const rng = new Rng(3);
    for (const [n, p] of [
      [10, 0.3],
      [5000, 0.001],
      [5000, 0.5],
      [40, 0.97],
    ] as const) {
      for (let i = 0; i < 200; i++) {
        const x = binomial(rng, n, p);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(n);
      }
    }
  });
});

describe(poisson, () => {
  it('has the requested mean', () => {
    const rng = new Rng(5);
    for (const mean of [3, 80]) {
      const xs = Array.from({ length: 5000 }, () => poisson(rng, mean));
      expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(mean, 0);
    }
  });
});
