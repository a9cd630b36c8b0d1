/** Name normalisation and the OCR-confusable fold live in domain, shared with unit search. */
export { foldName, normalizeUnit } from '../domain/units/fold';
