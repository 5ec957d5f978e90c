/**
 * Charts at run time, measured in Chromium: builds test/bench/charts-page.tsx with esbuild against dist/ (production
 * React) and runs each scenario for the library's `<EChart>` / `<ChartCard>`, echarts-for-react (its core, on the same
 * tree-shaken ECharts) and raw ECharts in one page, the variants' order alternating from round to round. Returns
 * medians, ratios and whether each target held, as rows of a table. Used by `npm run bench`.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildBenchPage, launchChromium, tasksBetweenMarks } from './browser-page';
import { repo } from './bundle-size';
import type {
  ChartsBenchPage,
  FirstRenderResult,
  RerenderResult,
  ResizeResult,
  Result,
  Scenario,
  ThemeResult,
  Variant,
} from './charts-page';

/** The page's imports of the library's sources, resolved to the built entries an app would load. */
const FROM_DIST: Record<string, string> = {
  '../../src/index': 'dist/index.js',
  '../../src/core/index': 'dist/core/index.js',
  '../../src/theme/index': 'dist/theme/index.js',
};

/** The page, built against dist/ (production React). */
export function buildPage(): Promise<string> {
  return buildBenchPage('charts-page.tsx', FROM_DIST);
}

export interface ChartsRow {
  scenario: string;
  measure: string;
  library: string;
  echartsForReact: string;
  raw: string;
  /** The library's figure over the baseline's the target names. */
  ratio: string;
  target: string;
  verdict: 'held' | 'not held' | '–';
}

export interface ChartsReport {
  rows: ChartsRow[];
  notes: string[];
  rounds: number;
  cardRounds: number;
}

export interface ChartsOptions {
  /** Measured rounds per scenario (after one warm-up round). Default 5. */
  rounds?: number;
  /** Measured rounds of the 1M-row ChartCard scenarios. Default 3. */
  cardRounds?: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor(sorted.length / 2)] as number) : Number.NaN;
};
const most = (values: number[]) => Math.max(0, ...values);
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const x = (value: number) => `${value.toFixed(2)}x`;

type Runs<R> = Record<Variant, (R & { task?: { wall: number; cpu: number } })[]>;

