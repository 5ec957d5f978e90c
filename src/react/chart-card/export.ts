import type { EChartsCoreOption } from 'echarts/core';
import { loadChartModules } from '../../core/echarts/on-demand';
import { echarts } from '../../core/echarts/setup';
import { renderChartToSVG } from '../../core/render/render-svg';

export interface ExportSize {
  width: number;
  height: number;
  /** A registered ECharts theme name. */
  theme: string;
}

/**
 * The chart as a PNG, rendered by a detached ECharts instance at the given size (twice the pixels for
 * sharpness), so it does not matter whether the card shows the chart, the table or the SQL.
 */
export async function renderPNG(option: EChartsCoreOption, { width, height, theme }: ExportSize): Promise<string> {
  await loadChartModules(option);
  const chart = echarts.init(document.createElement('div'), theme, { renderer: 'canvas', width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio: 2 });
  } finally {
    chart.dispose();
  }
}

/**
 * The chart as SVG markup, by the library's one SVG renderer (the one behind `renderChartToSVGString`,
 * loaded with the SVG modules on first use): escaped, inert, at the live chart's size and theme.
 */
export function renderSVG(option: EChartsCoreOption, size: ExportSize): Promise<string> {
  return renderChartToSVG(option, size);
}
