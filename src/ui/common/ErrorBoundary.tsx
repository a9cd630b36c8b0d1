/**
 * One per view: a render error in a view (one bad value in imported data, a bug) shows a message
 * with a way back instead of unmounting the whole app to a white page. The header, the import
 * panel (where the offending import can be removed) and the other views keep working.
 */
import { Component, type ReactNode } from 'react';
import { type Lang, uiStore } from '../../state';

const TEXT = {
  zh: {
    title: '此视图无法显示',
    hint: '数据中可能有无法显示的值（例如某个导入的文件）。可以在上方的导入面板中删除该导入，或返回对比视图。',
    back: '返回对比视图',
    retry: '重试',
  },
  en: {
    title: 'This view cannot be shown',
    hint: 'The data may hold a value it cannot show (an imported file, for example). Remove that import in the import panel above, or go back to Compare.',
    back: 'Back to Compare',
    retry: 'Try again',
  },
} as const;

interface Props {
  lang: Lang;
  /** Which view this boundary guards (for tests and the message). */
  view: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error(`view ${this.props.view} failed:`, error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = TEXT[this.props.lang === 'en' ? 'en' : 'zh'];
    const reset = () => this.setState({ error: null });
    return (
      <section
        className="panel error-panel"
        role="alert"
        data-testid="view-error"
        data-view={this.props.view}
      >
        <h2>{t.title}</h2>
        <p>{t.hint}</p>
        <p className="muted">
          <code>{error.message.slice(0, 300)}</code>
        </p>
        <p>
          <button
            type="button"
            data-testid="view-error-back"
            onClick={() => {
              uiStore.getState().set({ view: 'compare', report: null });
              reset();
            }}
          >
            {t.back}
          </button>{' '}
          <button type="button" onClick={reset}>
            {t.retry}
          </button>
        </p>
      </section>
    );
  }
}
