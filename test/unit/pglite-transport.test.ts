import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataClient } from '../../src/core/client/client';
import { DataClientError, QueryError } from '../../src/core/client/errors';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import type { CompiledQuery, QueryResult, Transport } from '../../src/core/client/types';
import { SemanticError } from '../../src/core/semantic/errors';
import { demoSpaces } from '../../src/core/semantic/spaces';
import type { DemoWarehouse } from '../../src/core/warehouse';
import { demoWarehouse } from '../setup/warehouse';

/** One demo warehouse for the whole file, started from the run's shared snapshot. */
let warehouse: DemoWarehouse;
let transport: Transport;

beforeAll(async () => {
  warehouse = await demoWarehouse();
  transport = pgliteTransport({ db: warehouse.db });
});

afterAll(async () => {
  await warehouse?.close();
});

const ctx = () => ({ signal: new AbortController().signal });

function sql(text: string, params: unknown[] = [], extra: Partial<CompiledQuery> = {}): CompiledQuery {
  return { sql: text, params, request: { kind: 'sql', sql: text, params, space: 'sales' }, ...extra };
}

async function owner<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await warehouse.db.query<T>(text, params)).rows;
}

async function countOf(table: string): Promise<number> {
  const rows = await owner<{ n: number }>(`select count(*)::integer as n from ${table}`);
  return rows[0]?.n ?? -1;
}

async function failure(promise: Promise<unknown>): Promise<QueryError> {
  try {
    await promise;
  } catch (error) {
    return error as QueryError;
  }
  throw new Error('expected the promise to reject');
}

describe('pgliteTransport: reading', () => {
  it('runs a SELECT as jenny_readonly and describes its columns', async () => {
    const result = await transport.query(
      sql(
        `select region, sum(revenue) as revenue, count(*) as n, sum(units)::integer as units, min(sale_date) as first,
           bool_or(channel = 'E-commerce') as online, timestamptz '2026-01-01 02:04:12+00' as at, current_user as who
         from scout.sales where region = $1 group by region`,
        ['NCR'],
      ),
      ctx(),
    );
    expect(result.meta).toEqual([
      { name: 'region', type: 'string' },
      { name: 'revenue', type: 'number' },
      { name: 'n', type: 'number' },
      { name: 'units', type: 'number' },
      { name: 'first', type: 'date' },
      { name: 'online', type: 'boolean' },
      { name: 'at', type: 'date' },
      { name: 'who', type: 'string' },
    ]);
    const [row] = result.rows;
    expect(row).toMatchObject({
      region: 'NCR',
      first: '2024-01-01',
      online: true,
      at: '2026-01-01T02:04:12.000Z',
      who: 'jenny_readonly',
    });
    // numeric and bigint arrive as numbers, equal to what the owner reads as text
    const [exact] = await owner<{ revenue: string; n: string }>(
      `select sum(revenue)::text as revenue, count(*)::text as n from scout.sales where region = 'NCR'`,
    );
    expect(row?.revenue).toBe(Number(exact?.revenue));
    expect(row?.n).toBe(Number(exact?.n));
    expect(typeof row?.units).toBe('number');
    expect(result).toMatchObject({ rowCount: 1, truncated: false, sql: expect.stringContaining('where region = $1') });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('runs as the role a compiled query names', async () => {
    const result = await transport.query(sql('select current_user as who', [], { role: 'superset_readonly' }), ctx());
    expect(result.rows).toEqual([{ who: 'superset_readonly' }]);
  });

  it('cuts results at maxRows and says so', async () => {
    const capped = pgliteTransport({ db: warehouse.db, maxRows: 5, log: false });
    const cut = await capped.query(sql('select * from scout.sales order by sale_date, store, brand limit 100'), ctx());
    expect(cut).toMatchObject({ rowCount: 5, truncated: true });
    expect(cut.rows).toHaveLength(5);
    const exact = await capped.query(sql('select g from generate_series(1, 5) as g'), ctx());
    expect(exact).toMatchObject({
      rowCount: 5,
      truncated: false,
      rows: [{ g: 1 }, { g: 2 }, { g: 3 }, { g: 4 }, { g: 5 }],
    });
    // statements that are not queries are cut too
    const explain = await capped.query(sql('explain select * from scout.sales where region = $1', ['NCR']), ctx());
    expect(explain.rows.length).toBeLessThanOrEqual(5);
  });

  it('keeps the order of a query read through the cursor, comments and parentheses included', async () => {
    const result = await transport.query(
      sql(
        '-- newest first\n/* by day */ (select sale_date from gold.sales_daily_summary order by sale_date desc limit 3)',
      ),
      ctx(),
    );
    expect(result.rows).toEqual([
      { sale_date: '2025-12-31' },
      { sale_date: '2025-12-31' },
      { sale_date: '2025-12-31' },
    ]);
  });

  it('runs calls one at a time, in order', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => transport.query(sql('select $1::integer as n', [n]), ctx())),
    );
    expect(results.map((result) => result.rows[0]?.n)).toEqual([1, 2, 3, 4]);
  });

  it('rejects a semantic request: the client compiles them', async () => {
    const error = await failure(
      transport.query({ kind: 'semantic', space: 'sales', query: { metrics: ['revenue'] } }, ctx()),
    );
    expect(error).toBeInstanceOf(SemanticError);
    expect(error.message).toMatch(/cannot compile semantic requests/);
  });
});

