import { OUTCOME_GROUPS } from '../../../domain/keys';
import { METRICS } from '../../../domain/metrics';
import { useI18n } from '../../../i18n';
import {
  PIVOT_DIMS,
  type PivotDim,
  type PivotFilters,
  type PivotMeasure,
  type PivotState,
  useUi,
} from '../../../state';
import { useDatasetInfo } from '../../common/useDatasetInfo';
import { useUnitLabels } from '../../common/useUnitLabels';
import { Select } from '../../controls/Select';
import { dimValueLabel } from './labels';

const SLOTS = [0, 1, 2] as const;
const RATES = METRICS.filter((m) => m.category === 'rate');

export const measureKey = (m: PivotMeasure): string =>
  m.kind === 'sum' ? 'sum' : m.kind === 'share' ? `share.${m.of}` : `rate.${m.metric}`;
function parseMeasure(key: string): PivotMeasure {
  if (key.startsWith('share.')) return { kind: 'share', of: key.slice(6) as 'row' | 'col' | 'total' };
  if (key.startsWith('rate.')) return { kind: 'rate', metric: key.slice(5) };
  return { kind: 'sum' };
}

/** Axis pickers: three slots for row dims, three for column dims; a dim sits on one axis only. */
function AxisSlots({ axis, pivot }: { axis: 'rows' | 'cols'; pivot: PivotState }) {
  const { t } = useI18n();
  const setPivot = useUi((s) => s.setPivot);
  const dims = pivot[axis];
  const other = axis === 'rows' ? pivot.cols : pivot.rows;
  const rateLocked = pivot.measure.kind === 'rate';
  const change = (slot: number, value: string) => {
    const next = [...dims];
    if (value === '') next.splice(slot, 1);
    else next[slot] = value as PivotDim;
    const clean = next.filter((d, i) => d && next.indexOf(d) === i);
    if (axis === 'rows' && clean.length === 0) return;
    setPivot({ [axis]: clean });
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
          {(axis === 'cols' || slot > 0) && <option value="">{t('control.none')}</option>}
          {PIVOT_DIMS.filter(
            (d) =>
              d === dims[slot] ||
              (!dims.includes(d) && !other.includes(d) && !(rateLocked && (d === 'row' || d === 'group'))),
          ).map((d) => (
            <option key={d} value={d}>
              {t(`pivot.dim.${d}`)}
            </option>
          ))}
        </Select>
      ))}
    </>
  );
}

/** One-value filter selects for the common dims; other filters from a link show as chips. */
const FILTER_DIMS = ['year', 'format', 'level', 'province', 'group'] as const;

export function PivotControls({ pivot }: { pivot: PivotState }) {
  const i18n = useI18n();
  const names = useUnitLabels();
  const { t, label } = i18n;
  const setPivot = useUi((s) => s.setPivot);
  const { years, provinces } = useDatasetInfo();
  const choices: Record<(typeof FILTER_DIMS)[number], string[]> = {
    year: years.map(String),
    format: ['2019', '2021'],
    level: ['province', 'prefecture', 'county', 'township'],
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
  const splitsRows = [...pivot.rows, ...pivot.cols].some((d) => d === 'row' || d === 'group');
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
          onChange={(v) => setPivot({ measure: parseMeasure(v) })}
          testId="pivot-measure"
        >
          <option value="sum">{t('pivot.measure.sum')}</option>
          <option value="share.row">{t('pivot.measure.share.row')}</option>
          <option value="share.col">{t('pivot.measure.share.col')}</option>
          <option value="share.total">{t('pivot.measure.share.total')}</option>
          {!splitsRows &&
            RATES.map((m) => (
              <option key={m.id} value={`rate.${m.id}`}>
                {t('pivot.measure.rate', { metric: label(m.label) })}
              </option>
            ))}
        </Select>
        <Select
          label={t('control.sort')}
          value={`${pivot.sort.by}.${pivot.sort.dir}`}
          onChange={(v) => {
            const [by, dir] = v.split('.') as ['label' | 'value', 'asc' | 'desc'];
            setPivot({ sort: { by, dir } });
          }}
        >
          {(['label.asc', 'label.desc', 'value.desc', 'value.asc'] as const).map((s) => (
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
