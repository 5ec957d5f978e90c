// @vitest-environment node
/**
 * What each component costs an app that imports it from the root entry, built by Vite and by esbuild
 * (the bundlers apps use), against the budgets in README's Performance section. Builds the apps from
 * dist/ (`npm test` builds it first). Sizes are gzip KiB of what loads first, React left out.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appImporting, appSize, type Bundler, repo } from '../bench/bundle-size';

/** Budgets in gzip KiB of the first load: the goals of README's Performance section. */
const BUDGETS: [name: string, bundler: Bundler, budget: number][] = [
  ['KpiTile', 'vite', 8],
  ['KpiTile', 'esbuild', 8],
  ['DataTable', 'vite', 30],
  ['DataTable', 'esbuild', 30],
  ['EChart', 'vite', 200],
  ['ChartCard', 'vite', 210],
  // 216, not 215, since JennyPanel loads its chart and table on demand: esbuild turns every `import()` the root entry
  // reaches into a chunk, even one no export in use leads to, and splits the npm modules a chunk shares with the
  // first load (ECharts' own) into more chunks by who shares them: 0.6 KiB more for an app with only a ChartCard.
  ['ChartCard', 'esbuild', 216],
];

describe.skipIf(!existsSync(resolve(repo, 'dist/index.js')))('bundle budgets, importing from the root entry', () => {
  it.each(BUDGETS)('%s with %s stays within %d KiB', { timeout: 180_000 }, async (name, bundler, budget) => {
    const { initial } = await appSize(bundler, appImporting([name]));
    expect(initial).toBeGreaterThan(1); // the app holds the component: the measure is not vacuous
    expect(initial).toBeLessThanOrEqual(budget);
  });

  it('keeps the Jenny entry within 15 KiB with both bundlers, without ECharts', { timeout: 180_000 }, async () => {
    const app = appImporting(
      ['createQuestionInterpreter', 'findPeriod', 'loadDimensionValues'],
      'dist/core/jenny/index.js',
    );
    for (const bundler of ['vite', 'esbuild'] as const) {
      const { initial, total } = await appSize(bundler, app);
      expect(initial).toBeGreaterThan(1);
      expect(total).toBeLessThanOrEqual(15);
    }
  });

  it('loads JennyPanel within 40 KiB first, with ECharts, ChartCard, DataTable and Radix Dialog on demand', {
    timeout: 180_000,
  }, async () => {
    for (const bundler of ['vite', 'esbuild'] as const) {
      // The check can fail: a ChartCard app's first load names ECharts' modules this way.
      const card = await appSize(bundler, appImporting(['ChartCard']));
      expect(card.initialModules.join('\n')).toContain('node_modules/echarts/');
      const { initial, initialModules } = await appSize(bundler, appImporting(['JennyPanel']));
      expect(initial).toBeGreaterThan(1);
      expect(initial).toBeLessThanOrEqual(40);
      const first = initialModules.join('\n');
      expect(first).toContain('jenny-panel');
      for (const later of [
        'node_modules/echarts/',
        'chart-card/chart-card',
        'data-table/data-table',
        '@radix-ui/react-dialog',
      ]) {
        expect(first, `${bundler}: ${later}`).not.toContain(later);
      }
    }
  });

  it("keeps every ECharts module README loads on demand out of ChartCard's first load", {
    timeout: 180_000,
  }, async () => {
    const onDemand = [
      'chart/pie/',
      'chart/scatter/',
      'chart/heatmap/',
      'chart/funnel/',
      'component/visualMap/',
      'component/title/',
      'component/legend/',
      'renderer/installSVGRenderer',
    ];
    for (const bundler of ['vite', 'esbuild'] as const) {
      const { initialModules } = await appSize(bundler, appImporting(['ChartCard']));
      const first = initialModules.join('\n');
      // The check can fail: the first load names the modules it does hold this way.
      expect(first).toContain('echarts/lib/chart/bar/install');
      for (const module of onDemand) expect(first, `${bundler}: ${module}`).not.toContain(`echarts/lib/${module}`);
    }
  });

  it('keeps ECharts out of an app that draws no chart', { timeout: 180_000 }, async () => {
    const chart = await appSize('vite', appImporting(['EChart']));
    for (const bundler of ['vite', 'esbuild'] as const) {
      const noChart = await appSize(bundler, appImporting(['KpiTile', 'KpiGrid', 'DataTable', 'InsightPulseProvider']));
      expect(noChart.initial).toBeLessThan(chart.initial / 5);
    }
  });
});
