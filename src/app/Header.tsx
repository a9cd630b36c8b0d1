import { useI18n } from '../i18n';
import { useUi, VIEWS } from '../state';
import { CopyLinkButton } from '../ui/common/CopyLinkButton';

export function Header() {
  const { t } = useI18n();
  const view = useUi((s) => s.view);
  const lang = useUi((s) => s.lang);
  const showTable = useUi((s) => s.table);
  const set = useUi((s) => s.set);
  return (
    <header className="header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
      </div>
      <nav className="tabs" aria-label={t('nav.views')}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            className="tab"
            aria-current={v === view ? 'page' : undefined}
            data-view={v}
            onClick={() => set({ view: v })}
          >
            {t(`view.${v}`)}
          </button>
        ))}
      </nav>
      <div className="header-actions">
        <button type="button" aria-pressed={showTable} onClick={() => set({ table: !showTable })}>
          {showTable ? t('table.hide') : t('table.show')}
        </button>
        <CopyLinkButton />
        <button
          type="button"
          aria-label={t('lang.label')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => set({ lang: lang === 'zh' ? 'en' : 'zh' })}
        >
          {t('lang.switch')}
        </button>
      </div>
    </header>
  );
}
