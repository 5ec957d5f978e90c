// Deep imports: through the `echarts/components` barrel, bundlers keep this module in the first load.
export { install as default } from 'echarts/lib/component/title/install.js';
