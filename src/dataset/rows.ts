/**
 * Row shapes of the four Parquet files of the contract (../shared/spec/report-model.md), with
 * the value types the columns hold. `ContractRow` fails a row type that names other columns
 * than the contract's column list (src/domain/vocab/contract.ts).
 */
import type { TableName } from '../domain/keys';
import type { CellSourceColumn, ContractRow, Format, RegionLevel, UnitKind } from '../domain/vocab';

export type { UnitKind } from '../domain/vocab';

export type ReportRow = ContractRow<'reports', ReportFields>;
export type CellRow = ContractRow<'cells', CellFields & CellSourceFields>;
export type CheckRow = ContractRow<'checks', CheckFields>;
export type RegionRow = ContractRow<'regions', RegionFields>;

interface ReportFields {
  report_id: string;
  /** The publishing body (src/domain/units/identity.ts): the same in every year, never shared by two bodies. */
  unit_id: string;
  unit: string;
  unit_kind: UnitKind;
  /** The government the body belongs to; null when the region tree has none above it. */
  parent_unit_id: string | null;
  region_code: string | null;
  region_name: string | null;
  province: string | null;
  prefecture: string | null;
  county: string | null;
  level: RegionLevel | null;
  year: number;
  format: Format;
  /** Where the figures came from: a URL or file name, 'synthetic' for generated data, 'imported' for browser drops. */
  source: string;
  sha256: string;
  parser_version: string;
  check_failures: number;
}

interface CellFields {
  report_id: string;
  table: TableName;
  row: string;
  col: string;
  /** null when the printed cell is not a number (blank, "/", "-", "—"). */
  value: number | null;
  /** As printed; null when the value is a plain number. */
  raw: string | null;
}

/** Where the figure was printed (src/domain/vocab/contract.ts `CELL_SOURCE`); absent or null when unknown. */
type CellSourceFields = { [K in CellSourceColumn]?: number | null };

interface CheckFields {
  report_id: string;
  rule: string;
  location: string;
  expected: number | null;
  actual: number | null;
  message: string;
}

interface RegionFields {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  province_code: string;
  pinyin: string;
}

export const PARQUET_FILES = {
  reports: 'reports.parquet',
  cells: 'cells.parquet',
  checks: 'checks.parquet',
  regions: 'regions.parquet',
} as const;
