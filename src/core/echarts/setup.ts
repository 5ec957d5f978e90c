import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { registerInsightPulseThemes } from '../../theme/register';

/**
 * The tree-shaken ECharts the library renders with: `echarts/core` with only the charts, components
 * and renderers the library uses, and the InsightPulse themes registered.
 */
echarts.use([
  LineChart,
  BarChart,
  PieChart,
  ScatterChart,
  HeatmapChart,
  FunnelChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DatasetComponent,
  VisualMapContinuousComponent,
  AriaComponent,
  CanvasRenderer,
  SVGRenderer,
]);
registerInsightPulseThemes(echarts);

/** An ECharts extension: a chart, component, feature or renderer from `echarts/*`. */
export type EChartsExtension = Parameters<typeof echarts.use>[0];

/**
 * Adds ECharts charts, components or renderers to the ones the library registers, for options that
 * need more (a heatmap, a data zoom, a map). Call it once, before the first chart renders:
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
