import { describe, expect, it, vi } from 'vitest';
import {
  ColorParseError,
  contrastRatio,
  createEChartsTheme,
  insightPulseDarkTheme,
  insightPulseLightTheme,
  parseColor,
  registerInsightPulseThemes,
  resolveTheme,
  THEME_NAMES,
} from '../../src/theme';
import { colors } from '../../themes/tokens';
import { seedTheme } from '../fixtures/seed-theme';

describe('ECharts themes', () => {
  it('the light theme carries the platform design values exactly', () => {
    expect(insightPulseLightTheme).toMatchObject(seedTheme);
  });

  it('the dark theme has the same structure as the light one', () => {
    const shape = (value: unknown): unknown =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]))
        : typeof value;
    expect(shape(insightPulseDarkTheme)).toEqual(shape(insightPulseLightTheme));
    expect(insightPulseDarkTheme.color).toHaveLength(seedTheme.color.length);
    expect(insightPulseDarkTheme.backgroundColor).not.toBe(insightPulseLightTheme.backgroundColor);
  });

  it('registers both themes once per ECharts namespace, as copies of the exported objects', () => {
    const registry = { registerTheme: vi.fn() };
    registerInsightPulseThemes(registry);
    registerInsightPulseThemes(registry);
    expect(registry.registerTheme).toHaveBeenCalledTimes(2);
    expect(registry.registerTheme).toHaveBeenCalledWith('insightpulse', insightPulseLightTheme);
    expect(registry.registerTheme).toHaveBeenCalledWith('insightpulse-dark', insightPulseDarkTheme);
    const registered = registry.registerTheme.mock.calls.map(([, theme]) => theme);
    expect(registered).not.toContain(insightPulseLightTheme);
    expect(registered).not.toContain(insightPulseDarkTheme);
    expect(createEChartsTheme('light')).not.toBe(createEChartsTheme('light'));
  });

  it('resolves modes and custom theme names', () => {
    expect(resolveTheme('dark')).toEqual({ mode: 'dark', name: THEME_NAMES.dark });
    expect(resolveTheme(undefined, 'dark')).toEqual({ mode: 'dark', name: 'insightpulse-dark' });
    expect(resolveTheme('vintage', 'dark')).toEqual({ mode: 'dark', name: 'vintage' });
  });
});

/** Every text colour of a scheme, with the background it is read on. */
function textPairs(mode: 'light' | 'dark') {
  const s = colors[mode];
  return [
    ['body text', s.onSurface, s.background],
    ['axis labels', s.onSurfaceVariant, s.background],
    ['legend text', s.onBackground, s.background],
    ['tooltip text', s.tooltipText, s.tooltipBackground],
    ['text on primary', s.onPrimary, s.primary],
    ['text on error', s.onError, s.error],
    ['text on success', s.onSuccess, s.success],
    ['text on primary container', s.onPrimaryContainer, s.primaryContainer],
    ['primary text', s.primary, s.background],
    ['error text', s.error, s.background],
  ] as const;
}

describe('contrast (WCAG AA, 4.5:1)', () => {
  for (const mode of ['dark', 'light'] as const) {
    it.each(textPairs(mode))(`${mode}: %s`, (_, text, background) => {
      expect(contrastRatio(text, background, colors[mode].background)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('dark: every series colour stands out from the background (3:1, WCAG non-text contrast)', () => {
    for (const color of colors.dark.palette) {
      expect(contrastRatio(color, colors.dark.background), color).toBeGreaterThanOrEqual(3);
    }
  });

  it('light: the design palette is kept as given, and its weak colours are known', () => {
    // The platform design fixes the light palette. #D0BCFF (1.7:1) falls below 3:1 on the light
    // background; charts that rely on colour alone should add decals (see README).
    const weak = colors.light.palette.filter((color) => contrastRatio(color, colors.light.background) < 3);
    expect(weak).toEqual(['#D0BCFF']);
  });

  it('computes known ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    // Half-transparent black over white is mid grey.
    expect(contrastRatio('#FFFFFF', 'rgba(0, 0, 0, 0.5)', '#FFFFFF')).toBeCloseTo(
      contrastRatio('#FFFFFF', '#808080'),
      1,
    );
  });

  it('rejects what it cannot parse with a typed error naming the input', () => {
    expect(parseColor('#abc')).toEqual({ r: 170, g: 187, b: 204, a: 1 });
    for (const bad of ['red', '#12', 'rgb(300, 0, 0)', 'rgba(0, 0, 0, 2)', '']) {
      expect(() => parseColor(bad)).toThrow(ColorParseError);
    }
    expect(() => contrastRatio('blue', '#fff')).toThrow('Cannot parse colour "blue"');
  });
});
