import { act, render, waitFor } from '@testing-library/react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { EChart, InsightPulseProvider } from '../../src';
import { echarts, missingChartModules, toEChartsOption } from '../../src/core';
import { colors } from '../../themes/tokens';
import { barOption, hostileLabels, hostileOption, lineOption } from '../fixtures/charts';
import { imagePixels } from './pixels';

/** Renders and resolves with the ECharts instance once the chart has painted its first option. */
async function mountChart(ui: (onReady: (chart: EChartsType) => void) => React.ReactElement) {
  let chart: EChartsType | undefined;
  const onReady = vi.fn((instance: EChartsType) => {
    chart = instance;
  });
  const view = render(ui(onReady));
  await waitFor(() => expect(onReady).toHaveBeenCalled());
  return { ...view, onReady, chart: chart as EChartsType };
}

/** `[r, g, b]` of a hex colour. */
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** How many pixels of the chart's canvas are within a small distance of `hex`. */
function countPixels(chart: EChartsType, hex: string): number {
  const canvas = chart.getDom().querySelector('canvas') as HTMLCanvasElement;
  const { data } = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height) ?? { data: [] };
  const [r, g, b] = rgb(hex) as [number, number, number];
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) < 6) {
      count++;
    }
  }
  return count;
}

const noAnimation = (option: EChartsCoreOption): EChartsCoreOption => ({ ...option, animation: false });

