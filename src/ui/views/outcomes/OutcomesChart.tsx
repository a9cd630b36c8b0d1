import { memo } from 'react';
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  DefaultTooltipContent,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { OUTCOME_GROUPS, type OutcomeGroup } from '../../../domain/keys';
import { useI18n } from '../../../i18n';
import type { OutcomeRow } from '../../../queries';
import type { OutcomeMode } from '../../../state';
import { tickCountFor } from '../../common/axis';
import { ChartBox } from '../../common/ChartBox';
import '../../common/recharts-measure';
import { formatTick } from '../../common/format';
import { GROUP_COLOURS, seriesColour } from '../../common/palette';
import { SeriesLegend } from '../../common/SeriesLegend';
import { keyLabel } from './labels';
import { type StackDatum, stackData } from './stack';

/**
 * One stacked horizontal bar per unit, sorted by value: the sum of the drawn segments (counts,
 * or the share of the chosen category), or, when all six groups fill every bar to 100 %, the
 * share granted. Each bar carries its value at its end; the axis fits the drawn values. A click
 * on a group segment drills into its rows. Memoised (see CompareChart).
 *
 * Drawn as ONE recharts bar series whose shape paints the bar's segments, the unit's name left
 * of the plot and the value at the bar's end: a <Bar> per stack key cost recharts a store entry,
 * a stack pass and a component tree per key and bar, and its axis ticks and label list one per
 * label (12 units × 6 groups took ~100 ms per redraw at nationwide scale, issue 12). The legend
 * is HTML outside the chart, so measuring it does not lay the chart out twice.
 */
export const OutcomesChart = memo(function OutcomesChart({
  rows,
  units,
  keys,
  mode,
  drilled,
  onDrill,
  label,
}: {
  rows: readonly OutcomeRow[];
  /** unit_ids, in drawing order; each bar is named by `label`. */
  units: readonly string[];
  label: (unitId: string) => string;
  keys: readonly string[];
  mode: OutcomeMode;
  drilled: boolean;
  onDrill: (group: OutcomeGroup) => void;
}) {
  const i18n = useI18n();
  const fullStacks = mode === 'share' && !drilled && keys.length === OUTCOME_GROUPS.length;
  const fmt = (v: number) => (mode === 'share' ? i18n.pct(v, 1) : i18n.num(v));
  const colours = keys.map((k, i) =>
    drilled ? seriesColour(i) : (GROUP_COLOURS[k as OutcomeGroup] ?? seriesColour(i)),
  );
  const names = keys.map((k) => keyLabel(k, i18n.label));
  const data = stackData(rows, units, keys, label, fullStacks).map((d) => ({
    ...d,
    label: fullStacks ? `${names[0]} ${fmt(d.sort)}` : fmt(d.total),
  }));
  const max = Math.max(0, ...data.map((d) => d.total));
  const longest = Math.max(...data.map((d) => d.unit.length));
  const left = 8 + Math.min(260, 24 + longest * 13);
  const right = fullStacks ? 120 : 72;
  const height = Math.max(140, 46 + data.length * 34);
  const drill = drilled
    ? undefined
    : (k: string) => {
        if ((OUTCOME_GROUPS as readonly string[]).includes(k)) onDrill(k as OutcomeGroup);
      };
  const shape = (p: BarShapeProps) => (
    <StackShape
      x={p.x}
      y={p.y}
      width={p.width}
      height={p.height}
      datum={p.payload as StackDatum & { label: string }}
      nameX={left - 8}
      keys={keys}
      colours={colours}
      onDrill={drill}
    />
  );
  return (
    <>
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
              domain={fullStacks ? [0, 1] : [0, max > 0 ? 'auto' : 1]}
              tickCount={tickCountFor(width - left - right)}
              interval={0}
              tickFormatter={(v: number) =>
                mode === 'share' ? i18n.pct(v, 0) : formatTick(i18n, 'count', v, max)
              }
              stroke="#444"
            />
            {/* The band scale that places the bars, and its line; the names are drawn with the bars. */}
            <YAxis type="category" dataKey="unit" width={0} tick={false} tickLine={false} stroke="#444" />
            <Tooltip
              content={(p: TooltipContentProps) => {
                const d = p.payload?.[0]?.payload as StackDatum | undefined;
                return (
                  <DefaultTooltipContent
                    {...p}
                    // in stack (printed) order, not by name
                    itemSorter={undefined}
                    payload={
                      d
                        ? keys.map((k, i) => ({
                            graphicalItemId: k,
                            name: names[i],
                            value: d.values[i] === null ? '—' : fmt(d.values[i]!),
                            color: colours[i],
                          }))
                        : []
                    }
                  />
                );
              }}
            />
            <Bar dataKey="extent" isAnimationActive={false} shape={shape} />
          </BarChart>
        )}
      </ChartBox>
      <SeriesLegend items={keys.map((_, i) => ({ label: names[i]!, colour: colours[i]! }))} />
    </>
  );
});

/**
 * A bar's segments, left to right in stack order (each one clickable when it is a group), its
 * unit's name ending at `nameX` and its value after its end.
 */
function StackShape({
  x,
  y,
  width,
  height,
  datum,
  nameX,
  keys,
  colours,
  onDrill,
}: {
  x: number;
  y: number;
  width: number;
  height: number;
  datum: StackDatum & { label: string };
  nameX: number;
  keys: readonly string[];
  colours: readonly string[];
  onDrill?: (key: string) => void;
}) {
  // The bar spans 0 … extent on a linear axis, so a segment's length is its part of the extent.
  const per = datum.extent > 0 ? width / datum.extent : 0;
  let at = x;
  return (
    <>
      {keys.map((k, i) => {
        const v = datum.values[i] ?? null;
        if (v === null || !(v > 0)) return null;
        const w = v * per;
        const d = `M${at},${y}h${w}v${height}h${-w}Z`;
        at += w;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the group <select> above the chart drills for keyboards
          <path
            key={k}
            className="recharts-rectangle"
            d={d}
            fill={colours[i]}
            data-key={k}
            style={onDrill ? { cursor: 'pointer' } : undefined}
            onClick={onDrill ? () => onDrill(k) : undefined}
          />
        );
      })}
      <text x={nameX} y={y + height / 2} dy={4} textAnchor="end" fontSize={12} fill="#666">
        {datum.unit}
      </text>
      <text x={x + width + 5} y={y + height / 2} dy={4} fontSize={12} fill="#111" data-testid="bar-value">
        {datum.label}
      </text>
    </>
  );
}
