/**
 * Strings of the analyst's tools of issue 15 (pivot subtotals, the province tile map, highlight
 * and sort controls, the "about this data" page), kept in their own table and spread into
 * zh.ts / en.ts so that the main tables change by one line.
 */
export const zhAnalyst = {
  'view.about': '关于数据',
  'pivot.subtotal': '小计',
  'compare.show': '显示为',
  'compare.show.bars': '条形图',
  'compare.show.map': '省份地图',
  'compare.highlight': '突出显示',
  'sort.label.asc': '按名称升序',
  'sort.label.desc': '按名称降序',
  'sort.value.desc': '按数值降序',
  'sort.value.asc': '按数值升序',
  'table.sortBy': '按“{column}”排序',
  'map.aria': '各省数值方块地图',
  'map.noData': '无数据',
  'map.reports': '{m} 份年报中 {n} 份有此数',
  'map.reportsShort': '{n} / {m}',
  'map.filtered': '不在所选省份内',
  'map.title': '{metric} · 各省汇总 · {year}',
  'map.titleLatest': '{metric} · 各省汇总 · 各单位最新年度（截至 {year}）',
  'map.allUnits': '所有单位',
  'map.how.rate':
    '每省的值 = 该省范围内年报的分子之和 ÷ 分母之和（只计两项都印有的年报），不是各单位比率的平均；港澳台不在这些年报之内，显示为无数据。',
  'map.how.count':
    '每省的值 = 该省范围内年报此项之和；各省收录的年报数量不同（见数据表），不宜直接比较大小；港澳台不在这些年报之内，显示为无数据。',
  'map.col.reports': '有此数的年报 / 范围内年报',
  'map.col.reported': '有此数的年报数',
  'map.col.inScope': '范围内年报数',
  'about.title': '关于数据',
  'about.intro':
    '本页说明仪表盘里每个数字的来历：指标的含义、两种全国统一格式、当前加载的数据从哪里来，以及勾稽校验和异常提示如何工作。页面上的数量都来自当前加载的数据。',
  'about.sources.title': '数据从哪里来',
  'about.sources.summary':
    '当前数据集（{dataset}）共 {reports} 份年报，涉及 {units} 个单位、{provinces} 个省份，年度 {years}。',
  'about.sources.parser':
    '每份年报由本项目的确定性解析器从原文（文本、HTML、PDF、DOCX；扫描件经 OCR）读出表二、表三、表四的数字，按印出的样子保存，不做“修正”；读不出表三的文件不进入数据集。',
  'about.origin.archive': '网站存档（GitHub 上保存的政府网站页面）',
  'about.origin.web': '政府网站页面',
  'about.origin.file': '收集的文件',
  'about.origin.synthetic': '合成数据（仅供演示）',
  'about.col.origin': '来源',
  'about.col.reports': '年报',
  'about.col.units': '单位',
  'about.col.places': '来源地址',
  'about.col.flagged': '有校验未通过的年报',
  'about.col.year': '年度',
  'about.col.format': '格式',
  'about.formats.title': '两种全国统一格式',
  'about.formats.2019': '2019 版格式：按国办公开办函〔2019〕60号 规定的表格，2019、2020 年度年报使用。',
  'about.formats.2021':
    '2021 版格式：按国办公开办函〔2021〕30号 规定的表格，2021 年度起的年报使用；{year} 年度起仍用 2019 版表格的年报会得到异常提示。',
  'about.formats.table2':
    '表二（主动公开）两版的项目不同：2019 版为 {items2019}；2021 版为 {items2021}。只有 {cross} 的“处理决定数量”两版含义相同，可以跨格式比较；趋势图在格式变化处标注，跨格式的同比和指数另有说明。',
  'about.formats.table3':
    '表三（依申请公开）：2021 版把“其他处理”分为 {rows} 三行，2019 版只有一行“{single}”；两版的“其他处理”合计可以比较。',
  'about.formats.metrics': '{n} 个指标只对一种格式有定义，另一种格式的年报在这些指标上显示为“不可比”。',
  'about.metrics.title': '指标说明',
  'about.metrics.intro':
    '每个指标都由年报表格中的单元格计算：件数是单元格之和；比率是分子之和 ÷ 分母之和（多个单位或年报合并时也如此，不取各比率的平均）。',
  'about.col.metric': '指标',
  'about.col.formula': '计算方法',
  'about.col.unit': '单位',
  'about.col.formats': '适用格式',
  'about.unit.count': '件',
  'about.unit.rate': '比率（%）',
  'about.unit.percent': '百分数',
  'about.checks.title': '勾稽校验如何工作',
  'about.checks.intro':
    '解析之后，每份年报按其表格自身的算术关系（勾稽关系）核对，例如“本年新收 + 上年结转 = 办理总计 + 结转下年度”。未通过的校验连同应有值和实际值一起记录，数字本身不被改动；年报视图把它们标在相应单元格上，数据质量视图列出全部。',
  'about.col.rule': '校验规则',
  'about.col.failures': '未通过次数',
  'about.col.failedReports': '涉及年报',
  'about.anomalies.title': '异常提示如何工作',
  'about.anomalies.intro':
    '异常提示不表示错误：表格的算术都成立，但数字值得再核对一次。提示从不改变任何数字。',
  'about.anomaly.yoy':
    '本年新收申请与上一年相比相差 {factor} 倍及以上（两年中较大的一年至少 {base} 件；只比较相邻年度）。',
  'about.anomaly.peer':
    '政府信息公开率偏离同年、同省、同级单位的中位数过远（稳健 z 值超过 {z}；每组至少 {group} 个单位，办理总计不足 {den} 件的不计）。',
  'about.anomaly.copied': '表三与上一年逐格相同（至少 {n} 个非零数字），可能是照抄。',
  'about.anomaly.format': '{year} 年度起仍使用 2019 版表格。',
  'about.anomaly.narrative': '正文里写的件数与表格的总计不一致。',
} as const;

