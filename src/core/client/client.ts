import {
  CancelledError,
  type Query,
  QueryClient,
  type QueryKey,
  QueryObserver,
  type QueryObserverResult,
  type QueryState,
} from '@tanstack/query-core';
import type { ColumnMeta } from '../adapter/types';
import type { JennyChunk } from '../jenny/protocol';
import { compileQuery } from '../semantic/compile';
import { SemanticError } from '../semantic/errors';
import type { SemanticQuery, SpaceDefinition } from '../semantic/types';
import type { Status } from '../status';
import { backoffDelay } from '../util/backoff';
import { abortedError, isAbortError, raceAbort, throwIfAborted } from './abort';
import { DataClientError, HttpError, QueryError } from './errors';
import { requestKey } from './key';
import type {
  AskRequest,
  CompiledQuery,
  FeedbackRequest,
  Freshness,
  JennyAnswer,
  QueryRequest,
  QueryResult,
  SemanticRequest,
  Transport,
} from './types';

/** How failed queries are retried. */
export interface RetryOptions {
  /** Retries after the first attempt (so at most `attempts + 1` transport calls). Default 3. */
  attempts?: number;
  /** The backoff before the first retry; it doubles for each further retry. Default 500 ms. */
  baseDelayMs?: number;
  /** The longest backoff between two attempts. Default 10 000 ms. */
  maxDelayMs?: number;
  /**
   * A server's Retry-After (429, 503) is waited for exactly; one longer than this is not waited for and the
   * error is returned at once instead. Default 60 000 ms.
   */
  maxRetryAfterMs?: number;
  /** Whether an error may be retried at all. Default `isRetryableError`. */
  shouldRetry?: (error: unknown) => boolean;
}

export interface DataClientOptions {
  /** How queries reach a backend: `httpTransport`, `supabaseTransport`, `memoryTransport`, or your own. */
  transport: Transport;
  /**
   * The semantic spaces the client compiles itself (with `compileQuery`): a semantic request for one of these
   * reaches the transport as parameterised SQL run as the space's role. A request for any other space is
   * handed to the transport as it is, for a server to compile. Default none.
   */
  spaces?: readonly SpaceDefinition[];
  /**
   * How long a result counts as fresh, in ms. A fresh result is answered from the cache; a stale one is
   * answered from the cache too and refetched in the background (stale-while-revalidate). Default 30 000.
   */
  staleTime?: number;
  /** How long a result nobody watches stays in the cache, in ms. Default 300 000 (5 minutes). */
  gcTime?: number;
  /**
   * Retries of a failed query: a number of retries, `false` for none, or `RetryOptions`. Retries back off
   * exponentially with jitter and honour Retry-After; aborts, 4xx other than 408 and 429, response-shape,
   * permission, query and semantic errors are never retried. Default 3 retries.
   */
  retry?: number | false | RetryOptions;
}

/** What `query` takes besides the request. */
export interface QueryCallOptions {
  /**
   * Aborts this call: its promise rejects at once with an `'aborted'` DataClientError. The transport call is
   * cancelled when every caller sharing it has aborted and no watcher needs it.
   */
  signal?: AbortSignal;
  /**
   * Wait for a fetch when the cached result is stale (older than `staleTime`) or invalidated, and answer with what
   * it returns, instead of answering with the cached result at once and refreshing it in the background. A fresh
   * cached result is still answered at once, and a fetch already running is shared. Default false.
   */
  fresh?: boolean;
}

export interface AskCallOptions {
  /** Aborts the call and the transport request. */
  signal?: AbortSignal;
  /** Called with each piece of the answer's text as it streams, where the transport streams. */
  onText?: (delta: string) => void;
  /** Called with each chunk of the answer as it arrives: status, query, SQL, table, chart, text, suggestions. */
  onPart?: (chunk: JennyChunk) => void;
}

export interface CallOptions {
  /** Aborts the call and the transport request. */
  signal?: AbortSignal;
}

export type { Status } from '../status';

/** A request's state for a UI: what `getSnapshot`, `watch` and the React hooks return. */
export interface QuerySnapshot {
  /**
   * `'idle'`: not asked for (disabled, or never fetched); `'loading'`: waiting for the first result;
   * `'ready'`: `data` holds a result with rows; `'empty'`: `data` holds a result with no rows; `'error'`: the last
   * fetch failed (`data` may still hold an older result).
   */
  status: Status;
  data: QueryResult | undefined;
  error: Error | undefined;
  /** True while a fetch (the first, or a background refetch) is running. */
  isFetching: boolean;
  /** When `data` was fetched (ms since the epoch); 0 when there is no data. */
  updatedAt: number;
}

