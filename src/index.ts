export { EChart, type EChartEvents, type EChartMouseEventName, type EChartProps } from './react/chart';
export {
  InsightPulseProvider,
  InsightPulseProviderMissingError,
  type InsightPulseProviderProps,
  type InsightPulseThemeValue,
  type ThemePreference,
  useInsightPulseTheme,
} from './react/provider';
