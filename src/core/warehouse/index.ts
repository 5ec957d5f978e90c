import type { DebugLevel, PGlite } from '@electric-sql/pglite';
import { INDEXES_SQL, ROLES_SQL, SALES_ROWS_SETTING, SCHEMA_SQL, SEED_SQL } from './sql';

export {
  INDEXES_SQL,
  ROLES_SQL,
  SALES_ROWS_SETTING,
  SCHEMA_SQL,
  SEED_SQL,
  WAREHOUSE_SQL,
  type WarehouseSqlFile,
} from './sql';

/** `scout.sales` rows at scale `'demo'` (the default): quick to seed, so Storybook starts fast. */
export const DEMO_SALES_ROWS = 50_000;
/** `scout.sales` rows at scale `'full'`. */
export const FULL_SALES_ROWS = 1_000_000;
/** The most `scout.sales` rows a numeric scale may ask for. */
export const MAX_SALES_ROWS = 10_000_000;

/** `'demo'` (50,000 sales rows), `'full'` (1,000,000) or a number of `scout.sales` rows. */
export type WarehouseScale = 'demo' | 'full' | number;

/** A `dumpDataDir()` tarball (what `snapshot()` returns), as a Blob or File, bytes, or a fetch `Response`. */
export type WarehouseSnapshot = Blob | ArrayBuffer | ArrayBufferView | Response;

export interface DemoWarehouseOptions {
  /** How many `scout.sales` rows to seed. Default `'demo'`. Ignored when starting from a snapshot. */
  scale?: WarehouseScale;
  /**
   * Start from a snapshot (`warehouse.snapshot()`, a PGlite `dumpDataDir()` tarball) instead of seeding:
   * much faster (about 0.6 s instead of 3 s at the demo scale). A promise is awaited, so
   * `fetch('/warehouse.tar.gz')` can be passed as is.
   */
  snapshot?: WarehouseSnapshot | PromiseLike<WarehouseSnapshot>;
  /**
   * Where PGlite keeps its files: default in memory; `'idb://name'` (IndexedDB) in a browser, a directory in
   * Node. A data directory that already holds the warehouse is reused as it is, unless `scale` asks for a
   * different number of rows (then it is seeded again).
   */
  dataDir?: string;
  /** `true` logs how long each step took; a number is also PGlite's own debug level (1-5). */
  debug?: boolean | DebugLevel;
}

export interface DemoWarehouse {
  /** The PGlite database, connected as its owner (a superuser): give it to `pgliteTransport`. */
  readonly db: PGlite;
  /** How many rows `scout.sales` holds. */
  readonly salesRows: number;
  /** Where the data came from: seeded now, loaded from a snapshot, or found in `dataDir`. */
  readonly source: 'seed' | 'snapshot' | 'existing';
  /** How long `createDemoWarehouse` took, in ms. */
  readonly startupMs: number;
  /** Closes the database. Until it is closed, PGlite keeps Node's event loop alive. */
  close(): Promise<void>;
  /** The whole database as a gzipped tarball: pass it back as `snapshot` to start fast. */
  snapshot(): Promise<Blob>;
}

/**
 * PGlite's only session is the superuser `postgres`, and `SET ROLE` checks the session user, not the current
 * role: a statement running as a read-only role could call `set_config('role', 'postgres', true)`, or run
 * `SET ROLE` in a DO block, and read what its role may not. Nobody but the owner needs either here, so PUBLIC
 * loses both. PUBLIC also loses the session-level advisory lock functions: a lock taken with one outlives the
 * transaction (the pglite transport's ROLLBACK does not release it) and stays held by the one shared session, and
 * unlocking could release the owner's locks; the transaction-level ones (`pg_advisory_xact_lock`, …) end with the
 * ROLLBACK and stay. (On a real PostgreSQL the application logs in as a non-superuser that is only a member of the
 * read-only roles, so the SQL files do not do this.)
 */
const HARDENING_SQL = `
  revoke execute on function pg_catalog.set_config(text, text, boolean) from public;
  revoke usage on language plpgsql from public;
  revoke execute on function pg_catalog.pg_advisory_lock(bigint), pg_catalog.pg_advisory_lock(integer, integer),
    pg_catalog.pg_advisory_lock_shared(bigint), pg_catalog.pg_advisory_lock_shared(integer, integer),
    pg_catalog.pg_try_advisory_lock(bigint), pg_catalog.pg_try_advisory_lock(integer, integer),
    pg_catalog.pg_try_advisory_lock_shared(bigint), pg_catalog.pg_try_advisory_lock_shared(integer, integer),
    pg_catalog.pg_advisory_unlock(bigint), pg_catalog.pg_advisory_unlock(integer, integer),
    pg_catalog.pg_advisory_unlock_shared(bigint), pg_catalog.pg_advisory_unlock_shared(integer, integer),
    pg_catalog.pg_advisory_unlock_all()
    from public;
`;

