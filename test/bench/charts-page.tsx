/**
 * The page of the charts benchmark (test/bench/charts.ts builds it with esbuild and runs it in Chromium). The library
 * comes from dist/, as apps get it: the build maps these `src` imports to their built entries. echarts-for-react (its
 * ES module core) and raw ECharts render with the library's public `echarts` namespace (`@insightpulse/ui/core`: the
 * same tree-shaken `echarts/core`, the same charts and components, the InsightPulse themes registered), so the three
 * draw with the same ECharts.
 *
 * The page observes ECharts, never the library's internals: it wraps `setOption`, `resize` and `trigger` on the
 * ECharts instance prototype to count calls per instance and to see every `rendered` and `finished` event (including
 * one fired synchronously inside `setOption`, before any listener could be attached), and finds instances through the
 * DOM (`_echarts_instance_`, `echarts.getInstanceByDom`). `window.chartsBench.run(scenario, variant)` runs one
 * scenario once for one variant in a fresh element and returns its figures; `charts:start` and `charts:end` marks
 * bound the window whose tasks the driver reads from Chromium's trace.
 */
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import EChartsReactCore from 'echarts-for-react/esm/core.js';
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { echarts, loadChartModules } from '../../src/core/index';
import { ChartCard, EChart, InsightPulseProvider } from '../../src/index';
import { insightPulseDarkTheme, THEME_NAMES } from '../../src/theme/index';

export type Variant = 'library' | 'echarts-for-react' | 'raw';
export type Scenario = 'resize' | 'same-object' | 'equal-object' | 'first-render' | 'card-iso' | 'card-keys' | 'theme';

export interface ResizeResult {
  charts: number;
  /** From the first width change until every chart has its container's final size and has painted it. */
  toFinal: number;
  /** From the last width change to that moment. */
  lagAfterLast: number;
  /** From the first width change to the last `resize` call on any chart. */
  lastResize: number;
  /** Animation frames from the first change to the final size, and those whose gap to the one before was > 25 ms. */
  frames: number;
  longFrames: number;
  /** Frames missed: the sum over gaps of (gap / 16.7 ms − 1), rounded. */
  missedFrames: number;
  /** The most `resize` calls one chart got in one animation frame, and the most one chart got in the whole storm. */
  maxPerChartPerFrame: number;
  maxPerChart: number;
  /** Every chart reached its container's final size (false: timed out after 10 s). */
  settled: boolean;
  /** Time spent inside `resize()` calls, and painting (zrender's `rendered` elapsedTime), in that window. */
  resizeMs: number;
  paintMs: number;
}

export interface RerenderResult {
  /** The re-render loop (flushSync, so render, commit and effects), or until the last `setOption` it caused returned. */
  ms: number;
  setOptionCalls: number;
}

export interface FirstRenderResult {
  /** From mount (or, raw, from `init`) to the chart's first `finished` event. */
  ms: number;
  /** From mount to the first `setOption` call (React, the adapter or the pivot, `init`), and how long that call took. */
  beforeSetOption: number;
  setOption: number;
  /** For ChartCard: the series the drawn chart holds, and the axis type (checked on the first run only). */
  series?: number;
  axis?: string;
}

export interface ThemeResult {
  /** From the mode switch until every chart has painted with the dark theme's background and its series. */
  ms: number;
  /** Charts that did within 10 s. */
  switched: number;
  /** The charts' instances after the switch that are new ones (echarts-for-react re-creates them). */
  recreated: number;
  /** Tasks over 50 ms that Chromium reported (PerformanceObserver 'longtask') in that time, and the longest. */
  longTasks: number;
  longestLongTask: number;
}

export type Result = ResizeResult | RerenderResult | FirstRenderResult | ThemeResult;

// ---------------------------------------------------------------------------------------------------------------
// Observing ECharts: calls and events per instance.

interface Stats {
  setOptions: number;
  firstSetOptionStart: number;
  firstSetOptionEnd: number;
  lastSetOptionEnd: number;
  resizes: number;
  lastResize: number;
  /** `resize` calls by animation frame number. */
  resizesByFrame: Map<number, number>;
  rendered: number;
  lastRendered: number;
  finished: number;
}

