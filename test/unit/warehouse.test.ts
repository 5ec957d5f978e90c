import { readdirSync, readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDemoWarehouse,
  DEMO_SALES_ROWS,
  type DemoWarehouse,
  FULL_SALES_ROWS,
  SALES_ROWS_SETTING,
  SEED_SQL,
  salesRowsOf,
  WAREHOUSE_SQL,
} from '../../src/core/warehouse';
import { demoWarehouse } from '../setup/warehouse';

/**
 * The demo warehouse in PGlite. One warehouse at the default scale, seeded once for the run by createDemoWarehouse()
 * in test/setup/warehouse.global.ts and started here from its snapshot, and one small one (a custom scale, seeded
 * here) that the snapshot, idempotence and determinism tests use; both are closed at the end.
 */
const SMALL = 1234;

let demo: DemoWarehouse;
let small: DemoWarehouse;

beforeAll(async () => {
  [demo, small] = await Promise.all([demoWarehouse(), createDemoWarehouse({ scale: SMALL })]);
});

afterAll(async () => {
  await Promise.all([demo?.close(), small?.close()]);
});

async function one<T>(db: PGlite, sql: string, params: unknown[] = []): Promise<T> {
  const result = await db.query<T>(sql, params);
  const row = result.rows[0];
  if (row === undefined) throw new Error(`No row from ${sql}`);
  return row;
}

async function count(db: PGlite, table: string): Promise<number> {
  return (await one<{ n: number }>(db, `select count(*)::integer as n from ${table}`)).n;
}

/** An md5 of scout.sales by month: rows, revenue, units and orders. */
const SALES_BY_MONTH = `
  select md5(string_agg(concat_ws('|', month, n, revenue, units, orders), ',' order by month)) as checksum
  from (
    select date_trunc('month', sale_date::timestamp)::date as month, count(*) as n, sum(revenue) as revenue,
      sum(units) as units, sum(orders) as orders
    from scout.sales group by 1
  ) as m`;

/** An md5 of every table the seed writes, each in a fixed order. */
const ALL_TABLES = `
  select md5(concat_ws(';',
    (select md5(string_agg(t::text, ',' order by t::text)) from opex.close_tasks t),
    (select md5(string_agg(t::text, ',' order by t::text)) from opex.close_metrics t),
    (select md5(string_agg(t::text, ',' order by t::text)) from te_tax.expenses t),
    (select md5(string_agg(t::text, ',' order by t::text)) from ces.campaign_performance t),
    (select md5(string_agg(t::text, ',' order by t::text)) from gold.sales_daily_summary t),
    (select md5(string_agg(t::text, ',' order by t::text)) from gold.targets t),
    (select md5(string_agg(t::text, ',' order by t::text)) from gold.finance_monthly t),
    (select md5(string_agg(t::text, ',' order by t::text)) from scout.sales t),
    (select md5(string_agg(concat_ws('|', job_name, status, rows_written, started_at, finished_at), ','
      order by run_id)) from public.data_lab_job_runs)
  )) as checksum`;

/**
 * Sales by month at the default scale. The generator is pure integer arithmetic, so this never changes unless
 * 003_seed.sql does (then update it: the parity test checks PostgreSQL gives the same numbers).
 */
const DEMO_SALES_CHECKSUM = '6eec047bd406383d997227a70e96d8d5';

