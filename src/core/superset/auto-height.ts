/** Limits for `height="auto"`. */
export interface AutoHeightOptions {
  /** The height before the dashboard has reported one, and the least it is given. Default 480 px. */
  minHeight?: number;
  /** The most the frame grows to; taller dashboards scroll inside it. Default 4 000 px. */
  maxHeight?: number;
}

/** What to do after the dashboard reported its scroll height. */
export interface AutoHeightStep {
  /** The frame's new height in px. */
  height: number;
  /** The dashboard's content follows the frame's height; auto-height stopped growing (reported once). */
  loop: boolean;
  /** The dashboard is taller than `maxHeight` (reported once per crossing). */
  capped: boolean;
}

/**
 * Consecutive growths by the same amount, each right after the frame was resized, after which the content is
 * taken to follow the frame's height (`min-height: 100vh` plus a margin) rather than to be loading.
 */
const LOOP_STREAK = 3;
/** Sub-pixel rounding and scrollbars: differences this small are not changes. */
const TOLERANCE_PX = 2;

/**
 * Sizes an embedded dashboard's frame to its content without a feedback loop. A document's scroll height is
 * never less than its viewport, so a report at or below the frame's own height says nothing (the host set that
 * height): only growth is followed. Content that grows by the same amount every time the frame grows is
 * following the frame, so growth stops there; `maxHeight` caps it in any case.
 */
export function createAutoHeight(options: AutoHeightOptions = {}) {
  const minHeight = Math.max(0, options.minHeight ?? 480);
  const maxHeight = Math.max(minHeight, options.maxHeight ?? 4_000);
  let height = minHeight;
  let lastDelta: number | undefined;
  let streak = 0;
  let locked = false;
  let wasCapped = false;

  return {
    get height() {
      return height;
    },
    get locked() {
      return locked;
    },
    /** Reads the dashboard's reported scroll height (px) and returns the frame's height. */
    report(scrollHeight: number): AutoHeightStep {
      const step: AutoHeightStep = { height, loop: false, capped: false };
      if (!Number.isFinite(scrollHeight) || scrollHeight <= 0 || locked) return step;
      const delta = Math.ceil(scrollHeight) - height;
      if (delta <= TOLERANCE_PX) {
        // The content fits: its true height is hidden behind the viewport's, so nothing changes.
        lastDelta = undefined;
        streak = 0;
        return step;
      }
      streak = lastDelta !== undefined && Math.abs(delta - lastDelta) <= TOLERANCE_PX ? streak + 1 : 1;
      lastDelta = delta;
      if (streak >= LOOP_STREAK) {
        locked = true;
        return { height, loop: true, capped: false };
      }
      const next = Math.min(maxHeight, height + delta);
      const capped = height + delta > maxHeight;
      step.capped = capped && !wasCapped;
      wasCapped = capped;
      height = next;
      step.height = next;
      return step;
    },
    /**
     * The layout changed (the frame's width): the content may now be shorter, which a scroll height cannot
     * show while the frame is taller, so the frame drops to `minHeight` and follows growth afresh.
     */
    reset(): void {
      height = minHeight;
      wasCapped = false;
      locked = false;
      lastDelta = undefined;
      streak = 0;
    },
  };
}

export type AutoHeight = ReturnType<typeof createAutoHeight>;
