import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { FormatSpec } from '../src/core/format';
import { KpiGrid, KpiTile, type KpiTileProps, type KpiTileSparkline } from '../src/react/kpi-tile';
import { type UseKpiOptions, useDataClient, useKpi } from '../src/react/provider';
import { hostileLabels } from '../test/fixtures/charts';
import { withDemoClient } from './support/demo-data';

/** Monthly revenue in 2025 (₱), as the demo warehouse has it. */
const revenueByMonth = [
  4_765_077, 4_193_646, 5_077_993, 4_952_130, 5_579_320, 4_944_640, 5_149_575, 5_372_894, 5_203_297, 5_759_344,
  5_980_202, 7_412_275,
];
const pesos: FormatSpec = { kind: 'compact', currency: 'PHP' };

const meta = {
  title: 'KPI/KpiTile',
  component: KpiTile,
  parameters: { layout: 'padded' },
  args: {
    label: 'Revenue',
    value: 7_412_275,
    format: pesos,
    period: 'Dec 2025',
    comparisons: { previous: { value: 5_980_202, label: 'vs Nov 2025' } },
    sparkline: { values: revenueByMonth, kind: 'area' },
    provenance: { freshness: '2025-12-31' },
    style: { maxWidth: 280 },
  },
} satisfies Meta<typeof KpiTile>;

export default meta;
type Story = StoryObj<typeof meta>;

const REVENUE = 'Revenue (Dec 2025) ₱7.4M, up 23.9% vs Nov 2025';

/** Revenue against the month before, with a year of history and when the data was written. */
export const Default: Story = {
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', { name: `${REVENUE}, updated Dec 31, 2025` });
    await expect(tile).toHaveAttribute('data-state', 'ready');
    await expect(tile).toHaveAttribute('data-trend', 'up');
    await expect(within(tile).getByText('+23.9%')).toBeVisible();
    await expect(within(tile).getByText('Updated Dec 31, 2025')).toBeVisible();
  },
};

/** Progress toward the month's target as a bar, and how far from it. */
export const WithTargetProgress: Story = {
  args: {
    comparisons: { previous: { value: 5_980_202, label: 'vs Nov 2025' }, target: { value: 7_499_376 } },
    progress: true,
  },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('group', { name: new RegExp(`^${literal(REVENUE)}, 98.8% of target`) }),
    ).toBeVisible();
    const bar = canvas.getByRole('progressbar', { name: 'Progress toward target' });
    await expect(bar).toHaveAttribute('aria-valuenow', '98.8');
    await expect(bar).toHaveAttribute('aria-valuetext', '98.8% of target');
  },
};

/** Days to close fell: good news, so the arrow points down and the colour is the positive one. */
export const DownIsGood: Story = {
  args: {
    label: 'Days to close',
    value: 5.2,
    format: { kind: 'number', minimumFractionDigits: 1, maximumFractionDigits: 1 },
    period: 'Nov 2025',
    comparisons: { previous: { value: 6.5, label: 'vs Oct 2025' } },
    sparkline: { values: [7, 7, 6.5, 6, 6, 6, 5.5, 5.5, 5, 5, 6.5, 5.2] },
    downIsGood: true,
  },
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', { name: /^Days to close \(Nov 2025\) 5\.2, down 20% vs Oct 2025/ });
    await expect(tile).toHaveAttribute('data-trend', 'down');
    await expect(tile).toHaveAttribute('data-sentiment', 'positive');
    await expect(within(tile).getByText('-20%')).toBeVisible();
  },
};

/** A 0.3% dip is within the neutral band (0.5%): flat, in neither colour. */
export const Flat: Story = {
  args: {
    label: 'Average order value',
    value: 95.55,
    format: { kind: 'currency', currency: 'PHP' },
    comparisons: { previous: { value: 95.82, label: 'vs Nov 2025' } },
    sparkline: { values: [93.2, 94.4, 94.7, 94.4, 98.4, 93.4, 97.1, 95.3, 95.2, 95.9, 95.8, 95.5] },
  },
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', { name: /^Average order value \(Dec 2025\) ₱95\.55, flat \(down 0\.3%\)/ });
    await expect(tile).toHaveAttribute('data-trend', 'flat');
    await expect(tile).toHaveAttribute('data-sentiment', 'neutral');
  },
};

/** The change of a rate in percentage points and in percent. */
export const AbsoluteChange: Story = {
  args: {
    label: 'Expense ratio',
    value: 0.254,
    format: { kind: 'percent', maximumFractionDigits: 1 },
    comparisons: { previous: { value: 0.21, label: 'vs Nov 2025' } },
    deltaDisplay: 'both',
    downIsGood: true,
    sparkline: { values: [0.23, 0.18, 0.21, 0.19, 0.2, 0.18, 0.22, 0.23, 0.23, 0.22, 0.21, 0.254], kind: 'bar' },
  },
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', { name: /^Expense ratio \(Dec 2025\) 25\.4%, up 4\.4 percentage points/ });
    await expect(tile).toHaveAttribute('data-sentiment', 'negative');
    await expect(within(tile).getByText('+4.4 pp (+21%)')).toBeVisible();
  },
};

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', { name: 'Revenue (Dec 2025), loading' });
    await expect(tile).toHaveAttribute('data-state', 'loading');
    await expect(tile).toHaveAttribute('aria-busy', 'true');
  },
};

