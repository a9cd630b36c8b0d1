import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getMetric } from '../../../domain/metrics';
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
import { useUnitLabels } from '../../common/useUnitLabels';
import { MetricSelect } from '../../controls/MetricSelect';
import { UnitPicker } from '../../controls/UnitPicker';
import { YearSelect } from '../../controls/YearSelect';
import { useChartCorrections } from '../../review/useChartCorrections';
import { CompareChart } from './CompareChart';

/** Bars when no unit is chosen: the top of all units. */
const TOP_N = 20;
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
  const { years, latest } = useDatasetInfo();
  const year = yearChoice ?? latest ?? 0;
  const metric = getMetric(metricId);
  const names = useUnitLabels();
  const corr = useChartCorrections();
  const query = useQuery(
    compareQuery({
      metric: metricId,
      year,
      units,
      limit: units.length > 0 ? units.length : TOP_N,
      province: filter.province,
      level: filter.level,
      corrections: corr.cells,
      latestEach,
    }),
  );
  const rows = query.data?.rows ?? NO_ROWS;
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
            render: (r: CompareRow) => num(r.numerator),
          },
          {
            key: 'den',
            label: t('col.denominator'),
            numeric: true,
            render: (r: CompareRow) => num(r.denominator),
          },
        ]
      : []),
    { key: 'checks', label: t('col.checks'), numeric: true, render: (r) => num(r.checkFailures) },
  ];

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
      controls={
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
        </>
      }
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
          />
        )}
      </QueryState>
    </ChartFrame>
  );
}
