/** Drives the synthetic dataset: units × years → reports, checked, encoded and written as Parquet (Node only). */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { writeDerived } from '../../dataset/node/derived-writer';
import { toRegionRows } from '../../dataset/region-rows';
import { idOf, toCellRows, toCheckRows, toReportRow } from '../../dataset/report-rows';
import { identityOf } from '../../dataset/unit-identity';
import type { CheckFailure, Report } from '../../domain/report';
import type { RegionEntry } from '../../region/types';
import type { FaultKind } from '../faults';
import { generateUnitSeries, type SynthOptions } from '../series';
import { buildUnits, type SynthUnit } from '../units';
import { SynthParquetSink, type WrittenDataset } from './parquet-sink';

/** `parser_version` of synthetic reports: bump when the generator's output changes for a seed. */
export const SYNTH_VERSION = 'synth-1';

/**
 * The consistency checks over one unit's reports in year order: one list of failures per report,
 * cross-year rules attributed to the later year. The CLI passes src/domain/checks.
 */
export type SeriesChecker = (reports: readonly Report[]) => CheckFailure[][];

export interface GenerateOptions extends SynthOptions {
  /** Only the first N provinces (by code) with their prefectures and counties: small runs for tests. */
  provinceLimit?: number | readonly string[];
  check: SeriesChecker;
  /** Called after each province, for progress output. */
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  files: WrittenDataset;
  /** Publishing units: governments and their departments. */
  units: number;
  /** Of which governments (one per region written). */
  governments: number;
  faults: Partial<Record<FaultKind, number>>;
  /** Reports carrying an injected fault and no check failure (must stay 0). */
  missedFaults: number;
  /** Reports without an injected fault yet with a check failure (must stay 0). */
  falseAlarms: number;
  ms: { generate: number; write: number };
}

export async function generateDataset(
  dir: string,
  entries: readonly RegionEntry[],
  options: GenerateOptions,
): Promise<GenerateResult> {
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const units = buildUnits(entries, options.provinceLimit);
  const sink = await SynthParquetSink.open();
  const faults: Partial<Record<FaultKind, number>> = {};
  let missedFaults = 0;
  let falseAlarms = 0;
  units.forEach((unit, i) => {
    const series = generateUnitSeries(unit, options);
    const failures = options.check(series.map((s) => s.report));
    series.forEach(({ report, fault }, j) => {
      report.checks = failures[j] ?? [];
      if (fault) faults[fault] = (faults[fault] ?? 0) + 1;
      if (fault && report.checks.length === 0) missedFaults++;
      if (!fault && report.checks.length > 0) falseAlarms++;
      addReport(sink, unit, report);
    });
    if (options.onProgress && (i === units.length - 1 || units[i + 1]!.province !== unit.province))
      options.onProgress(i + 1, units.length);
  });
  sink.addRegions(
    toRegionRows(
      units
        .filter((u) => u.kind === 'government')
        .map((u) => ({ code: u.code, name: u.name, level: u.level, parent_code: u.parentCode })),
    ),
  );
  const generated = performance.now();
  const files = await sink.write(dir);
  await writeDerived(dir);
  return {
    files,
    units: units.length,
    governments: units.filter((u) => u.kind === 'government').length,
    faults,
    missedFaults,
    falseAlarms,
    ms: { generate: generated - started, write: performance.now() - generated },
  };
}

/** A synthetic report has no source file; its sha256 is that of its printed content. */
function addReport(sink: SynthParquetSink, unit: SynthUnit, report: Report): void {
  const cells = toCellRows(report, '');
  const encoded = SynthParquetSink.encodeCells(cells);
  report.source.sha256 = createHash('sha256')
    .update(
      `${report.unit}\u0000${report.year}\u0000${report.format}\u0000${encoded.layoutKey}\u0000${encoded.line}`,
    )
    .digest('hex');
  const id = idOf(report);
  const placement = {
    region: { code: unit.code, name: unit.name, level: unit.level },
    province: unit.province,
    prefecture: unit.prefecture,
    county: unit.county,
  };
  const row = toReportRow(report, {
    unitKind: unit.kind,
    identity: identityOf(report.unit, unit.kind, placement, unit.parentCode),
    placement,
    source: 'synthetic',
    parserVersion: SYNTH_VERSION,
  });
  sink.addReport(row, encoded, cells.length, toCheckRows(report, id));
}
