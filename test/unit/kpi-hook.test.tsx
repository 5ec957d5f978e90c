import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type CompiledQuery,
  createDataClient,
  type DataClient,
  memoryTransport,
  QueryError,
  type SemanticRequest,
} from '../../src/core/client';
import { kpiQuery } from '../../src/core/kpi';
import { opsSpace, salesSpace } from '../../src/core/semantic';
import { targetsSpace } from '../../src/core/semantic/spaces';
import { KpiTile } from '../../src/react/kpi-tile';
import { DataClientProvider, type UseKpiOptions, useKpi } from '../../src/react/provider';

/** Values by space, metric and period start: what a warehouse would aggregate. */
type Data = Record<string, Record<string, Record<string, number | null>>>;

const months = (values: (number | null)[], year = 2025) =>
  Object.fromEntries(values.map((value, i) => [`${year}-${String(i + 1).padStart(2, '0')}-01`, value]));

const DATA: Data = {
  sales: { revenue: months([100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 230]) },
  targets: { revenue_target: months([90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 250]) },
  ops: { days_to_close: months([7, 7, 6.5, 6, 6, 6, 5.5, 5.5, 5, 5, 6, 5.4]) },
};

/**
 * Answers semantic requests from `data` the way the compiled SQL would: by period newest first, within the date
 * range, up to the limit; without a time grain, one row with the total.
 */
function warehouse(data: Data) {
  return memoryTransport({
    resolve: (query: CompiledQuery | SemanticRequest) => {
      const request = 'sql' in query ? query.request : query;
      if (request.kind !== 'semantic') return undefined;
      const { metrics, timeGrain, dateRange, limit } = request.query;
      const metric = metrics[0] as string;
      const values = data[request.space]?.[metric];
      if (!values) return undefined;
      const entries = Object.entries(values)
        .filter(
          ([period]) => (!dateRange?.from || period >= dateRange.from) && (!dateRange?.to || period <= dateRange.to),
        )
        .sort(([a], [b]) => (a < b ? 1 : -1));
      if (!timeGrain) {
        const known = entries.map(([, v]) => v).filter((v): v is number => v !== null);
        return [{ [metric]: known.length ? known.reduce((a, b) => a + b, 0) : null }];
      }
      return entries.slice(0, limit ?? 1000).map(([period, value]) => ({ period, [metric]: value }));
    },
  });
}

const clients: DataClient[] = [];
function make(transport = warehouse(DATA), withSpaces = true) {
  const client = createDataClient({
    transport,
    retry: false,
    ...(withSpaces ? { spaces: [salesSpace, opsSpace, targetsSpace] } : {}),
  });
  clients.push(client);
  return { client, transport };
}

beforeEach(() => {
  // Only the clock: the data ends in December 2025, and February 2026 is after it.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-02-10T09:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  for (const client of clients.splice(0)) client.dispose();
});

/** Revenue against its target, as an app would show it. */
function Revenue() {
  const kpi = useKpi({
    space: 'sales',
    metric: 'revenue',
    compare: 'previous_period',
    target: { space: 'targets', metric: 'revenue_target' },
  });
  return <KpiTile {...kpi.props} progress />;
}

async function ready(options: UseKpiOptions) {
  const hook = renderHook(() => useKpi(options));
  await waitFor(() => expect(hook.result.current.status).not.toBe('loading'));
  return hook;
}

