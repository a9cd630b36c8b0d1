import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { getMetric, type MetricId } from '../../../domain/metrics';
import { useI18n } from '../../../i18n';
import { provinceName } from '../../../i18n/places';
import { type ProvinceMapRow, provinceMapQuery } from '../../../queries';
import { useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { type Column, DataTable } from '../../common/DataTable';
import { csvNumber, filterText, valueHeader } from '../../common/exportText';
import { formatMetric } from '../../common/format';
import { QueryState } from '../../common/QueryState';
import { useChartCorrections } from '../../review/useChartCorrections';
import { ProvinceTileMap } from './ProvinceTileMap';

const NO_ROWS: ProvinceMapRow[] = [];

/**
 * 对比 as a tile map: the metric for the year aggregated per province over the reports in scope
 * (the chosen units, or all; the level filter; each unit's latest year), one square a province.
 */
export function CompareMapFrame({
  controls,
  metricId,
  year,
  latestEach,
}: {
  controls: ReactNode;
  metricId: MetricId;
  year: number;
  latestEach: boolean;
}) {
  const i18n = useI18n();
  const { t, label, num } = i18n;
  const units = useUi((s) => s.units);
  const filter = useUi((s) => s.filter);
  const corr = useChartCorrections();
  const query = useQuery(
    provinceMapQuery({
      metric: metricId,
      year,
      units,
      level: filter.level,
      latestEach,
      corrections: corr.cells,
    }),
  );
  const rows = query.data?.rows ?? NO_ROWS;
  const drawn = getMetric(query.data?.params.metric ?? metricId);
  const metricName = label(drawn.label);
  const title = corr.title(
    latestEach
      ? t('map.titleLatest', { metric: label(getMetric(metricId).label), year })
      : t('map.title', { metric: label(getMetric(metricId).label), year }),
  );
  const subtitle = [
    filterText(i18n, filter),
    units.length > 0 ? t('chart.chosen', { n: units.length }) : t('map.allUnits'),
  ].join(' · ');
  const how = drawn.denominator ? t('map.how.rate') : t('map.how.count');
  const inScope = (r: ProvinceMapRow) => filter.province === null || r.province === filter.province;
  const shown = rows.filter(inScope).sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const columns: Column<ProvinceMapRow>[] = [
    { key: 'province', label: t('col.province'), render: (r) => provinceName(i18n.lang, r.province) },
    {
      key: 'value',
      label: metricName,
      numeric: true,
      sortValue: (r) => r.value,
      render: (r) => formatMetric(i18n, drawn.unit, r.value),
    },
    ...(drawn.denominator
      ? [
          {
            key: 'num',
            label: t('col.numerator'),
            numeric: true,
            sortValue: (r: ProvinceMapRow) => r.numerator,
            render: (r: ProvinceMapRow) => num(r.numerator),
          },
          {
            key: 'den',
            label: t('col.denominator'),
            numeric: true,
            sortValue: (r: ProvinceMapRow) => r.denominator,
            render: (r: ProvinceMapRow) => num(r.denominator),
          },
        ]
      : []),
    {
      key: 'reports',
      label: t('map.col.reports'),
      numeric: true,
      sortValue: (r) => r.reported,
      render: (r) => t('map.reportsShort', { n: r.reported, m: r.reports }),
    },
  ];
  return (
    <ChartFrame
      id="compare"
      title={title}
      subtitle={subtitle}
      formula={label(getMetric(metricId).formula)}
      notes={[how]}
      busy={query.isPlaceholderData}
      csv={() => ({
        header: [
          t('col.province'),
          valueHeader(i18n, metricName, drawn.unit),
          ...(drawn.denominator ? [t('col.numerator'), t('col.denominator')] : []),
          t('map.col.reported'),
          t('map.col.inScope'),
        ],
        rows: shown.map((r) => [
          provinceName(i18n.lang, r.province),
          csvNumber(drawn.unit, r.value),
          ...(drawn.denominator ? [r.numerator, r.denominator] : []),
          r.reported,
          r.reports,
        ]),
      })}
      controls={controls}
      table={<DataTable caption={title} columns={columns} rows={shown} rowKey={(r) => r.province} />}
    >
      <QueryState error={query.error} hasData={query.data !== undefined}>
        <ProvinceTileMap rows={rows} unit={drawn.unit} only={filter.province} />
        {rows.length === 0 && <p className="muted">{t('chart.noData')}</p>}
      </QueryState>
    </ChartFrame>
  );
}
