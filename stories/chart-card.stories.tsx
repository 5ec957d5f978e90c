import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ChartCard, type ChartCardProps } from '../src';
import { hostileLabels } from '../test/fixtures/charts';
import {
  brandMeta,
  brands,
  channels,
  funnel,
  monthlyByRegion,
  monthlyMeta,
  ordersByHour,
  storeMeta,
  stores,
} from '../test/fixtures/sales';

const monthly = { rows: monthlyByRegion, meta: monthlyMeta };
const sql = `SELECT date_trunc('month', date) AS month, region, sum(revenue) AS revenue, sum(orders) AS orders
FROM gold.sales_daily_summary
WHERE date >= '2026-01-01'
GROUP BY 1, 2
ORDER BY 1, 2`;

/** Every kind from sample rows, no hand-written option: the stories below and the all-kinds gallery. */
const samples = {
  line: {
    title: 'Revenue by region',
    data: monthly,
    spec: { kind: 'line', encoding: { x: 'month', y: 'revenue', series: 'region' } },
  },
  stackedArea: {
    title: 'Revenue by region, stacked',
    data: monthly,
    spec: { kind: 'area', stack: true, encoding: { x: 'month', y: 'revenue', series: 'region' } },
  },
  percentArea: {
    title: 'Regional share of revenue',
    data: monthly,
    spec: { kind: 'area', stack: 'percent', encoding: { x: 'month', y: 'revenue', series: 'region' } },
  },
  groupedBar: {
    title: 'Revenue by month and region',
    data: monthly,
    spec: { kind: 'bar', encoding: { x: 'month', y: 'revenue', series: 'region' } },
  },
  stackedBar: {
    title: 'Revenue by month, stacked by region',
    data: monthly,
    spec: { kind: 'bar', stack: true, encoding: { x: 'month', y: 'revenue', series: 'region' } },
  },
  percentBar: {
    title: 'Regional mix by month',
    data: monthly,
    spec: { kind: 'bar', stack: 'percent', encoding: { x: 'month', y: 'revenue', series: 'region' } },
  },
  horizontalBar: {
    title: 'Top brands by revenue',
    data: { rows: brands, meta: brandMeta },
    spec: { kind: 'bar', horizontal: true, sort: 'value-desc', topN: { n: 6 }, encoding: { x: 'brand', y: 'revenue' } },
  },
  combo: {
    title: 'Revenue and margin by brand',
    data: { rows: brands, meta: brandMeta },
    spec: { kind: 'combo', encoding: { x: 'brand', y: 'revenue', y2: 'margin' } },
  },
  pie: { title: 'Revenue by channel', data: channels, spec: { kind: 'pie', encoding: { x: 'channel', y: 'revenue' } } },
  donut: {
    title: 'Share of revenue by channel',
    data: channels,
    spec: { kind: 'donut', encoding: { x: 'channel', y: 'revenue' } },
  },
  scatter: {
    title: 'Store revenue against floor area',
    data: { rows: stores, meta: storeMeta },
    spec: { kind: 'scatter', encoding: { x: 'area', y: 'revenue', color: 'region' } },
  },
  bubble: {
    title: 'Stores: area, revenue and orders',
    data: { rows: stores, meta: storeMeta },
    spec: { kind: 'scatter', encoding: { x: 'area', y: 'revenue', size: 'orders' } },
  },
  heatmap: {
    title: 'Orders by weekday and hour',
    data: ordersByHour,
    spec: { kind: 'heatmap', encoding: { x: 'hour', y: 'weekday', color: 'orders' } },
  },
  funnel: { title: 'Campaign funnel', data: funnel, spec: { kind: 'funnel', encoding: { x: 'stage', y: 'people' } } },
} satisfies Record<string, Pick<ChartCardProps, 'title' | 'data' | 'spec'>>;

const meta = {
  title: 'Charts/ChartCard',
  component: ChartCard,
  args: {
    title: 'Revenue by region',
    description: 'Monthly revenue, 2026',
    data: monthly,
    spec: { kind: 'line', encoding: { x: 'month', y: 'revenue', series: 'region' } },
    provenance: { sql, rowCount: 36, queryTimeMs: 84, freshness: '2026-11-27T06:00:00Z' },
    onPointClick: fn(),
    onRetry: fn(),
  },
} satisfies Meta<typeof ChartCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits until the card shows a rendered chart. */
async function chartShown(canvasElement: HTMLElement) {
  await waitFor(() => expect(canvasElement.querySelector('[data-slot="echart"] canvas')).not.toBeNull(), {
    timeout: 5000,
  });
}

