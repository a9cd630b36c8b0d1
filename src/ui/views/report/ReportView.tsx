import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useAnnotations } from '../../../annotations/store';
import type { Correction } from '../../../domain/annotations';
import { useI18n } from '../../../i18n';
import { provinceName } from '../../../i18n/places';
import { type ReportParams, reportQuery, unitSearchQuery } from '../../../queries';
import { useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { QueryState } from '../../common/QueryState';
import { useEagerQuery } from '../../common/useEagerQuery';
import { useUnitLabels } from '../../common/useUnitLabels';
import { Select } from '../../controls/Select';
import { UnitPicker } from '../../controls/UnitPicker';
import { YearSelect } from '../../controls/YearSelect';
import { CellPanel } from './CellPanel';
import { ChecksTable } from './ChecksTable';
import { CellSelectionContext, cellAddress } from './cellSelection';
import { Table2, Table3, Table4 } from './PrintedTables';
import { reportParams } from './params';

/**
 * Which report to show: a linked report id, else the first chosen unit (or any unit) in the year
 * in view when it has a report that year, else in the latest year it has.
 */
function useReportParams(): ReportParams | null {
  const reportId = useUi((s) => s.report);
  const units = useUi((s) => s.units);
  const year = useUi((s) => s.year);
  // Asked only when neither a report nor a unit is chosen: otherwise it held DuckDB's queue ahead
  // of the report's own statements for an answer nobody read.
  const fallback = useQuery({ ...unitSearchQuery({ limit: 1 }), enabled: !reportId && units.length === 0 });
  return reportParams(reportId, units[0] ?? fallback.data?.[0]?.unitId, year);
}

export default function ReportView() {
  const i18n = useI18n();
  const { t } = i18n;
  const params = useReportParams();
  const units = useUi((s) => s.units);
  const set = useUi((s) => s.set);
  const names = useUnitLabels();
  const query = useEagerQuery(reportQuery(params));
  const detail = query.data ?? null;
  const r = detail?.report;
  const title = r
    ? t('report.title', { unit: names.label(r.unit_id, r.unit), year: r.year })
    : t('view.report');
  const isUrl = r ? /^https?:\/\//.test(r.source) : false;
  // The selected cell lives in the URL (`cell`): a figure clicked in a chart opens it here.
  const selected = useUi((s) => s.cell);
  const { corrections } = useAnnotations();
  const reportId = r?.report_id ?? null;
  const selection = useMemo(() => {
    const mine = new Map<string, Correction>();
    for (const c of corrections) if (c.reportId === reportId) mine.set(cellAddress(c), c);
    return { selected, select: (address: string | null) => set({ cell: address }), corrections: mine };
  }, [corrections, reportId, selected, set]);

  return (
    <ChartFrame
      id="report"
      title={title}
      image={false}
      busy={query.isPlaceholderData}
      csv={() => {
        const rows: (string | number | null)[][] = [];
        for (const [table, byRow] of Object.entries(detail?.tables ?? {})) {
          for (const [row, byCol] of Object.entries(byRow)) {
            for (const [col, cell] of Object.entries(byCol))
              rows.push([table, row, col, cell.value, cell.raw]);
          }
        }
        return { header: ['table', 'row', 'col', 'value', 'raw'], rows };
      }}
      controls={
        <>
          <UnitPicker />
          <div className="picker-row">
            {units.length > 1 && (
              <Select
                label={t('col.unit')}
                value={r?.unit_id ?? units[0] ?? ''}
                onChange={(u) => set({ units: [u, ...units.filter((x) => x !== u)], report: null })}
              >
                {units.map((u) => (
                  <option key={u} value={u}>
                    {names.label(u)}
                  </option>
                ))}
              </Select>
            )}
            {detail && (
              <YearSelect
                value={detail.report.year}
                years={detail.years}
                allowLatest={false}
                onChange={(y) =>
                  set({ year: y, report: null, units: units.length > 0 ? units : [detail.report.unit_id] })
                }
              />
            )}
          </div>
        </>
      }
    >
      <QueryState error={query.error} hasData={query.data !== undefined || params === null}>
        {!detail || !r ? (
          <p className="muted">{t('report.none')}</p>
        ) : (
          <div data-testid="report-body">
            <dl className="report-meta">
              <dt>{t('col.format')}</dt>
              <dd>{t(`format.${r.format}`)}</dd>
              <dt>{t('col.province')}</dt>
              <dd>
                {[provinceName(i18n.lang, r.province), r.prefecture, r.county].filter(Boolean).join(' · ') ||
                  '—'}
              </dd>
              <dt>{t('report.source')}</dt>
              <dd>
                {isUrl ? (
                  <a href={r.source} rel="noopener noreferrer nofollow" target="_blank">
                    {r.source}
                  </a>
                ) : (
                  <code>{r.source}</code>
                )}
              </dd>
              <dt>{t('report.sha256')}</dt>
              <dd>
                <code data-testid="report-sha256">{r.sha256}</code>
              </dd>
            </dl>
            <CellSelectionContext.Provider value={selection}>
              <Table2 tables={detail.tables} format={r.format} />
              <Table3 tables={detail.tables} />
              <Table4 tables={detail.tables} />
              <CellPanel detail={detail} />
            </CellSelectionContext.Provider>
            <ChecksTable checks={detail.checks} />
          </div>
        )}
      </QueryState>
    </ChartFrame>
  );
}
