import { OUTCOME_GROUPS } from '../../../domain/keys';
import { getMetric } from '../../../domain/metrics';
import {
  FORMATS,
  MAX_PIVOT_DIMS,
  MEASURE_OPTIONS,
  measureAllowed,
  measureKey,
  parseMeasureKey,
  parseSortKey,
  REGION_LEVELS,
  SORT_OPTIONS,
  sortKey,
  UNIT_KINDS,
} from '../../../domain/vocab';
import { useI18n } from '../../../i18n';
import { PIVOT_DIMS, type PivotDim, type PivotFilters, type PivotState, useUi } from '../../../state';
import { useDatasetInfo } from '../../common/useDatasetInfo';
import { useUnitLabels } from '../../common/useUnitLabels';
import { Select } from '../../controls/Select';
import { dimValueLabel, sumLabel } from './labels';
import { slotChoices, withSlot } from './slots';

const SLOTS = Array.from({ length: MAX_PIVOT_DIMS }, (_, i) => i);

/** Axis pickers: three slots for row dims, three for column dims; a dim sits on one axis only. */
function AxisSlots({ axis, pivot }: { axis: 'rows' | 'cols'; pivot: PivotState }) {
  const { t } = useI18n();
  const setPivot = useUi((s) => s.setPivot);
  const dims = pivot[axis];

  const change = (slot: number, value: string) => {
    const next = withSlot(pivot, axis, slot, value);
    if (next) setPivot({ [axis]: next });
  };
  return (
    <>
      {SLOTS.filter((s) => s <= dims.length).map((slot) => (
        <Select
          key={slot}
          label={`${t(axis === 'rows' ? 'control.rows' : 'control.cols')} ${slot + 1}`}
          value={dims[slot] ?? ''}
          onChange={(v) => change(slot, v)}
          testId={`pivot-${axis}-${slot}`}
        >
          {slotChoices(pivot, axis, slot).map((d) => (
            <option key={d} value={d}>
              {d === '' ? t('control.none') : t(`pivot.dim.${d as PivotDim}`)}
            </option>
          ))}
        </Select>
      ))}
    </>
  );
}

/** One-value filter selects for the common dims; other filters from a link show as chips. */
const FILTER_DIMS = ['year', 'format', 'level', 'unit_kind', 'province', 'group'] as const;

export function PivotControls({ pivot }: { pivot: PivotState }) {
  const i18n = useI18n();
  const names = useUnitLabels();
  const { t, label } = i18n;
  const setPivot = useUi((s) => s.setPivot);
  const { years, provinces } = useDatasetInfo();
  const choices: Record<(typeof FILTER_DIMS)[number], string[]> = {
    year: years.map(String),
    format: [...FORMATS],
    level: [...REGION_LEVELS],
    unit_kind: [...UNIT_KINDS],
    province: provinces,
    group: [...OUTCOME_GROUPS],
  };
  const setFilter = (dim: PivotDim, values: string[] | undefined) => {
    const next: PivotFilters = { ...pivot.filters };
    if (values && values.length > 0) next[dim] = values;
    else delete next[dim];
    setPivot({ filters: next });
  };
  const measure = measureKey(pivot.measure);
  const dims = [...pivot.rows, ...pivot.cols];
  const measureLabel = (key: string) => {
    const m = parseMeasureKey(key);
    return m?.kind === 'rate'
      ? t('pivot.measure.rate', { metric: label(getMetric(m.metric).label) })
      : key === 'sum'
        ? sumLabel(i18n, pivot)
        : t(`pivot.measure.${key as 'share.row'}`);
  };
  return (
    <>
      <div className="picker-row">
        <AxisSlots axis="rows" pivot={pivot} />
      </div>
      <div className="picker-row">
        <AxisSlots axis="cols" pivot={pivot} />
      </div>
      <div className="picker-row">
        <Select
          label={t('control.measure')}
          value={measure}
          onChange={(v) => {
            const m = parseMeasureKey(v);
            if (m) setPivot({ measure: m });
          }}
          testId="pivot-measure"
        >
          {MEASURE_OPTIONS.filter((m) => measureAllowed(m, dims) || measureKey(m) === measure).map((m) => (
            <option key={measureKey(m)} value={measureKey(m)}>
              {measureLabel(measureKey(m))}
            </option>
          ))}
        </Select>
        <Select
          label={t('control.sort')}
          value={sortKey(pivot.sort)}
          onChange={(v) => {
            const sort = parseSortKey(v);
            if (sort) setPivot({ sort });
          }}
        >
          {SORT_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {t(`pivot.sort.${s}`)}
            </option>
          ))}
        </Select>
        {FILTER_DIMS.map((dim) => {
          const current = pivot.filters[dim];
          const single = current && current.length === 1 ? current[0]! : current ? '*' : '';
          return (
            <Select
              key={dim}
              label={`${t('control.filters')}: ${t(`pivot.dim.${dim}`)}`}
              value={single}
              onChange={(v) => setFilter(dim, v === '' ? undefined : [v])}
            >
              <option value="">{t('control.all')}</option>
              {single === '*' && (
                <option value="*">
                  {current!.map((v) => dimValueLabel(i18n, dim, v, names.label)).join(', ')}
                </option>
              )}
              {choices[dim].map((v) => (
                <option key={v} value={v}>
                  {dimValueLabel(i18n, dim, v, names.label)}
                </option>
              ))}
            </Select>
          );
        })}
      </div>
      <div className="chips">
        {PIVOT_DIMS.filter((d) => !(FILTER_DIMS as readonly string[]).includes(d) && pivot.filters[d]).map(
          (d) => (
            <span key={d} className="chip">
              {t(`pivot.dim.${d}`)}:{' '}
              {pivot.filters[d]!.map((v) => dimValueLabel(i18n, d, v, names.label)).join(', ')}
              <button
                type="button"
                aria-label={t('control.remove', { name: t(`pivot.dim.${d}`) })}
                onClick={() => setFilter(d, undefined)}
              >
                ×
              </button>
            </span>
          ),
        )}
      </div>
    </>
  );
}
