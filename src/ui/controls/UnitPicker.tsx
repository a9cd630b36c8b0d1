import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, memo, useEffect, useId, useState } from 'react';
import { isOneOf, REGION_LEVELS, type RegionLevel, UNIT_KINDS } from '../../domain/vocab';
import { useI18n } from '../../i18n';
import { provinceName } from '../../i18n/places';
import { type UnitHit, unitSearchQuery, useDatasetSummary } from '../../queries';
import { MAX_UNITS, useUi } from '../../state';
import { useUnitLabels } from '../common/useUnitLabels';
import { Select } from './Select';
import { useDebounced } from './useDebounced';

const SHOWN = 12;

/**
 * One click from a government to its own units: once the search for the units whose
 * parent_unit_id is `parentUnitId` (of `kind`, if chosen) answers, they become the selection.
 */
function ChildrenPicker({
  parentUnitId,
  kind,
  onDone,
}: {
  parentUnitId: string;
  kind: string | null;
  onDone: () => void;
}) {
  const set = useUi((s) => s.set);
  const { data } = useQuery(unitSearchQuery({ parentUnitId, kind, limit: MAX_UNITS }));
  useEffect(() => {
    if (!data) return;
    if (data.length > 0) set({ units: data.map((h) => h.unitId), report: null });
    onDone();
  }, [data, set, onDone]);
  return null;
}

/**
 * Search units by Chinese name, pinyin, initials or place (迁安 finds 迁安市's towns); each result
 * says which government it belongs to. Arrow keys move through the results, Enter adds, Esc
 * closes. Add one, all matches, or compare a government's own units in one click.
 *
 * Memoised: it reads the store itself, so a view re-rendered for another control (metric, year)
 * does not redraw its lists and chips (up to 50 chips and three option lists, issue 12).
 */
