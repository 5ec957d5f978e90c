import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { ColumnMeta, Row } from '../src/core';
import { DataTable } from '../src/react/data-table';
import { hostileLabels } from '../test/fixtures/charts';

const regions = ['NCR', 'Visayas', 'Mindanao'] as const;
const brands = [
  'Alaska',
  'Oishi',
  'Del Monte',
  'Nestlé',
  'Lucky Me',
  'Rebisco',
  'Jack n Jill',
  'Century Tuna',
  'Bear Brand',
  'Kopiko',
] as const;
const DAY = 86_400_000;
const JAN_1 = Date.UTC(2026, 0, 1);

/** Sales orders from fixed arithmetic (no randomness), so every run and screenshot is the same. */
function orders(count: number): Row[] {
  const rows = new Array<Row>(count);
  for (let i = 0; i < count; i++) {
    const units = 1 + ((i * 7919) % 48);
    const price = 35 + ((i * 104_729) % 900) / 4;
    rows[i] = {
      order: `SO-${100_001 + i}`,
      date: new Date(JAN_1 + ((i * 37) % 365) * DAY).toISOString().slice(0, 10),
      region: regions[i % 3],
      brand: brands[(i * 7) % brands.length],
      units,
      revenue: Math.round(units * price * 100) / 100,
      margin: Math.round((0.18 + ((i * 31) % 23) / 100) * 1000) / 1000,
    };
  }
  return rows;
}

const orderMeta: ColumnMeta[] = [
  { name: 'order', label: 'Order' },
  { name: 'date', label: 'Date', format: { kind: 'date', grain: 'day' } },
  { name: 'region', label: 'Region' },
  { name: 'brand', label: 'Brand' },
  { name: 'units', label: 'Units', format: { kind: 'integer' } },
  { name: 'revenue', label: 'Revenue', format: { kind: 'currency', currency: 'PHP' } },
  { name: 'margin', label: 'Gross margin', format: { kind: 'percent' } },
];

const sales = { rows: orders(240), meta: orderMeta };

const meta = {
  title: 'Data/DataTable',
  component: DataTable,
  args: {
    label: 'Sales orders, 2026',
    data: sales,
    onSortChange: fn(),
  },
} satisfies Meta<typeof DataTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The body rows in the DOM (the header and totals rows are not counted). */
const bodyRows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-slot="data-table-row"]')];
/** The text of a rendered row's cells, by `aria-rowindex`. */
function rowText(root: HTMLElement, rowIndex: number): string[] {
  const row = root.querySelector(`[data-slot="data-table-row"][aria-rowindex="${rowIndex}"]`);
  return [...(row?.querySelectorAll('[role="gridcell"]') ?? [])].map((cell) => cell.textContent ?? '');
}

export const Default: Story = {
  play: async ({ canvas, canvasElement }) => {
    const grid = canvas.getByRole('grid', { name: 'Sales orders, 2026' });
    await expect(grid).toHaveAttribute('aria-rowcount', '241');
    await expect(canvas.getByRole('columnheader', { name: 'Revenue' })).toBeVisible();
    // Formatted from the metadata: a date at day grain, pesos, a percentage.
    await expect(rowText(canvasElement, 2)).toEqual([
      'SO-100001',
      'Jan 1, 2026',
      'NCR',
      'Alaska',
      '1',
      '₱35.00',
      '18%',
    ]);
  },
};

