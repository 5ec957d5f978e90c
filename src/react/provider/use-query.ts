import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import {
  type DataClient,
  IDLE_SNAPSHOT,
  type QueryRequest,
  type QuerySnapshot,
  type SemanticRequest,
} from '../../core/client';
import type { SemanticQuery } from '../../core/semantic/types';
import { useDataClient } from './data-client-provider';

/** What every data hook takes besides its request. */
export interface DataHookOptions {
  /** The client to use instead of the nearest `<DataClientProvider>`'s. Default the provider's. */
  client?: DataClient;
  /** False keeps the request from fetching; a cached result is still returned. Default true. */
  enabled?: boolean;
}

export interface UseQueryOptions extends DataHookOptions {
  /** The request (`{ kind: 'sql', sql, params }` or `{ kind: 'semantic', space, query }`); `null` asks for nothing. */
  request: QueryRequest | null | undefined;
}

export interface UseSemanticQueryOptions extends DataHookOptions {
  /** The semantic space, for example `'sales'`. */
  space: string;
  /** Metrics by dimensions; `null` or `undefined` asks for nothing. */
  query: SemanticQuery | null | undefined;
}

export interface UseQueryResult extends QuerySnapshot {
  /** Fetches again now (replacing an in-flight fetch); resolves, never rejects, with the new snapshot. */
  refetch: () => Promise<QuerySnapshot>;
}

const noSubscription = () => () => {};
const idle = () => IDLE_SNAPSHOT;

/** The first request seen with each key: a new object with the same content is the same request. */
function useStableRequest(request: QueryRequest | null | undefined, key: string | null) {
  const ref = useRef({ key, request });
  if (ref.current.key !== key) ref.current = { key, request };
  return ref.current.request;
}

/**
 * A request's state, kept up to date: `{ status, data, error, isFetching, updatedAt, refetch }`, where `status` is
 * `'idle' | 'loading' | 'empty' | 'ready' | 'error'`. It fetches on
 * mount when the cached result is missing or stale (stale results are shown while they refresh), shares one
 * fetch between every component asking for the same request, and aborts its fetch on unmount when no one else
 * needs it. Requests are compared by content, so passing a new object with the same content does not refetch.
 * A `request` of `null` or `undefined` asks for nothing (`status: 'idle'`). Throws a `DataClientProviderMissingError` outside a
 * `<DataClientProvider>` unless `options.client` is given.
 */
export function useQuery(options: UseQueryOptions): UseQueryResult {
  const { request } = options;
  const client = useDataClient({ client: options.client });
  const enabled = options.enabled ?? true;
  const key = request ? client.keyOf(request) : null;
  const stable = useStableRequest(request, key);
  const store = useMemo(() => (stable ? client.observe(stable, { enabled }) : null), [client, stable, enabled]);
  const snapshot = useSyncExternalStore(
    store ? store.subscribe : noSubscription,
    store ? store.getSnapshot : idle,
    store ? store.getSnapshot : idle,
  );
  const refetch = useCallback(() => (store ? store.refetch() : Promise.resolve(IDLE_SNAPSHOT)), [store]);
  return useMemo(() => ({ ...snapshot, refetch }), [snapshot, refetch]);
}

/**
 * `useQuery` for a semantic query in a space: `useSemanticQuery({ space, query })`. A `query` of `null` or
 * `undefined` asks for nothing. The client compiles it when it knows the space, otherwise the transport's server does.
 */
export function useSemanticQuery(options: UseSemanticQueryOptions): UseQueryResult {
  const { space, query, ...rest } = options;
  const request: SemanticRequest | null = query ? { kind: 'semantic', space, query } : null;
  return useQuery({ ...rest, request });
}