// One story per kind.

export const Line: Story = { play: async ({ canvasElement }) => chartShown(canvasElement) };
export const StackedArea: Story = { args: samples.stackedArea };
export const PercentArea: Story = { args: samples.percentArea };
export const GroupedBar: Story = { args: samples.groupedBar };
export const StackedBar: Story = { args: samples.stackedBar };
export const PercentBar: Story = { args: samples.percentBar };
export const HorizontalBar: Story = {
  args: {
    ...samples.horizontalBar,
    description: 'Last 30 days; the top 6 and the rest as Other',
    provenance: { rowCount: 10 },
  },
};
export const Combo: Story = { args: { ...samples.combo, provenance: undefined } };
export const Pie: Story = { args: { ...samples.pie, provenance: undefined } };
export const Donut: Story = { args: { ...samples.donut, provenance: undefined } };
export const Scatter: Story = { args: { ...samples.scatter, provenance: undefined } };
export const Bubble: Story = { args: { ...samples.bubble, provenance: undefined } };
export const Heatmap: Story = { args: { ...samples.heatmap, provenance: undefined } };
export const Funnel: Story = { args: { ...samples.funnel, provenance: undefined } };

/** No spec: the card picks the chart from the data and says why when asked ("Why this chart?"). */
export const Auto: Story = {
  args: { title: 'Revenue by channel', data: channels, spec: 'auto', provenance: undefined },
  play: async ({ canvas, canvasElement }) => {
    await chartShown(canvasElement);
    const why = canvas.getByRole('button', { name: 'Why this chart?' });
    await expect(why).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(why);
    await expect(why).toHaveAttribute('aria-expanded', 'true');
    await expect(await canvas.findByText(/shares of a whole/, {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** The chosen chart's reason in Filipino (the catalogue's `chartReasons`). */
export const AutoFilipino: Story = {
  ...Auto,
  parameters: { locale: 'fil-PH' },
  args: { ...Auto.args, title: 'Kita kada channel' },
  play: async ({ canvas, canvasElement }) => {
    await chartShown(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Bakit ito ang tsart?' }));
    await expect(
      await canvas.findByText(/bahagi ng isang kabuuan: ipinapakita ng donut/, {}, { timeout: 10_000 }),
    ).toBeVisible();
  },
};

// States.

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="chart-card"]')).toHaveAttribute('data-state', 'loading');
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading Revenue by region');
    await expect(canvas.getByRole('button', { name: 'Download PNG' })).toBeDisabled();
  },
};

export const Empty: Story = {
  args: { data: [], provenance: { sql, rowCount: 0 } },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="chart-card"]')).toHaveAttribute('data-state', 'empty');
    await expect(canvas.getByText('No data for this selection.')).toBeVisible();
  },
};

