/** Node only: a dataset's shipped late tables (../shipped-late.ts), written into its derived/ folder. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BoundQuery } from '../../sql/bound';
import {
  buildCoverage,
  buildUnitFacts,
  buildUnits,
  CREATE_UNIT_PINYIN,
  insertUnitPinyinPacked,
} from '../../sql/derived';
import { buildCoverageUnits } from '../../sql/quality';
import { SHIPPED_LATE, shippedLateSelect } from '../../sql/shipped-late';
import { unitFactsSql } from '../../sql/units';
import { LATE_META, LATE_META_VERSION, type LateMeta, lateBuildId, lateFile } from '../shipped-late';
import { searchRows } from '../unit-search-keys';
import { writeTableFile } from './table-file';

/**
 * Builds the late tables with the browser's statements and search keys on `conn` (which holds the
 * reports and checks), writes each to derived/ and late.json naming them, `sources` (the contract
 * files' sha256 by name) and this build.
 */
export async function writeLate(
  dir: string,
  conn: DuckDBConnection,
  sources: Readonly<Record<string, string>>,
): Promise<void> {
  const run = (q: BoundQuery) => conn.run(q.sql, q.params as never);
  await run(buildUnitFacts());
  const facts = await conn.runAndReadAll(unitFactsSql().sql);
  const packed = (facts.getRowObjectsJS()[0]?.units as string | null | undefined) ?? null;
  await conn.run(CREATE_UNIT_PINYIN);
  const insert = insertUnitPinyinPacked(await searchRows(packed));
  if (insert) await run(insert);
  await run(buildUnits());
  await run(buildCoverage());
  await run(buildCoverageUnits());
  const tables = Object.create(null) as LateMeta['tables'];
  for (const t of SHIPPED_LATE)
    tables[t] = await writeTableFile(conn, dir, lateFile(t), shippedLateSelect(t));
  const meta: LateMeta = {
    version: LATE_META_VERSION,
    build: await lateBuildId(),
    sources: { ...sources },
    tables,
  };
  await writeFile(path.join(dir, LATE_META), `${JSON.stringify(meta, null, 2)}\n`);
}
