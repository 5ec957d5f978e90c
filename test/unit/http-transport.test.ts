import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CompiledQuery,
  createDataClient,
  type DataClient,
  type DataClientError,
  HttpError,
  ResponseShapeError,
  type Transport,
} from '../../src/core/client';
import { httpTransport, parseRetryAfter } from '../../src/core/client/transports/http';
import { delayed, type FaultServer, hang, json, ndjson, startFaultServer, stream } from '../fixtures/fault-server';

const SECRET = 'sk-live-7f3a9c1e5b2d4680aa11';
const ANON = 'anon-key-zz9-plural-z-alpha';

let server: FaultServer;
const errors: unknown[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const clients: DataClient[] = [];

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startFaultServer();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.dispose();
  await new Promise((resolve) => setTimeout(resolve, 20));
  server.reset();
  expect(unhandled.splice(0)).toEqual([]);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.stop();
  // Every error any test saw: no secret header value in any message.
  expect(errors.length).toBeGreaterThan(10);
  for (const error of errors) {
    const text = `${String(error)} ${(error as Error).message} ${String((error as Error).cause ?? '')}`;
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(ANON);
  }
});

function transport(options: Partial<Parameters<typeof httpTransport>[0]> = {}): Transport {
  return httpTransport({ baseUrl: `${server.url}/`, headers: { Authorization: `Bearer ${SECRET}` }, ...options });
}

/** The error a promise rejects with (recorded for the secrets check); fails when it resolves. */
async function failure(promise: Promise<unknown>): Promise<DataClientError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  errors.push(outcome.error);
  return outcome.error as DataClientError;
}

const ctx = (signal = new AbortController().signal) => ({ signal });
const compiled = (sql = 'select $1::int as n', params: unknown[] = [1]): CompiledQuery => ({
  sql,
  params,
  role: 'jenny_readonly',
  request: { kind: 'sql', sql, params },
});
const answerBody = {
  title: 'Revenue by region',
  summary: 'North leads.',
  echarts_option: { series: [] },
  rows: [{ region: 'North', revenue: 10 }],
  generated_sql: 'select 1',
  reasoning: 'Because.',
};

