import type { EChartsCoreOption } from 'echarts/core';
import FunnelChart from '../echarts/modules/funnel';
import HeatmapChart from '../echarts/modules/heatmap';
import LegendComponent from '../echarts/modules/legend';
import PieChart from '../echarts/modules/pie';
import ScatterChart from '../echarts/modules/scatter';
import SVGRenderer from '../echarts/modules/svg';
import TitleComponent from '../echarts/modules/title';
import VisualMapComponent from '../echarts/modules/visual-map';
import { echarts } from '../echarts/setup';
import { type RenderSVGOptions, renderRegisteredChartToSVG } from './render-svg';

export type { RenderSVGOptions } from './render-svg';

/**
 * Renders a chart to an SVG string without a DOM (ECharts server-side rendering), in the
 * InsightPulse theme: for emails, reports and a server-rendered first paint. Animation is off.
 * The SVG is inert: every value is escaped, and it holds no script, event attribute, HTML or script URL
 * (an option that would need one throws `RenderError` with code `'unsafe-svg'`). Pass options from
 * outside through `sanitizeOption` first.
 */
export function renderChartToSVGString(option: EChartsCoreOption, options: RenderSVGOptions = {}): string {
  // Rendering here is synchronous, so what the browser loads on demand is registered up front.
  echarts.use([
    SVGRenderer,
    PieChart,
    ScatterChart,
    HeatmapChart,
    FunnelChart,
    VisualMapComponent,
    TitleComponent,
    LegendComponent,
  ]);
  return renderRegisteredChartToSVG(option, options);
}
