/**
 * The annotations file: a small JSON document an analyst exports and imports (another browser, a
 * colleague). Read defensively: bounded size and counts, every field type-checked, unknown fields
 * ignored, and the whole file refused with a reason naming the first problem.
 */
import {
  type Annotations,
  CORRECTION_TABLES,
  type Correction,
  type CorrectionTable,
  REVIEW_STATUSES,
  type Review,
  type ReviewStatus,
} from './types';

export const ANNOTATIONS_FORMAT = 'gov-info-reports/annotations';
export const ANNOTATIONS_VERSION = 1;
/** 2 MB and 20,000 entries: far above what anyone reviews by hand, far below what hurts a tab. */
export const MAX_FILE_CHARS = 2_000_000;
export const MAX_ENTRIES = 20_000;
const MAX_TEXT = 2_000;
const MAX_ID = 200;

export function toAnnotationsFile(a: Annotations): string {
  return `${JSON.stringify(
    {
      format: ANNOTATIONS_FORMAT,
      version: ANNOTATIONS_VERSION,
      reviews: a.reviews,
      corrections: a.corrections,
    },
    null,
    1,
  )}\n`;
}

export type ParsedAnnotations = { ok: true; value: Annotations } | { ok: false; reason: string };

class Bad extends Error {}

function str(o: Record<string, unknown>, k: string, max: number, where: string): string {
  const v = Object.hasOwn(o, k) ? o[k] : undefined;
  if (typeof v !== 'string' || v.length > max)
    throw new Bad(`${where}: ${k} is not a text of at most ${max} characters`);
  return v;
}

function num(o: Record<string, unknown>, k: string, where: string, nullable: boolean): number | null {
  const v = Object.hasOwn(o, k) ? o[k] : undefined;
  if (v === null && nullable) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Bad(`${where}: ${k} is not a number`);
  return v;
}

function oneOf<T extends string>(
  o: Record<string, unknown>,
  k: string,
  values: readonly T[],
  where: string,
): T {
  const v = Object.hasOwn(o, k) ? o[k] : undefined;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
    throw new Bad(`${where}: ${k} is not one of ${values.join(', ')}`);
  return v as T;
}

function date(o: Record<string, unknown>, where: string): string {
  const d = str(o, 'date', 40, where);
  if (Number.isNaN(Date.parse(d))) throw new Bad(`${where}: date is not a date`);
  return d;
}

function record(v: unknown, where: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Bad(`${where} is not an object`);
  return v as Record<string, unknown>;
}

function list(o: Record<string, unknown>, k: string): unknown[] {
  const v = Object.hasOwn(o, k) ? o[k] : [];
  if (!Array.isArray(v)) throw new Bad(`${k} is not a list`);
  if (v.length > MAX_ENTRIES) throw new Bad(`${k}: more than ${MAX_ENTRIES} entries`);
  return v;
}

export function parseAnnotationsFile(text: string): ParsedAnnotations {
  if (text.length > MAX_FILE_CHARS) return { ok: false, reason: `larger than ${MAX_FILE_CHARS} characters` };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  try {
    const top = record(doc, 'the file');
    if (top.format !== ANNOTATIONS_FORMAT)
      throw new Bad(`not an annotations file (format is not ${ANNOTATIONS_FORMAT})`);
    if (top.version !== ANNOTATIONS_VERSION)
      throw new Bad(`version ${String(top.version)} is not ${ANNOTATIONS_VERSION}`);
    const reviews: Review[] = list(top, 'reviews').map((v, i) => {
      const where = `reviews[${i}]`;
      const o = record(v, where);
      return {
        reportId: str(o, 'reportId', MAX_ID, where),
        rule: str(o, 'rule', MAX_ID, where),
        location: str(o, 'location', MAX_ID, where),
        status: oneOf<ReviewStatus>(o, 'status', REVIEW_STATUSES, where),
        note: str(o, 'note', MAX_TEXT, where),
        date: date(o, where),
      };
    });
    const corrections: Correction[] = list(top, 'corrections').map((v, i) => {
      const where = `corrections[${i}]`;
      const o = record(v, where);
      return {
        reportId: str(o, 'reportId', MAX_ID, where),
        table: oneOf<CorrectionTable>(o, 'table', CORRECTION_TABLES, where),
        row: str(o, 'row', MAX_ID, where),
        col: str(o, 'col', MAX_ID, where),
        printed: num(o, 'printed', where, true),
        corrected: num(o, 'corrected', where, false)!,
        reason: str(o, 'reason', MAX_TEXT, where),
        date: date(o, where),
      };
    });
    return { ok: true, value: { reviews, corrections } };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, reason: e.message };
    throw e;
  }
}
