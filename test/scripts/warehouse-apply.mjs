#!/usr/bin/env node
/**
 * `npm run warehouse:apply -- <postgres connection url> [--scale demo|full|N]`: applies the demo warehouse's SQL
 * files (src/core/warehouse/sql/*.sql, in order: schema, roles, seed, indexes) to a real PostgreSQL 15+ with `pg`.
 * Each file runs in its own transaction. The connecting user must be able to create schemas and roles (a superuser,
 * or the database owner with CREATEROLE). Running it again rewrites the same data.
 *
 *   --scale   rows in scout.sales: demo (50,000, the default), full (1,000,000) or a number
 *
 * The connection string's password is never printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const SQL_DIR = resolve(import.meta.dirname, '../../src/core/warehouse/sql');
const SETTING = 'insightpulse.sales_rows';

/** The SQL files in the order they apply. */
export function warehouseSqlFiles() {
  return readdirSync(SQL_DIR)
    .filter((name) => /^\d+_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(SQL_DIR, name), 'utf8') }));
}

/** Rows in scout.sales for a --scale value; throws on anything else. */
export function salesRowsOf(scale) {
  if (scale === undefined || scale === 'demo') return 50_000;
  if (scale === 'full') return 1_000_000;
  const rows = Number(scale);
  if (!Number.isSafeInteger(rows) || rows < 1 || rows > 10_000_000) {
    throw new Error(`--scale must be demo, full or a whole number of sales rows from 1 to 10000000, not ${scale}`);
  }
  return rows;
}

/** The connection string with any password replaced by ***. */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return '(a connection string that is not a URL)';
  }
}

/**
 * Applies every SQL file through `client` (a connected pg Client), seeding `salesRows` sales rows. Returns the
 * milliseconds each file took.
 */
export async function applyWarehouse(client, { salesRows = 50_000, log = () => {} } = {}) {
  const timings = {};
  await client.query('select set_config($1, $2, false)', [SETTING, String(salesRows)]);
  try {
    for (const file of warehouseSqlFiles()) {
      const started = Date.now();
      await client.query('begin');
      try {
        await client.query(file.sql);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        error.message = `${file.name}: ${error.message}`;
        throw error;
      }
      timings[file.name] = Date.now() - started;
      log(`  ${file.name} ${timings[file.name]} ms`);
    }
  } finally {
    await client.query('select set_config($1, $2, false)', [SETTING, '']).catch(() => {});
  }
  return timings;
}

function parseArgs(argv) {
  let url;
  let scale;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scale') scale = argv[++i];
    else if (arg.startsWith('--scale=')) scale = arg.slice('--scale='.length);
    else if (arg === '--help' || arg === '-h') return { help: true };
    else if (!url) url = arg;
    else throw new Error(`Unexpected argument ${JSON.stringify(arg.slice(0, 40))}`);
  }
  return { url, scale };
}

async function main() {
  const usage = 'usage: node test/scripts/warehouse-apply.mjs <postgres connection url> [--scale demo|full|N]';
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(usage);
    return;
  }
  const url = args.url ?? process.env.WAREHOUSE_URL;
  if (!url) {
    console.error(`${usage}\n(or set WAREHOUSE_URL)`);
    process.exit(2);
  }
  let salesRows;
  try {
    salesRows = salesRowsOf(args.scale);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  console.log(`Applying the demo warehouse (${salesRows} sales rows) to ${redactUrl(url)}`);
  const client = new pg.Client({ connectionString: url });
  const started = Date.now();
  try {
    await client.connect();
    await applyWarehouse(client, { salesRows, log: console.log });
    console.log(`Done in ${Date.now() - started} ms`);
  } catch (error) {
    // pg's errors carry the server's message, never the connection string
    console.error(
      `Failed: ${error.message}${/^[0-9A-Z]{5}$/.test(error.code ?? '') ? ` (SQLSTATE ${error.code})` : ''}`,
    );
    process.exitCode = 1;
  } finally {
    await client.end().catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
