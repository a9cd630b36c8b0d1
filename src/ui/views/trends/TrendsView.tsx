import { useMemo } from 'react';
import { getMetric, type MetricUnit } from '../../../domain/metrics';
import { type I18n, useI18n } from '../../../i18n';
import { anomalyWhy } from '../../../i18n/anomaly';
import { type TrendRow, useAnomalies, useTrends } from '../../../queries';
import { TREND_MODES, type TrendMode, useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { type Column, DataTable } from '../../common/DataTable';
import { formatMetric } from '../../common/format';
import { QueryState } from '../../common/QueryState';
import { useChartUnits } from '../../common/useChartUnits';
import { useDatasetInfo } from '../../common/useDatasetInfo';
import { MetricSelect } from '../../controls/MetricSelect';
import { Segmented } from '../../controls/Segmented';
import { UnitPicker } from '../../controls/UnitPicker';
import { useChartCorrections } from '../../review/useChartCorrections';
import { type TrendMark, TrendsChart } from './TrendsChart';

const TOP_N = 6;
const NO_ROWS: TrendRow[] = [];
const NO_YEARS: number[] = [];

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
  const set = useUi((s) => s.set);
  const { latest } = useDatasetInfo();
  const metric = getMetric(metricId);
  const { units } = useChartUnits(metricId, latest, TOP_N);
  const corr = useChartCorrections();
  const query = useTrends({ metric: metricId, units, mode, corrections: corr.cells });
  const rows = query.data?.rows ?? NO_ROWS;
  const title = corr.title(t('trends.title', { metric: label(metric.label) }));
  // Chart and table show the rows they have with their own metric and mode until the next ones arrive.
  const drawnUnit = getMetric(query.data?.params.metric ?? metricId).unit;
  const drawnMode = query.data?.params.mode ?? mode;
  const drawnFormat = useMemo(() => trendFormat(i18n, drawnUnit, drawnMode), [i18n, drawnUnit, drawnMode]);
  // Flags are asked for once the chart has its data: the first chart never waits for them.
  const anomalies = useAnomalies(query.data !== undefined);
  const marks = useMemo<TrendMark[]>(() => {
    const flags = anomalies.data ?? [];
    if (flags.length === 0) return [];
    const byPoint = new Map<string, string[]>();
    for (const a of flags) {
      const key = `${a.unit}\u001f${a.year}`;
      byPoint.set(key, [...(byPoint.get(key) ?? []), anomalyWhy(i18n, a)]);
    }
    const out: TrendMark[] = [];
    for (const r of rows) {
      const why = byPoint.get(`${r.unit}\u001f${r.year}`);
      if (why && r.value !== null)
        out.push({ unit: r.unit, year: r.year, value: r.value, text: why.join('；') });
    }
    return out;
  }, [anomalies.data, rows, i18n]);

  const columns: Column<TrendRow>[] = [
    { key: 'unit', label: t('col.unit'), render: (r) => r.unit },
    { key: 'year', label: t('col.year'), render: (r) => r.year },
    { key: 'format', label: t('col.format'), render: (r) => r.format },
    {
      key: 'value',
      label: t(`mode.${drawnMode}`),
      numeric: true,
      render: (r) => (r.comparable ? drawnFormat(r.value) : t('chart.notComparable')),
    },
    ...(drawnMode !== 'absolute'
      ? [
          {
            key: 'abs',
            label: t('mode.absolute'),
            numeric: true,
            render: (r: TrendRow) => formatMetric(i18n, drawnUnit, r.absolute),
          },
        ]
      : []),
  ];

  return (
    <ChartFrame
      id="trends"
      title={title}
      formula={label(metric.formula)}
      busy={query.isPlaceholderData}
      csv={() => ({
        header: [t('col.unit'), t('col.year'), t('col.format'), t(`mode.${mode}`), t('mode.absolute')],
        rows: rows.map((r) => [r.unit, r.year, r.format, r.value, r.absolute]),
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
              value={scale}
              options={[
                { value: 'linear', label: t('scale.linear') },
                { value: 'log', label: t('scale.log') },
              ]}
              onChange={(s) => set({ scale: s })}
            />
          </div>
        </>
      }
      note={
        marks.length > 0 && (
          <details data-testid="trend-anomalies">
            <summary>{t('anomaly.onChart', { n: marks.length })}</summary>
            <ul>
              {marks.map((m) => (
                <li key={`${m.unit}|${m.year}`}>
                  {t('anomaly.mark', { unit: m.unit, year: m.year, why: m.text })}
                </li>
              ))}
            </ul>
          </details>
        )
      }
      table={
        <DataTable caption={title} columns={columns} rows={rows} rowKey={(r) => `${r.unit}|${r.year}`} />
      }
    >
      <QueryState error={query.error} hasData={query.data !== undefined || units.length === 0}>
        {units.length === 0 || rows.length === 0 ? (
          <p className="muted">{t(units.length === 0 ? 'chart.pickUnits' : 'chart.noData')}</p>
        ) : (
          <TrendsChart
            rows={rows}
            units={query.data?.params.units ?? units}
            years={query.data?.years ?? NO_YEARS}
            scale={drawnMode === 'yoy' ? 'linear' : scale}
            format={drawnFormat}
            formatChange={t('chart.formatChange')}
            marks={marks}
          />
        )}
      </QueryState>
    </ChartFrame>
  );
}
