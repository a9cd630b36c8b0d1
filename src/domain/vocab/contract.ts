/**
 * The columns of the four Parquet files of the contract (../shared/spec/report-model.md), in file
 * order, with their kind. The one list: the row types (src/dataset/rows.ts) are checked against
 * it, the writers' SQL types (src/dataset/schema.ts) and the SQL whitelist and load-time type
 * check (src/sql/schema.ts) are derived from it.
 */

/** text = VARCHAR, int = INTEGER, float = DOUBLE. */
export type ColumnKind = 'text' | 'int' | 'float';

/**
 * The optional provenance columns of cells.parquet (`src_`, allowed by the contract; documented in
 * docs/traceability.md): where the printed figure stands in its source document. Which ones are
 * set depends on the format; the others are null, and a file may lack them all.
 * - PDFs and scans: `src_page` (1-based) and the box `src_x0, src_y0, src_x1, src_y1` in points
 *   (1/72 in) from the displayed page's top-left corner, y downwards;
 * - grid rows (HTML, DOCX, Word): `src_table` (1-based, tables in document order), `src_row`
 *   (1-based, rows of that table), `src_col` (1-based grid column, spans expanded);
 * - text: `src_line` (1-based line of the document's text; for a .txt file its line number);
 * - text and grid cells: `src_start`, `src_end`, the figure's character span [start, end) in the
 *   line or cell text (0-based, after NFKC normalisation).
 */
export const CELL_SOURCE = {
  src_page: 'int',
  src_x0: 'float',
  src_y0: 'float',
  src_x1: 'float',
  src_y1: 'float',
  src_table: 'int',
  src_row: 'int',
  src_col: 'int',
  src_line: 'int',
  src_start: 'int',
  src_end: 'int',
} as const satisfies Record<`src_${string}`, ColumnKind>;

export type CellSourceColumn = keyof typeof CELL_SOURCE;
export const CELL_SOURCE_COLUMNS = Object.keys(CELL_SOURCE) as CellSourceColumn[];

export const CONTRACT = {
  reports: {
    report_id: 'text',
    unit_id: 'text',
    unit: 'text',
    unit_kind: 'text',
    parent_unit_id: 'text',
    region_code: 'text',
    region_name: 'text',
    province: 'text',
    prefecture: 'text',
    county: 'text',
    level: 'text',
    year: 'int',
    format: 'text',
    source: 'text',
    sha256: 'text',
    parser_version: 'text',
    check_failures: 'int',
  },
  cells: {
    report_id: 'text',
    table: 'text',
    row: 'text',
    col: 'text',
    value: 'float',
    raw: 'text',
    ...CELL_SOURCE,
  },
  checks: {
    report_id: 'text',
    rule: 'text',
    location: 'text',
    expected: 'float',
    actual: 'float',
    message: 'text',
  },
  regions: {
    code: 'text',
    name: 'text',
    level: 'text',
    parent_code: 'text',
    province_code: 'text',
    pinyin: 'text',
  },
} as const satisfies Record<string, Record<string, ColumnKind>>;

export type ContractTable = keyof typeof CONTRACT;
export type ContractColumn<T extends ContractTable> = keyof (typeof CONTRACT)[T] & string;
export const CONTRACT_TABLES = Object.keys(CONTRACT) as ContractTable[];

/** The column names of a contract table, in file order. */
export const contractColumns = <T extends ContractTable>(table: T): ContractColumn<T>[] =>
  Object.keys(CONTRACT[table]) as ContractColumn<T>[];

/**
 * `Row` if it names exactly the columns of `T`, else a type that says which are missing or extra
 * (so a row type that drifts from the contract fails to compile where it is declared).
 */
export type ContractRow<T extends ContractTable, Row> = [
  Exclude<ContractColumn<T>, keyof Row>,
  Exclude<keyof Row, ContractColumn<T>>,
] extends [never, never]
  ? Row
  : {
      error: 'row type differs from the contract';
      missing: Exclude<ContractColumn<T>, keyof Row>;
      extra: Exclude<keyof Row, ContractColumn<T>>;
    };