describe('createDemoWarehouse', () => {
  it('seeds the default scale: 50,000 sales rows', async () => {
    expect(demo.source).toBe('snapshot');
    expect(demo.salesRows).toBe(DEMO_SALES_ROWS);
    expect(await count(demo.db, 'scout.sales')).toBe(50_000);
  });

  it('seeds exactly the number of sales rows a numeric scale asks for', async () => {
    expect(small.salesRows).toBe(SMALL);
    expect(await count(small.db, 'scout.sales')).toBe(SMALL);
    // the rest of the warehouse does not depend on the scale
    expect(await count(small.db, 'te_tax.expenses')).toBe(await count(demo.db, 'te_tax.expenses'));
  });

  it('reads scales and rejects anything else', () => {
    expect(salesRowsOf('demo')).toBe(DEMO_SALES_ROWS);
    expect(salesRowsOf('full')).toBe(FULL_SALES_ROWS);
    expect(FULL_SALES_ROWS).toBe(1_000_000);
    expect(salesRowsOf(7)).toBe(7);
    for (const bad of [0, -5, 1.5, Number.NaN, 1e12, 'big']) {
      expect(() => salesRowsOf(bad as number)).toThrow(RangeError);
    }
  });

  it('rejects a bad scale before starting PGlite', async () => {
    await expect(createDemoWarehouse({ scale: 0 })).rejects.toThrow(/Invalid warehouse scale 0/);
  });

  it('fills every table with rows', async () => {
    const counts: Record<string, number> = {};
    for (const table of [
      'scout.sales',
      'opex.close_tasks',
      'opex.close_metrics',
      'te_tax.expenses',
      'ces.campaign_performance',
      'gold.sales_daily_summary',
      'gold.targets',
      'gold.finance_monthly',
      'public.data_lab_job_runs',
    ]) {
      counts[table] = await count(demo.db, table);
    }
    expect(counts).toMatchObject({
      'scout.sales': 50_000,
      // 24 months x 4 entities x 12 tasks; every close but December 2025's is finished
      'opex.close_tasks': 1152,
      'opex.close_metrics': 23 * 4,
      'gold.sales_daily_summary': 731 * 5,
      'gold.targets': 24 * 5 * 2,
      'gold.finance_monthly': 24,
      'public.data_lab_job_runs': 12,
    });
    expect(counts['te_tax.expenses']).toBeGreaterThan(5000);
    expect(counts['ces.campaign_performance']).toBeGreaterThan(5000);
  });

  it('covers 2024-01-01 to 2025-12-31 every day, in every region', async () => {
    const row = await one<Record<string, unknown>>(
      demo.db,
      `select min(sale_date)::text as first, max(sale_date)::text as last, count(distinct sale_date)::integer as days,
         count(distinct region)::integer as regions, count(distinct brand)::integer as brands,
         count(distinct channel)::integer as channels, count(distinct store)::integer as stores,
         bool_and(units > 0 and orders > 0 and orders <= units * 10 and revenue > 0) as positive
       from scout.sales`,
    );
    expect(row).toEqual({
      first: '2024-01-01',
      last: '2025-12-31',
      days: 731,
      regions: 5,
      brands: 10,
      channels: 4,
      stores: 26,
      positive: true,
    });
    const spans = await demo.db.query<{ first: string; last: string }>(
      `select min(expense_date)::text as first, max(expense_date)::text as last from te_tax.expenses
       union all select min(perf_date)::text, max(perf_date)::text from ces.campaign_performance`,
    );
    expect(spans.rows).toEqual([
      { first: '2024-01-01', last: '2025-12-31' },
      { first: '2024-01-01', last: '2025-12-31' },
    ]);
  });

  it('shapes sales like a retailer: growth, December peak, weekends, NCR first, e-commerce growing', async () => {
    const { rows } = await demo.db.query<{ key: string; revenue: number }>(
      `select 'y' || extract(year from sale_date) as key, sum(revenue)::float8 as revenue from scout.sales group by 1
       union all
       select 'm' || extract(month from sale_date), sum(revenue)::float8 from scout.sales group by 1
       union all
       select 'd' || extract(isodow from sale_date), sum(revenue)::float8 from scout.sales group by 1
       union all
       select 'r:' || region, sum(revenue)::float8 from scout.sales group by 1`,
    );
    const r = Object.fromEntries(rows.map((row) => [row.key, row.revenue]));
    const get = (key: string) => r[key] ?? Number.NaN;
    expect(get('y2025') / get('y2024')).toBeGreaterThan(1.1);
    expect(get('y2025') / get('y2024')).toBeLessThan(1.3);
    for (let month = 1; month <= 11; month++) expect(get('m12')).toBeGreaterThan(get(`m${month}`));
    expect(get('d6')).toBeGreaterThan(get('d2'));
    expect(get('d7')).toBeGreaterThan(get('d3'));
    const regions = ['NCR', 'South Luzon', 'Visayas', 'North Luzon', 'Mindanao'].map((name) => get(`r:${name}`));
    expect(regions[0]).toBeGreaterThan(2 * (regions[1] ?? 0));
    const share = await demo.db.query<{ year: number; share: number }>(
      `select extract(year from sale_date)::integer as year,
         (count(*) filter (where channel = 'E-commerce'))::float8 / count(*) as share
       from scout.sales group by 1 order by 1`,
    );
    const [y2024, y2025] = share.rows.map((row) => row.share);
    expect(y2024).toBeGreaterThan(0.07);
    expect(y2025).toBeGreaterThan((y2024 ?? 1) + 0.02);
    expect(y2025).toBeLessThan(0.16);
  });

  it('gives campaigns a CTR of 1-3% and expenses per department with 12% VAT', async () => {
    const ctr = await one<{ low: number; high: number; overall: number }>(
      demo.db,
      `select min(ctr) as low, max(ctr) as high,
         (select sum(clicks)::float8 / sum(impressions) from ces.campaign_performance) as overall
       from (select channel, sum(clicks)::float8 / sum(impressions) as ctr from ces.campaign_performance group by 1) c`,
    );
    expect(ctr.low).toBeGreaterThan(0.009);
    expect(ctr.high).toBeLessThan(0.031);
    expect(ctr.overall).toBeGreaterThan(0.01);
    const expenses = await demo.db.query<{ department: string; lines: number; vat_ok: boolean }>(
      `select department, count(*)::integer as lines,
         bool_and(tax_amount = 0 or tax_amount = round(amount * 12 / 112, 2)) as vat_ok
       from te_tax.expenses group by 1 order by 2 desc`,
    );
    expect(expenses.rows.map((row) => row.department)).toEqual([
      'Sales',
      'Marketing',
      'Operations',
      'Supply Chain',
      'IT',
      'Finance',
      'HR',
    ]);
    expect(expenses.rows.every((row) => row.vat_ok)).toBe(true);
    const statuses = await demo.db.query<{ status: string }>('select distinct status from te_tax.expenses order by 1');
    expect(statuses.rows.map((row) => row.status)).toEqual(['approved', 'pending', 'rejected']);
  });

  it('closes the books monthly per entity, faster over time, with December 2025 still open', async () => {
    const closes = await demo.db.query<{ year: number; days: number; on_time: number }>(
      `select extract(year from period)::integer as year, avg(days_to_close)::float8 as days,
         avg(on_time_rate)::float8 as on_time
       from opex.close_metrics group by 1 order by 1`,
    );
    const [y2024, y2025] = closes.rows;
    expect(y2025?.days).toBeLessThan(y2024?.days ?? 0);
    expect(y2025?.on_time).toBeGreaterThan(y2024?.on_time ?? 1);
    const open = await demo.db.query<{ period: string; status: string; n: number }>(
      `select period::text, status, count(*)::integer as n from opex.close_tasks
       where status = 'open' or period = '2025-12-01' group by 1, 2`,
    );
    expect(open.rows).toEqual([{ period: '2025-12-01', status: 'open', n: 48 }]);
  });

  it('computes the gold tables from the facts', async () => {
    const row = await one<Record<string, boolean>>(
      demo.db,
      `select
         (select sum(revenue) from gold.sales_daily_summary) = (select sum(revenue) from scout.sales) as daily,
         (select sum(orders) from gold.sales_daily_summary) = (select sum(orders) from scout.sales) as orders,
         (select bool_and(f.revenue = s.revenue) from gold.finance_monthly f join (
           select date_trunc('month', sale_date::timestamp)::date as period, sum(revenue) as revenue
           from scout.sales group by 1) s using (period)) as finance_revenue,
         (select sum(expenses) from gold.finance_monthly)
           = (select sum(amount) from te_tax.expenses where status <> 'rejected') as finance_expenses,
         (select bool_and(t.target between a.actual * 0.93 and a.actual * 1.08) from gold.targets t join (
           select date_trunc('month', sale_date::timestamp)::date as period, region, sum(revenue) as actual
           from scout.sales group by 1, 2) a using (period, region) where t.metric = 'revenue') as targets`,
    );
    expect(row).toEqual({
      daily: true,
      orders: true,
      finance_revenue: true,
      finance_expenses: true,
      targets: true,
    });
  });

  it('records each job as last run successfully at the end of the data', async () => {
    const { rows } = await demo.db.query<{ job_name: string; status: string; finished_at: Date; rows_written: number }>(
      `select distinct on (job_name) job_name, status, finished_at, rows_written
       from public.data_lab_job_runs order by job_name, started_at desc`,
    );
    expect(rows.map((row) => [row.job_name, row.status, row.finished_at.toISOString()])).toEqual([
      ['campaign_performance', 'success', '2026-01-01T02:31:57.000Z'],
      ['close_metrics', 'success', '2026-01-01T02:20:21.000Z'],
      ['finance_monthly', 'success', '2026-01-01T02:10:38.000Z'],
      ['sales_summary', 'success', '2026-01-01T02:04:12.000Z'],
    ]);
    expect(rows.find((row) => row.job_name === 'sales_summary')?.rows_written).toBe(731 * 5);
    expect(await count(demo.db, `public.data_lab_job_runs where status = 'failed'`)).toBe(1);
  });

  it('hardens the superuser session: a read-only role may not call set_config nor run PL/pgSQL', async () => {
    for (const statement of [`select set_config('role', 'postgres', true)`, 'do $$ begin perform 1; end $$']) {
      const code = await demo.db
        .transaction(async (tx) => {
          await tx.exec('set local role jenny_readonly');
          await tx.exec(statement);
          return 'ran';
        })
        .catch((error: { code?: string }) => error.code);
      expect(code, statement).toBe('42501');
    }
  });

  it('hardens the superuser session: a read-only role may not take session-level advisory locks', async () => {
    const session = [
      'pg_advisory_lock(42)',
      'pg_advisory_lock(4, 2)',
      'pg_advisory_lock_shared(42)',
      'pg_advisory_lock_shared(4, 2)',
      'pg_try_advisory_lock(42)',
      'pg_try_advisory_lock(4, 2)',
      'pg_try_advisory_lock_shared(42)',
      'pg_try_advisory_lock_shared(4, 2)',
      'pg_advisory_unlock(42)',
      'pg_advisory_unlock(4, 2)',
      'pg_advisory_unlock_shared(42)',
      'pg_advisory_unlock_shared(4, 2)',
      'pg_advisory_unlock_all()',
    ];
    const asReader = (call: string) =>
      demo.db
        .transaction(async (tx) => {
          await tx.exec('set local role jenny_readonly');
          await tx.exec(`select ${call}`);
          await tx.rollback();
          return 'ran';
        })
        .catch((error: { code?: string }) => error.code);
    for (const call of session) expect(await asReader(call), call).toBe('42501');
    // Transaction-level locks end with the transaction: they stay available.
    for (const call of ['pg_advisory_xact_lock(42)', 'pg_try_advisory_xact_lock_shared(4, 2)']) {
      expect(await asReader(call), call).toBe('ran');
    }
    expect(await count(demo.db, `pg_locks where locktype = 'advisory'`)).toBe(0);
    // The owner keeps them.
    expect(await one<{ ok: boolean }>(demo.db, 'select pg_try_advisory_lock(7) as ok')).toEqual({ ok: true });
    await demo.db.query('select pg_advisory_unlock_all()');
  });

  it('leaves no temporary objects behind', async () => {
    const row = await one<{ n: number }>(
      demo.db,
      `select count(*)::integer as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname like 'pg_temp%' and c.relname like 'ip_%'`,
    );
    expect(row.n).toBe(0);
    const fn = await one<{ n: number }>(
      demo.db,
      `select count(*)::integer as n from pg_proc where proname in ('ip_hash', 'ip_mix')`,
    );
    expect(fn.n).toBe(0);
  });
});

