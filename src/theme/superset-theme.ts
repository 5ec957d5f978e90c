import { type ColorMode, colors, radii, typography } from '../../themes/tokens';
import { THEME_NAMES } from './names';

/**
 * A Superset 6 theme (Ant Design tokens) for one mode, as `THEME_DEFAULT` / `THEME_DARK` in superset_config.py
 * take it and as the embedded SDK's `setThemeConfig` sends it to a dashboard.
 */
export interface SupersetThemeConfig {
  algorithm: 'default' | 'dark';
  token: {
    colorPrimary: string;
    colorError: string;
    colorSuccess: string;
    colorWarning: string;
    colorInfo: string;
    colorLink: string;
    colorBgBase: string;
    colorTextBase: string;
    colorBorder: string;
    fontFamily: string;
    fontSize: number;
    borderRadius: number;
  };
}

/** A categorical colour scheme as `EXTRA_CATEGORICAL_COLOR_SCHEMES` in superset_config.py takes it. */
export interface SupersetColorScheme {
  id: string;
  label: string;
  description: string;
  isDefault: boolean;
  colors: string[];
}

/** The InsightPulse look for Superset in one mode, from the same tokens as the ECharts themes and CSS. */
export function supersetThemeConfig(mode: ColorMode): SupersetThemeConfig {
  const scheme = colors[mode];
  return {
    algorithm: mode === 'dark' ? 'dark' : 'default',
    token: {
      colorPrimary: scheme.primary,
      colorError: scheme.error,
      colorSuccess: scheme.success,
      colorWarning: scheme.warning,
      colorInfo: scheme.primary,
      colorLink: scheme.primary,
      colorBgBase: scheme.background,
      colorTextBase: scheme.onSurface,
      colorBorder: scheme.outlineVariant,
      fontFamily: typography.fontFamily.sans,
      fontSize: typography.fontSize.md,
      borderRadius: radii.md,
    },
  };
}

/** The chart palette of one mode as a Superset categorical colour scheme. */
export function supersetColorScheme(mode: ColorMode): SupersetColorScheme {
  return {
    id: THEME_NAMES[mode],
    label: mode === 'dark' ? 'InsightPulse (dark)' : 'InsightPulse',
    description: `InsightPulse chart palette, ${mode} mode`,
    isDefault: mode === 'light',
    colors: [...colors[mode].palette],
  };
}
