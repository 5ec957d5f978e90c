/**
 * `npm run bench`: figures measured in this run, printed as ratios against baselines measured in the
 * same run. A benchmark, not a test: it never fails on a number.
 *
 * 1. The adapter pivoting 1,000,000 rows into 20 series (rows in, ECharts option out), against a plain
 *    single pass over the same rows that sums them into the same wide shape (the floor), and against
 *    the per-series filter approach (one filter and one map per series); on category keys and on ISO dates,
 *    with ChartCard's derivation for spec 'auto' (one scan, the choice, the option) against the same floor.
 * 2. The gzip size of an app that imports one component from the root entry, built by Vite and by esbuild
 *    (React left out, ECharts in), next to an app with echarts-for-react's default entry and the full ECharts.
 * 3. The embedded warehouse: seeding, snapshots, semantic queries on 1M rows, the client's cache.
 * 4. SupersetEmbed's and the KPI tile's first loads; DataTable with 100,000 rows against a plain 1,000-row table.
 * 5. Jenny: reading each question of the eval set, whole answers against their query alone, and the jenny entry's
 *    size for an app that only reads questions and one that answers them.
 * 6. JennyPanel: the first load of an app rendering it, built by Vite and esbuild, against an app rendering one
 *    ChartCard (the library's first chart); a 2,000-token summary streaming into it in Chromium: React commits
 *    against animation frames, and the long tasks.
 * 7. Charts at run time in Chromium, the library against echarts-for-react and raw ECharts in one page: a resize storm
 *    of 20 charts, re-renders with the same and with equal options, a 100k-point first render, ChartCard on 1M rows,
 *    and a theme switch of 20 charts. `npm run bench -- charts` runs this section alone.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { toEChartsOption } from '../../src/core/adapter';
import { FREQUENT_BUILDERS } from '../../src/core/adapter/build';
import { deriveChart } from '../../src/core/adapter/derive';
import { RARE_BUILDERS } from '../../src/core/adapter/rare-builders';
import { createDataClient, type QueryRequest } from '../../src/core/client';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import { demoSpaces } from '../../src/core/semantic';
import { createDemoWarehouse } from '../../src/core/warehouse';
import { type AppSize, appImporting, appRendering, appSize } from './bundle-size';
import { measureCharts } from './charts';
import { measureJennyStream, type StreamOptions } from './jenny-stream';

// `npm run bench -- charts` runs only the last section (charts in Chromium); without it every section runs.
if (process.argv.slice(2).includes('charts')) {
  await chartsSection();
  process.exit(0);
}

const ROWS = 1_000_000;
const SERIES = 20;
const repo = resolve(import.meta.dirname, '../..');

type SalesRow = { day: string; brand: string; revenue: number };

/** Category keys (`Day 00001`) or, with `dates`, ISO dates (`2024-01-01`): 50,000 days of 20 brands. */
function makeRows(dates = false): SalesRow[] {
  const brands = Array.from({ length: SERIES }, (_, i) => `Brand ${String(i + 1).padStart(2, '0')}`);
  const iso = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const days = Array.from({ length: ROWS / SERIES }, (_, d) =>
    dates ? iso(d) : `Day ${String(d + 1).padStart(5, '0')}`,
  );
  const rows: SalesRow[] = new Array(ROWS);
  let i = 0;
  for (const day of days) for (const brand of brands) rows[i++] = { day, brand, revenue: (i * 7919) % 10_007 };
  return rows;
}

/** The floor: one pass, each row read once and summed into category x series. */
function singlePass(rows: readonly SalesRow[]) {
  const dayIndex = new Map<string, number>();
  const seriesIndex = new Map<string, number>();
  const values: number[][] = [];
  for (const row of rows) {
    let d = dayIndex.get(row.day);
    if (d === undefined) {
      d = dayIndex.size;
      dayIndex.set(row.day, d);
    }
    let s = seriesIndex.get(row.brand);
    if (s === undefined) {
      s = seriesIndex.size;
      seriesIndex.set(row.brand, s);
      values.push([]);
    }
    const series = values[s] as number[];
    series[d] = (series[d] ?? 0) + row.revenue;
  }
  return values;
}

