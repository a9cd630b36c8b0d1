/**
 * The measured simulation of docs/scaling.md: K synthetic datasets (seeds 1…K, standing in for K
 * publishing organs per division, i.e. departments) stacked into one K× dataset, written once as
 * flat Parquet and once partitioned by province and year, then the dashboard's kinds of query on
 * both with native DuckDB. Node only; run `tsx src/synth/node/scale-simulation.ts [K] [DIR]`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadRegionEntries } from '../../region/node/region-data';
import { checkSeries } from '../checks';
import { generateDataset } from './generate';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

/**
 * Representative dashboard queries, per layout. The partitioned variants filter the cells' own
 * partition columns so DuckDB opens only the matching files, as a browser would fetch them.
 */
const CELL = `c."table" = 'table3' AND c.col = 'total'`;
const QUERIES: Record<string, { flat: string; partitioned: string }> = {
  'national trend (new requests by year)': {
    flat: `SELECT r.year, sum(c.value) FROM cells c JOIN reports r USING (report_id)
      WHERE ${CELL} AND c."row" = 'new_received' GROUP BY r.year ORDER BY r.year`,
    partitioned: `SELECT c.year, sum(c.value) FROM pcells c WHERE ${CELL} AND c."row" = 'new_received'
      GROUP BY c.year ORDER BY c.year`,
  },
  'one province-year: outcome rows by prefecture': {
    flat: `SELECT r.prefecture, c."row", sum(c.value) FROM cells c JOIN reports r USING (report_id)
      WHERE r.region_code LIKE '41%' AND r.year = 2023 AND ${CELL} GROUP BY ALL ORDER BY ALL`,
    partitioned: `SELECT r.prefecture, c."row", sum(c.value) FROM pcells c JOIN preports r USING (report_id)
      WHERE c.province_code = '41' AND c.year = 2023 AND r.province_code = '41' AND r.year = 2023 AND ${CELL}
      GROUP BY ALL ORDER BY ALL`,
  },
  'top 20 units by requests, one year': {
    flat: `SELECT r.unit, c.value FROM cells c JOIN reports r USING (report_id)
      WHERE r.year = 2024 AND ${CELL} AND c."row" = 'new_received' ORDER BY c.value DESC, r.unit LIMIT 20`,
    partitioned: `SELECT r.unit, c.value FROM pcells c JOIN preports r USING (report_id)
      WHERE c.year = 2024 AND r.year = 2024 AND ${CELL} AND c."row" = 'new_received'
      ORDER BY c.value DESC, r.unit LIMIT 20`,
  },
  'check failures by rule and year': {
    flat: 'SELECT r.year, k.rule, count(*) FROM checks k JOIN reports r USING (report_id) GROUP BY ALL ORDER BY ALL',
    partitioned:
      'SELECT r.year, k.rule, count(*) FROM checks k JOIN preports r USING (report_id) GROUP BY ALL ORDER BY ALL',
  },
};

