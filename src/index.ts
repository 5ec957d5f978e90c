export {
  type DataQueryOptions,
  queryOptions,
  semanticQueryOptions,
  sqlQueryOptions,
} from './core/client/query-options';
export {
  en,
  enChartReasons,
  fil,
  type Messages,
  mergeMessages,
  type PartialMessages,
} from './core/messages';
export type { ComponentStatus, Status } from './core/status';
export { EChart, type EChartEvents, type EChartMouseEventName, type EChartProps } from './react/chart';
export {
  ChartCard,
  type ChartCardProps,
  type ChartCardState,
  type ChartPoint,
  type Provenance,
} from './react/chart-card';
export {
  DataTable,
  type DataTableAggregate,
  type DataTableAlign,
  type DataTableApi,
  type DataTableColumn,
  type DataTableCSVOptions,
  type DataTableProps,
  type DataTableSort,
  type DataTableSortDirection,
  type DataTableState,
  type DataTableTotals,
  dataTableToCSV,
} from './react/data-table';
export {
  type JennyAssistantMessage,
  type JennyChatStatus,
  type JennyMessage,
  type JennyMessageState,
  JennyPanel,
  type JennyPanelComposerProps,
  JennyPanelContextMissingError,
  type JennyPanelPartProps,
  type JennyPanelProps,
  type JennyPanelRootProps,
  type JennyPanelState,
  type JennyUserMessage,
  type UseJennyOptions,
  type UseJennyResult,
  useJenny,
} from './react/jenny-panel';
export {
  computeKpi,
  KpiError,
  KpiGrid,
  type KpiGridProps,
  KpiTile,
  type KpiTileProps,
  kpiSentence,
} from './react/kpi-tile';
export type { ThemeProp } from './react/lib/use-resolved-theme';
export {
  DataClientProvider,
  DataClientProviderMissingError,
  type DataClientProviderProps,
  type DataHookOptions,
  InsightPulseProvider,
  InsightPulseProviderMissingError,
  type InsightPulseProviderProps,
  type InsightPulseThemeValue,
  type MessagesValue,
  type ThemePreference,
  type UseDataClientOptions,
  type UseKpiOptions,
  type UseKpiResult,
  type UseMessagesOptions,
  type UseQueryOptions,
  type UseQueryResult,
  type UseSemanticQueryOptions,
  useDataClient,
  useInsightPulseTheme,
  useKpi,
  useMessages,
  useQuery,
  useSemanticQuery,
} from './react/provider';
