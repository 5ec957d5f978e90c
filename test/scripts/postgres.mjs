#!/usr/bin/env node
/**
 * The demo warehouse on a real PostgreSQL gives exactly what it gives on PGlite.
 *
 * Finds Debian's PostgreSQL (/usr/lib/postgresql/<version>/bin), creates a throwaway cluster in a temporary
 * directory (as the `postgres` user when this runs as root), starts it on 127.0.0.1 on a free port, applies the
 * SQL files with warehouse-apply's logic, builds a PGlite warehouse at the same scale with createDemoWarehouse, and
 * compares the two: every table's full checksum, aggregates by region, month, brand and more on each schema, the gold
 * tables, the read-only roles' privileges, and compiled semantic queries for every demo space. Numbers are
 * compared as text (floating-point ones rounded to 12 significant digits).
 *
 *   node test/scripts/postgres.mjs [--scale N]     default 50,000 sales rows
 *
 * Prints `✓/✗ name` lines and `Summary: N passed, N failed`; exits 1 on a failure. Stops the server and removes
 * the directory at the end, failure or not. Without PostgreSQL binaries it prints `skipped: no PostgreSQL` and
 * exits 0 (Debian: apt-get install postgresql).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { findBin, startServer } from './pg-cluster.mjs';
import { applyWarehouse, salesRowsOf } from './warehouse-apply.mjs';

const started = Date.now();
const results = [];

function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? '✓' : '✗'} ${name}${!ok && detail ? `\n    ${detail}` : ''}`);
}

function summary() {
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`\nSummary: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return failed;
}

function parseScale(argv) {
  const index = argv.indexOf('--scale');
  const inline = argv.find((arg) => arg.startsWith('--scale='));
  return salesRowsOf(inline ? inline.slice('--scale='.length) : index >= 0 ? argv[index + 1] : undefined);
}

// ---------------------------------------------------------------------------------------------------------------
// Two engines behind one interface: rows with dates, timestamps, numeric and bigint as Postgres's text

const RAW = (value) => value;
const RAW_TYPES = [20, 1082, 1114, 1184, 1700];

function postgresEngine(client) {
  const types = {
    getTypeParser: (oid, format) => (RAW_TYPES.includes(oid) ? RAW : pg.types.getTypeParser(oid, format)),
  };
  return {
    name: 'PostgreSQL',
    async rows(sql, params = []) {
      const result = await client.query({ text: sql, values: params, types });
      return { rows: result.rows, fields: result.fields.map((field) => field.name) };
    },
    /** Runs `sql` as `role` in a transaction (read-only when asked), rolled back; the SQLSTATE, or 'ok'. */
    async asRole(role, sql, { readOnly = false, params = [] } = {}) {
      await client.query(readOnly ? 'begin read only' : 'begin');
      try {
        await client.query(`set local role ${role}`);
        const result = await client.query({ text: sql, values: params, types });
        return { code: 'ok', rows: result.rows };
      } catch (error) {
        return { code: error.code ?? 'error', message: error.message };
      } finally {
        await client.query('rollback');
      }
    },
    async exec(sql) {
      await client.query(sql);
    },
  };
}

function pgliteEngine(db) {
  const parsers = Object.fromEntries(RAW_TYPES.map((oid) => [oid, RAW]));
  return {
    name: 'PGlite',
    async rows(sql, params = []) {
      const result = await db.query(sql, params, { parsers });
      return { rows: result.rows, fields: result.fields.map((field) => field.name) };
    },
    async asRole(role, sql, { readOnly = false, params = [] } = {}) {
      try {
        return await db.transaction(async (tx) => {
          if (readOnly) await tx.exec('set transaction read only');
          await tx.exec(`set local role ${role}`);
          const result = await tx.query(sql, params, { parsers });
          await tx.rollback();
          return { code: 'ok', rows: result.rows };
        });
      } catch (error) {
        return { code: error.code ?? 'error', message: error.message };
      }
    },
    async exec(sql) {
      await db.exec(sql);
    },
  };
}

/** A value as comparable text: floating-point numbers to 12 significant digits, everything else as it is. */
function normal(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : Number(value.toPrecision(12)).toString();
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function normalRows(rows) {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, normal(value)])));
}

function firstDifference(a, b) {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y) return `row ${i}: PostgreSQL ${x?.slice(0, 300)} vs PGlite ${y?.slice(0, 300)}`;
  }
  return '';
}

/** Runs `work` on both engines at once; waits for both even when one fails (the pg client takes one query at a time). */
async function both(engines, work) {
  const settled = await Promise.allSettled(engines.map(work));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => result.value);
}