/** The number of `scout.sales` rows a scale means; throws a RangeError for anything else. */
export function salesRowsOf(scale: WarehouseScale): number {
  if (scale === 'demo') return DEMO_SALES_ROWS;
  if (scale === 'full') return FULL_SALES_ROWS;
  if (typeof scale === 'number' && Number.isSafeInteger(scale) && scale >= 1 && scale <= MAX_SALES_ROWS) return scale;
  throw new RangeError(
    `Invalid warehouse scale ${JSON.stringify(scale)}: use 'demo', 'full' or a whole number of sales rows from 1 to ${MAX_SALES_ROWS}`,
  );
}

/**
 * An embedded demo warehouse: PostgreSQL (PGlite, compiled to WebAssembly) with the platform's curated schemas
 * (`scout`, `opex`, `te_tax`, `ces`, `gold`), the read-only roles `jenny_readonly` and `superset_readonly`, and two
 * years of deterministic demo data (2024-01-01 to 2025-12-31). Runs in Node and in browsers.
 *
 * `@electric-sql/pglite` is an optional peer dependency, loaded only when this is called.
 *
 * ```ts
 * const warehouse = await createDemoWarehouse();
 * const transport = pgliteTransport({ db: warehouse.db });
 * // …
 * await warehouse.close();
 * ```
 */
export async function createDemoWarehouse(options: DemoWarehouseOptions = {}): Promise<DemoWarehouse> {
  const requested = options.scale === undefined ? undefined : salesRowsOf(options.scale);
  const debug = options.debug ?? false;
  const started = now();
  let step = started;
  const mark = (what: string) => {
    if (debug) console.info(`[insightpulse warehouse] ${what} in ${Math.round(now() - step)} ms`);
    step = now();
  };

  const loadDataDir = options.snapshot === undefined ? undefined : await toBlob(await options.snapshot);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir,
    debug: typeof debug === 'number' ? debug : undefined,
  });
  mark(loadDataDir ? 'started PGlite from the snapshot' : 'started PGlite');

  try {
    const existing = await countSalesRows(db);
    let source: DemoWarehouse['source'];
    let salesRows: number;
    if (loadDataDir) {
      if (existing === undefined) {
        throw new Error('The snapshot holds no InsightPulse demo warehouse: scout.sales is missing or empty');
      }
      source = 'snapshot';
      salesRows = existing;
    } else if (existing !== undefined && (requested === undefined || requested === existing)) {
      source = 'existing';
      salesRows = existing;
    } else {
      salesRows = requested ?? DEMO_SALES_ROWS;
      await seed(db, salesRows, mark);
      source = 'seed';
    }
    await db.exec(HARDENING_SQL);
    const startupMs = Math.round(now() - started);
    if (debug) console.info(`[insightpulse warehouse] ready (${source}, ${salesRows} sales rows) in ${startupMs} ms`);

    return {
      db,
      salesRows,
      source,
      startupMs,
      async close() {
        if (!db.closed) await db.close();
      },
      async snapshot() {
        return db.dumpDataDir('gzip');
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** Applies the SQL files in order, seeding `salesRows` rows of `scout.sales`. */
async function seed(db: PGlite, salesRows: number, mark: (what: string) => void): Promise<void> {
  await db.exec(SCHEMA_SQL);
  await db.exec(ROLES_SQL);
  mark('created the schema and roles');
  await db.query('select set_config($1, $2, false)', [SALES_ROWS_SETTING, String(salesRows)]);
  try {
    await db.exec(SEED_SQL);
  } finally {
    await db.query('select set_config($1, $2, false)', [SALES_ROWS_SETTING, '']);
  }
  mark(`seeded ${salesRows} sales rows`);
  await db.exec(INDEXES_SQL);
  mark('built the indexes');
}

/** Rows in `scout.sales`, or undefined when the table does not exist or is empty. */
async function countSalesRows(db: PGlite): Promise<number | undefined> {
  const present = await db.query<{ present: boolean }>(`select to_regclass('scout.sales') is not null as present`);
  if (!present.rows[0]?.present) return undefined;
  const count = await db.query<{ n: number }>('select count(*)::integer as n from scout.sales');
  const n = count.rows[0]?.n ?? 0;
  return n > 0 ? n : undefined;
}

async function toBlob(snapshot: WarehouseSnapshot): Promise<Blob> {
  if (snapshot instanceof Blob) return snapshot;
  if (snapshot instanceof ArrayBuffer) return new Blob([snapshot]);
  if (ArrayBuffer.isView(snapshot)) {
    return new Blob([new Uint8Array(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength).slice()]);
  }
  if (typeof Response !== 'undefined' && snapshot instanceof Response) {
    if (!snapshot.ok) throw new Error(`Could not load the warehouse snapshot: HTTP ${snapshot.status}`);
    return snapshot.blob();
  }
  throw new TypeError('A warehouse snapshot must be a Blob, an ArrayBuffer, a typed array or a fetch Response');
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