describe('pgliteTransport: read-only roles', () => {
  const writes = [
    ['INSERT', `insert into scout.sales select * from scout.sales limit 1`],
    ['UPDATE', `update scout.sales set revenue = 0`],
    ['DELETE', `delete from scout.sales`],
    ['DROP', `drop table scout.sales`],
    ['CREATE', `create table scout.sales_copy as select * from scout.sales`],
    ['TRUNCATE', `truncate scout.sales`],
    ['a write in WITH', `with d as (delete from scout.sales returning *) select count(*) from d`],
  ] as const;

  it.each(writes)('refuses %s with a permission error and changes nothing', async (_, statement) => {
    const before = await countOf('scout.sales');
    const error = await failure(transport.query(sql(statement), ctx()));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.code).toBe('permission');
    expect(error.message).toContain('"jenny_readonly"');
    expect(error.message).toMatch(/read-only/);
    expect(await countOf('scout.sales')).toBe(before);
    expect(await countOf(`pg_tables where tablename = 'sales_copy'`)).toBe(0);
  });

  it.each(['public.jenny_queries', 'public.jenny_feedback', 'public.data_lab_job_runs'])(
    'refuses to read %s',
    async (table) => {
      const error = await failure(transport.query(sql(`select * from ${table}`), ctx()));
      expect(error.code).toBe('permission');
      expect(error.sqlState).toBe('42501');
      expect(error.message).toMatch(/role "jenny_readonly" is read-only/);
    },
  );

  it('refuses statements that try to leave the role', async () => {
    for (const statement of [
      `select set_config('role', 'postgres', true), query_to_xml('select count(*) from public.jenny_queries', true, true, '')`,
      'set role postgres',
      'reset role',
      'set session authorization postgres',
      `do $$ begin set role postgres; raise exception '%', (select count(*) from public.jenny_queries); end $$`,
      `/* hidden */ DO $$ begin perform 1; end $$`,
      'commit',
    ]) {
      const error = await failure(transport.query(sql(statement), ctx()));
      expect(error.code, statement).toBe('permission');
      expect(error.message, statement).toContain('"jenny_readonly"');
    }
    const [who] = await owner<{ who: string }>('select current_user as who');
    expect(who?.who).toBe('postgres');
  });

  it('refuses other statements before they reach the database, and still runs SHOW and EXPLAIN', async () => {
    const error = await failure(transport.query(sql('vacuum scout.sales'), ctx()));
    expect(error).toMatchObject({ code: 'permission', sqlState: undefined });
    expect(error.message).toMatch(/^VACUUM is refused: role "jenny_readonly" is read-only/);
    const show = await transport.query(sql('show transaction_read_only'), ctx());
    expect(show.rows).toEqual([{ transaction_read_only: 'on' }]);
    const explain = await transport.query(sql('explain select * from scout.sales'), ctx());
    expect(String(explain.rows[0]?.['QUERY PLAN'])).toMatch(/Seq Scan on sales/);
  });

  it('undoes any session setting a statement makes (it always rolls back)', async () => {
    // set_config is revoked from PUBLIC in the demo warehouse: grant it back for this test
    await warehouse.db.exec('grant execute on function pg_catalog.set_config(text, text, boolean) to public');
    try {
      const result = await transport.query(sql(`select set_config('search_path', 'nowhere', false) as path`), ctx());
      expect(result.rows).toEqual([{ path: 'nowhere' }]);
    } finally {
      await warehouse.db.exec('revoke execute on function pg_catalog.set_config(text, text, boolean) from public');
    }
    const [path] = await owner<{ search_path: string }>('show search_path');
    expect(path?.search_path).not.toContain('nowhere');
    const result = await transport.query(sql('select count(*) as n from scout.sales'), ctx());
    expect(result.rows[0]?.n).toBe(warehouse.salesRows);
  });

  it('rejects a role that is not an identifier or does not exist, before running anything', async () => {
    const before = await countOf('public.jenny_queries');
    const bad = await failure(transport.query(sql('select 1', [], { role: 'x"; drop table scout.sales; --' }), ctx()));
    expect(bad.code).toBe('permission');
    expect(await countOf('public.jenny_queries')).toBe(before);
    const allowsMissing = pgliteTransport({ db: warehouse.db, roles: ['nobody_here'] });
    const missing = await failure(allowsMissing.query(sql('select 1', [], { role: 'nobody_here' }), ctx()));
    expect(missing.code).toBe('permission');
    expect(missing.message).toContain('no such role');
    expect(() => pgliteTransport({ db: warehouse.db, defaultRole: 'Robert); drop' })).toThrow(QueryError);
  });
});

