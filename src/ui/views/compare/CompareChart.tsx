import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { Bar, BarChart, type BarShapeProps, CartesianGrid, XAxis, YAxis } from 'recharts';
import type { MetricUnit } from '../../../domain/metrics';
import { useI18n } from '../../../i18n';
import type { CompareRow } from '../../../queries';
import { tickCountFor } from '../../common/axis';
import { ChartBox } from '../../common/ChartBox';
import '../../common/recharts-measure';
import { formatMetric, formatTick } from '../../common/format';
import { OKABE_ITO } from '../../common/palette';

/** Opacity of the bars that are not the highlighted one. */
const DIM = 0.25;

/**
 * Horizontal bars in the order given, each labelled with its value. A click on a unit's name
 * highlights its bar and dims the rest (a click on the bar opens its figure). Memoised: a
 * control change re-renders the view at once, and redrawing unchanged bars cost ~60 ms at
 * nationwide scale before the query was even sent.
 *
 * recharts lays the bars out (band scale, value axis, grid) and each bar's shape draws the bar,
 * the unit's name left of the plot and the value at the bar's end: one <path> and two <text> a
 * bar. recharts' own shape, axis ticks and label list cost a component tree per bar and per
 * label, about a third of every redraw (issue 12).
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
  const data: Datum[] = rows.map((r) => ({
    unit: label(r.unitId, r.unit),
    unitId: r.unitId,
    value: r.value ?? 0,
    label: r.comparable ? formatMetric(i18n, unit, r.value) : notComparable,
  }));
  const axisMax = Math.max(0, ...rows.map((r) => Math.abs(r.value ?? 0)));
  const longest = Math.max(...data.map((d) => d.unit.length));
  const yWidth = Math.min(260, 24 + longest * 13);
  const left = 8 + yWidth;
  const right = 96;
  const height = Math.max(160, 44 + rows.length * 30);
  // The shape and the click handler keep their identity across answers: recharts' Bar (memoised)
  // then skips the render it would give the previous answer's bars before the new data reaches
  // its store, which drew every bar twice per answer (72 shapes for 36 bars on a metric switch).
  const latest = useRef({ rows, onOpen });
  useLayoutEffect(() => {
    latest.current = { rows, onOpen };
  });
  const onBarClick = useCallback((_d: unknown, i: number) => {
    const { rows, onOpen } = latest.current;
    const row = rows[i];
    if (row && onOpen) onOpen(row);
  }, []);
  const shape = useCallback(
    (p: BarShapeProps) => {
      const toggle = (unitId: string) => onHighlight?.(unitId === active ? null : unitId);
      const d = p.payload as Datum;
      const on = active === null || d.unitId === active;
      const mid = p.y + p.height / 2;
      return (
        <>
          <path
            className="recharts-rectangle"
            d={`M${p.x},${p.y}h${p.width}v${p.height}h${-p.width}Z`}
            fill={OKABE_ITO[0]}
            fillOpacity={on ? 1 : DIM}
          />
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG label cannot be a <button>; it acts as one */}
          <text
            x={left - 8}
            y={mid}
            dy={4}
            textAnchor="end"
            fontSize={12}
            fill="#333"
            fontWeight={d.unitId === active ? 700 : 400}
            opacity={on ? 1 : 0.45}
            data-testid="compare-axis-label"
            data-unit={d.unitId}
            style={{ cursor: onHighlight ? 'pointer' : undefined }}
            role="button"
            tabIndex={0}
            aria-pressed={d.unitId === active}
            onClick={(e) => {
              // the bar's own click opens the figure
              e.stopPropagation();
              toggle(d.unitId);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                e.stopPropagation();
                toggle(d.unitId);
              }
            }}
          >
            {d.unit}
          </text>
          <text
            x={Math.max(p.x, p.x + p.width) + 5}
            y={mid}
            dy={4}
            fontSize={12}
            fill="#111"
            data-testid="bar-value"
          >
            {d.label}
          </text>
        </>
      );
    },
    [active, left, onHighlight],
  );
  return (
    <ChartBox height={height}>
      {(width) => (
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          margin={{ top: 8, right, bottom: 8, left }}
        >
          <CartesianGrid horizontal={false} stroke="#ddd" />
          <XAxis
            type="number"
            tickCount={tickCountFor(width - left - right)}
            interval={0}
            tickFormatter={(v: number) => formatTick(i18n, unit, v, axisMax)}
            stroke="#444"
          />
          {/* The band scale that places the bars, and its line; the names are drawn with the bars. */}
          <YAxis type="category" dataKey="unit" width={0} tick={false} tickLine={false} stroke="#444" />
          {/* minPointSize: a zero still gets a sliver and its label, so "0" is not mistaken for "missing" */}
          <Bar
            dataKey="value"
            fill={OKABE_ITO[0]}
            shape={shape}
            isAnimationActive={false}
            minPointSize={2}
            cursor={onOpen ? 'pointer' : undefined}
            onClick={onBarClick}
          />
        </BarChart>
      )}
    </ChartBox>
  );
});

interface Datum {
  unit: string;
  unitId: string;
  value: number;
  label: string;
}
