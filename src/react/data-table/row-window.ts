import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useCallback, useEffect } from 'react';

/** What the window of rendered rows depends on. Every row is `rowHeight` px tall: rows do not wrap. */
export interface RowWindowOptions {
  /** Rows in the table. */
  count: number;
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  /** Space inside the scroll viewport before the first row (the sticky header) and after the last (the totals). */
  before: number;
  after: number;
  /** The viewport's height until it is measured: the grid's maximum height, so enough rows render at first. */
  initialHeight: number;
  /** A row that stays rendered wherever the viewport is (the one with the grid's tab stop); -1 for none. */
  keep: number;
}

export interface RowWindow {
  /** Indices of the rows to render, ascending. */
  rows: number[];
  /**
   * Scrolls row `index` into view: to the top of the viewport (`start`, below the sticky header), or
   * (`auto`) only as far as needed, and not at all when it is in view.
   */
  scrollToRow(index: number, align: 'start' | 'auto'): void;
}

/**
 * The rows of the scroll element `scroller` to render, from TanStack Virtual: the rows in view,
 * `overscan` more on each side, and the `keep` row wherever it is (so the grid keeps its tab stop and
 * focus while scrolled away). The first render uses `initialHeight` instead of reading layout.
 */
export function useRowWindow(scroller: RefObject<HTMLElement | null>, options: RowWindowOptions): RowWindow {
  const { count, rowHeight, overscan, before, after, initialHeight, keep } = options;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range);
      const first = rows[0] ?? 0;
      const last = rows[rows.length - 1] ?? -1;
      if (keep >= 0 && keep < range.count && (keep < first || keep > last)) {
        return keep < first ? [keep, ...rows] : [...rows, keep];
      }
      return rows;
    },
    [keep],
  );
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    paddingStart: before,
    paddingEnd: after,
    scrollPaddingStart: before,
    scrollPaddingEnd: after,
    initialRect: { width: 0, height: initialHeight },
    rangeExtractor,
  });
  useEffect(() => {
    if (rowHeight > 0) virtualizer.measure();
  }, [virtualizer, rowHeight]);
  const scrollToRow = useCallback(
    (index: number, align: 'start' | 'auto') => virtualizer.scrollToIndex(index, { align }),
    [virtualizer],
  );
  return { rows: virtualizer.getVirtualIndexes(), scrollToRow };
}
