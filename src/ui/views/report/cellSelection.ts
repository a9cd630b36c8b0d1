import { createContext, useContext } from 'react';
import type { Correction } from '../../../domain/annotations';

/** The Report view's selected cell (`table.row.col`) and the corrections of the shown report. */
export interface CellSelection {
  selected: string | null;
  select: (address: string | null) => void;
  corrections: ReadonlyMap<string, Correction>;
}

export const CellSelectionContext = createContext<CellSelection | null>(null);

export const useCellSelection = (): CellSelection | null => useContext(CellSelectionContext);

export const cellAddress = (c: Pick<Correction, 'table' | 'row' | 'col'>): string =>
  `${c.table}.${c.row}.${c.col}`;
