import { describe, expect, it } from 'vitest';
import { fnv1a64, reportId } from '../../src/dataset/report-id';

describe(fnv1a64, () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe(reportId, () => {
  it('is stable and changes with unit, year and file', () => {
    const id = reportId('济源市人民政府', 2019, 'abc');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(reportId('济源市人民政府', 2019, 'abc')).toBe(id);
    expect(reportId('济源市人民政府', 2020, 'abc')).not.toBe(id);
    expect(reportId('济源市', 2019, 'abc')).not.toBe(id);
    expect(reportId('济源市人民政府', 2019, 'abd')).not.toBe(id);
  });
});
