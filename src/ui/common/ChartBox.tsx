import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';

/**
 * A full-width box that hands its measured width to a chart. recharts' ResponsiveContainer
 * measures in an effect, after the browser has painted an empty box, so the first chart took an
 * extra render and frame; measuring in a layout effect puts the chart in the first paint.
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
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.getBoundingClientRect().width));
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
