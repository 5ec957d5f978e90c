import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDataClient,
  type DataClient,
  DataClientError,
  type DataClientOptions,
  HttpError,
  isRetryableError,
  QueryError,
  type QueryResult,
  ResponseShapeError,
  SemanticError,
  type Transport,
} from '../../src/core/client';

const ok: QueryResult = { rows: [{ ok: true }], meta: [], rowCount: 1, truncated: false };

/** A transport that fails with `errors`, in order, then answers. Records when each call was made. */
function failingTransport(...errors: unknown[]) {
  const times: number[] = [];
  const transport: Transport = {
    name: 'failing',
    query: async () => {
      times.push(Date.now());
      const error = errors[times.length - 1];
      if (error !== undefined) throw error;
      return ok;
    },
  };
  return { transport, times };
}

const request = { kind: 'sql', sql: 'select 1' } as const;
const network = () => new DataClientError('network', 'offline');

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let client: DataClient | undefined;
const make = (options: DataClientOptions) => {
  client = createDataClient(options);
  return client;
};

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(async () => {
  client?.dispose();
  vi.useRealTimers();
  vi.restoreAllMocks();
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(unhandled.splice(0)).toEqual([]);
});

/** Settles `promise` (attaching handlers at once), for asserting after the timers ran. */
function settle<T>(promise: Promise<T>) {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return state;
}

describe('retry', () => {
  it('retries with exponential backoff (no jitter at random = 1)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { transport, times } = failingTransport(network(), network(), network());
    make({ transport, retry: { attempts: 3, baseDelayMs: 100 } });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual([0]);
    await vi.advanceTimersByTimeAsync(99);
    expect(times).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 100]);
    await vi.advanceTimersByTimeAsync(199);
    expect(times).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 100, 300]);
    await vi.advanceTimersByTimeAsync(400);
    expect(times).toEqual([0, 100, 300, 700]);
    expect(state).toMatchObject({ done: true, value: ok });
  });

  it('adds jitter: at random = 0 each delay is half the backoff', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { transport, times } = failingTransport(network(), network());
    make({ transport, retry: { baseDelayMs: 100 } });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(1000);
    expect(times).toEqual([0, 50, 150]);
    expect(state.value).toBe(ok);
  });

  it('caps the backoff at maxDelayMs', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { transport, times } = failingTransport(network(), network(), network());
    make({ transport, retry: { baseDelayMs: 100, maxDelayMs: 150 } });
    settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(1000);
    expect(times).toEqual([0, 100, 250, 400]);
  });

  it('is bounded: defaults to 3 retries, then rejects with the last error', async () => {
    const errors = [1, 2, 3, 4, 5].map((n) => new HttpError(500 + n, `failure ${n}`));
    const { transport, times } = failingTransport(...errors);
    make({ transport });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toHaveLength(4);
    expect(state.error).toBe(errors[3]);
  });

  it('can be turned off', async () => {
    const { transport, times } = failingTransport(network());
    make({ transport, retry: false });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toHaveLength(1);
    expect(state.error).toMatchObject({ code: 'network' });
  });

  it('waits exactly what Retry-After asks (429 and 503)', async () => {
    const { transport, times } = failingTransport(
      new HttpError(429, 'slow down', { retryAfterMs: 5000 }),
      new HttpError(503, 'starting', { retryAfterMs: 2000 }),
    );
    make({ transport, retry: { baseDelayMs: 10 } });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(4999);
    expect(times).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(times).toEqual([0, 5000]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(times).toEqual([0, 5000, 7000]);
    expect(state.value).toBe(ok);
  });

  it('does not wait for a Retry-After longer than maxRetryAfterMs', async () => {
    const error = new HttpError(429, 'come back tomorrow', { retryAfterMs: 86_400_000 });
    const { transport, times } = failingTransport(error);
    make({ transport, retry: { maxRetryAfterMs: 60_000 } });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toHaveLength(1);
    expect(state.error).toBe(error);
  });

  it.each([
    ['400', new HttpError(400, 'bad request')],
    ['401', new HttpError(401, 'unauthorised')],
    ['403', new HttpError(403, 'forbidden')],
    ['404', new HttpError(404, 'not found')],
    ['422', new HttpError(422, 'unprocessable')],
    ['an abort', new DataClientError('aborted', 'aborted')],
    ['a response-shape error', new ResponseShapeError('rows[2]', 'bad row')],
    ['a permission error', new QueryError('permission', 'denied')],
    ['a query error', new QueryError('query', 'syntax error')],
    ['a statement timeout', new QueryError('timeout', 'canceling statement due to statement timeout')],
    ['a semantic error', new SemanticError('unknown metric')],
    ['an unknown error', new TypeError('bug')],
  ])('never retries %s', async (_name, error) => {
    const { transport, times } = failingTransport(error);
    make({ transport });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toHaveLength(1);
    expect(state.error).toBeDefined();
  });

  it.each([
    ['408', new HttpError(408, 'request timeout')],
    ['429', new HttpError(429, 'too many')],
    ['500', new HttpError(500, 'boom')],
    ['503', new HttpError(503, 'unavailable')],
    ['a timeout', new DataClientError('timeout', 'slow')],
    ['a network error', network()],
  ])('retries %s', async (_name, error) => {
    expect(isRetryableError(error)).toBe(true);
    const { transport, times } = failingTransport(error);
    make({ transport });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toHaveLength(2);
    expect(state.value).toBe(ok);
  });

  it('accepts a custom shouldRetry', async () => {
    const { transport, times } = failingTransport(new QueryError('query', 'deadlock detected', { sqlState: '40P01' }));
    make({
      transport,
      retry: { shouldRetry: (e) => e instanceof QueryError && e.sqlState === '40P01' },
    });
    const state = settle(client?.query(request) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toHaveLength(2);
    expect(state.value).toBe(ok);
  });

  it('stops retrying when every caller aborts during a backoff', async () => {
    let signal: AbortSignal | undefined;
    let calls = 0;
    const transport: Transport = {
      name: 'failing',
      query: async (_q, ctx) => {
        calls++;
        signal = ctx.signal;
        throw network();
      },
    };
    make({ transport, retry: { baseDelayMs: 1000 } });
    const controller = new AbortController();
    const state = settle(client?.query(request, { signal: controller.signal }) as Promise<QueryResult>);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(1);
    expect(signal?.aborted).toBe(true);
    expect(state.error).toMatchObject({ code: 'aborted' });
  });
});
