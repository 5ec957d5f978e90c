import type { EChartsCoreOption } from 'echarts/core';
import { type EChartsExtension, echarts } from './setup';

/**
 * The ECharts modules that load the first time an option needs them, so that an app whose charts are
 * lines and bars never downloads them. Each is its own chunk.
 */
const loaders = {
  pie: () => import('./modules/pie'),
  scatter: () => import('./modules/scatter'),
  heatmap: () => import('./modules/heatmap'),
  funnel: () => import('./modules/funnel'),
  legend: () => import('./modules/legend'),
  visualMap: () => import('./modules/visual-map'),
  title: () => import('./modules/title'),
  svg: () => import('./modules/svg'),
} satisfies Record<string, () => Promise<{ default: EChartsExtension }>>;

export type OnDemandModule = keyof typeof loaders;

const SERIES_MODULES: Readonly<Record<string, OnDemandModule>> = {
  pie: 'pie',
  scatter: 'scatter',
  heatmap: 'heatmap',
  funnel: 'funnel',
};

const registered = new Set<OnDemandModule>();
const inFlight = new Map<OnDemandModule, Promise<void>>();

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** The on-demand modules an option needs (in the given renderer) that are not registered yet. */
export function missingChartModules(
  option: EChartsCoreOption,
  renderer: 'canvas' | 'svg' = 'canvas',
): OnDemandModule[] {
  const needed = new Set<OnDemandModule>();
  for (const series of list(option.series)) {
    const type = (series as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && Object.hasOwn(SERIES_MODULES, type))
      needed.add(SERIES_MODULES[type] as OnDemandModule);
  }
  if (list(option.legend).length > 0) needed.add('legend');
  if (list(option.visualMap).length > 0) needed.add('visualMap');
  if (list(option.title).length > 0) needed.add('title');
  if (renderer === 'svg') needed.add('svg');
  return [...needed].filter((name) => !registered.has(name));
}

function load(name: OnDemandModule): Promise<void> {
  let pending = inFlight.get(name);
  if (!pending) {
    pending = loaders[name]().then(
      (module) => {
        echarts.use(module.default);
        registered.add(name);
      },
      (error: unknown) => {
        inFlight.delete(name); // A failed chunk load can be tried again.
        throw error;
      },
    );
    inFlight.set(name, pending);
  }
  return pending;
}

/**
 * Loads and registers the on-demand ECharts modules an option needs: scatter, heatmap and funnel
 * charts, the visual map, titles and the SVG renderer. `<EChart>` and `<ChartCard>` call it for you;
 * call it yourself before `echarts.init` when you render an option with the library's `echarts`
 * directly. Resolves at once when nothing is missing; concurrent calls share one download per module.
 */
export async function loadChartModules(
  option: EChartsCoreOption,
  { renderer = 'canvas' }: { renderer?: 'canvas' | 'svg' } = {},
): Promise<void> {
  await Promise.all(missingChartModules(option, renderer).map(load));
}
