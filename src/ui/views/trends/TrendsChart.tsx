import { memo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
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
import { seriesColour } from '../../common/palette';

const TRENDS_HEIGHT = 420;

/** The first year printed in the 2021 format (国办公开办函〔2021〕30号). */
const FORMAT_CHANGE_YEAR = 2021;

const MAX_DOTTED_SERIES = 12;

/** A point of the chart with anomaly flags: a ring around it, the reasons as its tooltip. */
export interface TrendMark {
  unit: string;
  year: number;
  value: number;
  text: string;
}

/** One line per unit over the years; the 2019→2021 format change marked on the axis. Memoised (see CompareChart). */
export const TrendsChart = memo(function TrendsChart({
  rows,
  units,
  years,
  scale,
  format,
  formatChange,
  marks = [],
}: {
  rows: readonly TrendRow[];
  units: readonly string[];
  years: readonly number[];
  scale: Scale;
  format: (v: number | null) => string;
  formatChange: string;
  marks?: readonly TrendMark[];
}) {
  const byYear = new Map<number, Record<string, number | null>>();
  // Keyed by unit names (data): null-prototype points, so a unit called `__proto__` is a series.
  const pointOf = (year: number): Record<string, number | null> =>
    Object.assign(Object.create(null) as Record<string, number | null>, { year });
  for (const y of years) byYear.set(y, pointOf(y));
  for (const r of rows) {
    const point = byYear.get(r.year) ?? pointOf(r.year);
    // a log axis cannot place zero or negatives: leave a gap rather than a false point
    point[r.unit] = r.value !== null && (scale === 'linear' || r.value > 0) ? r.value : null;
    byYear.set(r.year, point);
  }
  const data = [...byYear.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const minYear = data[0]?.year ?? FORMAT_CHANGE_YEAR;
  const maxYear = data[data.length - 1]?.year ?? FORMAT_CHANGE_YEAR;
  const showChange = minYear < FORMAT_CHANGE_YEAR && maxYear >= FORMAT_CHANGE_YEAR;
  // A whole province's units: the lines are the message, and a dot per point was a third of the render.
  const dots = units.length > MAX_DOTTED_SERIES ? false : { r: 3 };
  return (
    <ChartBox height={TRENDS_HEIGHT}>
      {(width) => (
        <LineChart
          width={width}
          height={TRENDS_HEIGHT}
          data={data}
          margin={{ top: 24, right: 32, bottom: 8, left: 16 }}
        >
          <CartesianGrid stroke="#e3e3e3" />
          <XAxis
            dataKey="year"
            type="number"
            domain={[minYear, maxYear]}
            ticks={data.map((d) => d.year as number)}
            allowDecimals={false}
            stroke="#444"
          />
          <YAxis
            scale={scale}
            domain={scale === 'log' ? ['auto', 'auto'] : [(min: number) => Math.min(0, min), 'auto']}
            allowDataOverflow={false}
            tickFormatter={(v: number) => format(v)}
            width={80}
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
          <Tooltip
            formatter={(v) => format(typeof v === 'number' ? v : null)}
            labelFormatter={(y) => String(y)}
          />
          {/* In the units' order (ranked by the query), not sorted by name */}
          <Legend itemSorter={(item) => units.indexOf(String(item.dataKey))} />
          {units.map((u, i) => (
            <Line
              key={u}
              type="linear"
              dataKey={u}
              name={u}
              stroke={seriesColour(i)}
              strokeWidth={2}
              dot={dots}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
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
  );
});
