import { useCallback } from 'react';
import {
  OUTCOME_GROUPS,
  type OutcomeGroup,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  type Table3Row,
} from '../../../domain/keys';
import {
  OUTCOME_GROUP_LABELS,
  rowsOfGroup,
  TABLE3_COLUMN_LABELS,
  TABLE3_ROW_LABELS,
} from '../../../domain/metrics';
import { useI18n } from '../../../i18n';
import { type OutcomeRow, outcomesQuery } from '../../../queries';
import { useUi } from '../../../state';
import { ChartFrame } from '../../common/ChartFrame';
import { type Column, DataTable } from '../../common/DataTable';
import { unitsText } from '../../common/exportText';
import { GROUP_COLOURS, seriesColour } from '../../common/palette';
import { QueryState } from '../../common/QueryState';
import { useChartUnits } from '../../common/useChartUnits';
import { useDatasetInfo } from '../../common/useDatasetInfo';
import { useEagerQuery } from '../../common/useEagerQuery';
import { useUnitLabels } from '../../common/useUnitLabels';
import { Segmented } from '../../controls/Segmented';
import { Select } from '../../controls/Select';
import { UnitPicker } from '../../controls/UnitPicker';
import { YearSelect } from '../../controls/YearSelect';
import { useChartCorrections } from '../../review/useChartCorrections';
import { keyLabel } from './labels';
import { OutcomesChart } from './OutcomesChart';
import { outcomesParams } from './params';

const TOP_N = 12;
const NO_ROWS: OutcomeRow[] = [];
const NO_KEYS: string[] = [];