export const ErrorState: Story = {
  name: 'Error',
  args: { error: 'The warehouse did not answer in 30 s.' },
  play: async ({ args, canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('The warehouse did not answer in 30 s.');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** Data the chart cannot take: the adapter's message, naming the column, is the error shown. */
export const BadData: Story = {
  args: {
    data: { rows: [{ month: '2026-01-01', revenue: 'n/a' }], meta: [{ name: 'revenue', type: 'number' }] },
    spec: { kind: 'line', encoding: { x: 'month', y: 'revenue' } },
    provenance: undefined,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(/Column "revenue"/);
  },
};

/** In Filipino (the toolbar's Language switch, or `messages={fil}` on the provider): toolbar, states, footer. */
export const Filipino: Story = {
  parameters: { locale: 'fil-PH' },
  args: {
    title: 'Kita kada rehiyon',
    description: 'Buwanang kita, 2026',
    spec: { kind: 'bar', stack: true, encoding: { x: 'month', y: 'revenue', series: 'region' } },
  },
  play: async ({ canvas, canvasElement }) => {
    await chartShown(canvasElement);
    const toolbar = canvas.getByRole('group', { name: 'Mga aksyon para sa Kita kada rehiyon' });
    await expect(within(toolbar).getByRole('button', { name: 'I-download ang PNG' })).toBeEnabled();
    await expect(canvas.getByText(/^36 hilera · 84 ms · na-update noong /)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Tingnan ang SQL' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Kita kada rehiyon: ipinapakita ang SQL');
  },
};

/** The error state in Filipino: the message is the app's, the button the catalogue's. */
export const FilipinoError: Story = {
  parameters: { locale: 'fil-PH' },
  args: { title: 'Kita kada rehiyon', error: 'Hindi sumagot ang warehouse sa loob ng 30 s.' },
  play: async ({ args, canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Subukang muli' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

export const Dark: Story = {
  parameters: { theme: 'dark' },
  args: { spec: { kind: 'bar', stack: true, encoding: { x: 'month', y: 'revenue', series: 'region' } } },
  play: async ({ canvasElement }) => chartShown(canvasElement),
};

export const DarkDonut: Story = {
  parameters: { theme: 'dark' },
  args: { ...samples.donut, provenance: undefined },
};

/** Labels, series names and categories that are HTML: shown as text, never run. */
export const HostileLabels: Story = {
  args: {
    title: '<img src=x onerror="window.__pwned=1"> Hostile',
    description: '<script>window.__pwned=2</script>',
    data: hostileLabels.flatMap((label, i) => [
      { category: label, group: '<svg onload="window.__pwned=3">', value: 100 + i * 20 },
      { category: label, group: 'javascript:window.__pwned=4', value: 60 + i * 10 },
    ]),
    spec: { kind: 'bar', encoding: { x: 'category', y: 'value', series: 'group' } },
    provenance: { sql: "SELECT '<b onmouseover=alert(1)>' AS category" },
  },
  play: async ({ canvasElement, canvas }) => {
    await chartShown(canvasElement);
    await expect(canvas.getByRole('heading', { level: 3 })).toHaveTextContent(
      '<img src=x onerror="window.__pwned=1"> Hostile',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'View data as table' }));
    // The table view loads on first use.
    await expect(
      (await canvas.findAllByRole('gridcell', { name: hostileLabels[0] }, { timeout: 10_000 })).length,
    ).toBeGreaterThan(0);
    await expect(canvasElement.querySelector('img, script, iframe, svg[onload]')).toBeNull();
    await expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  },
};

/** Every action works from the keyboard and has a name. */
export const Toolbar: Story = {
  play: async ({ canvas, canvasElement }) => {
    await chartShown(canvasElement);
    const toolbar = canvas.getByRole('group', { name: 'Revenue by region actions' });
    const names = within(toolbar)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    await expect(names).toEqual([
      'Download PNG',
      'Download SVG',
      'Download CSV',
      'View data as table',
      'View SQL',
      'Full screen',
    ]);

    const table = within(toolbar).getByRole('button', { name: 'View data as table' });
    table.focus();
    await userEvent.keyboard('{Enter}');
    await expect(table).toHaveAttribute('aria-pressed', 'true');
    // The data view is a DataTable of every row (36 and the header), in the chart's formats.
    const grid = await canvas.findByRole('grid', { name: 'Revenue by region: the data' }, { timeout: 10_000 });
    await expect(grid).toBeVisible();
    await expect(grid).toHaveAttribute('aria-rowcount', '37');
    await expect(within(grid).getAllByRole('gridcell', { name: '₱414,200' }).length).toBeGreaterThan(0);

    await userEvent.click(within(toolbar).getByRole('button', { name: 'View SQL' }));
    await expect(canvas.getByText(/FROM gold.sales_daily_summary/)).toBeVisible();

    const fullScreen = within(toolbar).getByRole('button', { name: 'Full screen' });
    fullScreen.focus();
    await userEvent.keyboard('{Enter}');
    const body = within(canvasElement.ownerDocument.body);
    const dialog = await body.findByRole('dialog', { name: 'Revenue by region' }, { timeout: 10_000 });
    await expect(dialog).toBeVisible();
    await waitFor(() => expect(dialog.querySelector('[data-slot="echart"] canvas')).not.toBeNull());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(body.queryByRole('dialog')).toBeNull());
    // Focus comes back to the button that opened it.
    await expect(fullScreen).toHaveFocus();
  },
};

/** Every kind side by side: what a designer reviews in one screen. */
const gallery = Object.values(samples);

function Gallery() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 16 }}>
      {gallery.map((item) => (
        <ChartCard
          key={item.title}
          title={item.title}
          data={item.data}
          spec={item.spec}
          height={260}
          headingLevel={2}
        />
      ))}
    </div>
  );
}

export const AllKinds: Story = {
  render: () => <Gallery />,
  play: async ({ canvasElement }) => {
    const painted = () =>
      [...canvasElement.querySelectorAll('[data-slot="echart"]')].filter((el) => el.querySelector('canvas'));
    await waitFor(() => expect(painted()).toHaveLength(gallery.length), { timeout: 8000 });
    await expect(canvasElement.querySelectorAll('[data-slot="chart-card"][data-state="ready"]')).toHaveLength(
      gallery.length,
    );
  },
};

export const AllKindsDark: Story = { ...AllKinds, parameters: { theme: 'dark' } };
