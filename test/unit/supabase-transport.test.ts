import { createClient } from '@supabase/supabase-js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CompiledQuery,
  createDataClient,
  type DataClientError,
  HttpError,
  QueryError,
  SemanticError,
} from '../../src/core/client';
import { supabaseTransport } from '../../src/core/client/transports/supabase';
import { salesSpace } from '../../src/core/semantic';
import { type FaultServer, hang, json, startFaultServer } from '../fixtures/fault-server';

const KEY = 'sb-publishable-key-5e6f7a8b9c0d';
const RPC = 'POST /rest/v1/rpc/execute_safe_query';
const LOG = 'POST /rest/v1/jenny_queries';

let server: FaultServer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startFaultServer();
});
afterEach(async () => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  server.reset();
  expect(unhandled.splice(0)).toEqual([]);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.stop();
});

/** Node 20 has no WebSocket: realtime is never used here, so it gets a constructor that refuses. */
class NoWebSocket {
  constructor() {
    throw new Error('realtime is not used in these tests');
  }
}

/** A real supabase-js client pointed at the fake PostgREST. */
function supabase() {
  return createClient(server.url, KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: NoWebSocket as never },
  });
}

const created = (_request: unknown, response: import('node:http').ServerResponse) => {
  response.writeHead(201);
  response.end();
};

const compiled = (request: CompiledQuery['request'], params: unknown[] = []): CompiledQuery => ({
  sql: request.kind === 'sql' ? request.sql : 'select 1',
  params,
  request,
});
const ctx = (signal = new AbortController().signal) => ({ signal });

async function failure(promise: Promise<unknown> | undefined): Promise<DataClientError> {
  const error = await (promise as Promise<unknown>).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected a rejection');
  expect(String((error as Error).message)).not.toContain(KEY);
  return error as DataClientError;
}

