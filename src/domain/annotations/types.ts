/**
 * An analyst's annotations of the loaded reports, kept apart from the printed figures: reviews of
 * failed checks and corrected values of cells. Neither ever overwrites what was printed.
 */

export const REVIEW_STATUSES = ['confirmed', 'dismissed'] as const;
/** confirmed: an error in the report itself; dismissed: a parser or reading issue, not the report's. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface Review {
  reportId: string;
  rule: string;
  location: string;
  status: ReviewStatus;
  note: string;
  /** ISO date-time of the last change. */
  date: string;
}

export const CORRECTION_TABLES = ['table2', 'table3', 'table4'] as const;
export type CorrectionTable = (typeof CORRECTION_TABLES)[number];

export interface Correction {
  reportId: string;
  table: CorrectionTable;
  row: string;
  col: string;
  /** The printed value as loaded (null for blank, "/" …), kept for the record. */
  printed: number | null;
  corrected: number;
  reason: string;
  date: string;
}

export interface Annotations {
  reviews: Review[];
  corrections: Correction[];
}

export const reviewKey = (r: Pick<Review, 'reportId' | 'rule' | 'location'>): string =>
  `${r.reportId}\u001f${r.rule}\u001f${r.location}`;

export const correctionKey = (c: Pick<Correction, 'reportId' | 'table' | 'row' | 'col'>): string =>
  `${c.reportId}\u001f${c.table}\u001f${c.row}\u001f${c.col}`;
