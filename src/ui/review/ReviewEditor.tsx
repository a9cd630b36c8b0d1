import { useState } from 'react';
import { removeReview, setReview, useAnnotations } from '../../annotations/store';
import { REVIEW_STATUSES, type ReviewStatus, reviewKey } from '../../domain/annotations';
import { useI18n } from '../../i18n';

type Choice = ReviewStatus | 'open';

/**
 * The review of one failed check: open, confirmed error in the report, or dismissed as a parser
 * or reading issue, with a note. Saved in this browser (src/annotations) as soon as it is saved.
 */
export function ReviewEditor({
  reportId,
  rule,
  location,
}: {
  reportId: string;
  rule: string;
  location: string;
}) {
  const { t } = useI18n();
  const { reviews } = useAnnotations();
  const key = reviewKey({ reportId, rule, location });
  const current = reviews.find((r) => reviewKey(r) === key);
  const [draft, setDraft] = useState<{ status: Choice; note: string } | null>(null);
  const status: Choice = draft?.status ?? current?.status ?? 'open';
  const note = draft?.note ?? current?.note ?? '';
  const save = async () => {
    if (status === 'open') await removeReview({ reportId, rule, location });
    else await setReview({ reportId, rule, location, status, note, date: new Date().toISOString() });
    setDraft(null);
  };
  return (
    <div className="review-editor" data-testid="review-editor" data-status={current?.status ?? 'open'}>
      <select
        aria-label={t('review.edit', { rule })}
        value={status}
        onChange={(e) => setDraft({ status: e.target.value as Choice, note })}
      >
        <option value="open">{t('review.open')}</option>
        {REVIEW_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`review.${s}`)}
          </option>
        ))}
      </select>
      {status !== 'open' && (
        <input
          type="text"
          aria-label={t('review.note')}
          placeholder={t('review.note')}
          value={note}
          maxLength={2000}
          onChange={(e) => setDraft({ status, note: e.target.value })}
        />
      )}
      {draft && (
        <button type="button" onClick={save}>
          {t('review.save')}
        </button>
      )}
      {!draft && current?.note && <span className="muted review-note">{current.note}</span>}
    </div>
  );
}