/** The common hand-written way: one filter (and one map) over all rows per series. */
function perSeriesFilter(rows: readonly SalesRow[]) {
  const brands = [...new Set(rows.map((r) => r.brand))];
  return brands.map((brand) => rows.filter((r) => r.brand === brand).map((r) => [r.day, r.revenue]));
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function measure(name: string, runs: number, fn: () => unknown): number {
  fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  const ms = median(times);
  console.log(`  ${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms (median of ${runs})`);
  return ms;
}

console.log(`Adapter: ${ROWS.toLocaleString('en-US')} rows pivoted into ${SERIES} series`);
const rows = makeRows();
const spec = { kind: 'line', encoding: { x: 'day', y: 'revenue', series: 'brand' } } as const;
const floor = measure('single pass (floor)', 5, () => singlePass(rows));
const adapter = measure('toEChartsOption', 5, () => toEChartsOption(rows, spec));
const filter = measure('per-series filter', 3, () => perSeriesFilter(rows));
console.log(`  adapter / floor: ${(adapter / floor).toFixed(2)}x (goal <= 1.5x)`);
console.log(`  per-series filter / adapter: ${(filter / adapter).toFixed(2)}x (goal >= 5x)`);
/** ChartCard's derivation for spec 'auto': scan, choose, build (all builders loaded). */
const auto = (data: SalesRow[]) => deriveChart(data, 'auto', {}, { ...FREQUENT_BUILDERS, ...RARE_BUILDERS });
const autoKeys = measure("ChartCard 'auto' derivation", 5, () => auto(rows));
console.log(`  'auto' / floor: ${(autoKeys / floor).toFixed(2)}x (chooses ${auto(rows).choice?.kind})`);
{
  console.log('  The same rows with ISO dates (2024-01-01, 50,000 days):');
  const dated = makeRows(true);
  const datedFloor = measure('single pass (floor)', 5, () => singlePass(dated));
  const datedAdapter = measure('toEChartsOption', 5, () => toEChartsOption(dated, spec));
  console.log(`  adapter / floor: ${(datedAdapter / datedFloor).toFixed(2)}x (goal <= 1.5x)`);
  const datedAuto = measure("ChartCard 'auto' derivation", 5, () => auto(dated));
  console.log(`  'auto' / floor: ${(datedAuto / datedFloor).toFixed(2)}x (chooses ${auto(dated).choice?.kind})`);
}

const fmt = (kib: number) => `${kib.toFixed(1).padStart(6)} KiB`;

console.log(
  '\nBundles: an app importing one export from the root entry (gzip, React left out, first load / all chunks)',
);
{
  const full = await appSize(
    'vite',
    "import ReactECharts from 'echarts-for-react';\nwindow.ReactECharts = ReactECharts;",
  );
  const goals: Record<string, string> = {
    KpiTile: '<= 8',
    DataTable: '<= 30',
    ChartCard: '<= 210 Vite, <= 215 esbuild',
    EChart: '<= 200 Vite',
  };
  console.log('  | export | Vite first load | Vite all | esbuild first load | esbuild all | goal |');
  console.log('  | --- | --- | --- | --- | --- | --- |');
  for (const name of [
    'EChart',
    'ChartCard',
    'DataTable',
    'KpiTile',
    'KpiGrid',
    'InsightPulseProvider',
    'DataClientProvider',
  ]) {
    const vite = await appSize('vite', appImporting([name]));
    const es = await appSize('esbuild', appImporting([name]));
    console.log(
      `  | ${name} | ${fmt(vite.initial)} | ${fmt(vite.total)} | ${fmt(es.initial)} | ${fmt(es.total)} | ${goals[name] ?? '–'} |`,
    );
  }
  console.log(`  | echarts-for-react's default entry (baseline) | ${fmt(full.initial)} | ${fmt(full.total)} | | | |`);
}

console.log('\nWarehouse: PGlite in Node');
{
  const started = performance.now();
  const fresh = await createDemoWarehouse();
  const freshMs = performance.now() - started;
  const snapshot = await fresh.snapshot();
  await fresh.close();
  const again = performance.now();
  const restored = await createDemoWarehouse({ snapshot });
  const snapshotMs = performance.now() - again;
  await restored.close();
  console.log(
    `  start, ${fresh.salesRows.toLocaleString('en-US')} sales rows, seeded      ${freshMs.toFixed(0).padStart(6)} ms`,
  );
  console.log(
    `  start from a snapshot (${(snapshot.size / 1024 / 1024).toFixed(1)} MB)          ${snapshotMs.toFixed(0).padStart(6)} ms`,
  );
  console.log(`  seeded / snapshot: ${(freshMs / snapshotMs).toFixed(1)}x`);
}
{
  const started = performance.now();
  const warehouse = await createDemoWarehouse({ scale: 'full' });
  console.log(
    `  start, ${warehouse.salesRows.toLocaleString('en-US')} sales rows, seeded   ${(performance.now() - started).toFixed(0).padStart(6)} ms`,
  );
  try {
    const client = createDataClient({
      transport: pgliteTransport({ db: warehouse.db, log: false }),
      spaces: demoSpaces,
    });
    const queries: [string, QueryRequest][] = [
      ['revenue by month', { kind: 'semantic', space: 'sales', query: { metrics: ['revenue'], timeGrain: 'month' } }],
      [
        'revenue and orders by region',
        { kind: 'semantic', space: 'sales', query: { metrics: ['revenue', 'orders'], dimensions: ['region'] } },
      ],
      [
        'top 10 brands, one quarter',
        {
          kind: 'semantic',
          space: 'sales',
          query: {
            metrics: ['revenue'],
            dimensions: ['brand'],
            dateRange: { from: '2025-10-01', to: '2025-12-31' },
            sort: [{ by: 'revenue', direction: 'desc' }],
            limit: 10,
          },
        },
      ],
      [
        'average order value by channel and quarter',
        {
          kind: 'semantic',
          space: 'sales',
          query: { metrics: ['average_order_value'], dimensions: ['channel'], timeGrain: 'quarter' },
        },
      ],
    ];
    for (const [name, request] of queries) {
      // Every run reaches the database: the cache is cleared first. The first run warms up.
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        client.clear();
        const start = performance.now();
        await client.query(request);
        if (i > 0) times.push(performance.now() - start);
      }
      console.log(`  semantic: ${name.padEnd(42)} ${median(times).toFixed(0).padStart(6)} ms (median of 3)`);
    }
    const [, request] = queries[0] as [string, QueryRequest];
    await client.query(request);
    const hits = 10_000;
    const start = performance.now();
    for (let i = 0; i < hits; i++) await client.query(request);
    const hitUs = ((performance.now() - start) / hits) * 1000;
    client.clear();
    const missStart = performance.now();
    await client.query(request);
    const missMs = performance.now() - missStart;
    console.log(
      `  cache hit (same request again)                      ${hitUs.toFixed(1).padStart(6)} µs (mean of ${hits})`,
    );
    console.log(`  the query it saves: ${((missMs * 1000) / hitUs).toFixed(0)}x the cost of the hit`);
    client.dispose();
  } finally {
    await warehouse.close();
  }
}

