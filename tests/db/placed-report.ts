/**
 * A one-report fixture placed in a county, with the ids the ingest would give it: the engine
 * suites on unit identity and on merges build their same-named and renamed bodies from this.
 */
import type { CellRow, ReportRow } from '../../src/dataset/rows';
import { identityOf } from '../../src/dataset/unit-identity';

export interface Place {
  code: string;
  name: string;
  province: string;
  prefecture: string;
}

/** Table 三's new_received, total_handled and granted all `received`; the prefecture is the code's first four digits. */
export function placedReport(
  id: string,
  unit: string,
  kind: ReportRow['unit_kind'],
  place: Place,
  year: number,
  received: number,
): { report: ReportRow; cells: CellRow[] } {
  const placement = {
    region: { code: place.code, name: place.name, level: 'county' as const },
    province: place.province,
    prefecture: place.prefecture,
    county: place.name,
  };
  const identity = identityOf(unit, kind, placement, `${place.code.slice(0, 4)}00`);
  return {
    report: {
      report_id: id,
      unit_id: identity.unitId,
      unit,
      unit_kind: kind,
      parent_unit_id: identity.parentUnitId,
      region_code: place.code,
      region_name: place.name,
      province: place.province,
      prefecture: place.prefecture,
      county: place.name,
      level: 'county',
      year,
      format: '2021',
      source: 'fixture',
      sha256: id.padEnd(64, '0'),
      parser_version: 'test',
      check_failures: 0,
    },
    cells: [
      { report_id: id, table: 'table3', row: 'new_received', col: 'total', value: received, raw: null },
      { report_id: id, table: 'table3', row: 'total_handled', col: 'total', value: received, raw: null },
      { report_id: id, table: 'table3', row: 'granted', col: 'total', value: received, raw: null },
    ],
  };
}
