import type EChartsReact from 'echarts-for-react/lib/core';
import type { EChartsReactProps } from 'echarts-for-react/lib/types';
import { forwardRef } from 'react';
import EChartsReactCoreModule from '#echarts-for-react-core';
import { echarts } from '../../core/echarts/setup';
import { type ThemeProp, useResolvedTheme } from '../lib/use-resolved-theme';

// package.json's `#echarts-for-react-core` is echarts-for-react's ES module for bundlers (the `module` condition) and
// its CommonJS build for Node, whose ESM loader hands the CommonJS default export over as `{ default }`.
const EChartsReactCore: typeof EChartsReactCoreModule =
  (EChartsReactCoreModule as unknown as { default?: typeof EChartsReactCoreModule }).default ?? EChartsReactCoreModule;

export interface InsightPulseEChartsProps extends Omit<EChartsReactProps, 'echarts' | 'theme'> {
  /**
   * `'light'`, `'dark'`, `'system'` or a registered theme name. Default: the mode of the nearest
   * `<InsightPulseProvider>`, else `'light'`.
   */
  theme?: ThemeProp;
}

/**
 * echarts-for-react, for apps that already use it: its component on the library's tree-shaken ECharts (with the
 * InsightPulse themes registered), in the provider's mode. It keeps echarts-for-react's own behaviour: it compares
 * options deeply, resizes when a resize settles and re-creates the chart on a new theme. The modules the library
 * loads on demand (pie, scatter, heatmap and funnel charts, legends, titles, the visual map, the SVG renderer) are the
 * app's to load first, with `await loadChartModules(option, { renderer })`. `<EChart>` is the library's own
 * primitive (see README, Performance).
 */
export const InsightPulseECharts = forwardRef<EChartsReact, InsightPulseEChartsProps>(function InsightPulseECharts(
  { theme, ...props },
  ref,
) {
  const { name } = useResolvedTheme(theme);
  return <EChartsReactCore ref={ref as never} {...props} echarts={echarts} theme={name} />;
});
