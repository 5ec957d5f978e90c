import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

const src = resolve(import.meta.dirname, 'src');

/** Which published entry (a file in dist/) a source file belongs to. */
function entryOf(file: string): 'core' | 'theme' | undefined {
  if (file.startsWith(resolve(src, 'core'))) return 'core';
  if (file.startsWith(resolve(src, 'theme')) || file.startsWith(resolve(src, '..', 'themes'))) return 'theme';
  return undefined;
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
  external: ['react', 'react-dom', 'echarts', /^echarts\//, 'echarts-for-react'],
};

export default defineConfig([
  {
    ...shared,
    entry: { core: 'src/core/index.ts', theme: 'src/theme/index.ts' },
  },
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    banner: { js: "'use client';" },
  },
]);
