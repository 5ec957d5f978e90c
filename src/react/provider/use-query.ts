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

export interface UseQueryOptions {
  /** The client to use instead of the nearest `<DataClientProvider>`'s. */
  client?: DataClient;
  /** False keeps the request from fetching; a cached result is still returned. Default true. */
  enabled?: boolean;
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
 * A request's state, kept up to date: `{ status, data, error, isFetching, updatedAt, refetch }`. It fetches on
 * mount when the cached result is missing or stale (stale results are shown while they refresh), shares one
 * fetch between every component asking for the same request, and aborts its fetch on unmount when no one else
 * needs it. Requests are compared by content, so passing a new object with the same content does not refetch.
 * `null` or `undefined` asks for nothing (`status: 'idle'`). Throws a `DataClientProviderMissingError` outside a
 * `<DataClientProvider>` unless `options.client` is given.
 */
export function useQuery(request: QueryRequest | null | undefined, options: UseQueryOptions = {}): UseQueryResult {
  const client = useDataClient(options.client);
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
 * `useQuery` for a semantic query in a space: metrics by dimensions. `query` `null` or `undefined` asks for
 * nothing. The client compiles it when it knows the space, otherwise the transport's server does.
 */
export function useSemanticQuery(
  space: string,
  query: SemanticQuery | null | undefined,
  options: UseQueryOptions = {},
): UseQueryResult {
  const request: SemanticRequest | null = query ? { kind: 'semantic', space, query } : null;
  return useQuery(request, options);
}
