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
    const measure = () => {
      lastWidth = Math.floor(el.getBoundingClientRect().width);
      setWidth(lastWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} style={{ width: '100%', height }}>
      {width > 0 ? children(width) : null}
    </div>
  );
}
