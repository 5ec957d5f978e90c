import type { SemanticQuery } from '../semantic/types';
import type { DataClient } from './client';
import type { QueryRequest, QueryResult, SemanticRequest, SqlRequest } from './types';

/** What TanStack Query's `useQuery`, `fetchQuery` and `prefetchQuery` take: a key and a function given a signal. */
export interface DataQueryOptions {
  queryKey: readonly ['@insightpulse/query', string];
  queryFn: (context: { signal: AbortSignal }) => Promise<QueryResult>;
}

/**
 * Query options for an app that runs TanStack Query itself: the request goes through `client` (compiled, retried and
 * de-duplicated there), with the app's `AbortSignal` carried to the transport; the app's `QueryClient` holds its
 * result. The key is the request's content, so equal requests share an entry. `{ fresh: true }` makes the client
 * wait for a fetch when its own cached copy is stale, so the app's invalidations reach the source.
 */
export function queryOptions(client: DataClient, request: QueryRequest): DataQueryOptions {
  return {
    queryKey: ['@insightpulse/query', client.keyOf(request)],
    queryFn: ({ signal }) => client.query(request, { signal, fresh: true }),
  };
}

/** `queryOptions` for a semantic query: `semanticQueryOptions(client, { space: 'sales', query: { metrics } })`. */
export function semanticQueryOptions(
  client: DataClient,
  options: { space: string; query: SemanticQuery },
): DataQueryOptions {
  const request: SemanticRequest = { kind: 'semantic', space: options.space, query: options.query };
  return queryOptions(client, request);
}

/** `queryOptions` for SQL with `$n` parameters: `sqlQueryOptions(client, { sql, params })`. */
export function sqlQueryOptions(client: DataClient, options: Omit<SqlRequest, 'kind'>): DataQueryOptions {
  return queryOptions(client, { kind: 'sql', ...options });
}
