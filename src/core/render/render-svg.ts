import type { EChartsCoreOption } from 'echarts/core';
import { resolveTheme, type ThemeInput } from '../../theme/echarts-theme';
import { guardNames } from '../adapter/names';
import { loadChartModules } from '../echarts/on-demand';
import { echarts } from '../echarts/setup';
import { RenderError } from './errors';
import { type SVGVNode, writeSVG } from './write-svg';

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

interface SVGPainter {
  renderToVNode?(options: {
    animation: boolean;
    emphasis: boolean;
    willUpdate: boolean;
    compress: boolean;
    useViewBox: boolean;
  }): SVGVNode;
}

/**
 * The library's one SVG renderer, behind both `renderChartToSVGString` and ChartCard's Download SVG.
 * ECharts' server-side SVG path draws the chart (no DOM, animation off) in the InsightPulse theme; the file
 * is written by `writeSVG`, which escapes what ECharts' writer leaves raw and refuses anything live. Names
 * that are `Object.prototype` keys are guarded first (see `guardNames`). The chart modules the option needs
 * must be registered already. Throws `RenderError`.
 */
export function renderRegisteredChartToSVG(option: EChartsCoreOption, options: RenderSVGOptions = {}): string {
  const { width = 600, height = 400, theme = 'light', locale } = options;
  const chart = echarts.init(null, resolveTheme(theme).name, { renderer: 'svg', ssr: true, width, height, locale });
  try {
    chart.setOption({ ...guardNames(option), animation: false });
    const painter = chart.getZr().painter as unknown as SVGPainter;
    if (typeof painter.renderToVNode !== 'function') {
      throw new RenderError('unsupported', 'This ECharts has no server-side SVG renderer: use ECharts 5.5 or later.');
    }
    // As ECharts' renderToSVGString, but static: no CSS animation or hover styles (no <style> at all).
    const tree = painter.renderToVNode({
      animation: false,
      emphasis: false,
      willUpdate: false,
      compress: true,
      useViewBox: true,
    });
    return writeSVG(tree);
  } finally {
    chart.dispose();
  }
}

/**
 * Renders a chart to SVG markup with the one SVG renderer, loading the chart modules and the SVG renderer
 * the option needs first (in the browser, on first use). ChartCard's Download SVG uses it.
 */
export async function renderChartToSVG(option: EChartsCoreOption, options: RenderSVGOptions = {}): Promise<string> {
  await loadChartModules(option, { renderer: 'svg' });
  return renderRegisteredChartToSVG(option, options);
}
