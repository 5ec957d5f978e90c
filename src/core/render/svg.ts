import { FunnelChart, HeatmapChart, PieChart, ScatterChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, VisualMapComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { resolveTheme, type ThemeInput } from '../../theme/echarts-theme';
import { echarts } from '../echarts/setup';

export interface RenderSVGOptions {
  /** Width in px. Default 600. */
  width?: number;
  /** Height in px. Default 400. */
  height?: number;
  /** `'light'`, `'dark'` or the name of any registered theme. Default `'light'`. */
  theme?: ThemeInput;
  /** ECharts locale, for example `'EN'` or `'ZH'`. Default ECharts' own. */
  locale?: string;
}

/**
 * Renders a chart to an SVG string without a DOM (ECharts server-side rendering), in the
 * InsightPulse theme: for emails, reports and a server-rendered first paint. Animation is off.
 */
export function renderChartToSVGString(option: EChartsCoreOption, options: RenderSVGOptions = {}): string {
  const { width = 600, height = 400, theme = 'light', locale } = options;
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
  const chart = echarts.init(null, resolveTheme(theme).name, { renderer: 'svg', ssr: true, width, height, locale });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
