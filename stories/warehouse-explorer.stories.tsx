import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useId, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { Freshness } from '../src/core/client';
import { demoSpaces, type SemanticQuery, type SemanticTimeGrain } from '../src/core/semantic';
import { ChartCard } from '../src/react/chart-card';
import { useDataClient, useSemanticQuery } from '../src/react/provider';
import { demoData, describeWarehouse, withDemoClient } from './support/demo-data';

/** The job whose runs say how fresh each space's table is (`data_lab_job_runs.job_name`). */
const FRESHNESS_SOURCE: Record<string, string> = {
  sales: 'sales_summary',
  finance: 'finance_monthly',
  ops: 'close_metrics',
  creative: 'campaign_performance',
  executive: 'finance_monthly',
};

function Select({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div style={{ display: 'grid', gap: 4 }}>
      <label htmlFor={id} style={{ fontSize: 13 }}>
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Semantic queries on the embedded warehouse: pick a space, a metric, a dimension and a time grain; the
 * card shows the chart the data calls for, the rows, the SQL that ran (as the space's read-only role)
 * and how fresh the data is.
 */
function WarehouseExplorer({ initialSpace = 'sales' }: { initialSpace?: string }) {
  const client = useDataClient();
  const [spaceName, setSpaceName] = useState(initialSpace);
  const space = demoSpaces.find((s) => s.name === spaceName) ?? (demoSpaces[0] as (typeof demoSpaces)[number]);
  const [metric, setMetric] = useState(space.metrics[0]?.name ?? '');
  const [dimension, setDimension] = useState('');
  const [grain, setGrain] = useState<SemanticTimeGrain | ''>('month');
  const [freshness, setFreshness] = useState<Freshness>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    demoData().then(({ warehouse }) => setStatus(describeWarehouse(warehouse)));
  }, []);

  const chooseSpace = (name: string) => {
    const next = demoSpaces.find((s) => s.name === name);
    setSpaceName(name);
    setMetric(next?.metrics[0]?.name ?? '');
    setDimension('');
    setGrain(next?.timeDimension?.grains?.includes('month') === false ? '' : 'month');
  };

  useEffect(() => {
    const controller = new AbortController();
    const source = FRESHNESS_SOURCE[space.name];
    if (source)
      client.freshness(source, { signal: controller.signal }).then(setFreshness, () => setFreshness(undefined));
    return () => controller.abort();
  }, [client, space.name]);

  const query: SemanticQuery = {
    metrics: [metric],
    dimensions: dimension ? [dimension] : [],
    ...(grain ? { timeGrain: grain } : {}),
  };
  const result = useSemanticQuery({ space: space.name, query });
  const metricLabel = space.metrics.find((m) => m.name === metric)?.label ?? metric;
  const by = [
    grain || undefined,
    dimension ? (space.dimensions.find((d) => d.name === dimension)?.label ?? dimension).toLowerCase() : undefined,
  ].filter(Boolean);
  const data = result.data;

  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 960 }}>
      <fieldset style={{ display: 'flex', gap: 16, flexWrap: 'wrap', border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 600, marginBottom: 8 }}>Query the embedded warehouse</legend>
        <Select
          label="Space"
          value={space.name}
          options={demoSpaces.map((s) => ({ value: s.name, label: s.label ?? s.name }))}
          onChange={chooseSpace}
        />
        <Select
          label="Metric"
          value={metric}
          options={space.metrics.map((m) => ({ value: m.name, label: m.label ?? m.name }))}
          onChange={setMetric}
        />
        <Select
          label="Dimension"
          value={dimension}
          options={[
            { value: '', label: 'None' },
            ...space.dimensions.map((d) => ({ value: d.name, label: d.label ?? d.name })),
          ]}
          onChange={setDimension}
        />
        <Select
          label="Time grain"
          value={grain}
          options={[
            { value: '', label: 'None' },
            ...(space.timeDimension?.grains ?? []).map((g) => ({ value: g, label: g })),
          ]}
          onChange={(value) => setGrain(value as SemanticTimeGrain | '')}
        />
      </fieldset>
      <p data-testid="warehouse-status" style={{ margin: 0, fontSize: 13 }}>
        {status}
      </p>
      <ChartCard
        title={`${metricLabel}${by.length ? ` by ${by.join(' and ')}` : ''}`}
        description={space.description}
        data={data ? { rows: data.rows, meta: data.meta } : undefined}
        loading={result.status === 'loading'}
        error={result.error}
        onRetry={() => void result.refetch()}
        provenance={
          data
            ? {
                sql: data.sql,
                freshness: freshness?.updatedAt,
                rowCount: data.rowCount,
                truncated: data.truncated,
                queryTimeMs: data.durationMs,
              }
            : undefined
        }
      />
    </div>
  );
}

const meta = {
  title: 'Data/Warehouse explorer',
  component: WarehouseExplorer,
  ...withDemoClient,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof WarehouseExplorer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Monthly revenue from the embedded warehouse, then revenue by region. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Storybook serves a snapshot of the warehouse, so the page starts from it instead of seeding.
    await expect(await canvas.findByText(/started from a snapshot/, {}, { timeout: 20_000 })).toBeVisible();
    const card = await canvas.findByRole('region', { name: /Revenue by month/ }, { timeout: 20_000 });
    await waitFor(() => expect(card.getAttribute('data-state')).toBe('ready'), { timeout: 20_000 });
    await userEvent.selectOptions(canvas.getByLabelText('Dimension'), 'region');
    await userEvent.selectOptions(canvas.getByLabelText('Time grain'), '');
    const byRegion = await canvas.findByRole('region', { name: /Revenue by region/ }, { timeout: 20_000 });
    await waitFor(() => expect(byRegion.getAttribute('data-state')).toBe('ready'), { timeout: 20_000 });
    await userEvent.click(within(byRegion).getByRole('button', { name: 'View SQL' }));
    await expect(await within(byRegion).findByText(/"scout"\."sales"/, {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** Campaign click-through rate by channel: the Creative space. */
export const Creative: Story = { args: { initialSpace: 'creative' } };

/** Days to close by quarter: the Ops space. */
export const Dark: Story = { args: { initialSpace: 'ops' }, parameters: { theme: 'dark' } };
