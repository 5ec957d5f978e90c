import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DefaultChatTransport, readUIMessageStream, type UIMessage, type UIMessageChunk } from 'ai';
import { createParser } from 'eventsource-parser';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { httpTransport } from '../../src/core/client/transports/http';
import { postgresTransport } from '../../src/core/client/transports/postgres';
import { JENNY_STREAM_HEADERS, type JennyChunk } from '../../src/core/jenny/protocol';
import { demoSpaces, salesSpace } from '../../src/core/semantic';
import {
  createJennyHandler,
  type GeneratedSql,
  type JennyHandler,
  type JennyHandlerOptions,
  type JennyLogEntry,
  toNodeListener,
} from '../../src/core/server';

/*
 * Jenny's HTTP handler against a real PostgreSQL (test/setup/postgres.global.ts): the JSON and stream contracts, the
 * AI SDK's own chat transport, a client going away cancelling the statement on the server, the statement timeout, a
 * role that cannot write, the row cap, the question log, and malformed requests.
 */

const server = inject('postgres');
const skip = 'skip' in server ? server.skip : undefined;
const APPLICATION = 'server-handler.test';
const ORIGIN = 'http://jenny.test';

/** Questions answered with SQL of the test's choosing (the generateSql hook, as an LLM would be). */
const generated = new Map<string, GeneratedSql | string>();
const generateSql: JennyHandlerOptions['generateSql'] = ({ question }) => generated.get(question);

/** A question no other test asks, so its log rows are its own. */
let serial = 0;
const unique = (question: string) => `${question} ${Date.now().toString(36)}${++serial}`;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** The chunks of an answer stream, read with eventsource-parser; `done` is true when `[DONE]` ended it. */
async function chunksOf(response: Response): Promise<{ chunks: JennyChunk[]; done: boolean }> {
  const chunks: JennyChunk[] = [];
  let done = false;
  const parser = createParser({
    onEvent(event) {
      if (event.data === '[DONE]') done = true;
      else chunks.push(JSON.parse(event.data) as JennyChunk);
    },
  });
  parser.feed(await response.text());
  return { chunks, done };
}