export interface ObserveOptions {
  /** False keeps the request from fetching (its cached result, if any, is still shown). Default true. */
  enabled?: boolean;
}

/**
 * One request's state as a subscribable store for `useSyncExternalStore`: `getSnapshot` returns the same object
 * until something a UI shows changes. Subscribing starts a fetch when the cached result is missing or stale;
 * when the last subscriber leaves, an in-flight fetch nobody else needs is aborted.
 */
export interface QueryStore {
  /** The request's cache key (stable JSON of its content). */
  readonly key: string;
  /**
   * Adds a listener. The store starts watching the request (and fetching it) a microtask later, so that a
   * subscription dropped and made again at once (React StrictMode's double effects) starts one fetch, not two.
   * Removing the last listener stops watching at once: a fetch nobody else needs is aborted then.
   */
  subscribe(listener: () => void): () => void;
  getSnapshot(): QuerySnapshot;
  /**
   * Fetches again now, replacing an in-flight fetch (the first one included: its callers are handed the new one,
   * and its older answer never lands); resolves (never rejects) with the new snapshot.
   */
  refetch(): Promise<QuerySnapshot>;
}

export interface DataClient {
  readonly transport: Transport;
  /** The spaces the client compiles itself, by name. */
  readonly spaces: ReadonlyMap<string, SpaceDefinition>;
  /**
   * Runs a request, through the cache: a fresh result is returned at once; otherwise the transport is called, once
   * for all concurrent identical calls.
   *
   * A stale result (older than `staleTime`) and an invalidated one (after `invalidate`) are returned at once too,
   * and refetched in the background (stale-while-revalidate): the call after the refetch gets the new result. Pass
   * `{ fresh: true }` to wait for that refetch instead, when an answer from before the invalidation will not do.
   */
  query(request: QueryRequest, options?: QueryCallOptions): Promise<QueryResult>;
  /** Asks Jenny (never cached or retried). Rejects with `'unsupported'` when the transport cannot. */
  ask(request: AskRequest, options?: AskCallOptions): Promise<JennyAnswer>;
  /** Records feedback on an answer. Rejects with `'unsupported'` when the transport cannot. */
  feedback(request: FeedbackRequest, options?: CallOptions): Promise<void>;
  /** When a source was last written. Rejects with `'unsupported'` when the transport cannot. */
  freshness(source: string, options?: CallOptions): Promise<Freshness>;
  /** A subscribable store of one request's state (what the React hooks use). */
  observe(request: QueryRequest, options?: ObserveOptions): QueryStore;
  /** Subscribes to a request's state (fetching it as `observe` does); returns the unsubscribe function. */
  watch(request: QueryRequest, listener: (snapshot: QuerySnapshot) => void, options?: ObserveOptions): () => void;
  /** The cached state of a request without subscribing; the same object until the state changes. */
  getSnapshot(request: QueryRequest): QuerySnapshot;
  /**
   * Marks one request's result (or every result) stale. Watched requests, and requests being fetched, are
   * fetched again at once; an in-flight fetch is replaced (the first fetch of a request too: the callers waiting on
   * it get the new answer), so its older answer never lands. Resolves when those fetches have settled. A later
   * `query` of an invalidated request that nobody watches still answers the cached result at once (and refetches
   * it in the background) unless called with `{ fresh: true }`.
   */
  invalidate(request?: QueryRequest): Promise<void>;
  /** Drops every cached result; watched requests start again from `'loading'` and fetch. */
  clear(): Promise<void>;
  /**
   * Clears the cache and stops listening for focus and connectivity; in-flight and later `query` calls reject with
   * an `'aborted'` DataClientError. The client must not be used after.
   */
  dispose(): void;
  /** The cache key of a request. */
  keyOf(request: QueryRequest): string;
}

