import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/** The width the last chart box measured: every view's chart area is the page's width. */
let lastWidth = 0;

/**
 * A full-width box that hands its measured width to a chart. recharts' ResponsiveContainer
 * measures in an effect, after the browser has painted an empty box, so the first chart took an
 * extra render and frame; measuring in a layout effect puts the chart in the first paint. A box
 * starts at the width the previous one measured, so a chart mounted for a new view or answer
 * is drawn once, not empty first and again once measured (issue 12); the measure corrects it.
 */
export function ChartBox({
  height,
  children,
}: {
  /** Fixed height; none = as tall as the content. */
  height?: number;
  children: (width: number) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(lastWidth);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (w: number) => {
      lastWidth = Math.floor(w);
      setWidth(lastWidth);
    };
    // Measured here only when no box has been yet (or without a ResizeObserver): reading a size
    // in a layout effect makes the browser lay out the whole new view at once, mid-commit, and
    // again for the paint (~30 ms of opening Trends on the synthetic set). Otherwise the
    // observer's first report, after the frame's own layout and before its paint, corrects
    // the width the box started with.
    if (lastWidth === 0 || typeof ResizeObserver === 'undefined') measure(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1];
      if (box) measure(box.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} style={{ width: '100%', height }}>
      {width > 0 ? children(width) : null}
    </div>
  );
}
