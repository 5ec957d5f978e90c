export { type MessagesValue, type UseMessagesOptions, useMessages } from '../lib/messages';
export {
  DataClientProvider,
  DataClientProviderMissingError,
  type DataClientProviderProps,
  type UseDataClientOptions,
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
export {
  type DataHookOptions,
  type UseQueryOptions,
  type UseQueryResult,
  type UseSemanticQueryOptions,
  useQuery,
  useSemanticQuery,
} from './use-query';
