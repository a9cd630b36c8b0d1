import { memo } from 'react';
import type { MetricUnit } from '../../../domain/metrics';
import { useI18n } from '../../../i18n';
import { provinceName } from '../../../i18n/places';
import type { ProvinceMapRow } from '../../../queries';
import { ChartBox } from '../../common/ChartBox';
import { formatMetric } from '../../common/format';
import { heatColour } from '../../common/palette';
import { PROVINCE_TILES, TILE_COLS, TILE_ROWS } from '../../common/provinceTiles';
import { classOf, colourClasses } from './mapScale';

const GAP = 3;
const NO_DATA = '#ececec';
const LEGEND_H = 44;

/**
 * One square per provincial-level division (src/ui/common/provinceTiles.ts), coloured by the
 * province's value in five equal steps from the smallest to the largest value shown. Provinces
 * without a figure are grey and dashed; with a province filter the others are drawn as outlines.
 * The legend is part of the <svg>, so an exported image carries it.
 */
export const ProvinceTileMap = memo(function ProvinceTileMap({
  rows,
  unit,
  only,
}: {
  rows: readonly ProvinceMapRow[];
  unit: MetricUnit;
  /** The province filter: the other provinces are outside it. */
  only: string | null;
}) {
  const i18n = useI18n();
  const byName = new Map(rows.map((r) => [r.province, r]));
  const values = rows
    .filter((r) => only === null || r.province === only)
    .map((r) => r.value)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const classes = colourClasses(values);
  const fmt = (v: number | null) => formatMetric(i18n, unit, v);
  return (
    <ChartBox>
      {(width) => {
        const tile = Math.max(30, Math.min(72, Math.floor((width - GAP * (TILE_COLS + 1)) / TILE_COLS)));
        const gridW = TILE_COLS * (tile + GAP) + GAP;
        const height = TILE_ROWS * (tile + GAP) + GAP + LEGEND_H;
        const swatch = Math.min(56, Math.floor((gridW - 80) / (classes.length + 1)));
        return (
          <svg
            data-export="chart"
            data-testid="province-map"
            width={gridW}
            height={height}
            viewBox={`0 0 ${gridW} ${height}`}
            role="img"
            aria-label={i18n.t('map.aria')}
            style={{ display: 'block', maxWidth: '100%', height: 'auto' }}
          >
            {PROVINCE_TILES.map((p) => {
              const r = p.outside ? undefined : byName.get(p.name);
              const outsideFilter = only !== null && p.name !== only;
              const v = r?.value ?? null;
              const state = outsideFilter ? 'filtered' : v === null ? 'missing' : 'value';
              const k = v === null ? -1 : classOf(classes, v);
              const colour = k < 0 ? null : heatColour(classes[k]!.t);
              const x = GAP + p.col * (tile + GAP);
              const y = GAP + p.row * (tile + GAP);
              const en = provinceName('en', p.name);
              // English: the name when it fits at 9 px or more, else the GB/T 2260 letter code.
              const fits = Math.min(12, tile * 0.22, (tile - 4) / (0.6 * en.length));
              const name = i18n.lang === 'zh' ? p.short : fits >= 9 ? en : p.code;
              const nameSize =
                i18n.lang === 'zh'
                  ? Math.round(tile * 0.3)
                  : Math.floor(fits >= 9 ? fits : Math.min(12, tile * 0.22));
              const tip = [
                provinceName(i18n.lang, p.name),
                state === 'value' ? fmt(v) : i18n.t('map.noData'),
                r ? i18n.t('map.reports', { n: r.reported, m: r.reports }) : null,
                outsideFilter ? i18n.t('map.filtered') : null,
              ]
                .filter(Boolean)
                .join(' · ');
              return (
                <g key={p.name} data-testid="map-tile" data-province={p.name} data-state={state}>
                  <title>{tip}</title>
                  <rect
                    x={x}
                    y={y}
                    width={tile}
                    height={tile}
                    rx={3}
                    fill={outsideFilter ? '#fff' : (colour?.background ?? NO_DATA)}
                    stroke={state === 'value' ? 'none' : '#aaa'}
                    strokeDasharray={state === 'missing' ? '3 2' : undefined}
                  />
                  <text
                    x={x + tile / 2}
                    y={y + tile * 0.42}
                    textAnchor="middle"
                    fontSize={nameSize}
                    fill={outsideFilter ? '#999' : (colour?.color ?? '#555')}
                  >
                    {name}
                  </text>
                  {state === 'value' && tile >= 40 && (
                    <text
                      x={x + tile / 2}
                      y={y + tile * 0.78}
                      textAnchor="middle"
                      fontSize={Math.min(11, Math.round(tile * 0.19))}
                      fill={colour?.color ?? '#111'}
                    >
                      {fmt(v)}
                    </text>
                  )}
                </g>
              );
            })}
            <g data-role="map-legend" transform={`translate(${GAP},${TILE_ROWS * (tile + GAP) + GAP + 8})`}>
              {classes.map((c, i) => (
                <g key={c.t} transform={`translate(${i * (swatch + 4)},0)`}>
                  <rect width={swatch} height={12} fill={heatColour(c.t).background} stroke="#ccc" />
                  <text y={26} fontSize={10} fill="#333">
                    {classes.length === 1 ? fmt(c.lo) : `${fmt(c.lo)}–`}
                  </text>
                </g>
              ))}
              <g transform={`translate(${classes.length * (swatch + 4) + 8},0)`}>
                <rect width={14} height={12} fill={NO_DATA} stroke="#aaa" strokeDasharray="3 2" />
                <text x={18} y={10} fontSize={10} fill="#333">
                  {i18n.t('map.noData')}
                </text>
              </g>
            </g>
          </svg>
        );
      }}
    </ChartBox>
  );
});
