export { EChart, type EChartProps } from './echart';
export type { EChartEvents, EChartMouseEventName } from './types';
