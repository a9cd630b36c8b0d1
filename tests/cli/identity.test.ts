/**
 * Issue 13's ingest acceptance: two reports whose printed unit names are identical but whose
 * regions differ are two units; one body printed under two spellings in two years is one unit
 * with both years; a declared alias joins a renamed body.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectInputs } from '../../cli/lib/files';
import { ingestFiles } from '../../cli/lib/ingest-run';
import { loadParser } from '../../cli/lib/parser';
import { regionIndex } from '../../cli/lib/regions';
import type { ReportRow } from '../../src/dataset/rows';
import { governmentId, parseAliases } from '../../src/domain/units/identity';
import { mergesToAliases } from '../../src/domain/units/merges';
import { HEADER, LABELS_2021, T4_HEADING, table3Rows } from '../parser/tables/synthetic';

const ROWS = table3Rows(LABELS_2021);

/** A small 2021-format report (written for the test) titled with `unit` and `year`. */
function reportText(unit: string, year: number): string {
  const rows = LABELS_2021.map(([k, label]) => `${label}\t${ROWS.get(k)!.join('\t')}`);
  return [
    `${unit}${year}年政府信息公开工作年度报告`,
    ...HEADER,
    ...rows,
    T4_HEADING,
    [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].join(' '),
    '五、存在的主要问题及改进情况',
  ].join('\n');
}

let tmp: string;
let reports: readonly ReportRow[];

async function ingest(files: Record<string, string>, aliases?: string): Promise<readonly ReportRow[]> {
  const dir = await mkdtemp(path.join(tmp, 'in-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const { files: inputs } = await collectInputs([dir]);
  const { parseReport, version } = await loadParser();
  const result = await ingestFiles(inputs, {
    parseReport,
    parserVersion: version,
    regions: await regionIndex(),
    sources: new Map(),
    aliases: aliases === undefined ? undefined : parseAliases(aliases).aliases,
    unitMerges: aliases === undefined ? undefined : parseAliases(aliases).units,
  });
  return result.tables.reports;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'identity-'));
  await mkdir(tmp, { recursive: true });
  reports = await ingest({
    // Printed names identical; the collectors' file names say which 鼓楼区.
    '南京市鼓楼区_2021.txt': reportText('鼓楼区人民政府', 2021),
    '福州市鼓楼区_2021.txt': reportText('鼓楼区人民政府', 2021),
    // One body, two spellings, two years.
    '平潭综合实验区公安局_2021.txt': reportText('平潭综合实验区公安局', 2021),
    '平潭综合实验区公安局_2022.txt': reportText('平潭公安局', 2022),
  });
}, 120_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('ingest keeps units apart by region and together across spellings', () => {
  it('same printed name, different regions: two units, each its own government', () => {
    const gulou = reports.filter((r) => r.unit === '鼓楼区人民政府');
    expect(gulou.map((r) => r.region_code).sort()).toEqual(['320106', '350102']);
    expect(new Set(gulou.map((r) => r.unit_id)).size).toBe(2);
    for (const r of gulou) {
      expect(r.unit_id).toBe(governmentId(r.region_code!));
      expect(r.parent_unit_id).toBe(governmentId(`${r.region_code!.slice(0, 4)}00`));
    }
  });

  it('平潭综合实验区公安局 (2021) and 平潭公安局 (2022): one unit with both years, under 平潭', () => {
    const police = reports.filter((r) => r.unit.includes('公安局'));
    expect(police.map((r) => [r.unit, r.year])).toEqual([
      ['平潭综合实验区公安局', 2021],
      ['平潭公安局', 2022],
    ]);
    expect(new Set(police.map((r) => r.unit_id)).size).toBe(1);
    expect(police.every((r) => r.unit_kind === 'department')).toBe(true);
    expect(police.every((r) => r.parent_unit_id === governmentId('350128'))).toBe(true);
    // No (unit_id, year) has two reports.
    const keys = reports.map((r) => `${r.unit_id}/${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a declared alias joins a renamed body; without it the two names are two units', async () => {
    const files = {
      '平潭综合实验区国有资产管理局_2023.txt': reportText('平潭综合实验区国有资产管理局', 2023),
      '平潭综合实验区投资促进局_2024.txt': reportText('平潭综合实验区投资促进局', 2024),
    };
    const apart = await ingest(files);
    expect(new Set(apart.map((r) => r.unit_id)).size).toBe(2);
    const joined = await ingest(files, '平潭综合实验区投资促进局\t平潭综合实验区国有资产管理局\n');
    expect(new Set(joined.map((r) => r.unit_id)).size).toBe(1);
    expect(joined.map((r) => r.unit).sort()).toEqual([
      '平潭综合实验区国有资产管理局',
      '平潭综合实验区投资促进局',
    ]);
  });

  it("the browser's merges, downloaded as an aliases file, give a re-ingest the same unit ids", async () => {
    const files = {
      '平潭综合实验区国有资产管理局_2023.txt': reportText('平潭综合实验区国有资产管理局', 2023),
      '平潭综合实验区投资促进局_2024.txt': reportText('平潭综合实验区投资促进局', 2024),
    };
    const apart = await ingest(files);
    const [from, into] = ['国有资产管理局', '投资促进局'].map(
      (n) => apart.find((r) => r.unit.endsWith(n))!.unit_id,
    );
    const file = mergesToAliases([
      { from: from!, into: into!, fromName: '国有资产管理局', intoName: '投资促进局', date: '2026-01-01' },
    ]);
    const joined = await ingest(files, file);
    expect(joined.map((r) => r.unit_id)).toEqual([into, into]);
  });
});
