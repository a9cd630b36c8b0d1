import { useMemo } from 'react';
import { getMetric } from '../../../domain/metrics';
import { measureKey } from '../../../domain/vocab';
import { useI18n } from '../../../i18n';
import { pivotQuery } from '../../../queries';
import { useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { formatMetric } from '../../common/format';
import { QueryState } from '../../common/QueryState';
import { useEagerQuery } from '../../common/useEagerQuery';
import { useUnitLabels } from '../../common/useUnitLabels';
import { useChartCorrections } from '../../review/useChartCorrections';
import { pivotCsv } from './csv';
import { dimValueLabel, sortByLabels, sumLabel } from './labels';
import { PivotControls } from './PivotControls';
import { PivotGrid } from './PivotGrid';
import { PIVOT_ROW_LIMIT, pivotParams } from './params';

export default function PivotView() {
  const i18n = useI18n();
  const { t, label } = i18n;
  const pivot = useUi((s) => s.pivot);
  const names = useUnitLabels();
  const corr = useChartCorrections();
  const query = useEagerQuery(pivotQuery({ ...pivotParams(pivot), corrections: corr.cells }));
  const m = pivot.measure;
  const metric = m.kind === 'rate' ? getMetric(m.metric) : null;
  const format = (v: number | null) =>
    m.kind === 'share' ? i18n.pct(v, 1) : metric ? formatMetric(i18n, metric.unit, v) : i18n.num(v);
  const dimLabel = (d: string) => t(`pivot.dim.${d as 'unit'}`);
  const measureLabel =
    m.kind === 'rate' && metric
      ? t('pivot.measure.rate', { metric: label(metric.label) })
      : m.kind === 'sum'
        ? sumLabel(i18n, pivot)
        : `${t(`pivot.measure.${measureKey(m) as 'share.row'}`)} · ${sumLabel(i18n, pivot)}`;
  // "By name" sorts by the names shown (a row key like withheld_state_secret sorts as 不予公开·国家秘密).
  const result = useMemo(() => {
    const r = query.data;
    if (!r || pivot.sort.by !== 'label') return r;
    // Units are grouped by id: their labels give the order.
    return { ...r, rowHeaders: sortByLabels(i18n, r.rowDims, r.rowHeaders, pivot.sort.dir, names.label) };
  }, [query.data, pivot.sort, i18n, names]);
  const incomplete =
    result !== undefined &&
    [
      ...result.cells,
      ...result.rowTotals,
      ...result.subtotalTotals,
      ...(result.grandTotal ? [result.grandTotal] : []),
    ].some((c) => c.reports !== null && c.reported !== null && c.reported < c.reports);
  const notes = [
    ...(m.kind !== 'rate' ? [t('pivot.sumNote')] : []),
    ...(incomplete ? [t('pivot.incompleteNote')] : []),
  ];
  const title = corr.title(`${t('pivot.title')} · ${measureLabel}`);
  const colLabel = (col: string[]) =>
    col.map((v, i) => dimValueLabel(i18n, query.data?.colDims[i] ?? 'unit', v, names.label)).join(' · ') ||
    t('col.value');
  return (
    <ChartFrame
      id="pivot"
      title={title}
      formula={metric ? label(metric.formula) : undefined}
      notes={notes}
      image={false}
      busy={query.isPlaceholderData}
      csv={() =>
        result
          ? pivotCsv(
              result,
              dimLabel,
              colLabel,
              t('col.total'),
              (i, v) => dimValueLabel(i18n, result.rowDims[i] ?? 'unit', v, names.label),
              t('pivot.subtotal'),
              { i18n, unit: m.kind === 'share' ? 'rate' : (metric?.unit ?? 'count') },
            )
          : { header: [], rows: [] }
      }
      controls={
        <>
          <PivotControls pivot={pivot} />
          {corr.toggle}
        </>
      }
      note={
        query.data?.truncated ? <p className="muted">{t('pivot.truncated', { n: PIVOT_ROW_LIMIT })}</p> : null
      }
    >
      <QueryState error={query.error} hasData={query.data !== undefined}>
        {result && result.rowHeaders.length > 0 ? (
          <PivotGrid result={result} format={format} dimLabel={dimLabel} unitLabel={names.label} />
        ) : (
          <p className="muted">{t('chart.noData')}</p>
        )}
      </QueryState>
    </ChartFrame>
  );
}
