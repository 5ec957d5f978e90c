import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from '../../core/echarts/setup';
import { renderChartToSVGString } from '../../core/render/svg';

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
export function renderPNG(option: EChartsCoreOption, { width, height, theme }: ExportSize): string {
  const chart = echarts.init(document.createElement('div'), theme, { renderer: 'canvas', width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.getDataURL({ type: 'png', pixelRatio: 2 });
  } finally {
    chart.dispose();
  }
}

export function renderSVG(option: EChartsCoreOption, { width, height, theme }: ExportSize): string {
  return renderChartToSVGString(option, { width, height, theme });
}
