import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The unit tests: `.ts` files (pure logic) in Node, `.tsx` files (markup) in jsdom. Each kind runs its files one
 * after another in a shared worker (isolate: false), which saves a process, jsdom and the packages' imports per
 * file; test/setup/node.ts and dom.ts start each file with fresh library modules, real timers and an empty page,
 * as its own process would. A file that mocks modules (`vi.mock`, `vi.doMock`) runs alone in the `-isolated`
 * twin instead, so its mocks never leak into the next file. A file may still pick its environment with
 * `// @vitest-environment node` (server rendering) or `jsdom`.
 */
const unitDir = fileURLToPath(new URL('test/unit/', import.meta.url));
const mocking = readdirSync(unitDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file))
  .filter((file) => /\bvi\s*\.\s*(doM|m)ock\s*\(/.test(readFileSync(unitDir + file, 'utf8')))
  .map((file) => `test/unit/${file}`);
/**
 * Files that run against a real PostgreSQL (they `inject('postgres')`): their own project, `unit-postgres`, whose
 * global setup starts a throwaway cluster (test/setup/postgres.global.ts), so the other unit projects never wait
 * for one.
 */
const postgresFiles = readdirSync(unitDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.ts$/.test(file))
  .filter((file) => /\binject\(\s*['"]postgres['"]\s*\)/.test(readFileSync(unitDir + file, 'utf8')))
  .map((file) => `test/unit/${file}`);

function unitProjects(name: string, extension: 'ts' | 'tsx'): TestProjectInlineConfiguration[] {
  const node = extension === 'ts';
  const test = {
    environment: node ? 'node' : 'jsdom',
    setupFiles: [node ? 'test/setup/node.ts' : 'test/setup/dom.ts'],
    globalSetup: ['test/setup/warehouse.global.ts'],
    // No test leans on Vitest's 5 s default: on a busy 2-core machine a test that takes 1 s alone can take ten.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  };
  const isolated = mocking.filter((file) => file.endsWith(`.${extension}`) && !postgresFiles.includes(file));
  const shared: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      ...test,
      name,
      include: [`test/unit/**/*.test.${extension}`],
      exclude: [...isolated, ...postgresFiles],
      isolate: false,
    },
  };
  if (!isolated.length) return [shared];
  return [shared, { extends: true, test: { ...test, name: `${name}-isolated`, include: isolated } }];
}

/** Debian's chromium (or CHROME_PATH): Playwright's own browser download is not used. */
const browser = (name: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({
    // Larger than the tester's viewport below, so the page is not scaled down: a scaled page puts
    // Playwright's clicks inside cross-origin frames (the embedded Superset) off target.
    contextOptions: { viewport: { width: 1400, height: 900 } },
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      chromiumSandbox: false,
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  }),
  instances: [{ browser: 'chromium' as const, name: `${name} (chromium)` }],
  screenshotFailures: false,
  // Wide enough for a 600px chart (the default viewport is a phone's).
  viewport: { width: 1280, height: 800 },
});

/**
 * Dependencies the browser projects reach only through package.json's `imports` (`#echarts-for-react-core`), which
 * Vite's scan does not see: named here, they are optimised up front instead of mid-run, where Vite reloads the page
 * and a test file fails to import.
 */
const OPTIMIZE_UP_FRONT = ['echarts-for-react/esm/core.js'];

export default defineConfig({
  plugins: [react(), tailwindcss()],
  optimizeDeps: { include: OPTIMIZE_UP_FRONT },
  test: {
    // Waits (testing-library's waitFor and findBy, vi.waitFor, expect.poll) get 15 s, not 1 s: see test/setup/waits.ts.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      ...unitProjects('unit', 'ts'),
      ...unitProjects('unit-dom', 'tsx'),
      ...(postgresFiles.length
        ? [
            {
              extends: true,
              test: {
                name: 'unit-postgres',
                environment: 'node',
                include: postgresFiles,
                setupFiles: ['test/setup/node.ts'],
                globalSetup: ['test/setup/postgres.global.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            } satisfies TestProjectInlineConfiguration,
          ]
        : []),
      {
        // Type tests (`*.test-d.ts`): checked by tsc through Vitest, so a wrong type fails a test.
        extends: true,
        test: {
          name: 'unit-types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/**/*.test-d.{ts,tsx}'],
            // Only the type tests and what they import: `npm run typecheck` checks the rest.
            tsconfig: 'test/setup/tsconfig.type-tests.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/browser.ts'],
          globalSetup: ['test/setup/fake-superset.global.ts', 'test/setup/jenny-sse.global.ts'],
          browser: browser('browser'),
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          globalSetup: ['test/setup/fake-superset.global.ts'],
          browser: browser('storybook'),
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
