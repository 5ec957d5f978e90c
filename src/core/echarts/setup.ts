import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { registerInsightPulseThemes } from '../../theme/register';

/**
 * The tree-shaken ECharts the library renders with: `echarts/core` with the charts and components most
 * charts need, and the InsightPulse themes registered. Scatter, heatmap and funnel charts, the visual
 * map, titles and the SVG renderer load on demand (see `loadChartModules`).
 */
echarts.use([
  LineChart,
  BarChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DatasetComponent,
  AriaComponent,
  CanvasRenderer,
]);
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
