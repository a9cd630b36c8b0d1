/** Column order and SQL types of each Parquet file of the contract, from the one column list. */
import { CONTRACT, type ColumnKind, type ContractTable } from '../domain/vocab';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER';

const SQL_TYPE = { text: 'VARCHAR', int: 'INTEGER', float: 'DOUBLE' } as const satisfies Record<
  ColumnKind,
  ColumnType
>;

type Columns<T extends ContractTable> = readonly (readonly [
  keyof (typeof CONTRACT)[T] & string,
  ColumnType,
])[];

function columns<T extends ContractTable>(table: T): Columns<T> {
  return Object.entries(CONTRACT[table]).map(
    ([name, kind]) => [name, SQL_TYPE[kind as ColumnKind]] as const,
  ) as unknown as Columns<T>;
}

export const REPORT_COLUMNS = columns('reports');
export const CELL_COLUMNS = columns('cells');
export const CHECK_COLUMNS = columns('checks');
export const REGION_COLUMNS = columns('regions');