describe('pgliteTransport: statements read as Postgres reads them', () => {
  /** Statements whose first keyword hides behind comments Postgres reads differently from a non-greedy regex. */
  const hidden = [
    ['PREPARE behind a nested comment', '/* /* */ show */ prepare pwn as select * from public.jenny_feedback'],
    ['PREPARE behind a deeper nesting', '/* a /* b /* c */ show */ select */ prepare pwn2 as select 1'],
    ['PREPARE after a -- comment ended by \\r', '-- note\rprepare pwn3 as select 1\nshow'],
    ['COMMIT', '/* /* */ show */ commit'],
    ['SET ROLE', '/* /* */ select */ set role postgres'],
    ['LISTEN', '/* /* */ show */ listen pwn'],
    ['DISCARD', '/* /* */ explain */ discard all'],
    ['DEALLOCATE', '/* /* */ show */ deallocate all'],
    ['an unterminated comment', '/* /* */ show'],
    ['an unterminated nested comment', '/* select /* 1 */'],
  ] as const;

  it.each(hidden)('refuses %s with a permission error, leaving nothing behind', async (_, statement) => {
    const error = await failure(transport.query(sql(statement), ctx()));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.code).toBe('permission');
    expect(error.message).toContain('"jenny_readonly"');
    // Refused by the statement filter, before the database saw it (not after, by the role check).
    expect(error.message).toMatch(/^(PREPARE|COMMIT|SET|LISTEN|DISCARD|DEALLOCATE|The statement) is refused/);
    expect(error.sqlState).toBeUndefined();
    expect(await countOf('pg_prepared_statements')).toBe(0);
    expect(await countOf('pg_listening_channels()')).toBe(0);
    const [who] = await owner<{ who: string }>('select current_user as who');
    expect(who?.who).toBe('postgres');
  });

  it('says which comment is unterminated', async () => {
    const error = await failure(transport.query(sql('/* /* */ show'), ctx()));
    expect(error.message).toMatch(/never closes/);
  });

  it('still runs queries, SHOW and EXPLAIN behind nested comments', async () => {
    const query = await transport.query(sql('/* a /* nested */ still a comment */ select 1 as one'), ctx());
    expect(query.rows).toEqual([{ one: 1 }]);
    const show = await transport.query(sql('-- a\r/* b /* c */ */\tSHOW transaction_read_only'), ctx());
    expect(show.rows).toEqual([{ transaction_read_only: 'on' }]);
  });

  it('refuses session-level advisory locks, which would outlive the rollback, and keeps the transaction ones', async () => {
    for (const statement of [
      'select pg_advisory_lock(42)',
      'select pg_advisory_lock_shared(42)',
      'select pg_try_advisory_lock(1, 2)',
      'select pg_try_advisory_lock_shared(42)',
      'select pg_advisory_unlock_all()',
    ]) {
      const error = await failure(transport.query(sql(statement), ctx()));
      expect(error.code, statement).toBe('permission');
    }
    const xact = await transport.query(sql('select pg_try_advisory_xact_lock(42) as locked'), ctx());
    expect(xact.rows).toEqual([{ locked: true }]);
    expect(await countOf(`pg_locks where locktype = 'advisory'`)).toBe(0);
  });
});

