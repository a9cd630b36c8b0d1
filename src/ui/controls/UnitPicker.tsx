import { useEffect, useId, useState } from 'react';
import { REGION_LEVELS, type RegionLevel } from '../../domain/vocab';
import { useI18n } from '../../i18n';
import { provinceName } from '../../i18n/places';
import { type UnitHit, useDatasetStatus, useUnitSearch } from '../../queries';
import { MAX_UNITS, useUi } from '../../state';
import { Select } from './Select';
import { useDebounced } from './useDebounced';

const SHOWN = 12;

/** Adds every unit under `parentCode` once the search for them has answered, then reports done. */
function ParentAdder({ parentCode, onDone }: { parentCode: string; onDone: () => void }) {
  const addUnits = useUi((s) => s.addUnits);
  const { data } = useUnitSearch({ parentCode, limit: MAX_UNITS });
  useEffect(() => {
    if (!data) return;
    addUnits(data.map((h) => h.unit));
    onDone();
  }, [data, addUnits, onDone]);
  return null;
}

/**
 * Search units by Chinese name, pinyin or initials; add one, all matches of a province / level,
 * or every unit under a region; remove them again.
 */
export function UnitPicker({ emptyHint }: { emptyHint?: string }) {
  const { t, lang } = useI18n();
  const units = useUi((s) => s.units);
  const addUnits = useUi((s) => s.addUnits);
  const removeUnit = useUi((s) => s.removeUnit);
  const set = useUi((s) => s.set);
  const status = useDatasetStatus();
  const provinces = status.phase === 'ready' ? status.summary.provinces : [];
  const [text, setText] = useState('');
  const filter = useUi((s) => s.filter);
  const setFilter = useUi((s) => s.setFilter);
  const province = filter.province ?? '';
  const level = filter.level ?? '';
  const [parent, setParent] = useState<string | null>(null);
  const searchId = useId();
  const query = useDebounced(text.trim(), 150);
  const filtering = query !== '' || province !== '' || level !== '';
  const { data: hits } = useUnitSearch({
    text: query || undefined,
    province: province || null,
    level: level || null,
    limit: MAX_UNITS,
  });
  const fresh = (hits ?? []).filter((h) => !units.includes(h.unit));

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
            autoComplete="off"
            data-testid="unit-search"
            onChange={(e) => setText(e.target.value)}
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
        {filtering && fresh.length > 0 && (
          <button type="button" data-testid="add-all" onClick={() => addUnits(fresh.map((h) => h.unit))}>
            {t('picker.addAll', { n: fresh.length })}
          </button>
        )}
      </div>
      {filtering && (
        <ul className="hits" aria-label={t('picker.results')}>
          {fresh.length === 0 && <li className="muted">{t('picker.noResults')}</li>}
          {fresh.slice(0, SHOWN).map((h) => (
            <Hit key={h.unit} hit={h} onAdd={() => addUnits([h.unit])} onAddChildren={setParent} />
          ))}
          {fresh.length > SHOWN && <li className="muted">… +{fresh.length - SHOWN}</li>}
        </ul>
      )}
      {parent && <ParentAdder parentCode={parent} onDone={() => setParent(null)} />}
      <ul className="chips" aria-label={t('picker.selected')}>
        {units.map((u) => (
          <li key={u} className="chip">
            {u}
            <button type="button" aria-label={t('control.remove', { name: u })} onClick={() => removeUnit(u)}>
              ×
            </button>
          </li>
        ))}
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
}

function Hit({
  hit,
  onAdd,
  onAddChildren,
}: {
  hit: UnitHit;
  onAdd: () => void;
  onAddChildren: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const where = [provinceName(lang, hit.province), hit.prefecture, hit.county].filter(Boolean).join(' · ');
  const years = hit.years.length > 0 ? `${hit.years[0]}–${hit.years[hit.years.length - 1]}` : '';
  return (
    <li className="hit">
      <button type="button" className="hit-add" onClick={onAdd} data-unit={hit.unit}>
        <strong>{hit.unit}</strong>{' '}
        <span className="muted">{[where, years].filter(Boolean).join(' · ')}</span>
      </button>
      {hit.regionCode && hit.unitKind === 'government' && (
        <button type="button" className="link-button" onClick={() => onAddChildren(hit.regionCode!)}>
          {t('picker.addParent')}
        </button>
      )}
    </li>
  );
}
