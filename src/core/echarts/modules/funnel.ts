// Deep imports: through the `echarts/charts` barrel, bundlers keep this module in the first load.
export { install as default } from 'echarts/lib/chart/funnel/install.js';
