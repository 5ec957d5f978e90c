import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CompiledQuery,
  createDataClient,
  type DataClient,
  DataClientError,
  memoryTransport,
  type QueryRequest,
  type Transport,
} from '../../src/core/client';
import { salesSpace } from '../../src/core/semantic';
import {
  DataClientProvider,
  DataClientProviderMissingError,
  useDataClient,
  useQuery,
  useSemanticQuery,
} from '../../src/react/provider';
import { controlledTransport, result } from '../fixtures/transports';

const clients: DataClient[] = [];
const make = (transport: Transport, options: Partial<Parameters<typeof createDataClient>[0]> = {}) => {
  const client = createDataClient({ transport, retry: false, ...options });
  clients.push(client);
  return client;
};
const wrapper =
  (client: DataClient) =>
  ({ children }: { children: ReactNode }) => <DataClientProvider client={client}>{children}</DataClientProvider>;

/** Shows the value of one shared request. */
function Value({ label }: { label: string }) {
  const { status, data } = useQuery({ request: { kind: 'sql', sql: 'shared' } });
  return <output aria-label={label}>{status === 'ready' ? String(data?.rows[0]?.value) : status}</output>;
}

afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
  vi.restoreAllMocks();
});

describe('useQuery', () => {
  it('goes from loading to ready', async () => {
    const { transport, calls } = controlledTransport();
    const client = make(transport);
    const { result: hook } = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'select 1' } }), {
      wrapper: wrapper(client),
    });
    expect(hook.current).toMatchObject({ status: 'loading', data: undefined, error: undefined });
    await waitFor(() => expect(hook.current.isFetching).toBe(true));
    expect(calls).toHaveLength(1);
    await act(async () => calls[0]?.resolve(result(1)));
    await waitFor(() => expect(hook.current.status).toBe('ready'));
    expect(hook.current).toMatchObject({ data: { rows: [{ value: 1 }] }, isFetching: false });
  });

  it('says empty for a result with no rows', async () => {
    const { transport, calls } = controlledTransport();
    const client = make(transport);
    const { result: hook } = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'select none' } }), {
      wrapper: wrapper(client),
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0]?.resolve({ rows: [], meta: [], rowCount: 0, truncated: false }));
    await waitFor(() => expect(hook.current.status).toBe('empty'));
    expect(hook.current.data?.rows).toEqual([]);
  });

  it('goes from loading to error with the typed error', async () => {
    const { transport, calls } = controlledTransport();
    const client = make(transport);
    const { result: hook } = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'select 1' } }), {
      wrapper: wrapper(client),
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => calls[0]?.reject(new DataClientError('permission', 'no')));
    await waitFor(() => expect(hook.current.status).toBe('error'));
    expect(hook.current.error).toMatchObject({ code: 'permission' });
  });

  it('does not refetch when given a new request object with the same content, and keeps its result object', async () => {
    const transport = memoryTransport({ resolve: () => [{ n: 1 }] });
    const client = make(transport);
    const { result: hook, rerender } = renderHook(({ request }: { request: QueryRequest }) => useQuery({ request }), {
      wrapper: wrapper(client),
      initialProps: { request: { kind: 'sql', sql: 'select $1', params: [1] } },
    });
    await waitFor(() => expect(hook.current.status).toBe('ready'));
    const before = hook.current;
    rerender({ request: { params: [1], sql: 'select $1', kind: 'sql' } as QueryRequest });
    rerender({ request: { kind: 'sql', sql: 'select $1', params: [1] } });
    expect(hook.current).toBe(before);
    expect(transport.calls).toHaveLength(1);

    rerender({ request: { kind: 'sql', sql: 'select $1', params: [2] } });
    await waitFor(() => expect(transport.calls).toHaveLength(2));
  });

  it('shows the answer to the current request, never a late answer to the previous one', async () => {
    const { transport, calls } = controlledTransport();
    const client = make(transport);
    const { result: hook, rerender } = renderHook(
      ({ sql }: { sql: string }) => useQuery({ request: { kind: 'sql', sql } }),
      {
        wrapper: wrapper(client),
        initialProps: { sql: 'a' },
      },
    );
    await waitFor(() => expect(calls).toHaveLength(1));
    rerender({ sql: 'b' });
    await waitFor(() => expect(calls).toHaveLength(2));
    await act(async () => calls[1]?.resolve(result('b')));
    await waitFor(() => expect(hook.current.data?.rows).toEqual([{ value: 'b' }]));
    await act(async () => calls[0]?.resolve(result('a')));
    expect(hook.current.data?.rows).toEqual([{ value: 'b' }]);
  });

  it('aborts its request on unmount', async () => {
    const { transport, calls } = controlledTransport();
    const client = make(transport);
    const { unmount } = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'select pg_sleep(9)' } }), {
      wrapper: wrapper(client),
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.signal.aborted).toBe(false);
    unmount();
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it('keeps the request while another component still uses it, and shares one fetch', async () => {
    const { transport, calls } = controlledTransport();
    const client = make(transport);
    const view = render(
      <DataClientProvider client={client}>
        <Value label="one" />
        <Value label="two" />
      </DataClientProvider>,
    );
    await waitFor(() => expect(calls).toHaveLength(1));
    view.rerender(
      <DataClientProvider client={client}>
        <Value label="one" />
      </DataClientProvider>,
    );
    expect(calls[0]?.signal.aborted).toBe(false);
    await act(async () => calls[0]?.resolve(result(42)));
    await waitFor(() => expect(screen.getByRole('status', { name: 'one' })).toHaveTextContent('42'));
    expect(calls).toHaveLength(1);
  });

  it('works in StrictMode', async () => {
    const transport = memoryTransport({ resolve: () => [{ n: 1 }] });
    const client = make(transport);
    const { result: hook } = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'strict' } }), {
      wrapper: ({ children }) => (
        <StrictMode>
          <DataClientProvider client={client}>{children}</DataClientProvider>
        </StrictMode>
      ),
    });
    await waitFor(() => expect(hook.current.status).toBe('ready'));
    expect(hook.current.data?.rows).toEqual([{ n: 1 }]);
  });

  it('makes exactly one transport call in StrictMode (mount, unmount, mount), and aborts it on unmount', async () => {
    const { transport, calls } = controlledTransport();
    const client = make(transport);
    const { result: hook, unmount } = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'strict once' } }), {
      wrapper: ({ children }) => (
        <StrictMode>
          <DataClientProvider client={client}>{children}</DataClientProvider>
        </StrictMode>
      ),
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.signal.aborted).toBe(false);
    await act(async () => calls[0]?.resolve(result(7)));
    await waitFor(() => expect(hook.current.data?.rows).toEqual([{ value: 7 }]));
    expect(calls).toHaveLength(1);

    const second = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'strict unmount' } }), {
      wrapper: ({ children }) => (
        <StrictMode>
          <DataClientProvider client={client}>{children}</DataClientProvider>
        </StrictMode>
      ),
    });
    await waitFor(() => expect(calls).toHaveLength(2));
    second.unmount();
    expect(calls[1]?.signal.aborted).toBe(true);
    unmount();
  });

  it('is idle when disabled or given no request, and fetches once enabled', async () => {
    const transport = memoryTransport({ resolve: () => [{ n: 1 }] });
    const client = make(transport);
    const { result: hook, rerender } = renderHook(
      ({ enabled, request }: { enabled: boolean; request: QueryRequest | null }) => useQuery({ request, enabled }),
      { wrapper: wrapper(client), initialProps: { enabled: false, request: { kind: 'sql', sql: 'x' } } },
    );
    expect(hook.current.status).toBe('idle');
    rerender({ enabled: true, request: null });
    expect(hook.current.status).toBe('idle');
    await act(async () => {
      await hook.current.refetch();
    });
    expect(transport.calls).toHaveLength(0);
    rerender({ enabled: true, request: { kind: 'sql', sql: 'x' } });
    await waitFor(() => expect(hook.current.status).toBe('ready'));
    expect(transport.calls).toHaveLength(1);
  });

  it('refetches on demand', async () => {
    let n = 0;
    const transport = memoryTransport({ resolve: () => [{ n: ++n }] });
    const client = make(transport);
    const { result: hook } = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'x' } }), {
      wrapper: wrapper(client),
    });
    await waitFor(() => expect(hook.current.data?.rows).toEqual([{ n: 1 }]));
    await act(async () => {
      const snapshot = await hook.current.refetch();
      expect(snapshot.data?.rows).toEqual([{ n: 2 }]);
    });
    expect(hook.current.data?.rows).toEqual([{ n: 2 }]);
  });

  it('throws DataClientProviderMissingError outside a provider, unless given a client', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useQuery({ request: { kind: 'sql', sql: 'x' } }))).toThrow(
      DataClientProviderMissingError,
    );
    expect(() => renderHook(() => useDataClient())).toThrow(/inside <DataClientProvider>/);

    const client = make(memoryTransport({ resolve: () => [{ ok: 1 }] }));
    expect(renderHook(() => useDataClient({ client })).result.current).toBe(client);
    const { result: hook } = renderHook(() => useQuery({ request: { kind: 'sql', sql: 'x' }, client }));
    await waitFor(() => expect(hook.current.status).toBe('ready'));
  });

  it('prefers a client given to the hook over the provider', () => {
    const provided = make(memoryTransport());
    const given = make(memoryTransport());
    const { result: hook } = renderHook(() => useDataClient({ client: given }), { wrapper: wrapper(provided) });
    expect(hook.current).toBe(given);
  });
});

describe('useSemanticQuery', () => {
  it('compiles the query for a known space', async () => {
    const transport = memoryTransport({ resolve: () => [{ region: 'North', revenue: 5 }] });
    const client = make(transport, { spaces: [salesSpace] });
    const { result: hook } = renderHook(
      () => useSemanticQuery({ space: 'sales', query: { metrics: ['revenue'], dimensions: ['region'] } }),
      { wrapper: wrapper(client) },
    );
    await waitFor(() => expect(hook.current.status).toBe('ready'));
    expect((transport.calls[0] as CompiledQuery).role).toBe(salesSpace.role);
    expect(hook.current.data?.meta.map((m) => m.name)).toEqual(['region', 'revenue']);
  });

  it('is idle without a query', () => {
    const client = make(memoryTransport());
    const { result: hook } = renderHook(() => useSemanticQuery({ space: 'sales', query: null }), {
      wrapper: wrapper(client),
    });
    expect(hook.current.status).toBe('idle');
  });
});