describe('pgliteTransport: roles', () => {
  it.each(['postgres', 'pg_read_all_data', 'pg_write_all_data'])(
    'refuses role %s, naming the roles it runs as, before running anything',
    async (role) => {
      const before = await countOf('public.jenny_queries');
      const error = await failure(
        transport.query(sql('select count(*) from public.jenny_feedback', [], { role }), ctx()),
      );
      expect(error).toBeInstanceOf(QueryError);
      expect(error.code).toBe('permission');
      expect(error.message).toContain(`"${role}"`);
      expect(error.message).toContain('"jenny_readonly", "superset_readonly"');
      expect(await countOf('public.jenny_queries')).toBe(before);
    },
  );

  it('runs only as the roles given, and always as the default role', async () => {
    const only = pgliteTransport({ db: warehouse.db, defaultRole: 'superset_readonly', roles: [], log: false });
    expect((await only.query(sql('select current_user as who'), ctx())).rows).toEqual([{ who: 'superset_readonly' }]);
    const error = await failure(only.query(sql('select 1', [], { role: 'jenny_readonly' }), ctx()));
    expect(error.code).toBe('permission');
    expect(error.message).toMatch(/role "jenny_readonly": the pglite transport runs only as "superset_readonly"/);
    expect(() => pgliteTransport({ db: warehouse.db, roles: ['Robert); drop'] })).toThrow(QueryError);
  });

  it('refuses a superuser, a role that bypasses RLS and a member of pg_read_all_data even when allowed', async () => {
    await warehouse.db.exec(`
      create role ip_test_bypass nologin bypassrls;
      create role ip_test_reader nologin;
      grant pg_read_all_data to ip_test_reader;
      create role ip_test_owner_member nologin;
      grant postgres to ip_test_owner_member;
    `);
    try {
      const roles = ['postgres', 'pg_read_all_data', 'ip_test_bypass', 'ip_test_reader', 'ip_test_owner_member'];
      const allowed = pgliteTransport({ db: warehouse.db, roles, log: false });
      const reasons: Record<string, RegExp> = {
        postgres: /is a superuser/,
        pg_read_all_data: /has the privileges of "pg_read_all_data"/,
        ip_test_bypass: /bypasses row-level security/,
        ip_test_reader: /has the privileges of "pg_read_all_data"/,
        ip_test_owner_member: /has the privileges of "postgres"/,
      };
      for (const role of roles) {
        const error = await failure(
          allowed.query(sql('select count(*) as n from public.jenny_feedback', [], { role }), ctx()),
        );
        expect(error.code, role).toBe('permission');
        expect(error.message, role).toContain(`role "${role}"`);
        expect(error.message, role).toMatch(reasons[role] as RegExp);
      }
    } finally {
      await warehouse.db.exec(`
        drop role ip_test_bypass;
        revoke pg_read_all_data from ip_test_reader;
        drop role ip_test_reader;
        revoke postgres from ip_test_owner_member;
        drop role ip_test_owner_member;
      `);
    }
  });

  it('asks the database about a role once', async () => {
    const seen: string[] = [];
    const db = {
      query: ((text: string, ...rest: unknown[]) => {
        seen.push(text);
        return (warehouse.db.query as (...args: unknown[]) => unknown)(text, ...rest);
      }) as typeof warehouse.db.query,
      transaction: warehouse.db.transaction.bind(warehouse.db),
    };
    const counted = pgliteTransport({ db, log: false });
    for (let i = 0; i < 3; i++) await counted.query(sql('select 1'), ctx());
    await counted.query(sql('select 1', [], { role: 'superset_readonly' }), ctx());
    expect(seen.filter((text) => text.includes('rolbypassrls'))).toHaveLength(2);
  });
});