console.log('\nSupersetEmbed');
{
  // The component's own code against the SDK it wraps, both built by Vite in this run.
  const embed = await appSize('vite', appImporting(['SupersetEmbed'], 'dist/react/superset-embed/index.js'));
  const sdk = await appSize(
    'vite',
    "import { embedDashboard } from '@superset-ui/embedded-sdk';\nwindow.embed = embedDashboard;",
  );
  console.log(
    `  app importing only SupersetEmbed: first load       ${fmt(embed.initial)} (the switchboard loads on first embed; all chunks ${fmt(embed.total)})`,
  );
  console.log(`  the embedded SDK alone (baseline)                   ${fmt(sdk.total)}`);
  console.log(`  everything SupersetEmbed loads / the SDK alone      ${(embed.total / sdk.total).toFixed(2)}x`);
}

console.log('\nKPI tiles and DataTable');
{
  const kpi = await appSize('vite', appImporting(['KpiTile'], 'dist/react/kpi-tile/index.js'));
  const css = gzipSync(readFileSync(join(repo, 'dist/kpi-tile.css'))).length / 1024;
  console.log(
    `  app importing only KpiTile (kpi-tile entry) + kpi-tile.css ${fmt(kpi.initial + css)} (JS ${kpi.initial.toFixed(1)}, CSS ${css.toFixed(1)}; goal <= 8 KiB)`,
  );
}
{
  // One page in Chromium mounts each table synchronously (flushSync) and times it; medians of 7.
  const page = await esbuild({
    stdin: {
      contents: `
        import { createElement as h } from 'react';
        import { flushSync } from 'react-dom';
        import { createRoot } from 'react-dom/client';
        import { DataTable } from './src/react/data-table';
        const rowsOf = (n) => Array.from({ length: n }, (_, i) => ({
          day: new Date(Date.UTC(2025, 0, 1) + (i % 730) * 86400000).toISOString().slice(0, 10),
          region: ['NCR', 'North Luzon', 'South Luzon', 'Visayas', 'Mindanao'][i % 5],
          brand: 'Brand ' + (i % 40),
          orders: (i * 7919) % 1000,
          revenue: ((i * 104729) % 1000000) / 100,
        }));
        const plain = (rows) => h('table', null, h('thead', null, h('tr', null, Object.keys(rows[0]).map((k) => h('th', { key: k }, k)))),
          h('tbody', null, rows.map((r, i) => h('tr', { key: i }, Object.values(r).map((v, j) => h('td', { key: j }, String(v)))))));
        window.bench = (kind, n) => {
          const rows = rowsOf(n);
          const host = document.createElement('div');
          host.style.width = '900px';
          document.body.append(host);
          const root = createRoot(host);
          const start = performance.now();
          flushSync(() => root.render(kind === 'plain' ? plain(rows) : h(DataTable, { data: rows, caption: 'Sales', height: 480 })));
          const ms = performance.now() - start;
          const count = host.querySelectorAll(kind === 'plain' ? 'tbody tr' : '[role=row]').length;
          root.unmount();
          host.remove();
          return { ms, count };
        };`,
      resolveDir: repo,
      loader: 'tsx',
    },
    bundle: true,
    format: 'iife',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const tab = await browser.newPage();
    await tab.setContent('<!doctype html><html><body></body></html>');
    await tab.addScriptTag({ content: page.outputFiles[0]?.text ?? '' });
    const run = async (kind: 'plain' | 'table', n: number) => {
      await tab.evaluate(
        ([k, size]) =>
          (window as unknown as { bench: (k: string, n: number) => unknown }).bench(k as string, size as number),
        [kind, n] as const,
      );
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < 7; i++) {
        const result = (await tab.evaluate(
          ([k, size]) =>
            (window as unknown as { bench: (k: string, n: number) => unknown }).bench(k as string, size as number),
          [kind, n] as const,
        )) as { ms: number; count: number };
        times.push(result.ms);
        count = result.count;
      }
      return { ms: median(times), count };
    };
    const plain = await run('plain', 1_000);
    const table = await run('table', 100_000);
    console.log(
      `  plain table, 1,000 rows (baseline)              ${plain.ms.toFixed(1).padStart(6)} ms, ${plain.count} row elements`,
    );
    console.log(
      `  DataTable, 100,000 rows                         ${table.ms.toFixed(1).padStart(6)} ms, ${table.count} row elements`,
    );
    console.log(`  DataTable 100k / plain 1k: ${(table.ms / plain.ms).toFixed(2)}x (goal <= 1.5x)`);
  } finally {
    await browser.close();
  }
}