export const Empty: Story = {
  args: { value: null },
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', { name: 'Revenue (Dec 2025), no data' });
    await expect(tile).toHaveAttribute('data-state', 'empty');
    await expect(within(tile).getByText('No data for this selection.')).toBeVisible();
  },
};

export const ErrorState: Story = {
  name: 'Error',
  args: { error: 'The warehouse did not answer in time.' },
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', {
      name: 'Revenue (Dec 2025), error: The warehouse did not answer in time.',
    });
    await expect(tile).toHaveAttribute('data-state', 'error');
    await expect(within(tile).getByText('The warehouse did not answer in time.')).toBeVisible();
  },
};

/** Small, medium (the default) and large. */
export const Sizes: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      {(['sm', 'md', 'lg'] as const).map((size) => (
        <KpiTile key={size} {...args} size={size} style={{ width: 200 + (size === 'lg' ? 80 : 0) }} />
      ))}
    </div>
  ),
  play: async ({ canvas }) => {
    const tiles = canvas.getAllByRole('group', { name: new RegExp(`^${literal(REVENUE)}`) });
    await expect(tiles.map((tile) => tile.getAttribute('data-size'))).toEqual(['sm', 'md', 'lg']);
  },
};

/** With `onClick` the tile is a button, named by its sentence: a drill-down. */
export const Clickable: Story = {
  args: { onClick: fn() },
  play: async ({ canvas, args }) => {
    const button = canvas.getByRole('button', { name: `${REVENUE}, updated Dec 31, 2025` });
    await userEvent.click(button);
    await expect(args.onClick).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Enter}');
    await expect(args.onClick).toHaveBeenCalledTimes(2);
  },
};

/** With `href` the tile is a link. */
export const Link: Story = {
  args: { href: '#revenue-by-region' },
  play: async ({ canvas }) => {
    const link = canvas.getByRole('link', { name: `${REVENUE}, updated Dec 31, 2025` });
    await expect(link).toHaveAttribute('href', '#revenue-by-region');
    link.focus();
    await expect(link).toHaveFocus();
  },
};

/** In Filipino (the toolbar's Language switch, or `messages={fil}` on the provider): words, sentence and dates. */
export const Filipino: Story = {
  parameters: { locale: 'fil-PH' },
  args: {
    label: 'Kita',
    period: 'Dis 2025',
    comparisons: { previous: { value: 5_980_202, label: 'kumpara sa Nob 2025' }, target: { value: 7_499_376 } },
    progress: true,
  },
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', {
      name: /^Kita \(Dis 2025\) .+, tumaas nang 23\.9% kumpara sa Nob 2025, 98\.8% ng target, na-update noong /,
    });
    await expect(tile).toHaveAttribute('data-state', 'ready');
    await expect(canvas.getByRole('progressbar', { name: 'Pag-usad patungo sa target' })).toBeVisible();
    await expect(within(tile).getByText(/^Na-update noong /)).toBeVisible();
  },
};

/** Dark mode comes from the tokens: the same tile in the dark theme. */
export const Dark: Story = {
  parameters: { theme: 'dark' },
  args: WithTargetProgress.args,
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', { name: new RegExp(`^${literal(REVENUE)}`) });
    await expect(tile).toHaveAttribute('data-trend', 'up');
    await expect(canvas.getByRole('progressbar')).toBeVisible();
  },
};

/** Labels that are HTML, very long, right to left or emoji: shown as text, cut to one line with a tooltip. */
export const HostileLabels: Story = {
  render: (args) => (
    <KpiGrid label="Hostile labels" minTileWidth={200}>
      {[
        ...hostileLabels,
        'Revenue from every store in every region of the Philippines, net of returns, before tax, in pesos',
        'الإيرادات الشهرية',
        '📈🚀 Revenue 💸',
      ].map((label) => (
        <KpiTile key={label} {...args} label={label} period={undefined} provenance={undefined} style={undefined} />
      ))}
    </KpiGrid>
  ),
  play: async ({ canvas, canvasElement }) => {
    for (const label of hostileLabels) {
      const tile = canvas.getByRole('group', { name: new RegExp(`^${literal(label)} ₱7\\.4M`) });
      await expect(within(tile).getByText(label)).toHaveAttribute('title', label);
    }
    const long = canvas.getByText(/^Revenue from every store/);
    await expect(long.scrollWidth).toBeGreaterThan(long.clientWidth);
    await expect(canvasElement.querySelector('img, script, iframe, svg[onload], a[href^="javascript"]')).toBeNull();
    await expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  },
};

