/**
 * JennyPanel streaming a summary, measured in Chromium: builds test/bench/jenny-stream-page.tsx with esbuild against
 * dist/ (React's profiling build, so that `<Profiler>` counts commits in production mode) and runs each scenario
 * a few times in one page. Used by `npm run bench`.
 */
import { join } from 'node:path';
import { buildBenchPage, launchChromium, tasksBetweenMarks } from './browser-page';
import { repo } from './bundle-size';
import type { StreamOptions, StreamResult } from './jenny-stream-page';

export type { StreamOptions, StreamResult };

/** The page's imports of the library's sources, resolved to the built entries an app would load. */
const FROM_DIST: Record<string, string> = {
  '../../src/index': 'dist/index.js',
  '../../src/core/client': 'dist/core/client/index.js',
  '../../src/core/semantic': 'dist/core/semantic/index.js',
};

/** The page's figures, and the longest main-thread tasks of the stream from Chromium's trace. */
export interface StreamRun extends StreamResult {
  /** The longest task on the page's main thread while the summary streamed: its wall time and its CPU time. */
  longestTask: { wall: number; cpu: number };
  /** The most CPU time one task took (the page's own work, whatever else the machine was doing). */
  longestCpuTask: number;
}

/**
 * Runs each scenario `runs` times (after one warm-up run) in one Chromium page, recording a trace of each
 * scenario's runs; returns every run's figures.
 */
export async function measureJennyStream(
  scenarios: readonly StreamOptions[],
  runs = 3,
): Promise<{ options: StreamOptions; results: StreamRun[] }[]> {
  // React's profiling build, so that `<Profiler>` counts commits in production mode.
  const script = await buildBenchPage('jenny-stream-page.tsx', FROM_DIST, {
    'react-dom/client': 'react-dom/profiling',
  });
  const browser = await launchChromium();
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
      const tasks = tasksBetweenMarks(trace, 'jenny-stream').map(({ longest, mostCpu }) => ({
        longestTask: longest,
        longestCpuTask: mostCpu,
      }));
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