console.log('\nJenny: questions to answers on the demo warehouse, in Node');
{
  const { createQuestionInterpreter, createJennyEngine, loadDimensionValues } = await import(
    '../../src/core/jenny/index'
  );
  const { EVAL_QUESTIONS, EVAL_TODAY } = await import('../jenny/questions');
  const warehouse = await createDemoWarehouse();
  try {
    const client = createDataClient({
      transport: pgliteTransport({ db: warehouse.db, log: false }),
      spaces: demoSpaces,
    });
    const values = await loadDimensionValues(client, demoSpaces);
    const interpreter = createQuestionInterpreter({ spaces: demoSpaces, values, today: EVAL_TODAY });
    // Interpretation: each question of the eval set read 50 times; the median of the per-question medians.
    const perQuestion = EVAL_QUESTIONS.map(({ question }) => {
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const start = performance.now();
        interpreter.interpret(question);
        times.push(performance.now() - start);
      }
      return median(times);
    });
    const slowest = Math.max(...perQuestion);
    console.log(
      `  interpretation, ${EVAL_QUESTIONS.length} questions          ${(median(perQuestion) * 1000).toFixed(0).padStart(6)} µs median per question, slowest ${(slowest * 1000).toFixed(0)} µs (goal <= 1 ms median)`,
    );

    // A whole answer (read, query, chart, summary, reasoning, suggestions) against its query alone, the floor.
    const jenny = createJennyEngine({ source: client, values, today: 'data' });
    const asked = [
      ['sales', 'Top 5 brands by revenue last 30 days'],
      ['sales', 'Revenue by region by month this year'],
      ['finance', 'Expenses by department last quarter'],
      ['creative', 'CTR by channel last 90 days'],
    ] as const;
    for (const [space, question] of asked) {
      const times: number[] = [];
      const queryTimes: number[] = [];
      let interpretation: unknown;
      for (let i = 0; i < 9; i++) {
        client.clear();
        const start = performance.now();
        const answer = await jenny.ask({ space, question });
        times.push(performance.now() - start);
        interpretation = answer.interpretation;
      }
      const read = interpretation as { kind: string; space: string; query: never } | undefined;
      if (read?.kind === 'query') {
        for (let i = 0; i < 9; i++) {
          client.clear();
          const start = performance.now();
          await client.query({ kind: 'semantic', space: read.space, query: read.query });
          queryTimes.push(performance.now() - start);
        }
      }
      const ms = median(times);
      const floor = queryTimes.length ? median(queryTimes) : Number.NaN;
      console.log(
        `  answer: ${question.padEnd(40)} ${ms.toFixed(1).padStart(6)} ms median of 9 (its query alone ${floor.toFixed(1)} ms, ${(ms / floor).toFixed(1)}x; goal <= 150 ms)`,
      );
    }
    client.dispose();
  } finally {
    await warehouse.close();
  }
  const entry = await appSize(
    'esbuild',
    appImporting(['createQuestionInterpreter', 'findPeriod', 'loadDimensionValues'], 'dist/core/jenny/index.js'),
  );
  const entryVite = await appSize(
    'vite',
    appImporting(['createQuestionInterpreter', 'findPeriod', 'loadDimensionValues'], 'dist/core/jenny/index.js'),
  );
  const answers = await appSize('esbuild', appImporting(['createJennyEngine'], 'dist/core/jenny/index.js'));
  console.log(
    `  @insightpulse/ui/jenny, the interpreter          esbuild ${fmt(entry.total)}, Vite ${fmt(entryVite.total)} gzip (goal <= 15 KiB, no ECharts)`,
  );
  console.log(
    `  an app answering with createJennyEngine          esbuild ${fmt(answers.total)} gzip (adapter included)`,
  );
}

