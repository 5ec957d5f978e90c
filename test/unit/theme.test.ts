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

  it('builds fresh objects, so a caller cannot mutate the registered theme', () => {
    expect(createEChartsTheme('light')).toEqual(insightPulseLightTheme);
    expect(createEChartsTheme('light')).not.toBe(insightPulseLightTheme);
  });

  it('registers both themes once per ECharts namespace', () => {
    const registry = { registerTheme: vi.fn() };
    registerInsightPulseThemes(registry);
    registerInsightPulseThemes(registry);
    expect(registry.registerTheme).toHaveBeenCalledTimes(2);
    expect(registry.registerTheme).toHaveBeenCalledWith('insightpulse', insightPulseLightTheme);
    expect(registry.registerTheme).toHaveBeenCalledWith('insightpulse-dark', insightPulseDarkTheme);
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
