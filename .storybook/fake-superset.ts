import type { Plugin } from 'vite';
import {
  bundleFakeSupersetPage,
  createFakeSupersetHandler,
  FAKE_SUPERSET_BASE_PATH,
  FAKE_SUPERSET_STORY_IDS,
  fakeSupersetPageHtml,
} from '../test/fixtures/fake-superset/handler.ts';

/**
 * The fake Superset embedded page (test/fixtures/fake-superset) for stories: served by the dev server under
 * `/__fake-superset-app` (stories pass `${location.origin}/__fake-superset-app` as `supersetDomain`), and
 * written as static files next to a `storybook build` for the ids in FAKE_SUPERSET_STORY_IDS. A static build
 * has no server: flags that need one (`slow`, `xfo`, `csp`) do nothing there, and records are not kept.
 */
export function fakeSuperset(): Plugin {
  return {
    name: 'insightpulse-fake-superset',
    configureServer(server) {
      const handler = createFakeSupersetHandler({ basePath: FAKE_SUPERSET_BASE_PATH });
      server.middlewares.use((request, response, next) => {
        if (!handler.handle(request, response)) next();
      });
    },
    async generateBundle() {
      const base = FAKE_SUPERSET_BASE_PATH.slice(1);
      this.emitFile({ type: 'asset', fileName: `${base}/static/embedded.js`, source: await bundleFakeSupersetPage() });
      for (const id of FAKE_SUPERSET_STORY_IDS) {
        this.emitFile({
          type: 'asset',
          fileName: `${base}/embedded/${id}/index.html`,
          source: fakeSupersetPageHtml(FAKE_SUPERSET_BASE_PATH),
        });
      }
    },
  };
}