describe('pgliteTransport: errors and timeouts', () => {
  it('maps other database errors to query errors with their SQLSTATE', async () => {
    const error = await failure(transport.query(sql('select * from scout.nothing_here'), ctx()));
    expect(error).toMatchObject({ code: 'query', sqlState: '42P01', transport: 'pglite' });
    const syntax = await failure(transport.query(sql('select * frm scout.sales'), ctx()));
    expect(syntax).toMatchObject({ code: 'query', sqlState: '42601' });
  });

  it('never puts a parameter value in an error message', async () => {
    const error = await failure(transport.query(sql('select $1::integer as n', ['secret-token-42']), ctx()));
    expect(error.code).toBe('query');
    expect(error.message).toBe('The query failed: invalid input syntax for type integer: "$1"');
    expect(JSON.stringify(error)).not.toContain('secret-token-42');
    expect(error.cause).toBeUndefined();
    const date = await failure(transport.query(sql('select $1::date as d', ['2024-99-99']), ctx()));
    expect(date.message).not.toContain('2024-99-99');
    expect(date.message).toContain('"$1"');
    const logged = await owner<{ error: string }>(`select error from public.jenny_queries where error like '%"$1"%'`);
    expect(logged.length).toBe(2);
    expect(logged.some((row) => row.error.includes('secret-token-42') || row.error.includes('2024-99-99'))).toBe(false);
  });

  it('times out a statement that runs past statementTimeoutMs', async () => {
    // 400 ms: a `select 1` answers well within it even on a loaded 2-core machine (100 ms did not, once).
    const quick = pgliteTransport({ db: warehouse.db, statementTimeoutMs: 400 });
    const error = await failure(quick.query(sql('select pg_sleep(2)'), ctx()));
    expect(error).toBeInstanceOf(QueryError);
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/400 ms statement timeout/);
    // within the limit it answers
    const fine = await quick.query(sql('select 1 as one'), ctx());
    expect(fine.rows).toEqual([{ one: 1 }]);
  });

  it('rejects at once when the signal has aborted, and never runs the statement', async () => {
    const controller = new AbortController();
    controller.abort();
    const marker = `select 'aborted-before-${Date.now()}' as marker`;
    const error = await failure(transport.query(sql(marker), { signal: controller.signal }));
    expect(error).toBeInstanceOf(DataClientError);
    expect(error.code).toBe('aborted');
    expect(await countOf(`public.jenny_queries where sql = '${marker.replace(/'/g, "''")}'`)).toBe(0);
  });

  it('rejects a queued call the moment its signal aborts, and skips it', async () => {
    const slow = transport.query(sql('select pg_sleep(0.3) as slept'), ctx());
    const controller = new AbortController();
    const marker = `select 'aborted-while-queued-${Date.now()}' as marker`;
    const queued = transport.query(sql(marker), { signal: controller.signal });
    controller.abort();
    const error = await failure(queued);
    expect(error.code).toBe('aborted');
    await slow;
    expect(await countOf(`public.jenny_queries where sql = '${marker.replace(/'/g, "''")}'`)).toBe(0);
    // the queue goes on
    const after = await transport.query(sql('select 2 as two'), ctx());
    expect(after.rows).toEqual([{ two: 2 }]);
  });
});

