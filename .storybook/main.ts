import type { StorybookConfig } from '@storybook/react-vite';
import tailwindcss from '@tailwindcss/vite';
import { fakeSuperset } from './fake-superset.ts';
import { warehouseSnapshot } from './warehouse-snapshot.ts';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  // Storybook's Vite builder does not read vitest.config.ts: Tailwind, the warehouse snapshot, the fake
  // Superset the SupersetEmbed stories embed, and
  // PGlite's bundler setting (its WebAssembly must not be pre-bundled) are added here.
  viteFinal: async (viteConfig) => {
    viteConfig.plugins = [...(viteConfig.plugins ?? []), tailwindcss(), warehouseSnapshot(), fakeSuperset()];
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), '@electric-sql/pglite'],
      // Reached only through package.json's `imports`, which Vite's scan does not follow (see vitest.config.ts).
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'echarts-for-react/esm/core.js'],
    };
    return viteConfig;
  },
};

export default config;
