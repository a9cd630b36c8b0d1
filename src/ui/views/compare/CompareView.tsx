import { useCallback, useMemo } from 'react';
import { getMetric } from '../../../domain/metrics';
import { parseSortKey, SORT_OPTIONS, sortKey } from '../../../domain/vocab';
import { useI18n } from '../../../i18n';
import { provinceName } from '../../../i18n/places';
import { type CompareRow, compareQuery } from '../../../queries';
import { useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { type Column, DataTable } from '../../common/DataTable';
import { csvNumber, unitsText, valueHeader } from '../../common/exportText';
import { formatMetric } from '../../common/format';
import { OKABE_ITO } from '../../common/palette';
import { QueryState } from '../../common/QueryState';
import { useDatasetInfo } from '../../common/useDatasetInfo';
import { useEagerQuery } from '../../common/useEagerQuery';
import { useUnitLabels } from '../../common/useUnitLabels';
import { MetricSelect } from '../../controls/MetricSelect';
import { Segmented } from '../../controls/Segmented';
import { Select } from '../../controls/Select';
import { UnitPicker } from '../../controls/UnitPicker';
import { YearSelect } from '../../controls/YearSelect';
import { useChartCorrections } from '../../review/useChartCorrections';
import { CompareChart } from './CompareChart';
import { CompareMapFrame } from './CompareMapFrame';
import { orderRows } from './order';
import { compareParams, TOP_N } from './params';

const NO_ROWS: CompareRow[] = [];

export default function CompareView() {
  const i18n = useI18n();
  const { t, label, num } = i18n;
  const metricId = useUi((s) => s.metric);
  const units = useUi((s) => s.units);
  const yearChoice = useUi((s) => s.year);
  const filter = useUi((s) => s.filter);
  const latestEach = useUi((s) => s.latestEach);
  const set = useUi((s) => s.set);
  const compare = useUi((s) => s.compare);
  const setCompare = useCallback(
    (patch: Partial<typeof compare>) => set({ compare: { ...compare, ...patch } }),
    [set, compare],
  );
  const { years, latest } = useDatasetInfo();
  const year = yearChoice ?? latest ?? 0;
  const metric = getMetric(metricId);
  const names = useUnitLabels();
  const corr = useChartCorrections();
  const query = useEagerQuery(
    compareQuery(compareParams({ metric: metricId, units, filter, latestEach }, year, corr.cells)),
  );
  const queried = query.data?.rows ?? NO_ROWS;
  // The rows drawn are the query's (top N by value, or the chosen units); the sort orders them.
  const rows = useMemo(
    () =>
      orderRows(
        queried,
        compare.sort,
        (r) => (r.comparable ? r.value : null),
        (r) => names.label(r.unitId, r.unit),
        i18n.lang,
      ),
    [queried, compare.sort, names, i18n.lang],
  );
  const highlight = useCallback((unitId: string | null) => setCompare({ highlight: unitId }), [setCompare]);
  // Redrawn only with new rows, not on every control change (up to 50 options).
  const highlightOptions = useMemo(
    () =>
      rows.map((r) => (
        <option key={r.unitId} value={r.unitId}>
          {names.label(r.unitId, r.unit)}
        </option>
      )),
    [rows, names],
  );
  // Chart and table show the rows they have with their own metric until the next ones arrive.
  const drawn = getMetric(query.data?.params.metric ?? metricId);
  const fmt = (v: number | null) => formatMetric(i18n, drawn.unit, v);
  const title = corr.title(
    latestEach
      ? t('compare.titleLatest', { metric: label(metric.label), year })
      : t('compare.title', { metric: label(metric.label), year }),
  );
  const subtitle = unitsText(i18n, filter, units.length, TOP_N);
  const metricName = label(drawn.label);
  // A figure leads to the cell it was read from (the metric's first printed term), in the Report view.
  const term = drawn.numerator[0];
  const termCell = term ? `${term.table}.${term.row}.${term.col}` : null;
  // Stable across renders: the chart is memoised.
  const openFigure = useCallback(
    (r: Pick<CompareRow, 'reportId'>) => set({ view: 'report', report: r.reportId, cell: termCell }),
    [set, termCell],
  );

  const columns: Column<CompareRow>[] = [
    { key: 'unit', label: t('col.unit'), render: (r) => names.label(r.unitId, r.unit) },
    { key: 'province', label: t('col.province'), render: (r) => provinceName(i18n.lang, r.province) },
    ...(latestEach ? [{ key: 'year', label: t('col.year'), render: (r: CompareRow) => r.year }] : []),
    { key: 'format', label: t('col.format'), render: (r) => r.format },
    {
      key: 'value',
      label: t('col.value'),
      numeric: true,
      sortValue: (r) => (r.comparable ? r.value : null),
      render: (r) =>
        r.comparable ? (
          <button
            type="button"
            className="link-button"
            data-testid="compare-figure"
            title={t('source.open', { unit: r.unit, year })}
            onClick={() => openFigure(r)}
          >
            {fmt(r.value)}
          </button>
        ) : (
          t('chart.notComparable')
        ),
    },
    ...(metric.denominator
      ? [
          {
            key: 'num',
            label: t('col.numerator'),
            numeric: true,
            sortValue: (r: CompareRow) => r.numerator,
            render: (r: CompareRow) => num(r.numerator),
          },
          {
            key: 'den',
            label: t('col.denominator'),
            numeric: true,
            sortValue: (r: CompareRow) => r.denominator,
            render: (r: CompareRow) => num(r.denominator),
          },
        ]
      : []),
    {
      key: 'checks',
      label: t('col.checks'),
      numeric: true,
      sortValue: (r) => r.checkFailures,
      render: (r) => num(r.checkFailures),
    },
  ];

  const controls = (
    <>
      <UnitPicker emptyHint={t('picker.emptyHint', { n: TOP_N })} />
      <p className="muted small">{t('picker.filterHint')}</p>
      <div className="picker-row">
        <MetricSelect value={metricId} onChange={(id) => set({ metric: id })} />
        <YearSelect value={yearChoice} years={years} onChange={(y) => set({ year: y })} />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={latestEach}
            data-testid="latest-each"
            onChange={(e) => set({ latestEach: e.target.checked })}
          />
          {t('compare.latestEach')}
        </label>
        {corr.toggle}
      </div>
      <div className="picker-row">
        <Segmented
          label={t('compare.show')}
          value={compare.show}
          options={[
            { value: 'bars', label: t('compare.show.bars') },
            { value: 'map', label: t('compare.show.map') },
          ]}
          onChange={(v) => setCompare({ show: v })}
        />
        {compare.show === 'bars' && (
          <>
            <Select
              label={t('control.sort')}
              value={sortKey(compare.sort)}
              onChange={(v) => {
                const sort = parseSortKey(v);
                if (sort) setCompare({ sort });
              }}
              testId="compare-sort"
            >
              {SORT_OPTIONS.map((o) => (
                <option key={o} value={o}>
                  {t(`sort.${o}`)}
                </option>
              ))}
            </Select>
            <Select
              label={t('compare.highlight')}
              value={compare.highlight ?? ''}
              onChange={(v) => highlight(v || null)}
              testId="compare-highlight"
            >
              <option value="">{t('control.none')}</option>
              {compare.highlight && !rows.some((r) => r.unitId === compare.highlight) && (
                <option value={compare.highlight}>{names.label(compare.highlight)}</option>
              )}
              {highlightOptions}
            </Select>
          </>
        )}
      </div>
    </>
  );

  if (compare.show === 'map')
    return <CompareMapFrame controls={controls} metricId={metricId} year={year} latestEach={latestEach} />;
  return (
    <ChartFrame
      id="compare"
      title={title}
      subtitle={subtitle}
      formula={label(metric.formula)}
      legend={[{ label: metricName, colour: OKABE_ITO[0] }]}
      busy={query.isPlaceholderData}
      csv={() => ({
        header: [
          t('col.unit'),
          t('col.unitId'),
          t('col.province'),
          t('col.year'),
          t('col.format'),
          valueHeader(i18n, metricName, drawn.unit),
          ...(drawn.denominator ? [t('col.numerator'), t('col.denominator')] : []),
          t('col.checks'),
        ],
        rows: rows.map((r) => [
          names.label(r.unitId, r.unit),
          r.unitId,
          provinceName(i18n.lang, r.province),
          r.year,
          t(`format.${r.format}`),
          r.comparable ? csvNumber(drawn.unit, r.value) : t('chart.notComparable'),
          ...(drawn.denominator ? [r.numerator, r.denominator] : []),
          r.checkFailures,
        ]),
      })}
      controls={controls}
      note={
        <>
          {query.data && query.data.missing.length > 0 && (
            <p className="muted">
              {t('chart.missing', { units: i18n.list(query.data.missing.map((u) => names.label(u))) })}
            </p>
          )}
          {query.data && query.data.filteredOut.length > 0 && (
            <p className="muted" data-testid="filtered-out">
              {t('chart.filteredOut', {
                units: i18n.list(query.data.filteredOut.map((u) => names.label(u))),
              })}
            </p>
          )}
        </>
      }
      table={<DataTable caption={title} columns={columns} rows={rows} rowKey={(r) => r.reportId} />}
    >
      <QueryState error={query.error} hasData={query.data !== undefined}>
        {rows.length === 0 ? (
          <p className="muted">{t('chart.noData')}</p>
        ) : (
          <CompareChart
            rows={rows}
            unit={drawn.unit}
            notComparable={t('chart.notComparable')}
            label={names.label}
            onOpen={openFigure}
            highlight={compare.highlight}
            onHighlight={highlight}
          />
        )}
      </QueryState>
    </ChartFrame>
  );
}
