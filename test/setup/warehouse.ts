import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { createDemoWarehouse, type DemoWarehouse } from '../../src/core/warehouse';

/**
 * Starting points for tests that need PostgreSQL, made once per run by `test/setup/warehouse.global.ts` (the
 * `unit` project's globalSetup). Each call gives a new, independent database; close it in `afterAll`.
 */

/** The demo warehouse at the default scale (50,000 sales rows), started from the shared snapshot (about 0.5 s). */
export function demoWarehouse(): Promise<DemoWarehouse> {
  return createDemoWarehouse({ snapshot: readFileSync(inject('pgliteSnapshots').demo) });
}

/** A fresh, empty PGlite (what `new PGlite()` gives), without running initdb again. */
export function emptyPGlite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: new Blob([readFileSync(inject('pgliteSnapshots').empty)]) });
}
