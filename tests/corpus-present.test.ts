import { afterEach, describe, expect, it, vi } from 'vitest';
import { corpusPresent } from './corpus-present';

describe(corpusPresent, () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.restoreAllMocks();
  });

  it('fails a CI run whose corpus is missing, with the path and the reason', () => {
    process.env.CI = 'true';
    expect(() => corpusPresent('/nonexistent/shared/corpus/reports', 'golden corpus tests')).toThrow(
      '/nonexistent/shared/corpus/reports not found: the golden corpus tests need ../shared/corpus. CI always has it',
    );
  });

  it('skips with a warning elsewhere, and is true when the folder is there', () => {
    delete process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(corpusPresent('/nonexistent/shared/corpus/reports', 'golden corpus tests')).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(corpusPresent(import.meta.dirname, 'x')).toBe(true);
  });
});
