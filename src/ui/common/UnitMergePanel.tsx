import { useState } from 'react';
import { type MergeRefusal, mergesToAliases } from '../../domain/units/merges';
import { useI18n } from '../../i18n';
import { mergeUnits, undoMerge } from '../../import/unit-merges';
import { useUi } from '../../state';
import { Select } from '../controls/Select';
import { UnitPicker } from '../controls/UnitPicker';
import { downloadBlob } from '../export/download';
import { useUnitLabels } from './useUnitLabels';
import { useUnitMerges } from './useUnitMerges';

/**
 * Merge two of the chosen units into one (a renamed body, two spellings), and the list of merges
 * made in this browser with an undo for each. A refusal says why in the UI language. `picker`:
 * the panel shows the unit picker itself (a view without one).
 */
export function UnitMergePanel({ picker = false }: { picker?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const names = useUnitLabels();
  const chosen = useUi((s) => s.units);
  const { list, conflicts, error } = useUnitMerges();
  const [pick, setPick] = useState<{ from: string; into: string }>({ from: '', into: '' });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = chosen.includes(pick.from) ? pick.from : (chosen[1] ?? '');
  const into =
    chosen.includes(pick.into) && pick.into !== from ? pick.into : (chosen.find((u) => u !== from) ?? '');
  const label = (u: string) => names.label(u);
  const government = (u: string) => {
    const parent = names.info(u)?.parentUnitId;
    return parent ? names.label(parent) : t('merge.noGov');
  };
  const refusalText = (r: MergeRefusal): string => {
    const vars = { from: label(from), into: label(into) };
    if (r.code === 'years')
      return t('merge.refused.years', { ...vars, years: i18n.list(r.years.map(String)) });
    if (r.code === 'parent')
      return t('merge.refused.parent', { ...vars, fromGov: government(from), intoGov: government(into) });
    return t(`merge.refused.${r.code}`);
  };
  const merge = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const refusal = await mergeUnits(
        { unitId: from, name: label(from) },
        { unitId: into, name: label(into) },
      );
      setMessage(refusal ? refusalText(refusal) : t('merge.done', { from: label(from), into: label(into) }));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="merge-units" data-testid="unit-merges" open={list.length > 0 || undefined}>
      <summary>{t('merge.title')}</summary>
      <p className="muted small">{t('merge.help')}</p>
      {/* Where the view has no unit picker of its own (Coverage), the panel brings one. */}
      {picker && <UnitPicker />}
      {chosen.length < 2 ? (
        <p className="muted small">{t('merge.pickTwo')}</p>
      ) : (
        <div className="picker-row">
          <Select
            label={t('merge.from')}
            value={from}
            onChange={(v) => setPick({ from: v, into })}
            testId="merge-from"
          >
            {chosen.map((u) => (
              <option key={u} value={u}>
                {label(u)}
              </option>
            ))}
          </Select>
          <Select
            label={t('merge.into')}
            value={into}
            onChange={(v) => setPick({ from, into: v })}
            testId="merge-into"
          >
            {chosen
              .filter((u) => u !== from)
              .map((u) => (
                <option key={u} value={u}>
                  {label(u)}
                </option>
              ))}
          </Select>
          <button type="button" onClick={merge} disabled={busy || !from || !into} data-testid="merge-go">
            {t('merge.action')}
          </button>
        </div>
      )}
      {message && (
        <p role="status" data-testid="merge-message">
          {message}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {conflicts.map((c) => (
        <p role="alert" key={`${c.unitId}|${c.year}`} data-testid="merge-conflict">
          {t('merge.conflict', { unit: label(c.unitId), year: c.year, n: c.reports })}
        </p>
      ))}
      {list.length > 0 && (
        <>
          <h4>{t('merge.list', { n: list.length })}</h4>
          <ul data-testid="merge-list">
            {list.map((m) => (
              <li key={m.from}>
                {t('merge.entry', { from: m.fromName, into: m.intoName, date: m.date.slice(0, 10) })}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('merge.undoLabel', { from: m.fromName, into: m.intoName })}
                  data-testid="merge-undo"
                  onClick={() => void undoMerge(m.from)}
                >
                  {t('merge.undo')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="link-button"
            data-testid="merge-aliases"
            onClick={() =>
              downloadBlob(
                new Blob([mergesToAliases(list)], { type: 'text/tab-separated-values' }),
                'aliases.tsv',
              )
            }
          >
            {t('merge.aliases')}
          </button>
        </>
      )}
    </details>
  );
}
