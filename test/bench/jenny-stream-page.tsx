/**
 * The page of the streaming benchmark (test/bench/jenny-stream.ts builds it with esbuild and runs it in Chromium).
 * The library comes from dist/, as apps get it: the build maps these `src` imports to their built entries, and
 * `react-dom/client` to React's profiling build, so that `<Profiler onRender>` reports commits in production mode.
 *
 * `window.jennyStream(options)` mounts `<JennyPanel space="sales" client={client}/>` in a `<Profiler>`, asks the
 * space's first example question, and the client's transport answers with a summary in 20-character `text-delta`
 * chunks, several per macrotask, as fast as the page runs them. It counts React commits and animation frames while
 * the summary streams, and collects the long tasks Chromium reports. It marks the stream's start and end
 * (`jenny-stream:start`, `jenny-stream:end`) for the trace that the benchmark records around it.
 */
import { Profiler } from 'react';
import { createRoot } from 'react-dom/client';
import { createDataClient, memoryTransport } from '../../src/core/client';
import type { AskContext, AskRequest, JennyAnswer } from '../../src/core/client/types';
import type { JennyChunk } from '../../src/core/jenny/protocol';
import { demoSpaces } from '../../src/core/semantic';
import { JennyPanel } from '../../src/index';

export interface StreamOptions {
  /** The summary's length in characters (about 4.5 characters a token). */
  characters: number;
  /** Characters in each `text-delta`. */
  deltaSize: number;
  /** `text-delta` chunks sent in one macrotask before yielding. */
  perTask: number;
  /** How the stream yields between tasks: a message (a new macrotask at once) or `setTimeout(0)` (4 ms or more: nested timers are clamped). */
  yieldBy: 'message' | 'timeout';
  /** Rows, a table and a chart arrive (and the chart is drawn) before the summary streams. */
  withRows: boolean;
}

export interface StreamResult {
  deltas: number;
  characters: number;
  /** From the first `text-delta` to the last commit after `finish`. */
  ms: number;
  /** React commits of the panel in that time (`<Profiler onRender>` calls). */
  commits: number;
  /** Animation frames (requestAnimationFrame callbacks) in that time. */
  frames: number;
  /** The most commits between one animation frame and the next. */
  maxCommitsPerFrame: number;
  /** The longest React render of the panel (Profiler `actualDuration`). */
  longestRender: number;
  /** The longest macrotask of the stream's own (the transport emitting chunks, with the store updates they make). */
  longestEmitTask: number;
  /** Tasks over 50 ms that Chromium reported (PerformanceObserver 'longtask'). */
  longTasks: number;
  longestLongTask: number;
  /**
   * The longest animation frame over 50 ms (PerformanceObserver 'long-animation-frame'), split into its script and
   * its rendering (style, layout, paint), to say what blocked it; absent when there was none.
   */
  longFrame?: { duration: number; blocking: number; script: number; rendering: number; invoker: string };
  /** With rows: the chart's canvas and the table's rows were there before the summary streamed. */
  chartDrawn: boolean;
  /** The panel shows the whole summary at the end (white space aside): the stream arrived whole. */
  shownWhole: boolean;
}

const WORDS =
  'Revenue rose in every region this quarter, led by NCR and Central Luzon, while Mindanao held steady. ' +
  'Alaska stayed the leading brand, ahead of Oishi and Del Monte; together the top five made most of the total. ';

const ROWS = Array.from({ length: 40 }, (_, i) => ({
  brand: `Brand ${String(i + 1).padStart(2, '0')}`,
  revenue: 1_600_000 - i * 31_337,
}));
const META: NonNullable<JennyAnswer['meta']> = [
  { name: 'brand', type: 'string', label: 'Brand' },
  { name: 'revenue', type: 'number', label: 'Revenue' },
];
const OPTION = {
  xAxis: { type: 'category', data: ROWS.map((row) => row.brand) },
  yAxis: { type: 'value' },
  series: [{ name: 'Revenue', type: 'bar', data: ROWS.map((row) => row.revenue) }],
};
const SQL = 'select brand, sum(revenue) from sales group by 1';
const TITLE = 'Revenue by brand, last 30 days';

