import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DataClientError, QueryError } from '../../src/core/client/errors';
import { type PostgresTransport, postgresTransport } from '../../src/core/client/transports/postgres';
import type { CompiledQuery } from '../../src/core/client/types';
import { compileQuery, SemanticError, salesSpace } from '../../src/core/semantic';

/*
 * The postgres transport against a real PostgreSQL (test/setup/postgres.global.ts starts one with the demo warehouse):
 * read-only transactions as the space's role, the statement timeout Postgres enforces, the row cap, the role
 * checks, a cancelled statement stopping on the server, and the owner's tables (freshness, feedback, the log).
 */

const server = inject('postgres');
const skip = 'skip' in server ? server.skip : undefined;

const sql = (text: string, params: unknown[] = [], role?: string): CompiledQuery => ({
  sql: text,
  params,
  role,
  request: { kind: 'sql', sql: text, params, space: 'sales' },
});
const APPLICATION = 'postgres-transport.test';
const ctx = () => ({ signal: new AbortController().signal });

async function rejection(promise: Promise<unknown>): Promise<QueryError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'the promise should reject').toBeInstanceOf(Error);
  return error as QueryError;
}

describe.skipIf(skip)(`postgresTransport on PostgreSQL${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let pool: pg.Pool;
  let transport: PostgresTransport;

  beforeAll(async () => {
    if ('skip' in server) return;
    pool = new pg.Pool({
      host: server.host,
      port: server.port,
      user: server.user,
      database: server.database,
      max: 6,
      // pg_stat_activity tells this file's statements from the other files' by it
      application_name: APPLICATION,
    });
    transport = postgresTransport({ pool });
    // Roles for the refusals below: one that may write (read-only transactions stop it), and unfit ones.
    await pool.query(`
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'pt_writer') then create role pt_writer nologin; end if;
        if not exists (select 1 from pg_roles where rolname = 'pt_super') then create role pt_super nologin superuser; end if;
        if not exists (select 1 from pg_roles where rolname = 'pt_reader_all') then create role pt_reader_all nologin; end if;
      end $$;
      grant pg_read_all_data to pt_reader_all;
      create sequence if not exists scout.pt_sequence;
      grant usage on schema scout to pt_writer;
      grant usage, update on sequence scout.pt_sequence to pt_writer;
      grant insert, update, delete on scout.sales to pt_writer;`);
  });

  afterAll(async () => {
    await pool?.end();
  });

  it('runs a compiled query as the space role, with numbers as numbers and dates as ISO strings', async () => {
    const compiled = compileQuery(salesSpace, {
      metrics: ['revenue', 'units'],
      dimensions: ['region'],
      sort: [{ by: 'region' }],
    });
    const result = await transport.query(
      {
        sql: compiled.sql,
        params: compiled.params,
        role: salesSpace.role,
        request: { kind: 'sql', sql: compiled.sql },
      },
      ctx(),
    );
    expect(result.rowCount).toBeGreaterThan(3);
    expect(result.truncated).toBe(false);
    expect(result.sql).toBe(compiled.sql);
    expect(result.meta.map((column) => column.name)).toEqual(['region', 'revenue', 'units']);
    expect(result.meta.map((column) => column.type)).toEqual(['string', 'number', 'number']);
    for (const row of result.rows) {
      expect(typeof row.region).toBe('string');
      expect(typeof row.revenue).toBe('number');
      expect(typeof row.units).toBe('number');
    }

    const typed = await transport.query(
      sql(
        `select 9007199254740::int8 as big, 2.50::numeric as amount, 7::int4 as small, 1.5::float8 as ratio,
           date '2025-12-31' as day, timestamp '2025-12-31 10:11:12' as at, timestamptz '2026-01-01 02:04:12+00' as zoned,
           true as flag, 'x'::text as label, '{"a":1}'::jsonb as doc`,
      ),
      ctx(),
    );
    expect(typed.rows[0]).toEqual({
      big: 9007199254740,
      amount: 2.5,
      small: 7,
      ratio: 1.5,
      day: '2025-12-31',
      at: '2025-12-31T10:11:12',
      zoned: '2026-01-01T02:04:12.000Z',
      flag: true,
      label: 'x',
      doc: { a: 1 },
    });
    expect(typed.meta.map((column) => column.type)).toEqual([
      'number',
      'number',
      'number',
      'number',
      'date',
      'date',
      'date',
      'boolean',
      'string',
      'string',
    ]);
  });

  it('runs in a read-only transaction as the role, and gives the connection back clean', async () => {
    const result = await transport.query(
      sql(`select current_user as role, current_setting('transaction_read_only') as read_only,
             current_setting('statement_timeout') as timeout`),
      ctx(),
    );
    expect(result.rows).toEqual([{ role: 'jenny_readonly', read_only: 'on', timeout: '5s' }]);
    // A session lock the statement takes is gone once the connection is back in the pool.
    await transport.query(sql('select pg_advisory_lock(4242) is null as locked'), ctx());
    const locks = await pool.query(
      `select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 4242`,
    );
    expect(locks.rows[0].n).toBe(0);
  });

  it('caps rows at maxRows through a cursor and says the result was truncated', async () => {
    const capped = postgresTransport({ pool, maxRows: 5 });
    const result = await capped.query(sql('select * from scout.sales'), ctx());
    expect(result.rowCount).toBe(5);
    expect(result.rows).toHaveLength(5);
    expect(result.truncated).toBe(true);
    const exact = await capped.query(sql('select g from generate_series(1, 5) g'), ctx());
    expect(exact.truncated).toBe(false);
    expect(exact.rows.map((row) => row.g)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops a statement past statement_timeout on the server: a timeout QueryError with sqlState 57014', async () => {
    const quick = postgresTransport({ pool, statementTimeoutMs: 200 });
    const started = Date.now();
    const error = await rejection(quick.query(sql('select pg_sleep(5)'), ctx()));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(error).toBeInstanceOf(QueryError);
    expect(error.code).toBe('timeout');
    expect(error.sqlState).toBe('57014');
    expect(error.message).toMatch(/200 ms statement timeout/);
  });

  it('refuses writes: before the database for a write statement, by PostgreSQL otherwise (42501, 25006)', async () => {
    const insert = await rejection(transport.query(sql("insert into scout.sales (region) values ('x')"), ctx()));
    expect(insert.code).toBe('permission');
    expect(insert.message).toMatch(/INSERT is refused: role "jenny_readonly" is read-only/);

    // jenny_readonly has no privilege on the log's sequence: PostgreSQL says 42501.
    const privilege = await rejection(transport.query(sql("select nextval('public.jenny_queries_id_seq')"), ctx()));
    expect(privilege).toMatchObject({ code: 'permission', sqlState: '42501' });

    // A role that may write is still in a READ ONLY transaction: PostgreSQL says 25006.
    const writer = postgresTransport({ pool, roles: ['pt_writer'] });
    const readOnly = await rejection(writer.query(sql("select nextval('scout.pt_sequence')", [], 'pt_writer'), ctx()));
    expect(readOnly).toMatchObject({ code: 'permission', sqlState: '25006' });
    expect(readOnly.message).toMatch(/tried to write, but role "pt_writer" is read-only/);
    const cte = await rejection(
      writer.query(
        sql('with gone as (delete from scout.sales returning 1) select count(*) from gone', [], 'pt_writer'),
        ctx(),
      ),
    );
    expect(cte.code).toBe('permission');
    const count = await pool.query('select count(*)::int as n from scout.sales');
    expect(count.rows[0].n).toBe(server && 'salesRows' in server ? server.salesRows : -1);
  });

  it('refuses a role outside its roles option, a superuser, and a member of pg_read_all_data', async () => {
    const outside = await rejection(transport.query(sql('select 1', [], 'pt_writer'), ctx()));
    expect(outside.code).toBe('permission');
    expect(outside.message).toMatch(/runs only as "jenny_readonly", "superset_readonly"/);

    const unfit = postgresTransport({ pool, roles: ['pt_super', 'pt_reader_all'] });
    const superuser = await rejection(unfit.query(sql('select 1', [], 'pt_super'), ctx()));
    expect(superuser).toMatchObject({ code: 'permission', sqlState: '42501' });
    expect(superuser.message).toMatch(/does not run as role "pt_super" because it is a superuser/);
    const readAll = await rejection(unfit.query(sql('select 1', [], 'pt_reader_all'), ctx()));
    expect(readAll.message).toMatch(/privileges of "pg_read_all_data"/);
  });

  it('refuses the result of a statement that leaves its role', async () => {
    const error = await rejection(transport.query(sql(`select set_config('role', 'postgres', true)`), ctx()));
    expect(error).toMatchObject({ code: 'permission', sqlState: '42501' });
    expect(error.message).toMatch(/tried to leave role "jenny_readonly"/);
  });

  it('keeps parameter values out of error messages', async () => {
    const error = await rejection(transport.query(sql('select $1::int as n', ['s3cret-value-77']), ctx()));
    expect(error).toMatchObject({ code: 'query', sqlState: '22P02' });
    expect(error.message).not.toContain('s3cret-value-77');
    expect(error.message).toContain('$1');
  });

  it('cancels the statement on the server when the signal aborts', async () => {
    const controller = new AbortController();
    const running = transport.query(sql('select pg_sleep(20)'), { signal: controller.signal });
    // The statement as the server runs it: the cursor's FETCH, sleeping.
    const active = async () =>
      (
        await pool.query(
          `select count(*)::int as n from pg_stat_activity
            where application_name = $1 and state = 'active' and wait_event = 'PgSleep'`,
          [APPLICATION],
        )
      ).rows[0].n as number;
    await expect.poll(active, { timeout: 5000, interval: 50 }).toBe(1);
    const aborted = Date.now();
    controller.abort();
    const error = await rejection(running);
    expect(error).toBeInstanceOf(DataClientError);
    expect(error.code).toBe('aborted');
    expect(Date.now() - aborted).toBeLessThan(200);
    await expect.poll(active, { timeout: 2000, interval: 50 }).toBe(0);
  });

  it('rejects a semantic request: it runs SQL only', async () => {
    const error = await rejection(
      transport.query({ kind: 'semantic', space: 'sales', query: { metrics: ['revenue'] } }, ctx()),
    );
    expect(error).toBeInstanceOf(SemanticError);
  });

  it('reads freshness, writes feedback and the question log as the pool user', async () => {
    expect(await transport.freshness?.('sales_summary', ctx())).toEqual({
      source: 'sales_summary',
      updatedAt: expect.stringMatching(/^2026-01-01T02:0\d:\d{2}\.000Z$/),
      status: 'success',
      rowsWritten: expect.any(Number),
    });
    expect(await transport.freshness?.('no_such_job', ctx())).toEqual({ source: 'no_such_job' });

    const question = `pt feedback ${Date.now()}`;
    await transport.feedback?.({ space: 'sales', question, rating: 'up', comment: 'good' }, ctx());
    const feedback = await pool.query('select rating, comment from public.jenny_feedback where question = $1', [
      question,
    ]);
    expect(feedback.rows).toEqual([{ rating: 'up', comment: 'good' }]);

    await transport.logQuestion({
      space: 'sales',
      question,
      sql: 'select 1',
      rowCount: 1,
      durationMs: 12.4,
      outcome: 'answered',
    });
    const logged = await pool.query(
      'select space, sql, row_count, duration_ms, error, outcome from public.jenny_queries where question = $1',
      [question],
    );
    expect(logged.rows).toEqual([
      { space: 'sales', sql: 'select 1', row_count: 1, duration_ms: 12, error: null, outcome: 'answered' },
    ]);
  });
});