const ROOT = '@insightpulse/data';
const DEFAULT_STALE_TIME = 30_000;
const DEFAULT_GC_TIME = 5 * 60_000;
const DEFAULT_RETRY: Required<Omit<RetryOptions, 'shouldRetry'>> = {
  attempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/**
 * Whether an error is worth retrying: network failures, transport timeouts, 5xx, 408 and 429. Never aborts, other
 * 4xx, response-shape, permission, query (a database statement timeout included), semantic or unsupported errors,
 * and never errors the client does not know.
 */
export function isRetryableError(error: unknown): boolean {
  // A database error (a statement timeout included) would happen again: the statement is the problem.
  if (error instanceof QueryError) return false;
  if (error instanceof HttpError) return error.status >= 500 || error.status === 408 || error.status === 429;
  if (error instanceof DataClientError) return error.code === 'network' || error.code === 'timeout';
  return false;
}

/** The backoff before retry number `failureCount + 1`: `base * 2^failureCount`, capped, with equal jitter. */
function backoff(failureCount: number, retry: Required<Omit<RetryOptions, 'shouldRetry'>>): number {
  return backoffDelay(failureCount, { baseMs: retry.baseDelayMs, maxMs: retry.maxDelayMs });
}

/**
 * The columns' metadata of a semantic query's result: the semantic layer's (labels, formats, roles,
 * totals, from the space's definitions) wins for every column it describes; what the transport read from
 * the database (names and types) is kept for the rest, and fills what the layer leaves out.
 */
export function mergeMeta(
  fromTransport: readonly ColumnMeta[] | undefined,
  fromSemantic: readonly ColumnMeta[] | undefined,
): ColumnMeta[] {
  if (!fromSemantic || fromSemantic.length === 0) return fromTransport ? [...fromTransport] : [];
  if (!fromTransport || fromTransport.length === 0) return [...fromSemantic];
  const semantic = new Map(fromSemantic.map((column) => [column.name, column]));
  const merged = fromTransport.map((column) => {
    const known = semantic.get(column.name);
    if (!known) return column;
    const out: Record<string, unknown> = { ...column };
    for (const [key, value] of Object.entries(known)) if (value !== undefined) out[key] = value;
    return out as unknown as ColumnMeta;
  });
  const names = new Set(fromTransport.map((column) => column.name));
  for (const column of fromSemantic) if (!names.has(column.name)) merged.push(column);
  return merged;
}

/** The snapshot of a request nobody has asked for: `status: 'idle'`, no data, no error. */
export const IDLE_SNAPSHOT: QuerySnapshot = Object.freeze({
  status: 'idle',
  data: undefined,
  error: undefined,
  isFetching: false,
  updatedAt: 0,
});

function sameSnapshot(a: QuerySnapshot, b: QuerySnapshot): boolean {
  return (
    a.status === b.status &&
    a.data === b.data &&
    a.error === b.error &&
    a.isFetching === b.isFetching &&
    a.updatedAt === b.updatedAt
  );
}

/** `'ready'` for a result with rows, `'empty'` for one without. */
function dataStatus(data: QueryResult | undefined): Status {
  return data && data.rows.length > 0 ? 'ready' : 'empty';
}

function snapshotOfState(state: QueryState<QueryResult, Error>, enabled: boolean): QuerySnapshot {
  const isFetching = state.fetchStatus !== 'idle';
  const status =
    state.status === 'success'
      ? dataStatus(state.data)
      : state.status === 'error'
        ? 'error'
        : isFetching || enabled
          ? 'loading'
          : 'idle';
  return {
    status,
    data: state.data,
    error: state.status === 'error' ? (state.error ?? undefined) : undefined,
    isFetching,
    updatedAt: state.dataUpdatedAt,
  };
}

function snapshotOfResult(result: QueryObserverResult<QueryResult, Error>, enabled: boolean): QuerySnapshot {
  const status =
    result.status === 'success'
      ? dataStatus(result.data)
      : result.status === 'error'
        ? 'error'
        : result.isFetching || enabled
          ? 'loading'
          : 'idle';
  return {
    status,
    data: result.data,
    error: result.status === 'error' ? (result.error ?? undefined) : undefined,
    isFetching: result.isFetching,
    updatedAt: result.dataUpdatedAt,
  };
}

/**
 * Creates a framework-free data client: queries through a cache (TanStack query-core) with in-flight
 * de-duplication, stale-while-revalidate, bounded retries and abort signals carried end to end, plus Jenny's
 * `ask`, `feedback` and `freshness` delegated to the transport.
 *
 * @example
 * ```ts
 * const client = createDataClient({ transport: httpTransport({ baseUrl: '/platform' }), spaces: [sales] });
 * const result = await client.query({ kind: 'semantic', space: 'sales', query: { metrics: ['revenue'] } });
 * ```
 */
export function createDataClient(options: DataClientOptions): DataClient {
  const { transport } = options;
  const staleTime = options.staleTime ?? DEFAULT_STALE_TIME;
  const gcTime = options.gcTime ?? DEFAULT_GC_TIME;
  const retryOptions =
    options.retry === false
      ? { ...DEFAULT_RETRY, attempts: 0 }
      : typeof options.retry === 'number'
        ? { ...DEFAULT_RETRY, attempts: options.retry }
        : { ...DEFAULT_RETRY, ...stripUndefined(options.retry ?? {}) };
  const shouldRetry = (typeof options.retry === 'object' && options.retry.shouldRetry) || isRetryableError;

  const spaces = new Map<string, SpaceDefinition>();
  for (const space of options.spaces ?? []) {
    if (spaces.has(space.name)) throw new SemanticError(`Two spaces are named "${space.name}"`);
    spaces.set(space.name, space);
  }

  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime,
        gcTime,
        // Fetch whatever the platform thinks of connectivity: the transport reports network errors itself.
        networkMode: 'always',
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: (failureCount, error) => {
          if (failureCount >= retryOptions.attempts || !shouldRetry(error)) return false;
          if (error instanceof HttpError && error.retryAfterMs !== undefined) {
            return error.retryAfterMs <= retryOptions.maxRetryAfterMs;
          }
          return true;
        },
        retryDelay: (failureCount, error) =>
          error instanceof HttpError && error.retryAfterMs !== undefined
            ? error.retryAfterMs
            : backoff(failureCount, retryOptions),
      },
    },
  });
  // Continues retries paused while a page was hidden once it is shown again (query-core's own listeners).
  queryClient.mount();

  const keyOf = (request: QueryRequest) => requestKey(request);
  const queryKeyOf = (request: QueryRequest): QueryKey => [ROOT, keyOf(request)];

  async function run(request: QueryRequest, signal: AbortSignal): Promise<QueryResult> {
    let input: CompiledQuery | SemanticRequest;
    let meta: ColumnMeta[] | undefined;
    if (request.kind === 'semantic') {
      const space = spaces.get(request.space);
      if (space) {
        const compiled = compileQuery(space, request.query);
        meta = compiled.meta;
        input = { sql: compiled.sql, params: compiled.params, role: space.role, request };
      } else {
        input = request;
      }
    } else {
      const role = request.space === undefined ? undefined : spaces.get(request.space)?.role;
      input = { sql: request.sql, params: request.params ?? [], role, request };
    }
    let result: QueryResult;
    try {
      result = await transport.query(input, { signal });
    } catch (error) {
      throw transportError(error, request, signal);
    }
    // The transport's answer as it is, unless the semantic layer has metadata to add.
    return meta && meta.length > 0 ? { ...result, meta: mergeMeta(result.meta, meta) } : result;
  }

  function transportError(error: unknown, request: QueryRequest, signal: AbortSignal): unknown {
    if (signal.aborted || isAbortError(error)) {
      return error instanceof DataClientError && error.code === 'aborted'
        ? error
        : abortedError(signal.reason ?? error, transport.name);
    }
    if (request.kind === 'semantic' && !spaces.has(request.space)) {
      // The transport does not know the space either (it says so, or cannot compile at all).
      const unsupported = error instanceof DataClientError && error.code === 'unsupported';
      if (unsupported || (error instanceof SemanticError && !error.available?.includes(request.space))) {
        const known = [...new Set([...spaces.keys(), ...((error as SemanticError).available ?? [])])];
        return new SemanticError(
          `Unknown space "${request.space}": the client has no definition of it and the ${transport.name} transport ` +
            `cannot answer it. Known spaces: ${known.length ? known.join(', ') : 'none'}`,
          { available: known },
        );
      }
    }
    return error;
  }

  const queryOptions = (request: QueryRequest) => ({
    queryKey: queryKeyOf(request),
    queryFn: ({ signal }: { signal: AbortSignal }) => run(request, signal),
  });

  const findQuery = (request: QueryRequest): Query<QueryResult, Error> | undefined =>
    queryClient.getQueryCache().find<QueryResult, Error>({ queryKey: queryKeyOf(request), exact: true });

  let disposed = false;
  const disposedError = () =>
    new DataClientError('aborted', 'The data client was disposed', { transport: transport.name });

  /**
   * Fetches `query` again now, replacing an in-flight fetch. query-core replaces one only when the query has data:
   * before the first answer it shares the running fetch, whose answer (from before the change that made the caller
   * refetch) would land and count as current. That fetch is cancelled silently first: its transport call is aborted
   * and whoever waits on it is handed the new fetch.
   */
  function replaceFetch(target: Query<QueryResult, Error>): Promise<unknown> {
    if (target.state.fetchStatus !== 'idle' && target.state.data === undefined) void target.cancel({ silent: true });
    return target.fetch(undefined, { cancelRefetch: true });
  }

  function query(request: QueryRequest, callOptions: QueryCallOptions = {}): Promise<QueryResult> {
    const { signal, fresh = false } = callOptions;
    if (disposed) return Promise.reject(disposedError());
    let options: ReturnType<typeof queryOptions>;
    try {
      throwIfAborted(signal);
      options = queryOptions(request);
    } catch (error) {
      return Promise.reject(error);
    }
    const existing = queryClient.getQueryCache().find<QueryResult, Error>({ queryKey: options.queryKey, exact: true });
    if (existing && existing.state.data !== undefined) {
      const stale = existing.isStaleByTime(staleTime);
      if (!stale || !fresh) {
        // Stale-while-revalidate: answer from the cache now; refresh it in the background unless a fetch runs.
        if (stale && existing.state.fetchStatus === 'idle') void queryClient.prefetchQuery(options);
        return Promise.resolve(existing.state.data);
      }
    }
    return wait(options, signal);
  }

  /**
   * Waits for the fetch of `options` (starting one, or sharing the one running). While it waits the caller holds a
   * (disabled) observer of the query: query-core cancels a fetch when its last observer leaves, so a watcher
   * leaving never cancels a fetch a caller still waits on, and the fetch is aborted only when every caller (each
   * releasing its observer when it settles or its signal aborts) and every watcher is gone.
   */
  function wait(options: ReturnType<typeof queryOptions>, signal: AbortSignal | undefined): Promise<QueryResult> {
    return new Promise<QueryResult>((resolve, reject) => {
      const hold = new QueryObserver<QueryResult, Error, QueryResult, QueryResult, QueryKey>(queryClient, {
        ...options,
        enabled: false,
      });
      const release = hold.subscribe(() => undefined);
      let settled = false;
      const finish = () => {
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        release();
      };
      const onAbort = () => {
        if (settled) return;
        finish();
        reject(abortedError(signal?.reason));
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      const attempt = (round: number) => {
        queryClient.fetchQuery(options).then(
          (data) => {
            if (settled) return;
            finish();
            resolve(data);
          },
          (error: unknown) => {
            if (settled) return;
            // The cache dropped the fetch this call shared (`clear`): this caller still wants an answer.
            if (error instanceof CancelledError && round < 3 && !disposed) {
              attempt(round + 1);
              return;
            }
            finish();
            reject(error instanceof CancelledError ? (disposed ? disposedError() : abortedError(error)) : error);
          },
        );
      };
      attempt(0);
    });
  }

  function delegate<T>(
    name: 'ask' | 'feedback' | 'freshness',
    signal: AbortSignal | undefined,
    call: ((signal: AbortSignal) => Promise<T>) | undefined,
  ): Promise<T> {
    if (!call) {
      return Promise.reject(
        new DataClientError('unsupported', `The ${transport.name} transport does not support ${name}`, {
          transport: transport.name,
        }),
      );
    }
    if (signal?.aborted) return Promise.reject(abortedError(signal.reason, transport.name));
    const controller = new AbortController();
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    let promise: Promise<T>;
    try {
      promise = call(controller.signal);
    } catch (error) {
      promise = Promise.reject(error);
    }
    return raceAbort(promise, signal, transport.name).finally(() => signal?.removeEventListener('abort', forward));
  }

  function observe(request: QueryRequest, observeOptions: ObserveOptions = {}): QueryStore {
    const enabled = observeOptions.enabled ?? true;
    const observer = new QueryObserver<QueryResult, Error, QueryResult, QueryResult, QueryKey>(queryClient, {
      ...queryOptions(request),
      enabled,
    });
    let last: QuerySnapshot = snapshotOfResult(observer.getCurrentResult(), enabled);
    let lastResult = observer.getCurrentResult();
    const getSnapshot = () => {
      const result = observer.getCurrentResult();
      if (result !== lastResult) {
        lastResult = result;
        const next = snapshotOfResult(result, enabled);
        if (!sameSnapshot(next, last)) last = next;
      }
      return last;
    };

    // The store's listeners; the observer watches the query (and fetches) while there are any. It starts a microtask
    // after the first subscription, so that unsubscribing and subscribing again at once (as StrictMode's double
    // effects do) makes one transport call; it stops at once when the last listener leaves, which aborts a fetch nobody
    // else needs.
    const listeners = new Set<() => void>();
    let detach: (() => void) | undefined;
    let attaching = false;
    const notify = () => {
      for (const listener of [...listeners]) listener();
    };
    const attach = () => {
      attaching = false;
      if (detach || listeners.size === 0 || disposed) return;
      detach = observer.subscribe(notify);
    };

    return {
      key: keyOf(request),
      subscribe: (listener) => {
        const entry = () => listener();
        listeners.add(entry);
        if (!detach && !attaching) {
          attaching = true;
          queueMicrotask(attach);
        }
        return () => {
          if (!listeners.delete(entry) || listeners.size > 0 || !detach) return;
          const stop = detach;
          detach = undefined;
          stop();
        };
      },
      getSnapshot,
      refetch: async () => {
        const current = findQuery(request);
        if (current && current.state.fetchStatus !== 'idle' && current.state.data === undefined) {
          // See replaceFetch: query-core would share the first fetch instead of replacing it.
          void current.cancel({ silent: true });
        }
        await observer.refetch();
        return getSnapshot();
      },
    };
  }

  const cachedSnapshots = new WeakMap<object, QuerySnapshot>();

  return {
    transport,
    spaces,
    query,
    ask(request, { signal, onText, onPart } = {}) {
      const ask = transport.ask?.bind(transport);
      return delegate('ask', signal, ask && ((s) => ask(request, { signal: s, onText, onPart, spaces })));
    },
    feedback(request, { signal } = {}) {
      const feedback = transport.feedback?.bind(transport);
      return delegate('feedback', signal, feedback && ((s) => feedback(request, { signal: s })));
    },
    freshness(source, { signal } = {}) {
      const freshness = transport.freshness?.bind(transport);
      return delegate('freshness', signal, freshness && ((s) => freshness(source, { signal: s })));
    },
    observe,
    watch(request, listener, observeOptions) {
      const store = observe(request, observeOptions);
      return store.subscribe(() => listener(store.getSnapshot()));
    },
    getSnapshot(request) {
      const found = findQuery(request);
      if (!found) return IDLE_SNAPSHOT;
      let snapshot = cachedSnapshots.get(found.state);
      if (!snapshot) {
        snapshot = snapshotOfState(found.state, false);
        cachedSnapshots.set(found.state, snapshot);
      }
      return snapshot;
    },
    async invalidate(request) {
      const filters = request ? { queryKey: queryKeyOf(request), exact: true } : { queryKey: [ROOT] };
      await queryClient.invalidateQueries({ ...filters, refetchType: 'none' });
      const targets = queryClient
        .getQueryCache()
        .findAll(filters)
        .filter((q) => q.isActive() || q.state.fetchStatus !== 'idle') as Query<QueryResult, Error>[];
      // Errors reach the watchers and the waiting callers; invalidate itself only waits.
      await Promise.all(targets.map((q) => replaceFetch(q).catch(() => undefined)));
    },
    async clear() {
      const cache = queryClient.getQueryCache();
      for (const q of cache.findAll({ queryKey: [ROOT] })) {
        if (q.getObserversCount() === 0) cache.remove(q);
      }
      await queryClient.resetQueries({ queryKey: [ROOT] });
    },
    dispose() {
      disposed = true;
      queryClient.clear();
      queryClient.unmount();
    },
    keyOf,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A semantic request, for `client.query`. */
export function semanticRequest(space: string, query: SemanticQuery): SemanticRequest {
  return { kind: 'semantic', space, query };
}
