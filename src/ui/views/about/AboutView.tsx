import { useQuery } from '@tanstack/react-query';
import {
  ANOMALY_RULES,
  type AnomalyRule,
  COPIED_MIN_NONZERO,
  OLD_FORMAT_FROM_YEAR,
  PEER_MIN_DENOMINATOR,
  PEER_MIN_GROUP,
  PEER_Z,
  YOY_FACTOR,
  YOY_MIN_BASE,
} from '../../../domain/anomalies';
import { FORMATS, TABLE2_CROSS_FORMAT, TABLE2_ITEMS, TABLE3_ROWS } from '../../../domain/keys';
import { METRICS, type MetricDef, TABLE2_ITEM_LABELS, TABLE3_ROW_LABELS } from '../../../domain/metrics';
import { type I18n, useI18n } from '../../../i18n';
import { NAMED_CHECK_RULES, ruleName } from '../../../i18n/checks';
import { type AboutFacetRow, aboutQuery, useDatasetSummary } from '../../../queries';
import { useUi } from '../../../state';
import { type Column, DataTable } from '../../common/DataTable';
import { QueryState } from '../../common/QueryState';
import { CATEGORY_LABELS } from '../../controls/MetricSelect';

/** How each anomaly rule works, with the thresholds the rules use (src/domain/anomalies). */
function anomalyText(i18n: I18n, rule: AnomalyRule): string {
  const { t, num } = i18n;
  switch (rule) {
    case 'yoy_jump':
      return t('about.anomaly.yoy', { factor: YOY_FACTOR, base: YOY_MIN_BASE });
    case 'peer_outlier':
      return t('about.anomaly.peer', { z: num(PEER_Z, 1), group: PEER_MIN_GROUP, den: PEER_MIN_DENOMINATOR });
    case 'copied_table':
      return t('about.anomaly.copied', { n: COPIED_MIN_NONZERO });
    case 'old_format':
      return t('about.anomaly.format', { year: OLD_FORMAT_FROM_YEAR });
    case 'narrative_total':
      return t('about.anomaly.narrative');
  }
}

const ORIGINS = ['archive', 'web', 'file', 'synthetic'] as const;
const isOrigin = (k: string): k is (typeof ORIGINS)[number] => (ORIGINS as readonly string[]).includes(k);

/**
 * 关于数据: what each metric means (the metric catalogue), the two national formats and what
 * changed between them (the report keys), where the loaded figures come from and how checks and
 * anomaly flags work, every count from a query on the loaded data.
 */
