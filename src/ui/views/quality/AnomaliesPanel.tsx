import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { ANOMALY_RULES, type Anomaly, type AnomalyRule } from '../../../domain/anomalies';
import { useI18n } from '../../../i18n';
import { anomalyLabel, anomalyWhy } from '../../../i18n/anomaly';
import { anomaliesQuery } from '../../../queries';
import { useUi } from '../../../state';
import { DataTable } from '../../common/DataTable';
import { QueryState } from '../../common/QueryState';
import { Select } from '../../controls/Select';

/** Flags listed at first (and added per "show more"): the panel starts below the first screen. */
const PAGE = 20;

/**
 * The anomaly flags of the loaded data within the Quality view's year/province scope. Asked for
 * when the view opens (one query over all reports: peers need them all), not at start-up.
 * Memoised: every filter of the view above it used to re-render its rows too.
 */
export const AnomaliesPanel = memo(function AnomaliesPanel({
  year,
  province,
}: {
  year: number | null;
  province: string | null;
}) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const set = useUi((s) => s.set);
  const query = useQuery(anomaliesQuery());
  const [rule, setRule] = useState<AnomalyRule | ''>('');
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(
    () =>
      (query.data ?? []).filter(
        (a) =>
          (year === null || a.year === year) &&
          (rule === '' || a.rule === rule) &&
          (province === null || a.province === province),
      ),
    [query.data, year, rule, province],
  );
  return (
    <section data-testid="anomalies" className="offscreen-lazy" style={{ marginTop: '1rem' }}>
      <h3>{t('anomaly.title', { n: num(rows.length) })}</h3>
      <p className="muted">{t('anomaly.intro')}</p>
      <div className="picker-row">
        <Select
          label={t('anomaly.rule')}
          value={rule}
          onChange={(v) =>
            setRule((ANOMALY_RULES as readonly string[]).includes(v) ? (v as AnomalyRule) : '')
          }
          testId="anomaly-rule"
        >
          <option value="">{t('anomaly.allRules')}</option>
          {ANOMALY_RULES.map((r) => (
            <option key={r} value={r}>
              {anomalyLabel(i18n, { rule: r })}
            </option>
          ))}
        </Select>
      </div>
      <QueryState error={query.error} hasData={query.data !== undefined}>
        {rows.length === 0 ? (
          <p className="muted">{t('anomaly.none')}</p>
        ) : (
          <DataTable<Anomaly>
            caption=""
            rows={rows.slice(0, shown)}
            rowKey={(a, i) => `${a.reportId}|${a.rule}|${i}`}
            columns={[
              {
                key: 'unit',
                label: t('col.unit'),
                render: (a) => (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('quality.openReport', { unit: a.unit, year: a.year })}
                    onClick={() => set({ view: 'report', report: a.reportId })}
                  >
                    {a.unit}
                  </button>
                ),
              },
              { key: 'year', label: t('col.year'), sortValue: (a) => a.year, render: (a) => a.year },
              { key: 'rule', label: t('anomaly.rule'), render: (a) => anomalyLabel(i18n, a) },
              { key: 'why', label: t('anomaly.why'), render: (a) => anomalyWhy(i18n, a) },
            ]}
          />
        )}
        {rows.length > shown && (
          <button type="button" onClick={() => setShown(shown + PAGE)}>
            {t('quality.showMore', { n: num(Math.min(PAGE, rows.length - shown)) })}
          </button>
        )}
      </QueryState>
    </section>
  );
});
