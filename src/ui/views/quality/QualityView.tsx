import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { checkMessage, locationName, ruleName } from '../../../i18n/checks';
import { provinceName } from '../../../i18n/places';
import {
  coverageCells,
  type FailedCheck,
  type QualityResult,
  qualityQuery,
  qualityRulesQuery,
  withRuleCounts,
} from '../../../queries';
import { useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { DataTable } from '../../common/DataTable';
import { observeRectAfterLayout } from '../../common/observe-rect';
import { QueryState } from '../../common/QueryState';
import { UnitMergePanel } from '../../common/UnitMergePanel';
import { useDatasetInfo } from '../../common/useDatasetInfo';
import { useEagerQuery } from '../../common/useEagerQuery';
import { useUnitLabels } from '../../common/useUnitLabels';
import { Select } from '../../controls/Select';
import { YearSelect } from '../../controls/YearSelect';
import { AnnotationsToolbar } from '../../review/AnnotationsToolbar';
import { checkColumns } from '../../review/checkColumns';
import { REVIEW_FILTERS, useReviewFilter } from '../../review/useReviewFilter';
import { AnomaliesPanel } from './AnomaliesPanel';
import { qualityParams } from './params';
import { RosterPanel, useExpectedUnits, useRosterSetup } from './RosterPanel';

const ROW_H = 28;
/**
 * Failed checks rendered at first (and added per "show more"): 500 table rows took ~150 ms to
 * render at nationwide scale, and with 100 the table's layout was still most of a filter change
 * (issue 12: interaction p95 ≤ 100 ms). The list starts below the grid, off the first screen: a
 * first page of 20 rows (~350 DOM nodes, against ~850 for 50) keeps it from weighing on opening
 * the view or changing a filter.
 */
const CHECKS_PAGE = 20;

/**
 * Unit × year grid. At nationwide scale it has thousands of units: only the rows in view are in
 * the DOM (spacer rows stand for the rest, as in the pivot grid), so every unit stays reachable
 * by scrolling and a filter change re-renders a screenful, not the whole grid.
 */
function CoverageMatrix({ result }: { result: QualityResult }) {
  const { t } = useI18n();
  const names = useUnitLabels();
  const set = useUi((s) => s.set);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: result.units.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_H,
    observeElementRect: observeRectAfterLayout,
    // The scroller's height as its CSS caps it (60vh): without it the first render lays out
    // one row, then measures and renders a screenful again (two commits and layouts on opening).
    initialRect: {
      width: 0,
      height: typeof window === 'undefined' ? 0 : Math.round(0.6 * window.innerHeight),
    },
    // Rows beyond the ~20 in view, each way: enough for a wheel step, each costs 8 cells of DOM.
    overscan: 5,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const span = result.years.length + 1;
  const symbol = { ok: '✓', failed: '!', missing: '–', absent: '✗' } as const;
  return (
    <div ref={scroller} className="table-scroll" style={{ maxHeight: '60vh' }}>
      <table className="coverage" data-testid="coverage-matrix">
        <thead>
          <tr>
            <th scope="col">{t('col.unit')}</th>
            {result.years.map((y) => (
              <th key={y} scope="col">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr>
              <td colSpan={span} style={{ height: padTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const u = result.units[item.index]!;
            const name = names.label(u.unitId, u.unit);
            // Decoded for the rows in view only (a nationwide grid has ~27,000 cells).
            const unitCells = coverageCells(u);
            return (
              <tr key={u.unitId} style={{ height: ROW_H }}>
                <th scope="row">{name}</th>
                {result.years.map((y) => {
                  const c = unitCells.get(y);
                  const status = c?.status ?? 'missing';
                  const label = `${name} ${y}: ${t(`quality.${status}`)}${c && c.checkFailures > 0 ? ` (${c.checkFailures})` : ''}`;
                  return (
                    <td key={y} className={`cov-${status}`} data-status={status}>
                      {c?.reportId ? (
                        <button
                          type="button"
                          className={`cov-${status}`}
                          aria-label={label}
                          title={label}
                          onClick={() => set({ view: 'report', report: c.reportId })}
                        >
                          {status === 'failed' ? c.checkFailures : symbol[status]}
                        </button>
                      ) : (
                        <span title={label}>
                          {symbol[status]}
                          <span className="visually-hidden">{label}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr>
              <td colSpan={span} style={{ height: padBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

export default function QualityView() {
  const i18n = useI18n();
  const names = useUnitLabels();
  const { t, num, lang } = i18n;
  const quality = useUi((s) => s.quality);
  const setQuality = useUi((s) => s.setQuality);
  const set = useUi((s) => s.set);
  const { years, provinces } = useDatasetInfo();
  const [roster, changeRoster] = useRosterSetup();
  const { expected, roster: parsedRoster } = useExpectedUnits(roster);
  const review = useReviewFilter();
  const params = qualityParams(quality, expected, review.reviewed);
  const query = useEagerQuery(qualityQuery(params));
  // Rule counts ignore the rule filter: choosing a rule finds them cached.
  const rulesQuery = useEagerQuery(qualityRulesQuery(params));
  const grid = query.data;
  const ruleCounts = rulesQuery.data;
  const rule = quality.rule;
  const result = useMemo(
    () => (grid && ruleCounts ? withRuleCounts(grid, ruleCounts, rule ? [rule] : undefined) : undefined),
    [grid, ruleCounts, rule],
  );
  // How many failed checks are shown, for the result they were counted on: a new filter starts over.
  const [page, setPage] = useState<{ of: QualityResult | undefined; n: number }>({ of: undefined, n: 0 });
  const shown = page.of === result ? page.n : CHECKS_PAGE;
  const title = t('quality.title');
  return (
    <ChartFrame
      id="quality"
      title={title}
      image={false}
      busy={query.isPlaceholderData || rulesQuery.isPlaceholderData}
      csv={() => ({
        header: [
          t('col.unit'),
          t('col.year'),
          t('col.format'),
          t('col.rule'),
          t('col.location'),
          t('col.expected'),
          t('col.actual'),
          t('col.message'),
        ],
        rows: (result?.checks ?? []).map((c) => [
          names.label(c.unitId, c.unit),
          c.year,
          c.format,
          ruleName(lang, c.rule),
          locationName(lang, c.location),
          c.expected,
          c.actual,
          checkMessage(lang, c, (n) => num(n, 2)),
        ]),
      })}
      controls={
        <>
          <div className="picker-row">
            <Select
              label={t('col.rule')}
              value={quality.rule ?? ''}
              onChange={(v) => setQuality({ rule: v || null })}
              testId="quality-rule"
            >
              <option value="">{t('quality.allRules')}</option>
              {(result?.rules ?? []).map((r) => (
                <option key={r.rule} value={r.rule}>
                  {ruleName(lang, r.rule)} ({r.count})
                </option>
              ))}
              {quality.rule && !result?.rules.some((r) => r.rule === quality.rule) && (
                <option value={quality.rule}>{ruleName(lang, quality.rule)}</option>
              )}
            </Select>
            <YearSelect
              value={quality.year}
              years={years}
              onChange={(y) => setQuality({ year: y })}
              allowLatest={false}
              allLabel={t('control.all')}
            />
            <Select
              label={t('col.province')}
              value={quality.province ?? ''}
              onChange={(v) => setQuality({ province: v || null })}
            >
              <option value="">{t('control.all')}</option>
              {provinces.map((p) => (
                <option key={p} value={p}>
                  {provinceName(lang, p)}
                </option>
              ))}
            </Select>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={quality.problemsOnly}
                onChange={(e) => setQuality({ problemsOnly: e.target.checked })}
              />
              {t('quality.problemsOnly')}
            </label>
            <Select
              label={t('review.filter')}
              value={review.choice}
              onChange={(v) => review.setChoice(REVIEW_FILTERS.find((f) => f === v) ?? 'all')}
              testId="review-filter"
            >
              {REVIEW_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {t(`review.${f}`)}
                </option>
              ))}
            </Select>
            {(quality.year !== null || quality.rule || quality.province) && (
              <button type="button" onClick={() => setQuality({ year: null, rule: null, province: null })}>
                {t('control.clear')}
              </button>
            )}
          </div>
          {/* After the filters: their order (and tests that count selects) stays as it was. */}
          <RosterPanel setup={roster} onChange={changeRoster} roster={parsedRoster} />
          <UnitMergePanel picker />
        </>
      }
    >
      <QueryState error={query.error ?? rulesQuery.error} hasData={result !== undefined}>
        {result && (
          <>
            <p data-testid="quality-summary">
              {t('quality.summary', {
                reported: num(result.summary.reported),
                failed: num(result.summary.failed),
                missing: num(result.summary.missing),
              })}
              {result.summary.absent !== undefined &&
                ` · ${t('quality.absentSummary', { absent: num(result.summary.absent) })}`}
            </p>
            <div className="legend" aria-hidden="true">
              <span className="cov-ok">{t('quality.ok')}</span>
              <span className="cov-failed">{t('quality.failed')}</span>
              <span className="cov-missing">{t('quality.missing')}</span>
              {result.summary.absent !== undefined && (
                <span className="cov-absent">{t('quality.absent')}</span>
              )}
            </div>
            <CoverageMatrix result={result} />
            <AnnotationsToolbar />
            {/* Below the grid: laid out and painted once scrolled near (see .offscreen-lazy). */}
            <div className="offscreen-lazy">
              <h3 style={{ marginTop: '1rem' }}>
                {t('quality.checks', {
                  shown: num(Math.min(shown, result.checks.length)),
                  total: num(result.checksTotal),
                })}
              </h3>
              <DataTable<FailedCheck>
                caption=""
                rows={result.checks.slice(0, shown)}
                rowKey={(c, i) => `${c.report_id}|${c.rule}|${c.location}|${i}`}
                columns={[
                  {
                    key: 'unit',
                    label: t('col.unit'),
                    render: (c) => (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('quality.openReport', {
                          unit: names.label(c.unitId, c.unit),
                          year: c.year,
                        })}
                        onClick={() => set({ view: 'report', report: c.report_id })}
                      >
                        {names.label(c.unitId, c.unit)}
                      </button>
                    ),
                  },
                  { key: 'year', label: t('col.year'), render: (c) => c.year },
                  ...checkColumns<FailedCheck>(i18n),
                ]}
              />
              {result.checks.length > shown && (
                <button
                  type="button"
                  onClick={() => setPage({ of: result, n: shown + CHECKS_PAGE })}
                  data-testid="checks-more"
                >
                  {t('quality.showMore', { n: num(Math.min(CHECKS_PAGE, result.checks.length - shown)) })}
                </button>
              )}
            </div>
          </>
        )}
      </QueryState>
      <AnomaliesPanel year={quality.year} province={quality.province} />
    </ChartFrame>
  );
}
