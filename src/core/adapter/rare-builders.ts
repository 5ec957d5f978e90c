import type { OptionBuilder } from './build';
import { heatmap } from './heatmap';
import { scatter } from './scatter';

/**
 * The rarer option builders. ChartCard loads them with ECharts' rare chunk (core/echarts/modules/rare.ts), the
 * first time it draws a scatter or a heatmap, so that its first load holds only lines, bars and slices.
 */
export const RARE_BUILDERS = { scatter, heatmap } as const satisfies Record<string, OptionBuilder>;
