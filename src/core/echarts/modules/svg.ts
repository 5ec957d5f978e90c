// Deep imports: through the `echarts/renderers` barrel, bundlers keep this module in the first load.
export { install as default } from 'echarts/lib/renderer/installSVGRenderer.js';
