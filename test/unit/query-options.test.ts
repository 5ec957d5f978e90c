// @vitest-environment node
import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import {
  type CompiledQuery,
  createDataClient,
  type QueryRequest,
  type QueryResult,
  type Transport,
} from '../../src/core/client';
import { salesSpace } from '../../src/core/semantic';
import { queryOptions, semanticQueryOptions, sqlQueryOptions } from '../../src/index';

/** A transport answering every compiled query with `answer(query)`. */
function answering(answer: (query: CompiledQuery) => Record<string, unknown>[]): Transport {
  return {
    name: 'test',
    query: async (query) => {
      const rows = answer(query as CompiledQuery);
      return { rows, meta: [], rowCount: rows.length, truncated: false } satisfies QueryResult;
    },
  };
}

describe('query-options factories for an app’s own TanStack QueryClient', () => {
  it('fetch a semantic query through the data client, keyed by its content', async () => {
    const seen: string[] = [];
    const transport = answering((compiled) => {
      seen.push(compiled.sql);
      return [{ revenue: 42 }];
    });
    const client = createDataClient({ transport, spaces: [salesSpace], retry: false });
    const app = new QueryClient({ defaultOptions: { queries: { retry: false } } });

    const options = semanticQueryOptions(client, { space: 'sales', query: { metrics: ['revenue'] } });
    const again = semanticQueryOptions(client, { space: 'sales', query: { metrics: ['revenue'] } });
    expect(again.queryKey).toEqual(options.queryKey);
    expect(semanticQueryOptions(client, { space: 'sales', query: { metrics: ['orders'] } }).queryKey).not.toEqual(
      options.queryKey,
    );

    const result = await app.fetchQuery(options);
    expect(result.rows).toEqual([{ revenue: 42 }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/SUM|sum/);
    expect(app.getQueryData(options.queryKey)).toBe(result);
    client.dispose();
    app.clear();
  });

  it('run SQL with parameters', async () => {
    const client = createDataClient({
      transport: answering((compiled) => [{ echoed: compiled.params[0] }]),
      retry: false,
    });
    const app = new QueryClient();
    const result = await app.fetchQuery(sqlQueryOptions(client, { sql: 'select $1 as echoed', params: [7] }));
    expect(result.rows).toEqual([{ echoed: 7 }]);
    client.dispose();
    app.clear();
  });

  it('pass the app’s AbortSignal to the transport: cancelling the query aborts the call', async () => {
    let signalSeen: AbortSignal | undefined;
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transport: Transport = {
      name: 'slow',
      query: (_compiled, { signal }) => {
        signalSeen = signal;
        started();
        return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
      },
    };
    const client = createDataClient({ transport, retry: false });
    const app = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const request: QueryRequest = { kind: 'sql', sql: 'select pg_sleep(60)' };
    const options = queryOptions(client, request);

    const fetching = app.fetchQuery(options).catch((error: unknown) => error);
    await running;
    expect(signalSeen?.aborted).toBe(false);
    await app.cancelQueries({ queryKey: options.queryKey });
    await fetching;
    expect(signalSeen?.aborted).toBe(true);
    client.dispose();
    app.clear();
  });
});
