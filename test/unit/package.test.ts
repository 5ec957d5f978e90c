import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
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
/** The data entries: framework-free and free of ECharts, each transport on its own (their module in dist/). */
const dataEntries = {
  '@insightpulse/ui/semantic': 'core/semantic/index',
  '@insightpulse/ui/client': 'core/client/index',
  '@insightpulse/ui/client/http': 'core/client/transports/http',
  '@insightpulse/ui/client/supabase': 'core/client/transports/supabase',
  '@insightpulse/ui/client/pglite': 'core/client/transports/pglite',
  '@insightpulse/ui/warehouse': 'core/warehouse/index',
  '@insightpulse/ui/jenny': 'core/jenny/index',
  '@insightpulse/ui/server': 'core/server/index',
};
/** The module of each of the other entries. */
const KPI_TILE = 'react/kpi-tile/index.js';
const SUPERSET_EMBED = 'react/superset-embed/index.js';
const SUPERSET = 'core/superset/index.js';

/** Every published module (dist/**.js), as a path relative to dist/. */
function modules(): string[] {
  return readdirSync(resolve(root, 'dist'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => file.replaceAll('\\', '/'));
}

/** Runs a script in a plain Node process (no window, no document), from the package root. */
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();

/**
 * Every module an entry loads, following its relative imports (static, and dynamic unless `staticOnly`),
 * as paths relative to dist/.
 */
function loadedBy(entry: string, { staticOnly = false } = {}): Set<string> {
  const seen = new Set<string>();
  const pattern = staticOnly ? /(?:from|import)\s*"(\.\.?\/[^"]+)"/g : /(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, imported] of dist(file).matchAll(pattern)) {
      visit(normalize(join(dirname(file), imported as string)).replaceAll('\\', '/'));
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
    for (const entry of Object.values(dataEntries)) {
      const seen = [...loadedBy(`${entry}.js`)];
      expect(seen.length).toBeGreaterThan(0);
      for (const file of seen) {
        for (const code of [dist(file), dist(file.replace(/\.js$/, '.cjs'))]) {
          expect(code, file).not.toMatch(/from ['"](react|echarts)|require\(['"](react|echarts)/);
          expect(code, file).not.toContain('use client');
        }
        expect(file).not.toMatch(/^(react\/|index\.js|core\/index\.js|core\/echarts\/)/);
      }
    }
    for (const transport of ['http', 'supabase', 'pglite', 'postgres']) {
      expect(loadedBy('core/client/index.js')).not.toContain(`core/client/transports/${transport}.js`);
    }
    expect([...loadedBy('core/client/transports/http.js')].map(dist).join('\n')).not.toContain('@electric-sql/pglite');
    // The server entry runs on Node and on edge runtimes: Fetch API only, and `pg` is the caller's pool, never imported.
    for (const file of loadedBy('core/server/index.js')) {
      for (const code of [dist(file), dist(file.replace(/\.js$/, '.cjs'))]) {
        expect(code, file).not.toMatch(
          /from ['"](pg|node:[a-z_]+|@electric-sql\/pglite)['"]|require\(['"](pg|node:[a-z_]+|@electric-sql\/pglite)['"]\)/,
        );
      }
    }
  });

  it('builds the KpiTile entry without ECharts, echarts-for-react or Radix, and marks it a client entry', () => {
    const seen = loadedBy(KPI_TILE);
    const code = [...seen].map(dist).join('\n');
    expect(seen.size).toBeGreaterThan(1);
    expect(code).not.toMatch(/from "(echarts|echarts-for-react|@radix-ui)/);
    expect(code).not.toContain('registerTheme(');
    expect(dist(KPI_TILE).startsWith("'use client';")).toBe(true);
    const cjs = [...seen].map((file) => dist(file.replace(/\.js$/, '.cjs'))).join('\n');
    expect(cjs).not.toMatch(/require\("(echarts|echarts-for-react|@radix-ui)/);
  });

  it('loads the switchboard only for SupersetEmbed, on demand, without ECharts; nothing else reaches Superset', () => {
    const code = [...loadedBy(SUPERSET_EMBED)].map(dist).join('\n');
    expect(code).not.toMatch(/from "(echarts|echarts-for-react|@radix-ui)/);
    expect(code).toContain('import("@superset-ui/switchboard")');
    expect(code).not.toMatch(/from "@superset-ui/);
    expect(code).not.toContain('@superset-ui/embedded-sdk');
    expect(dist(SUPERSET_EMBED).startsWith("'use client';")).toBe(true);
    for (const entry of ['index.js', 'core/index.js', KPI_TILE]) {
      const code = [...loadedBy(entry)].map(dist).join('\n');
      expect(code, entry).not.toMatch(/@superset-ui|from "rison"/);
    }
    expect([...loadedBy(SUPERSET)].map(dist).join('\n')).not.toMatch(/from "react/);
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

  it("publishes one file per module, and marks only the React modules 'use client'", () => {
    const all = modules();
    expect(all).toEqual(
      expect.arrayContaining(['index.js', 'core/adapter/table.js', 'react/data-table/data-table.js']),
    );
    for (const file of all) {
      const react = file === 'index.js' || file.startsWith('react/');
      for (const code of [dist(file), dist(file.replace(/\.js$/, '.cjs'))]) {
        expect(code.startsWith("'use client';"), file).toBe(react);
        if (!react) expect(code, file).not.toMatch(/from ['"]react|require\(['"]react/);
      }
    }
  });

  it('has no import cycle between published modules (client and semantic included)', () => {
    const graph = new Map<string, string[]>();
    for (const file of modules()) {
      const imports = [...dist(file).matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)].map((m) =>
        normalize(join(dirname(file), m[1] as string)).replaceAll('\\', '/'),
      );
      graph.set(file, imports);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(graph.get('core/client/client.js')).toContain('core/semantic/compile.js');
    expect(cycles).toEqual([]);
  });

  it("publishes ChartCard's on-demand parts self-contained: they share only the ECharts setup with the rest", () => {
    for (const file of ['react/chart-card/extras.js', 'react/chart-card/reasons.js']) {
      const shared = [...dist(file).matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)].map((m) =>
        normalize(join(dirname(file), m[1] as string)).replaceAll('\\', '/'),
      );
      expect(
        shared.filter((module) => !module.startsWith('core/echarts/')),
        file,
      ).toEqual([]);
    }
    expect(dist('react/chart-card/extras.js')).toContain('function DataTable');
    expect(dist('react/chart-card/chart-card.js')).toMatch(/import\("\.\/extras\.js"\)/);
    expect(dist('react/chart-card/chart-card.js')).toMatch(/import\("\.\/reasons\.js"\)/);
  });

  it('registers ECharts in one module, which only the modules that draw charts load', () => {
    const registering = modules().filter((file) => /\buse\(\[|registerTheme\(/.test(dist(file)));
    // setup registers at load; theme/register defines the helper; the SVG renderer registers what it draws, when called.
    expect(registering.sort()).toEqual(['core/echarts/setup.js', 'core/render/svg.js', 'theme/register.js']);
    const drawing = [
      'react/chart/use-echarts.js',
      'react/echarts-for-react/index.js',
      'core/render/svg.js',
      'core/echarts/on-demand.js',
    ];
    for (const file of modules()) {
      if (!loadedBy(file, { staticOnly: true }).has('core/echarts/setup.js')) continue;
      const draws = drawing.some((module) => loadedBy(file, { staticOnly: true }).has(module));
      expect(draws || file === 'core/echarts/setup.js', `${file} registers ECharts but draws no chart`).toBe(true);
    }
    for (const entry of ['react/data-table/index.js', KPI_TILE, 'react/provider/index.js']) {
      const code = [...loadedBy(entry, { staticOnly: true })].map(dist).join('\n');
      expect(code, entry).not.toMatch(/from "echarts/);
    }
  });

  it('declares the peer ranges, caret ranges for dependencies and the side effects', () => {
    expect(pkg.peerDependencies).toEqual({
      '@electric-sql/pglite': '^0.5.0',
      '@supabase/supabase-js': '^2.40.0',
      echarts: '^5.5.0 || ^6.0.0',
      pg: '^8.11.0',
      react: '^18.2.0 || ^19.0.0',
      'react-dom': '^18.2.0 || ^19.0.0',
      '@superset-ui/switchboard': '^0.20.3',
      rison: '^0.1.1',
    });
    // Only the apps that use the embedded warehouse, Supabase, SupersetEmbed or the postgres transport install them.
    expect(pkg.peerDependenciesMeta).toEqual({
      '@electric-sql/pglite': { optional: true },
      '@supabase/supabase-js': { optional: true },
      '@superset-ui/switchboard': { optional: true },
      pg: { optional: true },
      rison: { optional: true },
    });
    for (const [name, range] of Object.entries(pkg.dependencies)) expect(range, name).toMatch(/^\^\d/);
    // The one module that registers something at load, besides the CSS.
    expect(pkg.sideEffects).toEqual(['*.css', './dist/core/echarts/setup.js', './dist/core/echarts/setup.cjs']);
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
