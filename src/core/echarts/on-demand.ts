import type { EChartsCoreOption } from 'echarts/core';
import type { RARE_BUILDERS } from '../adapter/rare-builders';
import { type EChartsExtension, echarts } from './setup';

/**
 * The ECharts modules that load the first time an option needs them, so that an app whose charts are
 * lines and bars never downloads them. They come in three chunks: the frequent ones (pies, legends,
 * titles), the rarer ones (scatter, heatmap and funnel charts, the visual map) and the SVG renderer.
 * Fewer, larger chunks keep ECharts' shared internals out of the first load: with a chunk each, bundlers
 * hoisted what two chunks shared into a chunk the first load imports (8.7 KiB gzip with Vite).
 */
const chunks = {
  frequent: () => import('./modules/frequent'),
  rare: () => import('./modules/rare'),
  svg: () => import('./modules/svg'),
} satisfies Record<string, () => Promise<{ default: Record<string, EChartsExtension> }>>;

type Chunk = keyof typeof chunks;

/** Each on-demand module and the chunk it comes in. */
const CHUNK_OF = {
  pie: 'frequent',
  legend: 'frequent',
  title: 'frequent',
  scatter: 'rare',
  heatmap: 'rare',
  funnel: 'rare',
  visualMap: 'rare',
  svg: 'svg',
} as const satisfies Record<string, Chunk>;

export type OnDemandModule = keyof typeof CHUNK_OF;

const SERIES_MODULES: Readonly<Record<string, OnDemandModule>> = {
  pie: 'pie',
  scatter: 'scatter',
  heatmap: 'heatmap',
  funnel: 'funnel',
};

const registered = new Set<OnDemandModule>();
const inFlight = new Map<Chunk, Promise<void>>();

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

/** Loads the chunk that holds `name` and registers every module in it (once per chunk). */
function load(name: OnDemandModule): Promise<void> {
  const chunk = CHUNK_OF[name];
  let pending = inFlight.get(chunk);
  if (!pending) {
    pending = chunks[chunk]().then(
      (module) => {
        for (const [moduleName, extension] of Object.entries(module.default)) {
          echarts.use(extension);
          registered.add(moduleName as OnDemandModule);
        }
      },
      (error: unknown) => {
        inFlight.delete(chunk); // A failed chunk load can be tried again.
        throw error;
      },
    );
    inFlight.set(chunk, pending);
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

/** The rarer option builders, scatter and heatmap, once loaded (undefined before). */
let rareBuilders: typeof RARE_BUILDERS | undefined;

/** The rarer option builders if they have loaded: ChartCard builds at once when they have. */
export const loadedRareBuilders = (): typeof RARE_BUILDERS | undefined => rareBuilders;

/**
 * Loads the rarer option builders (scatter, heatmap) with the ECharts chunk that draws them, and registers that
 * chunk's modules. ChartCard calls it the first time it draws one of them.
 */
export async function loadRareBuilders(): Promise<typeof RARE_BUILDERS> {
  await load('scatter');
  rareBuilders ??= (await chunks.rare()).builders;
  return rareBuilders;
}
