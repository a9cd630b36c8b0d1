import { getMetric } from '../../../domain/metrics';
import { measureKey } from '../../../domain/vocab';
import { useI18n } from '../../../i18n';
import { usePivot } from '../../../queries';
import { useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { formatMetric } from '../../common/format';
import { QueryState } from '../../common/QueryState';
import { pivotCsv } from './csv';
import { dimValueLabel } from './labels';
import { PivotControls } from './PivotControls';
import { PivotGrid } from './PivotGrid';
import { PIVOT_ROW_LIMIT, pivotParams } from './params';

export default function PivotView() {
  const i18n = useI18n();
  const { t, label } = i18n;
  const pivot = useUi((s) => s.pivot);
  const query = usePivot(pivotParams(pivot));
  const m = pivot.measure;
  const metric = m.kind === 'rate' ? getMetric(m.metric) : null;
  const format = (v: number | null) =>
    m.kind === 'share' ? i18n.pct(v, 1) : metric ? formatMetric(i18n, metric.unit, v) : i18n.num(v);
  const dimLabel = (d: string) => t(`pivot.dim.${d as 'unit'}`);
  const measureLabel =
    m.kind === 'rate' && metric
      ? t('pivot.measure.rate', { metric: label(metric.label) })
      : t(`pivot.measure.${measureKey(m) as 'sum'}`);
  const title = `${t('pivot.title')} · ${measureLabel}`;
  const colLabel = (col: string[]) =>
    col.map((v, i) => dimValueLabel(i18n, query.data?.colDims[i] ?? 'unit', v)).join(' · ') || t('col.value');
  return (
    <ChartFrame
      id="pivot"
      title={title}
      formula={metric ? label(metric.formula) : undefined}
      image={false}
      busy={query.isPlaceholderData}
      csv={() =>
        query.data ? pivotCsv(query.data, dimLabel, colLabel, t('col.total')) : { header: [], rows: [] }
      }
      controls={<PivotControls pivot={pivot} />}
      note={
        query.data?.truncated ? <p className="muted">{t('pivot.truncated', { n: PIVOT_ROW_LIMIT })}</p> : null
      }
    >
      <QueryState error={query.error} hasData={query.data !== undefined}>
        {query.data && query.data.rowHeaders.length > 0 ? (
          <PivotGrid result={query.data} format={format} dimLabel={dimLabel} />
        ) : (
          <p className="muted">{t('chart.noData')}</p>
        )}
      </QueryState>
    </ChartFrame>
  );
}