const stats = new WeakMap<object, Stats>();
function statsOf(chart: object): Stats {
  let s = stats.get(chart);
  if (!s) {
    s = {
      setOptions: 0,
      firstSetOptionStart: 0,
      firstSetOptionEnd: 0,
      lastSetOptionEnd: 0,
      resizes: 0,
      lastResize: 0,
      resizesByFrame: new Map(),
      rendered: 0,
      lastRendered: 0,
      finished: 0,
    };
    stats.set(chart, s);
  }
  return s;
}

/** The last time any chart was set, resized or painted. */
let lastActivity = 0;
/** Time spent inside every `resize()` call and every paint, since they were last reset. */
const spent = { resize: 0, paint: 0 };
/** Animation frames counted by the page's frame loop, and their times while `recordFrames` is on. */
let frame = 0;
let recordFrames = false;
const frameTimes: number[] = [];
const eventWaiters = new Set<(chart: EChartsType, type: 'rendered' | 'finished', at: number) => void>();

type Method = (this: EChartsType, ...args: unknown[]) => unknown;

function observeECharts(): void {
  const probe = document.createElement('div');
  probe.style.cssText = 'width:10px;height:10px';
  document.body.append(probe);
  const chart = echarts.init(probe);
  const proto = Object.getPrototypeOf(chart) as Record<'setOption' | 'resize' | 'trigger', Method>;
  chart.dispose();
  probe.remove();
  const { setOption, resize, trigger } = proto;
  proto.setOption = function (...args) {
    const s = statsOf(this);
    if (s.setOptions++ === 0) s.firstSetOptionStart = performance.now();
    try {
      return setOption.apply(this, args);
    } finally {
      s.lastSetOptionEnd = lastActivity = performance.now();
      if (s.setOptions === 1) s.firstSetOptionEnd = s.lastSetOptionEnd;
    }
  };
  proto.resize = function (...args) {
    const s = statsOf(this);
    s.resizes++;
    s.lastResize = lastActivity = performance.now();
    s.resizesByFrame.set(frame, (s.resizesByFrame.get(frame) ?? 0) + 1);
    try {
      return resize.apply(this, args);
    } finally {
      spent.resize += performance.now() - s.lastResize;
    }
  };
  proto.trigger = function (...args) {
    const type = args[0];
    if (type === 'rendered' || type === 'finished') {
      const at = performance.now();
      const s = statsOf(this);
      if (type === 'rendered') {
        spent.paint += (args[1] as { elapsedTime?: number } | undefined)?.elapsedTime ?? 0;
        s.rendered++;
        s.lastRendered = lastActivity = at;
      } else s.finished++;
      for (const waiter of eventWaiters) waiter(this, type, at);
    }
    return trigger.apply(this, args);
  };
}

const tick = (time: number) => {
  frame++;
  if (recordFrames) frameTimes.push(time);
  requestAnimationFrame(tick);
};

const longTasks: PerformanceEntry[] = [];
const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
longTaskObserver.observe({ type: 'longtask', buffered: true });

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** Resolves in a task queued from the next animation frame: after that frame's callbacks, style, layout and paint. */
const afterFrame = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(performance.now());
      };
      channel.port2.postMessage(null);
    }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chartsIn(host: Element): EChartsType[] {
  return [...host.querySelectorAll<HTMLElement>('[_echarts_instance_]')]
    .map((element) => echarts.getInstanceByDom(element))
    .filter((chart): chart is EChartsType => Boolean(chart && !chart.isDisposed()));
}

/** Waits until `count` charts in `host` have been set and painted, and nothing was set, resized or painted for `quietMs`. */
async function settled(host: Element, count: number, quietMs = 300): Promise<EChartsType[]> {
  const start = performance.now();
  for (;;) {
    await afterFrame();
    const drawn = chartsIn(host).filter((chart) => statsOf(chart).setOptions > 0 && statsOf(chart).rendered > 0);
    if (drawn.length >= count && performance.now() - lastActivity >= quietMs) return drawn;
    if (performance.now() - start > 20_000) throw new Error(`${drawn.length} of ${count} charts drawn after 20 s`);
  }
}

