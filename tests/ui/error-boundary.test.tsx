/**
 * Issue 14.4: a view that throws while rendering shows a message with a way back, not a white
 * page (the boundary's fallback, rendered as React would after catching).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { uiStore } from '../../src/state';
import { ErrorBoundary } from '../../src/ui/common/ErrorBoundary';

function caught(lang: 'zh' | 'en', error: Error) {
  const boundary = new ErrorBoundary({ lang, view: 'report', children: null });
  boundary.state = { ...boundary.state, ...ErrorBoundary.getDerivedStateFromError(error) };
  return boundary;
}

describe(ErrorBoundary, () => {
  it('renders its children while nothing failed', () => {
    const html = renderToStaticMarkup(
      <ErrorBoundary lang="zh" view="compare">
        <p>chart</p>
      </ErrorBoundary>,
    );
    expect(html).toBe('<p>chart</p>');
  });

  it('after a render error: the message in the UI language, the error, and a way back', () => {
    const zh = renderToStaticMarkup(
      caught('zh', new TypeError("Cannot read properties of undefined (reading 'map')")).render() as never,
    );
    expect(zh).toContain('此视图无法显示');
    expect(zh).toContain('返回对比视图');
    expect(zh).toContain('reading &#x27;map&#x27;');
    const en = renderToStaticMarkup(caught('en', new Error('x')).render() as never);
    expect(en).toContain('This view cannot be shown');
  });

  it('the way back goes to Compare and drops the report', () => {
    uiStore.getState().set({ view: 'report', report: 'abc' });
    const b = caught('zh', new Error('x'));
    b.setState = () => undefined;
    const html = renderToStaticMarkup(b.render() as never);
    expect(html).toContain('data-testid="view-error-back"');
    // Press it: find the button element in the tree and call its handler.
    const find = (node: unknown): { props: { onClick: () => void } } | null => {
      if (!node || typeof node !== 'object') return null;
      const el = node as { props?: { 'data-testid'?: string; children?: unknown } };
      if (el.props?.['data-testid'] === 'view-error-back') return el as never;
      const kids = el.props?.children;
      for (const k of Array.isArray(kids) ? kids : [kids]) {
        const hit = find(k);
        if (hit) return hit;
      }
      return null;
    };
    find(b.render())!.props.onClick();
    expect(uiStore.getState().view).toBe('compare');
    expect(uiStore.getState().report).toBeNull();
  });
});
