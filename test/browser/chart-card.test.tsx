import { render, screen, waitFor } from '@testing-library/react';
import type { EChartsType } from 'echarts/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ChartCard } from '../../src';
import { echarts } from '../../src/core';
import { hostileLabels } from '../fixtures/charts';
import { channels } from '../fixtures/sales';
import { imagePixels } from './pixels';

const payloads = [
  ...hostileLabels,
  '<img src=x onerror="window.__pwned=7">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=8">',
];

/** Rows whose every string is a payload: categories, series names and the title. */
const hostileRows = payloads.flatMap((label, i) => [
  { category: label, group: '<svg onload="window.__pwned=9">', value: 100 + i * 10 },
  { category: label, group: 'javascript:window.__pwned=10', value: 50 + i * 5 },
]);

/** The ECharts instance inside a rendered card, once it has painted. */
async function chartIn(container: HTMLElement): Promise<EChartsType> {
  let chart: EChartsType | undefined;
  await waitFor(() => {
    const dom = container.querySelector<HTMLElement>('[data-slot="echart"]');
    chart = dom ? echarts.getInstanceByDom(dom) : undefined;
    expect(dom?.querySelector('canvas')).toBeTruthy();
    expect(chart?.getOption()?.series).toBeTruthy();
  });
  return chart as EChartsType;
}

/** Captures what the card hands to the browser as a download. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:captured';
  });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names, create, click };
}

afterEach(() => vi.restoreAllMocks());

describe('ChartCard in Chromium', () => {
  it('shows hostile labels as text in hovered tooltips and runs none of them', async () => {
    const { container } = render(
      <div style={{ width: 720 }}>
        <ChartCard
          title={'<img src=x onerror="window.__pwned=11">'}
          data={hostileRows}
          spec={{ kind: 'bar', encoding: { x: 'category', y: 'value', series: 'group' } }}
        />
      </div>,
    );
    const chart = await chartIn(container);
    const canvas = chart.getDom().querySelector('canvas') as HTMLCanvasElement;
    for (let i = 0; i < payloads.length; i++) {
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [i, 20]) as [number, number];
      await userEvent.hover(canvas, { position: { x: Math.round(x), y: Math.round(y) } });
      await waitFor(() => expect(container.textContent).toContain(payloads[i]));
    }
    expect(container.textContent).toContain('<svg onload="window.__pwned=9">');
    expect(container.querySelector('img, script, iframe, math, svg[onload]')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  /** Renders a 600px card of the channel data, waits for its chart and presses a download button. */
  async function download(button: 'Download CSV' | 'Download PNG' | 'Download SVG', kind: 'pie' | 'donut') {
    const downloads = captureDownloads();
    const { container } = render(
      <div style={{ width: 600 }}>
        <ChartCard
          title="Revenue by channel"
          data={channels}
          spec={{ kind, encoding: { x: 'channel', y: 'revenue' } }}
        />
      </div>,
    );
    const chart = await chartIn(container);
    await userEvent.click(screen.getByRole('button', { name: button }));
    // Images wait for the chart modules they need (the SVG renderer loads on first use).
    await vi.waitFor(() => expect(downloads.blobs).toHaveLength(1));
    return { chart, name: downloads.names[0], blob: downloads.blobs[0] as Blob };
  }

  it('downloads a CSV of the data shown', async () => {
    const { name, blob } = await download('Download CSV', 'donut');
    expect(name).toBe('revenue-by-channel.csv');
    expect((await blob.text()).split('\r\n').filter(Boolean)).toEqual([
      'channel,revenue',
      ...channels.map((row) => `${row.channel},${row.revenue}`),
    ]);
  });

  it('downloads a PNG of the chart shown, in its theme colours', async () => {
    const { chart, name, blob } = await download('Download PNG', 'pie');
    expect(name).toBe('revenue-by-channel.png');
    expect(blob.type).toBe('image/png');
    const { data, width } = await imagePixels(blob);
    // Twice the pixels of the chart on screen.
    expect(width).toBe(chart.getWidth() * 2);
    let largestSlice = 0;
    for (let i = 0; i < data.length; i += 4) {
      const distance =
        Math.abs((data[i] ?? 0) - 0x67) + Math.abs((data[i + 1] ?? 0) - 0x50) + Math.abs((data[i + 2] ?? 0) - 0xa4);
      if (distance < 6) largestSlice++;
    }
    // The largest slice (41% of the pie) is painted in the first palette colour.
    expect(largestSlice).toBeGreaterThan(10_000);
  });

  it('downloads an SVG that holds the chart', async () => {
    const { name, blob } = await download('Download SVG', 'donut');
    expect(name).toBe('revenue-by-channel.svg');
    const svg = await blob.text();
    expect(svg.startsWith('<svg')).toBe(true);
    for (const row of channels) expect(svg).toContain(String(row.channel));
  });

  it('hands a clicked point its rows', async () => {
    const onPointClick = vi.fn();
    const { container } = render(
      <div style={{ width: 720 }}>
        <ChartCard
          title="Revenue by channel"
          data={channels}
          spec={{ kind: 'bar', encoding: { x: 'channel', y: 'revenue' } }}
          onPointClick={onPointClick}
        />
      </div>,
    );
    const chart = await chartIn(container);
    const canvas = chart.getDom().querySelector('canvas') as HTMLCanvasElement;
    const [x, baseline] = chart.convertToPixel({ seriesIndex: 0 }, [1, 0]) as [number, number];
    const y = baseline - 60;
    // Wait until the bar has grown past the point (it animates up from the axis).
    const scale = canvas.width / canvas.clientWidth;
    await waitFor(() => {
      const [r, g, b] =
        canvas.getContext('2d')?.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data ?? [];
      expect([r, g, b]).toEqual([0x67, 0x50, 0xa4]);
    });
    await userEvent.click(canvas, { position: { x: Math.round(x), y: Math.round(y) } });
    await waitFor(() => expect(onPointClick).toHaveBeenCalledOnce());
    expect(onPointClick.mock.calls[0]?.[0]).toMatchObject({
      name: 'Supermarkets',
      seriesName: 'revenue',
      rows: [{ channel: 'Supermarkets', revenue: 3_120_000 }],
    });
  });
});
