/**
 * ECharts publishes no types beside its `lib/.../install.js` modules (they are in `types/src`). The
 * on-demand modules import them directly, so that bundlers can leave them out of the first load.
 */
declare module 'echarts/lib/*.js' {
  export const install: Exclude<Parameters<typeof import('echarts/core').use>[0], readonly unknown[]>;
}
