import { useXAxisScale, useYAxisScale } from 'recharts';
import { seriesColour } from '../../common/palette';
import { lineRuns, type TrendPointRow } from './series';

/**
 * Every unit's line (and, for a few units, its dots) as plain SVG paths placed with the chart's
 * own scales. A recharts <Line> per unit registered itself in the chart's store and rendered a
 * dozen components; with a province's 20–40 units that was half of each render of the chart.
 * A year without a value breaks the line (no point is drawn across it).
 */
export function TrendLines({
  data,
  units,
  highlighted,
  dotted,
}: {
  data: readonly TrendPointRow[];
  units: readonly string[];
  highlighted: string | null;
  dotted: boolean;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  return (
    <g className="trend-lines">
      {units.map((u, i) => {
        const points = lineRuns(data, u, (year, v) => {
          const px = x(year);
          const py = y(v);
          return px === undefined || py === undefined ? null : [px, py];
        });
        const d = points
          .map((r) => r.map(([px, py], k) => `${k === 0 ? 'M' : 'L'}${px},${py}`).join(''))
          .join('');
        const opacity = highlighted === null || highlighted === u ? 1 : 0.15;
        return (
          <g key={u} className="trend-series" data-unit={u}>
            <path
              className="trend-line"
              d={d}
              fill="none"
              stroke={seriesColour(i)}
              strokeWidth={highlighted === u ? 3 : 2}
              strokeOpacity={opacity}
            />
            {dotted &&
              points
                .flat()
                .map(([px, py]) => (
                  <circle
                    key={`${px},${py}`}
                    className="trend-dot"
                    cx={px}
                    cy={py}
                    r={3}
                    fill="#fff"
                    stroke={seriesColour(i)}
                    strokeWidth={2}
                    opacity={opacity}
                  />
                ))}
          </g>
        );
      })}
    </g>
  );
}
