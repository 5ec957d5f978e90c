import type { EChartsCoreOption } from 'echarts/core';
import { install as FunnelChart } from 'echarts/lib/chart/funnel/install.js';
import { install as HeatmapChart } from 'echarts/lib/chart/heatmap/install.js';
import { install as PieChart } from 'echarts/lib/chart/pie/install.js';
import { install as ScatterChart } from 'echarts/lib/chart/scatter/install.js';
import { install as LegendComponent } from 'echarts/lib/component/legend/install.js';
import { install as TitleComponent } from 'echarts/lib/component/title/install.js';
import { install as VisualMapComponent } from 'echarts/lib/component/visualMap/install.js';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';
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
