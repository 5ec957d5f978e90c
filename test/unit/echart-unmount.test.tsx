import { describe, expect, it } from 'vitest';
import { libraryCore } from '../../src/react/chart/echart';

/*
 * A chart unmounted while echarts-for-react is still drawing it (an answer replaced as it loads, a test ending): its
 * drawing then reads an element that is gone, in a promise componentDidMount never awaits. Seen once in a clean-clone
 * run as an unhandled rejection ("Cannot read properties of null (reading 'getAttribute')" from getInstanceByDom).
 * The window is a few microtasks wide, so the guard is tested on a class whose drawing fails the same way.
 */

type Drawing = { ele: HTMLElement | null; renderNewEcharts(): Promise<void> };

/** A stand-in for echarts-for-react's class: its drawing reads the element, as the real one does. */
function fakeCore(failure: Error) {
  class Core {
    ele: HTMLElement | null = null;
    renderNewEcharts(): Promise<void> {
      return Promise.reject(failure);
    }
  }
  return Core;
}

describe('EChart: a drawing that outlives its element', () => {
  it('ends quietly when the element is gone (the chart was unmounted)', async () => {
    const Core = libraryCore(
      fakeCore(new TypeError("Cannot read properties of null (reading 'getAttribute')")) as never,
    );
    const chart = new (Core as unknown as new () => Drawing)();
    await expect(chart.renderNewEcharts()).resolves.toBeUndefined();
  });

  it('still fails when the element is there: a real failure surfaces', async () => {
    const failure = new Error('the option is broken');
    const Core = libraryCore(fakeCore(failure) as never);
    const chart = new (Core as unknown as new () => Drawing)();
    chart.ele = document.createElement('div');
    await expect(chart.renderNewEcharts()).rejects.toBe(failure);
  });

  it("leaves echarts-for-react's own class as it is", () => {
    const Base = fakeCore(new Error('x'));
    const before = Base.prototype.renderNewEcharts;
    libraryCore(Base as never);
    expect(Base.prototype.renderNewEcharts).toBe(before);
  });
});
