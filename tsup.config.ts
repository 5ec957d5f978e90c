import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/**
 * The library is published one output file per source module (the layout Radix and MUI ship): every
 * bundler tree-shakes it from any entry, and `sideEffects` in package.json names the one module that
 * registers something at load (the ECharts setup). Types are bundled per public entry.
 */

const root = import.meta.dirname;

/** Every source module, by its output name (`core/adapter/table` for src/core/adapter/table.ts). */
function sourceModules(): Record<string, string> {
  const modules: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) modules[outName(path)] = path;
    }
  };
  walk('src');
  // The token source lives in themes/ (beside what is generated from it) and is published with the theme.
  modules['theme/tokens'] = 'themes/tokens.ts';
  return modules;
}

/** The output name of a source file, relative to the repository: `src/` dropped, no extension. */
function outName(file: string): string {
  const path = relative(root, resolve(root, file)).replace(/\.tsx?$/, '');
  if (path === 'themes/tokens') return 'theme/tokens';
  if (!path.startsWith('src/')) throw new Error(`${file} is outside src/: it cannot be published`);
  return path.slice('src/'.length);
}

/** The source file a relative import names: the file itself, with `.ts`/`.tsx`, or a folder's index. */
function resolveSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  throw new Error(`Cannot resolve ${specifier} from ${relative(root, from)}`);
}

/**
 * Keeps every import external: a relative one becomes the path of its own output file (`./table.js`,
 * `../format/index.cjs`), a package stays a package. Each module is then its own file.
 *
 * With `inline`, the modules it matches are bundled into the entry instead (one entry per build then),
 * and the remaining imports are written relative to that entry's output file.
 */
function oneFilePerModule(inline?: { entry: string; modules: (name: string) => boolean }): Plugin {
  return {
    name: 'one-file-per-module',
    setup(build) {
      const extension = build.initialOptions.format === 'cjs' ? 'cjs' : 'js';
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!/^\.\.?\//.test(args.path)) return { path: args.path, external: true };
        const source = resolveSource(args.importer, args.path);
        const target = outName(source);
        if (inline?.modules(target)) return { path: source };
        const from = dirname(inline ? inline.entry : outName(args.importer));
        const path = relative(from, target);
        return { path: `${path.startsWith('.') ? path : `./${path}`}.${extension}`, external: true };
      });
    },
  };
}

const modules = sourceModules();
const pick = (test: (name: string) => boolean) =>
  Object.fromEntries(Object.entries(modules).filter(([name]) => test(name)));
const isReact = (name: string) => name === 'index' || name.startsWith('react/');

const shared: Options = {
  format: ['esm', 'cjs'],
  sourcemap: true,
  target: 'es2022',
  outDir: 'dist',
  splitting: false,
  bundle: true,
  esbuildPlugins: [oneFilePerModule()],
};

/**
 * Modules that load on demand, each published as one file with its own copy of the library modules it uses,
 * but for those it shares (`shared`). esbuild's code splitting gives a module that a lazily loaded chunk shares
 * with the root entry's graph to the first load of every app importing the root, in chunks split by who shares
 * them: shared, ChartCard's extras cost a KpiTile app 2 KiB gzip and a ChartCard app 1.5 KiB. What stays shared:
 * the ECharts setup and on-demand loader (so ECharts is registered once; a KpiTile app never reaches them), and
 * the error classes (so `instanceof` holds). An app showing a DataTable and a ChartCard loads the table's code a
 * second time, when the card's extras first open.
 */
const SELF_CONTAINED: Record<string, RegExp> = {
  // ChartCard's full-screen dialog, data table and downloads.
  'react/chart-card/extras': /^core\/echarts\//,
  // The English chart-choice sentences, loaded when a card is first asked why.
  'react/chart-card/reasons': /^core\/echarts\//,
  // JennyPanel's chart (ChartCard) and table, loaded when an answer first has rows; the panel hands them the page's
  // provider values, which they provide again to their own copy of the contexts (`Reprovide`).
  'react/jenny-panel/views': /^core\/echarts\//,
  // JennyPanel's Explain and feedback dialogs, loaded when one first opens; they read no context.
  'react/jenny-panel/dialogs': /^$/,
  // ECharts' rarer modules with the adapter's scatter and heatmap builders.
  'core/echarts/modules/rare': /^core\/(echarts\/setup|errors|adapter\/errors)$/,
};
const selfContained = (name: string) => Object.hasOwn(SELF_CONTAINED, name);

/** The public entries' bundled types (`dist/<name>.d.ts` and `.d.cts`), as package.json's exports name them. */
const typeEntries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  theme: 'src/theme/index.ts',
  semantic: 'src/core/semantic/index.ts',
  client: 'src/core/client/index.ts',
  'client-http': 'src/core/client/transports/http.ts',
  'client-supabase': 'src/core/client/transports/supabase.ts',
  'client-pglite': 'src/core/client/transports/pglite.ts',
  warehouse: 'src/core/warehouse/index.ts',
  jenny: 'src/core/jenny/index.ts',
  server: 'src/core/server/index.ts',
  superset: 'src/core/superset/index.ts',
  'kpi-tile': 'src/react/kpi-tile/index.ts',
  'superset-embed': 'src/react/superset-embed/index.ts',
  'echarts-for-react': 'src/react/echarts-for-react/index.tsx',
};

export default defineConfig([
  // Framework-free modules: src/core, src/theme and the token source.
  { ...shared, entry: pick((name) => !isReact(name) && !selfContained(name)) },
  // React modules, each marked for React Server Components as client code.
  {
    ...shared,
    entry: pick((name) => isReact(name) && !selfContained(name)),
    banner: { js: "'use client';" },
  },
  ...Object.entries(SELF_CONTAINED).map(
    ([entry, keep]): Options => ({
      ...shared,
      entry: { [entry]: modules[entry] as string },
      ...(isReact(entry) ? { banner: { js: "'use client';" } } : {}),
      esbuildPlugins: [oneFilePerModule({ entry, modules: (name) => !keep.test(name) })],
    }),
  ),
  {
    format: ['esm', 'cjs'],
    outDir: 'dist',
    entry: typeEntries,
    dts: { only: true },
    external: [/^[^./]/],
  },
]);
