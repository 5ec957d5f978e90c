import { type ColorMode, type ColorScheme, chart, colors, typography } from '../../themes/tokens';
import { withAlpha } from './color';
import { type InsightPulseThemeName, THEME_NAMES } from './names';

export { type InsightPulseThemeName, THEME_NAMES };

/** A theme as components take it: a mode, or the name of any theme registered with ECharts. */
export type ThemeInput = ColorMode | (string & {});

/**
 * The registered ECharts theme name and the colour mode for a theme input. A custom theme name keeps
 * `fallback` as its mode (used for the library's own chrome, such as the loading mask).
 */
export function resolveTheme(
  theme: ThemeInput | undefined,
  fallback: ColorMode = 'light',
): { mode: ColorMode; name: string } {
  if (theme === 'light' || theme === 'dark') return { mode: theme as ColorMode, name: THEME_NAMES[theme as ColorMode] };
  return { mode: fallback, name: theme ?? THEME_NAMES[fallback] };
}

/** An ECharts theme object, as `echarts.registerTheme` takes it. */
export type EChartsTheme = Record<string, unknown>;

function axis(scheme: ColorScheme, kind: 'category' | 'value') {
  const isCategory = kind === 'category';
  return {
    axisLine: { show: isCategory, lineStyle: { color: scheme.gridLine } },
    axisTick: { show: false },
    axisLabel: { color: scheme.onSurfaceVariant },
    splitLine: isCategory ? { show: false } : { show: true, lineStyle: { color: scheme.gridLine, type: 'dashed' } },
    nameTextStyle: { color: scheme.onSurfaceVariant },
  };
}

/** Builds the ECharts theme of one colour mode from the design tokens. */
export function createEChartsTheme(mode: ColorMode): EChartsTheme {
  const scheme: ColorScheme = colors[mode];
  const text = {
    fontFamily: typography.fontFamily.sans,
    fontSize: chart.fontSize,
    color: scheme.onSurface,
  };
  const line = {
    itemStyle: { borderWidth: chart.lineWidth },
    lineStyle: { width: chart.lineWidth },
    symbolSize: chart.symbolSize,
    symbol: chart.symbol,
    smooth: false,
  };
  return {
    color: [...scheme.palette],
    backgroundColor: scheme.background,
    textStyle: text,
    title: {
      textStyle: {
        fontSize: chart.titleFontSize,
        fontWeight: chart.titleFontWeight,
        color: scheme.onSurface,
      },
      subtextStyle: { color: scheme.onSurfaceVariant },
    },
    line,
    radar: line,
    bar: { itemStyle: { borderWidth: 0, borderColor: scheme.outlineVariant } },
    pie: { itemStyle: { borderWidth: 1, borderColor: scheme.background } },
    scatter: { symbolSize: chart.symbolSize * 2, itemStyle: { borderWidth: 0 } },
    categoryAxis: axis(scheme, 'category'),
    valueAxis: axis(scheme, 'value'),
    logAxis: axis(scheme, 'value'),
    timeAxis: axis(scheme, 'category'),
    legend: { textStyle: { color: scheme.onSurface } },
    tooltip: {
      backgroundColor: scheme.tooltipBackground,
      borderColor: scheme.tooltipBorder,
      borderWidth: chart.tooltipBorderWidth,
      textStyle: { color: scheme.tooltipText },
    },
    visualMap: { color: [scheme.primary, scheme.surfaceVariant], textStyle: { color: scheme.onSurface } },
    dataZoom: {
      borderColor: scheme.outlineVariant,
      textStyle: { color: scheme.onSurfaceVariant },
      handleStyle: { color: scheme.primary },
    },
  };
}

/** The light InsightPulse ECharts theme (registered as `insightpulse`). */
export const insightPulseLightTheme: EChartsTheme = createEChartsTheme('light');
/** The dark InsightPulse ECharts theme (registered as `insightpulse-dark`). */
export const insightPulseDarkTheme: EChartsTheme = createEChartsTheme('dark');

/** Options for the ECharts loading mask, in the colours of one mode. */
export function loadingOptions(mode: ColorMode) {
  const scheme = colors[mode];
  return {
    text: '',
    color: scheme.primary,
    textColor: scheme.onSurface,
    maskColor: withAlpha(scheme.background, 0.8),
    fontFamily: typography.fontFamily.sans,
    fontSize: chart.fontSize,
  };
}
