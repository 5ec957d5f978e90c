import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CompiledQuery,
  createDataClient,
  memoryTransport,
  QueryError,
  SemanticError,
  type SemanticRequest,
} from '../../src/core/client';

const compiled = (sql: string, request: CompiledQuery['request'] = { kind: 'sql', sql }): CompiledQuery => ({
  sql,
  params: [],
  request,
});
const ctx = (signal = new AbortController().signal) => ({ signal });

afterEach(() => {
  vi.useRealTimers();
});

describe('memoryTransport', () => {
  it('answers by SQL text, whitespace collapsed, filling the result fields', async () => {
    const t = memoryTransport({ sql: { 'select  region,\n  revenue from sales': [{ region: 'N', revenue: 1 }] } });
    await expect(t.query(compiled('select region, revenue   from sales'), ctx())).resolves.toEqual({
      rows: [{ region: 'N', revenue: 1 }],
      meta: [],
      rowCount: 1,
      truncated: false,
    });
  });

  it('keeps the fields a fixture gives', async () => {
    const t = memoryTransport({
      sql: { q: { rows: [{ a: 1 }], meta: [{ name: 'a', type: 'number' }], truncated: true, rowCount: 99 } },
    });
    await expect(t.query(compiled('q'), ctx())).resolves.toEqual({
      rows: [{ a: 1 }],
      meta: [{ name: 'a', type: 'number' }],
      rowCount: 99,
      truncated: true,
    });
  });

  it('answers a semantic request by content, compiled or not', async () => {
    const query = { metrics: ['revenue'], dimensions: ['region'] };
    const t = memoryTransport({ semantic: [{ space: 'sales', query, result: [{ region: 'N', revenue: 2 }] }] });
    const request: SemanticRequest = {
      kind: 'semantic',
      space: 'sales',
      query: { dimensions: ['region'], metrics: ['revenue'] },
    };
    await expect(t.query(request, ctx())).resolves.toMatchObject({ rows: [{ revenue: 2 }] });
    await expect(t.query(compiled('select whatever', request), ctx())).resolves.toMatchObject({
      rows: [{ revenue: 2 }],
    });
    expect(t.calls).toHaveLength(2);
  });

  it('falls back to the resolver', async () => {
    const resolve = vi.fn(async (q: CompiledQuery | SemanticRequest) =>
      'sql' in q && q.sql === 'r' ? [{ r: 1 }] : undefined,
    );
    const t = memoryTransport({ sql: { s: [{ s: 1 }] }, resolve });
    await expect(t.query(compiled('s'), ctx())).resolves.toMatchObject({ rows: [{ s: 1 }] });
    expect(resolve).not.toHaveBeenCalled();
    await expect(t.query(compiled('r'), ctx())).resolves.toMatchObject({ rows: [{ r: 1 }] });
  });

  it('rejects unknown SQL with a QueryError and an unknown semantic request with a SemanticError', async () => {
    const t = memoryTransport({ semantic: [{ space: 'sales', query: { metrics: ['a'] }, result: [] }] });
    await expect(t.query(compiled('select nothing'), ctx())).rejects.toBeInstanceOf(QueryError);
    const error = await t.query({ kind: 'semantic', space: 'web', query: { metrics: ['a'] } }, ctx()).catch((e) => e);
    expect(error).toBeInstanceOf(SemanticError);
    expect(error.available).toEqual(['sales']);
  });

  it('waits its latency, and an abort ends the wait at once', async () => {
    vi.useFakeTimers();
    const t = memoryTransport({ sql: { q: [] }, latencyMs: 1000 });
    let done = false;
    const pending = t.query(compiled('q'), ctx()).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(done).toBe(true);

    const controller = new AbortController();
    const aborted = t.query(compiled('q'), ctx(controller.signal));
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'aborted', transport: 'memory' });
  });

  it('answers ask from fixtures (streaming the summary), records feedback, and reads freshness', async () => {
    const answer = { title: 'T', summary: 'One two three.', rows: [] };
    const t = memoryTransport({
      answers: (request) => (request.question === 'q' ? answer : undefined),
      freshness: { jobs: { source: 'jobs', status: 'success' } },
    });
    const deltas: string[] = [];
    await expect(t.ask?.({ space: 's', question: 'q' }, { ...ctx(), onText: (d) => deltas.push(d) })).resolves.toBe(
      answer,
    );
    expect(deltas).toEqual(['One ', 'two ', 'three.']);
    await expect(t.ask?.({ space: 's', question: 'other' }, ctx())).rejects.toMatchObject({ code: 'query' });
    await t.feedback?.({ space: 's', question: 'q', rating: 'up' }, ctx());
    expect(t.feedbackReceived).toEqual([{ space: 's', question: 'q', rating: 'up' }]);
    await expect(t.freshness?.('jobs', ctx())).resolves.toEqual({ source: 'jobs', status: 'success' });
    await expect(t.freshness?.('nope', ctx())).rejects.toMatchObject({ transport: 'memory' });
  });

  it('has no ask or freshness without those fixtures', () => {
    const t = memoryTransport();
    expect(t.ask).toBeUndefined();
    expect(t.freshness).toBeUndefined();
  });

  it('serves a data client for static stories', async () => {
    const client = createDataClient({ transport: memoryTransport({ sql: { 'select 1': [{ one: 1 }] } }) });
    await expect(client.query({ kind: 'sql', sql: 'select 1' })).resolves.toMatchObject({ rows: [{ one: 1 }] });
    client.dispose();
  });
});