describe('supabaseTransport', () => {
  it('runs SQL through the execute_safe_query RPC and logs the query to jenny_queries', async () => {
    server.on(RPC, json(200, [{ region: 'North', revenue: 10 }]));
    server.on(LOG, created);
    const t = supabaseTransport({ client: supabase() });
    const result = await t.query(
      compiled({ kind: 'sql', sql: 'select region, revenue from v', space: 'sales' }),
      ctx(),
    );
    expect(result).toMatchObject({
      rows: [{ region: 'North', revenue: 10 }],
      rowCount: 1,
      truncated: false,
      sql: 'select region, revenue from v',
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    const [rpc] = server.requestsTo(RPC);
    expect(rpc?.body).toEqual({ sql: 'select region, revenue from v' });
    expect(rpc?.headers.apikey).toBe(KEY);

    await vi.waitFor(() => expect(server.requestsTo(LOG)).toHaveLength(1));
    const log = server.requestsTo(LOG)[0]?.body as Record<string, unknown>;
    expect(log).toMatchObject({ space: 'sales', sql: 'select region, revenue from v', row_count: 1 });
    expect(typeof log.duration_ms).toBe('number');
  });

  it('passes parameters beside the SQL (never inlined)', async () => {
    server.on(RPC, json(200, []));
    const t = supabaseTransport({ client: supabase(), logQueries: false });
    await t.query(compiled({ kind: 'sql', sql: 'select * from t where a = $1 and b = $2' }, ["o'brien", 2]), ctx());
    expect(server.requestsTo(RPC)[0]?.body).toEqual({
      sql: 'select * from t where a = $1 and b = $2',
      params: ["o'brien", 2],
    });
  });

  it('reads null as no rows and an object with rows', async () => {
    server.once(RPC, json(200, 'null'));
    server.once(RPC, json(200, { rows: [{ a: 1 }], truncated: true, row_count: 5000 }));
    const t = supabaseTransport({ client: supabase(), logQueries: false });
    await expect(t.query(compiled({ kind: 'sql', sql: 'a' }), ctx())).resolves.toMatchObject({ rows: [], rowCount: 0 });
    await expect(t.query(compiled({ kind: 'sql', sql: 'b' }), ctx())).resolves.toMatchObject({
      rows: [{ a: 1 }],
      truncated: true,
      rowCount: 5000,
    });
  });

  it('rejects a drifted RPC answer with the path', async () => {
    server.on(RPC, json(200, [{ a: 1 }, 7]));
    const t = supabaseTransport({ client: supabase(), logQueries: false });
    expect(await failure(t.query(compiled({ kind: 'sql', sql: 'a' }), ctx()))).toMatchObject({
      name: 'ResponseShapeError',
      path: '$[1]',
    });
  });

  it('does not log queries that name no space', async () => {
    server.on(RPC, json(200, []));
    server.on(LOG, created);
    const t = supabaseTransport({ client: supabase() });
    await t.query(compiled({ kind: 'sql', sql: 'select 1' }), ctx());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requestsTo(LOG)).toHaveLength(0);
  });

  it.each([
    ['permission denied', 403, { code: '42501', message: 'permission denied for table sales' }, 'permission'],
    ['a write in a read-only transaction', 400, { code: '25006', message: 'read-only transaction' }, 'permission'],
    ['an expired JWT', 401, { code: 'PGRST301', message: 'JWT expired' }, 'permission'],
    ['a statement timeout', 500, { code: '57014', message: 'canceling statement due to statement timeout' }, 'timeout'],
    ['an unknown relation', 404, { code: '42P01', message: 'relation "nope" does not exist' }, 'query'],
  ])('maps %s to a typed QueryError', async (_name, status, body, code) => {
    server.on(RPC, json(status, body));
    server.on(LOG, created);
    const t = supabaseTransport({ client: supabase() });
    const error = await failure(t.query(compiled({ kind: 'sql', sql: 'select 1', space: 'sales' }), ctx()));
    expect(error).toBeInstanceOf(QueryError);
    expect(error).toMatchObject({ code, sqlState: body.code, transport: 'supabase' });
    expect(error.message).toContain(body.message);
    // Failures are logged with their error.
    await vi.waitFor(() => expect(server.requestsTo(LOG)).toHaveLength(1));
    expect(server.requestsTo(LOG)[0]?.body).toMatchObject({
      space: 'sales',
      error: expect.stringContaining(body.message),
    });
  });

  it('never puts a parameter value in an error message nor in the logged error', async () => {
    const secret = 'sk_live_SECRET123';
    server.on(RPC, json(400, { code: '22P02', message: `invalid input syntax for type integer: "${secret}"` }));
    server.on(LOG, created);
    const t = supabaseTransport({ client: supabase() });
    const error = await failure(
      t.query(compiled({ kind: 'sql', sql: 'select $1::integer', space: 'sales' }, [secret]), ctx()),
    );
    expect(error).toMatchObject({ code: 'query', sqlState: '22P02' });
    expect(error.message).toBe('The execute_safe_query call failed: invalid input syntax for type integer: "$1"');
    expect(JSON.stringify(error)).not.toContain(secret);
    await vi.waitFor(() => expect(server.requestsTo(LOG)).toHaveLength(1));
    const logged = server.requestsTo(LOG)[0]?.body as { error: string };
    expect(logged.error).toContain('"$1"');
    expect(logged.error).not.toContain(secret);
  });

  it('redacts values in permission and gateway errors, and before a long message is cut', async () => {
    const secret = 'alice@example.com';
    const t = supabaseTransport({ client: supabase(), logQueries: false });
    const run = () => failure(t.query(compiled({ kind: 'sql', sql: 'select $1, $2' }, [7, [secret]]), ctx()));
    server.once(RPC, json(403, { code: '42501', message: `permission denied: "${secret}"` }));
    server.once(RPC, json(503, { code: 'PGRST000', message: `lost the connection while sending "${secret}"` }));
    // The value straddles the 500th character, where the message is cut.
    server.once(RPC, json(400, { code: 'XX000', message: `${'x'.repeat(490)} "${secret}"` }));
    const permission = await run();
    expect(permission).toMatchObject({ code: 'permission' });
    expect(permission.message).toContain('"$2"');
    const gateway = await run();
    expect(gateway).toBeInstanceOf(HttpError);
    expect(gateway.message).toContain('"$2"');
    const long = await run();
    for (const error of [permission, gateway, long]) {
      expect(error.message).not.toContain('alice');
    }
  });

  it('redacts feedback values from its errors', async () => {
    server.on('POST /rest/v1/jenny_feedback', json(400, { code: '22P02', message: 'invalid rating: "meh-secret"' }));
    const t = supabaseTransport({ client: supabase() });
    const error = await failure(t.feedback?.({ space: 'sales', question: 'Q?', rating: 'meh-secret' as 'up' }, ctx()));
    expect(error.message).not.toContain('meh-secret');
    expect(error.message).toContain('"$3"');
  });

  it('maps a gateway failure to a retryable HttpError', async () => {
    server.on(RPC, json(503, { code: 'PGRST002', message: 'Could not query the database for the schema cache' }));
    const t = supabaseTransport({ client: supabase(), logQueries: false });
    const error = await failure(t.query(compiled({ kind: 'sql', sql: 'select 1' }), ctx()));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503 });
  });

  it('reports an offline server as a network error', async () => {
    const t = supabaseTransport({ client: supabase(), logQueries: false });
    await server.stop();
    try {
      expect(await failure(t.query(compiled({ kind: 'sql', sql: 'select 1' }), ctx()))).toMatchObject({
        code: 'network',
      });
    } finally {
      await server.start();
    }
  });

  it('honours the abort signal: rejects at once and the request is cut off', async () => {
    server.on(RPC, hang());
    const t = supabaseTransport({ client: supabase(), logQueries: false });
    const controller = new AbortController();
    const pending = t.query(compiled({ kind: 'sql', sql: 'select pg_sleep(10)' }), ctx(controller.signal));
    await vi.waitFor(() => expect(server.requestsTo(RPC)).toHaveLength(1));
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 'aborted' });
    await vi.waitFor(() => expect(server.requestsTo(RPC)[0]?.closedEarly).toBe(true));
  });

  it('cannot compile semantic requests: the client lists the spaces it knows', async () => {
    const t = supabaseTransport({ client: supabase() });
    expect(await failure(t.query({ kind: 'semantic', space: 'web', query: { metrics: ['x'] } }, ctx()))).toBeInstanceOf(
      SemanticError,
    );
    const client = createDataClient({ transport: t, spaces: [salesSpace] });
    const error = (await failure(
      client.query({ kind: 'semantic', space: 'web', query: { metrics: ['x'] } }),
    )) as SemanticError;
    expect(error.available).toEqual(['sales']);
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });

  it('runs a semantic query the client compiled, with its parameters, and logs it under its space', async () => {
    server.on(RPC, json(200, [{ region: 'North', revenue: 1 }]));
    server.on(LOG, created);
    const client = createDataClient({ transport: supabaseTransport({ client: supabase() }), spaces: [salesSpace] });
    const result = await client.query({
      kind: 'semantic',
      space: 'sales',
      query: {
        metrics: ['revenue'],
        dimensions: ['region'],
        filters: [{ dimension: 'region', op: 'eq', value: 'North' }],
      },
    });
    expect(result.meta.map((m) => m.name)).toEqual(['region', 'revenue']);
    const body = server.requestsTo(RPC)[0]?.body as { sql: string; params: unknown[] };
    expect(body.sql).toContain('$1');
    expect(body.params[0]).toBe('North');
    await vi.waitFor(() => expect(server.requestsTo(LOG)[0]?.body).toMatchObject({ space: 'sales' }));
    client.dispose();
  });

  it('inserts feedback into jenny_feedback', async () => {
    server.on('POST /rest/v1/jenny_feedback', created);
    const t = supabaseTransport({ client: supabase() });
    await t.feedback?.({ space: 'sales', question: 'Revenue?', rating: 'up', sql: 'select 1' }, ctx());
    expect(server.requestsTo('POST /rest/v1/jenny_feedback')[0]?.body).toEqual({
      space: 'sales',
      question: 'Revenue?',
      rating: 'up',
      comment: null,
      sql: 'select 1',
    });
  });

  it('reads freshness from the latest job run', async () => {
    server.on(
      'GET /rest/v1/data_lab_job_runs',
      json(200, [
        { job_name: 'sales_summary', status: 'success', rows_written: 12, started_at: 'x', finished_at: '2026-01-01' },
      ]),
    );
    const t = supabaseTransport({ client: supabase() });
    await expect(t.freshness?.('sales_summary', ctx())).resolves.toEqual({
      source: 'sales_summary',
      updatedAt: '2026-01-01',
      status: 'success',
      rowsWritten: 12,
    });
    const seen = server.requestsTo('GET /rest/v1/data_lab_job_runs')[0];
    expect(seen?.query.get('job_name')).toBe('eq.sales_summary');
    expect(seen?.query.get('order')).toBe('started_at.desc');
    expect(seen?.query.get('limit')).toBe('1');
  });

  it('reports a source that never ran as having no update', async () => {
    server.on('GET /rest/v1/data_lab_job_runs', json(200, []));
    const t = supabaseTransport({ client: supabase() });
    await expect(t.freshness?.('never', ctx())).resolves.toEqual({ source: 'never' });
  });

  it('reports a failed log insert without failing the query', async () => {
    server.on(RPC, json(200, []));
    server.on(LOG, json(403, { code: '42501', message: 'permission denied for table jenny_queries' }));
    const onLogError = vi.fn();
    const t = supabaseTransport({ client: supabase(), onLogError });
    await expect(t.query(compiled({ kind: 'sql', sql: 'select 1', space: 'sales' }), ctx())).resolves.toBeDefined();
    await vi.waitFor(() => expect(onLogError).toHaveBeenCalledWith(expect.objectContaining({ code: 'permission' })));
  });
});