/** Six tiles in a grid: as many columns as fit, every tile in a row as tall as the tallest. */
export const Grid: Story = {
  render: (args) => (
    <KpiGrid label="Sales this month">
      <KpiTile
        {...args}
        style={undefined}
        comparisons={{ ...args.comparisons, target: { value: 7_499_376 } }}
        progress
      />
      <KpiTile {...DownIsGood.args} label="Days to close" value={5.2} />
      <KpiTile {...Flat.args} label="Average order value" value={95.55} />
      <KpiTile {...AbsoluteChange.args} label="Expense ratio" value={0.254} />
      <KpiTile {...args} style={undefined} loading />
      <KpiTile {...args} style={undefined} value={null} label="Refunds" />
    </KpiGrid>
  ),
  play: async ({ canvas }) => {
    const list = within(canvas.getByRole('region', { name: 'Sales this month' })).getByRole('list');
    const items = within(list).getAllByRole('listitem');
    await expect(items).toHaveLength(6);
    const heights = new Set(items.slice(0, 3).map((item) => Math.round(item.getBoundingClientRect().height)));
    await expect(heights.size).toBe(1);
  },
};

// Live data.

/** Where each space's freshness comes from (`data_lab_job_runs.job_name`). */
const FRESHNESS_SOURCE: Record<string, string> = {
  sales: 'sales_summary',
  ops: 'close_metrics',
  creative: 'campaign_performance',
  executive: 'finance_monthly',
};

/** One KPI from the warehouse: `useKpi` for the numbers, the space's job runs for freshness. */
function LiveKpi({
  progress,
  format,
  kind,
  ...options
}: UseKpiOptions & { progress?: boolean; format?: FormatSpec; kind?: KpiTileSparkline['kind'] }) {
  const kpi = useKpi(options);
  const client = useDataClient();
  const [freshness, setFreshness] = useState<string>();
  useEffect(() => {
    const source = FRESHNESS_SOURCE[options.space];
    if (!source) return;
    const controller = new AbortController();
    client.freshness(source, { signal: controller.signal }).then(
      (found) => setFreshness(found.updatedAt),
      () => setFreshness(undefined),
    );
    return () => controller.abort();
  }, [client, options.space]);
  const props: KpiTileProps = {
    ...kpi.props,
    ...(format ? { format } : {}),
    ...(kpi.props.sparkline && kind ? { sparkline: { ...kpi.props.sparkline, kind } } : {}),
  };
  return <KpiTile {...props} provenance={{ freshness }} progress={progress} />;
}

function ExecOverview() {
  return (
    <KpiGrid label="Executive overview" style={{ maxWidth: 1100 }}>
      <LiveKpi
        space="sales"
        metric="revenue"
        compare="previous_period"
        target={{ space: 'targets', metric: 'revenue_target' }}
        format={pesos}
        kind="area"
        progress
      />
      <LiveKpi
        space="sales"
        metric="orders"
        compare="previous_period"
        target={{ space: 'targets', metric: 'orders_target' }}
        format={{ kind: 'compact' }}
        kind="bar"
        progress
      />
      <LiveKpi space="sales" metric="average_order_value" compare="previous_period" />
      <LiveKpi space="ops" metric="days_to_close" compare="previous_period" />
      <LiveKpi space="executive" metric="expense_ratio" compare="previous_period" />
      <LiveKpi space="creative" metric="ctr" compare="previous_period" />
    </KpiGrid>
  );
}

/**
 * Six KPIs from the embedded warehouse (PGlite), each with `useKpi`: the latest complete month against the
 * month before, a year of history, and targets for revenue and orders from the targets space.
 */
export const ExecOverviewLive: Story = {
  name: 'Exec Overview',
  ...withDemoClient,
  render: () => <ExecOverview />,
  play: async ({ canvasElement, canvas }) => {
    await waitFor(
      () => expect(canvasElement.querySelectorAll('[data-slot="kpi-tile"][data-state="ready"]')).toHaveLength(6),
      { timeout: 20_000 },
    );
    const grid = canvas.getByRole('region', { name: 'Executive overview' });
    await expect(within(grid).getAllByRole('listitem')).toHaveLength(6);
    await expect(
      canvas.getByRole('group', { name: /^Revenue \(Dec 2025\) ₱7\.4M, up 23\.9% vs Nov 2025, 98\.8% of target/ }),
    ).toHaveAttribute('data-trend', 'up');
    await expect(
      canvas.getByRole('group', { name: /^Orders \(Dec 2025\) 77\.6K, up 24\.3% vs Nov 2025/ }),
    ).toBeVisible();
    // Days to close rose, and for it down is good: the trend is up, the news is bad.
    const close = canvas.getByRole('group', { name: /^Days to close \(Nov 2025\) 6\.1, up 4\.3% vs Oct 2025/ });
    await expect(close).toHaveAttribute('data-sentiment', 'negative');
    await expect(canvas.getByRole('group', { name: /^Expense ratio \(Dec 2025\) 25\.4%/ })).toHaveAttribute(
      'data-sentiment',
      'negative',
    );
    await expect(canvas.getByRole('group', { name: /^Click-through rate \(Dec 2025\) 1\.27%, flat/ })).toHaveAttribute(
      'data-trend',
      'flat',
    );
    await expect(canvas.getAllByRole('progressbar')).toHaveLength(2);
    await expect(canvasElement.querySelectorAll('[data-slot="kpi-tile-sparkline"]')).toHaveLength(6);
  },
};

/** A label as a pattern that matches it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