const nextTask = (by: StreamOptions['yieldBy']) =>
  new Promise<void>((resolve) => {
    if (by === 'timeout') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

/** The parts of a PerformanceLongAnimationFrameTiming read here (not in TypeScript's DOM types yet). */
interface LongFrame extends PerformanceEntry {
  renderStart: number;
  blockingDuration: number;
  scripts: { duration: number; invoker: string; sourceFunctionName: string }[];
}
const longFrames: LongFrame[] = [];
const describeScript = (script: LongFrame['scripts'][number] | undefined) =>
  script ? [script.invoker, script.sourceFunctionName].filter(Boolean).join(' → ') : '';
if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
  new PerformanceObserver((list) => longFrames.push(...(list.getEntries() as LongFrame[]))).observe({
    type: 'long-animation-frame',
    buffered: true,
  });
}

async function jennyStream(options: StreamOptions): Promise<StreamResult> {
  const text = WORDS.repeat(Math.ceil(options.characters / WORDS.length)).slice(0, options.characters);
  const deltas: string[] = [];
  for (let i = 0; i < text.length; i += options.deltaSize) deltas.push(text.slice(i, i + options.deltaSize));

  const commits: { at: number; frame: number; duration: number }[] = [];
  const frames: number[] = [];
  let frame = 0;
  let framesRunning = true;
  let window0 = Number.POSITIVE_INFINITY;
  let longestEmitTask = 0;
  let chartDrawn = false;

  const transport = {
    ...memoryTransport({}),
    name: 'bench-stream',
    async ask(_request: AskRequest, { onPart }: AskContext): Promise<JennyAnswer> {
      const emit = (chunk: JennyChunk) => onPart?.(chunk);
      if (options.withRows) {
        emit({ type: 'data-status', id: 'status', data: { step: 'reading' } });
        emit({ type: 'data-query', id: 'query', data: { title: TITLE, asOf: '2025-12-31' } });
        emit({ type: 'data-status', id: 'status', data: { step: 'querying' } });
        emit({
          type: 'data-sql',
          id: 'sql',
          data: { sql: SQL, statements: [] },
        });
        emit({
          type: 'data-table',
          id: 'table',
          data: {
            rows: ROWS,
            meta: META,
            rowCount: ROWS.length,
            truncated: false,
          },
        });
        emit({
          type: 'data-chart',
          id: 'chart',
          data: { option: OPTION, spec: { kind: 'bar', encoding: { x: 'brand', y: 'revenue' } } },
        });
        // The chart and the table are drawn (their code loaded, ECharts painted, its one-second entry animation over)
        // before the summary starts: the figures are the summary's, under a chart already there.
        for (let i = 0; i < 180 && !(host.querySelector('canvas') && host.querySelector('[role=row]')); i++) {
          await nextFrame();
        }
        chartDrawn = Boolean(host.querySelector('canvas') && host.querySelector('[role=row]'));
        await new Promise((resolve) => setTimeout(resolve, 1200));
        emit({ type: 'data-status', id: 'status', data: { step: 'summarizing' } });
      }
      emit({ type: 'text-start', id: 'summary' });
      window0 = performance.now();
      performance.mark('jenny-stream:start'); // for the trace the benchmark records around the page
      for (let i = 0; i < deltas.length; ) {
        const start = performance.now();
        for (const end = Math.min(deltas.length, i + options.perTask); i < end; i++) {
          emit({ type: 'text-delta', id: 'summary', delta: deltas[i] as string });
        }
        longestEmitTask = Math.max(longestEmitTask, performance.now() - start);
        await nextTask(options.yieldBy);
      }
      emit({ type: 'text-end', id: 'summary' });
      emit({ type: 'finish' });
      // The whole answer, as the stream assembled it (a transport returns what it streamed).
      return options.withRows
        ? {
            kind: 'answer',
            title: TITLE,
            summary: text,
            rows: ROWS,
            meta: META,
            echartsOption: OPTION,
            generatedSql: SQL,
            statements: [],
            asOf: '2025-12-31',
            truncated: false,
          }
        : { kind: 'answer', title: '', summary: text, rows: [] };
    },
    async feedback() {},
  };
  const client = createDataClient({ transport, retry: false, spaces: demoSpaces });

  const host = document.createElement('div');
  host.style.width = '760px';
  document.body.append(host);
  const root = createRoot(host);
  root.render(
    <Profiler
      id="jenny-panel"
      onRender={(_id, _phase, actualDuration) => {
        commits.push({ at: performance.now(), frame, duration: actualDuration });
      }}
    >
      <JennyPanel space="sales" client={client} />
    </Profiler>,
  );
  const tick = (time: number) => {
    frames.push(time);
    frame++;
    if (framesRunning) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  for (let i = 0; i < 5; i++) await nextFrame();

  const ask = host.querySelector<HTMLButtonElement>('[data-slot="jenny-panel-suggestion-button"]');
  if (!ask) throw new Error('The panel shows no example question to ask.');
  const answered = new Promise<void>((resolve) => {
    const check = () => (host.querySelector('[data-slot="jenny-panel-thumbs-up"]') ? resolve() : setTimeout(check, 5));
    check();
  });
  ask.click();
  await answered; // the answer is done and shown (its feedback buttons appear with status 'done')
  for (let i = 0; i < 5; i++) await nextFrame();
  framesRunning = false;
  performance.mark('jenny-stream:end');
  const words = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const shownWhole = words(host.querySelector('[data-slot="jenny-panel-summary"]')?.textContent) === words(text);
  root.unmount();
  host.remove();
  client.dispose();

  const inStream = commits.filter((c) => c.at >= window0);
  const window1 = inStream.at(-1)?.at ?? window0;
  const frameTimes = frames.filter((t) => t >= window0 && t <= window1);
  const perFrame = new Map<number, number>();
  for (const c of inStream) perFrame.set(c.frame, (perFrame.get(c.frame) ?? 0) + 1);
  const longs = longTasks.filter((t) => t.startTime + t.duration >= window0 && t.startTime <= window1);
  longTasks.length = 0;
  const worstFrame = longFrames
    .filter((f) => f.startTime + f.duration >= window0 && f.startTime <= window1)
    .sort((a, b) => b.duration - a.duration)[0];
  longFrames.length = 0;
  const longFrame = worstFrame && {
    duration: worstFrame.duration,
    blocking: worstFrame.blockingDuration,
    script: worstFrame.scripts.reduce((sum, script) => sum + script.duration, 0),
    rendering: worstFrame.renderStart ? worstFrame.startTime + worstFrame.duration - worstFrame.renderStart : 0,
    invoker: describeScript([...worstFrame.scripts].sort((a, b) => b.duration - a.duration)[0]),
  };
  return {
    deltas: deltas.length,
    characters: text.length,
    ms: window1 - window0,
    commits: inStream.length,
    frames: frameTimes.length,
    maxCommitsPerFrame: Math.max(0, ...perFrame.values()),
    longestRender: Math.max(0, ...inStream.map((c) => c.duration)),
    longestEmitTask,
    longTasks: longs.length,
    longestLongTask: Math.max(0, ...longs.map((t) => t.duration)),
    ...(longFrame ? { longFrame } : {}),
    chartDrawn,
    shownWhole,
  };
}

(window as unknown as { jennyStream: typeof jennyStream }).jennyStream = jennyStream;