export default function AboutView() {
  const i18n = useI18n();
  const { t, label, num } = i18n;
  const dataset = useUi((s) => s.dataset);
  const query = useQuery(aboutQuery());
  const summary = useDatasetSummary();
  const facets = query.data?.facets ?? [];
  const of = (facet: AboutFacetRow['facet']) => facets.filter((f) => f.facet === facet);
  const all = of('all')[0];
  const years = summary?.years ?? [];
  const list = (xs: string[]) => i18n.list(xs);
  const items = (f: (typeof FORMATS)[number]) =>
    list(Object.keys(TABLE2_ITEMS[f]).map((k) => label(TABLE2_ITEM_LABELS[k] ?? { zh: k, en: k })));
  const only2021 = TABLE3_ROWS.filter((r) => r.formats.length === 1).map(
    (r) => `“${label(TABLE3_ROW_LABELS[r.key])}”`,
  );
  const oneFormat = METRICS.filter((m) => m.formats.length === 1).length;

  const facetColumns = (head: string, name: (k: string) => string): Column<AboutFacetRow>[] => [
    { key: 'key', label: head, render: (r) => name(r.key), sortValue: (r) => r.key },
    {
      key: 'reports',
      label: t('about.col.reports'),
      numeric: true,
      render: (r) => num(r.reports),
      sortValue: (r) => r.reports,
    },
    {
      key: 'units',
      label: t('about.col.units'),
      numeric: true,
      render: (r) => num(r.units),
      sortValue: (r) => r.units,
    },
    {
      key: 'flagged',
      label: t('about.col.flagged'),
      numeric: true,
      render: (r) => num(r.flagged),
      sortValue: (r) => r.flagged,
    },
  ];
  const metricColumns: Column<MetricDef>[] = [
    { key: 'metric', label: t('about.col.metric'), render: (m) => label(m.label) },
    { key: 'formula', label: t('about.col.formula'), render: (m) => label(m.formula) },
    { key: 'unit', label: t('about.col.unit'), render: (m) => t(`about.unit.${m.unit}`) },
    {
      key: 'formats',
      label: t('about.col.formats'),
      render: (m) => list(m.formats.map((f) => t(`format.${f}`))),
    },
  ];
  const checkCounts = new Map((query.data?.checks ?? []).map((c) => [c.rule, c]));
  const rules = [...new Set([...NAMED_CHECK_RULES, ...checkCounts.keys()])];
  const categories = [...new Set(METRICS.map((m) => m.category))];

  return (
    <article className="about" data-testid="chart-about" aria-labelledby="about-title">
      <h2 id="about-title" className="chart-title">
        {t('about.title')}
      </h2>
      <p>{t('about.intro')}</p>

      <section aria-labelledby="about-sources">
        <h3 id="about-sources">{t('about.sources.title')}</h3>
        <QueryState error={query.error} hasData={query.data !== undefined}>
          <p data-testid="about-summary">
            {t('about.sources.summary', {
              dataset,
              reports: num(all?.reports ?? 0),
              units: num(all?.units ?? 0),
              provinces: num(all?.provinces ?? 0),
              years: years.length > 0 ? `${years[0]}–${years.at(-1)}` : '—',
            })}
          </p>
          <p>{t('about.sources.parser')}</p>
          <DataTable
            caption={t('about.col.origin')}
            rowKey={(r) => r.key}
            rows={of('origin')}
            columns={[
              ...facetColumns(t('about.col.origin'), (k) => (isOrigin(k) ? t(`about.origin.${k}`) : k)),
              {
                key: 'places',
                label: t('about.col.places'),
                numeric: true,
                render: (r) => num(r.places),
                sortValue: (r) => r.places,
              },
            ]}
          />
          <DataTable
            caption={t('about.col.year')}
            rowKey={(r) => r.key}
            rows={of('year')}
            columns={facetColumns(t('about.col.year'), (k) => k)}
          />
        </QueryState>
      </section>

      <section aria-labelledby="about-formats">
        <h3 id="about-formats">{t('about.formats.title')}</h3>
        <p>{t('about.formats.2019')}</p>
        <p>{t('about.formats.2021', { year: OLD_FORMAT_FROM_YEAR })}</p>
        <p>
          {t('about.formats.table2', {
            items2019: items('2019'),
            items2021: items('2021'),
            cross: list(
              TABLE2_CROSS_FORMAT.map(([item]) => label(TABLE2_ITEM_LABELS[item] ?? { zh: item, en: item })),
            ),
          })}
        </p>
        <p>
          {t('about.formats.table3', { rows: list(only2021), single: label(TABLE3_ROW_LABELS.other_single) })}
        </p>
        <p>{t('about.formats.metrics', { n: oneFormat })}</p>
        {query.data && (
          <DataTable
            caption={t('about.col.format')}
            rowKey={(r) => r.key}
            rows={of('format')}
            columns={facetColumns(t('about.col.format'), (k) =>
              (FORMATS as readonly string[]).includes(k) ? t(`format.${k as '2019'}`) : k,
            )}
          />
        )}
      </section>

      <section aria-labelledby="about-metrics">
        <h3 id="about-metrics">{t('about.metrics.title')}</h3>
        <p>{t('about.metrics.intro')}</p>
        {categories.map((cat) => (
          <DataTable
            key={cat}
            caption={label(CATEGORY_LABELS[cat])}
            rowKey={(m) => m.id}
            rows={METRICS.filter((m) => m.category === cat)}
            columns={metricColumns}
          />
        ))}
      </section>

      <section aria-labelledby="about-checks">
        <h3 id="about-checks">{t('about.checks.title')}</h3>
        <p>{t('about.checks.intro')}</p>
        <DataTable
          caption={t('about.checks.title')}
          rowKey={(r) => r}
          rows={rules}
          columns={[
            { key: 'rule', label: t('about.col.rule'), render: (r) => ruleName(i18n.lang, r) },
            {
              key: 'failures',
              label: t('about.col.failures'),
              numeric: true,
              render: (r) => num(checkCounts.get(r)?.failures ?? 0),
              sortValue: (r) => checkCounts.get(r)?.failures ?? 0,
            },
            {
              key: 'reports',
              label: t('about.col.failedReports'),
              numeric: true,
              render: (r) => num(checkCounts.get(r)?.reports ?? 0),
              sortValue: (r) => checkCounts.get(r)?.reports ?? 0,
            },
          ]}
        />
        <h3>{t('about.anomalies.title')}</h3>
        <p>{t('about.anomalies.intro')}</p>
        <dl className="about-rules">
          {ANOMALY_RULES.map((r) => (
            <div key={r}>
              <dt>{t(`anomaly.rule.${r}`)}</dt>
              <dd>{anomalyText(i18n, r)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
