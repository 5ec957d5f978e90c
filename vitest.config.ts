import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

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
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/unit.ts'],
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
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          globalSetup: ['test/setup/fake-superset.global.ts'],
          browser: browser('storybook'),
        },
      },
    ],
  },
});
