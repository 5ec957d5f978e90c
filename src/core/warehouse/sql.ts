import { warehouseSqlFiles } from './sql.generated';

/**
 * The demo warehouse's SQL, as strings. The source of truth is `src/core/warehouse/sql/*.sql` (what
 * `warehouse:apply` runs against a real PostgreSQL); `sql.generated.ts` holds their text so every bundler
 * (tsup, Vite, Vitest, Storybook) bundles it with no loader configuration.
 */
export interface WarehouseSqlFile {
  /** The file name, for example `'003_seed.sql'`. */
  readonly name: string;
  readonly sql: string;
}

/** Every SQL file, in the order they apply: schema, roles, seed, indexes. */
export const WAREHOUSE_SQL: readonly WarehouseSqlFile[] = warehouseSqlFiles;

function file(name: string): string {
  const found = warehouseSqlFiles.find((entry) => entry.name === name);
  if (!found) throw new Error(`The warehouse SQL file ${name} is missing from sql.generated.ts`);
  return found.sql;
}

/** Schemas and tables (`001_schema.sql`). */
export const SCHEMA_SQL = file('001_schema.sql');
/** The read-only roles and their grants (`002_roles.sql`). */
export const ROLES_SQL = file('002_roles.sql');
/**
 * The deterministic demo data (`003_seed.sql`). Its `scout.sales` row count is the session setting
 * `insightpulse.sales_rows` (default 50,000).
 */
export const SEED_SQL = file('003_seed.sql');
/** Indexes by date and region (`004_indexes.sql`). */
export const INDEXES_SQL = file('004_indexes.sql');

/** The setting `SEED_SQL` reads the number of `scout.sales` rows from. */
export const SALES_ROWS_SETTING = 'insightpulse.sales_rows';
