/** Shared helpers of the corpus tests: the shared corpus's expected values in the contract's keys. */
import { type Format, TABLE2_ITEMS } from '../../src/domain/keys';
import type { TableValues } from '../../src/domain/report';

/**
 * The thirteen reports of 平潭's own departments and 片区 (corpus README, "Added 2026-12"), with
 * the shared hand-verified values. Their scanned (`*_扫描件.pdf`) and `.doc` copies are read by
 * the OCR / legacy-Word path, tested with it (SCANNED_AND_DOC in golden.test.ts).
 */
export const PINGTAN_BODIES = [
  '平潭综合实验区公安局_2019',
  '平潭综合实验区农业农村局_2019',
  '平潭综合实验区君山片区管理局_2021',
  '平潭综合实验区国有资产管理局_2021',
  '平潭综合实验区市场监督管理局_2021',
  '平潭综合实验区海坛片区管理局_2020',
  '平潭综合实验区经济发展局_2020',
  '平潭综合实验区综合执法与应急管理局_2022',
  '平潭综合实验区自然资源与生态环境局_2022',
  '平潭综合实验区行政审批局_2023',
  '平潭综合实验区财政金融局_2022',
  '平潭综合实验区金井片区管理局_2019',
  '平潭综合实验区金井片区管理局_2025',
] as const;

/**
 * The shared corpus keys table 二 by its printed labels (a printed typo kept as printed); the
 * parser by the contract's keys. Columns are mapped by printed label, else by position.
 */
const T2_ITEMS: Record<string, string> = {
  规章: 'regulations',
  规范性文件: 'normative_documents',
  行政规范性文件: 'normative_documents',
  行政许可: 'licensing',
  其他对外管理服务事项: 'other_services',
  行政处罚: 'penalty',
  行政强制: 'coercion',
  行政事业性收费: 'fees',
  政府集中采购: 'procurement',
};

export function keyedTable2(
  printed: Record<string, Record<string, unknown>> | undefined,
  format: Format,
): TableValues {
  const out: TableValues = {};
  for (const [label, cols] of Object.entries(printed ?? {})) {
    const item = T2_ITEMS[label];
    const columns = item ? TABLE2_ITEMS[format][item] : undefined;
    if (!item || !columns) throw new Error(`expected table 二: unknown item ${label}`);
    out[item] = Object.fromEntries(
      Object.values(cols).map((v, i) => {
        // "减12" (本年增/减 printed in words) is the number -12; the parser keeps the text in raw.
        const value = typeof v === 'string' ? (v.startsWith('减') ? -1 : 1) * Number(v.slice(1)) : v;
        return [columns[i]!, value as number | null];
      }),
    );
  }
  return out;
}
