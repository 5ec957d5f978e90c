import { render, screen, waitFor } from '@testing-library/react';
import { GraphicComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ChartCard, EChart } from '../../src';
import { registerEChartsModules, sanitizeOption } from '../../src/core';

const NAMES = ['hasOwnProperty', 'constructor', 'toString', '__defineGetter__', '__proto__', 'valueOf'];

/** Everything global a name could change: Object.prototype's keys and the keys of the functions on it. */
const globals = () => [
  Object.getOwnPropertyNames(Object.prototype).sort(),
  ...NAMES.map((name) =>
    Object.getOwnPropertyNames(Object.getOwnPropertyDescriptor(Object.prototype, name)?.value ?? {}),
  ),
];

/** The text the charts on the page draw on their canvases, as a person reads it (the invisible guard dropped). */
function drawnText() {
  const texts: string[] = [];
  vi.spyOn(CanvasRenderingContext2D.prototype, 'fillText').mockImplementation(function (
    this: CanvasRenderingContext2D,
    ...args: Parameters<CanvasRenderingContext2D['fillText']>
  ) {
    texts.push(String(args[0]).replaceAll('\u2060', ''));
  });
  return texts;
}

/** Parses SVG with the browser's XML parser and lists anything live in it. */
function liveParts(svg: string): string[] {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) return [`not XML: ${error.textContent}`];
  const found: string[] = [];
  for (const element of [doc.documentElement, ...doc.documentElement.querySelectorAll('*')]) {
    if (/^(script|foreignobject)$/i.test(element.localName)) found.push(element.localName);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${element.localName} ${attribute.name}`);
      if (/javascript:/i.test(attribute.value)) found.push(`${element.localName} ${attribute.name}`);
    }
  }
  return found;
}

afterEach(() => vi.restoreAllMocks());

describe('names that are Object.prototype keys, in Chromium', () => {
  it('ChartCard charts them as categories and series and changes nothing global', async () => {
    const before = globals();
    const texts = drawnText();
    const rows = NAMES.flatMap((category, i) =>
      NAMES.slice(0, 3).map((group, j) => ({ category, group, v: i + j + 1 })),
    );
    const { container } = render(
      <div style={{ width: 1100 }}>
        <ChartCard
          title="Names"
          data={rows}
          spec={{ kind: 'bar', encoding: { x: 'category', y: 'v', series: 'group' } }}
        />
        <ChartCard title="Slices" data={rows.slice(0, 6)} spec={{ kind: 'pie', encoding: { x: 'category', y: 'v' } }} />
      </div>,
    );
    await waitFor(
      () => {
        for (const name of NAMES) expect(texts).toContain(name);
      },
      { timeout: 10_000 },
    );
    for (const card of container.querySelectorAll('[data-slot="chart-card"]')) {
      expect(card).toHaveAttribute('data-state', 'ready');
    }
    expect(screen.queryByRole('alert')).toBeNull();
    expect(globals()).toEqual(before);
  });

  it('reports a clicked point by the name the data has', async () => {
    const onPointClick = vi.fn();
    const rows = [
      { category: 'constructor', v: 10 },
      { category: 'b', v: 1 },
    ];
    const { container } = render(
      <div style={{ width: 600 }}>
        <ChartCard
          title="Click"
          data={rows}
          spec={{ kind: 'bar', encoding: { x: 'category', y: 'v' } }}
          onPointClick={onPointClick}
        />
      </div>,
    );
    const canvas = await vi.waitFor(
      () => {
        const found = container.querySelector('canvas');
        expect(found).toBeTruthy();
        return found as HTMLCanvasElement;
      },
      { timeout: 10_000 },
    );
    // The tall first bar fills most of the left half of the plot.
    await vi.waitFor(
      async () => {
        await userEvent.click(canvas, { position: { x: canvas.clientWidth * 0.3, y: canvas.clientHeight * 0.6 } });
        expect(onPointClick).toHaveBeenCalled();
      },
      { timeout: 10_000 },
    );
    expect(onPointClick.mock.calls[0]?.[0]).toMatchObject({ name: 'constructor' });
  });

  it.each([
    ['a sanitized option', true],
    ['a raw option (no sanitizeOption)', false],
  ])('EChart draws %s with such symbols and labels', async (_, sanitized) => {
    const before = globals();
    const texts = drawnText();
    const raw = {
      animation: false,
      xAxis: { type: 'category', data: ['__proto__', 'b', 'c'] },
      yAxis: {},
      series: NAMES.map((name) => ({
        type: 'line',
        name,
        symbol: name,
        label: { show: true, formatter: name },
        data: [1, 2, 3],
      })),
      legend: {},
    };
    const option = sanitized ? sanitizeOption<EChartsCoreOption>(raw).option : (raw as EChartsCoreOption);
    const ready = vi.fn();
    render(
      <div style={{ width: 900 }}>
        <EChart option={option} onChartReady={ready} />
      </div>,
    );
    await waitFor(
      () => {
        expect(ready).toHaveBeenCalled();
        for (const name of NAMES) expect(texts).toContain(name);
      },
      { timeout: 10_000 },
    );
    expect(globals()).toEqual(before);
  });
});

describe("ChartCard's Download SVG, in Chromium", () => {
  it('writes a hostile font family and symbol as inert XML', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:captured';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const option = {
      textStyle: { fontFamily: 'x" onmouseover="alert(1)' },
      xAxis: { type: 'category', data: ['a', '</text><script>alert(1)</script>'], axisLabel: { interval: 0 } },
      yAxis: {},
      series: [{ type: 'line', symbol: 'image://x.png" onmouseover="alert(1)', data: [1, 2] }],
    };
    const { container } = render(
      <div style={{ width: 600 }}>
        <ChartCard title="Hostile" option={option} />
      </div>,
    );
    await vi.waitFor(() => expect(container.querySelector('canvas')).toBeTruthy(), { timeout: 10_000 });
    await userEvent.click(screen.getByRole('button', { name: 'Download SVG' }));
    await vi.waitFor(() => expect(blobs).toHaveLength(1), { timeout: 10_000 });
    const svg = await (blobs[0] as Blob).text();
    expect(liveParts(svg)).toEqual([]);
    expect(svg).toContain('&lt;script&gt;');
  });
});

describe('images in options from outside, in Chromium', () => {
  beforeAll(() => registerEChartsModules([GraphicComponent]));
  beforeEach(() => {
    // The test runner itself loads hundreds of modules: room for every entry, and none of theirs.
    performance.setResourceTimingBufferSize(100_000);
    performance.clearResourceTimings();
  });

  /** Each place in an option that ECharts loads an image from. */
  const places: Record<string, (src: string) => Record<string, unknown>> = {
    symbol: (src) => ({ series: [{ type: 'line', symbol: `image://${src}`, symbolSize: 12, data: [1, 2] }] }),
    legend: (src) => ({ legend: { icon: `image://${src}` }, series: [{ type: 'line', name: 'l', data: [1, 2] }] }),
    background: (src) => ({
      backgroundColor: { image: src, repeat: 'repeat' },
      series: [{ type: 'bar', data: [1, 2] }],
    }),
    pattern: (src) => ({
      series: [{ type: 'bar', data: [1, 2], itemStyle: { color: { image: src, repeat: 'repeat' } } }],
    }),
    decal: (src) => ({
      aria: { enabled: true, decal: { show: true } },
      series: [{ type: 'bar', data: [1, 2], itemStyle: { decal: { symbol: `image://${src}` } } }],
    }),
    rich: (src) => ({
      series: [
        {
          type: 'bar',
          data: [1, 2],
          label: {
            show: true,
            formatter: '{logo|}',
            rich: { logo: { height: 10, width: 10, backgroundColor: { image: src } } },
          },
        },
      ],
    }),
    graphic: (src) => ({
      graphic: [{ type: 'image', left: 10, top: 10, style: { image: src, width: 20, height: 20 } }],
      series: [{ type: 'bar', data: [1, 2] }],
    }),
  };
  const chart = (place: string, src: string): EChartsCoreOption => ({
    animation: false,
    xAxis: { type: 'category', data: ['a', 'b'] },
    yAxis: {},
    ...places[place]?.(src),
  });
  const requested = (url: string) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(url));

  it.each(Object.keys(places))('the %s image of a sanitized option is never fetched', async (place) => {
    const token = Math.random().toString(36).slice(2);
    const probe = `probe-${place}-${token}.png`;
    const control = `control-${place}-${token}.png`;
    const hostile = sanitizeOption<EChartsCoreOption>(chart(place, probe));
    expect(hostile.warning?.removed.map((r) => r.reason)).toEqual(['image']);
    // The same option with same-origin images allowed: this page does fetch from that place.
    const allowed = sanitizeOption<EChartsCoreOption>(chart(place, control), { images: 'same-origin' });
    expect(allowed.warning).toBeNull();
    // The images ECharts makes (zrender calls `new Image()`), and which of them have had their load or error event:
    // a chart unmounted while its image still loads gets zrender's load callback after it is gone, which throws.
    const images: HTMLImageElement[] = [];
    const handled = new WeakSet<HTMLImageElement>();
    const NativeImage = window.Image;
    vi.stubGlobal(
      'Image',
      class extends NativeImage {
        constructor(width?: number, height?: number) {
          super(width, height);
          images.push(this);
          // Added before zrender sets `onload`, so it runs first, in the same event.
          const mark = () => handled.add(this);
          this.addEventListener('load', mark);
          this.addEventListener('error', mark);
        }
      },
    );
    try {
      render(
        <div style={{ width: 600 }}>
          <EChart option={hostile.option} />
          <EChart option={allowed.option} />
        </div>,
      );
      await vi.waitFor(() => expect(requested(control)).toBe(true), { timeout: 10_000 });
      expect(requested(probe)).toBe(false);
      const controls = () => images.filter((image) => image.src.includes(control));
      // Checked from a timer task of waitFor's, so the event that marked them has run zrender's handler too.
      await vi.waitFor(
        () => expect(controls().length > 0 && controls().every((image) => handled.has(image))).toBe(true),
        { timeout: 10_000 },
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
