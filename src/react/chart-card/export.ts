import type { EChartsCoreOption } from 'echarts/core';
import { loadChartModules } from '../../core/echarts/on-demand';
import { echarts } from '../../core/echarts/setup';

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

/** The chart as SVG markup, rendered the same way by ECharts' SVG renderer (loaded on first use). */
export async function renderSVG(option: EChartsCoreOption, { width, height, theme }: ExportSize): Promise<string> {
  await loadChartModules(option, { renderer: 'svg' });
  const chart = echarts.init(null, theme, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
