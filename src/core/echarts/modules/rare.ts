// Scatter, heatmap and funnel charts and the visual map: rarer, one chunk, with the adapter's builders of their options
// (ChartCard's first load holds only the builders of lines, bars and slices).

import { install as funnel } from 'echarts/lib/chart/funnel/install.js';
import { install as heatmap } from 'echarts/lib/chart/heatmap/install.js';
import { install as scatter } from 'echarts/lib/chart/scatter/install.js';
import { install as visualMap } from 'echarts/lib/component/visualMap/install.js';
import type { EChartsExtension } from '../setup';

const modules: Readonly<Record<string, EChartsExtension>> = { scatter, heatmap, funnel, visualMap };

export default modules;

export { RARE_BUILDERS as builders } from '../../adapter/rare-builders';
