export type { ColorMode, ColorScheme, Tokens } from '../../themes/tokens';
export { chart, colors, radii, spacing, tokens, typography } from '../../themes/tokens';
export { ColorParseError, contrastRatio, parseColor, type Rgba, relativeLuminance, withAlpha } from './color';
export {
  createEChartsTheme,
  type EChartsTheme,
  type InsightPulseThemeName,
  insightPulseDarkTheme,
  insightPulseLightTheme,
  loadingOptions,
  resolveTheme,
  THEME_NAMES,
  type ThemeInput,
} from './echarts-theme';
export { registerInsightPulseThemes, type ThemeRegistry } from './register';
export {
  type SupersetColorScheme,
  type SupersetThemeConfig,
  supersetColorScheme,
  supersetThemeConfig,
} from './superset-theme';
