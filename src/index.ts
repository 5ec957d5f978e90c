export { DEFAULT_CHART_HEIGHT, EChart, type EChartEventHandler, type EChartProps } from './react/chart';
export {
  InsightPulseProvider,
  InsightPulseProviderMissingError,
  type InsightPulseProviderProps,
  type InsightPulseThemeValue,
  type ThemePreference,
  useInsightPulseTheme,
} from './react/provider';
