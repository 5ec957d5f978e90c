export {
  type EChartsExtension,
  echarts,
  echartsMajorVersion,
  registerEChartsModules,
} from './echarts/setup';
export { type RenderSVGOptions, renderChartToSVGString } from './render/svg';
