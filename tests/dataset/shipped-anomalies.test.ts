import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANOMALY_SLICE, anomalyFlags } from '../../src/dataset/anomaly-flags';
import { PARQUET_FILES } from '../../src/dataset/rows';
import {
  ANOMALIES_FILE,
  ANOMALIES_FILE_VERSION,
  ANOMALIES_LIMITS,
  encodeShippedAnomalies,
  readShippedAnomalies,
} from '../../src/dataset/shipped-anomalies';
import { ANOMALY_RULES_VERSION, type Anomaly } from '../../src/domain/anomalies';
import { openBundledDb, readBundled, type TestDb } from '../db/harness';

const SOURCES = {
  'reports.parquet': 'a'.repeat(64),
  'cells.parquet': 'b'.repeat(64),
  'checks.parquet': 'c'.repeat(64),
  'regions.parquet': 'd'.repeat(64),
};

const FLAG: Anomaly = {
  rule: 'yoy_jump',
  reportId: 'r1',
  unit: '某区人民政府',
  province: '福建省',
  year: 2023,
  value: 120,
  reference: 10,
  detail: 12,
};

const file = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: ANOMALIES_FILE_VERSION,
    rules: ANOMALY_RULES_VERSION,
    sources: SOURCES,
    anomalies: [FLAG],
    ...patch,
  });

describe('derived/anomalies.json', () => {
  it('reads back what was written, as fresh records of the known fields only', () => {
    const read = readShippedAnomalies(encodeShippedAnomalies([FLAG], SOURCES), SOURCES);
    expect(read).toEqual([FLAG]);
    const text = file({ anomalies: [{ ...FLAG, more: 1 }] }).replace(
      '"more":1',
      '"more":1,"__proto__":{"x":1}',
    );
    const extra = readShippedAnomalies(text, SOURCES);
    expect(extra).toEqual([FLAG]);
    expect(Object.keys(extra![0]!)).not.toContain('more');
    expect((extra![0] as unknown as { x?: number }).x).toBeUndefined();
  });

  it('is no file for other files, another version of the rules or of the file, or anything malformed', () => {
    expect(readShippedAnomalies(file(), { ...SOURCES, 'cells.parquet': 'e'.repeat(64) })).toBeNull();
    expect(readShippedAnomalies(file(), { 'reports.parquet': SOURCES['reports.parquet'] })).toBeNull();
    expect(readShippedAnomalies(file({ rules: ANOMALY_RULES_VERSION + 1 }), SOURCES)).toBeNull();
    expect(readShippedAnomalies(file({ version: ANOMALIES_FILE_VERSION + 1 }), SOURCES)).toBeNull();
    for (const bad of [
      { ...FLAG, rule: 'toString' },
      { ...FLAG, year: '2023' },
      { ...FLAG, value: 'NaN' },
      { ...FLAG, province: 3 },
      null,
      [FLAG],
    ])
      expect(readShippedAnomalies(file({ anomalies: [FLAG, bad] }), SOURCES)).toBeNull();
    expect(readShippedAnomalies(file({ anomalies: {} }), SOURCES)).toBeNull();
    expect(readShippedAnomalies('{"version":', SOURCES)).toBeNull();
    expect(readShippedAnomalies('null', SOURCES)).toBeNull();
    expect(readShippedAnomalies(' '.repeat(ANOMALIES_LIMITS.bytes + 1), SOURCES)).toBeNull();
    const many = Array.from({ length: ANOMALIES_LIMITS.anomalies + 1 }, () => FLAG);
    expect(readShippedAnomalies(file({ anomalies: many }), SOURCES)).toBeNull();
  });
});

describe('the bundled dataset ships its anomaly flags', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openBundledDb();
  }, 120_000);

  it('as the browser computes them, for its very files (`npm run data:bundle` writes them anew)', async () => {
    const hashes: Record<string, string> = {};
    for (const f of Object.values(PARQUET_FILES))
      hashes[f] = createHash('sha256').update(readBundled(f)).digest('hex');
    const shipped = readShippedAnomalies(new TextDecoder().decode(readBundled(ANOMALIES_FILE)), hashes);
    expect(shipped).not.toBeNull();
    expect(shipped!.length).toBeGreaterThan(0);
    expect(shipped).toEqual(await anomalyFlags(db, ANOMALY_SLICE));
  }, 120_000);
});
