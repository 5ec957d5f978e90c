/**
 * JennyPanel streaming a summary, measured in Chromium: builds test/bench/jenny-stream-page.tsx with esbuild against
 * dist/ (React's profiling build, so that `<Profiler>` counts commits in production mode) and runs each scenario
 * a few times in one page. Used by `npm run bench`.
 */
import { join } from 'node:path';
import { build as esbuild, type Plugin } from 'esbuild';
import { chromium } from 'playwright-core';
import { repo } from './bundle-size';
import type { StreamOptions, StreamResult } from './jenny-stream-page';

export type { StreamOptions, StreamResult };

/** The page's imports of the library's sources, resolved to the built entries an app would load. */
const FROM_DIST: Record<string, string> = {
  '../../src/index': 'dist/index.js',
  '../../src/core/client': 'dist/core/client/index.js',
  '../../src/core/semantic': 'dist/core/semantic/index.js',
};

const fromDist: Plugin = {
  name: 'from-dist',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/src\// }, (args) => {
      const built = FROM_DIST[args.path];
      if (!built) return { errors: [{ text: `${args.path}: the page may only import ${Object.keys(FROM_DIST)}` }] };
      return { path: join(repo, built) };
    });
  },
};

async function buildPage(): Promise<string> {
  const result = await esbuild({
    entryPoints: [join(repo, 'test/bench/jenny-stream-page.tsx')],
    bundle: true,
    format: 'iife',
    write: false,
    // Minified as an app ships, but with its names kept, so that a long frame's scripts say whose they are.
    minifySyntax: true,
    minifyWhitespace: true,
    jsx: 'automatic',
    alias: { 'react-dom/client': 'react-dom/profiling' },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [fromDist],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** The page's figures, and the longest main-thread tasks of the stream from Chromium's trace. */
export interface StreamRun extends StreamResult {
  /** The longest task on the page's main thread while the summary streamed: its wall time and its CPU time. */
  longestTask: { wall: number; cpu: number };
  /** The most CPU time one task took (the page's own work, whatever else the machine was doing). */
  longestCpuTask: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/**
 * The longest tasks on the main thread of the page, between each pair of `jenny-stream:start` and `:end` marks:
 * `dur` is wall time, `tdur` the thread's CPU time (a task that waits for a CPU is long in wall time only).
 */
function tasksPerStream(trace: TraceEvent[]): { longestTask: StreamRun['longestTask']; longestCpuTask: number }[] {
  const starts = trace.filter((e) => e.name === 'jenny-stream:start').sort((a, b) => a.ts - b.ts);
  const ends = trace.filter((e) => e.name === 'jenny-stream:end').sort((a, b) => a.ts - b.ts);
  const main = starts[0];
  const tasks = trace.filter(
    (e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid,
  );
  return starts.map((start, i) => {
    const end = ends[i]?.ts ?? Number.POSITIVE_INFINITY;
    const during = tasks.filter((t) => t.ts + (t.dur ?? 0) >= start.ts && t.ts <= end);
    const longest = during.reduce<TraceEvent | undefined>((a, t) => ((t.dur ?? 0) > (a?.dur ?? -1) ? t : a), undefined);
    return {
      longestTask: { wall: (longest?.dur ?? 0) / 1000, cpu: (longest?.tdur ?? 0) / 1000 },
      longestCpuTask: Math.max(0, ...during.map((t) => t.tdur ?? 0)) / 1000,
    };
  });
}

/**
 * Runs each scenario `runs` times (after one warm-up run) in one Chromium page, recording a trace of each
 * scenario's runs; returns every run's figures.
 */
export async function measureJennyStream(
  scenarios: readonly StreamOptions[],
  runs = 3,
): Promise<{ options: StreamOptions; results: StreamRun[] }[]> {
  const script = await buildPage();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    await tab.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await tab.addStyleTag({ path: join(repo, 'dist/styles.css') });
    await tab.addScriptTag({ content: script });
    const run = (options: StreamOptions) =>
      tab.evaluate(
        (o) => (window as unknown as { jennyStream: (o: StreamOptions) => Promise<StreamResult> }).jennyStream(o),
        options,
      );
    const out: { options: StreamOptions; results: StreamRun[] }[] = [];
    for (const options of scenarios) {
      await run(options); // warm up
      await browser.startTracing(tab, { categories: ['toplevel', 'blink.user_timing'] });
      const results: StreamResult[] = [];
      for (let i = 0; i < runs; i++) results.push(await run(options));
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      const tasks = tasksPerStream(Array.isArray(trace) ? trace : trace.traceEvents);
      out.push({
        options,
        results: results.map((result, i) => ({
          ...result,
          ...(tasks[i] ?? { longestTask: { wall: Number.NaN, cpu: Number.NaN }, longestCpuTask: Number.NaN }),
        })),
      });
    }
    return out;
  } finally {
    await browser.close();
  }
}
