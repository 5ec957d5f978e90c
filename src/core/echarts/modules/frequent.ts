// Pies, legends and titles: what charts beyond lines and bars need most, one chunk. ECharts' own install
// modules, not the `echarts/charts` barrels (through a barrel, bundlers keep every module in the first load).

import { install as pie } from 'echarts/lib/chart/pie/install.js';
import { install as legend } from 'echarts/lib/component/legend/install.js';
import { install as title } from 'echarts/lib/component/title/install.js';
import type { EChartsExtension } from '../setup';

const modules: Readonly<Record<string, EChartsExtension>> = { pie, legend, title };

export default modules;