console.log(
  "\nJennyPanel: an app rendering it from the root entry (gzip, React left out; goal <= 40 KiB beyond the library's first chart)",
);
{
  const data = "{ rows: [{ month: '2025-01', revenue: 412 }, { month: '2025-02', revenue: 398 }] }";
  const chartCard = `h(ChartCard, { title: 'Revenue', data: ${data}, spec: 'auto' })`;
  const panel = "h(JennyPanel, { space: 'sales' })";
  const apps = {
    chart: appRendering(['ChartCard'], chartCard),
    panel: appRendering(['JennyPanel'], panel),
    both: appRendering(['ChartCard', 'JennyPanel'], `h(Fragment, null, ${chartCard}, ${panel})`),
  };
  /** What the first load holds of what the issue says loads when first needed. */
  const deferred: [string, RegExp][] = [
    ['ECharts', /\/node_modules\/(echarts|zrender)\//],
    ['ChartCard', /\/dist\/react\/chart-card\//],
    ['DataTable', /\/dist\/react\/data-table\//],
    ['the dialog', /\/node_modules\/@radix-ui\/react-dialog\//],
  ];
  const held = (size: AppSize) => deferred.filter(([, pattern]) => size.initialModules.some((m) => pattern.test(m)));
  const sizeOf = async (main: string) => ({
    vite: await appSize('vite', main),
    esbuild: await appSize('esbuild', main),
  });
  const sizes = { chart: await sizeOf(apps.chart), panel: await sizeOf(apps.panel), both: await sizeOf(apps.both) };
  const names = { chart: 'ChartCard (the first chart)', panel: 'JennyPanel', both: 'ChartCard and JennyPanel' };
  console.log(
    '  | app rendering | Vite first load | Vite all | esbuild first load | esbuild all | in the first load |',
  );
  console.log('  | --- | --- | --- | --- | --- | --- |');
  for (const key of Object.keys(apps) as (keyof typeof apps)[]) {
    const { vite, esbuild: es } = sizes[key];
    const inFirst = [...new Set([...held(vite), ...held(es)].map(([name]) => name))];
    console.log(
      `  | ${names[key]} | ${fmt(vite.initial)} | ${fmt(vite.total)} | ${fmt(es.initial)} | ${fmt(es.total)} | ${inFirst.join(', ') || 'none of ECharts, ChartCard, DataTable, the dialog'} |`,
    );
  }
  const signed = (kib: number) => `${kib >= 0 ? '+' : '−'}${Math.abs(kib).toFixed(1)} KiB`.padStart(10);
  const verdict = (kibs: number[]) => (Math.max(...kibs) <= 40 ? 'held' : 'not held');
  const line = (label: string, of: (b: 'vite' | 'esbuild') => number, note: string, sign = true) => {
    const [v, e] = [of('vite'), of('esbuild')];
    const show = sign ? signed : fmt;
    console.log(`  ${label.padEnd(48)} Vite ${show(v)}, esbuild ${show(e)} (${note}: ${verdict([v, e])})`);
  };
  line(
    'JennyPanel app − ChartCard app, first load',
    (b) => sizes.panel[b].initial - sizes.chart[b].initial,
    'budget <= 40 KiB',
  );
  line(
    'ChartCard and JennyPanel app − ChartCard app',
    (b) => sizes.both[b].initial - sizes.chart[b].initial,
    'what the panel adds beside a chart, <= 40 KiB',
  );
  line('JennyPanel app, first load', (b) => sizes.panel[b].initial, 'the whole first load <= 40 KiB', false);
  const loadedFirst = [...new Set([...held(sizes.panel.vite), ...held(sizes.panel.esbuild)].map(([name]) => name))];
  console.log(
    `  ECharts, DataTable and the dialog load when first needed: ${loadedFirst.length ? `not held (the JennyPanel app loads ${loadedFirst.join(', ')} first)` : 'held'}`,
  );
}

console.log('\nJennyPanel: a 2,000-token summary streaming in, in Chromium (dist/, React profiling build)');
{
  const summary = { characters: 9_000, deltaSize: 20 } as const;
  const scenarios: [string, StreamOptions][] = [
    ['burst: 5 chunks a task, yield by message', { ...summary, perTask: 5, yieldBy: 'message', withRows: false }],
    ['steady: 4 chunks a task, yield by setTimeout', { ...summary, perTask: 4, yieldBy: 'timeout', withRows: false }],
    ['burst, under a chart and table', { ...summary, perTask: 5, yieldBy: 'message', withRows: true }],
    ['steady, under a chart and table', { ...summary, perTask: 4, yieldBy: 'timeout', withRows: true }],
  ];
  const runs = 3;
  const started = performance.now();
  const measured = await measureJennyStream(
    scenarios.map(([, options]) => options),
    runs,
  );
  const all = measured.flatMap(({ results }, i) => results.map((result) => ({ name: scenarios[i]?.[0], ...result })));
  const most = (of: (r: (typeof all)[number]) => number, list = all) => Math.max(0, ...list.map(of));
  const first = all[0];
  console.log(
    `  <JennyPanel space="sales" client={client}/> in <Profiler>; text-start, ${first?.characters.toLocaleString('en-US')} characters in ${first?.deltas} text-delta chunks of ${summary.deltaSize}, text-end, finish`,
  );
  console.log(
    `  counts from the median run of ${runs}, longest times from the worst (after one warm-up run); task times from Chromium's trace, wall / CPU`,
  );
  console.log(
    '  | stream | stream ms | chunks / frame | commits | frames | most commits in a frame | longest render | longest task | most CPU in a task | long tasks > 50 ms |',
  );
  console.log('  | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name] of scenarios) {
    const results = all.filter((r) => r.name === name);
    const mid = [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)];
    if (!mid) continue;
    const longest = results.reduce((a, r) => (r.longestTask.wall > a.longestTask.wall ? r : a), mid).longestTask;
    const longTasks = results.reduce((n, r) => n + r.longTasks, 0);
    console.log(
      `  | ${name} | ${mid.ms.toFixed(0)} | ${(mid.deltas / Math.max(1, mid.frames)).toFixed(1)} | ${mid.commits} | ${mid.frames} | ${most((r) => r.maxCommitsPerFrame, results)} | ${most((r) => r.longestRender, results).toFixed(1)} ms | ${longest.wall.toFixed(1)} / ${longest.cpu.toFixed(1)} ms | ${most((r) => r.longestCpuTask, results).toFixed(1)} ms | ${longTasks ? `${longTasks}, longest ${most((r) => r.longestLongTask, results).toFixed(0)} ms` : 'none'} |`,
    );
  }
  const perFrame = most((r) => r.maxCommitsPerFrame);
  const whole = all.every((r) => r.shownWhole);
  const drawn = all.filter((r) => r.name?.includes('chart')).every((r) => r.chartDrawn);
  console.log(
    `  at most 1 React commit per animation frame: ${perFrame <= 1 ? 'held' : 'not held'} (most in one frame ${perFrame}; every summary shown whole: ${whole ? 'yes' : 'no'}; chart and table drawn first where named: ${drawn ? 'yes' : 'no'})`,
  );
  const wall = most((r) => r.longestTask.wall);
  const cpu = most((r) => r.longestCpuTask);
  console.log(
    `  never blocked longer than 50 ms: ${wall <= 50 ? 'held' : 'not held'} in wall time (longest task ${wall.toFixed(1)} ms); ${cpu <= 50 ? 'held' : 'not held'} in CPU time (most CPU in one task ${cpu.toFixed(1)} ms)`,
  );
  console.log(
    `  the panel's own work: longest React render ${most((r) => r.longestRender).toFixed(1)} ms (Profiler actualDuration), longest task emitting chunks into the store ${most((r) => r.longestEmitTask).toFixed(1)} ms`,
  );
  const worst = all.reduce<(typeof all)[number] | undefined>(
    (a, r) => ((r.longFrame?.duration ?? 0) > (a?.longFrame?.duration ?? 0) ? r : a),
    undefined,
  );
  if (worst?.longFrame) {
    const frame = worst.longFrame;
    console.log(
      `  longest animation frame over 50 ms (${worst.name}): ${frame.duration.toFixed(0)} ms, blocking ${frame.blocking.toFixed(0)} ms; script ${frame.script.toFixed(0)} ms (the longest: ${frame.invoker || 'none listed'}), its rendering step (rAF callbacks, style, layout, paint) ${frame.rendering.toFixed(0)} ms`,
    );
  }
  const [load] = loadavg();
  console.log(
    `  machine: load average ${load?.toFixed(1)} on ${availableParallelism()} CPUs (wall time includes waiting for a CPU); this section ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

await chartsSection();

/** Section 7 (a function, so that `npm run bench -- charts` can run it alone; it uses no module-level constant). */
async function chartsSection() {
  console.log(
    '\nCharts at run time, in Chromium (dist/, production React, 1280×900): the library against echarts-for-react (its core on the same ECharts) and raw ECharts, in one page',
  );
  const started = performance.now();
  const report = await measureCharts({ rounds: 5, cardRounds: 3 });
  console.log(
    `  medians of ${report.rounds} rounds (ChartCard on 1M rows: ${report.cardRounds}, it takes seconds a run) after one warm-up round; the variants' order alternates from round to round`,
  );
  console.log('  | scenario | measure | library | echarts-for-react | raw ECharts | ratio | target | |');
  console.log('  | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of report.rows) {
    console.log(
      `  | ${row.scenario} | ${row.measure} | ${row.library} | ${row.echartsForReact} | ${row.raw} | ${row.ratio} | ${row.target} | ${row.verdict} |`,
    );
  }
  for (const note of report.notes) console.log(`  ${note}`);
  const [load] = loadavg();
  console.log(
    `  machine: load average ${load?.toFixed(1)} on ${availableParallelism()} CPUs (wall time includes waiting for a CPU); this section ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
