export {
  DataClientProvider,
  DataClientProviderMissingError,
  type DataClientProviderProps,
  useDataClient,
} from './data-client-provider';
export {
  InsightPulseProvider,
  InsightPulseProviderMissingError,
  type InsightPulseProviderProps,
  type InsightPulseThemeValue,
  type ThemePreference,
  useInsightPulseTheme,
  useOptionalInsightPulseTheme,
} from './insightpulse-provider';
export { type KpiTargetMetric, type KpiTileData, type UseKpiOptions, type UseKpiResult, useKpi } from './use-kpi';
export { type UseQueryOptions, type UseQueryResult, useQuery, useSemanticQuery } from './use-query';
