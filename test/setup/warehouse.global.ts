import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { createDemoWarehouse, WAREHOUSE_SQL } from '../../src/core/warehouse';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Paths of PGlite snapshots made once for the run: `demo` is the seeded demo warehouse, `empty` a fresh cluster. */
    pgliteSnapshots: { demo: string; empty: string };
  }
}

const root = resolve(import.meta.dirname, '../..');
const cache = join(root, 'node_modules/.cache/insightpulse');

/** Writes through a temporary name, so a reader never sees half a file. */
function writeAtomically(file: string, bytes: Uint8Array) {
  mkdirSync(cache, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
}

/**
 * Makes the PGlite snapshots that tests start from (`test/setup/warehouse.ts`), once, in the main process.
 * Seeding the demo warehouse takes 3 s or more and initdb about 3 s; starting from a snapshot takes about 0.5 s.
 * They are cached in node_modules/.cache/insightpulse (as the storybook's warehouse snapshot is) by a hash of the
 * PGlite version, the warehouse's SQL and the code that seeds it, so a change to any of them seeds again.
 */
export default async function setup(project: TestProject) {
  const pglite = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  const hash = createHash('sha256')
    .update(pglite.version)
    .update(JSON.stringify(WAREHOUSE_SQL))
    .update(readFileSync(join(root, 'src/core/warehouse/index.ts')))
    .digest('hex');
  const demo = join(cache, `test-warehouse-${hash.slice(0, 16)}.tar.gz`);
  const empty = join(cache, `pglite-empty-${pglite.version}.tar.gz`);

  await Promise.all([
    existsSync(demo) ||
      (async () => {
        const warehouse = await createDemoWarehouse();
        try {
          writeAtomically(demo, new Uint8Array(await (await warehouse.snapshot()).arrayBuffer()));
        } finally {
          await warehouse.close();
        }
      })(),
    existsSync(empty) ||
      (async () => {
        const db = await PGlite.create();
        try {
          writeAtomically(empty, new Uint8Array(await (await db.dumpDataDir('gzip')).arrayBuffer()));
        } finally {
          await db.close();
        }
      })(),
  ]);
  project.provide('pgliteSnapshots', { demo, empty });
}
