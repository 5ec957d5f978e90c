/*
 * The page's one queue of chart work that can wait for a frame: resizing a chart to its container and switching
 * its theme, each with its repaint. Every chart on the page shares one ResizeObserver, one IntersectionObserver and
 * one animation frame callback, which runs the waiting work under a time budget, charts on screen first:
 *
 * - A chart does its work at most once a frame, so a drag that resizes a dashboard resizes each chart at most once
 *   a frame, at the size its container has then; a chart whose size did not really change is not resized.
 * - While sizes are changing (a drag), a frame takes charts for `STORM_BUDGET_MS`, so the drag stays smooth; charts
 *   left over wait for the next frames, ahead of charts that asked later. Once sizes are still, and for a theme
 *   switch, a frame takes charts for up to `BUDGET_MS`, so that with the browser's painting it stays under the 50 ms
 *   of a long task: twenty charts switching theme take several frames instead of one long task. A frame stops before a chart that would likely overrun it (judged by
 *   the slowest chart of the frame so far); the first chart always runs, so work never stalls.
 * - When the page has been quiet for `SETTLE_MS`, every chart resized during the storm is checked once more against
 *   its container, so none is left at a stale size.
 *
 * DOM only (no React). Where there is no animation frame (the server, some test environments) work runs at once.
 */

/**
 * Work a frame does at most, in milliseconds, when no size is changing. The browser then rasterises what the charts
 * drew (canvas drawing is deferred to the end of the frame), which took about as long again in Chromium: twice this
 * stays under the 50 ms of a long task.
 */
export const BUDGET_MS = 20;
/** Work a frame does at most while sizes change (a drag), so that the page keeps its frame rate. */
export const STORM_BUDGET_MS = 6;
/** A size change within this long means a drag is still going on. */
const STORM_MS = 100;
/** Quiet time after the last size change before the settle check. */
export const SETTLE_MS = 150;

/** One chart's place in the queue. */
export interface ChartFrame {
  /** Queues `work` under `key` (`'theme'`): queued again before it ran, only the newest runs. */
  queue(key: string, work: () => void): void;
  /** Leaves the queue: nothing more runs for this chart. */
  remove(): void;
}

interface Slot {
  readonly element: Element;
  /** Resizes the chart when its container's size differs from the chart's; true when it did. */
  readonly fit: () => boolean;
  visible: boolean;
  /** Its first size report, sent when it is first observed, has arrived. */
  observed: boolean;
  readonly work: Map<string, () => void>;
}

const slots = new Map<Element, Slot>();
/** Slots with work waiting, in the order they asked (a slot that ran and asks again goes to the back). */
const waiting = new Set<Slot>();
/** Slots resized since the page was last quiet: checked once more when it settles. */
const resized = new Set<Slot>();
let frame = 0;
let lastSizeChange = Number.NEGATIVE_INFINITY;
let settleTimer: ReturnType<typeof setTimeout> | undefined;
let sizes: ResizeObserver | undefined;
let views: IntersectionObserver | undefined;

const FIT = 'size';

function hasFrames(): boolean {
  return typeof requestAnimationFrame === 'function';
}

/** Work that throws does not stop the other charts' work; the error is reported as uncaught. */
function runSafely(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (typeof reportError === 'function') {
      reportError(error);
    } else {
      setTimeout(() => {
        throw error;
      });
    }
  }
}

function runFrame(): void {
  frame = 0;
  const started = performance.now();
  const budget = started - lastSizeChange < STORM_MS ? STORM_BUDGET_MS : BUDGET_MS;
  // On screen first; otherwise in the order they asked (Array.prototype.sort is stable).
  const order = [...waiting].sort((a, b) => Number(b.visible) - Number(a.visible));
  let slowest = 0;
  let elapsed = 0;
  for (const slot of order) {
    // A chart whose work unmounted another one: that one has left the queue.
    if (!waiting.has(slot)) continue;
    if (elapsed > 0 && elapsed + slowest > budget) break;
    waiting.delete(slot);
    const work = [...slot.work.values()];
    slot.work.clear();
    const before = performance.now();
    for (const item of work) runSafely(item);
    const now = performance.now();
    slowest = Math.max(slowest, now - before);
    elapsed = Math.max(now - started, Number.MIN_VALUE);
  }
  // (Work that queued more work has asked for the next frame already.)
  if (waiting.size > 0 && !frame) frame = requestAnimationFrame(runFrame);
}

function enqueue(slot: Slot, key: string, work: () => void): void {
  slot.work.set(key, work);
  if (!hasFrames()) {
    slot.work.delete(key);
    runSafely(work);
    return;
  }
  waiting.add(slot);
  if (!frame) frame = requestAnimationFrame(runFrame);
}

function fitLater(slot: Slot): void {
  enqueue(slot, FIT, () => {
    if (slot.fit()) resized.add(slot);
  });
}

/** After the last size change has been quiet for SETTLE_MS: every chart resized in the storm is checked again. */
function settleLater(): void {
  clearTimeout(settleTimer);
  settleTimer = setTimeout(() => {
    settleTimer = undefined;
    const storm = [...resized];
    resized.clear();
    for (const slot of storm) {
      if (slots.get(slot.element) === slot) enqueue(slot, FIT, slot.fit);
    }
  }, SETTLE_MS);
}

function observers(): { sizes?: ResizeObserver; views?: IntersectionObserver } {
  if (!sizes && typeof ResizeObserver === 'function') {
    sizes = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const slot = slots.get(entry.target);
        if (!slot) continue;
        fitLater(slot);
        // Observing an element reports its size once: that is a chart arriving, not a size changing.
        changed ||= slot.observed;
        slot.observed = true;
      }
      if (!changed) return;
      lastSizeChange = performance.now();
      settleLater();
    });
  }
  if (!views && typeof IntersectionObserver === 'function') {
    views = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const slot = slots.get(entry.target);
        if (slot) slot.visible = entry.isIntersecting;
      }
    });
  }
  return { sizes, views };
}

/**
 * Puts a chart in the page's queue: `fit` resizes it when its container's size differs from its own and says
 * whether it did. Its container's size changes are followed from now on.
 */
export function trackChart(element: Element, fit: () => boolean): ChartFrame {
  const slot: Slot = { element, fit, visible: true, observed: false, work: new Map() };
  const before = slots.get(element);
  if (before) untrack(before);
  slots.set(element, slot);
  const { sizes: sizeObserver, views: viewObserver } = observers();
  sizeObserver?.observe(element);
  viewObserver?.observe(element);
  return {
    queue: (key, work) => {
      if (slots.get(element) === slot) enqueue(slot, key, work);
    },
    remove: () => untrack(slot),
  };
}

function untrack(slot: Slot): void {
  if (slots.get(slot.element) !== slot) return;
  slots.delete(slot.element);
  waiting.delete(slot);
  resized.delete(slot);
  slot.work.clear();
  sizes?.unobserve(slot.element);
  views?.unobserve(slot.element);
  if (slots.size === 0) {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(settleTimer);
    settleTimer = undefined;
  }
}