describe('useKpi', () => {
  it('reports the latest complete period, the previous one and a sparkline oldest first, in one query', async () => {
    const { client, transport } = make();
    const { result } = await ready({ client, space: 'sales', metric: 'revenue', compare: 'previous_period' });
    expect(result.current.status).toBe('ready');
    expect(result.current.period).toBe('2025-12-01');
    expect(result.current.props).toEqual({
      label: 'Revenue',
      value: 230,
      format: { kind: 'currency', currency: 'PHP', maximumFractionDigits: 0 },
      locale: 'en-US',
      downIsGood: false,
      loading: false,
      error: null,
      period: 'Dec 2025',
      comparisons: { previous: { value: 200, label: 'vs Nov 2025' } },
      sparkline: { values: [100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 230] },
    });
    expect(transport.calls).toHaveLength(1);
    expect((transport.calls[0] as CompiledQuery).request).toEqual({
      kind: 'semantic',
      space: 'sales',
      query: kpiQuery({ metric: 'revenue', period: 'month', count: 12 }),
    });
  });

  it('skips the latest period while it is still running', async () => {
    vi.setSystemTime(new Date('2025-12-15T09:00:00Z'));
    const { client } = make();
    const { result } = await ready({
      client,
      space: 'sales',
      metric: 'revenue',
      compare: 'previous_period',
      sparkline: 3,
    });
    expect(result.current.props).toMatchObject({
      value: 200,
      period: 'Nov 2025',
      comparisons: { previous: { value: 190, label: 'vs Oct 2025' } },
      sparkline: { values: [180, 190, 200] },
    });
  });

  it('reports the period holding `at`, asking only for the periods it needs', async () => {
    const { client, transport } = make();
    const { result } = await ready({
      client,
      space: 'sales',
      metric: 'revenue',
      compare: 'previous_period',
      at: '2025-06-20',
      sparkline: 4,
    });
    expect(result.current.props).toMatchObject({
      value: 150,
      period: 'Jun 2025',
      comparisons: { previous: { value: 140 } },
      sparkline: { values: [120, 130, 140, 150] },
    });
    expect((transport.calls[0] as CompiledQuery).request).toMatchObject({
      query: { dateRange: { from: '2025-03-01', to: '2025-06-30' }, limit: 4 },
    });
  });

  it('compares with a fixed target without another query', async () => {
    const { client, transport } = make();
    const { result } = await ready({ client, space: 'sales', metric: 'revenue', target: 250, sparkline: 0 });
    expect(result.current.props.comparisons).toEqual({ target: { value: 250 } });
    expect(result.current.props.sparkline).toBeUndefined();
    expect(transport.calls).toHaveLength(1);
    // No comparison and no sparkline: one period is enough.
    expect((transport.calls[0] as CompiledQuery).request).toMatchObject({ query: { limit: 2 } });
  });

  it('reads a target metric over the reported period once that period is known', async () => {
    const { client, transport } = make();
    const { result } = await ready({
      client,
      space: 'sales',
      metric: 'revenue',
      compare: 'previous_period',
      target: { space: 'targets', metric: 'revenue_target' },
    });
    expect(result.current.status).toBe('ready');
    expect(result.current.props.comparisons).toEqual({
      previous: { value: 200, label: 'vs Nov 2025' },
      target: { value: 250 },
    });
    expect(transport.calls).toHaveLength(2);
    expect((transport.calls[1] as CompiledQuery).request).toEqual({
      kind: 'semantic',
      space: 'targets',
      query: { metrics: ['revenue_target'], dateRange: { from: '2025-12-01', to: '2025-12-31' } },
    });
  });

  it('sums the target over a quarter', async () => {
    const quarters: Data = {
      sales: { revenue: { '2025-07-01': 500, '2025-10-01': 630 } },
      targets: DATA.targets as Data[string],
    };
    const { client } = make(warehouse(quarters));
    const { result } = await ready({
      client,
      space: 'sales',
      metric: 'revenue',
      period: 'quarter',
      compare: 'previous_period',
      target: { space: 'targets', metric: 'revenue_target' },
    });
    expect(result.current.props).toMatchObject({
      value: 630,
      period: 'Q4 2025',
      comparisons: { previous: { value: 500, label: 'vs Q3 2025' }, target: { value: 180 + 190 + 250 } },
    });
  });

  it('takes the label, format and direction from the metric definition', async () => {
    const { client } = make();
    const { result } = await ready({ client, space: 'ops', metric: 'days_to_close', compare: 'previous_period' });
    expect(result.current.props).toMatchObject({
      label: 'Days to close',
      format: { kind: 'number', minimumFractionDigits: 1, maximumFractionDigits: 1 },
      downIsGood: true,
      value: 5.4,
    });
  });

  it('takes the label and format from the result when the client does not know the space', async () => {
    const transport = memoryTransport({
      resolve: () => ({
        rows: [
          { period: '2025-12-01', revenue: 12 },
          { period: '2025-11-01', revenue: 10 },
        ],
        meta: [
          { name: 'period', type: 'date' },
          { name: 'revenue', type: 'number', label: 'Net revenue', format: { kind: 'integer' } },
        ],
      }),
    });
    const { client } = make(transport, false);
    const { result } = await ready({ client, space: 'finance_hub', metric: 'revenue', label: undefined });
    expect(result.current.props).toMatchObject({ label: 'Net revenue', format: { kind: 'integer' }, value: 12 });
    const named = await ready({ client, space: 'finance_hub', metric: 'revenue', label: 'Revenue (net)' });
    expect(named.result.current.props.label).toBe('Revenue (net)');
  });

  it('is loading first, with props for the loading tile', () => {
    const { client } = make();
    const { result } = renderHook(() => useKpi({ client, space: 'sales', metric: 'revenue' }));
    expect(result.current.status).toBe('loading');
    expect(result.current.props).toMatchObject({ label: 'Revenue', value: null, loading: true });
  });

  it('has a null value when there are no rows: an empty tile', async () => {
    const { client } = make(warehouse({ sales: { revenue: {} } }));
    const { result } = await ready({ client, space: 'sales', metric: 'revenue', compare: 'previous_period' });
    expect(result.current.status).toBe('empty');
    expect(result.current.props).toMatchObject({ value: null, comparisons: {} });
    render(<KpiTile {...result.current.props} />);
    expect(screen.getByRole('group', { name: 'Revenue, no data' })).toHaveAttribute('data-state', 'empty');
  });

  it('reports a failed query as an error, and refetch recovers', async () => {
    let fail = true;
    const working = warehouse(DATA);
    const transport = memoryTransport({
      resolve: (query) => {
        if (fail) throw new QueryError('query', 'relation "scout.sales" is being rebuilt');
        return working.query(query, { signal: new AbortController().signal });
      },
    });
    const { client } = make(transport);
    const { result } = await ready({ client, space: 'sales', metric: 'revenue' });
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBeInstanceOf(QueryError);
    expect(result.current.props).toMatchObject({ error: result.current.error, loading: false });
    expect(String((result.current.props.error as Error).message)).toBe('relation "scout.sales" is being rebuilt');
    fail = false;
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.props.value).toBe(230);
    expect(result.current.error).toBeUndefined();
  });

  it('reports a failed target query as an error', async () => {
    const { client } = make(warehouse({ sales: DATA.sales as Data[string] }));
    const { result } = await ready({
      client,
      space: 'sales',
      metric: 'revenue',
      target: { space: 'targets', metric: 'revenue_target' },
    });
    expect(result.current.status).toBe('error');
    expect((result.current.props.error as Error).message).toMatch(/no fixture/);
  });

  it('renders a tile with the whole sentence from the nearest provider', async () => {
    const { client } = make();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <DataClientProvider client={client}>{children}</DataClientProvider>
    );
    render(<Revenue />, { wrapper });
    const tile = await screen.findByRole('group', {
      name: 'Revenue (Dec 2025) ₱230, up 15% vs Nov 2025, 92% of target',
    });
    expect(tile).toHaveAttribute('data-state', 'ready');
    expect(tile).toHaveAttribute('data-trend', 'up');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '92');
  });
});
