import { describe, expect, it } from 'vitest';
import { DERIVED_VERSION, derivedFile, readDerivedMeta } from '../../src/dataset/derived';
import { PRECOMPUTED } from '../../src/sql/derived';

const good = () => ({
  version: DERIVED_VERSION,
  sources: { 'reports.parquet': 'a'.repeat(64), 'cells.parquet': 'b'.repeat(64) },
  tables: Object.fromEntries(
    PRECOMPUTED.map((t) => [t, { file: derivedFile(t), rows: 1, sha256: 'c'.repeat(64) }]),
  ),
});

describe(readDerivedMeta, () => {
  it('accepts the meta the CLI writes', () => {
    expect(readDerivedMeta(good(), PRECOMPUTED)).toEqual(good());
  });

  it('refuses anything else instead of throwing: foreign JSON, other versions, other file paths', () => {
    const cases: unknown[] = [
      null,
      [],
      'derived',
      { ...good(), version: DERIVED_VERSION + 1 },
      { ...good(), sources: { 'reports.parquet': 'a' } },
      { ...good(), tables: { ...good().tables, t3n: { file: '../../secret.parquet', rows: 1 } } },
      { ...good(), tables: { ...good().tables, t3n: { file: 'https://elsewhere.example/t3n.parquet' } } },
      { ...good(), tables: undefined },
      { ...good(), tables: { ...good().tables, t4n: { file: derivedFile('t4n'), rows: 1 } } },
    ];
    for (const c of cases) expect(readDerivedMeta(c, PRECOMPUTED), JSON.stringify(c)).toBeNull();
  });
});
