import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { type ExpectedUnit, rosterUnits } from '../../../dataset/roster-units';
import { governmentId } from '../../../domain/units/identity';
import { mergedId } from '../../../domain/units/merges';
import { MAX_ROSTER_CHARS, parseRoster, type Roster, type RosterSetup } from '../../../domain/units/roster';
import { useI18n } from '../../../i18n';
import { ensureRosterLoaded, getRoster, setRoster, subscribeRoster } from '../../../import/user-state';
import { lowerRegionsQuery } from '../../../queries';
import { useUnitLabels } from '../../common/useUnitLabels';
import { useUnitMerges } from '../../common/useUnitMerges';
import { Select } from '../../controls/Select';

/** One collator for thousands of labels (`localeCompare` with a locale builds one per call). */
const ZH = new Intl.Collator('zh-Hans-CN');

/** Largest roster file read (a list of names; anything bigger is not one). */
const MAX_FILE = MAX_ROSTER_CHARS;

/** The roster set up in this browser, kept with the imports (src/import/user-state.ts). */
export function useRosterSetup(): [RosterSetup, (r: RosterSetup) => void] {
  void ensureRosterLoaded();
  const setup = useSyncExternalStore(subscribeRoster, getRoster, getRoster);
  // A save that fails leaves the roster for this page (the import panel reports storage errors).
  return [setup, (r) => void setRoster(r).catch(() => undefined)];
}

/** The expected units of a setup: the roster's names under the government, and its lower governments. */
export function useExpectedUnits(setup: RosterSetup): { expected: ExpectedUnit[]; roster: Roster } {
  const names = useUnitLabels();
  const { resolved } = useUnitMerges();
  const gov = names.info(mergedId(resolved, setup.government));
  const lower = useQuery(lowerRegionsQuery(setup.lower && gov?.regionCode ? gov.regionCode : null));
  return useMemo(() => {
    const roster = parseRoster(setup.text);
    if (!gov) return { expected: [], roster };
    const fromRoster = rosterUnits(roster.names, gov);
    const fromTree = (lower.data ?? []).map((r) => ({ unitId: governmentId(r.code), name: r.name }));
    const seen = new Set<string>();
    // A name on the roster of a unit merged since stands for the unit it joined.
    const expected = [...fromTree, ...fromRoster]
      .map((e) => ({ ...e, unitId: mergedId(resolved, e.unitId) }))
      .filter((e) => !seen.has(e.unitId) && seen.add(e.unitId));
    return { expected, roster };
  }, [setup.text, gov, lower.data, resolved]);
}

/**
 * Pick a government, then say which bodies it should have report: its lower governments (GB/T
 * 2260) and a roster of its departments and 片区 (CSV/TXT file or pasted, one name a line).
 */
export function RosterPanel({
  setup,
  onChange,
  roster,
}: {
  setup: RosterSetup;
  onChange: (r: RosterSetup) => void;
  roster: Roster;
}) {
  const { t } = useI18n();
  const names = useUnitLabels();
  const textId = useId();
  // Open while a government is chosen, until the user closes it (the roster loads after mount).
  const [opened, setOpened] = useState<boolean | null>(null);
  const open = opened ?? setup.government !== '';
  // Thousands of governments at nationwide scale: their options are built when the panel is
  // opened, not with every Quality view (they were most of its first render, issue 12).
  const listed = open || setup.government !== '';
  const governments = useMemo(
    () =>
      listed
        ? names.all
            .filter((u) => u.kind === 'government' && u.regionCode)
            .map((u) => ({ id: u.unitId, label: names.label(u.unitId, u.unit) }))
            .sort((a, b) => ZH.compare(a.label, b.label))
        : [],
    [names, listed],
  );
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = file.size > MAX_FILE ? '' : await file.text();
    onChange({ ...setup, text });
  };
  return (
    <details
      className="roster"
      data-testid="roster"
      open={open}
      onToggle={(e) => setOpened(e.currentTarget.open)}
    >
      <summary>{t('roster.title')}</summary>
      <div className="picker-row">
        <Select
          label={t('roster.government')}
          value={setup.government}
          onChange={(v) => onChange({ ...setup, government: v })}
          testId="roster-government"
        >
          <option value="">{t('control.none')}</option>
          {governments.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </Select>
        <label className="field">
          <input
            type="checkbox"
            checked={setup.lower}
            data-testid="roster-lower"
            onChange={(e) => onChange({ ...setup, lower: e.target.checked })}
          />{' '}
          {t('roster.lower')}
        </label>
        <label className="field">
          {t('roster.file')}{' '}
          <input
            type="file"
            accept=".csv,.txt,text/plain,text/csv"
            data-testid="roster-file"
            onChange={onFile}
          />
        </label>
      </div>
      <label htmlFor={textId} className="field-label">
        {t('roster.paste')}
      </label>
      <textarea
        id={textId}
        rows={4}
        value={setup.text}
        data-testid="roster-text"
        onChange={(e) => onChange({ ...setup, text: e.target.value.slice(0, MAX_FILE) })}
      />
      <p className="muted" data-testid="roster-summary">
        {t('roster.summary', { n: roster.names.length, bad: roster.problems.length })}
      </p>
      {roster.problems.length > 0 && (
        <ul className="roster-problems" data-testid="roster-problems">
          {roster.problems.slice(0, 20).map((p) => (
            <li key={p.line}>
              {t('roster.badLine', { line: p.line, text: p.text, why: t(`roster.${p.code}`) })}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
