/**
 * Strings of issue 17 (anomaly flags, reviews, corrections, provenance), kept in their own table
 * and spread into zh.ts / en.ts so that the main tables change by one line.
 */
export const zhTrace = {
  'anomaly.title': '异常提示（{n}）',
  'anomaly.intro': '以下提示只说明数字值得复核，不改变任何数字；阈值及理由见文档。',
  'anomaly.none': '当前范围内没有异常提示。',
  'anomaly.rule': '提示类型',
  'anomaly.why': '原因',
  'anomaly.allRules': '全部类型',
  'anomaly.onChart': '图中标记的异常（{n}）',
  'anomaly.mark': '{unit} {year}：{why}',
  'anomaly.rule.yoy_jump': '同比跳变',
  'anomaly.rule.peer_outlier': '偏离同级单位',
  'anomaly.rule.copied_table': '表格与上年相同',
  'anomaly.rule.old_format': '仍用 2019 年版表格',
  'anomaly.rule.narrative_total': '正文与表格不符',
  'anomaly.why.yoy_jump':
    '本年新收申请 {value} 件，上年 {reference} 件，相差 {detail} 倍（{factor} 倍及以上即提示）',
  'anomaly.why.peer_outlier':
    '公开率 {value}，同年同省同级 {detail} 个单位的中位数为 {reference}（稳健 z 分数绝对值超过 {z}）',
  'anomaly.why.copied_table': '表三与 {detail} 年年报逐格相同（含 {value} 个非零数字）',
  'anomaly.why.old_format': '{year} 年度年报仍使用 2019 年版表格（2022 年度起应使用 2021 年版）',
  'anomaly.why.narrative_total': '正文所述 {reference} 件与表{table}的总计 {value} 不一致',
} as const;

export const enTrace: Record<keyof typeof zhTrace, string> = {
  'anomaly.title': 'Anomaly flags ({n})',
  'anomaly.intro':
    'A flag says a figure deserves a second look; it never changes a figure. Thresholds and their reasons are in the docs.',
  'anomaly.none': 'No anomaly flags in this scope.',
  'anomaly.rule': 'Flag',
  'anomaly.why': 'Why',
  'anomaly.allRules': 'All flags',
  'anomaly.onChart': 'Flags marked on the chart ({n})',
  'anomaly.mark': '{unit} {year}: {why}',
  'anomaly.rule.yoy_jump': 'Year-over-year jump',
  'anomaly.rule.peer_outlier': 'Far from peers',
  'anomaly.rule.copied_table': 'Same table as last year',
  'anomaly.rule.old_format': 'Still the 2019 format',
  'anomaly.rule.narrative_total': 'Prose differs from table',
  'anomaly.why.yoy_jump':
    '{value} new requests against {reference} the year before: a {detail}× change (flagged from {factor}×)',
  'anomaly.why.peer_outlier':
    'disclosure rate {value}; the median of {detail} units of the same year, province and level is {reference} (robust z-score beyond {z})',
  'anomaly.why.copied_table': 'table 3 is cell for cell the {detail} report’s ({value} non-zero figures)',
  'anomaly.why.old_format':
    'the report for {year} still uses the 2019 tables (the 2021 format applies from 2022 reports on)',
  'anomaly.why.narrative_total': 'the prose states {reference}, table {table} totals {value}',
};
