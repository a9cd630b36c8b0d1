import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { MetricUnit } from '../../../domain/metrics';
import { useI18n } from '../../../i18n';
import type { CompareRow } from '../../../queries';
import { ChartBox } from '../../common/ChartBox';
import { formatMetric, formatTick } from '../../common/format';
import { OKABE_ITO } from '../../common/palette';

/**
 * Horizontal bars, already sorted by the query, each labelled with its value. Memoised: a
 * control change re-renders the view at once, and redrawing unchanged bars cost ~60 ms at
 * nationwide scale before the query was even sent.
 */
export const CompareChart = memo(function CompareChart({
  rows,
  unit,
  notComparable,
  label,
  onOpen,
}: {
  rows: readonly CompareRow[];
  unit: MetricUnit;
  notComparable: string;
  /** The unit's label (src/ui/common/useUnitLabels.ts): two 鼓楼区 are two bars, named apart. */
  label: (unitId: string, fallback: string) => string;
  /** A bar was clicked: open its figure in the Report view. */
  onOpen?: (row: CompareRow) => void;
}) {
  const i18n = useI18n();
  const data = rows.map((r) => ({
    unit: label(r.unitId, r.unit),
    value: r.value ?? 0,
    label: r.comparable ? formatMetric(i18n, unit, r.value) : notComparable,
  }));
  const axisMax = Math.max(0, ...rows.map((r) => Math.abs(r.value ?? 0)));
  const longest = Math.max(...data.map((d) => d.unit.length));
  const yWidth = Math.min(260, 24 + longest * 13);
  const height = Math.max(160, 44 + rows.length * 30);
  return (
    <ChartBox height={height}>
      {(width) => (
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          margin={{ top: 8, right: 96, bottom: 8, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="#ddd" />
          <XAxis
            type="number"
            tickFormatter={(v: number) => formatTick(i18n, unit, v, axisMax)}
            stroke="#444"
          />
          <YAxis
            type="category"
            dataKey="unit"
            width={yWidth}
            interval={0}
            stroke="#444"
            tick={{ fontSize: 12 }}
          />
          {/* minPointSize: a zero still gets a sliver and its label, so "0" is not mistaken for "missing" */}
          <Bar
            dataKey="value"
            fill={OKABE_ITO[0]}
            isAnimationActive={false}
            minPointSize={2}
            cursor={onOpen ? 'pointer' : undefined}
            onClick={(_d: unknown, i: number) => {
              const row = rows[i];
              if (row && onOpen) onOpen(row);
            }}
          >
            <LabelList dataKey="label" position="right" fill="#111" fontSize={12} />
          </Bar>
        </BarChart>
      )}
    </ChartBox>
  );
});