export async function measureCharts(options: ChartsOptions = {}): Promise<ChartsReport> {
  const rounds = options.rounds ?? 5;
  const cardRounds = options.cardRounds ?? 3;
  const script = await buildPage();
  const browser: Browser = await launchChromium();
  try {
    const tab: Page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.setContent(
      '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head><body></body></html>',
    );
    await tab.addStyleTag({ path: join(repo, 'dist/styles.css') });
    await tab.addScriptTag({ content: script });
    await tab.evaluate(() => (window as unknown as { chartsBench: ChartsBenchPage }).chartsBench.ready);

    const runOnce = (scenario: Scenario, variant: Variant, check = false) =>
      tab.evaluate(
        ([s, v, c]) =>
          (window as unknown as { chartsBench: ChartsBenchPage }).chartsBench.run(s as Scenario, v as Variant, c),
        [scenario, variant, check] as const,
      );

    /** One warm-up round, then `n` rounds, the variants in turn forwards and backwards; traced when asked. */
    async function measure<R extends Result>(
      scenario: Scenario,
      variants: Variant[],
      n: number,
      traced = false,
    ): Promise<Runs<R> & { warm: Partial<Record<Variant, R>> }> {
      const warm: Partial<Record<Variant, R>> = {};
      for (const variant of variants) warm[variant] = (await runOnce(scenario, variant, true)) as R;
      if (traced) await browser.startTracing(tab, { categories: ['toplevel', 'blink.user_timing'] });
      const order: Variant[] = [];
      const results: R[] = [];
      for (let round = 0; round < n; round++) {
        for (const variant of round % 2 ? [...variants].reverse() : variants) {
          order.push(variant);
          results.push((await runOnce(scenario, variant)) as R);
        }
      }
      let tasks: { wall: number; cpu: number }[] = [];
      if (traced) {
        const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
        tasks = tasksBetweenMarks(trace, 'charts').map(({ longest, mostCpu }) => ({
          wall: longest.wall,
          cpu: mostCpu,
        }));
      }
      const runs = { library: [], 'echarts-for-react': [], raw: [], warm } as Runs<R> & { warm: typeof warm };
      results.forEach((result, i) => {
        runs[order[i] as Variant].push({ ...result, ...(tasks[i] ? { task: tasks[i] } : {}) });
      });
      return runs;
    }

    const rows: ChartsRow[] = [];
    const notes: string[] = [];
    const lib = 'library';
    const efr = 'echarts-for-react';
    /** The median of a figure over a variant's rounds. */
    const med = <R>(runs: Runs<R>, v: Variant, pick: (r: Runs<R>[Variant][number]) => number) =>
      median(runs[v].map(pick));

    // 1. Resize storm.
    {
      const runs = await measure<ResizeResult>('resize', [lib, efr, 'raw'], rounds, true);
      const toFinal = (v: Variant) => med(runs, v, (r) => r.toFinal);
      const lag = (v: Variant) => med(runs, v, (r) => r.lagAfterLast);
      const perFrame = (v: Variant) => most(runs[v].map((r) => r.maxPerChartPerFrame));
      const perStorm = (v: Variant) => most(runs[v].map((r) => r.maxPerChart));
      const frames = (v: Variant) =>
        `${med(runs, v, (r) => r.longFrames)} of ${med(runs, v, (r) => r.frames)} (${med(runs, v, (r) => r.missedFrames)} missed)`;
      const missed = (v: Variant) => med(runs, v, (r) => r.missedFrames);
      const task = (v: Variant) => ms(med(runs, v, (r) => r.task?.wall ?? 0));
      const unsettled = [lib, efr, 'raw'].filter((v) => !runs[v as Variant].every((r) => r.settled));
      rows.push(
        {
          scenario: '1. resize storm: 20 charts (300–2,010 points), 50 widths, one a frame',
          measure: 'first change → every chart at its final size and painted (lag after the last change)',
          library: `${ms(toFinal(lib))} (${ms(lag(lib))})`,
          echartsForReact: `${ms(toFinal(efr))} (${ms(lag(efr))})`,
          raw: `${ms(toFinal('raw'))} (${ms(lag('raw'))})`,
          ratio: `${x(toFinal(lib) / toFinal(efr))} efr, ${x(toFinal(lib) / toFinal('raw'))} raw`,
          target: '≤ 1.0x efr',
          verdict: toFinal(lib) <= toFinal(efr) ? 'held' : 'not held',
        },
        {
          scenario: '',
          measure: 'frames > 25 ms of the frames in that window',
          library: frames(lib),
          echartsForReact: frames(efr),
          raw: frames('raw'),
          ratio: '',
          target: 'missed ≤ efr',
          verdict: missed(lib) <= missed(efr) ? 'held' : 'not held',
        },
        {
          scenario: '',
          measure: 'resizes per chart: most in one frame / most in the storm',
          library: `${perFrame(lib)} / ${perStorm(lib)}`,
          echartsForReact: `${perFrame(efr)} / ${perStorm(efr)}`,
          raw: `${perFrame('raw')} / ${perStorm('raw')}`,
          ratio: '',
          target: '≤ 1 a frame',
          verdict: perFrame(lib) <= 1 ? 'held' : 'not held',
        },
        {
          scenario: '',
          measure: 'longest task in that window (median of rounds, wall)',
          library: task(lib),
          echartsForReact: task(efr),
          raw: task('raw'),
          ratio: '',
          target: '–',
          verdict: '–',
        },
      );
      notes.push(
        'Resize storm: 1200 px → 700 px → 1100 px; then 300 ms with no resize is waited for and not counted. Raw: one ResizeObserver per chart calling resize() in its callback; echarts-for-react: its size-sensor (a ResizeObserver debounced 60 ms), so it resizes once, after the storm.' +
          (unsettled.length ? ` NOT SETTLED within 10 s in some rounds: ${unsettled.join(', ')}.` : ''),
        `Resize storm, main-thread time inside resize() calls / painting (zrender's rendered elapsedTime), all charts, median per storm: ${[
          lib,
          efr,
          'raw',
        ]
          .map(
            (v) =>
              `${v} ${ms(med(runs, v as Variant, (r) => r.resizeMs))} / ${ms(med(runs, v as Variant, (r) => r.paintMs))}`,
          )
          .join('; ')}`,
      );
    }

    // 2. Same option object, 200 re-renders.
    {
      const runs = await measure<RerenderResult>('same-object', [lib, efr, 'raw'], rounds);
      const t = (v: Variant) => med(runs, v, (r) => r.ms);
      const calls = (v: Variant) => most(runs[v].map((r) => r.setOptionCalls));
      // The chart's own cost: the loop less the same parent re-rendering a plain box (the 'raw' runs here).
      const own = (v: Variant) => Math.max(0, t(v) - t('raw'));
      rows.push({
        scenario: '2. the same option object, 200 re-renders (100k points)',
        measure:
          "200 flushSync re-renders of the parent (JS), the chart's own share (less the parent alone); setOption calls",
        library: `${ms(t(lib))}, own ${ms(own(lib))}; ${calls(lib)}`,
        echartsForReact: `${ms(t(efr))}, own ${ms(own(efr))}; ${calls(efr)}`,
        raw: `parent alone ${ms(t('raw'))}`,
        ratio: `${x(own(lib) / Math.max(own(efr), 0.01))} efr (own)`,
        target: '≤ 0.1x efr (own), 0 setOption',
        verdict: calls(lib) === 0 && own(lib) <= 0.1 * own(efr) ? 'held' : 'not held',
      });
    }

    // 3. New, equal option objects.
    {
      const runs = await measure<RerenderResult>('equal-object', [lib, efr, 'raw'], rounds);
      const t = (v: Variant) => med(runs, v, (r) => r.ms);
      const calls = runs.library.map((r) => r.setOptionCalls);
      const ratio = t(lib) / t('raw');
      rows.push({
        scenario: '3. 20 new option objects equal to the first (10k points)',
        measure: 'the 20 updates until the last setOption returned; setOption calls',
        library: `${ms(t(lib))}; ${median(calls)}`,
        echartsForReact: `${ms(t(efr))}; ${median(runs[efr].map((r) => r.setOptionCalls))} (deep-compares, skips)`,
        raw: `${ms(t('raw'))}; 20 (setOption ×20)`,
        ratio: `${x(ratio)} raw`,
        target: '≤ 1.10x raw, 20 setOption',
        verdict: ratio <= 1.1 && calls.every((c) => c === 20) ? 'held' : 'not held',
      });
    }

    const firstRenderNote = (name: string, runs: Runs<FirstRenderResult>, variants: Variant[]) =>
      `${name}: mount → first setOption call / that call / the rest to \`finished\` (0: it fired inside setOption), medians: ${variants
        .map((v) => {
          const before = med(runs, v, (r) => r.beforeSetOption);
          const call = med(runs, v, (r) => r.setOption);
          return `${v} ${ms(before)} / ${ms(call)} / ${ms(
            Math.max(
              0,
              med(runs, v, (r) => r.ms - r.beforeSetOption - r.setOption),
            ),
          )}`;
        })
        .join('; ')}`;

    // 4. First render of a 100k-point line.
    {
      // The setOption call alone moves by ±40% from run to run in one page: more rounds (each takes a fraction of a second).
      const runs = await measure<FirstRenderResult>('first-render', [lib, efr, 'raw'], Math.max(rounds, 11));
      const t = (v: Variant) => med(runs, v, (r) => r.ms);
      const ratio = t(lib) / t('raw');
      rows.push({
        scenario: `4. first render of a 100k-point line (${Math.max(rounds, 11)} rounds)`,
        measure: 'mount (raw: init) → first `finished`',
        library: ms(t(lib)),
        echartsForReact: ms(t(efr)),
        raw: `${ms(t('raw'))} (init + setOption)`,
        ratio: `${x(ratio)} raw`,
        target: '≤ 1.1x raw',
        verdict: ratio <= 1.1 ? 'held' : 'not held',
      });
      notes.push(firstRenderNote('First render', runs, [lib, efr, 'raw']));
    }

    // 5. ChartCard on 1M rows, ISO dates and category keys.
    for (const [scenario, label] of [
      ['card-iso', 'ISO dates'],
      ['card-keys', 'category keys'],
    ] as const) {
      const runs = await measure<FirstRenderResult>(scenario, [lib, 'raw'], cardRounds);
      const t = (v: Variant) => med(runs, v, (r) => r.ms);
      const ratio = t(lib) / t('raw');
      const drawn = runs.warm.library;
      rows.push({
        scenario: `5. ChartCard, 1M rows (20 brands × 50,000 days), ${label}`,
        measure: 'mount → first `finished` (raw: pivot, init, setOption)',
        library: ms(t(lib)),
        echartsForReact: 'n/a',
        raw: `${ms(t('raw'))} (hand-written pivot)`,
        ratio: `${x(ratio)} raw`,
        target: '≤ 1.5x raw',
        verdict: ratio <= 1.5 ? 'held' : 'not held',
      });
      notes.push(
        `${firstRenderNote(`ChartCard, ${label}`, runs, [lib, 'raw'])}; the card drew ${drawn?.series ?? '?'} series on a ${drawn?.axis ?? '?'} axis, raw ${runs.warm.raw?.series ?? '?'} on a ${runs.warm.raw?.axis ?? '?'} axis`,
      );
    }

    // 6. Theme switch of 20 charts.
    {
      const runs = await measure<ThemeResult>('theme', [lib, efr], rounds, true);
      const t = (v: Variant) => med(runs, v, (r) => r.ms);
      const task = (v: Variant) => med(runs, v, (r) => r.task?.wall ?? 0);
      const cpu = (v: Variant) => med(runs, v, (r) => r.task?.cpu ?? 0);
      const worst = (v: Variant) => most(runs[v].map((r) => r.task?.wall ?? 0));
      const ratio = t(lib) / t(efr);
      const all = runs.library.every((r) => r.switched === 20);
      rows.push(
        {
          scenario: '6. theme switch light → dark, 20 charts (2,000–3,900 points), all on screen',
          measure: 'switch → every chart painted with the dark background and its series',
          library: ms(t(lib)),
          echartsForReact: ms(t(efr)),
          raw: 'n/a',
          ratio: `${x(ratio)} efr`,
          target: '≤ 0.8x efr',
          verdict: ratio <= 0.8 && all ? 'held' : 'not held',
        },
        {
          scenario: '',
          measure: 'longest task in that window: median of rounds, wall / CPU (worst round, wall)',
          library: `${ms(task(lib))} / ${ms(cpu(lib))} (${ms(worst(lib))})`,
          echartsForReact: `${ms(task(efr))} / ${ms(cpu(efr))} (${ms(worst(efr))})`,
          raw: 'n/a',
          ratio: '',
          target: '≤ 50 ms',
          verdict: task(lib) <= 50 ? 'held' : 'not held',
        },
      );
      notes.push(
        `Theme switch: charts switched (least of the rounds) library ${Math.min(...runs.library.map((r) => r.switched))}/20, echarts-for-react ${Math.min(...runs[efr].map((r) => r.switched))}/20; instances re-created library ${med(runs, lib, (r) => r.recreated)}, echarts-for-react ${med(runs, efr, (r) => r.recreated)}; tasks > 50 ms per switch (PerformanceObserver, median) library ${med(runs, lib, (r) => r.longTasks)}, echarts-for-react ${med(runs, efr, (r) => r.longTasks)}`,
      );
    }
    return { rows, notes, rounds, cardRounds };
  } finally {
    await browser.close();
  }
}
