import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');
export const SNAPSHOT_FILE = 'warehouse.tar.gz';

/**
 * The demo warehouse as a PGlite snapshot, so stories start from it (about half a second) instead of
 * seeding a fresh database in the browser (several seconds). It is made once in Node, cached under
 * node_modules/.cache by a hash of the SQL and the PGlite version, served at any path ending in
 * `/warehouse.tar.gz` in development and test runs, and written next to a static Storybook build.
 */
export function warehouseSnapshot(): Plugin {
  let snapshot: Promise<Buffer> | undefined;
  const make = () => {
    snapshot ??= (async () => {
      // The library's TypeScript source, loaded with tsx (Storybook's config loader does not resolve it).
      const { tsImport } = await import('tsx/esm/api');
      const warehouseModule: typeof import('../src/core/warehouse') = await tsImport(
        '../src/core/warehouse/index.ts',
        import.meta.url,
      );
      const { WAREHOUSE_SQL, createDemoWarehouse } = warehouseModule;
      const pglite = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
      const hash = createHash('sha256')
        .update(pglite.version)
        .update(JSON.stringify(WAREHOUSE_SQL))
        .digest('hex')
        .slice(0, 16);
      const dir = join(root, 'node_modules/.cache/insightpulse');
      const file = join(dir, `warehouse-${hash}.tar.gz`);
      if (existsSync(file)) return readFileSync(file);
      const warehouse = await createDemoWarehouse();
      try {
        const bytes = Buffer.from(await (await warehouse.snapshot()).arrayBuffer());
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, bytes);
        return bytes;
      } finally {
        await warehouse.close();
      }
    })();
    return snapshot;
  };
  return {
    name: 'insightpulse-warehouse-snapshot',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (!request.url?.split('?')[0]?.endsWith(`/${SNAPSHOT_FILE}`)) return next();
        make().then(
          (bytes) => {
            response.setHeader('Content-Type', 'application/gzip');
            response.setHeader('Cache-Control', 'no-cache');
            response.end(bytes);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: SNAPSHOT_FILE, source: await make() });
    },
  };
}