export default function OutcomesView() {
  const i18n = useI18n();
  const { t, label, num, pct } = i18n;
  const filters = useUi((s) => s.outcome);
  const filter = useUi((s) => s.filter);
  const chosen = useUi((s) => s.units);
  const yearChoice = useUi((s) => s.year);
  const set = useUi((s) => s.set);
  const setOutcome = useUi((s) => s.setOutcome);
  const { years, latest } = useDatasetInfo();
  const year = yearChoice ?? latest ?? 0;
  const { units, settled } = useChartUnits('t3.total_handled', latest, TOP_N);
  const names = useUnitLabels();
  const corr = useChartCorrections();
  const asked = outcomesQuery(outcomesParams(filters, units, year, corr.cells));
  const query = useEagerQuery({ ...asked, enabled: settled ? asked.enabled : false });
  const rows = query.data?.rows ?? NO_ROWS;
  const drawn = query.data?.params;
  // Chart and table show the rows they have as they were asked for until the next ones arrive.
  const byRow = (drawn?.by ?? (filters.group ? 'row' : 'group')) === 'row';
  const drill = useCallback((g: OutcomeGroup) => setOutcome({ group: g, row: null }), [setOutcome]);
  const title = corr.title(
    [
      t('outcomes.title', { year }),
      label(TABLE3_COLUMN_LABELS[filters.applicant]),
      filters.group ? label(OUTCOME_GROUP_LABELS[filters.group]) : null,
      filters.row ? label(TABLE3_ROW_LABELS[filters.row]) : null,
    ]
      .filter(Boolean)
      .join(' · '),
  );
  const keys = query.data?.keys ?? NO_KEYS;
  const subtitle = [
    unitsText(i18n, filter, chosen.length, TOP_N),
    t(filters.mode === 'share' ? 'control.share' : 'control.count'),
    t('outcomes.sorted'),
  ].join(' · ');
  const formula =
    filters.mode === 'share'
      ? i18n.lang === 'zh'
        ? '占比 = 该类（项）件数 ÷ 全部办理结果件数之和（予以公开 … 其他处理）'
        : 'share = count of the group (row) ÷ sum of all outcome rows (granted … other)'
      : undefined;

  // A count leads to its report in the Report view, at the printed cell when it is one (a single
  // table-三 row in the chosen applicant column; a group of several rows has no one cell).
  const openFigure = (r: OutcomeRow) =>
    set({
      view: 'report',
      report: r.reportId,
      cell:
        (TABLE3_ROW_KEYS as readonly string[]).includes(r.key) &&
        (byRow || (r.key === r.group && rowsOfGroup(r.group).length === 1))
          ? `table3.${r.key}.${filters.applicant}`
          : null,
    });

  const columns: Column<OutcomeRow>[] = [
    { key: 'unit', label: t('col.unit'), render: (r) => names.label(r.unitId, r.unit) },
    {
      key: 'key',
      label: byRow ? t('control.row') : t('control.group'),
      render: (r) => keyLabel(r.key, label),
    },
    {
      key: 'count',
      label: t('control.count'),
      numeric: true,
      sortValue: (r) => r.count,
      render: (r) =>
        r.count === null ? (
          num(r.count)
        ) : (
          <button
            type="button"
            className="link-button"
            data-testid="outcome-figure"
            title={t('source.open', { unit: names.label(r.unitId, r.unit), year })}
            onClick={() => openFigure(r)}
          >
            {num(r.count)}
          </button>
        ),
    },
    {
      key: 'share',
      label: t('control.share'),
      numeric: true,
      sortValue: (r) => r.share,
      render: (r) => pct(r.share),
    },
  ];

  return (
    <ChartFrame
      id="outcomes"
      title={title}
      subtitle={subtitle}
      legend={keys.map((k, i) => ({
        label: keyLabel(k, label),
        colour: byRow ? seriesColour(i) : (GROUP_COLOURS[k as OutcomeGroup] ?? seriesColour(i)),
      }))}
      formula={formula}
      busy={query.isPlaceholderData}
      csv={() => ({
        header: [
          t('col.unit'),
          t('col.format'),
          t('control.group'),
          byRow ? t('control.row') : t('control.group'),
          t('control.count'),
          i18n.lang === 'zh' ? `${t('control.share')}（%）` : `${t('control.share')} (%)`,
        ],
        rows: rows.map((r) => [
          names.label(r.unitId, r.unit),
          t(`format.${r.format}`),
          keyLabel(r.group, label),
          keyLabel(r.key, label),
          r.count,
          r.share === null ? null : Math.round(r.share * 1e6) / 1e4,
        ]),
      })}
      controls={
        <>
          <UnitPicker emptyHint={t('picker.emptyHint', { n: TOP_N })} />
          <div className="picker-row">
            <YearSelect value={yearChoice} years={years} onChange={(y) => set({ year: y })} />
            <Select
              label={t('control.group')}
              value={filters.group ?? ''}
              onChange={(g) => setOutcome({ group: g === '' ? null : (g as OutcomeGroup), row: null })}
              testId="outcome-group"
            >
              <option value="">{t('control.allGroups')}</option>
              {OUTCOME_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {label(OUTCOME_GROUP_LABELS[g])}
                </option>
              ))}
            </Select>
            {filters.group && (
              <Select
                label={t('control.row')}
                value={filters.row ?? ''}
                onChange={(r) => setOutcome({ row: r === '' ? null : (r as Table3Row) })}
              >
                <option value="">{t('control.allRows')}</option>
                {rowsOfGroup(filters.group).map((r) => (
                  <option key={r} value={r}>
                    {label(TABLE3_ROW_LABELS[r])}
                  </option>
                ))}
              </Select>
            )}
            <Select
              label={t('control.applicant')}
              value={filters.applicant}
              onChange={(a) => setOutcome({ applicant: a as (typeof TABLE3_COLUMNS)[number] })}
            >
              {TABLE3_COLUMNS.map((c) => (
                <option key={c} value={c}>
                  {label(TABLE3_COLUMN_LABELS[c])}
                </option>
              ))}
            </Select>
            <Segmented
              label={t('control.measure')}
              value={filters.mode}
              options={[
                { value: 'share', label: t('control.share') },
                { value: 'count', label: t('control.count') },
              ]}
              onChange={(m) => setOutcome({ mode: m })}
            />
            {corr.toggle}
            {filters.group && (
              <button type="button" onClick={() => setOutcome({ group: null, row: null })}>
                {t('outcomes.back')}
              </button>
            )}
          </div>
        </>
      }
      note={
        query.data && query.data.missing.length > 0 ? (
          <p className="muted">
            {t('chart.missing', { units: i18n.list(query.data.missing.map((u) => names.label(u))) })}
          </p>
        ) : null
      }
      table={
        <DataTable caption={title} columns={columns} rows={rows} rowKey={(r) => `${r.unitId}|${r.key}`} />
      }
    >
      <QueryState error={query.error} hasData={query.data !== undefined || units.length === 0}>
        {units.length === 0 || rows.length === 0 ? (
          <p className="muted">{t(units.length === 0 ? 'chart.pickUnits' : 'chart.noData')}</p>
        ) : (
          <OutcomesChart
            rows={rows}
            units={query.data?.units ?? NO_KEYS}
            keys={keys}
            mode={drawn?.measure ?? filters.mode}
            drilled={byRow}
            onDrill={drill}
            label={names.label}
          />
        )}
      </QueryState>
    </ChartFrame>
  );
}
