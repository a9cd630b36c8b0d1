import { memo } from 'react';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  LabelList,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from 'recharts';
import type { MetricUnit } from '../../../domain/metrics';
import { useI18n } from '../../../i18n';
import type { CompareRow } from '../../../queries';
import { tickCountFor } from '../../common/axis';
import { ChartBox } from '../../common/ChartBox';
import { formatMetric, formatTick } from '../../common/format';
import { OKABE_ITO } from '../../common/palette';

/** Opacity of the bars that are not the highlighted one. */
const DIM = 0.25;

/**
 * Horizontal bars in the order given, each labelled with its value. A click on a unit's name
 * highlights its bar and dims the rest (a click on the bar opens its figure). Memoised: a
 * control change re-renders the view at once, and redrawing unchanged bars cost ~60 ms at
 * nationwide scale before the query was even sent.
 */
export const CompareChart = memo(function CompareChart({
  rows,
  unit,
  notComparable,
  label,
  onOpen,
  highlight = null,
  onHighlight,
}: {
  rows: readonly CompareRow[];
  unit: MetricUnit;
  notComparable: string;
  /** The unit's label (src/ui/common/useUnitLabels.ts): two 鼓楼区 are two bars, named apart. */
  label: (unitId: string, fallback: string) => string;
  /** A bar was clicked: open its figure in the Report view. */
  onOpen?: (row: CompareRow) => void;
  /** unit_id drawn in full while the others dim. */
  highlight?: string | null;
  /** A unit's name was clicked (the highlighted one again: none). */
  onHighlight?: (unitId: string | null) => void;
}) {
  const i18n = useI18n();
  const active = highlight !== null && rows.some((r) => r.unitId === highlight) ? highlight : null;
  const data = rows.map((r) => ({
    unit: label(r.unitId, r.unit),
    unitId: r.unitId,
    value: r.value ?? 0,
    label: r.comparable ? formatMetric(i18n, unit, r.value) : notComparable,
  }));
  const axisMax = Math.max(0, ...rows.map((r) => Math.abs(r.value ?? 0)));
  const longest = Math.max(...data.map((d) => d.unit.length));
  const yWidth = Math.min(260, 24 + longest * 13);
  const height = Math.max(160, 44 + rows.length * 30);
  const dimmed = (unitId: string | undefined) => active !== null && unitId !== active;
  const right = 96;
  // One <path> a bar with its own opacity: recharts' default shape (an animatable Rectangle) and a
  // <Cell> a bar cost a component tree each, on every redraw (issue 12).
  const shape = (p: BarShapeProps) => (
    <path
      className="recharts-rectangle"
      d={`M${p.x},${p.y}h${p.width}v${p.height}h${-p.width}Z`}
      fill={OKABE_ITO[0]}
      fillOpacity={dimmed((p.payload as (typeof data)[number] | undefined)?.unitId) ? DIM : 1}
    />
  );
  const toggle = (unitId: string | undefined) => {
    if (unitId !== undefined) onHighlight?.(unitId === active ? null : unitId);
  };
  return (
    <ChartBox height={height}>
      {(width) => (
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          margin={{ top: 8, right, bottom: 8, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="#ddd" />
          <XAxis
            type="number"
            tickCount={tickCountFor(width - yWidth - right - 8)}
            interval={0}
            tickFormatter={(v: number) => formatTick(i18n, unit, v, axisMax)}
            stroke="#444"
          />
          <YAxis
            type="category"
            dataKey="unit"
            width={yWidth}
            interval={0}
            stroke="#444"
            tick={(props: YAxisTickContentProps) => {
              const d = data[props.payload.index];
              return (
                // biome-ignore lint/a11y/useSemanticElements: an SVG axis label cannot be a <button>; it acts as one
                <text
                  x={props.x}
                  y={props.y}
                  dy={4}
                  textAnchor="end"
                  fontSize={12}
                  fill="#333"
                  fontWeight={d && d.unitId === active ? 700 : 400}
                  opacity={dimmed(d?.unitId) ? 0.45 : 1}
                  data-testid="compare-axis-label"
                  data-unit={d?.unitId}
                  style={{ cursor: onHighlight ? 'pointer' : undefined }}
                  role="button"
                  tabIndex={0}
                  aria-pressed={d !== undefined && d.unitId === active}
                  onClick={() => toggle(d?.unitId)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      toggle(d?.unitId);
                    }
                  }}
                >
                  {String(props.payload.value)}
                </text>
              );
            }}
          />
          {/* minPointSize: a zero still gets a sliver and its label, so "0" is not mistaken for "missing" */}
          <Bar
            dataKey="value"
            fill={OKABE_ITO[0]}
            shape={shape}
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
