import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

const src = resolve(import.meta.dirname, 'src');

/** Source folders and files, most specific first, and the published entry (a file in dist/) each belongs to. */
const ENTRIES: [string, string | undefined][] = [
  // Small helpers the transports share (response checks, abort handling): bundled into each.
  ['src/core/client/transports/shape.ts', undefined],
  ['src/core/client/abort.ts', undefined],
  ['src/core/client/redact.ts', undefined],
  ['src/core/util', undefined],
  // Formats are one file of their own that the core, React and KPI tile entries share (one copy, one
  // FormatError), so that the KPI tile entry never loads the core entry, which registers ECharts.
  ['src/core/format', 'format'],
  // KPI arithmetic is bundled where it is used.
  ['src/core/kpi', undefined],
  // The message catalogues too (plain data and small functions), so the KPI tile entry never loads the core entry.
  ['src/core/messages', undefined],
  ['src/core/client/transports/http.ts', 'client-http'],
  ['src/core/client/transports/supabase.ts', 'client-supabase'],
  ['src/core/client/transports/pglite.ts', 'client-pglite'],
  ['src/core/client', 'client'],
  ['src/core/semantic', 'semantic'],
  ['src/core/warehouse', 'warehouse'],
  ['src/core/superset', 'superset'],
  ['src/core', 'core'],
  ['src/theme', 'theme'],
  ['themes', 'theme'],
];

function entryOf(file: string): string | undefined {
  const module = file.replace(/\.tsx?$/, '');
  return ENTRIES.find(([path]) => {
    const base = resolve(src, '..', path.replace(/\.tsx?$/, ''));
    return module === base || module.startsWith(`${base}/`);
  })?.[1];
}

/**
 * An entry imports another entry's code from that entry's built file (`./core.js`, `./core.cjs`)
 * instead of bundling a second copy of it, so `.`, `./core` and `./theme` share one ECharts
 * registration at run time.
 */
const shareEntries: Plugin = {
  name: 'share-entries',
  setup(build) {
    const extension = build.initialOptions.format === 'cjs' ? 'cjs' : 'js';
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = entryOf(resolve(args.resolveDir, args.path));
      if (target && target !== entryOf(args.importer)) return { path: `./${target}.${extension}`, external: true };
      return undefined;
    });
  },
};

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  outDir: 'dist',
  esbuildPlugins: [shareEntries],
  external: [
    'react',
    'react-dom',
    'echarts',
    /^echarts\//,
    'echarts-for-react',
    '@electric-sql/pglite',
    /^@supabase\//,
  ],
};

export default defineConfig([
  {
    ...shared,
    entry: {
      core: 'src/core/index.ts',
      theme: 'src/theme/index.ts',
      format: 'src/core/format/index.ts',
      semantic: 'src/core/semantic/index.ts',
      client: 'src/core/client/index.ts',
      'client-http': 'src/core/client/transports/http.ts',
      'client-supabase': 'src/core/client/transports/supabase.ts',
      'client-pglite': 'src/core/client/transports/pglite.ts',
      warehouse: 'src/core/warehouse/index.ts',
      superset: 'src/core/superset/index.ts',
    },
  },
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      'kpi-tile': 'src/react/kpi-tile/index.ts',
      'superset-embed': 'src/react/superset-embed/index.ts',
    },
    banner: { js: "'use client';" },
  },
]);
