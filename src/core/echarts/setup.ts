import * as echarts from 'echarts/core';
// Each module from its own file, not through the `echarts/charts`, `echarts/components` and
// `echarts/renderers` barrels: a bundler that splits code by file (esbuild) would otherwise put every
// module the barrels name, the ones loaded on demand too, into the first load.
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as AriaComponent } from 'echarts/lib/component/aria/install.js';
import { install as DatasetComponent } from 'echarts/lib/component/dataset/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as TooltipComponent } from 'echarts/lib/component/tooltip/install.js';
import { install as CanvasRenderer } from 'echarts/lib/renderer/installCanvasRenderer.js';
import { registerInsightPulseThemes } from '../../theme/register';

/**
 * The tree-shaken ECharts the library renders with: `echarts/core` with the charts and components most
 * charts need, and the InsightPulse themes registered. Pie, scatter, heatmap and funnel charts, legends, the visual
 * map, titles and the SVG renderer load on demand (see `loadChartModules`).
 */
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, DatasetComponent, AriaComponent, CanvasRenderer]);
registerInsightPulseThemes(echarts);

/** An ECharts extension: a chart, component, feature or renderer from `echarts/*`. */
export type EChartsExtension = Parameters<typeof echarts.use>[0];

/**
 * Adds ECharts charts, components or renderers to the ones the library registers, for options that
 * need more (a gauge, a data zoom, a map). Call it once, before the first chart renders:
 *
 * ```ts
 * import { GaugeChart } from 'echarts/charts';
 * import { DataZoomComponent } from 'echarts/components';
 * registerEChartsModules([GaugeChart, DataZoomComponent]);
 * ```
 */
export function registerEChartsModules(extensions: EChartsExtension): void {
  echarts.use(extensions);
}

/** The major version of the ECharts the library was given (5 or 6). */
export const echartsMajorVersion = Number.parseInt(echarts.version, 10);

export { echarts };