/** The first `finished` after now of a chart in `host` that has been set (echarts-for-react's first, empty instance is not). */
function firstFinished(host: Element, timeout = 30_000): Promise<{ at: number; chart: EChartsType }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      eventWaiters.delete(waiter);
      reject(new Error(`no chart finished within ${timeout / 1000} s`));
    }, timeout);
    const waiter = (chart: EChartsType, type: string, at: number) => {
      if (type !== 'finished' || statsOf(chart).setOptions === 0 || !host.contains(chart.getDom())) return;
      eventWaiters.delete(waiter);
      clearTimeout(timer);
      resolve({ at, chart });
    };
    eventWaiters.add(waiter);
  });
}

function makeHost(width: number, grid = false): HTMLDivElement {
  const host = document.createElement('div');
  host.style.width = `${width}px`;
  if (grid) host.style.cssText += 'display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:8px';
  document.body.append(host);
  return host;
}

/** A line of `points` points, no animation (the same for every variant; lines over 2,000 points never animate). */
function lineOption(points: number, seed = 0): EChartsCoreOption {
  const data: [number, number][] = new Array(points);
  for (let i = 0; i < points; i++) {
    data[i] = [i, Math.round(500 + 300 * Math.sin((i + seed * 37) / 40) + ((i * 7919 + seed * 104_729) % 97))];
  }
  return {
    animation: false,
    grid: { left: 48, right: 12, top: 12, bottom: 28 },
    xAxis: { type: 'value', min: 0, max: points - 1 },
    yAxis: { type: 'value' },
    series: [{ type: 'line', name: 'Revenue', data, showSymbol: false }],
  };
}

/** The chart component of a React variant; raw ECharts is set up by hand where it is used. */
function ReactChart({
  variant,
  option,
  style,
  dark = false,
}: {
  variant: Exclude<Variant, 'raw'>;
  option: EChartsCoreOption;
  style: CSSProperties;
  dark?: boolean;
}) {
  if (variant === 'library') return <EChart option={option} style={style} />;
  return (
    <EChartsReactCore
      echarts={echarts}
      option={option}
      theme={dark ? THEME_NAMES.dark : THEME_NAMES.light}
      style={style}
    />
  );
}

function rawChart(element: HTMLElement, option: EChartsCoreOption): EChartsType {
  const chart = echarts.init(element, THEME_NAMES.light);
  chart.setOption(option);
  return chart;
}

function rawElement(parent: HTMLElement, height: number, width?: number): HTMLDivElement {
  const element = document.createElement('div');
  element.style.height = `${height}px`;
  if (width) element.style.width = `${width}px`;
  parent.append(element);
  return element;
}

interface Mounted {
  host: HTMLDivElement;
  root?: Root;
  raw: EChartsType[];
  observers: ResizeObserver[];
}