describe('EChart in Chromium', () => {
  it('paints the bars in the theme colour, and re-themes in place when the mode switches', async () => {
    const option = noAnimation(barOption);
    const ui = (mode: 'light' | 'dark', onReady: (c: EChartsType) => void) => (
      <InsightPulseProvider theme={mode}>
        <div style={{ width: 600 }}>
          <EChart option={option} onChartReady={onReady} />
        </div>
      </InsightPulseProvider>
    );
    const { chart, rerender, onReady, container } = await mountChart((ready) => ui('light', ready));
    const element = container.querySelector('[data-slot="echart"]');
    await waitFor(() => expect(countPixels(chart, colors.light.palette[0])).toBeGreaterThan(1000));
    expect(countPixels(chart, colors.dark.palette[0])).toBe(0);

    rerender(ui('dark', onReady));
    await waitFor(() => expect(countPixels(chart, colors.dark.palette[0])).toBeGreaterThan(1000));
    expect(countPixels(chart, colors.light.palette[0])).toBe(0);
    // Same instance, same element: the React tree was not remounted and the chart not re-created.
    expect(chart.isDisposed()).toBeFalsy();
    expect(container.querySelector('[data-slot="echart"]')).toBe(element);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it('binds an event once and always calls the newest handler', async () => {
    const option = noAnimation(barOption);
    const first = vi.fn();
    const { chart, rerender, onReady } = await mountChart((ready) => (
      <div style={{ width: 600 }}>
        <EChart option={option} onEvents={{ click: first }} onChartReady={ready} />
      </div>
    ));
    const on = vi.spyOn(chart, 'on');
    const off = vi.spyOn(chart, 'off');
    const setOption = vi.spyOn(chart, 'setOption');
    let newest = vi.fn();
    for (let i = 0; i < 5; i++) {
      newest = vi.fn();
      rerender(
        <div style={{ width: 600 }}>
          <EChart option={option} onEvents={{ click: newest }} onChartReady={onReady} />
        </div>,
      );
    }
    expect(on).not.toHaveBeenCalled();
    expect(off).not.toHaveBeenCalled();
    expect(setOption).not.toHaveBeenCalled();

    // Click the first bar where ECharts drew it.
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [300, 0]) as [number, number];
    const canvas = chart.getDom().querySelector('canvas') as HTMLCanvasElement;
    await userEvent.click(canvas, { position: { x: Math.round(x), y: Math.round(y) } });
    await waitFor(() => expect(newest).toHaveBeenCalledTimes(1));
    expect(newest.mock.calls[0]?.[0]).toMatchObject({ componentType: 'series', name: 'Alaska', value: 612 });
    expect(first).not.toHaveBeenCalled();
  });

  it('applies a changed option with one setOption, removing series that disappeared', async () => {
    const option = noAnimation(lineOption);
    const { chart, rerender, onReady } = await mountChart((ready) => <EChart option={option} onChartReady={ready} />);
    expect(chart.getOption().series).toHaveLength(3);
    const setOption = vi.spyOn(chart, 'setOption');

    rerender(<EChart option={option} onChartReady={onReady} />);
    expect(setOption).not.toHaveBeenCalled();

    const series = (option.series as object[]).slice(0, 2);
    rerender(<EChart option={{ ...option, series }} onChartReady={onReady} />);
    expect(setOption).toHaveBeenCalledTimes(1);
    expect(chart.getOption().series).toHaveLength(2);
  });

  it('resizes with its container', async () => {
    const { chart, container } = await mountChart((ready) => (
      <div data-testid="box" style={{ width: 500 }}>
        <EChart option={noAnimation(barOption)} onChartReady={ready} />
      </div>
    ));
    expect(chart.getWidth()).toBe(500);
    act(() => {
      (container.querySelector('[data-testid="box"]') as HTMLElement).style.width = '280px';
    });
    await waitFor(() => expect(chart.getWidth()).toBe(280));
  });

  it('does not resize a chart whose padded container has not changed size', async () => {
    let resizes = 0;
    const { chart, container } = await mountChart((ready) => (
      <div data-testid="box" style={{ width: 500 }}>
        <EChart
          option={noAnimation(barOption)}
          style={{ padding: 16, boxSizing: 'border-box' }}
          onChartReady={(instance) => {
            const resize = instance.resize.bind(instance);
            instance.resize = (options) => {
              resizes++;
              resize(options);
            };
            ready(instance);
          }}
        />
      </div>
    ));
    // The first size report and the settle time pass: nothing changed size.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(resizes).toBe(0);
    act(() => {
      (container.querySelector('[data-testid="box"]') as HTMLElement).style.width = '300px';
    });
    await waitFor(() => expect(chart.getWidth()).toBe(300 - 32));
    expect(resizes).toBe(1);
  });

  it('resizes each chart at most once a frame in a storm of 50 size changes, and ends at the exact last size', async () => {
    const charts: EChartsType[] = [];
    const view = render(
      <div data-testid="grid" style={{ width: 900, display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' }}>
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of charts.
          <EChart key={i} option={noAnimation(lineOption)} onChartReady={(c) => charts.push(c)} />
        ))}
      </div>,
    );
    await waitFor(() => expect(charts).toHaveLength(6));
    // Each resize, with the frame it ran in (every callback of one frame sees the same timeline time).
    const resizes = new Map<EChartsType, (number | null)[]>();
    for (const chart of charts) {
      const resize = chart.resize.bind(chart);
      resizes.set(chart, []);
      chart.resize = (options) => {
        resizes.get(chart)?.push(document.timeline.currentTime as number | null);
        resize(options);
      };
    }
    const grid = view.getByTestId('grid');
    // 50 widths, several changed within one frame and the rest a frame apart, as a dragged splitter does.
    for (let i = 0; i < 50; i++) {
      grid.style.width = `${900 - ((i * 37) % 420)}px`;
      grid.getBoundingClientRect();
      if (i % 3 === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    grid.style.width = '612px';
    await waitFor(() => {
      for (const chart of charts) expect(chart.getWidth()).toBe(chart.getDom().clientWidth);
    });
    // Quiet for longer than the settle check, which may resize once more.
    await new Promise((resolve) => setTimeout(resolve, 400));
    for (const chart of charts) {
      const frames = resizes.get(chart) ?? [];
      expect(frames.length).toBeGreaterThan(0);
      expect(new Set(frames).size).toBe(frames.length);
      expect(chart.getWidth()).toBe(chart.getDom().clientWidth);
      expect(chart.getHeight()).toBe(chart.getDom().clientHeight);
    }
    expect(charts.map((chart) => chart.getWidth())).toEqual(Array(6).fill(612 / 3));
  });

  it.each([
    ['plain', false],
    ['StrictMode', true],
  ])('leaves no live ECharts instance after 200 mount/unmount cycles (%s)', async (_, strict) => {
    const elements: HTMLElement[] = [];
    const ready: EChartsType[] = [];
    for (let i = 0; i < 200; i++) {
      const chart = <EChart option={noAnimation(lineOption)} onChartReady={(c) => ready.push(c)} />;
      const view = render(strict ? <StrictMode>{chart}</StrictMode> : chart);
      elements.push(view.container.querySelector('[data-slot="echart"]') as HTMLElement);
      // Every other cycle waits a frame (a resize or theme switch may be queued); the rest unmount at once.
      if (i % 2 === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
      view.unmount();
    }
    // Give anything still in flight the time to finish.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Each mount drew its chart (StrictMode mounts twice, and the first is disposed at once).
    expect(ready.length).toBe(strict ? 400 : 200);
    expect(ready.filter((c) => !c.isDisposed())).toHaveLength(0);
    expect(elements.filter((el) => echarts.getInstanceByDom(el))).toHaveLength(0);
  });
});

describe('EChart accessibility', () => {
  it("names the chart with ECharts' description of its data, or with the given aria-label", async () => {
    const described = await mountChart((ready) => <EChart option={noAnimation(barOption)} onChartReady={ready} />);
    const image = described.getByRole('img');
    await waitFor(() => expect(image.getAttribute('aria-label')).toMatch(/Top brands by revenue.*Alaska/s));
    described.unmount();

    const named = await mountChart((ready) => (
      <EChart option={noAnimation(barOption)} aria-label="Brand revenue, Alaska leads" onChartReady={ready} />
    ));
    await waitFor(() => expect(named.getByRole('img')).toHaveAccessibleName('Brand revenue, Alaska leads'));
  });

  it("uses the option's own aria description", async () => {
    const option = { ...noAnimation(barOption), aria: { label: { description: 'Five brands, Alaska first' } } };
    const { getByRole } = await mountChart((ready) => <EChart option={option} onChartReady={ready} />);
    await waitFor(() => expect(getByRole('img')).toHaveAccessibleName('Five brands, Alaska first'));
  });
});

describe('EChart with hostile text', () => {
  it('shows HTML-bearing labels as text in the hovered tooltip and runs none of them', async () => {
    const { chart, container } = await mountChart((ready) => (
      <div style={{ width: 600 }}>
        <EChart option={noAnimation(hostileOption)} onChartReady={ready} />
      </div>
    ));
    const canvas = chart.getDom().querySelector('canvas') as HTMLCanvasElement;
    for (const dataIndex of [0, 1, 2, 3]) {
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [dataIndex, 40]) as [number, number];
      await userEvent.hover(canvas, { position: { x: Math.round(x), y: Math.round(y) } });
      await waitFor(() => expect(container.textContent).toContain(hostileLabels[dataIndex]));
    }
    expect(container.querySelector('img, iframe, script, a[href^="javascript"]')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('holds its place while a heatmap loads its modules, then paints it', async () => {
    const cells = ['Mon', 'Tue', 'Wed'].flatMap((day, d) =>
      ['09:00', '12:00', '15:00'].map((hour, h) => ({ day, hour, orders: 10 + d * 3 + h })),
    );
    const option = noAnimation(
      toEChartsOption(cells, { kind: 'heatmap', encoding: { x: 'hour', y: 'day', color: 'orders' } }),
    );
    // Nothing in this file has drawn a heatmap yet: its chart and the visual map are not loaded.
    expect(missingChartModules(option)).toEqual(['heatmap', 'visualMap']);
    let chart: EChartsType | undefined;
    const { container } = render(
      <div style={{ width: 600 }}>
        <EChart option={option} onChartReady={(instance) => (chart = instance)} />
      </div>,
    );
    const element = container.querySelector('[data-slot="echart"]') as HTMLElement;
    expect(element.getAttribute('aria-busy')).toBe('true');
    expect(element.getAttribute('data-state')).toBe('loading');
    expect(element.getBoundingClientRect().height).toBe(320);
    await waitFor(() => expect(chart).toBeDefined());
    expect(missingChartModules(option)).toEqual([]);
    // The nine coloured cells cover most of the grid: far more pixels than the axis labels alone paint.
    // (ECharts may draw them on a layer of their own: the data URL holds every layer.)
    const [r, g, b] = rgb(colors.light.background) as [number, number, number];
    await waitFor(async () => {
      const { data } = await imagePixels(chart?.getDataURL() as string);
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) > 60) {
          coloured++;
        }
      }
      expect(coloured).toBeGreaterThan(50_000);
    });
    expect(container.querySelector('[data-slot="echart"]')?.getAttribute('data-state')).toBe('ready');
  });
});
