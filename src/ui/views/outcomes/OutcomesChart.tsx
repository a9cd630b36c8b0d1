import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { OUTCOME_GROUPS, type OutcomeGroup } from '../../../domain/keys';
import { useI18n } from '../../../i18n';
import type { OutcomeRow } from '../../../queries';
import type { OutcomeMode } from '../../../state';
import { ChartBox } from '../../common/ChartBox';
import { formatTick } from '../../common/format';
import { GROUP_COLOURS, seriesColour } from '../../common/palette';
import { keyLabel } from './labels';

/**
 * One stacked horizontal bar per unit, sorted by value: the sum of the drawn segments (counts,
 * or the share of the chosen category), or, when all six groups fill every bar to 100 %, the
 * share granted. Each bar carries its value at its end; the axis fits the drawn values. A click
 * on a group segment drills into its rows. Memoised (see CompareChart).
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
  // Keyed by data: null-prototype rows; a bar is named by its unit's label.
  const byUnit = new Map<string, Record<string, string | number | null>>(
    units.map((u) => [
      u,
      Object.assign(Object.create(null) as Record<string, string | number | null>, { unit: label(u) }),
    ]),
  );
  for (const r of rows) {
    const d = byUnit.get(r.unitId);
    if (d) d[r.key] = r.value;
  }
  const fullStacks = mode === 'share' && !drilled && keys.length === OUTCOME_GROUPS.length;
  const sumOf = (d: Record<string, string | number | null>) =>
    keys.reduce((s, k) => s + (typeof d[k] === 'number' ? (d[k] as number) : 0), 0);
  const sortValue = (d: Record<string, string | number | null>) =>
    fullStacks ? Number(d[keys[0]!] ?? 0) : sumOf(d);
  const fmt = (v: number) => (mode === 'share' ? i18n.pct(v, 1) : i18n.num(v));
  const data = [...byUnit.values()]
    .map((d) => ({
      ...d,
      label: fullStacks ? `${keyLabel(keys[0]!, i18n.label)} ${fmt(sortValue(d))}` : fmt(sumOf(d)),
    }))
    .sort((a, b) => sortValue(b) - sortValue(a));
  const max = Math.max(0, ...data.map(sumOf));
  const longest = Math.max(...units.map((u) => label(u).length));
  const height = Math.max(180, 80 + units.length * 34);
  return (
    <ChartBox height={height}>
      {(width) => (
        <BarChart
          width={width}
          height={height}
          data={data}
          layout="vertical"
          margin={{ top: 8, right: fullStacks ? 120 : 72, bottom: 8, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke="#ddd" />
          <XAxis
            type="number"
            domain={fullStacks ? [0, 1] : [0, max > 0 ? 'auto' : 1]}
            tickFormatter={(v: number) =>
              mode === 'share' ? i18n.pct(v, 0) : formatTick(i18n, 'count', v, max)
            }
            stroke="#444"
          />
          <YAxis
            type="category"
            dataKey="unit"
            width={Math.min(260, 24 + longest * 13)}
            interval={0}
            stroke="#444"
            tick={{ fontSize: 12 }}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? fmt(v) : '—')} />
          {/* In stack (printed) order: recharts sorts legend items by label by default */}
          <Legend itemSorter={(item) => keys.indexOf(String(item.dataKey))} />
          {keys.map((k, i) => (
            <Bar
              key={k}
              dataKey={k}
              name={keyLabel(k, i18n.label)}
              stackId="outcomes"
              fill={drilled ? seriesColour(i) : (GROUP_COLOURS[k as OutcomeGroup] ?? seriesColour(i))}
              isAnimationActive={false}
              cursor={drilled ? undefined : 'pointer'}
              onClick={
                drilled || !(OUTCOME_GROUPS as readonly string[]).includes(k)
                  ? undefined
                  : () => onDrill(k as OutcomeGroup)
              }
            >
              {i === keys.length - 1 && (
                <LabelList dataKey="label" position="right" fill="#111" fontSize={12} />
              )}
            </Bar>
          ))}
        </BarChart>
      )}
    </ChartBox>
  );
});