describe('pgliteTransport: logs, freshness and feedback', () => {
  it('logs each query to public.jenny_queries as the owner, failures included', async () => {
    const marker = `ok-${Date.now()}`;
    const ok: QueryResult = await transport.query(
      sql(`select $1::text as marker from scout.sales limit 3`, [marker]),
      ctx(),
    );
    expect(ok.rowCount).toBe(3);
    const [row] = await owner<Record<string, unknown>>(
      `select space, sql, row_count, duration_ms, error from public.jenny_queries order by id desc limit 1`,
    );
    expect(row).toMatchObject({ space: 'sales', row_count: 3, error: null });
    expect(row?.sql).toBe('select $1::text as marker from scout.sales limit 3');
    expect(typeof row?.duration_ms).toBe('number');

    await failure(transport.query(sql('delete from scout.sales'), ctx()));
    const [failed] = await owner<Record<string, unknown>>(
      `select sql, row_count, error from public.jenny_queries order by id desc limit 1`,
    );
    expect(failed).toMatchObject({ sql: 'delete from scout.sales', row_count: null });
    expect(String(failed?.error)).toMatch(/read-only/);
  });

  it('does not log when log is false', async () => {
    const quiet = pgliteTransport({ db: warehouse.db, log: false });
    const before = await countOf('public.jenny_queries');
    await quiet.query(sql('select 1'), ctx());
    expect(await countOf('public.jenny_queries')).toBe(before);
  });

  it('reads freshness from the latest job run', async () => {
    const freshness = await transport.freshness?.('sales_summary', ctx());
    expect(freshness).toEqual({
      source: 'sales_summary',
      updatedAt: '2026-01-01T02:04:12.000Z',
      status: 'success',
      rowsWritten: await countOf('gold.sales_daily_summary'),
    });
    await warehouse.db.query(
      `insert into public.data_lab_job_runs (job_name, status, rows_written, started_at)
       values ('close_metrics', 'running', 0, '2026-01-02 02:20:00+00')`,
    );
    expect(await transport.freshness?.('close_metrics', ctx())).toEqual({
      source: 'close_metrics',
      updatedAt: undefined,
      status: 'running',
      rowsWritten: 0,
    });
    expect(await transport.freshness?.('no_such_job', ctx())).toEqual({ source: 'no_such_job' });
  });

  it('saves feedback to public.jenny_feedback', async () => {
    const question = `Which region grew fastest? ${Date.now()}`;
    await transport.feedback?.({ space: 'sales', question, rating: 'up', comment: 'spot on', sql: 'select 1' }, ctx());
    const rows = await owner(`select space, rating, comment, sql from public.jenny_feedback where question = $1`, [
      question,
    ]);
    expect(rows).toEqual([{ space: 'sales', rating: 'up', comment: 'spot on', sql: 'select 1' }]);
    const bad = await failure(
      transport.feedback?.({ space: 'sales', question, rating: 'meh' as 'up' }, ctx()) ?? Promise.resolve(),
    );
    expect(bad).toMatchObject({ code: 'query', sqlState: '23514' });
    expect(bad.message).not.toContain('meh');
  });
});

describe('pgliteTransport under the data client', () => {
  it("keeps the semantic layer's labels and formats, which the database's field types do not carry", async () => {
    const client = createDataClient({ transport, spaces: demoSpaces });
    const result = await client.query({
      kind: 'semantic',
      space: 'finance',
      query: { metrics: ['total_expenses'], timeGrain: 'month', limit: 3 },
    });
    const byName = new Map(result.meta.map((column) => [column.name, column]));
    expect(byName.get('total_expenses')).toMatchObject({
      label: 'Total expenses',
      role: 'measure',
      format: { kind: 'currency', currency: 'PHP' },
    });
    expect(byName.get('period')).toMatchObject({
      label: 'Expense date',
      role: 'time',
      format: { kind: 'date', grain: 'month' },
    });
    client.dispose();
  });
});
