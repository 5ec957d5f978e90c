import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The throwaway PostgreSQL the `unit-postgres` tests run against (superuser `postgres`, trust authentication,
     * the demo warehouse applied), or why there is none (`skip`): PostgreSQL's binaries are missing.
     */
    postgres: { host: string; port: number; user: string; database: string; salesRows: number } | { skip: string };
  }
}

interface Cluster {
  findBin(): string | undefined;
  startServer(bin: string, dir: string): Promise<{ port: number; stop(): void; log: string }>;
}
interface WarehouseApply {
  applyWarehouse(client: pg.Client, options: { salesRows: number }): Promise<Record<string, number>>;
}

/** Sales rows in the test warehouse: enough for real aggregates, small enough to apply in about a second. */
const SALES_ROWS = 20_000;

/**
 * Starts Debian's PostgreSQL (test/scripts/pg-cluster.mjs) once per run on 127.0.0.1, in a temporary directory,
 * applies the demo warehouse's SQL to it (warehouse-apply.mjs, 20,000 sales rows) and provides its address as
 * `inject('postgres')`; stops it and removes the directory at teardown. Without PostgreSQL binaries it fails when
 * `CI` or `INSIGHTPULSE_REQUIRE_POSTGRES` is set (`npm test` sets the latter), and otherwise provides the reason,
 * and the tests skip.
 */
export default async function setup(project: TestProject) {
  // Plain JavaScript modules, shared with the scripts: imported by URL, typed here.
  const cluster = (await import(new URL('../scripts/pg-cluster.mjs', import.meta.url).href)) as Cluster;
  const warehouse = (await import(new URL('../scripts/warehouse-apply.mjs', import.meta.url).href)) as WarehouseApply;
  const bin = cluster.findBin();
  if (!bin) {
    const reason =
      'no PostgreSQL binaries (looked in PG_BIN and /usr/lib/postgresql/*/bin; Debian: apt-get install postgresql)';
    if (process.env.CI || process.env.INSIGHTPULSE_REQUIRE_POSTGRES) {
      throw new Error(`The unit-postgres tests need a real PostgreSQL and found ${reason}`);
    }
    console.warn(`unit-postgres: skipped, ${reason}`);
    project.provide('postgres', { skip: reason });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'insightpulse-pg-tests-'));
  let server: Awaited<ReturnType<Cluster['startServer']>> | undefined;
  const teardown = () => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    server = await cluster.startServer(bin, dir);
    const client = new pg.Client({ host: '127.0.0.1', port: server.port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      await warehouse.applyWarehouse(client, { salesRows: SALES_ROWS });
    } finally {
      await client.end();
    }
  } catch (error) {
    teardown();
    throw error;
  }
  project.provide('postgres', {
    host: '127.0.0.1',
    port: server.port,
    user: 'postgres',
    database: 'postgres',
    salesRows: SALES_ROWS,
  });
  return teardown;
}