describe('httpTransport: query', () => {
  it('posts compiled SQL with params and role, sends the headers, and maps the answer', async () => {
    server.on(
      'POST /api/query',
      json(200, {
        rows: [{ n: 1 }],
        meta: [{ name: 'n', type: 'number' }],
        sql: 'select $1',
        row_count: 1,
        truncated: false,
        duration_ms: 4,
      }),
    );
    const result = await transport().query(compiled(), ctx());
    expect(result).toEqual({
      rows: [{ n: 1 }],
      meta: [{ name: 'n', type: 'number' }],
      sql: 'select $1',
      rowCount: 1,
      truncated: false,
      durationMs: 4,
    });
    const [seen] = server.requestsTo('POST /api/query');
    expect(seen?.body).toEqual({ sql: 'select $1::int as n', params: [1], role: 'jenny_readonly' });
    expect(seen?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(seen?.headers['content-type']).toBe('application/json');
    // The secret travels in a header only.
    expect(server.requests.every((r) => !r.path.includes(SECRET) && !r.query.toString().includes(SECRET))).toBe(true);
  });

  it('posts a semantic request as it is, for the server to compile, and fills defaults', async () => {
    server.on('POST /api/query', json(200, { rows: [{ a: 1 }, { a: 2 }] }));
    const result = await transport().query(
      { kind: 'semantic', space: 'sales', query: { metrics: ['revenue'] } },
      ctx(),
    );
    expect(server.requests[0]?.body).toEqual({ space: 'sales', query: { metrics: ['revenue'] } });
    expect(result).toMatchObject({ rowCount: 2, truncated: false, meta: [] });
  });

  it('calls an async headers function before every request', async () => {
    server.on('POST /api/query', json(200, { rows: [] }));
    let n = 0;
    const t = transport({ headers: async () => ({ Authorization: `Bearer token-${++n}` }) });
    await t.query(compiled(), ctx());
    await t.query(compiled(), ctx());
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('rejects a 500 with an HttpError, redacting header values the server echoed', async () => {
    server.on('POST /api/query', (request, response) =>
      json(500, { error: `database exploded; you sent ${request.headers.authorization}` })(request, response, {
        signal: new AbortController().signal,
        index: 0,
      }),
    );
    const error = await failure(transport().query(compiled(), ctx()));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 500, code: 'http', transport: 'http' });
    expect(error.message).toContain('POST /api/query answered 500');
    expect(error.message).toContain('database exploded');
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(SECRET);
  });

  it('reads Retry-After in seconds and as an HTTP date', async () => {
    server.once('POST /api/query', json(429, { error: 'slow down' }, { 'retry-after': '2' }));
    server.once(
      'POST /api/query',
      json(503, 'Service Unavailable', { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }),
    );
    const first = (await failure(transport().query(compiled(), ctx()))) as HttpError;
    expect(first).toMatchObject({ status: 429, retryAfterMs: 2000 });
    const second = (await failure(transport().query(compiled(), ctx()))) as HttpError;
    expect(second.status).toBe(503);
    expect(second.retryAfterMs).toBeGreaterThan(55_000);
    expect(second.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('times out with a timeout error and closes the connection', async () => {
    server.on('POST /api/query', hang());
    const error = await failure(transport({ timeoutMs: 100 }).query(compiled(), ctx()));
    expect(error).toMatchObject({ name: 'DataClientError', code: 'timeout' });
    expect(error.message).toContain('100 ms');
    await vi.waitFor(() => expect(server.requests[0]?.closedEarly).toBe(true));
  });

  it('times out when the body stops arriving', async () => {
    server.on('POST /api/query', stream('application/json', ['{"rows":', '[]}'], 500));
    const error = await failure(transport({ timeoutMs: 100 }).query(compiled(), ctx()));
    expect(error.code).toBe('timeout');
  });

  it.each([
    ['malformed JSON', '{"rows": [', '$'],
    ['a body that is not an object', '[1, 2]', '$'],
    ['rows renamed', JSON.stringify({ data: [] }), 'rows'],
    ['a row that is not an object', JSON.stringify({ rows: [{}, {}, 'x'] }), 'rows[2]'],
    ['column metadata without a name', JSON.stringify({ rows: [], meta: [{ label: 'n' }] }), 'meta[0].name'],
    ['an unknown column type', JSON.stringify({ rows: [], meta: [{ name: 'n', type: 'int' }] }), 'meta[0].type'],
    ['row_count as a string', JSON.stringify({ rows: [], row_count: '3' }), 'row_count'],
    ['truncated as a string', JSON.stringify({ rows: [], truncated: 'no' }), 'truncated'],
  ])('rejects %s with a ResponseShapeError naming the path', async (_name, body, path) => {
    server.on('POST /api/query', json(200, body));
    const error = await failure(transport().query(compiled(), ctx()));
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ code: 'response-shape', path });
  });

  it('rejects an abort mid-flight at once, and the server sees the connection close', async () => {
    server.on('POST /api/query', hang());
    const controller = new AbortController();
    const pending = transport().query(compiled(), ctx(controller.signal));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error = await failure(pending);
    expect(error).toMatchObject({ code: 'aborted' });
    await vi.waitFor(() => expect(server.requests[0]?.closedEarly).toBe(true));
  });

  it('reports offline as a network error, and works again once the server is back on the same port', async () => {
    server.on('POST /api/query', json(200, { rows: [{ up: true }] }));
    const t = transport();
    await server.stop();
    try {
      const error = await failure(t.query(compiled(), ctx()));
      expect(error).toMatchObject({ name: 'DataClientError', code: 'network' });
      expect(error.message).not.toContain('127.0.0.1');
    } finally {
      await server.start();
    }
    await expect(t.query(compiled(), ctx())).resolves.toMatchObject({ rows: [{ up: true }] });
  });
});

describe('httpTransport: ask', () => {
  it('posts the question and maps the JSON answer to camelCase', async () => {
    server.on('POST /api/jenny/query', json(200, answerBody));
    const onText = vi.fn();
    const answer = await transport().ask?.(
      { space: 'sales', question: 'Revenue by region?', domain: 'revenue', history: [{ role: 'user', content: 'hi' }] },
      { ...ctx(), onText },
    );
    expect(server.requests[0]?.body).toEqual({
      space: 'sales',
      question: 'Revenue by region?',
      domain: 'revenue',
      history: [{ role: 'user', content: 'hi' }],
    });
    expect(answer).toEqual({
      title: 'Revenue by region',
      summary: 'North leads.',
      echartsOption: { series: [] },
      rows: [{ region: 'North', revenue: 10 }],
      meta: undefined,
      generatedSql: 'select 1',
      reasoning: 'Because.',
    });
    expect(onText).toHaveBeenCalledWith('North leads.');
  });

  it.each([
    ['title missing', { ...answerBody, title: undefined }, 'title'],
    ['title renamed', { ...answerBody, title: undefined, headline: 'x' }, 'title'],
    ['rows not an array', { ...answerBody, rows: {} }, 'rows'],
    ['echarts_option not an object', { ...answerBody, echarts_option: 'bar' }, 'echarts_option'],
    ['generated_sql a number', { ...answerBody, generated_sql: 3 }, 'generated_sql'],
  ])('rejects a drifted answer (%s) with the path', async (_name, body, path) => {
    server.on('POST /api/jenny/query', json(200, body));
    const error = await failure(transport().ask?.({ space: 's', question: 'q' }, ctx()) as Promise<unknown>);
    expect(error).toMatchObject({ name: 'ResponseShapeError', path });
  });

  it('streams NDJSON: text deltas to onText in order, then the answer', async () => {
    server.on(
      'POST /api/jenny/query',
      ndjson([
        { type: 'text', delta: 'North ' },
        { type: 'text', delta: 'leads ' },
        { type: 'progress', step: 'sql' },
        { type: 'text', delta: 'the table.' },
        { type: 'answer', answer: { ...answerBody, summary: undefined } },
      ]),
    );
    const deltas: string[] = [];
    const answer = await transport().ask?.(
      { space: 'sales', question: 'q' },
      { ...ctx(), onText: (delta) => deltas.push(delta) },
    );
    expect(deltas).toEqual(['North ', 'leads ', 'the table.']);
    expect(answer?.summary).toBe('North leads the table.');
    expect(answer?.title).toBe('Revenue by region');
    expect(server.requests[0]?.headers.accept).toContain('application/x-ndjson');
  });

  it('streams across chunk boundaries that split lines and characters', async () => {
    const text = `${JSON.stringify({ type: 'text', delta: 'Ré' })}\n${JSON.stringify({ type: 'answer', answer: answerBody })}\n`;
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf(Buffer.from('é')) + 1;
    server.on('POST /api/jenny/query', async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.write(bytes.subarray(0, cut));
      await new Promise((resolve) => setTimeout(resolve, 20));
      response.end(bytes.subarray(cut));
    });
    const deltas: string[] = [];
    await transport().ask?.({ space: 's', question: 'q' }, { ...ctx(), onText: (d) => deltas.push(d) });
    expect(deltas).toEqual(['Ré']);
  });

  it('reads Server-Sent Events the same way', async () => {
    server.on(
      'POST /api/jenny/query',
      stream('text/event-stream', [
        ': a comment\n\n',
        `event: message\ndata: ${JSON.stringify({ type: 'text', delta: 'Hi' })}\n\n`,
        `data: ${JSON.stringify({ type: 'answer', answer: answerBody })}\n\n`,
        'data: [DONE]\n\n',
      ]),
    );
    const deltas: string[] = [];
    const answer = await transport().ask?.({ space: 's', question: 'q' }, { ...ctx(), onText: (d) => deltas.push(d) });
    expect(deltas).toEqual(['Hi']);
    expect(answer?.summary).toBe('North leads.');
  });

  it('keeps a stream alive while chunks arrive within the timeout', async () => {
    server.on(
      'POST /api/jenny/query',
      ndjson(
        [
          { type: 'text', delta: 'a' },
          { type: 'text', delta: 'b' },
          { type: 'text', delta: 'c' },
          { type: 'answer', answer: answerBody },
        ],
        // Gaps well inside the timeout, even on a busy machine; together longer than it.
        350,
      ),
    );
    const answer = await transport({ timeoutMs: 1000 }).ask?.({ space: 's', question: 'q' }, ctx());
    expect(answer?.title).toBe('Revenue by region');
  });

  it.each([
    ['a stream that ends without an answer', [{ type: 'text', delta: 'x' }], 'answer'],
    ['a malformed line', ['{"type":"text","delta":"x"}', '{oops'], 'stream[1]'],
    ['a delta that is not text', [{ type: 'text', delta: 5 }], 'stream[0].delta'],
    ['a drifted answer', [{ type: 'answer', answer: { summary: 's', rows: [] } }], 'stream[0].answer.title'],
  ])('rejects %s with a ResponseShapeError', async (_name, events, path) => {
    const lines = events.map((e) => `${typeof e === 'string' ? e : JSON.stringify(e)}\n`);
    server.on('POST /api/jenny/query', stream('application/x-ndjson', lines, 1));
    const error = await failure(transport().ask?.({ space: 's', question: 'q' }, ctx()) as Promise<unknown>);
    expect(error).toMatchObject({ name: 'ResponseShapeError', path });
  });

  it('rejects an error event with an HttpError, redacted', async () => {
    server.on(
      'POST /api/jenny/query',
      ndjson([{ type: 'error', error: `model overloaded for Bearer ${SECRET}`, status: 503 }]),
    );
    const error = await failure(transport().ask?.({ space: 's', question: 'q' }, ctx()) as Promise<unknown>);
    expect(error).toMatchObject({ name: 'HttpError', status: 503 });
    expect(error.message).toContain('model overloaded');
  });

  it('aborts a stream mid-way', async () => {
    server.on(
      'POST /api/jenny/query',
      ndjson(
        Array.from({ length: 50 }, () => ({ type: 'text', delta: '.' })),
        50,
      ),
    );
    const controller = new AbortController();
    const deltas: string[] = [];
    const pending = transport().ask?.(
      { space: 's', question: 'q' },
      {
        signal: controller.signal,
        onText: (d) => {
          deltas.push(d);
          if (deltas.length === 2) controller.abort();
        },
      },
    );
    const error = await failure(pending as Promise<unknown>);
    expect(error.code).toBe('aborted');
    await vi.waitFor(() => expect(server.requests[0]?.closedEarly).toBe(true));
    expect(deltas.length).toBeLessThan(5);
  });
});

describe('httpTransport: feedback and freshness', () => {
  it('posts feedback', async () => {
    server.on('POST /api/jenny/feedback', (_request, response) => {
      response.writeHead(204);
      response.end();
    });
    await transport().feedback?.({ space: 'sales', question: 'q', rating: 'down', comment: 'wrong' }, ctx());
    expect(server.requests[0]?.body).toEqual({ space: 'sales', question: 'q', rating: 'down', comment: 'wrong' });
  });

  it('reads freshness, with the source in the query string', async () => {
    server.on(
      'GET /api/freshness',
      json(200, { source: 'sales summary', updated_at: '2026-01-02T03:04:05Z', status: 'success', rows_written: 9 }),
    );
    const freshness = await transport().freshness?.('sales summary', ctx());
    expect(server.requests[0]?.query.get('source')).toBe('sales summary');
    expect(freshness).toEqual({
      source: 'sales summary',
      updatedAt: '2026-01-02T03:04:05Z',
      status: 'success',
      rowsWritten: 9,
    });
  });

  it('rejects drifted freshness', async () => {
    server.on('GET /api/freshness', json(200, { source: 's', updated_at: 1234 }));
    const error = await failure(transport().freshness?.('s', ctx()) as Promise<unknown>);
    expect(error).toMatchObject({ name: 'ResponseShapeError', path: 'updated_at' });
  });
});

describe('a data client over HTTP', () => {
  const make = (options: Partial<Parameters<typeof createDataClient>[0]> = {}) => {
    const client = createDataClient({ transport: transport(), ...options });
    clients.push(client);
    return client;
  };
  const request = { kind: 'sql', sql: 'select 1' } as const;

  it('sends one request for many concurrent identical queries', async () => {
    server.on('POST /api/query', delayed(30, json(200, { rows: [{ n: 1 }] })));
    const client = make();
    const results = await Promise.all(Array.from({ length: 20 }, () => client.query(request)));
    expect(results.every((r) => r.rows[0]?.n === 1)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a 429 after Retry-After and a 500, then answers', async () => {
    server.once('POST /api/query', json(429, { error: 'slow down' }, { 'retry-after': '0.05' }));
    server.once('POST /api/query', json(500, { error: 'boom' }));
    server.on('POST /api/query', json(200, { rows: [{ n: 2 }] }));
    const client = make({ retry: { baseDelayMs: 10 } });
    await expect(client.query(request)).resolves.toMatchObject({ rows: [{ n: 2 }] });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 400 or a schema drift', async () => {
    server.once('POST /api/query', json(400, { error: 'syntax error at or near "selec"' }));
    server.once('POST /api/query', json(200, { data: [] }));
    const client = make({ retry: { baseDelayMs: 1 } });
    const first = await failure(client.query(request));
    expect(first).toMatchObject({ status: 400 });
    expect(first.message).toContain('syntax error');
    const second = await failure(client.query({ kind: 'sql', sql: 'select 2' }));
    expect(second).toMatchObject({ path: 'rows' });
    expect(server.requests).toHaveLength(2);
  });

  it('rides out a server going offline and coming back during the backoff', async () => {
    server.on('POST /api/query', json(200, { rows: [{ back: true }] }));
    const client = make({ retry: { attempts: 5, baseDelayMs: 100 } });
    await server.stop();
    const pending = client.query(request);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await server.start();
    await expect(pending).resolves.toMatchObject({ rows: [{ back: true }] });
  });

  it('never shows an older, slower answer over a newer one', async () => {
    server.once('POST /api/query', json(200, { rows: [{ v: 'first' }] }));
    server.once('POST /api/query', delayed(200, json(200, { rows: [{ v: 'old' }] })));
    server.once('POST /api/query', delayed(10, json(200, { rows: [{ v: 'new' }] })));
    const client = make();
    const seen: unknown[] = [];
    const stop = client.watch(request, (s) => seen.push(s.data?.rows[0]?.v));
    await vi.waitFor(() => expect(client.getSnapshot(request).data?.rows).toEqual([{ v: 'first' }]));
    const store = client.observe(request);
    const slow = store.refetch();
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    const fast = store.refetch();
    await Promise.all([slow, fast]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(client.getSnapshot(request).data?.rows).toEqual([{ v: 'new' }]);
    expect(seen).not.toContain('old');
    // The replaced request was cut off, not left to finish.
    expect(server.requests[1]?.closedEarly).toBe(true);
    stop();
  });

  it('aborts the HTTP request when its only caller aborts', async () => {
    server.on('POST /api/query', hang());
    const client = make();
    const controller = new AbortController();
    const pending = client.query(request, { signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 'aborted' });
    await vi.waitFor(() => expect(server.requests[0]?.closedEarly).toBe(true));
  });

  it('keeps secrets out of every error, including token functions', async () => {
    server.on('POST /api/query', (request, response, c) =>
      json(401, { message: `bad apikey ${String(request.headers.apikey)}` })(request, response, c),
    );
    const client = make({
      transport: httpTransport({ baseUrl: server.url, headers: async () => ({ apikey: ANON }) }),
    });
    const error = await failure(client.query(request));
    expect(error).toMatchObject({ status: 401 });
    expect(error.message).toContain('[redacted]');
  });
});

describe('httpTransport: ask with a reading', () => {
  /** A reading edited in the Explain dialog (the type of `AskRequest['reading']`). */
  type Reading = NonNullable<Parameters<NonNullable<Transport['ask']>>[0]['reading']>;
  const reading: Reading = {
    kind: 'query',
    space: 'sales',
    query: {
      metrics: ['revenue'],
      dimensions: ['brand'],
      dateRange: { from: '2025-12-02', to: '2025-12-31' },
      sort: [{ by: 'revenue', direction: 'desc' }],
      limit: 3,
    },
    explanation: [],
    confidence: 1,
  };

  /** A fetch that answers every request with the JSON answer, keeping what it was sent. */
  function stubFetch() {
    return vi.fn<typeof fetch>(
      async () => new Response(JSON.stringify(answerBody), { headers: { 'content-type': 'application/json' } }),
    );
  }

  const sentBody = (stub: ReturnType<typeof stubFetch>, call = 0) =>
    JSON.parse(String(stub.mock.calls[call]?.[1]?.body)) as Record<string, unknown>;

  it('sends the reading in the body, as it was given', async () => {
    const stub = stubFetch();
    const answer = await httpTransport({ baseUrl: 'http://jenny.test/', fetch: stub }).ask?.(
      { space: 'sales', question: 'Top 5 brands by revenue', reading },
      ctx(),
    );
    expect(stub).toHaveBeenCalledOnce();
    const [url, init] = stub.mock.calls[0] ?? [];
    expect(url).toBe('http://jenny.test/api/jenny/query');
    expect(init?.method).toBe('POST');
    expect(sentBody(stub)).toEqual({
      space: 'sales',
      question: 'Top 5 brands by revenue',
      domain: null,
      history: [],
      reading,
    });
    expect(answer?.title).toBe('Revenue by region');
  });

  it('sends no reading key when the request has none', async () => {
    const stub = stubFetch();
    const http = httpTransport({ baseUrl: 'http://jenny.test', fetch: stub });
    await http.ask?.({ space: 'sales', question: 'Revenue by region' }, ctx());
    await http.ask?.({ space: 'sales', question: 'Revenue by region', reading: undefined }, ctx());
    expect(sentBody(stub, 0)).not.toHaveProperty('reading');
    expect(sentBody(stub, 1)).not.toHaveProperty('reading');
  });

  it('sends the reading through a data client too', async () => {
    const stub = stubFetch();
    const client = createDataClient({ transport: httpTransport({ baseUrl: 'http://jenny.test', fetch: stub }) });
    clients.push(client);
    await client.ask({ space: 'sales', question: 'q', reading });
    expect(sentBody(stub).reading).toEqual(reading);
  });
});
