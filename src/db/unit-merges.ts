/**
 * Applies the units merged in the browser (src/sql/merges.ts says how) inside one transaction, so
 * a failure leaves the loaded ids as they were. Nothing runs until a first merge is made: a
 * dataset nobody merged pays nothing at start-up.
 */
import type { BoundQuery } from '../sql/bound';
import { applyMergesSql, mergeConflictsSql } from '../sql/merges';
import type { Row } from './types';

interface Runner {
  run<T = Row>(q: BoundQuery): Promise<T[]>;
}

export interface MergeConflict {
  unitId: string;
  year: number;
  reports: number;
}

export class UnitMerges {
  private pairs: readonly (readonly [string, string])[] = [];
  /** Whether a mapping was ever applied (then an empty list must still restore the loaded ids). */
  private touched = false;

  set(pairs: readonly (readonly [string, string])[]): void {
    this.pairs = pairs;
  }

  /** Rewrite reports' unit ids from the mapping; the (unit, year) pairs it left doubled, if any. */
  async apply(db: Runner): Promise<MergeConflict[]> {
    if (this.pairs.length === 0 && !this.touched) return [];
    this.touched = true;
    await db.run({ sql: 'BEGIN TRANSACTION', params: [] });
    try {
      for (const q of applyMergesSql(this.pairs)) await db.run(q);
      await db.run({ sql: 'COMMIT', params: [] });
    } catch (e) {
      await db.run({ sql: 'ROLLBACK', params: [] }).catch(() => undefined);
      throw e;
    }
    return this.pairs.length === 0 ? [] : db.run<MergeConflict>(mergeConflictsSql());
  }
}
