import { useState } from 'react';
import { useI18n } from '../../i18n';
import { linkOf, uiStore } from '../../state';

/** Copies the link to the whole UI state (the address bar's, even before the bar has taken a change). */
export function CopyLinkButton() {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(linkOf(uiStore.getState(), window.location));
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2500);
  };
  return (
    <button type="button" onClick={copy} data-testid="copy-link" aria-live="polite">
      {state === 'copied' ? t('link.copied') : state === 'failed' ? t('link.copyFailed') : t('link.copy')}
    </button>
  );
}
