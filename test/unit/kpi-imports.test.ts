import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** Import and re-export specifiers that load code at run time (`import type` and `export type` are erased). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(statement)) {
    if (!match[2]) found.push(match[4] as string);
  }
  for (const match of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1] as string);
  return found;
}

function resolveFile(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidate = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find(
    (path) => existsSync(path) && !path.endsWith('/') && /\.tsx?$/.test(path),
  );
  if (!candidate) throw new Error(`cannot resolve ${specifier} from ${from}`);
  return candidate;
}

/** Every source file the entry loads at run time, and every package it imports. */
function graph(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) visit(resolveFile(file, specifier));
      else packages.add(specifier);
    }
  };
  visit(resolve(root, entry));
  return { files: [...files].map((file) => relative(root, file)).sort(), packages: [...packages].sort() };
}

describe('the KPI tile entry', () => {
  const { files, packages } = graph('src/react/kpi-tile/index.ts');

  it('loads only React and clsx', () => {
    expect(packages).toEqual(['clsx', 'react']);
  });

  it('never reaches ECharts, Radix, the adapter, the chart components or the core entry', () => {
    const forbidden = /^src\/(core\/(adapter|echarts|client|semantic)\/|core\/index\.ts|react\/(chart|provider))/;
    expect(files.filter((file) => forbidden.test(file))).toEqual([]);
    const allowed = /^src\/(react\/kpi-tile\/|react\/lib\/|core\/(format|kpi|messages|util)\/|core\/errors\.ts$)/;
    expect(files.filter((file) => !allowed.test(file))).toEqual([]);
  });

  it('is found by the walk (the walk is not vacuous)', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'src/core/format/format.ts',
        'src/core/kpi/compute.ts',
        'src/react/kpi-tile/kpi-tile.tsx',
      ]),
    );
  });
});

describe('src/core/kpi', () => {
  it('imports no React and no DOM', () => {
    const { files, packages } = graph('src/core/kpi/index.ts');
    expect(packages).toEqual([]);
    for (const file of files) {
      const source = readFileSync(resolve(root, file), 'utf8');
      expect(source).not.toMatch(/\b(window|document|navigator|localStorage)\./);
    }
  });
});
