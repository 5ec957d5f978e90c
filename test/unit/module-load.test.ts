import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => `${dir}/${file}`);
}

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'HTMLElement'] as const;
const touched: string[] = [];

/**
 * src/core and src/theme must load without a DOM (server rendering, workers): each DOM global is a
 * trap while their modules load, and any read of one by the library's own code is recorded.
 */
describe('framework-free modules', () => {
  beforeAll(() => {
    for (const name of DOM_GLOBALS) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          // Dependencies (zrender, echarts) feature-detect with `typeof window`; only our own reads count.
          const caller = new Error().stack?.split('\n')[2] ?? '';
          if (!caller.includes('node_modules')) touched.push(`${name} (${caller.trim()})`);
          return undefined;
        },
      });
    }
  });
  afterAll(() => {
    for (const name of DOM_GLOBALS) delete (globalThis as Record<string, unknown>)[name];
  });

  const files = [...sources('src/core'), ...sources('src/theme'), 'themes/tokens.ts'];

  it('finds the modules to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s loads without touching window or document', async (file) => {
    touched.length = 0;
    const module = await import(/* @vite-ignore */ resolve(root, file));
    expect(module).toBeTypeOf('object');
    expect(touched, `${relative(root, file)} read DOM globals at module load`).toEqual([]);
  });
});
