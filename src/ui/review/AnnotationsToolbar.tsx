import { useRef, useState } from 'react';
import { exportAnnotations, importAnnotations, useAnnotations } from '../../annotations/store';
import { useI18n } from '../../i18n';
import { importUserState, withUserState } from '../../import/user-state-file';
import { downloadBlob } from '../export/download';

/** Export the reviews and corrections of this browser as a small JSON file, or merge one in. */
export function AnnotationsToolbar() {
  const { t, num } = useI18n();
  const { reviews, corrections } = useAnnotations();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const r = await importAnnotations(text);
    // The merges and the roster only from a file that is an annotations file.
    const extra = r.ok ? await importUserState(text) : null;
    setMessage(
      [
        r.ok
          ? t('annotations.imported', { n: num(r.added), file: file.name })
          : t('annotations.refused', { file: file.name, reason: r.reason }),
        ...(extra
          ? [
              t('annotations.importedMerges', {
                n: num(extra.merges.added),
                refused: num(extra.merges.refused.length),
              }),
              ...extra.merges.refused.map((x) =>
                t('annotations.refusedMerge', {
                  from: x.merge.fromName,
                  into: x.merge.intoName,
                  why: t(`merge.why.${x.refusal.code}`),
                }),
              ),
              ...(extra.roster ? [t('annotations.importedRoster')] : []),
              ...(extra.problem ? [extra.problem] : []),
            ]
          : []),
      ].join(' '),
    );
    if (input.current) input.current.value = '';
  };
  return (
    <div className="picker-row" data-testid="annotations-toolbar">
      <span className="muted" data-testid="annotations-summary">
        {t('annotations.summary', { reviews: num(reviews.length), corrections: num(corrections.length) })}
      </span>
      <button
        type="button"
        data-testid="annotations-export"
        onClick={async () =>
          downloadBlob(
            new Blob([await withUserState(exportAnnotations())], { type: 'application/json' }),
            'annotations.json',
          )
        }
      >
        {t('annotations.export')}
      </button>
      <label className="button-like">
        {t('annotations.import')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          data-testid="annotations-import"
          className="visually-hidden"
          onChange={(e) => onFile(e.target.files?.[0])}
        />
      </label>
      {message && <span role="status">{message}</span>}
    </div>
  );
}
