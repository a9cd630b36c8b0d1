import type { LegendItem } from '../export/svg';

/**
 * A chart's series names and colours as HTML under the chart. recharts' <Legend> measures itself
 * after each render and lays the chart out again when its size changes; this one is plain
 * layout. Image exports draw the same items (ChartFrame's `legend`).
 */
export function SeriesLegend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="series-legend" data-testid="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
