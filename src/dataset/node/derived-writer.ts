/** Node only: writes a dataset's derived/ folder (see ../derived.ts) next to its contract files. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { BoundQuery } from '../../sql/bound';
import { buildReportKeys, PRECOMPUTED, PRECOMPUTED_BUILDERS } from '../../sql/derived';
import { id } from '../../sql/schema';
import { ANOMALY_SLICE, anomalyFlags, type FlagSource } from '../anomaly-flags';
import { DERIVED_DIR, DERIVED_META, DERIVED_VERSION, type DerivedMeta, derivedFile } from '../derived';
import { PARQUET_FILES } from '../rows';
import { ANOMALIES_FILE, encodeShippedAnomalies } from '../shipped-anomalies';
import { writeLate } from './late-writer';
import { quote, sha256File, writeTableFile } from './table-file';

/**
 * Builds the helper tables with the very builders the browser runs (on native DuckDB), from the
 * reports and cells Parquet files already in `dir`, and records those files' hashes and the
 * tables' own.
 */
export async function writeDerived(dir: string): Promise<DerivedMeta> {
  const out = path.join(dir, DERIVED_DIR);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const run = (q: BoundQuery) => conn.run(q.sql, q.params as never);
  try {
    for (const t of ['reports', 'cells'] as const) {
      await conn.run(
        `CREATE TABLE ${id(t)} AS SELECT * FROM read_parquet(${quote(path.join(dir, PARQUET_FILES[t]))})`,
      );
    }
    await run(buildReportKeys());
    const tables = {} as DerivedMeta['tables'];
    for (const t of PRECOMPUTED) {
      await run(PRECOMPUTED_BUILDERS[t]());
      const order = t === 'rowkeys' ? id('ki') : `${id('rid')}, ${id('ki')}`;
      tables[t] = await writeTableFile(conn, dir, derivedFile(t), `SELECT * FROM ${id(t)} ORDER BY ${order}`);
    }
    const meta: DerivedMeta = {
      version: DERIVED_VERSION,
      sources: {
        [PARQUET_FILES.reports]: await sha256File(path.join(dir, PARQUET_FILES.reports)),
        [PARQUET_FILES.cells]: await sha256File(path.join(dir, PARQUET_FILES.cells)),
      } as DerivedMeta['sources'],
      tables,
    };
    await writeFile(path.join(dir, DERIVED_META), `${JSON.stringify(meta, null, 2)}\n`);
    const sources = await writeAnomalies(dir, conn);
    await writeLate(dir, conn, sources);
    return meta;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * derived/anomalies.json (../shipped-anomalies.ts): the dataset's anomaly flags, computed by the
 * browser's own statements and rules (../anomaly-flags.ts) on `conn`, which holds the reports and
 * the helper tables; the checks are read in here (and stay, for the late tables). Returns the
 * contract files' sha256 by file name.
 */
async function writeAnomalies(dir: string, conn: DuckDBConnection): Promise<Record<string, string>> {
  await conn.run(
    `CREATE TABLE ${id('checks')} AS SELECT * FROM read_parquet(${quote(path.join(dir, PARQUET_FILES.checks))})`,
  );
  const source: FlagSource = {
    query: async <T>(q: BoundQuery) => {
      // Integers bound as BIGINT, as the browser's engine binds them (a JS number is a DOUBLE here).
      const params = q.params.map((v) => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v));
      const read = await conn.runAndReadAll(q.sql, params as never);
      // Plain rows as the browser's engine decodes them: 64-bit integers as numbers.
      return read.getRowObjectsJS().map((row) => {
        const out: Record<string, unknown> = Object.create(null);
        for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
        return out as T;
      });
    },
  };
  const sources: Record<string, string> = Object.create(null);
  for (const file of Object.values(PARQUET_FILES)) sources[file] = await sha256File(path.join(dir, file));
  await writeFile(
    path.join(dir, ANOMALIES_FILE),
    encodeShippedAnomalies(await anomalyFlags(source, ANOMALY_SLICE), sources),
  );
  return sources;
}
