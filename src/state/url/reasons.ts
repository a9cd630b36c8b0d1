/**
 * Why the codec ignored or changed a parameter, as a code with its details; the UI words it in
 * the current language (src/i18n/reasons.ts). The codec itself stays free of UI text.
 */
export const REASON_CODES = [
  'notOneOf',
  'outside',
  'unknownMetric',
  'newerVersion',
  'notRowOf',
  'notRelativePath',
  'noValidItem',
  'ignoredItem',
  'unknownParam',
  'tooLong',
  'notInteger',
  'notFlag',
  'notVersion',
  'notName',
  'notReportId',
  'notUnitId',
  'unknownUnitName',
  'sharedUnitName',
  'notCell',
  'notRule',
  'badSort',
  'badMeasure',
  'rateSplit',
  'linkCut',
  'alreadyOnRows',
  'needsDimension',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  /** Details the message names (allowed values, range, version, characters). */
  vars?: Record<string, string | number>;
}

export const reason = (code: ReasonCode, vars?: Reason['vars']): Reason => (vars ? { code, vars } : { code });