/** Sorted by revenue, largest first; the keyboard sorts by another column. */
export const Sorted: Story = {
  args: { defaultSort: { column: 'revenue', direction: 'desc' } },
  play: async ({ args, canvas, canvasElement }) => {
    const revenue = canvas.getByRole('columnheader', { name: 'Revenue' });
    await expect(revenue).toHaveAttribute('aria-sort', 'descending');
    const units = canvas.getByRole('columnheader', { name: 'Units' });
    await expect(units).not.toHaveAttribute('aria-sort');

    within(units).getByRole('button', { name: 'Units' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(units).toHaveAttribute('aria-sort', 'ascending');
    await expect(revenue).not.toHaveAttribute('aria-sort');
    await expect(rowText(canvasElement, 2)[4]).toBe('1');
    await expect(args.onSortChange).toHaveBeenLastCalledWith({ column: 'units', direction: 'asc' });

    await userEvent.keyboard(' ');
    await expect(units).toHaveAttribute('aria-sort', 'descending');
    await expect(rowText(canvasElement, 2)[4]).toBe('48');
  },
};

/** A totals row (sums, an average, a count) and bars behind revenue and margin. */
export const TotalsAndBars: Story = {
  args: {
    label: 'Sales orders with totals',
    columns: { revenue: { bar: true }, margin: { bar: true }, units: { bar: true } },
    totals: { order: 'count', units: 'sum', revenue: 'sum', margin: 'avg' },
  },
  play: async ({ canvas, canvasElement }) => {
    const grid = canvas.getByRole('grid', { name: 'Sales orders with totals' });
    await expect(grid).toHaveAttribute('aria-rowcount', '242');
    const totals = canvasElement.querySelector('[data-slot="data-table-totals"]') as HTMLElement;
    await expect(totals).toHaveAttribute('aria-rowindex', '242');
    await expect(within(totals).getAllByRole('gridcell')[0]).toHaveTextContent('240');
    await expect(canvasElement.querySelectorAll('[data-slot="data-table-bar"]').length).toBeGreaterThan(0);
  },
};

function HundredThousand() {
  const data = useMemo(() => ({ rows: orders(100_000), meta: orderMeta }), []);
  return (
    <DataTable label="100,000 sales orders" data={data} columns={{ revenue: { bar: true } }} totals height={480} />
  );
}

/** 100,000 rows: only the rows in view (and a few beyond) are in the DOM. */
export const HundredThousandRows: Story = {
  name: '100k rows',
  render: () => <HundredThousand />,
  play: async ({ canvas, canvasElement }) => {
    const grid = await canvas.findByRole('grid', { name: '100,000 sales orders' }, { timeout: 5000 });
    await expect(grid).toHaveAttribute('aria-rowcount', '100002');
    await expect(bodyRows(canvasElement).length).toBeLessThanOrEqual(100);
    // Scroll to the middle: the rows there are rendered, and still no more than 100.
    grid.scrollTop = 50_000 * 32;
    await waitFor(() => expect(rowText(canvasElement, 50_002)[0]).toBe('SO-150001'));
    await expect(bodyRows(canvasElement).length).toBeLessThanOrEqual(100);
    grid.scrollTop = grid.scrollHeight;
    await waitFor(() => expect(rowText(canvasElement, 100_001)[0]).toBe('SO-200000'));
    await expect(bodyRows(canvasElement).length).toBeLessThanOrEqual(100);
  },
};

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="data-table"]')).toHaveAttribute('data-state', 'loading');
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading Sales orders, 2026');
  },
};

export const Empty: Story = {
  args: { data: { rows: [], meta: orderMeta } },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot="data-table"]')).toHaveAttribute('data-state', 'empty');
    await expect(canvas.getByText('No data for this selection.')).toBeVisible();
  },
};

/** Data that cannot be read: the adapter's message, naming the column and the row, is shown. */
export const ErrorState: Story = {
  name: 'Error',
  args: {
    data: { rows: [{ store: 'Makati', revenue: 'n/a' }], meta: [{ name: 'revenue', type: 'number' }] },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('Column "revenue" holds numbers, but row 1 holds');
  },
};

/** In Filipino (the toolbar's Language switch): the totals row, resize handles, dates and numbers. */
export const Filipino: Story = {
  parameters: { locale: 'fil-PH' },
  args: {
    label: 'Mga order, 2026',
    totals: { units: 'sum', revenue: 'sum' },
    provenance: { queryTimeMs: 84, freshness: '2026-11-27' },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('grid', { name: 'Mga order, 2026' })).toBeVisible();
    await expect(canvas.getByRole('gridcell', { name: 'Kabuuan' })).toBeVisible();
    await expect(canvas.getByRole('separator', { name: 'Baguhin ang lapad ng Revenue' })).toBeVisible();
    await expect(canvas.getByText(/^240 hilera · 84 ms · na-update noong /)).toBeVisible();
  },
};

export const Dark: Story = {
  parameters: { theme: 'dark' },
  args: {
    columns: { revenue: { bar: true } },
    totals: true,
    defaultSort: { column: 'date', direction: 'asc' },
  },
};

const huge = `${'Very long product description '.repeat(400)}END`;

/** HTML and script strings, a 12,000-character string, right-to-left text, missing keys and extra keys. */
export const HostileInput: Story = {
  args: {
    label: 'Hostile input',
    data: [
      { name: hostileLabels[0], note: '<script>window.__pwned=20</script>', amount: 1200 },
      { name: hostileLabels[1], note: huge, amount: -300 },
      { name: 'متجر القاهرة', note: 'שלום עולם', amount: 45 },
      { name: hostileLabels[2], amount: null },
      { note: '=HYPERLINK("http://evil.example")', extra: 'only here' },
      { name: hostileLabels[3], note: '<iframe src="javascript:window.__pwned=21"></iframe>', amount: 7 },
    ],
    columns: { amount: { bar: true } },
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('gridcell', { name: hostileLabels[0] })).toBeVisible();
    await expect(canvas.getByRole('gridcell', { name: '<script>window.__pwned=20</script>' })).toBeVisible();
    await expect(
      canvasElement.querySelector('[role="grid"] :is(img, script, iframe, svg:not([aria-hidden]), a)'),
    ).toBeNull();
    await expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    // A huge string ends in an ellipsis and carries its text in a title.
    const long = canvas.getByTitle(/^Very long product description/);
    await expect(long.scrollWidth).toBeGreaterThan(long.clientWidth);
    // Missing keys show the null marker, read as "no value".
    await expect(canvas.getAllByRole('gridcell', { name: 'no value' }).length).toBe(9);
    // A column only one row has is still a column.
    await expect(canvas.getByRole('columnheader', { name: 'extra' })).toBeVisible();
  },
};