describe.skipIf(skip)(`createJennyHandler on PostgreSQL${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let pool: pg.Pool;
  let handler: JennyHandler;

  /** The newest log row's id: rows after it are the ones a test wrote (for questions Jenny must read as they are). */
  const lastLogId = async () =>
    Number((await pool.query('select coalesce(max(id), 0) as id from public.jenny_queries')).rows[0].id);
  /** The log rows of a question, written after the row `since`. */
  const logRows = async (question: string, since = 0) =>
    (
      await pool.query(
        `select space, question, sql, row_count, duration_ms, error, outcome from public.jenny_queries
          where question = $1 and id > $2 order by id`,
        [question, since],
      )
    ).rows as {
      space: string;
      question: string;
      sql: string;
      row_count: number | null;
      duration_ms: number;
      error: string | null;
      outcome: string;
    }[];

  /** Statements of this file sleeping on the server right now. */
  const sleeping = async () =>
    (
      await pool.query(
        `select count(*)::int as n from pg_stat_activity
          where application_name = $1 and state = 'active' and wait_event = 'PgSleep'`,
        [APPLICATION],
      )
    ).rows[0].n as number;

  beforeAll(async () => {
    if ('skip' in server) return;
    pool = new pg.Pool({
      host: server.host,
      port: server.port,
      user: server.user,
      database: server.database,
      max: 8,
      application_name: APPLICATION,
    });
    await pool.query(`
      do $$ begin
        if not exists (select 1 from pg_roles where rolname = 'hs_super') then create role hs_super nologin superuser; end if;
      end $$;`);
    handler = createJennyHandler({ transport: postgresTransport({ pool }), spaces: demoSpaces, generateSql });
  });

  afterAll(async () => {
    await pool?.end();
  });

  it('answers /api/jenny/query with the seed JSON contract, and logs the question as answered', async () => {
    const since = await lastLogId();
    const question = 'revenue by region';
    const response = await handler(post('/api/jenny/query', { space: 'sales', question }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['title', 'summary', 'echarts_option', 'rows', 'meta', 'generated_sql', 'reasoning']),
    );
    expect(body.kind).toBe('answer');
    expect(typeof body.title).toBe('string');
    expect(body.summary).toMatch(/\w/);
    expect((body.rows as unknown[]).length).toBeGreaterThan(1);
    expect(body.generated_sql).toMatch(/"?scout"?\."?sales"?/);
    expect(body.echarts_option).toEqual(expect.any(Object));

    const rows = await logRows(question, since);
    expect(rows).toEqual([
      expect.objectContaining({
        space: 'sales',
        outcome: 'answered',
        row_count: (body.rows as unknown[]).length,
        sql: body.generated_sql,
        error: null,
      }),
    ]);
  });

  it('streams /api/jenny/query as the UI message stream when the request accepts text/event-stream', async () => {
    const since = await lastLogId();
    const question = 'units by brand';
    const response = await handler(
      post('/api/jenny/query', { space: 'sales', question }, { accept: 'text/event-stream' }),
    );
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(JENNY_STREAM_HEADERS)) {
      expect(response.headers.get(name)).toBe(value);
    }
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const { chunks, done } = await chunksOf(response);
    expect(done).toBe(true);
    const types = chunks.map((chunk) => chunk.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('finish');
    expect(types.filter((type) => type === 'start' || type === 'finish')).toEqual(['start', 'finish']);
    const order = ['data-query', 'data-sql', 'data-table', 'text-start', 'text-delta', 'text-end'].map((type) =>
      types.indexOf(type as JennyChunk['type']),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(types).not.toContain('error');
    const table = chunks.find((chunk) => chunk.type === 'data-table');
    expect(table?.type === 'data-table' && table.data.rows.length).toBeGreaterThan(1);
    expect((await logRows(question, since)).map((row) => row.outcome)).toEqual(['answered']);
  });

  it('answers /api/jenny/chat for the AI SDK: DefaultChatTransport and readUIMessageStream read it as it is', async () => {
    const since = await lastLogId();
    const question = 'revenue by region';
    const requests: { accept: string | null; body: Record<string, unknown> }[] = [];
    const chat = new DefaultChatTransport<UIMessage>({
      api: `${ORIGIN}/api/jenny/chat?space=sales`,
      fetch: async (input, init) => {
        const request = new Request(input as string, init);
        requests.push({ accept: request.headers.get('accept'), body: await request.clone().json() });
        return handler(request);
      },
    });
    const messages: UIMessage[] = [
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'units by brand' }] },
      { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Units by brand: BrandA leads.' }] },
      { id: 'u2', role: 'user', parts: [{ type: 'text', text: question }] },
    ];
    const stream: ReadableStream<UIMessageChunk> = await chat.sendMessages({
      trigger: 'submit-message',
      chatId: 'chat-1',
      messageId: undefined,
      messages,
      abortSignal: undefined,
    });
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream<UIMessage>({ stream, terminateOnError: true })) last = message;

    // What the AI SDK sent: its own body, and no Accept header asking for a stream.
    expect(requests[0]?.accept ?? '').not.toMatch(/event-stream/);
    expect(requests[0]?.body).toMatchObject({ id: 'chat-1', trigger: 'submit-message', messages: expect.any(Array) });

    expect(last?.role).toBe('assistant');
    const parts = last?.parts ?? [];
    const types = parts.map((part) => part.type);
    expect(types).toEqual(expect.arrayContaining(['data-query', 'data-sql', 'data-table', 'text']));
    const text = parts.find((part) => part.type === 'text');
    expect(text && 'text' in text ? text.text : '').toMatch(/\w/);
    const table = parts.find((part) => part.type === 'data-table') as { data: { rows: unknown[] } } | undefined;
    expect(table?.data.rows.length).toBeGreaterThan(1);
    const status = parts.filter((part) => part.type === 'data-status') as { data: { step: string } }[];
    expect(status).toHaveLength(1); // one part, updated in place
    expect(status[0]?.data.step).toBe('done');

    const rows = await logRows(question, since);
    expect(rows).toEqual([expect.objectContaining({ space: 'sales', outcome: 'answered' })]);
  });

  it('takes the space from the chat body before the URL, and the history from the earlier turns', async () => {
    const seen: { space: string; history: readonly unknown[] }[] = [];
    const question = unique('history probe');
    const probe = createJennyHandler({
      transport: postgresTransport({ pool }),
      spaces: demoSpaces,
      log: false,
      generateSql: ({ space, history }) => {
        seen.push({ space: space.name, history });
        return 'select 1 as one';
      },
    });
    const response = await probe(
      post('/api/jenny/chat?space=sales', {
        id: 'c',
        trigger: 'submit-message',
        space: 'finance',
        messages: [
          { id: '1', role: 'system', parts: [{ type: 'text', text: 'ignored' }] },
          {
            id: '2',
            role: 'user',
            parts: [
              { type: 'text', text: 'first ' },
              { type: 'text', text: 'question' },
            ],
          },
          {
            id: '3',
            role: 'assistant',
            parts: [
              { type: 'data-table', data: {} },
              { type: 'text', text: 'first answer' },
            ],
          },
          { id: '4', role: 'user', parts: [{ type: 'text', text: question }] },
        ],
      }),
    );
    const { chunks } = await chunksOf(response);
    expect(chunks.at(-1)?.type).toBe('finish');
    expect(seen).toEqual([
      {
        space: 'finance',
        history: [
          { role: 'user', content: 'first question' },
          { role: 'assistant', content: 'first answer' },
        ],
      },
    ]);
  });

  it('cancels the statement on the server when the client closes the connection (node:http)', async () => {
    const http: Server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    try {
      for (const accept of ['application/json', 'text/event-stream']) {
        const question = unique(`slow question ${accept}`);
        generated.set(question, 'select pg_sleep(20) as slept');
        const controller = new AbortController();
        const request = fetch(`http://127.0.0.1:${port}/api/jenny/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body: JSON.stringify({ space: 'sales', question }),
          signal: controller.signal,
        }).then((response) => response.text());
        request.catch(() => undefined);
        await expect.poll(sleeping, { timeout: 10_000, interval: 50 }).toBe(1);
        controller.abort();
        await expect(request).rejects.toThrow();
        // The backend statement stops: no longer active within a second or so (pg_cancel_backend).
        await expect.poll(sleeping, { timeout: 3000, interval: 50 }).toBe(0);
        await expect.poll(async () => (await logRows(question)).map((row) => row.outcome)).toEqual(['aborted']);
        expect((await logRows(question))[0]).toMatchObject({ sql: 'select pg_sleep(20) as slept', row_count: null });
      }
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });

  it("is read by the library's own httpTransport: chunks as they arrive, and an abort that stops the statement", async () => {
    const http: Server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    try {
      const transport = httpTransport({ baseUrl: `http://127.0.0.1:${port}` });
      const parts: string[] = [];
      const answer = await transport.ask?.(
        { space: 'sales', question: 'Revenue by region in 2025' },
        { signal: new AbortController().signal, onPart: (chunk) => parts.push(chunk.type) },
      );
      expect(parts).toEqual(expect.arrayContaining(['data-query', 'data-sql', 'data-table', 'text-delta', 'finish']));
      expect(answer?.rows.length).toBeGreaterThan(0);
      expect(answer?.summary).toMatch(/led/);

      const question = unique('slow question through httpTransport');
      generated.set(question, 'select pg_sleep(20) as slept');
      const controller = new AbortController();
      const asked = transport.ask?.({ space: 'sales', question }, { signal: controller.signal });
      asked?.catch(() => undefined);
      await expect.poll(sleeping, { timeout: 10_000, interval: 50 }).toBe(1);
      controller.abort();
      await expect(asked).rejects.toMatchObject({ code: 'aborted' });
      await expect.poll(sleeping, { timeout: 3000, interval: 50 }).toBe(0);
      await expect.poll(async () => (await logRows(question)).map((row) => row.outcome)).toEqual(['aborted']);
    } finally {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    }
  });

  it('ends a statement past the statement timeout: 504 timeout in JSON, an error chunk in the stream', async () => {
    const quick = createJennyHandler({
      transport: postgresTransport({ pool, statementTimeoutMs: 300 }),
      spaces: demoSpaces,
      generateSql,
    });
    const question = unique('too slow');
    generated.set(question, 'select pg_sleep(5)');
    const started = Date.now();
    const response = await quick(post('/api/jenny/query', { space: 'sales', question }));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({
      error: { code: 'timeout', message: 'The statement ran longer than the 300 ms statement timeout' },
    });
    expect(await logRows(question)).toEqual([
      expect.objectContaining({
        outcome: 'timeout',
        row_count: null,
        sql: 'select pg_sleep(5)',
        error: expect.stringMatching(/statement timeout/),
      }),
    ]);

    const streamed = unique('too slow, streamed');
    generated.set(streamed, 'select pg_sleep(5)');
    const { chunks, done } = await chunksOf(
      await quick(post('/api/jenny/query', { space: 'sales', question: streamed }, { accept: 'text/event-stream' })),
    );
    expect(done).toBe(true);
    expect(chunks.at(-1)).toEqual({ type: 'error', errorText: expect.stringMatching(/300 ms statement timeout/) });
    expect((await logRows(streamed)).map((row) => row.outcome)).toEqual(['timeout']);
  });

  it("refuses SQL that writes: the space's role cannot write, nothing changes, the question is logged as an error", async () => {
    const before = (await pool.query('select count(*)::int as n from scout.sales')).rows[0].n;
    const cases: [string, RegExp][] = [
      ["insert into scout.sales (region) values ('x')", /INSERT is refused: role "jenny_readonly" is read-only/],
      ['with gone as (delete from scout.sales returning 1) select count(*) from gone', /read-only/],
      ["select nextval('public.jenny_queries_id_seq')", /role "jenny_readonly" is read-only.*permission denied/],
    ];
    for (const [sql, message] of cases) {
      const question = unique('write something');
      generated.set(question, sql);
      const response = await handler(post('/api/jenny/query', { space: 'sales', question }));
      expect(response.status).toBe(403);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('permission');
      expect(body.error.message).toMatch(message);
      expect(await logRows(question)).toEqual([expect.objectContaining({ outcome: 'error', row_count: null })]);
    }
    expect((await pool.query('select count(*)::int as n from scout.sales')).rows[0].n).toBe(before);
  });

  it('refuses a space whose role is a superuser', async () => {
    const handlerWithSuper = createJennyHandler({
      transport: postgresTransport({ pool, roles: ['jenny_readonly', 'hs_super'] }),
      spaces: [{ ...salesSpace, name: 'sales_super', role: 'hs_super' }],
    });
    const since = await lastLogId();
    const question = 'revenue by region';
    const response = await handlerWithSuper(post('/api/jenny/query', { space: 'sales_super', question }));
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({
      code: 'permission',
      message: expect.stringMatching(/"hs_super" because it is a superuser/),
    });
    expect((await logRows(question, since)).map((row) => row.outcome)).toEqual(['error']);
  });

  it('caps the rows of generated SQL at the transport row cap', async () => {
    const capped = createJennyHandler({
      transport: postgresTransport({ pool, maxRows: 3 }),
      spaces: demoSpaces,
      generateSql,
    });
    const question = unique('every sale');
    generated.set(question, { sql: 'select region, revenue from scout.sales where revenue > $1', params: [0] });
    const response = await capped(post('/api/jenny/query', { space: 'sales', question }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      rows: unknown[];
      truncated: boolean;
      title: string;
      generated_sql: string;
    };
    expect(body.rows).toHaveLength(3);
    expect(body.truncated).toBe(true);
    expect(body.title).toBe(question);
    expect(body.generated_sql).toBe('select region, revenue from scout.sales where revenue > $1');
    expect(await logRows(question)).toEqual([expect.objectContaining({ outcome: 'answered', row_count: 3 })]);
  });

  it("answers generated SQL as Jenny's own answers look: a title first, the table, then a chart of the rows", async () => {
    const question = unique('revenue by region, from the model');
    generated.set(question, {
      sql: 'select region, sum(revenue) as revenue from scout.sales group by region order by region',
      title: 'Revenue by region',
    });
    const response = await handler(
      post('/api/jenny/query', { space: 'sales', question }, { accept: 'text/event-stream' }),
    );
    const { chunks } = await chunksOf(response);
    const types = chunks.map((chunk) => chunk.type);
    expect(types.indexOf('data-query')).toBeLessThan(types.indexOf('data-sql'));
    expect(types.indexOf('data-table')).toBeLessThan(types.indexOf('data-chart'));
    expect(chunks.find((chunk) => chunk.type === 'data-query')).toMatchObject({ data: { title: 'Revenue by region' } });
    const chart = chunks.find((chunk) => chunk.type === 'data-chart');
    expect(chart).toMatchObject({
      data: { spec: { kind: expect.any(String) }, option: { series: expect.any(Array) } },
    });

    const json = (await (await handler(post('/api/jenny/query', { space: 'sales', question }))).json()) as {
      echarts_option: { series: unknown[] } | null;
    };
    expect(json.echarts_option?.series.length).toBeGreaterThan(0);
  });

  it('logs clarify and unsupported questions with their outcome and no rows', async () => {
    const since = await lastLogId();
    const question = 'delete every sale';
    const response = await handler(post('/api/jenny/query', { space: 'sales', question }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { kind: string; rows: unknown[] };
    expect(body.kind).toBe('unsupported');
    expect(body.rows).toEqual([]);
    expect(await logRows(question, since)).toEqual([
      expect.objectContaining({ outcome: 'unsupported', row_count: null, sql: '' }),
    ]);
  });

  it('calls a log function instead, or logs nothing with log: false', async () => {
    const entries: JennyLogEntry[] = [];
    const logged = createJennyHandler({
      transport: postgresTransport({ pool }),
      spaces: demoSpaces,
      generateSql,
      log: (entry) => {
        entries.push(entry);
      },
    });
    const question = unique('one row');
    generated.set(question, 'select 1 as one');
    expect((await logged(post('/api/jenny/query', { space: 'sales', question }))).status).toBe(200);
    expect(entries).toEqual([
      {
        space: 'sales',
        question,
        sql: 'select 1 as one',
        rowCount: 1,
        durationMs: expect.any(Number),
        outcome: 'answered',
      },
    ]);
    expect(await logRows(question)).toEqual([]);

    const silent = createJennyHandler({
      transport: postgresTransport({ pool }),
      spaces: demoSpaces,
      generateSql,
      log: false,
    });
    const quiet = unique('one row');
    generated.set(quiet, 'select 1 as one');
    expect((await silent(post('/api/jenny/query', { space: 'sales', question: quiet }))).status).toBe(200);
    expect(await logRows(quiet)).toEqual([]);
  });

  it('refuses malformed requests with a typed error body, echoes nothing, and logs nothing', async () => {
    const secret = 'Bearer sk-live-SECRET-123456';
    const answeredBefore = (
      await pool.query(`select count(*)::int as n from public.jenny_queries where outcome = 'answered'`)
    ).rows[0].n;
    const cases: [string, Request, number, string][] = [
      ['invalid JSON', post('/api/jenny/query', '{"space": "sales", "question": '), 400, 'invalid-json'],
      ['an array body', post('/api/jenny/query', '[1, 2]'), 400, 'invalid-request'],
      ['no question', post('/api/jenny/query', { space: 'sales' }), 400, 'question-required'],
      ['an empty question', post('/api/jenny/query', { space: 'sales', question: '   ' }), 400, 'question-required'],
      [
        'a question that is not text',
        post('/api/jenny/query', { space: 'sales', question: 42 }),
        400,
        'invalid-request',
      ],
      ['no space', post('/api/jenny/query', { question: 'revenue' }), 400, 'space-required'],
      ['an unknown space', post('/api/jenny/query', { space: secret, question: 'revenue' }), 404, 'unknown-space'],
      [
        'a bad history',
        post('/api/jenny/query', { space: 'sales', question: 'revenue', history: 'x' }),
        400,
        'invalid-request',
      ],
      [
        'a question over 2,000 characters',
        post('/api/jenny/query', { space: 'sales', question: 'x'.repeat(2001) }),
        413,
        'question-too-long',
      ],
      [
        'a body over 64 KiB',
        post('/api/jenny/query', { space: 'sales', question: 'q', pad: 'x'.repeat(70_000) }),
        413,
        'body-too-large',
      ],
      ['GET on a POST route', new Request(`${ORIGIN}/api/jenny/query`), 405, 'method-not-allowed'],
      ['POST on a GET route', post('/api/freshness?source=sales_summary', {}), 405, 'method-not-allowed'],
      ['an unknown route', post('/api/jenny/nothing', { space: 'sales', question: 'q' }), 404, 'not-found'],
      [
        'a chat without messages',
        post('/api/jenny/chat?space=sales', { id: 'x', messages: [] }),
        400,
        'invalid-request',
      ],
      [
        'a chat without a user message',
        post('/api/jenny/chat?space=sales', { id: 'x', messages: [{ id: 'a', role: 'assistant', parts: [] }] }),
        400,
        'question-required',
      ],
      [
        'a chat message without parts',
        post('/api/jenny/chat?space=sales', { messages: [{ role: 'user' }] }),
        400,
        'invalid-request',
      ],
      [
        'feedback with a bad rating',
        post('/api/jenny/feedback', { space: 'sales', question: 'q', rating: 5 }),
        400,
        'invalid-request',
      ],
      ['freshness without a source', new Request(`${ORIGIN}/api/freshness`), 400, 'invalid-request'],
    ];
    for (const [name, request, status, code] of cases) {
      request.headers.set('authorization', secret);
      const response = await handler(request);
      expect(response.status, name).toBe(status);
      expect(response.headers.get('content-type'), name).toMatch(/^application\/json/);
      const text = await response.text();
      const body = JSON.parse(text) as { error: { code: string; message: string } };
      expect(Object.keys(body), name).toEqual(['error']);
      expect(body.error, name).toEqual({ code, message: expect.any(String) });
      expect(text, name).not.toContain('SECRET');
      expect(text, name).not.toMatch(/\n\s+at /);
      if (status === 405) expect(response.headers.get('allow'), name).toMatch(/^(POST|GET, HEAD)$/);
    }
    const answeredAfter = (
      await pool.query(`select count(*)::int as n from public.jenny_queries where outcome = 'answered'`)
    ).rows[0].n;
    expect(answeredAfter).toBe(answeredBefore);
  });

  it('saves feedback (204), reports freshness, and serves under basePath', async () => {
    const question = unique('feedback question');
    const feedback = await handler(
      post('/api/jenny/feedback', { space: 'sales', question, rating: 'down', comment: 'wrong brand' }),
    );
    expect(feedback.status).toBe(204);
    expect(
      (await pool.query('select rating, comment from public.jenny_feedback where question = $1', [question])).rows,
    ).toEqual([{ rating: 'down', comment: 'wrong brand' }]);

    const freshness = await handler(new Request(`${ORIGIN}/api/freshness?source=sales_summary`));
    expect(freshness.status).toBe(200);
    expect(await freshness.json()).toEqual({
      source: 'sales_summary',
      updated_at: expect.stringMatching(/^2026-01-01T/),
      status: 'success',
      rows_written: expect.any(Number),
    });
    const never = await handler(new Request(`${ORIGIN}/api/freshness?source=nothing_ran`));
    expect(await never.json()).toEqual({ source: 'nothing_ran', updated_at: null, status: null, rows_written: null });

    const based = createJennyHandler({
      transport: postgresTransport({ pool }),
      spaces: demoSpaces,
      basePath: '/analytics/',
    });
    expect((await based(new Request(`${ORIGIN}/analytics/api/freshness?source=sales_summary`))).status).toBe(200);
    expect((await based(new Request(`${ORIGIN}/api/freshness?source=sales_summary`))).status).toBe(404);
  });
});
