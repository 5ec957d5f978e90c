export * from './adapter';
export { loadChartModules, missingChartModules, type OnDemandModule } from './echarts/on-demand';
export {
  type EChartsExtension,
  echarts,
  echartsMajorVersion,
  registerEChartsModules,
} from './echarts/setup';
export { InsightPulseError, isInsightPulseError } from './errors';
export { tableToCSV } from './export/csv';
export * from './format';
export { RenderError, type RenderErrorCode } from './render/errors';
export { type RenderSVGOptions, renderChartToSVGString } from './render/svg';