export const UnitPicker = memo(function UnitPicker({ emptyHint }: { emptyHint?: string }) {
  const { t, lang } = useI18n();
  const names = useUnitLabels();
  const units = useUi((s) => s.units);
  const addUnits = useUi((s) => s.addUnits);
  const removeUnit = useUi((s) => s.removeUnit);
  const set = useUi((s) => s.set);
  const provinces = useDatasetSummary()?.provinces ?? [];
  const [text, setText] = useState('');
  const filter = useUi((s) => s.filter);
  const setFilter = useUi((s) => s.setFilter);
  const province = filter.province ?? '';
  const level = filter.level ?? '';
  const [kind, setKind] = useState('');
  const [children, setChildren] = useState<string | null>(null);
  const [open, setOpen] = useState(true);
  const [active, setActive] = useState(0);
  const searchId = useId();
  const listId = useId();
  const query = useDebounced(text.trim(), 150);
  const filtering = query !== '' || province !== '' || level !== '' || kind !== '';
  // While the hits are still the previous question's (placeholder data), they are shown busy and
  // cannot be added: Enter or "add all" would otherwise add units the search did not find.
  const { data: hits, isPlaceholderData: stale } = useQuery({
    ...unitSearchQuery({
      text: query || undefined,
      province: province || null,
      level: level || null,
      kind: kind || null,
      limit: MAX_UNITS,
    }),
    // Unfiltered, the hits are asked (so the first search finds the index warm) but not shown:
    // their answer, once the unit index is built after the first view, would redraw the picker
    // unchanged in the middle of whatever the person is doing (issue 12).
    notifyOnChangeProps: filtering ? undefined : [],
  });
  const fresh = (hits ?? []).filter((h) => !units.includes(h.unitId));
  const shown = fresh.slice(0, SHOWN);
  const at = Math.min(active, Math.max(shown.length - 1, 0));
  const listed = filtering && open;

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      setOpen(false);
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) =>
        shown.length === 0 ? 0 : (Math.min(a, shown.length - 1) + step + shown.length) % shown.length,
      );
      return;
    }
    if (e.key === 'Enter' && listed && !stale && shown[at]) {
      e.preventDefault();
      addUnits([shown[at].unitId]);
    }
  };

  return (
    <div className="unit-picker">
      <div className="picker-row">
        <div className="field grow">
          <label htmlFor={searchId} className="field-label">
            {t('control.units')}
          </label>
          <input
            id={searchId}
            type="search"
            value={text}
            placeholder={t('picker.search')}
            title={t('picker.searchHelp')}
            autoComplete="off"
            data-testid="unit-search"
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onKeyDown={onKey}
          />
        </div>
        <Select
          label={t('picker.province')}
          value={province}
          onChange={(v) => setFilter({ province: v || null })}
          testId="filter-province"
        >
          <option value="">{t('control.all')}</option>
          {provinces.map((p) => (
            <option key={p} value={p}>
              {provinceName(lang, p)}
            </option>
          ))}
        </Select>
        <Select
          label={t('picker.level')}
          value={level}
          onChange={(v) => setFilter({ level: (v || null) as RegionLevel | null })}
          testId="filter-level"
        >
          <option value="">{t('control.all')}</option>
          {REGION_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </Select>
        <Select label={t('picker.kind')} value={kind} onChange={setKind}>
          <option value="">{t('control.all')}</option>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`unitKind.${k}`)}
            </option>
          ))}
        </Select>
        {filtering && fresh.length > 0 && (
          <button
            type="button"
            data-testid="add-all"
            disabled={stale}
            onClick={() => addUnits(fresh.map((h) => h.unitId))}
          >
            {t('picker.addAll', { n: fresh.length })}
          </button>
        )}
      </div>
      {listed && (
        <ul className="hits" id={listId} aria-label={t('picker.results')} aria-busy={stale || undefined}>
          {fresh.length === 0 && <li className="muted">{t('picker.noResults')}</li>}
          {shown.map((h, i) => (
            <Hit
              key={h.unitId}
              id={`${listId}-${i}`}
              active={i === at}
              hit={h}
              label={names.label(h.unitId, h.short)}
              parent={h.parentName ?? names.parts(h.unitId)?.parent ?? null}
              onAdd={() => addUnits([h.unitId])}
              onChildren={() => setChildren(h.unitId)}
            />
          ))}
          {fresh.length > SHOWN && <li className="muted">… +{fresh.length - SHOWN}</li>}
        </ul>
      )}
      {children && (
        <ChildrenPicker parentUnitId={children} kind={kind || null} onDone={() => setChildren(null)} />
      )}
      <ul className="chips" aria-label={t('picker.selected')}>
        {units.map((u) => {
          const label = names.label(u);
          return (
            <li key={u} className="chip" data-unit-id={u}>
              {label}
              <button
                type="button"
                aria-label={t('control.remove', { name: label })}
                onClick={() => removeUnit(u)}
              >
                ×
              </button>
            </li>
          );
        })}
        {units.length > 0 && (
          <li>
            <button type="button" className="link-button" onClick={() => set({ units: [] })}>
              {t('control.clear')}
            </button>
          </li>
        )}
        {units.length === 0 && emptyHint && <li className="muted">{emptyHint}</li>}
      </ul>
    </div>
  );
});

function Hit({
  id,
  active,
  hit,
  label,
  parent,
  onAdd,
  onChildren,
}: {
  id: string;
  active: boolean;
  hit: UnitHit;
  label: string;
  parent: string | null;
  onAdd: () => void;
  onChildren: () => void;
}) {
  const { t, lang } = useI18n();
  const years = hit.years.length > 0 ? `${hit.years[0]}–${hit.years[hit.years.length - 1]}` : '';
  const where = parent ? t('picker.belongsTo', { parent }) : provinceName(lang, hit.province);
  return (
    <li className={active ? 'hit active' : 'hit'} id={id} aria-current={active ? 'true' : undefined}>
      <button
        type="button"
        className="hit-add"
        tabIndex={-1}
        onClick={onAdd}
        data-unit={hit.unit}
        data-unit-id={hit.unitId}
      >
        <strong>{label}</strong>{' '}
        <span className="muted">
          {[isOneOf(UNIT_KINDS, hit.unitKind) ? t(`unitKind.${hit.unitKind}`) : '', where, years]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </button>
      {hit.unitKind === 'government' && (
        <button type="button" className="link-button" data-testid="compare-children" onClick={onChildren}>
          {t('picker.compareChildren')}
        </button>
      )}
    </li>
  );
}
