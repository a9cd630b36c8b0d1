import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Anomaly } from '../../../domain/anomalies';
import { getMetric, type MetricUnit } from '../../../domain/metrics';
import { type I18n, useI18n } from '../../../i18n';
import { anomalyWhy } from '../../../i18n/anomaly';
import { anomaliesQuery, type TrendRow, trendsQuery } from '../../../queries';
import { TREND_MODES, type TrendMode, useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { type Column, DataTable } from '../../common/DataTable';
import { csvNumber, unitsText, valueHeader } from '../../common/exportText';
import { formatMetric } from '../../common/format';
import { seriesColour } from '../../common/palette';
import { QueryState } from '../../common/QueryState';
import { UnitMergePanel } from '../../common/UnitMergePanel';
import { useChartUnits } from '../../common/useChartUnits';
import { useDatasetInfo } from '../../common/useDatasetInfo';
import { useEagerQuery } from '../../common/useEagerQuery';
import { useUnitLabels } from '../../common/useUnitLabels';
import { MetricSelect } from '../../controls/MetricSelect';
import { Segmented } from '../../controls/Segmented';
import { UnitPicker } from '../../controls/UnitPicker';
import { useChartCorrections } from '../../review/useChartCorrections';
import { buildSeries } from './series';
import { FORMAT_CHANGE_YEAR, type TrendMark, TrendsChart } from './TrendsChart';

const TOP_N = 6;
const NO_ROWS: TrendRow[] = [];

function trendFormat(i18n: I18n, unit: MetricUnit, mode: TrendMode): (v: number | null) => string {
  return (v) =>
    mode === 'absolute'
      ? formatMetric(i18n, unit, v)
      : mode === 'relative'
        ? i18n.num(v, 1)
        : v === null
          ? '—'
          : `${i18n.num(v, 1)}%`;
}

export default function TrendsView() {
  const i18n = useI18n();
  const { t, label } = i18n;
  const metricId = useUi((s) => s.metric);
  const mode = useUi((s) => s.trendMode);
  const scale = useUi((s) => s.scale);
  const filter = useUi((s) => s.filter);
  const chosen = useUi((s) => s.units);
  const set = useUi((s) => s.set);
  const { latest } = useDatasetInfo();
  const metric = getMetric(metricId);
  const { units, settled } = useChartUnits(metricId, latest, TOP_N);
  const names = useUnitLabels();
  const corr = useChartCorrections();
  const asked = trendsQuery({ metric: metricId, units, mode, corrections: corr.cells });
  const query = useEagerQuery({ ...asked, enabled: settled ? asked.enabled : false });
  const rows = query.data?.rows ?? NO_ROWS;
  const title = corr.title(t('trends.title', { metric: label(metric.label) }));
  // Chart and table show the rows they have with their own metric and mode until the next ones arrive.
  const drawnMetric = getMetric(query.data?.params.metric ?? metricId);
  const drawnUnit = drawnMetric.unit;
  const drawnMode = query.data?.params.mode ?? mode;
  const drawnUnits = query.data?.params.units ?? units;
  const drawnFormat = useMemo(() => trendFormat(i18n, drawnUnit, drawnMode), [i18n, drawnUnit, drawnMode]);
  // Computed in the background after the first view (src/app/AnomalyPrefetch.tsx): usually ready.
  const anomalies = useQuery(anomaliesQuery());
  // By report: a flag belongs to one report of one unit (two 鼓楼区 are two lines). Grouped once
  // per answer; only the drawn reports' flags are put into words (thousands nationwide, a handful drawn).
  const flagsByReport = useMemo(() => {
    const byReport = new Map<string, Anomaly[]>();
    for (const a of anomalies.data ?? []) {
      const list = byReport.get(a.reportId);
      if (list) list.push(a);
      else byReport.set(a.reportId, [a]);
    }
    return byReport;
  }, [anomalies.data]);
  const marks = useMemo<TrendMark[]>(() => {
    const out: TrendMark[] = [];
    if (flagsByReport.size === 0) return out;
    for (const r of rows) {
      const flags = flagsByReport.get(r.reportId);
      if (flags && r.value !== null)
        out.push({
          unit: r.unitId,
          year: r.year,
          value: r.value,
          text: flags.map((a) => anomalyWhy(i18n, a)).join('；'),
        });
    }
    return out;
  }, [flagsByReport, rows, i18n]);
  const { years, gaps } = useMemo(() => buildSeries(rows, drawnUnits, 'linear'), [rows, drawnUnits]);
  const spansChange =
    years.length > 0 && years[0]! < FORMAT_CHANGE_YEAR && years.at(-1)! >= FORMAT_CHANGE_YEAR;
  const subtitle = [unitsText(i18n, filter, chosen.length, TOP_N), t(`mode.${mode}`)].join(' · ');
  const notes = [
    ...(gaps.length > 0
      ? [t('trends.gaps', { list: i18n.list(gaps.map((g) => `${names.label(g.unit)} ${g.year}`)) })]
      : []),
    ...(spansChange ? [t('trends.formatNote')] : []),
    ...(drawnMode === 'relative' ? [t('trends.relativeNote')] : []),
    ...(drawnMode === 'yoy' ? [t('trends.yoyNote')] : []),
  ];
  const valueText = (r: TrendRow) => {
    if (!r.comparable) return t('chart.notComparable');
    if (r.crossesBreak && drawnMode === 'yoy') return t('trends.breakWithheld');
    return `${drawnFormat(r.value)}${r.crossesBreak ? ' †' : ''}`;
  };
  const metricName = label(drawnMetric.label);

  // A figure leads to the cell it was read from (the metric's first printed term), in the Report view.
  const term = drawnMetric.numerator[0];
  const termCell = term ? `${term.table}.${term.row}.${term.col}` : null;
  const openFigure = useCallback(
    (reportId: string) => set({ view: 'report', report: reportId, cell: termCell }),
    [set, termCell],
  );

  const columns: Column<TrendRow>[] = [
    { key: 'unit', label: t('col.unit'), render: (r) => names.label(r.unitId, r.unit) },
    { key: 'year', label: t('col.year'), render: (r) => r.year },
    { key: 'format', label: t('col.format'), render: (r) => r.format },
    {
      key: 'value',
      label: t(`mode.${drawnMode}`),
      numeric: true,
      sortValue: (r) => r.value,
      render: (r) =>
        r.comparable && r.value !== null ? (
          <button
            type="button"
            className="link-button"
            data-testid="trend-figure"
            title={t('source.open', { unit: names.label(r.unitId, r.unit), year: r.year })}
            onClick={() => openFigure(r.reportId)}
          >
            {valueText(r)}
          </button>
        ) : (
          valueText(r)
        ),
    },
    ...(drawnMode !== 'absolute'
      ? [
          {
            key: 'abs',
            label: metricName,
            numeric: true,
            sortValue: (r: TrendRow) => r.absolute,
            render: (r: TrendRow) => formatMetric(i18n, drawnUnit, r.absolute),
          },
        ]
      : []),
  ];

  return (
    <ChartFrame
      id="trends"
      title={title}
      subtitle={subtitle}
      formula={label(metric.formula)}
      legend={drawnUnits.map((u, i) => ({ label: names.label(u), colour: seriesColour(i) }))}
      notes={notes}
      busy={query.isPlaceholderData}
      csv={() => ({
        header: [
          t('col.unit'),
          t('col.unitId'),
          t('col.year'),
          t('col.format'),
          ...(drawnMode === 'absolute'
            ? [valueHeader(i18n, metricName, drawnUnit)]
            : drawnMode === 'relative'
              ? [t('mode.relative'), valueHeader(i18n, metricName, drawnUnit)]
              : [
                  valueHeader(i18n, t('mode.yoy').replace(/\s*%$/, ''), 'rate'),
                  valueHeader(i18n, metricName, drawnUnit),
                ]),
          t('export.note'),
        ],
        rows: rows.map((r) => [
          names.label(r.unitId, r.unit),
          r.unitId,
          r.year,
          t(`format.${r.format}`),
          ...(drawnMode === 'absolute' ? [] : [r.comparable ? r.value : null]),
          r.comparable ? csvNumber(drawnUnit, r.absolute) : null,
          !r.comparable
            ? t('chart.notComparable')
            : r.crossesBreak
              ? drawnMode === 'yoy'
                ? t('trends.breakWithheld')
                : `† ${t('trends.breakMark')}`
              : '',
        ]),
      })}
      controls={
        <>
          <UnitPicker emptyHint={t('picker.emptyHint', { n: TOP_N })} />
          <div className="picker-row">
            <MetricSelect value={metricId} onChange={(id) => set({ metric: id })} />
            {corr.toggle}
            <Segmented
              label={t('control.mode')}
              value={mode}
              options={TREND_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
              onChange={(m) => set({ trendMode: m })}
            />
            <Segmented
              label={t('control.scale')}
              value={mode === 'yoy' ? 'linear' : scale}
              options={[
                { value: 'linear', label: t('scale.linear') },
                {
                  value: 'log',
                  label: t('scale.log'),
                  disabled: mode === 'yoy',
                  title: mode === 'yoy' ? t('scale.logOffYoy') : undefined,
                },
              ]}
              onChange={(s) => set({ scale: s })}
            />
          </div>
          <p className="muted small">{t('trends.unitsNote')}</p>
          <UnitMergePanel />
        </>
      }
      note={
        marks.length > 0 && (
          <details data-testid="trend-anomalies">
            <summary>{t('anomaly.onChart', { n: marks.length })}</summary>
            <ul>
              {marks.map((m) => (
                <li key={`${m.unit}|${m.year}`}>
                  {t('anomaly.mark', { unit: names.label(m.unit), year: m.year, why: m.text })}
                </li>
              ))}
            </ul>
          </details>
        )
      }
      table={
        <DataTable caption={title} columns={columns} rows={rows} rowKey={(r) => `${r.unitId}|${r.year}`} />
      }
    >
      <QueryState error={query.error} hasData={query.data !== undefined || units.length === 0}>
        {units.length === 0 || rows.length === 0 ? (
          <p className="muted">{t(units.length === 0 ? 'chart.pickUnits' : 'chart.noData')}</p>
        ) : (
          <TrendsChart
            rows={rows}
            units={drawnUnits}
            scale={drawnMode === 'yoy' ? 'linear' : scale}
            format={drawnFormat}
            formatChange={t('chart.formatChange')}
            label={names.label}
            gapLabel={t('trends.gap')}
            marks={marks}
          />
        )}
      </QueryState>
    </ChartFrame>
  );
}
