import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEChartsTheme } from '../../src/theme';
import { cssVariables, generateThemeFiles } from '../../themes/generate';
import { colors } from '../../themes/tokens';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
const files = generateThemeFiles();

describe('generated theme files', () => {
  it.each(Object.keys(files))('%s is up to date with themes/tokens.ts (run npm run build:themes)', (path) => {
    expect(read(path)).toBe(files[path]);
  });

  it('the JSON themes equal the theme objects', () => {
    expect(JSON.parse(read('themes/generated/echarts-insightpulse.json'))).toEqual(createEChartsTheme('light'));
    expect(JSON.parse(read('themes/generated/echarts-insightpulse-dark.json'))).toEqual(createEChartsTheme('dark'));
  });

  it('defines every colour variable for :root and for dark mode', () => {
    const css = read('themes/generated/tokens.css');
    const [light, dark] = css.split('.dark,\n[data-theme="dark"]');
    for (const [name, value] of cssVariables('light')) expect(light).toContain(`${name}: ${value};`);
    for (const [name, value] of cssVariables('dark')) expect(dark).toContain(`${name}: ${value};`);
  });

  it('the Tailwind theme only refers to variables that tokens.css defines', () => {
    const defined = new Set([...read('themes/generated/tokens.css').matchAll(/(--ip-[\w-]+):/g)].map((m) => m[1]));
    const used = [...read('themes/generated/tailwind-theme.css').matchAll(/var\((--ip-[\w-]+)\)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((name) => !defined.has(name))).toEqual([]);
  });

  it('the Superset theme carries the palette as a categorical scheme and the antd tokens', () => {
    const superset = JSON.parse(read('themes/generated/superset-theme.json'));
    expect(superset.EXTRA_CATEGORICAL_COLOR_SCHEMES[0]).toMatchObject({
      id: 'insightpulse',
      isDefault: true,
      colors: colors.light.palette,
    });
    expect(superset.THEME_DEFAULT.token).toMatchObject({ colorPrimary: '#6750A4', colorBgBase: '#FFFBFE' });
    expect(superset.THEME_DARK).toMatchObject({ algorithm: 'dark', token: { colorBgBase: colors.dark.background } });
  });
});