describe('the generator is deterministic', () => {
  it('writes the same sales by month in two separate warehouses', async () => {
    const first = await one<{ checksum: string }>(demo.db, SALES_BY_MONTH);
    // Seed the default scale again in the other warehouse, and roll it back.
    const second = await small.db.transaction(async (tx) => {
      await tx.query('select set_config($1, $2, true)', [SALES_ROWS_SETTING, String(DEMO_SALES_ROWS)]);
      await tx.exec(SEED_SQL);
      const result = await tx.query<{ checksum: string }>(SALES_BY_MONTH);
      await tx.rollback();
      return result.rows[0];
    });
    expect(second?.checksum).toBe(first.checksum);
    expect(await count(small.db, 'scout.sales')).toBe(SMALL);
    expect(first.checksum).toBe(DEMO_SALES_CHECKSUM);
  });

  it('rewrites the same data when the SQL files are applied again', async () => {
    const before = await one<{ checksum: string }>(small.db, ALL_TABLES);
    await small.db.query('select set_config($1, $2, false)', [SALES_ROWS_SETTING, String(SMALL)]);
    for (const file of WAREHOUSE_SQL) await small.db.exec(file.sql);
    await small.db.query('select set_config($1, $2, false)', [SALES_ROWS_SETTING, '']);
    const after = await one<{ checksum: string }>(small.db, ALL_TABLES);
    expect(after.checksum).toBe(before.checksum);
    expect(await count(small.db, 'public.data_lab_job_runs')).toBe(12);
  });
});

