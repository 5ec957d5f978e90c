export { DEFAULT_CHART_HEIGHT, EChart, type EChartEventHandler, type EChartProps } from './echart';
