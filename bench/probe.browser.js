// Injected into every page of the benchmark before the app's code (playwright addInitScript).
// Plain JS on purpose: it is sent as text and must not depend on a bundler's helpers.
// `window.__BENCH__` also tells src/db/handle.ts to expose its replay hook (see bench/README).
(() => {
  const state = {
    lastMutation: 0,
    lastWhat: '',
    lastPaint: 0,
    firstChart: null,
    db: null,
  };
  window.__BENCH__ = state;

  // The chart area of the current view shows something (a chart, a grid, or a "no data" note)
  // and nothing is loading. The first chart additionally needs real chart content.
  const CONTENT =
    '.recharts-wrapper svg, [data-testid="pivot-grid"], [data-testid="report-body"], [data-testid="coverage-matrix"]';
  function chartReady(needContent) {
    if (document.querySelector('[aria-busy="true"], .loading-panel, .chart-placeholder')) return false;
    const area = document.querySelector('[data-testid^="chart-"] .chart-area');
    if (!area || area.childElementCount === 0) return false;
    return !needContent || !!area.querySelector(CONTENT);
  }
  state.chartReady = chartReady;
  state.error = () => document.querySelector('.error-panel')?.textContent ?? null;

  // After a DOM change: the next animation frame, then a task after it (≈ the frame was painted).
  function afterPaint(cb) {
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  }
  // The element the last DOM change touched (tag, test id, class), for bench:ab's slowest list.
  const describe = (n) => {
    const el = n && n.nodeType === 1 ? n : n?.parentElement;
    if (!el) return '';
    const id = el.getAttribute('data-testid');
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
    return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${cls}`;
  };
  const observer = new MutationObserver((records) => {
    state.lastMutation = performance.now();
    const r = records[records.length - 1];
    state.lastWhat = `${r.type}${r.attributeName ? `:${r.attributeName}` : ''} ${describe(r.target)}`;
    afterPaint((t) => {
      state.lastPaint = Math.max(state.lastPaint, t);
      if (state.firstChart === null && chartReady(true)) state.firstChart = t;
    });
  });
  const start = () =>
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  if (document.documentElement) start();
  else document.addEventListener('readystatechange', start, { once: true });

  function setSelect(el, value) {
    const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
    setter.call(el, value);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** The value the next `select` interaction will choose: the option after the current one. */
  state.nextOption = (selector, prefer) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const values = [...el.options].filter((o) => !o.disabled).map((o) => o.value);
    if (prefer) for (const p of prefer) if (values.includes(p) && p !== el.value) return p;
    const i = values.indexOf(el.value);
    for (let k = 1; k <= values.length; k++) {
      const v = values[(i + k) % values.length];
      if (v !== el.value) return v;
    }
    return null;
  };

  /**
   * Perform one input and resolve with the ms from the input to the last painted DOM change
   * once the chart is ready and the page has been quiet for `quietMs` (busy charts never count
   * as ready, so a slow query is waited for). 0 DOM changes → { ms: 0, changed: false }.
   */
  state.act = (action, quietMs = 250, timeoutMs = 60000) =>
    new Promise((resolve, reject) => {
      const el = document.querySelector(action.selector);
      if (!el) return reject(new Error(`no element ${action.selector}`));
      const t0 = performance.now();
      state.actStart = t0;
      state.lastMutation = t0;
      state.lastPaint = t0;
      const mutationsBefore = t0;
      if (action.kind === 'select') setSelect(el, action.value);
      else el.click();
      // The page is looked at (two searches of its whole DOM) only once it has been quiet for
      // `quietMs`: searched every 16 ms, they took the main thread ~5–15 ms of each interaction
      // they measured. An error panel is a DOM change too, so it is seen at the quiet after it.
      const poll = () => {
        const now = performance.now();
        if (now - t0 > timeoutMs) return reject(new Error(`timeout after ${action.selector}`));
        if (now - state.lastMutation >= quietMs && state.lastPaint >= state.lastMutation) {
          const err = state.error();
          if (err) return reject(new Error(`error panel: ${err.slice(0, 300)}`));
          if (chartReady()) {
            const changed = state.lastMutation > mutationsBefore;
            return resolve({
              ms: changed ? state.lastPaint - t0 : 0,
              changed,
              last: changed ? state.lastWhat : '',
            });
          }
        }
        setTimeout(poll, 16);
      };
      setTimeout(poll, 16);
    });
})();
