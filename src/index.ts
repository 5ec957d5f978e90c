export { EChart, type EChartEvents, type EChartMouseEventName, type EChartProps } from './react/chart';
export {
  ChartCard,
  type ChartCardProps,
  type ChartCardState,
  type ChartPoint,
  type Provenance,
} from './react/chart-card';
export {
  InsightPulseProvider,
  InsightPulseProviderMissingError,
  type InsightPulseProviderProps,
  type InsightPulseThemeValue,
  type ThemePreference,
  useInsightPulseTheme,
} from './react/provider';
