export { ChartCard } from './chart-card';
export type { ChartCardProps, ChartCardState, ChartPoint, Provenance } from './types';
