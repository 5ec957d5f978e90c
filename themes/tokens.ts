/**
 * The InsightPulse design tokens: the one source every theme artefact is generated from.
 *
 * `npm run build:themes` turns this file into the ECharts themes (objects and JSON), the CSS variables,
 * the Tailwind v4 `@theme` file and the Superset theme. Change a value here, never in a generated file.
 *
 * The light scheme carries the platform design's values exactly (Material 3 baseline, seed #6750A4);
 * the dark scheme follows the Material 3 dark roles with the same structure.
 */

/** A colour scheme: Material 3 roles plus the chart-specific colours ECharts needs. */
export interface ColorScheme {
  /** Series colours, in order. */
  readonly palette: readonly string[];
  readonly primary: string;
  readonly onPrimary: string;
  readonly primaryContainer: string;
  readonly onPrimaryContainer: string;
  readonly secondary: string;
  readonly onSecondary: string;
  readonly tertiary: string;
  readonly onTertiary: string;
  readonly error: string;
  readonly onError: string;
  readonly success: string;
  readonly onSuccess: string;
  readonly warning: string;
  readonly onWarning: string;
  readonly background: string;
  readonly onBackground: string;
  readonly surface: string;
  readonly onSurface: string;
  readonly surfaceVariant: string;
  readonly onSurfaceVariant: string;
  readonly surfaceContainer: string;
  readonly outline: string;
  readonly outlineVariant: string;
  /** Axis lines and split lines of charts. */
  readonly gridLine: string;
  readonly tooltipBackground: string;
  readonly tooltipBorder: string;
  readonly tooltipText: string;
}

export const colors = {
  light: {
    palette: ['#6750A4', '#958DA5', '#D0BCFF', '#B3261E', '#006C4C', '#7D5260'],
    primary: '#6750A4',
    onPrimary: '#FFFFFF',
    primaryContainer: '#EADDFF',
    onPrimaryContainer: '#21005D',
    secondary: '#625B71',
    onSecondary: '#FFFFFF',
    tertiary: '#7D5260',
    onTertiary: '#FFFFFF',
    error: '#B3261E',
    onError: '#FFFFFF',
    success: '#006C4C',
    onSuccess: '#FFFFFF',
    warning: '#7D5260',
    onWarning: '#FFFFFF',
    background: '#FFFBFE',
    onBackground: '#1C1B1F',
    surface: '#FFFBFE',
    onSurface: '#1C1B1F',
    surfaceVariant: '#E7E0EC',
    onSurfaceVariant: '#49454F',
    surfaceContainer: '#F3EDF7',
    outline: '#79747E',
    outlineVariant: '#CAC4D0',
    gridLine: '#E7E0EC',
    tooltipBackground: 'rgba(28, 27, 31, 0.9)',
    tooltipBorder: '#6750A4',
    tooltipText: '#FFFFFF',
  },
  dark: {
    palette: ['#D0BCFF', '#CCC2DC', '#9A82DB', '#F2B8B5', '#6DD5A5', '#EFB8C8'],
    primary: '#D0BCFF',
    onPrimary: '#381E72',
    primaryContainer: '#4F378B',
    onPrimaryContainer: '#EADDFF',
    secondary: '#CCC2DC',
    onSecondary: '#332D41',
    tertiary: '#EFB8C8',
    onTertiary: '#492532',
    error: '#F2B8B5',
    onError: '#601410',
    success: '#6DD5A5',
    onSuccess: '#003826',
    warning: '#EFB8C8',
    onWarning: '#492532',
    background: '#1C1B1F',
    onBackground: '#E6E1E5',
    surface: '#1C1B1F',
    onSurface: '#E6E1E5',
    surfaceVariant: '#49454F',
    onSurfaceVariant: '#CAC4D0',
    surfaceContainer: '#211F26',
    outline: '#938F99',
    outlineVariant: '#49454F',
    gridLine: '#49454F',
    tooltipBackground: 'rgba(49, 48, 51, 0.95)',
    tooltipBorder: '#D0BCFF',
    tooltipText: '#E6E1E5',
  },
} as const satisfies Record<'light' | 'dark', ColorScheme>;

export const typography = {
  fontFamily: {
    sans: 'Inter, -apple-system, BlinkMacSystemFont, sans-serif',
    mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  },
  /** Font sizes in px. `sm` is the chart text size, `xl` the chart title size. */
  fontSize: { xs: 11, sm: 12, md: 14, lg: 16, xl: 18, '2xl': 24, '3xl': 32 },
  fontWeight: { regular: 400, medium: 500, semibold: 600, bold: 700 },
  lineHeight: { tight: 1.2, normal: 1.5 },
} as const;

/** Spacing scale in px (a 4px grid). */
export const spacing = { 0: 0, 1: 4, 2: 8, 3: 12, 4: 16, 5: 20, 6: 24, 8: 32, 10: 40, 12: 48 } as const;

/** Corner radii in px. */
export const radii = { none: 0, sm: 4, md: 8, lg: 12, xl: 16, full: 9999 } as const;

/** Chart geometry shared by both schemes. */
export const chart = {
  /** Height of a chart whose style sets none, in px (also its server-rendered placeholder). */
  height: 320,
  fontSize: typography.fontSize.sm,
  titleFontSize: typography.fontSize.xl,
  titleFontWeight: typography.fontWeight.semibold,
  lineWidth: 2,
  symbol: 'circle',
  symbolSize: 6,
  tooltipBorderWidth: 1,
} as const;

export const tokens = { colors, typography, spacing, radii, chart } as const;
export type Tokens = typeof tokens;
export type ColorMode = keyof typeof colors;
