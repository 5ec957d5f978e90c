import type { EChartsCoreOption } from 'echarts/core';
import { buildOption, FREQUENT_BUILDERS } from './build';
import { RARE_BUILDERS } from './rare-builders';
import type { Table } from './table';
import type { AdapterOptions, ChartSpec, DataInput } from './types';

const ALL_BUILDERS = { ...FREQUENT_BUILDERS, ...RARE_BUILDERS };

/**
 * Turns a result set into a themed-ready ECharts option for the chart the spec describes. The option
 * feeds ECharts through `dataset`; its tooltips escape every data string; its aria description is
 * generated from the data. A name that is an `Object.prototype` key (`'constructor'`) is written with an
 * invisible U+2060 before it, which ECharts treats as an ordinary name (see `guardName`). Throws only
 * `AdapterError`.
 */
export function toEChartsOption(
  data: DataInput | Table,
  spec: ChartSpec,
  options: AdapterOptions = {},
): EChartsCoreOption {
  return buildOption(data, spec, options, ALL_BUILDERS);
}
