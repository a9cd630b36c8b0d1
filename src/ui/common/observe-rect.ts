import { observeElementRect, type Rect, type Virtualizer } from '@tanstack/react-virtual';

/**
 * The virtualizer's `observeElementRect` without its first, synchronous size read: that read
 * (clientWidth/clientHeight, in a layout effect) made the browser lay out the whole new view in
 * the middle of React's commit, and again for the frame: 16 ms of opening Quality on the
 * synthetic set (issue 12). The grids start from their `initialRect` (their scroller's CSS
 * height), and the ResizeObserver's first report, after the frame's own layout and before its
 * paint, corrects it, as ChartBox does for the charts. Without a ResizeObserver, the library's own.
 */
export function observeRectAfterLayout<T extends Element>(
  instance: Virtualizer<T, Element>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element || typeof ResizeObserver === 'undefined') return observeElementRect(instance, cb);
  // Read in the observer's callback, where layout is already done: no extra layout.
  const observer = new ResizeObserver(() =>
    cb({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) }),
  );
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}
