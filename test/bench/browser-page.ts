/**
 * What the Chromium benches share: a page bundled by esbuild from a bench file whose imports of the library's sources
 * resolve to the built entries an app would load (dist/), Chromium launched as the tests launch it, and the longest
 * main-thread tasks between two performance marks of the page, read from Chromium's trace.
 */
import { join } from 'node:path';
import { build as esbuild, type Plugin } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { repo } from './bundle-size';

/**
 * `page` (a file under test/bench) bundled as one script, production React. `fromDist` maps each library source the
 * page imports (`'../../src/index'`) to its built entry (`'dist/index.js'`); any other import of the sources fails.
 * Minified as an app ships, but with its names kept, so that a long frame's scripts say whose they are.
 */
export async function buildBenchPage(
  page: string,
  fromDist: Record<string, string>,
  alias?: Record<string, string>,
): Promise<string> {
  const plugin: Plugin = {
    name: 'from-dist',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/\.\.\/src\// }, (args) => {
        const built = fromDist[args.path];
        if (!built) return { errors: [{ text: `${args.path}: the page may only import ${Object.keys(fromDist)}` }] };
        return { path: join(repo, built) };
      });
    },
  };
  const result = await esbuild({
    entryPoints: [join(repo, 'test/bench', page)],
    bundle: true,
    format: 'iife',
    write: false,
    minifySyntax: true,
    minifyWhitespace: true,
    jsx: 'automatic',
    ...(alias ? { alias } : {}),
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [plugin],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Debian's Chromium, as the browser tests run it, with `gc()` for pages that start each run from a collected heap. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-background-networking', '--no-first-run', '--js-flags=--expose-gc'],
  });
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

/** The longest task of a window (its wall and CPU ms), and the most CPU any task of it took. */
export interface WindowTasks {
  longest: { wall: number; cpu: number };
  mostCpu: number;
}

/**
 * For each pair of `<mark>:start` and `<mark>:end` marks in a trace recorded with the `toplevel` and
 * `blink.user_timing` categories: the page's main-thread tasks between them. `dur` is wall time, `tdur` the thread's
 * CPU time (a task that waits for a CPU is long in wall time only).
 */
export function tasksBetweenMarks(trace: unknown, mark: string): WindowTasks[] {
  const events: TraceEvent[] = Array.isArray(trace) ? trace : (trace as { traceEvents: TraceEvent[] }).traceEvents;
  const starts = events.filter((e) => e.name === `${mark}:start`).sort((a, b) => a.ts - b.ts);
  const ends = events.filter((e) => e.name === `${mark}:end`).sort((a, b) => a.ts - b.ts);
  const main = starts[0];
  const tasks = events.filter(
    (e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid,
  );
  return starts.map((start, i) => {
    const next = starts[i + 1]?.ts ?? Number.POSITIVE_INFINITY;
    const end = ends.find((e) => e.ts >= start.ts && e.ts <= next)?.ts ?? start.ts;
    const during = tasks.filter((t) => t.ts + (t.dur ?? 0) >= start.ts && t.ts <= end);
    const longest = during.reduce<TraceEvent | undefined>((a, t) => ((t.dur ?? 0) > (a?.dur ?? -1) ? t : a), undefined);
    return {
      longest: { wall: (longest?.dur ?? 0) / 1000, cpu: (longest?.tdur ?? 0) / 1000 },
      mostCpu: Math.max(0, ...during.map((t) => t.tdur ?? 0)) / 1000,
    };
  });
}
