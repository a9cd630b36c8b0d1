import { memo, useMemo, useState } from 'react';
import {
  CartesianGrid,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendRow } from '../../../queries';
import type { Scale } from '../../../state';
import { ChartBox } from '../../common/ChartBox';
import '../../common/recharts-measure';
import { seriesColour } from '../../common/palette';
import { buildSeries, type TrendPointRow } from './series';
import { TrendLines } from './TrendLines';

const TRENDS_HEIGHT = 420;

/** The first year printed in the 2021 format (国办公开办函〔2021〕30号). */
export const FORMAT_CHANGE_YEAR = 2021;

const MAX_DOTTED_SERIES = 12;

/** The lowest and highest value drawn (null when none): the Y axis's extent. */
function valueExtent(data: readonly TrendPointRow[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const pt of data)
    for (const [k, v] of Object.entries(pt))
      if (k !== 'year' && v !== null) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
  return lo <= hi ? [lo, hi] : null;
}

/** The year under the pointer: each unit's value, the highest first. */
function TrendTooltip({
  point,
  units,
  label,
  format,
}: {
  point: TrendPointRow | undefined;
  units: readonly string[];
  label: (unitId: string) => string;
  format: (v: number | null) => string;
}) {
  if (!point) return null;
  const rows = units
    .map((u, i) => ({ u, i, v: point[u] ?? null }))
    .filter((r) => r.v !== null)
    .sort((a, b) => b.v! - a.v!);
  return (
    <div className="trend-tooltip" data-testid="trend-tooltip">
      <p className="trend-tooltip-year">{point.year}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.u} style={{ color: seriesColour(r.i) }}>
            {label(r.u)}: {format(r.v)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A point of the chart with anomaly flags: a ring around it, the reasons as its tooltip. */
export interface TrendMark {
  /** The unit_id of the line it marks. */
  unit: string;
  year: number;
  value: number;
  text: string;
}

/**
 * One line per unit over every year of the range; a year a unit did not report breaks its line
 * and is shaded with a marker; the 2019→2021 format change is marked on the axis. A click on a
 * legend entry highlights that unit and dims the rest. Memoised (see CompareChart).
 *
 * The legend is plain HTML beside the chart, not recharts' <Legend>: that one measures itself
 * after rendering and hands its size back to the chart, which then lays out and renders every
 * line a second time (a province's 20–40 units: tens of ms per change). Axes show every tick
 * they are given (`interval={0}`, a handful of years and values); recharts measures no text in
 * the page at all (../../common/recharts-measure.ts).
 */
export const TrendsChart = memo(function TrendsChart({
  rows,
  units,
  scale,
  format,
  formatChange,
  gapLabel,
  marks = [],
  label,
}: {
  rows: readonly TrendRow[];
  /** unit_ids: each line is keyed by its unit's id and named by its label. */
  units: readonly string[];
  label: (unitId: string) => string;
  scale: Scale;
  format: (v: number | null) => string;
  formatChange: string;
  gapLabel: string;
  marks?: readonly TrendMark[];
}) {
  const [focus, setFocus] = useState<string | null>(null);
  const { data, years, gaps } = useMemo(() => buildSeries(rows, units, scale), [rows, units, scale]);
  const extent = useMemo(() => valueExtent(data), [data]);
  const minYear = years[0] ?? FORMAT_CHANGE_YEAR;
  const maxYear = years.at(-1) ?? FORMAT_CHANGE_YEAR;
  const showChange = minYear < FORMAT_CHANGE_YEAR && maxYear >= FORMAT_CHANGE_YEAR;
  const gapYears = [...new Set(gaps.map((g) => g.year))];
  const highlighted = focus !== null && units.includes(focus) ? focus : null;
  // A whole province's units: the lines are the message, and a dot per point was a third of the render.
  const dotted = units.length <= MAX_DOTTED_SERIES;
  return (
    <>
      <ChartBox height={TRENDS_HEIGHT}>
        {(width) => (
          <LineChart
            width={width}
            height={TRENDS_HEIGHT}
            data={data}
            margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
          >
            <CartesianGrid stroke="#e3e3e3" />
            <XAxis
              dataKey="year"
              type="number"
              domain={[minYear, maxYear]}
              ticks={years}
              allowDecimals={false}
              interval={0}
              stroke="#444"
            />
            <YAxis
              scale={scale}
              domain={scale === 'log' ? ['auto', 'auto'] : [(min: number) => Math.min(0, min), 'auto']}
              allowDataOverflow={false}
              tickFormatter={(v: number) => format(v)}
              interval={0}
              width={72}
              stroke="#444"
            />
            {showChange && (
              <>
                <ReferenceArea
                  x1={FORMAT_CHANGE_YEAR - 0.5}
                  x2={maxYear}
                  fill="#0072B2"
                  fillOpacity={0.05}
                  ifOverflow="hidden"
                />
                <ReferenceLine
                  x={FORMAT_CHANGE_YEAR - 0.5}
                  stroke="#555"
                  strokeDasharray="4 3"
                  label={{ value: formatChange, position: 'top', fill: '#333', fontSize: 12 }}
                />
              </>
            )}
            {gapYears.map((y) => (
              <ReferenceArea
                key={y}
                className="gap-marker"
                x1={Math.max(minYear, y - 0.35)}
                x2={Math.min(maxYear, y + 0.35)}
                fill="#999"
                fillOpacity={0.18}
                stroke="#999"
                strokeDasharray="2 2"
                ifOverflow="hidden"
                label={{ value: gapLabel, position: 'insideBottom', fill: '#555', fontSize: 11 }}
              />
            ))}
            {/* The axis's extent (every drawn value), as an area drawn by no one: the lines are
                plain SVG (TrendLines), so recharts sees no data of its own to fit the axis to. */}
            {extent && (
              <ReferenceArea
                y1={extent[0]}
                y2={extent[1]}
                fill="none"
                stroke="none"
                ifOverflow="extendDomain"
              />
            )}
            <TrendLines data={data} units={units} highlighted={highlighted} dotted={dotted} />
            <Tooltip
              // The lines are plain SVG (TrendLines): recharts holds no payload of its own and
              // would keep the box hidden. The content draws nothing while no year is active.
              wrapperStyle={{ visibility: 'visible' }}
              content={({ active, label: year }) =>
                active && typeof year === 'number' ? (
                  <TrendTooltip
                    point={data.find((p) => p.year === year)}
                    units={units}
                    label={label}
                    format={format}
                  />
                ) : null
              }
            />
            {marks
              .filter((m) => scale === 'linear' || m.value > 0)
              .map((m) => (
                <ReferenceDot
                  key={`${m.unit}|${m.year}`}
                  x={m.year}
                  y={m.value}
                  r={8}
                  fill="none"
                  stroke="#D55E00"
                  strokeWidth={2}
                  ifOverflow="hidden"
                  shape={(p: { cx?: number; cy?: number }) => (
                    <g className="anomaly-mark" data-testid="anomaly-mark">
                      <title>{m.text}</title>
                      <circle cx={p.cx} cy={p.cy} r={8} fill="none" stroke="#D55E00" strokeWidth={2} />
                      <text
                        x={(p.cx ?? 0) + 9}
                        y={(p.cy ?? 0) - 9}
                        fill="#D55E00"
                        fontSize={12}
                        fontWeight="bold"
                      >
                        !
                      </text>
                    </g>
                  )}
                />
              ))}
          </LineChart>
        )}
      </ChartBox>
      {/* In the units' order (ranked by the query), not sorted by name */}
      <ul className="series-legend" data-testid="trends-legend">
        {units.map((u, i) => (
          <li key={u}>
            <button
              type="button"
              aria-pressed={highlighted === u}
              onClick={() => setFocus((f) => (f === u ? null : u))}
              style={{ opacity: highlighted === null || highlighted === u ? 1 : 0.45 }}
            >
              <span className="series-swatch" style={{ background: seriesColour(i) }} aria-hidden="true" />
              <span className="series-name">{label(u)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
});