async function compare(name, engines, sql, params = []) {
  try {
    const [a, b] = await both(engines, (engine) => engine.rows(sql, params));
    const x = normalRows(a.rows);
    const y = normalRows(b.rows);
    const same = JSON.stringify(x) === JSON.stringify(y) && JSON.stringify(a.fields) === JSON.stringify(b.fields);
    const nonEmpty = x.length > 0;
    check(
      `${name} (${x.length} rows)`,
      same && nonEmpty,
      !nonEmpty ? 'no rows' : firstDifference(x, y) || 'column names differ',
    );
    return x;
  } catch (error) {
    check(name, false, error.message);
    return [];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What is compared

const TABLES = [
  'scout.sales',
  'opex.close_tasks',
  'opex.close_metrics',
  'te_tax.expenses',
  'ces.campaign_performance',
  'gold.sales_daily_summary',
  'gold.targets',
  'gold.finance_monthly',
];

const AGGREGATES = [
  [
    'scout.sales by region',
    `select region, count(*) as n, sum(revenue) as revenue, sum(units) as units, sum(orders) as orders,
       round(avg(revenue), 6) as avg_revenue, min(sale_date) as first, max(sale_date) as last
     from scout.sales group by region order by region collate "C"`,
  ],
  [
    'scout.sales by month',
    `select date_trunc('month', sale_date::timestamp)::date as month, count(*) as n, sum(revenue) as revenue,
       sum(units) as units, sum(orders) as orders
     from scout.sales group by 1 order by 1`,
  ],
  [
    'scout.sales by brand and category',
    `select brand, category, sum(revenue) as revenue, sum(units) as units from scout.sales
     group by 1, 2 order by brand collate "C", category collate "C"`,
  ],
  [
    'scout.sales by channel and year',
    `select channel, extract(year from sale_date) as year, count(*) as n, sum(revenue) as revenue from scout.sales
     group by 1, 2 order by channel collate "C", year`,
  ],
  [
    'scout.sales by weekday',
    `select extract(isodow from sale_date) as dow, sum(revenue) as revenue from scout.sales group by 1 order by 1`,
  ],
  [
    'scout.sales top stores',
    `select store, region, sum(revenue) as revenue from scout.sales group by 1, 2
     order by revenue desc, store collate "C" limit 10`,
  ],
  [
    'opex.close_tasks by entity and status',
    `select entity, status, count(*) as n, min(completed_date) as first_done, max(completed_date) as last_done
     from opex.close_tasks group by 1, 2 order by entity collate "C", status collate "C"`,
  ],
  [
    'opex.close_metrics by entity and year',
    `select entity, extract(year from period) as year, avg(days_to_close) as days, avg(on_time_rate) as on_time,
       sum(adjustments) as adjustments
     from opex.close_metrics group by 1, 2 order by entity collate "C", year`,
  ],
  [
    'te_tax.expenses by department and month',
    `select department, date_trunc('month', expense_date::timestamp)::date as month, count(*) as n,
       sum(amount) as amount, sum(tax_amount) as tax
     from te_tax.expenses group by 1, 2 order by department collate "C", month`,
  ],
  [
    'te_tax.expenses by category, status and vendor',
    `select category, status, vendor, count(*) as n, sum(amount) as amount, bool_and(reimbursable) as reimbursable
     from te_tax.expenses group by 1, 2, 3
     order by category collate "C", status collate "C", vendor collate "C"`,
  ],
  [
    'ces.campaign_performance by campaign and channel',
    `select campaign, channel, sum(impressions) as impressions, sum(clicks) as clicks,
       sum(conversions) as conversions, sum(spend) as spend,
       round(sum(clicks)::numeric / nullif(sum(impressions), 0), 8) as ctr
     from ces.campaign_performance group by 1, 2 order by campaign collate "C", channel collate "C"`,
  ],
  [
    'ces.campaign_performance by creative and month',
    `select creative, date_trunc('month', perf_date::timestamp)::date as month, sum(spend) as spend
     from ces.campaign_performance group by 1, 2 order by creative collate "C", month`,
  ],
  [
    'gold.sales_daily_summary by month and region',
    `select date_trunc('month', sale_date::timestamp)::date as month, region, sum(revenue) as revenue,
       sum(orders) as orders, sum(units) as units
     from gold.sales_daily_summary group by 1, 2 order by month, region collate "C"`,
  ],
  [
    'gold.targets',
    `select period, region, metric, target from gold.targets order by period, region collate "C", metric collate "C"`,
  ],
  [
    'gold.finance_monthly',
    'select period, revenue, expenses, revenue - expenses as margin from gold.finance_monthly order by 1',
  ],
  [
    'public.data_lab_job_runs',
    `select run_id, job_name, status, rows_written, started_at, finished_at from public.data_lab_job_runs
     order by run_id`,
  ],
];

/** [name, sql, expected SQLSTATE, options] run as a role on both engines. */
const ROLE_CHECKS = [
  ['jenny_readonly reads scout.sales', 'select count(*) as n from scout.sales', 'ok'],
  ['jenny_readonly reads opex.close_tasks', 'select count(*) as n from opex.close_tasks', 'ok'],
  ['jenny_readonly reads opex.close_metrics', 'select count(*) as n from opex.close_metrics', 'ok'],
  ['jenny_readonly reads te_tax.expenses', 'select count(*) as n from te_tax.expenses', 'ok'],
  ['jenny_readonly reads ces.campaign_performance', 'select count(*) as n from ces.campaign_performance', 'ok'],
  ['jenny_readonly reads gold.sales_daily_summary', 'select count(*) as n from gold.sales_daily_summary', 'ok'],
  ['jenny_readonly reads gold.targets', 'select count(*) as n from gold.targets', 'ok'],
  ['jenny_readonly reads gold.finance_monthly', 'select count(*) as n from gold.finance_monthly', 'ok'],
  ['superset_readonly reads scout.sales', 'select count(*) as n from scout.sales', 'ok', { role: 'superset_readonly' }],
  ['jenny_readonly may not INSERT', 'insert into scout.sales select * from scout.sales limit 1', '42501'],
  ['jenny_readonly may not UPDATE', 'update gold.targets set target = 0', '42501'],
  ['jenny_readonly may not DELETE', 'delete from te_tax.expenses', '42501'],
  ['jenny_readonly may not CREATE in scout', 'create table scout.sneaky (a integer)', '42501'],
  ['jenny_readonly may not CREATE in public', 'create table public.sneaky (a integer)', '42501'],
  ['jenny_readonly may not DROP', 'drop table ces.campaign_performance', '42501'],
  ['jenny_readonly may not TRUNCATE', 'truncate opex.close_tasks', '42501'],
  [
    'superset_readonly may not INSERT',
    `insert into gold.targets values ('2030-01-01', 'NCR', 'revenue', 1)`,
    '42501',
    { role: 'superset_readonly' },
  ],
  ['jenny_readonly may not read public.jenny_queries', 'select * from public.jenny_queries', '42501'],
  ['jenny_readonly may not read public.jenny_feedback', 'select * from public.jenny_feedback', '42501'],
  ['jenny_readonly may not read public.data_lab_job_runs', 'select * from public.data_lab_job_runs', '42501'],
  [
    'superset_readonly may not read public.jenny_queries',
    'select * from public.jenny_queries',
    '42501',
    { role: 'superset_readonly' },
  ],
  [
    'read-only transaction refuses INSERT',
    'insert into scout.sales select * from scout.sales limit 1',
    '25006',
    { readOnly: true },
  ],
  ['read-only transaction refuses CREATE', 'create table scout.sneaky (a integer)', '25006', { readOnly: true }],
  ['read-only transaction refuses DELETE', 'delete from gold.finance_monthly', '25006', { readOnly: true }],
];

async function roleChecks(engines) {
  for (const [name, sql, expected, options = {}] of ROLE_CHECKS) {
    const role = options.role ?? 'jenny_readonly';
    const [a, b] = await both(engines, (engine) => engine.asRole(role, sql, options));
    const sameRows = JSON.stringify(normalRows(a.rows ?? [])) === JSON.stringify(normalRows(b.rows ?? []));
    check(
      `roles: ${name} (${expected === 'ok' ? 'works' : expected})`,
      a.code === expected && b.code === expected && sameRows,
      `PostgreSQL ${a.code} ${a.message ?? ''} / PGlite ${b.code} ${b.message ?? ''}`,
    );
  }
  // Tables created later in a curated schema are readable too (ALTER DEFAULT PRIVILEGES).
  for (const engine of engines) await engine.exec('create table scout.later_table as select 1 as a');
  try {
    const [a, b] = await both(engines, (engine) => engine.asRole('jenny_readonly', 'select a from scout.later_table'));
    check(
      'roles: a table created later is readable (default privileges)',
      a.code === 'ok' && b.code === 'ok',
      `${a.code} / ${b.code}`,
    );
  } finally {
    for (const engine of engines) await engine.exec('drop table scout.later_table');
  }
}

/** A few compiled semantic queries for every demo space, run as the space's role on both engines. */
async function semanticChecks(engines) {
  let semantic;
  try {
    semantic = await tsImport('../../src/core/semantic/index.ts', import.meta.url);
  } catch (error) {
    check('semantic layer loads (src/core/semantic)', false, error.message);
    return;
  }
  const { compileQuery, demoSpaces } = semantic;
  if (typeof compileQuery !== 'function' || !Array.isArray(demoSpaces)) {
    console.log('(semantic layer not there yet: no compileQuery/demoSpaces in src/core/semantic)');
    return;
  }
  for (const space of demoSpaces) {
    const metrics = space.metrics.map((metric) => metric.name);
    const dimensions = space.dimensions.map((dimension) => dimension.name);
    const text = space.dimensions.find((dimension) => (dimension.type ?? 'string') === 'string')?.name;
    const queries = [['every metric', { metrics }]];
    for (const dimension of dimensions) {
      queries.push([`every metric by ${dimension}`, { metrics, dimensions: [dimension], sort: [{ by: dimension }] }]);
    }
    if (space.timeDimension) {
      queries.push(['every metric by month', { metrics, timeGrain: 'month', sort: [{ by: 'period' }] }]);
      queries.push([
        'first metric by quarter in 2025',
        { metrics: metrics.slice(0, 1), timeGrain: 'quarter', dateRange: { from: '2025-01-01', to: '2025-12-31' } },
      ]);
    }
    if (text) {
      queries.push([
        `top 5 ${text} by ${metrics[0]}`,
        {
          metrics: metrics.slice(0, 1),
          dimensions: [text],
          filters: [{ dimension: text, op: 'neq', value: 'nothing' }],
          sort: [{ by: metrics[0], direction: 'desc' }, { by: text }],
          limit: 5,
        },
      ]);
    }
    for (const [label, query] of queries) {
      const name = `semantic ${space.name}: ${label}`;
      let compiled;
      try {
        compiled = compileQuery(space, query);
      } catch (error) {
        check(name, false, `does not compile: ${error.message}`);
        continue;
      }
      const [a, b] = await both(engines, (engine) =>
        engine.asRole(space.role, compiled.sql, { readOnly: true, params: compiled.params }),
      );
      const x = normalRows(a.rows ?? []);
      const y = normalRows(b.rows ?? []);
      const columns = compiled.meta.map((column) => column.name);
      check(
        `${name} (${x.length} rows)`,
        a.code === 'ok' &&
          b.code === 'ok' &&
          x.length > 0 &&
          JSON.stringify(x) === JSON.stringify(y) &&
          JSON.stringify(Object.keys(b.rows?.[0] ?? {})) === JSON.stringify(columns),
        a.code !== 'ok' || b.code !== 'ok'
          ? `PostgreSQL ${a.code} ${a.message ?? ''} / PGlite ${b.code} ${b.message ?? ''}`
          : firstDifference(x, y),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const salesRows = parseScale(process.argv.slice(2));
  const bin = findBin();
  if (!bin) {
    console.log('skipped: no PostgreSQL (looked in /usr/lib/postgresql/*/bin; Debian: apt-get install postgresql)');
    return 0;
  }
  const version = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  console.log(`${version} (${bin}) vs PGlite, ${salesRows} sales rows\n`);

  const dir = mkdtempSync(join(tmpdir(), 'insightpulse-postgres-'));
  let server;
  let client;
  let warehouse;
  const cleanup = () => {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    const serverStarted = Date.now();
    server = await startServer(bin, dir);
    client = new pg.Client({ host: '127.0.0.1', port: server.port, user: 'postgres', database: 'postgres' });
    await client.connect();
    await client.query(`set timezone = 'UTC'`);
    console.log(`PostgreSQL started in ${Date.now() - serverStarted} ms on 127.0.0.1:${server.port}`);

    const [applied, built] = await Promise.all([
      (async () => {
        const t = Date.now();
        await applyWarehouse(client, { salesRows });
        return Date.now() - t;
      })(),
      (async () => {
        const t = Date.now();
        const { createDemoWarehouse } = await tsImport('../../src/core/warehouse/index.ts', import.meta.url);
        warehouse = await createDemoWarehouse({ scale: salesRows });
        return Date.now() - t;
      })(),
    ]);
    console.log(`Applied the SQL files to PostgreSQL in ${applied} ms; PGlite warehouse in ${built} ms\n`);
    const engines = [postgresEngine(client), pgliteEngine(warehouse.db)];

    for (const table of TABLES) {
      await compare(
        `${table}: every row`,
        engines,
        `select count(*) as n, md5(string_agg(t::text, E'\\n' order by t::text collate "C")) as checksum from ${table} t`,
      );
    }
    for (const [name, sql] of AGGREGATES) await compare(name, engines, sql);
    await roleChecks(engines);
    await semanticChecks(engines);
  } catch (error) {
    check('the run', false, error.stack ?? error.message);
    if (server?.log && existsSync(server.log))
      console.log(readFileSync(server.log, 'utf8').split('\n').slice(-20).join('\n'));
  } finally {
    await client?.end().catch(() => {});
    await warehouse?.close().catch(() => {});
    cleanup();
  }
  return summary() > 0 ? 1 : 0;
}

process.exitCode = await main();
