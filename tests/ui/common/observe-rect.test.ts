/**
 * The grids' size observer reads no size when it starts (that read forced a layout mid-commit),
 * only in the ResizeObserver's reports, after the frame's layout.
 */
import type { Virtualizer } from '@tanstack/react-virtual';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeRectAfterLayout } from '../../../src/ui/common/observe-rect';

afterEach(() => vi.unstubAllGlobals());

describe('observeRectAfterLayout', () => {
  it('reports the scroller’s size only when the ResizeObserver does, and stops with it', () => {
    const reads: string[] = [];
    const element = {
      get clientWidth() {
        reads.push('width');
        return 800.4;
      },
      get clientHeight() {
        reads.push('height');
        return 540.6;
      },
    } as unknown as Element;
    let report: (() => void) | null = null;
    let disconnected = false;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: () => void) {
          report = cb;
        }
        observe() {}
        disconnect() {
          disconnected = true;
        }
      },
    );
    const sizes: { width: number; height: number }[] = [];
    const stop = observeRectAfterLayout({ scrollElement: element } as Virtualizer<Element, Element>, (r) =>
      sizes.push(r),
    );
    expect(reads).toEqual([]);
    expect(sizes).toEqual([]);
    report!();
    expect(sizes).toEqual([{ width: 800, height: 541 }]);
    stop?.();
    expect(disconnected).toBe(true);
  });
});
