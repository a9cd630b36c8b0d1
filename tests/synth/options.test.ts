import { describe, expect, it } from 'vitest';
import { parseFaultPercent, parsePositiveInt, parseSeed, parseYears } from '../../src/synth/options';

describe(parseYears, () => {
  it('reads a range and a single year', () => {
    expect(parseYears('2019-2025')).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(parseYears('2023')).toEqual([2023]);
  });

  it('names the option and the bad value', () => {
    expect(() => parseYears('2018-2020')).toThrow('invalid --years: 2018-2020');
    expect(() => parseYears('2025-2019')).toThrow(/runs backwards/);
    expect(() => parseYears('twenty')).toThrow(/YYYY/);
  });
});

describe(parseSeed, () => {
  it('accepts 0…2³²−1 only', () => {
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(() => parseSeed('4294967296')).toThrow('invalid --seed');
    expect(() => parseSeed('-1')).toThrow('invalid --seed: -1');
    expect(() => parseSeed('1.5')).toThrow('invalid --seed');
  });
});

describe(parseFaultPercent, () => {
  it('turns a percentage into a rate', () => {
    expect(parseFaultPercent('2')).toBe(0.02);
    expect(parseFaultPercent('0.5%')).toBe(0.005);
    expect(parseFaultPercent('0')).toBe(0);
    expect(() => parseFaultPercent('101')).toThrow('invalid --faults: 101');
    expect(() => parseFaultPercent('two')).toThrow('invalid --faults');
  });
});

describe(parsePositiveInt, () => {
  it('refuses zero and junk', () => {
    expect(parsePositiveInt('--provinces', '3')).toBe(3);
    expect(() => parsePositiveInt('--provinces', '0')).toThrow('invalid --provinces: 0');
  });
});
