import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/** Node test files that mock modules (`vi.mock`, `vi.doMock`): they run in the isolated project. */
const unitDir = fileURLToPath(new URL('test/unit/', import.meta.url));
const mockingTests = readdirSync(unitDir, { recursive: true, encoding: 'utf8' })
  .filter(
    (file) => file.endsWith('.test.ts') && /\bvi\s*\.\s*(doM|m)ock\s*\(/.test(readFileSync(unitDir + file, 'utf8')),
  )
  .map((file) => `test/unit/${file}`);

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

export default defineConfig({
  plugins: [react(), tailwindcss()],
  test: {
    // No test leans on Vitest's 5 s default: on a busy 2-core machine a test that takes 1 s alone can take ten.
    // Waits (testing-library's waitFor and findBy, vi.waitFor, expect.poll) get the same margin in setup.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        // Pure logic: `.ts` files run in Node, one after another in a shared worker (no process per file).
        // test/setup/node.ts gives each file fresh library modules and real timers, as its own process would.
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: mockingTests,
          isolate: false,
          setupFiles: ['test/setup/node.ts'],
          globalSetup: ['test/setup/warehouse.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // `.ts` files that mock modules (vi.mock): a mock must not leak into the next file, so each runs alone.
        extends: true,
        test: {
          name: 'unit-isolated',
          environment: 'node',
          include: mockingTests.length ? mockingTests : ['no-such-file'],
          setupFiles: ['test/setup/node.ts'],
          globalSetup: ['test/setup/warehouse.global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Markup: `.tsx` files run in jsdom, each file in its own worker (server rendering says
        // `// @vitest-environment node`).
        extends: true,
        test: {
          name: 'unit-dom',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.tsx'],
          setupFiles: ['test/setup/dom.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
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
          globalSetup: ['test/setup/fake-superset.global.ts'],
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
