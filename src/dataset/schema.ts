import type { CellRow, CheckRow, RegionRow, ReportRow } from './rows';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER';

type Columns<Row> = readonly (readonly [keyof Row & string, ColumnType])[];

/** Accepts a column list only if it names every field of `Row` (a missing column fails to compile). */
function columns<Row>() {
  return <const C extends Columns<Row>>(
    cols: C & (Exclude<keyof Row, C[number][0]> extends never ? unknown : never),
  ): C => cols;
}

/** Column order and SQL types of each Parquet file of the contract. */
export const REPORT_COLUMNS = columns<ReportRow>()([
  ['report_id', 'VARCHAR'],
  ['unit_id', 'VARCHAR'],
  ['unit', 'VARCHAR'],
  ['unit_kind', 'VARCHAR'],
  ['parent_unit_id', 'VARCHAR'],
  ['region_code', 'VARCHAR'],
  ['region_name', 'VARCHAR'],
  ['province', 'VARCHAR'],
  ['prefecture', 'VARCHAR'],
  ['county', 'VARCHAR'],
  ['level', 'VARCHAR'],
  ['year', 'INTEGER'],
  ['format', 'VARCHAR'],
  ['source', 'VARCHAR'],
  ['sha256', 'VARCHAR'],
  ['parser_version', 'VARCHAR'],
  ['check_failures', 'INTEGER'],
]);

export const CELL_COLUMNS = columns<CellRow>()([
  ['report_id', 'VARCHAR'],
  ['table', 'VARCHAR'],
  ['row', 'VARCHAR'],
  ['col', 'VARCHAR'],
  ['value', 'DOUBLE'],
  ['raw', 'VARCHAR'],
]);

export const CHECK_COLUMNS = columns<CheckRow>()([
  ['report_id', 'VARCHAR'],
  ['rule', 'VARCHAR'],
  ['location', 'VARCHAR'],
  ['expected', 'DOUBLE'],
  ['actual', 'DOUBLE'],
  ['message', 'VARCHAR'],
]);

export const REGION_COLUMNS = columns<RegionRow>()([
  ['code', 'VARCHAR'],
  ['name', 'VARCHAR'],
  ['level', 'VARCHAR'],
  ['parent_code', 'VARCHAR'],
  ['province_code', 'VARCHAR'],
  ['pinyin', 'VARCHAR'],
]);