async function unmount({ host, root, raw, observers }: Mounted): Promise<void> {
  for (const observer of observers) observer.disconnect();
  for (const chart of raw) chart.dispose();
  root?.unmount();
  host.remove();
  for (let i = 0; i < 3; i++) await nextFrame();
  await sleep(50);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Resize storm: 20 charts in a grid whose width changes every animation frame, 50 times.

const CELLS = 20;
/** 1200 px down to 700 px in 25 frames, then up to 1100 px in 25: the final size is neither end of the way down. */
const STORM_WIDTHS = [
  ...Array.from({ length: 25 }, (_, i) => Math.round(1200 - (500 * (i + 1)) / 25)),
  ...Array.from({ length: 25 }, (_, i) => Math.round(700 + (400 * (i + 1)) / 25)),
];

function gridOf(variant: Exclude<Variant, 'raw'>, options: EChartsCoreOption[], height: number, dark = false) {
  return options.map((option, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
    <div key={i} data-cell={i}>
      <ReactChart variant={variant} option={option} style={{ height }} dark={dark} />
    </div>
  ));
}

function mountGrid(variant: Variant, options: EChartsCoreOption[], height: number, naiveResize: boolean): Mounted {
  const host = makeHost(1200, true);
  const mounted: Mounted = { host, raw: [], observers: [] };
  if (variant === 'raw') {
    options.forEach((option, i) => {
      const cell = document.createElement('div');
      cell.dataset.cell = String(i);
      host.append(cell);
      const chart = rawChart(rawElement(cell, height), option);
      mounted.raw.push(chart);
      if (naiveResize) {
        // The naive way: one ResizeObserver per chart calling resize() in its callback, every time.
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(chart.getDom());
        mounted.observers.push(observer);
      }
    });
  } else {
    mounted.root = createRoot(host);
    mounted.root.render(gridOf(variant, options, height));
  }
  return mounted;
}

async function resizeStorm(variant: Variant): Promise<ResizeResult> {
  const options = Array.from({ length: CELLS }, (_, i) => lineOption(300 + i * 90, i));
  const mounted = mountGrid(variant, options, 150, true);
  const charts = await settled(mounted.host, CELLS);
  const host = mounted.host;
  const before = charts.map((chart) => statsOf(chart).resizes);

  let t0 = 0;
  let firstFrame = 0;
  await new Promise<void>((resolve) => {
    let k = 0;
    const step = () => {
      host.style.width = `${STORM_WIDTHS[k]}px`;
      if (k === 0) {
        t0 = performance.now();
        firstFrame = frame;
        spent.resize = spent.paint = 0;
        frameTimes.length = 0;
        recordFrames = true;
        performance.mark('charts:start');
      }
      k++;
      if (k < STORM_WIDTHS.length) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  const lastChange = performance.now();

  // Settled: every chart has its container's size and has painted since its last resize; then 300 ms with no resize.
  let finalAt: number | undefined;
  let lastResize = 0;
  for (;;) {
    const now = await afterFrame();
    const ok = charts.every((chart) => {
      const dom = chart.getDom();
      const s = statsOf(chart);
      return (
        chart.getWidth() === dom.clientWidth && chart.getHeight() === dom.clientHeight && s.lastRendered >= s.lastResize
      );
    });
    lastResize = Math.max(...charts.map((chart) => statsOf(chart).lastResize));
    if (!ok) finalAt = undefined;
    else if (finalAt === undefined) {
      finalAt = Math.max(lastChange, ...charts.map((chart) => statsOf(chart).lastRendered));
      performance.mark('charts:end');
    }
    if (finalAt !== undefined && now - lastResize >= 300) break;
    if (now - t0 > 10_000) break;
  }
  recordFrames = false;
  const { resize: resizeMs, paint: paintMs } = spent;
  const end = finalAt ?? performance.now();
  if (finalAt === undefined) performance.mark('charts:end');
  const times = frameTimes.filter((time) => time <= end);
  let longFrames = 0;
  let missedFrames = 0;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 25) longFrames++;
    missedFrames += Math.max(0, Math.round(gap / 16.67) - 1);
  }
  let maxPerChartPerFrame = 0;
  for (const chart of charts) {
    for (const [at, count] of statsOf(chart).resizesByFrame) {
      if (at >= firstFrame) maxPerChartPerFrame = Math.max(maxPerChartPerFrame, count);
    }
  }
  const result: ResizeResult = {
    charts: charts.length,
    toFinal: end - t0,
    lagAfterLast: end - lastChange,
    lastResize: Math.max(0, lastResize - t0),
    frames: times.length,
    longFrames,
    missedFrames,
    maxPerChartPerFrame,
    maxPerChart: Math.max(...charts.map((chart, i) => statsOf(chart).resizes - (before[i] as number))),
    settled: finalAt !== undefined,
    resizeMs,
    paintMs,
  };
  await unmount(mounted);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// 2 and 3. Re-renders: the same option object 200 times, or 20 new objects equal to the first.

const controls: { setOption?: (option: EChartsCoreOption) => void; setTick?: (tick: number) => void } = {};

/** A parent as apps write it: state of its own, the chart's style written inline. */
function Parent({ variant, initial }: { variant: Variant; initial: EChartsCoreOption }) {
  const [option, setOption] = useState(initial);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    controls.setOption = setOption;
    controls.setTick = setTick;
  }, []);
  return (
    <div data-tick={tick}>
      {variant === 'raw' ? (
        // The parent alone (a plain box where the chart would be): what its own re-render costs.
        <div data-option={typeof option} style={{ height: 320 }} />
      ) : (
        <ReactChart variant={variant} option={option} style={{ height: 320 }} />
      )}
    </div>
  );
}

async function rerender(variant: Variant, kind: 'same' | 'equal'): Promise<RerenderResult> {
  const points = kind === 'same' ? 100_000 : 10_000;
  const renders = kind === 'same' ? 200 : 20;
  // Equal objects: each built afresh (new arrays too), as a component building its option in render does.
  const options =
    kind === 'same' ? [lineOption(points)] : Array.from({ length: renders + 1 }, () => lineOption(points));
  const first = options[0] as EChartsCoreOption;
  const host = makeHost(1200);
  const mounted: Mounted = { host, raw: [], observers: [] };
  if (variant === 'raw' && kind === 'same') {
    // Raw ECharts has no re-render: the parent alone is measured instead, to tell a chart's own cost from its parent's.
    mounted.root = createRoot(host);
    flushSync(() => mounted.root?.render(<Parent variant="raw" initial={first} />));
    const t0 = performance.now();
    for (let k = 1; k <= renders; k++) flushSync(() => controls.setTick?.(k));
    const ms = performance.now() - t0;
    await unmount(mounted);
    return { ms, setOptionCalls: 0 };
  }
  if (variant === 'raw') mounted.raw.push(rawChart(rawElement(host, 320), first));
  else {
    mounted.root = createRoot(host);
    mounted.root.render(<Parent variant={variant} initial={first} />);
  }
  const [chart] = await settled(host, 1);
  if (!chart) throw new Error('no chart');
  const before = statsOf(chart).setOptions;
  performance.mark('charts:start');
  const t0 = performance.now();
  for (let k = 1; k <= renders; k++) {
    if (variant === 'raw') chart.setOption(options[k] as EChartsCoreOption);
    else if (kind === 'same') flushSync(() => controls.setTick?.(k));
    else flushSync(() => controls.setOption?.(options[k] as EChartsCoreOption));
  }
  const loopEnd = performance.now();
  // A setOption left for later (a frame, a task) counts until it has returned.
  for (let i = 0; i < 3; i++) await afterFrame();
  const s = statsOf(chart);
  const calls = s.setOptions - before;
  const ms = Math.max(loopEnd, calls > 0 ? s.lastSetOptionEnd : 0) - t0;
  performance.mark('charts:end');
  await unmount(mounted);
  return { ms, setOptionCalls: calls };
}

function setOptionTimes(chart: EChartsType, t0: number) {
  const s = statsOf(chart);
  return { beforeSetOption: s.firstSetOptionStart - t0, setOption: s.firstSetOptionEnd - s.firstSetOptionStart };
}

// ---------------------------------------------------------------------------------------------------------------
// 4. First render of a 100k-point line.

/** A fresh host after a quiet frame, the wait for its first chart's `finished`, and the clock started (and marked). */
async function startMount() {
  const host = makeHost(1200);
  const mounted: Mounted = { host, raw: [], observers: [] };
  await afterFrame();
  const finished = firstFinished(host);
  performance.mark('charts:start');
  return { host, mounted, finished, t0: performance.now() };
}

async function firstRender(variant: Variant): Promise<FirstRenderResult> {
  const option = lineOption(100_000, 3);
  const { host, mounted, finished, t0 } = await startMount();
  if (variant === 'raw') mounted.raw.push(rawChart(rawElement(host, 320), option));
  else {
    mounted.root = createRoot(host);
    mounted.root.render(<ReactChart variant={variant} option={option} style={{ height: 320 }} />);
  }
  const { at, chart } = await finished;
  performance.mark('charts:end');
  await unmount(mounted);
  return { ms: at - t0, ...setOptionTimes(chart, t0) };
}

// ---------------------------------------------------------------------------------------------------------------
// 5. ChartCard on 1,000,000 rows against a hand-written pivot and raw ECharts.

type SalesRow = { day: string; brand: string; revenue: number };

const BRANDS = Array.from({ length: 20 }, (_, i) => `Brand ${String(i + 1).padStart(2, '0')}`);
const DAYS = 50_000;

function salesRows(iso: boolean): SalesRow[] {
  const base = Date.UTC(2024, 0, 1);
  const rows: SalesRow[] = new Array(DAYS * BRANDS.length);
  let i = 0;
  for (let d = 0; d < DAYS; d++) {
    const day = iso
      ? new Date(base + d * 86_400_000).toISOString().slice(0, 10)
      : `Day ${String(d + 1).padStart(5, '0')}`;
    for (const brand of BRANDS) {
      rows[i] = { day, brand, revenue: ((i * 7919) % 10_007) + 100 };
      i++;
    }
  }
  return rows;
}

/** What a person would write: one pass (Map day → index, brand → series), then a 20-series line. */
function handWrittenOption(rows: readonly SalesRow[]): EChartsCoreOption {
  const dayIndex = new Map<string, number>();
  const seriesIndex = new Map<string, number>();
  const days: string[] = [];
  const values: number[][] = [];
  for (const row of rows) {
    let d = dayIndex.get(row.day);
    if (d === undefined) {
      d = days.length;
      dayIndex.set(row.day, d);
      days.push(row.day);
    }
    let s = seriesIndex.get(row.brand);
    if (s === undefined) {
      s = values.length;
      seriesIndex.set(row.brand, s);
      values.push([]);
    }
    const series = values[s] as number[];
    series[d] = (series[d] ?? 0) + row.revenue;
  }
  // The same look as the card's chart: legend, axis tooltip, no symbols, LTTB sampling.
  return {
    grid: { left: 48, right: 12, top: 24, bottom: 40 },
    legend: { type: 'scroll', bottom: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: days, boundaryGap: false },
    yAxis: { type: 'value' },
    series: [...seriesIndex.keys()].map((name, s) => ({
      type: 'line',
      name,
      data: values[s],
      showSymbol: false,
      sampling: 'lttb',
    })),
  };
}

const CARD_SPEC = { kind: 'line', encoding: { x: 'day', y: 'revenue', series: 'brand' } } as const;
/** The size of the card's chart, measured on the library's first run, for the raw chart to draw the same area. */
let cardChartSize: { width: number; height: number } | undefined;

async function chartCard(variant: Variant, iso: boolean, check: boolean): Promise<FirstRenderResult> {
  const rows = salesRows(iso);
  const { host, mounted, finished, t0 } = await startMount();
  if (variant === 'raw') {
    const option = handWrittenOption(rows);
    const element = rawElement(host, cardChartSize?.height ?? 400, cardChartSize?.width);
    mounted.raw.push(rawChart(element, option));
  } else {
    mounted.root = createRoot(host);
    mounted.root.render(<ChartCard title="Revenue by brand" data={rows} spec={CARD_SPEC} height={400} />);
  }
  const { at, chart } = await finished;
  performance.mark('charts:end');
  const result: FirstRenderResult = { ms: at - t0, ...setOptionTimes(chart, t0) };
  if (variant === 'library') cardChartSize = { width: chart.getWidth(), height: chart.getHeight() };
  if (check) {
    const drawn = chart.getOption() as { series?: unknown[]; xAxis?: { type?: string }[] };
    result.series = drawn.series?.length ?? 0;
    result.axis = drawn.xAxis?.[0]?.type ?? '?';
  }
  await unmount(mounted);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Theme switch of 20 mounted charts.

function ThemedGrid({
  variant,
  options,
  dark,
}: {
  variant: Exclude<Variant, 'raw'>;
  options: EChartsCoreOption[];
  dark: boolean;
}): ReactNode {
  if (variant === 'library') {
    return <InsightPulseProvider theme={dark ? 'dark' : 'light'}>{gridOf(variant, options, 150)}</InsightPulseProvider>;
  }
  return gridOf(variant, options, 150, dark);
}

async function themeSwitch(variant: Variant): Promise<ThemeResult> {
  if (variant === 'raw') throw new Error('no raw variant of the theme switch');
  // Every chart in view (4 × 5 cells of 150 px in a 900 px viewport): a chart left for when it scrolls in is not timed.
  const options = Array.from({ length: CELLS }, (_, i) => lineOption(2000 + i * 100, i));
  const host = makeHost(1200, true);
  const root = createRoot(host);
  root.render(<ThemedGrid variant={variant} options={options} dark={false} />);
  const before = new Set(await settled(host, CELLS));
  const dark = insightPulseDarkTheme.backgroundColor;
  const done = new Map<string, number>();
  const instances = new Set<EChartsType>();
  let resolveAll: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    resolveAll = resolve;
  });
  const waiter = (chart: EChartsType, type: string, at: number) => {
    if (type !== 'rendered' || statsOf(chart).setOptions === 0) return;
    const cell = chart.getDom().closest('[data-cell]')?.getAttribute('data-cell');
    if (cell == null || done.has(cell) || !host.contains(chart.getDom())) return;
    if (chart.getZr().getBackgroundColor() !== dark) return;
    done.set(cell, at);
    instances.add(chart);
    if (done.size === CELLS) resolveAll();
  };
  eventWaiters.add(waiter);
  longTasks.length = 0;
  performance.mark('charts:start');
  const t0 = performance.now();
  root.render(<ThemedGrid variant={variant} options={options} dark={true} />);
  await Promise.race([all, sleep(10_000)]);
  eventWaiters.delete(waiter);
  const end = done.size ? Math.max(...done.values()) : performance.now();
  performance.mark('charts:end');
  // Long task entries arrive after their task: give the last one time to be reported.
  await afterFrame();
  await sleep(50);
  longTasks.push(...longTaskObserver.takeRecords());
  const longs = longTasks.filter((task) => task.startTime + task.duration >= t0 && task.startTime <= end);
  const result: ThemeResult = {
    ms: end - t0,
    switched: done.size,
    recreated: [...instances].filter((chart) => !before.has(chart)).length,
    longTasks: longs.length,
    longestLongTask: Math.max(0, ...longs.map((task) => task.duration)),
  };
  await unmount({ host, root, raw: [], observers: [] });
  return result;
}

// ---------------------------------------------------------------------------------------------------------------

async function run(scenario: Scenario, variant: Variant, check = false): Promise<Result> {
  // Every run starts from a collected heap (Chromium runs with --expose-gc), so that no run pays for the last one's
  // garbage: a 100k-point setOption otherwise moved by ±40% from run to run.
  (globalThis as { gc?: () => void }).gc?.();
  await afterFrame();
  switch (scenario) {
    case 'resize':
      return resizeStorm(variant);
    case 'same-object':
      return rerender(variant, 'same');
    case 'equal-object':
      return rerender(variant, 'equal');
    case 'first-render':
      return firstRender(variant);
    case 'card-iso':
      return chartCard(variant, true, check);
    case 'card-keys':
      return chartCard(variant, false, check);
    case 'theme':
      return themeSwitch(variant);
  }
}

observeECharts();
requestAnimationFrame(tick);
// Legends and titles load on demand in the library: registered first, so that no variant waits for a chunk.
const ready = loadChartModules({ legend: {}, title: {}, series: [] });

export interface ChartsBenchPage {
  ready: Promise<unknown>;
  run: typeof run;
}
(window as unknown as { chartsBench: ChartsBenchPage }).chartsBench = { ready, run };
