import type { ColorMode } from '../../themes/tokens';

/**
 * The names the InsightPulse themes are registered under in ECharts. A module of its own, so that what
 * needs only the names (the provider) does not load the theme builder.
 */
export const THEME_NAMES = {
  light: 'insightpulse',
  dark: 'insightpulse-dark',
} as const satisfies Record<ColorMode, string>;

export type InsightPulseThemeName = (typeof THEME_NAMES)[ColorMode];
