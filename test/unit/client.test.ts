import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CompiledQuery,
  createDataClient,
  type DataClient,
  DataClientError,
  memoryTransport,
  type QueryRequest,
  type QuerySnapshot,
  requestKey,
  SemanticError,
  stableStringify,
  type Transport,
} from '../../src/core/client';
import { salesSpace } from '../../src/core/semantic';
import { controlledTransport, result } from '../fixtures/transports';

const sql = (text = 'select 1', params: unknown[] = []): QueryRequest => ({ kind: 'sql', sql: text, params });
/** Lets promise callbacks and query-core's zero-delay notifications run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const clients: DataClient[] = [];
const make = (options: Parameters<typeof createDataClient>[0]) => {
  const client = createDataClient(options);
  clients.push(client);
  return client;
};

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  vi.useRealTimers();
  await flush();
  for (const client of clients.splice(0)) client.dispose();
  await flush();
  expect(unhandled.splice(0)).toEqual([]);
});

describe('request keys', () => {
  it('are stable JSON with sorted keys at every depth', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"e":2,"f":1}]},"b":1}',
    );
    expect(stableStringify([undefined, Number.NaN, 10n, new Date(0), { $bigint: '10' }])).toBe(
      '[{"$undefined":true},{"$number":"NaN"},{"$bigint":"10"},{"$date":"1970-01-01T00:00:00.000Z"},{"$$bigint":"10"}]',
    );
  });

  it('ignore key order and treat missing params as none, but tell different requests apart', () => {
    const a: QueryRequest = { kind: 'semantic', space: 's', query: { metrics: ['m'], dimensions: ['d'], limit: 5 } };
    const b = { query: { limit: 5, dimensions: ['d'], metrics: ['m'] }, space: 's', kind: 'semantic' } as const;
    expect(requestKey(a)).toBe(requestKey(b));
    expect(requestKey({ kind: 'sql', sql: 'x' })).toBe(requestKey({ kind: 'sql', sql: 'x', params: [] }));
    expect(requestKey(sql('x', [1]))).not.toBe(requestKey(sql('x', [2])));
    expect(requestKey(sql('x', [1]))).not.toBe(requestKey(sql('x', ['1'])));
  });

  it('refuse a cycle', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stableStringify(cyclic)).toThrow(TypeError);
  });
});

describe('createDataClient: cache', () => {
  it('de-duplicates 100 identical concurrent queries into one transport call', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const pending = Array.from({ length: 100 }, (_, i) =>
      // Same content, keys written in a different order every other time.
      client.query(i % 2 ? { kind: 'sql', sql: 'select 1', params: [] } : { params: [], sql: 'select 1', kind: 'sql' }),
    );
    await flush();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(result(7));
    const results = await Promise.all(pending);
    expect(new Set(results).size).toBe(1);
    expect(results[0]?.rows).toEqual([{ value: 7 }]);
  });

  it('calls the transport once per distinct request', async () => {
    const transport = memoryTransport({ resolve: (q) => ('sql' in q ? [{ sql: q.sql, p: q.params[0] }] : undefined) });
    const client = make({ transport });
    const [a, b, c] = await Promise.all([
      client.query(sql('a', [1])),
      client.query(sql('a', [2])),
      client.query(sql('b', [1])),
    ]);
    expect(transport.calls).toHaveLength(3);
    expect([a?.rows[0], b?.rows[0], c?.rows[0]]).toEqual([
      { sql: 'a', p: 1 },
      { sql: 'a', p: 2 },
      { sql: 'b', p: 1 },
    ]);
  });

  it('answers a fresh result from the cache and a stale one at once while it refetches (stale-while-revalidate)', async () => {
    vi.useFakeTimers();
    const { transport, calls } = controlledTransport();
    const client = make({ transport, staleTime: 1000 });

    const first = client.query(sql());
    calls[0]?.resolve(result(1));
    expect((await first).rows).toEqual([{ value: 1 }]);

    await vi.advanceTimersByTimeAsync(500);
    expect((await client.query(sql())).rows).toEqual([{ value: 1 }]);
    expect(calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(600);
    // Stale: the old result now, and a refetch behind it.
    expect((await client.query(sql())).rows).toEqual([{ value: 1 }]);
    expect(calls).toHaveLength(2);
    expect(client.getSnapshot(sql())).toMatchObject({ status: 'ready', isFetching: true });

    calls[1]?.resolve(result(2));
    await vi.advanceTimersByTimeAsync(0);
    expect((await client.query(sql())).rows).toEqual([{ value: 2 }]);
    expect(calls).toHaveLength(2);
  });

  it('does not cache a failure: the next query calls the transport again', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport, retry: false });
    const first = client.query(sql());
    calls[0]?.reject(new DataClientError('query', 'relation does not exist'));
    await expect(first).rejects.toMatchObject({ code: 'query' });
    const second = client.query(sql());
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(result(3));
    expect((await second).rows).toEqual([{ value: 3 }]);
  });
});

describe('createDataClient: abort', () => {
  it('rejects an aborted caller at once, and aborts the transport only when every caller has aborted', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const a = new AbortController();
    const b = new AbortController();
    const first = client.query(sql(), { signal: a.signal });
    const second = client.query(sql(), { signal: b.signal });
    await flush();
    expect(calls).toHaveLength(1);
    const transportSignal = calls[0]?.signal;

    a.abort();
    await expect(first).rejects.toSatisfy((e) => e instanceof DataClientError && e.code === 'aborted');
    expect(transportSignal?.aborted).toBe(false);

    b.abort();
    await expect(second).rejects.toMatchObject({ code: 'aborted' });
    expect(transportSignal?.aborted).toBe(true);
    // The transport honours its signal late: nothing unhandled, nothing cached.
    calls[0]?.reject(transportSignal?.reason);
    await flush();
    expect(client.getSnapshot(sql()).data).toBeUndefined();
  });

  it('keeps the shared fetch for the callers that did not abort', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const a = new AbortController();
    const aborted = client.query(sql(), { signal: a.signal });
    const kept = client.query(sql());
    a.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'aborted' });
    calls[0]?.resolve(result(5));
    expect((await kept).rows).toEqual([{ value: 5 }]);
    expect(calls[0]?.signal.aborted).toBe(false);
  });

  it('rejects an already-aborted signal without calling the transport', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    await expect(client.query(sql(), { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
    expect(calls).toHaveLength(0);
  });

  it('starts a new fetch for a caller after an earlier caller aborted the first one', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const a = new AbortController();
    const first = client.query(sql(), { signal: a.signal });
    a.abort();
    await expect(first).rejects.toMatchObject({ code: 'aborted' });
    const second = client.query(sql());
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(result(9));
    expect((await second).rows).toEqual([{ value: 9 }]);
  });

  it('does not abort a fetch a watcher still needs', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const stop = client.watch(sql(), () => {});
    const a = new AbortController();
    const call = client.query(sql(), { signal: a.signal });
    await flush();
    expect(calls).toHaveLength(1);
    a.abort();
    await expect(call).rejects.toMatchObject({ code: 'aborted' });
    expect(calls[0]?.signal.aborted).toBe(false);
    // The watcher leaving is what aborts it.
    stop();
    expect(calls[0]?.signal.aborted).toBe(true);
  });
});

describe('createDataClient: out-of-order answers', () => {
  it('never lets an older, slower answer overwrite a newer one (invalidate while fetching)', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const first = client.query(sql());
    calls[0]?.resolve(result(1));
    await first;

    await client.invalidate(sql());
    // Stale now: answered from the cache, refetched in the background (call 1, which will be slow).
    expect((await client.query(sql())).rows).toEqual([{ value: 1 }]);
    await flush();
    expect(calls).toHaveLength(2);

    // The data changed again: the in-flight refetch is replaced by a new one (call 2).
    const invalidated = client.invalidate(sql());
    await flush();
    expect(calls).toHaveLength(3);
    expect(calls[1]?.signal.aborted).toBe(true);
    calls[2]?.resolve(result(3));
    await invalidated;
    // The slow, older answer arrives last (a transport that ignores its signal).
    calls[1]?.resolve(result(2));
    await flush();

    expect(client.getSnapshot(sql()).data?.rows).toEqual([{ value: 3 }]);
    expect((await client.query(sql())).rows).toEqual([{ value: 3 }]);
  });

  it('never lets an older, slower answer overwrite a newer one (refetch while watching)', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const store = client.observe(sql());
    const seen: QuerySnapshot[] = [];
    const stop = store.subscribe(() => seen.push(store.getSnapshot()));
    await flush();
    calls[0]?.resolve(result(1));
    await flush();
    expect(store.getSnapshot().data?.rows).toEqual([{ value: 1 }]);

    const slow = store.refetch();
    const fast = store.refetch();
    await flush();
    expect(calls).toHaveLength(3);
    calls[2]?.resolve(result(3));
    await fast;
    calls[1]?.resolve(result(2));
    await slow;
    await flush();
    expect(store.getSnapshot().data?.rows).toEqual([{ value: 3 }]);
    expect(seen.map((s) => s.data?.rows[0]?.value)).not.toContain(2);
    stop();
  });
});

describe('createDataClient: invalidate and refetch during the first fetch', () => {
  it('replaces a first fetch on invalidate: the older answer never becomes the cached one', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const first = client.query(sql());
    await flush();
    expect(calls).toHaveLength(1);

    // The data changes while the first fetch runs.
    const invalidated = client.invalidate(sql());
    await flush();
    expect(calls).toHaveLength(2);
    expect(calls[0]?.signal.aborted).toBe(true);
    // The older answer arrives (a transport that ignores its signal), then the new one.
    calls[0]?.resolve(result(1));
    await flush();
    calls[1]?.resolve(result(2));
    await invalidated;

    // The caller that was waiting gets the new answer, and so does the next caller, from the cache.
    expect((await first).rows).toEqual([{ value: 2 }]);
    expect((await client.query(sql())).rows).toEqual([{ value: 2 }]);
    expect(client.getSnapshot(sql()).data?.rows).toEqual([{ value: 2 }]);
    expect(calls).toHaveLength(2);
  });

  it('replaces a first fetch on invalidate() of every request, watched or not', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const stop = client.watch(sql('watched'), () => {});
    const waiting = client.query(sql('waited'));
    await flush();
    expect(calls).toHaveLength(2);
    const invalidated = client.invalidate();
    await flush();
    expect(calls).toHaveLength(4);
    expect([calls[0]?.signal.aborted, calls[1]?.signal.aborted]).toEqual([true, true]);
    for (const call of calls.slice(0, 2)) call.resolve(result('old'));
    for (const call of calls.slice(2)) call.resolve(result('new'));
    await invalidated;
    expect((await waiting).rows).toEqual([{ value: 'new' }]);
    expect(client.getSnapshot(sql('watched')).data?.rows).toEqual([{ value: 'new' }]);
    stop();
  });

  it("replaces a first fetch on a store's refetch", async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const store = client.observe(sql());
    const seen: QuerySnapshot[] = [];
    const stop = store.subscribe(() => seen.push(store.getSnapshot()));
    await flush();
    expect(calls).toHaveLength(1);
    const refetched = store.refetch();
    await flush();
    expect(calls).toHaveLength(2);
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.resolve(result(1));
    await flush();
    calls[1]?.resolve(result(2));
    expect((await refetched).data?.rows).toEqual([{ value: 2 }]);
    await flush();
    expect(store.getSnapshot().data?.rows).toEqual([{ value: 2 }]);
    expect(seen.map((s) => s.data?.rows[0]?.value)).not.toContain(1);
    stop();
  });
});

describe('createDataClient: callers and watchers share a fetch', () => {
  it('never cancels a fetch a query() caller waits on when watchers come and go', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const waiting = client.query(sql());
    const store = client.observe(sql());
    for (let round = 0; round < 4; round++) {
      const stop = store.subscribe(() => {});
      await flush();
      stop();
      await flush();
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal.aborted).toBe(false);
    calls[0]?.resolve(result(1));
    expect((await waiting).rows).toEqual([{ value: 1 }]);
  });

  it('aborts the transport call once every caller and every watcher is gone', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const a = new AbortController();
    const waiting = client.query(sql(), { signal: a.signal });
    const stop = client.watch(sql(), () => {});
    await flush();
    expect(calls).toHaveLength(1);
    a.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    expect(calls[0]?.signal.aborted).toBe(false);
    stop();
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it('makes one transport call when a store is subscribed, unsubscribed and subscribed again at once (StrictMode)', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const store = client.observe(sql());
    const listener = vi.fn();
    store.subscribe(listener)();
    const stop = store.subscribe(listener);
    await flush();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal.aborted).toBe(false);
    calls[0]?.resolve(result(1));
    await flush();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', data: { rows: [{ value: 1 }] } });
    expect(listener).toHaveBeenCalled();
    stop();
    expect(calls).toHaveLength(1);
  });

  it('starts no fetch for a subscription dropped at once', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    client.observe(sql()).subscribe(() => {})();
    await flush();
    expect(calls).toHaveLength(0);
  });
});

describe('createDataClient: query({ fresh })', () => {
  it('answers an invalidated result at once by default, and waits for the refetch with fresh: true', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const first = client.query(sql());
    calls[0]?.resolve(result(1));
    await first;
    await client.invalidate(sql());

    // Default: the cached (invalidated) result at once, refreshed in the background.
    expect((await client.query(sql())).rows).toEqual([{ value: 1 }]);
    await flush();
    expect(calls).toHaveLength(2);
    // fresh: true shares that refetch and waits for it.
    let settled = false;
    const fresh = client.query(sql(), { fresh: true }).finally(() => {
      settled = true;
    });
    await flush();
    expect(settled).toBe(false);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(result(2));
    expect((await fresh).rows).toEqual([{ value: 2 }]);
  });

  it('waits for a fetch when the result is older than staleTime, and answers a fresh one at once', async () => {
    vi.useFakeTimers();
    const { transport, calls } = controlledTransport();
    const client = make({ transport, staleTime: 1000 });
    const first = client.query(sql());
    calls[0]?.resolve(result(1));
    await first;

    expect((await client.query(sql(), { fresh: true })).rows).toEqual([{ value: 1 }]);
    expect(calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1500);
    const fresh = client.query(sql(), { fresh: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(result(2));
    expect((await fresh).rows).toEqual([{ value: 2 }]);
  });

  it('aborts a fresh caller with its signal, keeping the cached result', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const first = client.query(sql());
    calls[0]?.resolve(result(1));
    await first;
    await client.invalidate(sql());
    const controller = new AbortController();
    const fresh = client.query(sql(), { fresh: true, signal: controller.signal });
    await flush();
    expect(calls).toHaveLength(2);
    controller.abort();
    await expect(fresh).rejects.toMatchObject({ code: 'aborted' });
    expect(calls[1]?.signal.aborted).toBe(true);
    expect(client.getSnapshot(sql()).data?.rows).toEqual([{ value: 1 }]);
  });
});

describe('createDataClient: semantic requests', () => {
  it('compiles a known space and hands the transport parameterised SQL run as the space role', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport, spaces: [salesSpace] });
    const request: QueryRequest = {
      kind: 'semantic',
      space: 'sales',
      query: {
        metrics: ['revenue'],
        dimensions: ['region'],
        filters: [{ dimension: 'channel', op: 'eq', value: 'x' }],
      },
    };
    const pending = client.query(request);
    await flush();
    const input = calls[0]?.input as CompiledQuery;
    expect(input.role).toBe(salesSpace.role);
    expect(input.request).toEqual(request);
    expect(input.sql).toContain('$1');
    expect(input.sql).not.toContain("'x'");
    expect(input.params).toContain('x');
    calls[0]?.resolve({ rows: [{ region: 'North', revenue: 1 }], meta: [], rowCount: 1, truncated: false });
    const answer = await pending;
    // The transport gave no metadata: the compiled metadata is used.
    expect(answer.meta.map((m) => [m.name, m.role])).toEqual([
      ['region', 'dimension'],
      ['revenue', 'measure'],
    ]);
  });

  it("lets the semantic layer's metadata win for the columns it knows, and keeps the transport's for the rest", async () => {
    // What a database transport reads (PGlite's field types): names and types, no labels or formats.
    const transport = memoryTransport({
      resolve: () => ({
        rows: [{ revenue: 1200000, region: 'NCR', note: 'x' }],
        meta: [
          { name: 'revenue', type: 'number', label: 'revenue' },
          { name: 'region', type: 'string' },
          { name: 'note', type: 'string', label: 'From server' },
        ],
      }),
    });
    const client = make({ transport, spaces: [salesSpace] });
    const answer = await client.query({
      kind: 'semantic',
      space: 'sales',
      query: { metrics: ['revenue'], dimensions: ['region'] },
    });
    const revenue = salesSpace.metrics.find((m) => m.name === 'revenue');
    expect(answer.meta).toEqual([
      { name: 'revenue', type: 'number', role: 'measure', label: 'Revenue', format: revenue?.format, total: 'sum' },
      { name: 'region', type: 'string', role: 'dimension', label: 'Region' },
      { name: 'note', type: 'string', label: 'From server' },
    ]);
  });

  it('rejects a bad query for a known space with a SemanticError, without calling the transport or retrying', async () => {
    const transport = memoryTransport({ resolve: () => [] });
    const client = make({ transport, spaces: [salesSpace] });
    await expect(
      client.query({ kind: 'semantic', space: 'sales', query: { metrics: ['no_such_metric'] } }),
    ).rejects.toBeInstanceOf(SemanticError);
    expect(transport.calls).toHaveLength(0);
  });

  it('hands an unknown space to the transport as it is', async () => {
    const query = { metrics: ['visits'] };
    const transport = memoryTransport({ semantic: [{ space: 'web', query, result: [{ visits: 3 }] }] });
    const client = make({ transport, spaces: [salesSpace] });
    expect((await client.query({ kind: 'semantic', space: 'web', query })).rows).toEqual([{ visits: 3 }]);
    expect(transport.calls[0]).toEqual({ kind: 'semantic', space: 'web', query });
  });

  it('rejects an unknown space the transport cannot compile with a SemanticError listing the known spaces', async () => {
    const transport = memoryTransport({});
    const client = make({ transport, spaces: [salesSpace] });
    const error = await client.query({ kind: 'semantic', space: 'nope', query: { metrics: ['x'] } }).catch((e) => e);
    expect(error).toBeInstanceOf(SemanticError);
    expect(error.available).toEqual(['sales']);
    expect(transport.calls).toHaveLength(1);
    expect(error.message).toMatch(/Unknown space "nope".*Known spaces: sales/);
  });

  it('keeps the transport error when the transport knows the space but not the query', async () => {
    const transport = memoryTransport({ semantic: [{ space: 'web', query: { metrics: ['visits'] }, result: [] }] });
    const client = make({ transport, spaces: [salesSpace] });
    const error = await client.query({ kind: 'semantic', space: 'web', query: { metrics: ['x'] } }).catch((e) => e);
    expect(error).toBeInstanceOf(SemanticError);
    expect(error.message).toMatch(/no fixture for space "web"/);
    expect(error.available).toEqual(['web']);
  });

  it('refuses two spaces with one name', () => {
    expect(() => createDataClient({ transport: memoryTransport(), spaces: [salesSpace, salesSpace] })).toThrow(
      SemanticError,
    );
  });

  it('gives an SQL request naming a known space that space role', async () => {
    const transport = memoryTransport({ sql: { 'select 1': [{ one: 1 }] } });
    const client = make({ transport, spaces: [salesSpace] });
    await client.query({ kind: 'sql', sql: 'select 1', space: 'sales' });
    expect((transport.calls[0] as CompiledQuery).role).toBe(salesSpace.role);
  });
});

describe('createDataClient: ask, feedback, freshness', () => {
  const answer = { title: 'Revenue', summary: 'Revenue rose 5% in May.', rows: [] };

  it('delegates to the transport and streams text', async () => {
    const transport = memoryTransport({
      answers: { 'How is revenue?': answer },
      freshness: { sales_summary: { source: 'sales_summary', status: 'ready' } },
    });
    const client = make({ transport });
    const deltas: string[] = [];
    await expect(
      client.ask({ space: 'sales', question: 'How is revenue?' }, { onText: (d) => deltas.push(d) }),
    ).resolves.toEqual(answer);
    expect(deltas.join('')).toBe(answer.summary);
    await client.feedback({ space: 'sales', question: 'How is revenue?', rating: 'up' });
    expect(transport.feedbackReceived).toHaveLength(1);
    await expect(client.freshness('sales_summary')).resolves.toMatchObject({ status: 'ready' });
  });

  it("rejects with 'unsupported' when the transport cannot", async () => {
    const client = make({ transport: memoryTransport() });
    for (const call of [
      client.ask({ space: 's', question: 'q' }),
      client.feedback({ space: 's', question: 'q', rating: 'down' }),
      client.freshness('x'),
    ]) {
      await expect(call).rejects.toMatchObject({ name: 'DataClientError', code: 'unsupported' });
    }
  });

  it('aborts ask at once and passes the abort to the transport', async () => {
    let seen: AbortSignal | undefined;
    const transport: Transport = {
      name: 'slow',
      query: () => Promise.reject(new Error('unused')),
      ask: (_request, { signal }) => {
        seen = signal;
        return new Promise(() => {});
      },
    };
    const client = make({ transport });
    const controller = new AbortController();
    const pending = client.ask({ space: 's', question: 'q' }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
    expect(seen?.aborted).toBe(true);
  });
});

describe('createDataClient: store', () => {
  it('moves from loading to ready, with stable snapshots between changes', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const store = client.observe(sql());
    expect(store.getSnapshot()).toMatchObject({ status: 'loading', data: undefined });
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    await flush();
    const loading = store.getSnapshot();
    expect(loading).toMatchObject({ status: 'loading', isFetching: true });
    expect(store.getSnapshot()).toBe(loading);

    calls[0]?.resolve(result(1));
    await flush();
    const success = store.getSnapshot();
    expect(success).toMatchObject({ status: 'ready', isFetching: false, data: { rows: [{ value: 1 }] } });
    expect(success.updatedAt).toBeGreaterThan(0);
    expect(store.getSnapshot()).toBe(success);
    expect(client.getSnapshot(sql())).toBe(client.getSnapshot(sql()));
    expect(listener).toHaveBeenCalled();
    stop();
  });

  it('reports an error, keeping the last data', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport, retry: false });
    const seen: QuerySnapshot[] = [];
    const stop = client.watch(sql(), (snapshot) => seen.push(snapshot));
    await flush();
    calls[0]?.resolve(result(1));
    await flush();
    const invalidated = client.invalidate(sql());
    await flush();
    calls[1]?.reject(new DataClientError('network', 'offline'));
    await invalidated;
    await flush();
    expect(client.getSnapshot(sql())).toMatchObject({ status: 'error', data: { rows: [{ value: 1 }] } });
    expect(seen.at(-1)).toMatchObject({ status: 'error', error: { code: 'network' } });
    stop();
  });

  it('is idle when disabled, and idle for a request nobody asked for', async () => {
    const { transport, calls } = controlledTransport();
    const client = make({ transport });
    const store = client.observe(sql(), { enabled: false });
    const stop = store.subscribe(() => {});
    await flush();
    expect(store.getSnapshot().status).toBe('idle');
    expect(calls).toHaveLength(0);
    expect(client.getSnapshot(sql('never asked'))).toMatchObject({ status: 'idle', data: undefined });
    stop();
  });

  it('refetches watched requests on invalidate and on clear', async () => {
    const transport = memoryTransport({ resolve: () => [{ n: transport.calls.length }] });
    const client = make({ transport });
    const store = client.observe(sql());
    const stop = store.subscribe(() => {});
    await vi.waitFor(() => expect(store.getSnapshot().data?.rows).toEqual([{ n: 1 }]));
    await client.invalidate();
    await vi.waitFor(() => expect(store.getSnapshot().data?.rows).toEqual([{ n: 2 }]));
    await client.clear();
    await vi.waitFor(() => expect(store.getSnapshot().data?.rows).toEqual([{ n: 3 }]));
    stop();
  });

  it('dispose rejects in-flight and later queries', async () => {
    const { transport, calls } = controlledTransport();
    const client = createDataClient({ transport });
    const pending = client.query(sql());
    await flush();
    client.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'aborted', message: expect.stringContaining('disposed') });
    expect(calls[0]?.signal.aborted).toBe(true);
    await expect(client.query(sql())).rejects.toMatchObject({ code: 'aborted' });
    expect(calls).toHaveLength(1);
  });

  it('clear drops results nobody watches', async () => {
    const transport = memoryTransport({ resolve: () => [{ n: transport.calls.length }] });
    const client = make({ transport });
    await client.query(sql());
    await client.clear();
    expect(client.getSnapshot(sql()).status).toBe('idle');
    expect((await client.query(sql())).rows).toEqual([{ n: 2 }]);
  });
});