describe('snapshots', () => {
  it('round-trips: a warehouse started from snapshot() holds the same data', async () => {
    const blob = await small.snapshot();
    expect(blob.size).toBeGreaterThan(100_000);
    const restored = await createDemoWarehouse({ snapshot: await blob.arrayBuffer() });
    try {
      expect(restored.source).toBe('snapshot');
      expect(restored.salesRows).toBe(SMALL);
      const [a, b] = await Promise.all([one(small.db, ALL_TABLES), one(restored.db, ALL_TABLES)]);
      expect(b).toEqual(a);
      // the roles came along too
      const roles = await restored.db.query(
        `select rolname from pg_roles where rolname in ('jenny_readonly', 'superset_readonly') order by 1`,
      );
      expect(roles.rows).toEqual([{ rolname: 'jenny_readonly' }, { rolname: 'superset_readonly' }]);
    } finally {
      await restored.close();
    }
    expect(restored.db.closed).toBe(true);
  });

  it('rejects what is not a snapshot', async () => {
    await expect(createDemoWarehouse({ snapshot: 'nope' as unknown as Blob })).rejects.toThrow(TypeError);
  });
});

describe('the SQL files', () => {
  it('are bundled unchanged (sql.generated.ts is not stale: run node test/scripts/warehouse-sql.mjs)', () => {
    const dir = new URL('../../src/core/warehouse/sql/', import.meta.url);
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.sql'))
      .sort();
    expect(WAREHOUSE_SQL.map((file) => file.name)).toEqual(files);
    expect(files).toEqual(['001_schema.sql', '002_roles.sql', '003_seed.sql', '004_indexes.sql']);
    for (const file of WAREHOUSE_SQL) expect(file.sql).toBe(readFileSync(new URL(file.name, dir), 'utf8'));
  });

  it('never draw on random(), and sales rows come from the setting', () => {
    const all = WAREHOUSE_SQL.map((file) => file.sql.replace(/--.*$/gm, '')).join('\n');
    expect(all).not.toMatch(/\brandom\s*\(/i);
    expect(all).not.toMatch(/\b(sin|cos|exp|ln|log|power|sqrt)\s*\(/i);
    expect(SEED_SQL).toContain(`current_setting('${SALES_ROWS_SETTING}', true)`);
  });
});