async function du(target: string): Promise<{ bytes: number; files: number }> {
  const info = await stat(target);
  if (!info.isDirectory()) return { bytes: info.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(target, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

async function main(): Promise<void> {
  const k = Number(process.argv[2] ?? 10);
  const dir = path.resolve(process.argv[3] ?? path.join(os.tmpdir(), 'synth-scale'));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}, ${new Date().toISOString()}`,
  );

  const entries = await loadRegionEntries({ towns: false });
  const seeds = Array.from({ length: k }, (_, i) => i + 1);
  let generateMs = 0;
  for (const seed of seeds) {
    const out = path.join(dir, `seed-${seed}`);
    if (existsSync(path.join(out, 'regions.parquet'))) continue;
    const t = performance.now();
    const r = await generateDataset(out, entries, {
      seed,
      years: YEARS,
      faultRate: 0.02,
      check: checkSeries,
    });
    generateMs += performance.now() - t;
    log(`seed ${seed}: ${r.files.cells.rows} cells in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (generateMs > 0) log(`generated in ${(generateMs / 1000).toFixed(1)} s`);

  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  const list = (name: string) =>
    `[${seeds.map((s) => `'${path.join(dir, `seed-${s}`, `${name}.parquet`)}'`).join(', ')}]`;
  const flat = path.join(dir, 'flat');
  const parts = path.join(dir, 'partitioned');
  await rm(flat, { recursive: true, force: true });
  await rm(parts, { recursive: true, force: true });
  await mkdir(flat, { recursive: true });
  await mkdir(parts, { recursive: true });
  const time = async (label: string, sql: string) => {
    const t = performance.now();
    await db.run(sql);
    const ms = performance.now() - t;
    log(`${label}: ${(ms / 1000).toFixed(1)} s`);
    return ms;
  };
  // Stacking: report ids differ per seed already (they hash content); units get a department tag.
  // Report ids already differ per seed (they hash content); the unit gets a department tag.
  await time(
    'stack reports',
    `COPY (SELECT * EXCLUDE (filename) REPLACE (unit || '·部门' || regexp_extract(filename, 'seed-(\\d+)', 1) AS unit)
      FROM read_parquet(${list('reports')}, filename = true) ORDER BY report_id)
     TO '${flat}/reports.parquet' (FORMAT parquet, COMPRESSION snappy)`,
  );
  await time(
    'stack cells',
    `COPY (SELECT * FROM read_parquet(${list('cells')})) TO '${flat}/cells.parquet' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)`,
  );
  await time(
    'stack checks',
    `COPY (SELECT * FROM read_parquet(${list('checks')})) TO '${flat}/checks.parquet' (FORMAT parquet, COMPRESSION snappy)`,
  );
  await time(
    'partition cells by province/year',
    `COPY (SELECT c.*, left(r.region_code, 2) AS province_code, r.year FROM '${flat}/cells.parquet' c
      JOIN '${flat}/reports.parquet' r USING (report_id) ORDER BY province_code, r.year, c.report_id)
     TO '${parts}/cells' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (province_code, year))`,
  );
  await time(
    'partition reports by province/year',
    `COPY (SELECT *, left(region_code, 2) AS province_code FROM '${flat}/reports.parquet' ORDER BY report_id)
     TO '${parts}/reports' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (province_code, year))`,
  );

  const count = async (sql: string) => Number((await db.runAndReadAll(sql)).getRows()[0]![0]);
  const cells = await count(`SELECT count(*) FROM '${flat}/cells.parquet'`);
  const reports = await count(`SELECT count(*) FROM '${flat}/reports.parquet'`);
  const flatSize = await du(flat);
  const partSize = await du(parts);
  log(`K=${k}: ${reports} reports, ${cells} cells`);
  log(
    `flat: ${(flatSize.bytes / 1e6).toFixed(1)} MB in ${flatSize.files} files; partitioned: ${(partSize.bytes / 1e6).toFixed(1)} MB in ${partSize.files} files`,
  );

  const hive = `hive_partitioning = true, hive_types = {'province_code': VARCHAR, 'year': INTEGER}`;
  await db.run(`CREATE VIEW cells AS SELECT * FROM '${flat}/cells.parquet'`);
  await db.run(`CREATE VIEW reports AS SELECT * FROM '${flat}/reports.parquet'`);
  await db.run(`CREATE VIEW checks AS SELECT * FROM '${flat}/checks.parquet'`);
  await db.run(`CREATE VIEW pcells AS SELECT * FROM read_parquet('${parts}/cells/*/*/*.parquet', ${hive})`);
  await db.run(
    `CREATE VIEW preports AS SELECT * FROM read_parquet('${parts}/reports/*/*/*.parquet', ${hive})`,
  );
  log('| query | flat (ms, median of 3) | partitioned (ms, median of 3) |');
  log('|---|---|---|');
  for (const [label, variants] of Object.entries(QUERIES)) {
    const ms: number[] = [];
    for (const sql of [variants.flat, variants.partitioned]) {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await db.runAndReadAll(sql);
        runs.push(performance.now() - t);
      }
      ms.push(runs.sort((a, b) => a - b)[1]!);
    }
    log(`| ${label} | ${ms[0]!.toFixed(0)} | ${ms[1]!.toFixed(0)} |`);
  }
  db.closeSync();
  instance.closeSync();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