export const enAnalyst: Record<keyof typeof zhAnalyst, string> = {
  'view.about': 'About the data',
  'pivot.subtotal': 'Subtotal',
  'compare.show': 'Show as',
  'compare.show.bars': 'Bars',
  'compare.show.map': 'Province map',
  'compare.highlight': 'Highlight',
  'sort.label.asc': 'Name A→Z',
  'sort.label.desc': 'Name Z→A',
  'sort.value.desc': 'Value, high to low',
  'sort.value.asc': 'Value, low to high',
  'table.sortBy': 'Sort by {column}',
  'map.aria': 'Tile map of the provinces’ values',
  'map.noData': 'No data',
  'map.reports': '{n} of {m} reports give this figure',
  'map.reportsShort': '{n} / {m}',
  'map.filtered': 'outside the province filter',
  'map.title': '{metric} · by province · {year}',
  'map.titleLatest': '{metric} · by province · each unit’s latest year (up to {year})',
  'map.allUnits': 'all units',
  'map.how.rate':
    'Each province: the sum of the numerators ÷ the sum of the denominators over its reports in scope (those printing both), not a mean of the units’ rates; Hong Kong, Macao and Taiwan are outside these reports and show as no data.',
  'map.how.count':
    'Each province: the sum over its reports in scope; provinces hold different numbers of reports (see the table), so sizes are not directly comparable; Hong Kong, Macao and Taiwan are outside these reports and show as no data.',
  'map.col.reports': 'Reports with the figure / in scope',
  'map.col.reported': 'Reports with the figure',
  'map.col.inScope': 'Reports in scope',
  'about.title': 'About the data',
  'about.intro':
    'Where every number of the dashboard comes from: what each metric means, the two national formats, where the loaded data came from, and how the consistency checks and anomaly flags work. Every count on this page is read from the loaded data.',
  'about.sources.title': 'Where the data comes from',
  'about.sources.summary':
    'The loaded dataset ({dataset}) holds {reports} reports of {units} units in {provinces} provinces, years {years}.',
  'about.sources.parser':
    'Each report is read by this project’s deterministic parser from the original (text, HTML, PDF, DOCX; scans through OCR): the figures of tables 2, 3 and 4 are kept as printed, never “fixed”; a file without a readable table 3 is left out.',
  'about.origin.archive': 'Web archive (government pages kept on GitHub)',
  'about.origin.web': 'Government web page',
  'about.origin.file': 'Collected file',
  'about.origin.synthetic': 'Synthetic data (demonstration only)',
  'about.col.origin': 'Origin',
  'about.col.reports': 'Reports',
  'about.col.units': 'Units',
  'about.col.places': 'Source addresses',
  'about.col.flagged': 'Reports with a failed check',
  'about.col.year': 'Year',
  'about.col.format': 'Format',
  'about.formats.title': 'The two national formats',
  'about.formats.2019':
    '2019 format: the tables set by the State Council General Office’s notice (国办公开办函〔2019〕60号), used by the reports for 2019 and 2020.',
  'about.formats.2021':
    '2021 format: the tables set by its notice (国办公开办函〔2021〕30号), used from the reports for 2021 on; a report for {year} or later still in the 2019 tables gets an anomaly flag.',
  'about.formats.table2':
    'Table 2 (proactive disclosure) has different items in the two formats: the 2019 format has {items2019}; the 2021 format has {items2021}. Only the decisions of {cross} mean the same in both and compare across the change; the Trends chart marks the change, and year-over-year and index values across it say so.',
  'about.formats.table3':
    'Table 3 (requests): the 2021 format splits “other handling” into three rows ({rows}); the 2019 format prints one row, “{single}”; the “other” totals of both compare.',
  'about.formats.metrics':
    '{n} metrics are defined for one format only; reports of the other format show “not comparable” for them.',
  'about.metrics.title': 'What each metric means',
  'about.metrics.intro':
    'Every metric is computed from cells of the report’s tables: a count is a sum of cells; a rate is the sum of its numerators ÷ the sum of its denominators (also when units or reports are combined: never a mean of rates).',
  'about.col.metric': 'Metric',
  'about.col.formula': 'Formula',
  'about.col.unit': 'Unit',
  'about.col.formats': 'Formats',
  'about.unit.count': 'count',
  'about.unit.rate': 'rate (%)',
  'about.unit.percent': 'percent',
  'about.checks.title': 'How the consistency checks work',
  'about.checks.intro':
    'After parsing, each report is checked against the arithmetic its own tables must satisfy, e.g. “new + carried over = handled + carried forward”. A failed check is recorded with the expected and the actual figure; the figures themselves are never changed. The Report view marks them on their cells; the Quality view lists them all.',
  'about.col.rule': 'Check',
  'about.col.failures': 'Failures',
  'about.col.failedReports': 'Reports',
  'about.anomalies.title': 'How the anomaly flags work',
  'about.anomalies.intro':
    'An anomaly flag is not an error: the tables’ arithmetic holds, but a figure deserves a second look. A flag never changes a figure.',
  'about.anomaly.yoy':
    'New requests changed by a factor of {factor} or more from the year before (the larger year at least {base}; consecutive years only).',
  'about.anomaly.peer':
    'The disclosure rate is far from the median of the same year, province and level (robust z-score above {z}; groups of at least {group} units; fewer than {den} handled requests are not scored).',
  'about.anomaly.copied':
    'Table 3 is the same as last year’s, cell for cell (at least {n} non-zero figures): possibly copied.',
  'about.anomaly.format': 'A report for {year} or later still in the 2019 tables.',
  'about.anomaly.narrative': 'The prose states a total that differs from the table’s.',
};
