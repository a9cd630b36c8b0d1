import path from 'node:path';
import type { DatasetTables } from '../../src/dataset/node/parquet-writer';
import { toRegionRows } from '../../src/dataset/region-rows';
import { idOf, toCellRows, toCheckRows, toReportRow } from '../../src/dataset/report-rows';
import type { CellRow, CheckRow, ReportRow } from '../../src/dataset/rows';
import { identityOf, type UnitIdentity } from '../../src/dataset/unit-identity';
import type { CellSource, Report, ReportNote } from '../../src/domain/report';
import type { UnitAliases } from '../../src/domain/units/identity';
import { mergedId, resolveMerges } from '../../src/domain/units/merges';
import type { ParseReport } from '../../src/parser/api';
import type { RegionIndex } from '../../src/region/region-index';
import type { RegionEntry, Resolution } from '../../src/region/types';
import { classifyUnit, type UnitKind } from '../../src/region/unit-kind';
import { crossYearFailures } from './cross-year';
import { pickOriginals } from './dedupe';
import { describeIoError, type InputFile, readBytes, sha256 } from './files';
import { placeReport } from './place';
import { resolveAcrossYears } from './resolve';

export type ManifestStatus = 'parsed' | 'flagged' | 'failed' | 'duplicate';

/** One input file in manifest.json. */
export interface ManifestEntry {
  file: string;
  status: ManifestStatus;
  /** Why it failed, which checks it failed, or which file it duplicates. */
  reason: string | null;
  report_id: string | null;
  unit: string | null;
  year: number | null;
  format: string | null;
  sha256: string | null;
  /** Which path read the file: text, html, pdf (text layer), docx, doc (Word 97–2003/WPS), ocr. */
  reader: string | null;
  source: string;
  region_code: string | null;
  /** The publishing body's unit_id (null when the file gave no report). */
  unit_id: string | null;
  /** Why the region is null (unresolvable unit), or how it was found if not from the unit alone. */
  region_note: string | null;
  check_failures: number | null;
  /** For `duplicate`: the report_id kept in the dataset instead. */
  duplicate_of: string | null;
  /** Whether the report's rows are in the Parquet files (false: failed, duplicate, or no figures). */
  in_dataset: boolean;
  /**
   * Decisions taken on evidence, not failures (so not in checks.parquet): e.g. `table2.split_resolved`,
   * a run of table-二 digits cut by the prose or by the same body's neighbouring years.
   */
  notes: ReportNote[];
}

export interface Manifest {
  parser_version: string;
  counts: Record<ManifestStatus, number>;
  reports: ManifestEntry[];
}

export interface IngestOptions {
  parseReport: ParseReport;
  parserVersion: string;
  regions: RegionIndex;
  /** file name → source URL (from README notes); the file name otherwise. */
  sources: ReadonlyMap<string, string>;
  /** Declared aliases (renamed bodies, misprints): see src/domain/units/identity.ts. */
  aliases?: UnitAliases;
  /** Units merged in the browser (`unit:` lines of the aliases file): unit_id → the unit_id it joins. */
  unitMerges?: ReadonlyMap<string, string>;
  onFile?: (file: InputFile) => void;
}

interface Parsed {
  file: string;
  input: InputFile;
  report: Report;
  /** Where each figure was printed (the parser's places, written as the `src_` columns). */
  src: Readonly<Record<string, CellSource>> | undefined;
  resolution: Resolution | null;
  regionNote: string | null;
  regionCode: string | null;
  unitKind: UnitKind;
  unitId: string;
  parentUnitId: string | null;
  source: string;
  figures: number;
}

/**
 * Parses every file (one failure never stops the others), resolves regions, keeps one report per
 * unit-year (the original format), and returns the four tables plus the manifest. No output, no
 * writing: the command does that.
 */
