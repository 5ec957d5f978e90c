import { createEChartsTheme, THEME_NAMES } from './echarts-theme';

/** The part of the `echarts` namespace that registration needs (full `echarts` or `echarts/core`). */
export interface ThemeRegistry {
  registerTheme(name: string, theme: object): void;
}

const registered = new WeakSet<ThemeRegistry>();

/**
 * Registers `insightpulse` and `insightpulse-dark` with the given ECharts namespace. ECharts keeps a
 * theme by reference, so it gets its own copies: changing an exported theme object changes no chart.
 * Calling it again with the same namespace does nothing.
 */
export function registerInsightPulseThemes(echarts: ThemeRegistry): void {
  if (registered.has(echarts)) return;
  echarts.registerTheme(THEME_NAMES.light, createEChartsTheme('light'));
  echarts.registerTheme(THEME_NAMES.dark, createEChartsTheme('dark'));
  registered.add(echarts);
}
