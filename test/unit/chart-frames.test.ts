import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * The page's frame queue for chart work (src/react/chart/frames.ts), with the browser's frames, clock and observers
 * played by the test: what runs in which frame, in what order, and what is left for later.
 */

type Frames = typeof import('../../src/react/chart/frames');

let frames: Frames;
let callbacks: FrameRequestCallback[] = [];
let now = 0;
let resizeCallback: ResizeObserverCallback = () => {};
let viewCallback: IntersectionObserverCallback = () => {};

/** Runs the animation frame callbacks waiting now (one frame). */
function frame(): void {
  const due = callbacks;
  callbacks = [];
  for (const callback of due) callback(now);
}

const element = (name: string) => ({ name }) as unknown as Element;

beforeEach(async () => {
  callbacks = [];
  now = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {
    callbacks = [];
  });
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: ResizeObserverCallback) {
        resizeCallback = callback;
      }
      observe() {}
      unobserve() {}
    },
  );
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: IntersectionObserverCallback) {
        viewCallback = callback;
      }
      observe() {}
      unobserve() {}
    },
  );
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.resetModules();
  frames = await import('../../src/react/chart/frames');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const resized = (...targets: Element[]) =>
  resizeCallback(
    targets.map((target) => ({ target }) as ResizeObserverEntry),
    {} as ResizeObserver,
  );
const shown = (target: Element, isIntersecting: boolean) =>
  viewCallback([{ target, isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);

describe('the frame queue for chart work', () => {
  it('fits a chart once a frame however many size changes it had, and again when the page settles', () => {
    const fit = vi.fn(() => true);
    const a = element('a');
    frames.trackChart(a, fit);
    for (let i = 0; i < 10; i++) resized(a);
    expect(fit).not.toHaveBeenCalled();
    frame();
    expect(fit).toHaveBeenCalledTimes(1);
    resized(a);
    resized(a);
    frame();
    expect(fit).toHaveBeenCalledTimes(2);
    frame();
    expect(fit).toHaveBeenCalledTimes(2);
    // Quiet for the settle time: the chart resized in the storm is checked once more against its container.
    vi.advanceTimersByTime(frames.SETTLE_MS);
    frame();
    expect(fit).toHaveBeenCalledTimes(3);
  });

  it('leaves the charts past the frame budget to the next frames, charts on screen first, each exactly once', () => {
    const order: string[] = [];
    const names = ['a', 'b', 'c', 'd', 'e'];
    const queues = names.map((name) => {
      const el = element(name);
      return { el, queue: frames.trackChart(el, () => false) };
    });
    shown(queues[0]?.el as Element, false);
    shown(queues[1]?.el as Element, false);
    for (const [i, { queue }] of queues.entries()) {
      queue.queue('theme', () => {
        order.push(names[i] as string);
        now += 8; // two fit in a frame's budget (20 ms), three do not
      });
    }
    frame();
    expect(order).toEqual(['c', 'd']);
    frame();
    expect(order).toEqual(['c', 'd', 'e', 'a']);
    frame();
    expect(order).toEqual(['c', 'd', 'e', 'a', 'b']);
    frame();
    expect(callbacks).toHaveLength(0);
  });

  it('takes fewer charts a frame while sizes change (a drag), and the full budget once they are still', () => {
    const fitted: string[] = [];
    const charts = ['a', 'b', 'c', 'd'].map((name) => {
      const el = element(name);
      frames.trackChart(el, () => {
        fitted.push(name);
        now += 4;
        return true;
      });
      return el;
    });
    resized(...charts); // each chart's first report, when it is observed
    frame();
    fitted.length = 0;
    resized(...charts); // a size change
    frame();
    // 4 ms a chart: a second would overrun the drag's budget.
    expect(fitted).toEqual(['a']);
    now += 200; // still for longer than a drag's frames
    frame();
    expect(fitted).toEqual(['a', 'b', 'c', 'd']);
  });

  it("takes a chart's first size report, sent when it is observed, for an arrival and not a drag", () => {
    const fitted: string[] = [];
    const charts = ['a', 'b', 'c'].map((name) => {
      const el = element(name);
      frames.trackChart(el, () => {
        fitted.push(name);
        now += 4;
        return false;
      });
      return el;
    });
    resized(...charts);
    frame();
    expect(fitted).toEqual(['a', 'b', 'c']);
    // Nothing changed size: no settle check follows.
    vi.advanceTimersByTime(frames.SETTLE_MS);
    frame();
    expect(fitted).toEqual(['a', 'b', 'c']);
  });

  it('asks for one frame when work queues more work while a frame runs', () => {
    const queue = frames.trackChart(element('a'), () => false);
    const other = frames.trackChart(element('b'), () => false);
    queue.queue('theme', () => other.queue('theme', () => {}));
    frame();
    expect(callbacks).toHaveLength(1);
  });

  it('runs the first chart of a frame even when it alone is over budget, so work never stalls', () => {
    const ran: string[] = [];
    for (const name of ['a', 'b']) {
      frames
        .trackChart(element(name), () => false)
        .queue('theme', () => {
          ran.push(name);
          now += 100;
        });
    }
    frame();
    expect(ran).toEqual(['a']);
    frame();
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs only the newest work queued under one key, and nothing for a chart that left', () => {
    const ran: string[] = [];
    const kept = frames.trackChart(element('kept'), () => false);
    const gone = frames.trackChart(element('gone'), () => false);
    kept.queue('theme', () => ran.push('dark'));
    kept.queue('theme', () => ran.push('light'));
    gone.queue('theme', () => ran.push('gone'));
    gone.remove();
    frame();
    expect(ran).toEqual(['light']);
  });

  it('keeps going when one chart throws, and reports the error', () => {
    const reported = vi.fn();
    vi.stubGlobal('reportError', reported);
    const ran: string[] = [];
    const failure = new Error('a broken chart');
    frames
      .trackChart(element('a'), () => false)
      .queue('theme', () => {
        throw failure;
      });
    frames.trackChart(element('b'), () => false).queue('theme', () => ran.push('b'));
    frame();
    expect(ran).toEqual(['b']);
    expect(reported).toHaveBeenCalledWith(failure);
  });
});
