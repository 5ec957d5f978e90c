import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const root = resolve(import.meta.dirname, '../..');
const dist = (file: string) => readFileSync(resolve(root, 'dist', file), 'utf8');
const entries = [
  '@insightpulse/ui',
  '@insightpulse/ui/core',
  '@insightpulse/ui/theme',
  '@insightpulse/ui/superset',
  '@insightpulse/ui/superset-embed',
];
/** The data entries: framework-free and free of ECharts, each transport on its own. */
const dataEntries = {
  '@insightpulse/ui/semantic': 'semantic',
  '@insightpulse/ui/client': 'client',
  '@insightpulse/ui/client/http': 'client-http',
  '@insightpulse/ui/client/supabase': 'client-supabase',
  '@insightpulse/ui/client/pglite': 'client-pglite',
  '@insightpulse/ui/warehouse': 'warehouse',
};

/** Runs a script in a plain Node process (no window, no document), from the package root. */
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();

/** Every file an entry loads, following its relative imports (static and dynamic) through the shared chunks. */
function loadedBy(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, imported] of dist(file).matchAll(/(?:from|import)\s*\(?\s*"(\.\/[^"]+)"/g)) {
      visit((imported as string).slice(2));
    }
  };
  visit(entry);
  return seen;
}

describe('the built package (npm run build)', () => {
  beforeAll(() => {
    if (!existsSync(resolve(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  });

  it.each(entries)('%s imports in plain Node as ESM', (entry) => {
    const script = `const m = await import('${entry}'); console.log(typeof window, Object.keys(m).length);`;
    const [win, count] = node(['--input-type=module', '-e', script]).split(' ');
    expect(win).toBe('undefined');
    expect(Number(count)).toBeGreaterThan(3);
  });

  it.each(entries)('%s requires in plain Node as CommonJS', (entry) => {
    const count = node(['-e', `console.log(Object.keys(require('${entry}')).length)`]);
    expect(Number(count)).toBeGreaterThan(3);
  });

  it.each(Object.keys(dataEntries))('%s imports as ESM and requires as CommonJS in plain Node', (entry) => {
    const script = `const m = await import('${entry}'); console.log(typeof window, Object.keys(m).length);`;
    const [win, count] = node(['--input-type=module', '-e', script]).split(' ');
    expect(win).toBe('undefined');
    expect(Number(count)).toBeGreaterThan(0);
    expect(Number(node(['-e', `console.log(Object.keys(require('${entry}')).length)`]))).toBe(Number(count));
  });

  it('keeps React and ECharts out of the data entries, and each transport out of the others', () => {
    for (const file of Object.values(dataEntries)) {
      for (const extension of ['js', 'cjs']) {
        const code = dist(`${file}.${extension}`);
        expect(code).not.toMatch(/from ['"](react|echarts)|require\(['"](react|echarts)/);
        expect(code).not.toContain('use client');
        expect(code).not.toMatch(/\.\/(core|index)\.c?js/);
      }
    }
    for (const transport of ['client-http', 'client-supabase', 'client-pglite']) {
      expect(dist('client.js')).not.toContain(`./${transport}.js`);
    }
    expect(dist('client-http.js')).not.toContain('@electric-sql/pglite');
  });

  it('builds the KpiTile entry without ECharts, echarts-for-react or Radix, and marks it a client entry', () => {
    const seen = loadedBy('kpi-tile.js');
    const code = [...seen].map(dist).join('\n');
    expect(seen.size).toBeGreaterThan(1);
    expect(code).not.toMatch(/from "(echarts|echarts-for-react|@radix-ui)/);
    expect(code).not.toContain('registerTheme(');
    expect(dist('kpi-tile.js').startsWith("'use client';")).toBe(true);
    expect(dist('kpi-tile.cjs').startsWith("'use client';")).toBe(true);
    expect(dist('kpi-tile.cjs')).not.toMatch(/require\("(echarts|echarts-for-react|@radix-ui)/);
  });

  it('loads the Superset SDK only from the SupersetEmbed entry, on demand, without ECharts', () => {
    const code = [...loadedBy('superset-embed.js')].map(dist).join('\n');
    expect(code).not.toMatch(/from "(echarts|echarts-for-react|@radix-ui)/);
    expect(dist('superset-embed.js')).toContain('import("@superset-ui/embedded-sdk")');
    expect(dist('superset-embed.js')).not.toMatch(/from "@superset-ui/);
    expect(dist('superset-embed.js').startsWith("'use client';")).toBe(true);
    for (const file of ['index.js', 'index.cjs', 'core.js', 'kpi-tile.js', 'superset.js']) {
      expect(dist(file)).not.toContain('@superset-ui/embedded-sdk');
    }
    expect(dist('superset.js')).not.toMatch(/from "react/);
  });

  it('renders SupersetEmbed on the server as its loading state, without loading the SDK', () => {
    const script = `const { createElement } = await import('react');
      const { renderToString } = await import('react-dom/server');
      const { SupersetEmbed } = await import('@insightpulse/ui/superset-embed');
      console.log(renderToString(createElement(SupersetEmbed, {
        supersetDomain: 'https://bi.example.com', dashboardId: 'abc', fetchGuestToken: async () => 'x',
      })));`;
    const html = node(['--input-type=module', '-e', script]);
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<iframe');
  });

  it('renders a themed chart to SVG from the installed entry', () => {
    const script = `const { renderChartToSVGString } = await import('@insightpulse/ui/core');
      console.log(renderChartToSVGString({ xAxis: { data: ['a', 'b'] }, yAxis: {}, series: [{ type: 'bar', data: [1, 2] }] }));`;
    expect(node(['--input-type=module', '-e', script]).toLowerCase()).toContain('#6750a4');
  });

  it("marks only the React entry 'use client'", () => {
    expect(dist('index.js').startsWith("'use client';")).toBe(true);
    expect(dist('index.cjs').startsWith("'use client';")).toBe(true);
    for (const file of ['core.js', 'core.cjs', 'theme.js', 'theme.cjs']) expect(dist(file)).not.toContain('use client');
  });

  it('keeps React out of the framework-free entries and shares one copy of them', () => {
    for (const file of ['core.js', 'core.cjs', 'theme.js', 'theme.cjs'])
      expect(dist(file)).not.toMatch(/from ['"]react|require\(['"]react/);
    expect(dist('index.js')).toContain('from "./core.js"');
    expect(dist('index.cjs')).toContain('require("./core.cjs")');
    expect(dist('index.js')).not.toContain('registerTheme(');
  });

  it('declares the peer ranges and CSS-only side effects', () => {
    expect(pkg.peerDependencies).toEqual({
      '@electric-sql/pglite': '^0.5.0',
      '@supabase/supabase-js': '^2.40.0',
      echarts: '^5.5.0 || ^6.0.0',
      react: '^18.2.0 || ^19.0.0',
      'react-dom': '^18.2.0 || ^19.0.0',
    });
    // Only the apps that use the embedded warehouse or Supabase install them.
    expect(pkg.peerDependenciesMeta).toEqual({
      '@electric-sql/pglite': { optional: true },
      '@supabase/supabase-js': { optional: true },
    });
    expect(pkg.sideEffects).toEqual(['*.css']);
  });

  describe('styles.css', () => {
    const css = () => dist('styles.css');
    it.each(['styles.css', 'kpi-tile.css'])('%s prefixes every class and resets nothing of the host', (file) => {
      const rules = [
        ...dist(file)
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .matchAll(/(@?[^{}@;]+)\{([^{}]*)\}/g),
      ]
        .filter((m) => !(m[1] ?? '').trim().startsWith('@'))
        .map((m) => ({
          // Commas inside class names are escaped (`grid-cols-[repeat(auto-fit\,…)]`): they do not split.
          selectors: (m[1] ?? '').split(/(?<!\\),/).map((x) => x.trim()),
          declarations: (m[2] ?? '').split(';').filter(Boolean),
        }));
      expect(rules.length).toBeGreaterThan(2);
      const ours = /^(\.ip\\:|:root$|:host$|\[data-theme=(light|dark)\]$|\.dark$)/;
      // Tailwind's fallback for browsers without @property sets its own --tw-* variables on every
      // element, as a host's Tailwind does: nothing else may reach the host's elements.
      const foreign = rules.filter(
        (rule) =>
          rule.selectors.some((selector) => !ours.test(selector)) &&
          !rule.declarations.every((d) => d.trim().startsWith('--tw-')),
      );
      expect(foreign).toEqual([]);
    });

    it('defines each token variable once per mode', () => {
      const names = [...css().matchAll(/(--ip-[\w-]+):/g)].map((m) => m[1]);
      const counts = new Map<string, number>();
      for (const name of names) counts.set(name as string, (counts.get(name as string) ?? 0) + 1);
      expect([...counts].filter(([, n]) => n > 2)).toEqual([]);
      expect(counts.get('--ip-primary')).toBe(2);
      expect(counts.get('--ip-font-sans')).toBe(1);
    });
  });
});
