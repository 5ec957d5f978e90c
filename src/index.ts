export { EChart, type EChartEvents, type EChartMouseEventName, type EChartProps } from './react/chart';
export {
  ChartCard,
  type ChartCardProps,
  type ChartCardState,
  type ChartPoint,
  type Provenance,
} from './react/chart-card';
export {
  DataClientProvider,
  DataClientProviderMissingError,
  type DataClientProviderProps,
  InsightPulseProvider,
  InsightPulseProviderMissingError,
  type InsightPulseProviderProps,
  type InsightPulseThemeValue,
  type ThemePreference,
  type UseQueryOptions,
  type UseQueryResult,
  useDataClient,
  useInsightPulseTheme,
  useQuery,
  useSemanticQuery,
} from './react/provider';
