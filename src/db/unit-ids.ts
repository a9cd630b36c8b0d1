/**
 * Datasets written before unit identity (issue 13) have reports without unit_id and
 * parent_unit_id. Rather than refuse them, the loader computes both from each report's own
 * columns with the function the CLI uses (src/dataset/unit-identity.ts), so an old file's units
 * get the ids a re-ingest would give them. The one difference: a government's parent is inferred
 * from its region code (GB/T 2260 arithmetic), since the regions table is read only after the
 * first chart. Runs only for such files, never on the start-up path of a current dataset.
 */

import { identityOf } from '../dataset/unit-identity';
import type { RegionLevel } from '../domain/report';
import type { UnitKind } from '../domain/units/identity';
import { REGION_LEVELS, UNIT_KINDS } from '../domain/vocab';
import { Binder } from '../sql/bound';
import { id } from '../sql/schema';
import type { Row } from './types';

interface Runner {
  run<T = Row>(q: { sql: string; params: unknown[] }): Promise<T[]>;
}

interface Facts {
  unit: string;
  unit_kind: string;
  region_code: string | null;
  region_name: string | null;
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: string | null;
}

const KINDS = new Set<string>(UNIT_KINDS);
const LEVELS = new Set<string>(REGION_LEVELS);
const COLUMNS = [
  'unit',
  'unit_kind',
  'region_code',
  'region_name',
  'province',
  'prefecture',
  'county',
  'level',
] as const;
const BATCH = 200;

export async function fillUnitIds(db: Runner): Promise<void> {
  const cols = COLUMNS.map((c) => id(c)).join(', ');
  const facts = await db.run<Facts>({
    sql: `SELECT DISTINCT ${cols} FROM ${id('reports')} WHERE ${id('unit_id')} IS NULL`,
    params: [],
  });
  for (let i = 0; i < facts.length; i += BATCH) {
    const b = new Binder();
    const values = facts.slice(i, i + BATCH).map((f) => {
      const kind = KINDS.has(f.unit_kind ?? '') ? (f.unit_kind as UnitKind) : 'other';
      const level = LEVELS.has(f.level ?? '') ? (f.level as RegionLevel) : null;
      const placement =
        f.region_code && level
          ? {
              region: { code: f.region_code, name: f.region_name ?? '', level },
              province: f.province,
              prefecture: f.prefecture,
              county: f.county,
            }
          : null;
      const identity = identityOf(f.unit, kind, placement, undefined);
      const key = COLUMNS.map((c) => `${b.v(f[c] ?? '')}`).join(', ');
      return `(${key}, ${b.v(identity.unitId)}, ${identity.parentUnitId === null ? 'NULL::VARCHAR' : b.v(identity.parentUnitId)})`;
    });
    const match = COLUMNS.map((c) => `coalesce(r.${id(c)}::VARCHAR, '') = m.${id(c)}`).join(' AND ');
    await db.run(
      b.done(`UPDATE ${id('reports')} r SET ${id('unit_id')} = m.${id('unit_id')}, ${id('parent_unit_id')} = m.${id('parent_unit_id')}
FROM (VALUES ${values.join(', ')}) m(${cols}, ${id('unit_id')}, ${id('parent_unit_id')})
WHERE r.${id('unit_id')} IS NULL AND ${match}`),
    );
  }
}
