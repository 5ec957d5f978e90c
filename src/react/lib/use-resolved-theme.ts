import { resolveTheme, type ThemeInput } from '../../theme/echarts-theme';
import { useOptionalInsightPulseTheme } from '../provider/insightpulse-provider';
import { useMediaQuery } from './use-media-query';

/** What a component's `theme` prop takes: `'light'`, `'dark'`, `'system'` or a registered ECharts theme name. */
export type ThemeProp = 'system' | ThemeInput;

/**
 * The ECharts theme name and colour mode for a `theme` prop: `'system'` follows `prefers-color-scheme`; no prop
 * follows the nearest `<InsightPulseProvider>`, else light.
 */
export function useResolvedTheme(theme: ThemeProp | undefined): { mode: 'light' | 'dark'; name: string } {
  const context = useOptionalInsightPulseTheme();
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const input = theme === 'system' ? (prefersDark ? 'dark' : 'light') : theme;
  return resolveTheme(input, context?.mode);
}