export async function ingestFiles(
  files: readonly InputFile[],
  options: IngestOptions,
): Promise<{ tables: DatasetTables; manifest: Manifest; unreadable: ManifestEntry[] }> {
  const entries = new Map<InputFile, ManifestEntry>();
  // The browser's merges, chains resolved as the browser resolves them (src/domain/units/merges.ts).
  const merges = resolveMerges([...(options.unitMerges ?? [])].map(([from, into]) => ({ from, into })));
  const merged = (i: UnitIdentity): UnitIdentity => ({
    unitId: mergedId(merges, i.unitId),
    parentUnitId: i.parentUnitId === null ? null : mergedId(merges, i.parentUnitId),
  });
  const parsed: Parsed[] = [];
  const unreadable: ManifestEntry[] = [];
  for (const input of files) {
    options.onFile?.(input);
    const source = options.sources.get(path.basename(input.path)) ?? input.name;
    const base: ManifestEntry = {
      file: input.name,
      status: 'failed',
      reason: null,
      report_id: null,
      unit: null,
      year: null,
      format: null,
      sha256: null,
      reader: null,
      source,
      region_code: null,
      unit_id: null,
      region_note: null,
      check_failures: null,
      duplicate_of: null,
      in_dataset: false,
      notes: [],
    };
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(input.path);
    } catch (error) {
      const entry = { ...base, reason: `cannot read: ${describeIoError(error)}` };
      entries.set(input, entry);
      unreadable.push(entry);
      continue;
    }
    base.sha256 = sha256(bytes);
    let outcome: Awaited<ReturnType<ParseReport>>;
    try {
      outcome = await options.parseReport(bytes, path.basename(input.path));
    } catch (error) {
      entries.set(input, { ...base, reason: `parser error: ${firstLine(error)}` });
      continue;
    }
    if (!outcome.ok) {
      entries.set(input, { ...base, reason: outcome.reason });
      continue;
    }
    const report = outcome.report;
    const placed = placeReport(options.regions, report, source);
    const resolution = placed.outcome.ok ? placed.outcome.resolution : null;
    const unitKind = classifyUnit(report.unit);
    const regionParent = resolution
      ? (options.regions.byCode.get(resolution.region.code)?.parent_code ?? null)
      : null;
    const identity = merged(identityOf(report.unit, unitKind, resolution, regionParent, options.aliases));
    parsed.push({
      file: input.path,
      input,
      report,
      src: outcome.src,
      resolution,
      regionNote: placed.note,
      regionCode: resolution?.region.code ?? null,
      unitKind,
      unitId: identity.unitId,
      parentUnitId: identity.parentUnitId,
      source,
      figures: countFigures(report),
    });
  }

  const { kept, duplicates } = pickOriginals(parsed);
  // Before the cross-year checks, so that they see the cuts the neighbouring years decide.
  resolveAcrossYears(kept, (p) => p.unitId);
  for (const [p, failures] of crossYearFailures(kept))
    p.report = { ...p.report, checks: [...p.report.checks, ...failures] };
  const reports: ReportRow[] = [];
  const cells: CellRow[] = [];
  const checks: CheckRow[] = [];
  const regionCodes = new Set<string>();
  for (const p of parsed) entries.set(p.input, entryForParsed(p, duplicates.get(p)));
  for (const p of kept) {
    if (p.figures === 0) continue;
    const id = idOf(p.report);
    reports.push(
      toReportRow(p.report, {
        unitKind: p.unitKind,
        identity: { unitId: p.unitId, parentUnitId: p.parentUnitId },
        placement: p.resolution,
        source: p.source,
        parserVersion: options.parserVersion,
      }),
    );
    cells.push(...toCellRows(p.report, id, p.src));
    checks.push(...toCheckRows(p.report, id));
    for (const r of p.resolution?.chain ?? []) regionCodes.add(r.code);
  }

  const manifestEntries = files.map((f) => entries.get(f)!);
  const counts: Record<ManifestStatus, number> = { parsed: 0, flagged: 0, failed: 0, duplicate: 0 };
  for (const e of manifestEntries) counts[e.status]++;
  return {
    tables: { reports, cells, checks, regions: toRegionRows(regionsToWrite(options.regions, regionCodes)) },
    manifest: { parser_version: options.parserVersion, counts, reports: manifestEntries },
    unreadable,
  };
}

function entryForParsed(p: Parsed, original: Parsed | undefined): ManifestEntry {
  const failures = p.report.checks.length;
  const rules = [...new Set(p.report.checks.map((c) => c.rule))].join(', ');
  let reason: string | null = rules || null;
  if (original) reason = `same report as ${original.input.name}`;
  else if (p.figures === 0) reason = `${rules ? `${rules}; ` : ''}${NO_FIGURES}`;
  return {
    file: p.input.name,
    status: original ? 'duplicate' : failures > 0 || p.figures === 0 ? 'flagged' : 'parsed',
    reason,
    report_id: idOf(p.report),
    unit: p.report.unit,
    year: p.report.year,
    format: p.report.format,
    sha256: p.report.source.sha256,
    reader: p.report.source.reader ?? null,
    source: p.source,
    region_code: p.regionCode,
    unit_id: p.unitId,
    region_note: p.regionNote,
    check_failures: failures,
    duplicate_of: original ? idOf(original.report) : null,
    in_dataset: !original && p.figures > 0,
    notes: p.report.notes ?? [],
  };
}

/**
 * A report without a single printed number (the blank national template, a page whose tables were
 * images) has nothing to analyse, and its "unit" may be no unit at all: it stays in the manifest,
 * flagged, but out of the Parquet files.
 */
const NO_FIGURES = 'no figures: listed here, not written to the dataset';

function countFigures(report: Report): number {
  let n = 0;
  for (const table of [report.table2, report.table3, report.table4])
    for (const row of Object.values(table))
      for (const v of Object.values(row)) if (typeof v === 'number') n++;
  return n;
}

/** Every division down to county level, plus the townships the dataset's reports resolve to. */
function regionsToWrite(index: RegionIndex, used: ReadonlySet<string>): RegionEntry[] {
  return [...index.byCode.values()].filter((e) => e.level !== 'township' || used.has(e.code));
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
