import { useI18n } from '../../i18n';
import { localiseReason } from '../../i18n/reasons';
import { useUi } from '../../state';

/** Lists the URL parameters the codec ignored; React escapes the echoed values. */
export function NoticeBanner() {
  const { t, lang } = useI18n();
  const notices = useUi((s) => s.notices);
  const dismiss = useUi((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <section className="banner notice-banner" role="status" aria-live="polite" data-testid="url-notices">
      <p>{t('notice.title')}</p>
      <ul>
        {notices.slice(0, 12).map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notices have no identity and never reorder
          <li key={i}>
            <code>{n.param}</code>
            {n.value !== '' && (
              <>
                {' = '}
                <code>{n.value}</code>
              </>
            )}{' '}
            — {localiseReason(lang, n.reason)}
          </li>
        ))}
        {notices.length > 12 && <li>… +{notices.length - 12}</li>}
      </ul>
      <button type="button" onClick={dismiss}>
        {t('notice.dismiss')}
      </button>
    </section>
  );
}
