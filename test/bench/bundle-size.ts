/**
 * Gzip sizes of small apps built by real bundlers (Vite and esbuild), as apps that install the library
 * build it: React left out (every React app has it), ECharts and everything else in. `initial` is what
 * loads first (the entry chunk and every chunk it imports statically); `total` adds the chunks loaded on
 * demand; `initialModules` says which modules the first load holds. Shared by `npm run bench` and the bundle
 * budget test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

export const repo = resolve(import.meta.dirname, '../..');
const REACT = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];

export interface AppSize {
  /** Gzip KiB of the JavaScript loaded first. */
  initial: number;
  /** Gzip KiB of every JavaScript chunk, those loaded on demand too. */
  total: number;
  /** The absolute paths of the modules bundled into the chunks loaded first (to tell what is deferred). */
  initialModules: string[];
}

export type Bundler = 'vite' | 'esbuild';

/** An app that imports `names` from the built root entry (or `from`, a path under dist/) and uses them. */
export function appImporting(names: readonly string[], from = 'dist/index.js'): string {
  return `import { ${names.join(', ')} } from '${join(repo, from)}';\nwindow.used = [${names.join(', ')}];`;
}

/**
 * An app that imports `names` from the built root entry (or `from`, a path under dist/) and renders `element` into a
 * root: `element` is a JavaScript expression that may use `h` (React's `createElement`) and `Fragment`, for example
 * `"h(JennyPanel, { space: 'sales' })"`. React and react-dom are left out of the sizes, like everything React.
 */
export function appRendering(names: readonly string[], element: string, from = 'dist/index.js'): string {
  return [
    "import { createElement as h, Fragment } from 'react';",
    "import { createRoot } from 'react-dom/client';",
    `import { ${names.join(', ')} } from '${join(repo, from)}';`,
    `createRoot(document.getElementById('root')).render(${element});`,
  ].join('\n');
}

const kib = (file: string) => gzipSync(readFileSync(file)).length / 1024;

function workDir(): string {
  // Inside the repo, so that the app resolves packages from its node_modules.
  mkdirSync(join(repo, 'node_modules/.cache'), { recursive: true });
  return mkdtempSync(join(repo, 'node_modules/.cache/insightpulse-bundle-'));
}

async function viteSize(dir: string): Promise<AppSize> {
  writeFileSync(join(dir, 'index.html'), '<script type="module" src="./main.js"></script>');
  const built = await vite({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    // A production build whatever NODE_ENV the caller runs with (Vitest sets 'test').
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(dir, 'dist'),
      manifest: true,
      modulePreload: false,
      rollupOptions: { external: REACT },
    },
  });
  type Chunk = { file: string; imports?: string[] };
  const manifest: Record<string, Chunk> = JSON.parse(readFileSync(join(dir, 'dist/.vite/manifest.json'), 'utf8'));
  const initial = new Set<string>();
  const visit = (key: string) => {
    if (initial.has(key)) return;
    initial.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit('index.html');
  const scripts = Object.entries(manifest).filter(([, chunk]) => chunk.file.endsWith('.js'));
  const sum = (list: [string, Chunk][]) =>
    list.reduce((total, [, chunk]) => total + kib(join(dir, 'dist', chunk.file)), 0);
  const initialFiles = new Set(scripts.filter(([key]) => initial.has(key)).map(([, chunk]) => chunk.file));
  const initialModules = (Array.isArray(built) ? built : [built])
    .flatMap((result) => ('output' in result ? result.output : []))
    .flatMap((item) => (item.type === 'chunk' && initialFiles.has(item.fileName) ? item.moduleIds : []))
    .filter((id) => isAbsolute(id));
  return { initial: sum(scripts.filter(([key]) => initial.has(key))), total: sum(scripts), initialModules };
}

async function esbuildSize(dir: string): Promise<AppSize> {
  const result = await esbuild({
    entryPoints: [join(dir, 'main.js')],
    absWorkingDir: dir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: join(dir, 'out'),
    external: REACT,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const outputs = result.metafile.outputs;
  const scripts = Object.keys(outputs).filter((file) => file.endsWith('.js'));
  const entry = scripts.find((file) => outputs[file]?.entryPoint === 'main.js');
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  if (entry) visit(entry);
  const sum = (files: string[]) => files.reduce((total, file) => total + kib(join(dir, file)), 0);
  const initialModules = [...initial].flatMap((file) =>
    Object.keys(outputs[file]?.inputs ?? {}).map((input) => resolve(dir, input)),
  );
  return { initial: sum([...initial]), total: sum(scripts), initialModules };
}

/** Builds `main` (an app's main.js) with the bundler and measures it. */
export async function appSize(bundler: Bundler, main: string): Promise<AppSize> {
  const dir = workDir();
  try {
    writeFileSync(join(dir, 'main.js'), main);
    return bundler === 'vite' ? await viteSize(dir) : await esbuildSize(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
