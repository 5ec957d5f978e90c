import type { EChartsCoreOption } from 'echarts/core';

/** Finds the rows behind a mark: (seriesIndex, dataIndex) -> row indices of the table. */
export type PointLocator = (seriesIndex: number, dataIndex: number) => number[];

const POINTS = Symbol.for('insightpulse.points');

/** Attaches a locator to an option without making it part of the option (not enumerable, not JSON). */
export function attachPoints<T extends EChartsCoreOption>(option: T, locate: PointLocator): T {
  Object.defineProperty(option, POINTS, { value: locate, enumerable: false });
  return option;
}

/**
 * The indices of the table rows behind the mark at (seriesIndex, dataIndex) of an option made by
 * `toEChartsOption`, for drill-down and cross-filtering; empty for any other option.
 */
export function rowsBehindPoint(option: EChartsCoreOption, seriesIndex: number, dataIndex: number): number[] {
  const locate = (option as { [POINTS]?: PointLocator })[POINTS];
  return locate ? locate(seriesIndex, dataIndex) : [];
}
