import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { type ColumnMeta, type Row, toTable } from '../../src/core';
import {
  DataTable,
  type DataTableApi,
  type DataTableProps,
  type DataTableSort,
  dataTableToCSV,
} from '../../src/react/data-table';
import { mockGridViewport } from '../fixtures/grid-viewport';

/**
 * jsdom has no layout: the grid reports a 400px viewport so that the virtualizer renders the rows a
 * 400px table would (the real scrolling is tested in Chromium, test/browser/data-table.test.tsx).
 */
const VIEWPORT = 400;
mockGridViewport(VIEWPORT);

const sales: Row[] = [
  { store: 'Store 10', region: 'NCR', opened: '2024-03-01', revenue: 1200.5, margin: 0.31 },
  { store: 'Store 2', region: 'Visayas', opened: '2023-11-15', revenue: 900, margin: null },
  { store: 'Store 1', region: 'NCR', opened: null, revenue: 15000, margin: 0.22 },
  { store: 'Store 3', region: 'Mindanao', opened: '2025-01-20', revenue: null, margin: 0.4 },
  { store: 'Store 20', region: 'Visayas', opened: '2024-03-01', revenue: 900, margin: 0.18 },
];
const salesMeta: ColumnMeta[] = [
  { name: 'store', label: 'Store' },
  { name: 'region', label: 'Region' },
  { name: 'opened', label: 'Opened', format: { kind: 'date', grain: 'day' } },
  { name: 'revenue', label: 'Revenue', format: { kind: 'currency', currency: 'PHP' } },
  { name: 'margin', label: 'Margin', format: { kind: 'percent' } },
];
const data = { rows: sales, meta: salesMeta };

function renderTable(props: Partial<DataTableProps> = {}) {
  return render(<DataTable label="Stores" data={data} {...props} />);
}

const grid = () => screen.getByRole('grid', { name: 'Stores' });
/** The body rows in the DOM, in order. */
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.dataset.slot === 'data-table-row');
/** The text of one column, top to bottom. */
function column(name: string): string[] {
  const index = within(grid())
    .getAllByRole('columnheader')
    .findIndex((header) => header.getAttribute('aria-label') === name);
  return bodyRows().map((row) => within(row).getAllByRole('gridcell')[index]?.textContent ?? '');
}
const header = (name: string) => screen.getByRole('columnheader', { name });
const sortButton = (name: string) => within(header(name)).getByRole('button', { name });

/** An owner that keeps the sort in its state. */
function Owner() {
  const [sort, setSort] = useState<DataTableSort | null>(null);
  return (
    <>
      <DataTable label="Stores" data={data} sort={sort} onSortChange={setSort} />
      <output>{sort ? `${sort.column} ${sort.direction}` : 'unsorted'}</output>
    </>
  );
}

describe('DataTable: columns from metadata', () => {
  it('labels, formats and aligns columns by type', () => {
    renderTable();
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .map((h) => h.getAttribute('aria-label')),
    ).toEqual(['Store', 'Region', 'Opened', 'Revenue', 'Margin']);
    expect(column('Revenue')).toEqual(['₱1,200.50', '₱900.00', '₱15,000.00', '—no value', '₱900.00']);
    expect(column('Margin')[0]).toBe('31%');
    expect(column('Opened')[0]).toBe('Mar 1, 2024');
    // Numbers and dates to the end (the right), text to the start.
    expect(header('Revenue')).toHaveAttribute('data-align', 'end');
    expect(header('Opened')).toHaveAttribute('data-align', 'end');
    expect(header('Store')).toHaveAttribute('data-align', 'start');
    const [store, , opened, revenue] = within(bodyRows()[0] as HTMLElement).getAllByRole('gridcell');
    expect(store?.className).toContain('ip:text-start');
    expect(opened?.className).toContain('ip:text-end');
    expect(revenue?.className).toContain('ip:text-end');
    expect(revenue?.className).toContain('ip:tabular-nums');
  });

  it('takes overrides for label, format, alignment, width and hidden', () => {
    renderTable({
      columns: {
        revenue: { label: 'Sales', format: { kind: 'compact' }, align: 'center', width: 200 },
        region: { hidden: true },
      },
    });
    expect(screen.queryByRole('columnheader', { name: 'Region' })).toBeNull();
    expect(header('Sales')).toHaveAttribute('data-align', 'center');
    expect(column('Sales')[2]).toBe('15K');
    expect(screen.getByRole('separator', { name: 'Resize Sales' })).toHaveAttribute('aria-valuenow', '200');
  });

  it('infers the columns metadata leaves out, and the types of all', () => {
    render(
      <DataTable
        label="Stores"
        data={{ rows: [{ store: 'A', units: 3, day: '2026-01-05' }], meta: [{ name: 'store', label: 'Shop' }] }}
      />,
    );
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .map((h) => h.getAttribute('aria-label')),
    ).toEqual(['Shop', 'units', 'day']);
    expect(header('units')).toHaveAttribute('data-align', 'end');
    expect(column('day')).toEqual(['Jan 5, 2026']);
  });

  it('spreads props onto the root and merges className last', () => {
    const { container } = renderTable({ className: 'host-class', id: 'sales-table', 'aria-describedby': 'note' });
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveAttribute('data-slot', 'data-table');
    expect(root).toHaveAttribute('data-state', 'ready');
    expect(root).toHaveAttribute('id', 'sales-table');
    expect(root.className.endsWith('host-class')).toBe(true);
  });
});

describe('DataTable: sorting', () => {
  it('sorts on click: ascending, descending, then the data order, with aria-sort', async () => {
    const user = userEvent.setup();
    const onSortChange = vi.fn();
    renderTable({ onSortChange });
    expect(header('Revenue')).not.toHaveAttribute('aria-sort');

    await user.click(sortButton('Revenue'));
    expect(header('Revenue')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Revenue')).toHaveAttribute('data-sort', 'asc');
    expect(column('Store')).toEqual(['Store 2', 'Store 20', 'Store 10', 'Store 1', 'Store 3']);
    expect(onSortChange).toHaveBeenLastCalledWith({ column: 'revenue', direction: 'asc' });

    await user.click(sortButton('Revenue'));
    expect(header('Revenue')).toHaveAttribute('aria-sort', 'descending');
    expect(column('Store')).toEqual(['Store 1', 'Store 10', 'Store 2', 'Store 20', 'Store 3']);

    await user.click(sortButton('Revenue'));
    expect(header('Revenue')).not.toHaveAttribute('aria-sort');
    expect(column('Store')).toEqual(['Store 10', 'Store 2', 'Store 1', 'Store 3', 'Store 20']);
    expect(onSortChange).toHaveBeenLastCalledWith(null);
  });

  it('sorts from the keyboard with Enter and Space on the header button', async () => {
    const user = userEvent.setup();
    renderTable();
    await user.tab();
    expect(sortButton('Store')).toHaveFocus();
    await user.tab(); // the resize handle
    await user.tab();
    expect(sortButton('Region')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(header('Region')).toHaveAttribute('aria-sort', 'ascending');
    expect(column('Region')).toEqual(['Mindanao', 'NCR', 'NCR', 'Visayas', 'Visayas']);
    await user.keyboard(' ');
    expect(header('Region')).toHaveAttribute('aria-sort', 'descending');
    // Stable: equal regions keep their order in either direction.
    expect(column('Store')).toEqual(['Store 2', 'Store 20', 'Store 10', 'Store 1', 'Store 3']);
    // Only one column is sorted at a time.
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .filter((h) => h.hasAttribute('aria-sort')),
    ).toHaveLength(1);
  });

  it('puts missing values last in both directions', async () => {
    const user = userEvent.setup();
    renderTable();
    await user.click(sortButton('Margin'));
    expect(column('Margin').at(-1)).toBe('—no value');
    await user.click(sortButton('Margin'));
    expect(column('Margin')).toEqual(['40%', '31%', '22%', '18%', '—no value']);
    await user.click(sortButton('Opened'));
    expect(column('Opened').at(-1)).toBe('—no value');
  });

  it('sorts by the typed value, not the formatted text', async () => {
    const user = userEvent.setup();
    renderTable();
    // Text with numbers in it sorts by the numbers: Store 2 before Store 10.
    await user.click(sortButton('Store'));
    expect(column('Store')).toEqual(['Store 1', 'Store 2', 'Store 3', 'Store 10', 'Store 20']);
    // Pesos as numbers: ₱900 before ₱1,200.50 before ₱15,000 (as text, "₱1…" would come first).
    await user.click(sortButton('Revenue'));
    expect(column('Revenue').slice(0, 4)).toEqual(['₱900.00', '₱900.00', '₱1,200.50', '₱15,000.00']);
    // Dates in time order: Nov 2023 before Mar 2024 (as text, "Jan 20, 2025" would come first).
    await user.click(sortButton('Opened'));
    expect(column('Opened')).toEqual(['Nov 15, 2023', 'Mar 1, 2024', 'Mar 1, 2024', 'Jan 20, 2025', '—no value']);
  });

  it('is controlled by sort and onSortChange', async () => {
    const user = userEvent.setup();
    const onSortChange = vi.fn();
    const { rerender } = renderTable({ sort: { column: 'revenue', direction: 'desc' }, onSortChange });
    expect(header('Revenue')).toHaveAttribute('aria-sort', 'descending');
    await user.click(sortButton('Store'));
    expect(onSortChange).toHaveBeenCalledWith({ column: 'store', direction: 'asc' });
    // The owner has not changed the sort: the table has not either.
    expect(header('Revenue')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Store')).not.toHaveAttribute('aria-sort');
    rerender(<DataTable label="Stores" data={data} sort={{ column: 'store', direction: 'asc' }} />);
    expect(header('Store')).toHaveAttribute('aria-sort', 'ascending');
    rerender(<DataTable label="Stores" data={data} sort={null} />);
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .some((h) => h.hasAttribute('aria-sort')),
    ).toBe(false);
  });

  it('works as an owner would write it with useState', async () => {
    const user = userEvent.setup();
    render(<Owner />);
    await user.click(sortButton('Margin'));
    expect(screen.getByRole('status')).toHaveTextContent('margin asc');
    expect(header('Margin')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('starts from defaultSort when uncontrolled, and ignores a sort on a column that is not there', () => {
    const { unmount } = renderTable({ defaultSort: { column: 'margin', direction: 'desc' } });
    expect(header('Margin')).toHaveAttribute('aria-sort', 'descending');
    expect(column('Margin')[0]).toBe('40%');
    unmount();
    renderTable({ defaultSort: { column: 'nope', direction: 'asc' } });
    expect(column('Store')[0]).toBe('Store 10');
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .some((h) => h.hasAttribute('aria-sort')),
    ).toBe(false);
  });
});

describe('DataTable: totals, bars and the null marker', () => {
  it('sums the measures for totals={true}, in a last row counted in aria-rowcount', () => {
    render(
      <DataTable
        label="Stores"
        data={{
          rows: sales.map((row, i) => ({ ...row, store_id: 100 + i })),
          meta: salesMeta,
        }}
        totals
      />,
    );
    expect(grid()).toHaveAttribute('aria-rowcount', '7');
    const totals = within(grid())
      .getAllByRole('row')
      .find((row) => row.dataset.slot === 'data-table-totals') as HTMLElement;
    expect(totals).toHaveAttribute('aria-rowindex', '7');
    const cells = within(totals)
      .getAllByRole('gridcell')
      .map((cell) => cell.textContent);
    // Store, Region, Opened, Revenue, Margin, store_id: an id is not summed, nor is a percentage (111% meant nothing).
    expect(cells).toEqual(['Total', '', '', '₱18,000.50', '', '']);
  });

  it("totals each metric by its own aggregation: sums, the ratio of a ratio's parts, nothing for an average", () => {
    const rows = [
      { brand: 'A', revenue: 1000, orders: 10, aov: 100, basket: 2.5, share: 0.4 },
      { brand: 'B', revenue: 3000, orders: 20, aov: 150, basket: 3.5, share: 0.6 },
    ];
    const meta: ColumnMeta[] = [
      { name: 'brand', label: 'Brand' },
      { name: 'revenue', label: 'Revenue', total: 'sum' },
      { name: 'orders', label: 'Orders', total: 'sum' },
      { name: 'aov', label: 'AOV', total: { ratio: ['revenue', 'orders'] } },
      { name: 'basket', label: 'Basket', total: 'none' },
      { name: 'share', label: 'Share', total: { ratio: ['revenue', 'missing'] }, format: { kind: 'percent' } },
    ];
    render(<DataTable label="Stores" data={{ rows, meta }} totals />);
    const totals = within(grid())
      .getAllByRole('row')
      .find((row) => row.dataset.slot === 'data-table-totals') as HTMLElement;
    const cells = within(totals)
      .getAllByRole('gridcell')
      .map((cell) => cell.textContent);
    // AOV: 4,000 / 30, not 100 + 150; a ratio with a part missing, and an average, have no total.
    expect(cells).toEqual(['Total', '4,000', '30', '133.33', '', '']);
  });

  it('takes an aggregate a column: avg, min, max and count, ignoring missing values', () => {
    renderTable({ totals: { store: 'count', revenue: 'avg', margin: 'max', opened: 'min', region: 'count' } });
    const totals = screen.getAllByRole('row').at(-1) as HTMLElement;
    expect(
      within(totals)
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent),
    ).toEqual(['5', '5', 'Nov 15, 2023', '₱4,500.13', '40%']);
  });

  it('shows a missing value as an em dash read as "no value", or the marker given', () => {
    const { unmount } = renderTable();
    const missing = screen.getAllByRole('gridcell', { name: 'no value' });
    expect(missing).toHaveLength(3);
    expect(missing[0]).toHaveAttribute('data-null');
    expect(missing[0]?.querySelector('[aria-hidden="true"]')).toHaveTextContent('—');
    unmount();
    renderTable({ nullMarker: 'n/a' });
    expect(screen.getAllByRole('gridcell', { name: 'n/a' })).toHaveLength(3);
  });

  it('draws a decorative bar the length of value / largest value', () => {
    renderTable({ columns: { revenue: { bar: true }, store: { bar: true } } });
    const bars = grid().querySelectorAll<HTMLElement>('[data-slot="data-table-bar"]');
    // Four revenue values (one is missing); text columns get no bars.
    expect(bars).toHaveLength(4);
    for (const bar of bars) expect(bar).toHaveAttribute('aria-hidden', 'true');
    expect([...bars].map((bar) => bar.style.width)).toEqual(['8.003333333333334%', '6%', '100%', '6%']);
  });
});

describe('DataTable: CSV export', () => {
  it('exports what is shown: the shown columns and labels, in the sorted order, raw by default', async () => {
    const user = userEvent.setup();
    const api = createRef<DataTableApi>();
    renderTable({ apiRef: api, columns: { region: { hidden: true }, revenue: { label: 'Sales' } } });
    await user.click(sortButton('Sales'));
    await user.click(sortButton('Sales'));
    expect(api.current?.exportCSV().split('\r\n')).toEqual([
      'Store,Opened,Sales,Margin',
      'Store 1,,15000,0.22',
      'Store 10,2024-03-01T00:00:00.000Z,1200.5,0.31',
      'Store 2,2023-11-15T00:00:00.000Z,900,',
      'Store 20,2024-03-01T00:00:00.000Z,900,0.18',
      'Store 3,2025-01-20T00:00:00.000Z,,0.4',
      '',
    ]);
    expect(api.current?.exportCSV({ csv: 'formatted' }).split('\r\n')[1]).toBe('Store 1,,"₱15,000.00",22%');
  });

  it('neutralises formulas, and the helper writes the same CSV without a component', () => {
    const rows = [{ name: '=HYPERLINK("http://evil.example")', value: -5 }];
    expect(dataTableToCSV(rows)).toBe('name,value\r\n"\'=HYPERLINK(""http://evil.example"")",-5\r\n');
    expect(dataTableToCSV(data, { sort: { column: 'margin', direction: 'desc' } }).split('\r\n')[1]).toMatch(
      /^Store 3,/,
    );
  });
});

describe('DataTable: keyboard navigation (cells, roving tabindex)', () => {
  it('has one tab stop in the body and moves between cells with the arrows, Home and End', async () => {
    const user = userEvent.setup();
    renderTable();
    const tabStops = () => grid().querySelectorAll('[role="gridcell"][tabindex="0"]');
    expect(tabStops()).toHaveLength(1);
    // Five sort buttons and five resize handles, then the body's one stop.
    for (let i = 0; i < 11; i++) await user.tab();
    expect(document.activeElement).toHaveTextContent('Store 10');

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveTextContent('Store 2');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toHaveTextContent('Nov 15, 2023');
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAccessibleName('no value');
    await user.keyboard('{Home}');
    expect(document.activeElement).toHaveTextContent('Store 2');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toHaveTextContent('Store 2');
    await user.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement).toHaveTextContent('Store 20');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveTextContent('Store 20');
    await user.keyboard('{Control>}{Home}{/Control}');
    expect(document.activeElement).toHaveTextContent('Store 10');
    expect(tabStops()).toHaveLength(1);
    expect(tabStops()[0]).toHaveFocus();
  });

  it('moves by a page with Page Up and Page Down, and into the totals row', async () => {
    const user = userEvent.setup();
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, value: i }));
    render(<DataTable label="Stores" data={rows} totals={{ value: 'sum' }} />);
    await user.click(screen.getByRole('gridcell', { name: 'r0' }));
    // A 400px viewport less the 40px header and the 32px totals row holds ten 32px rows.
    await user.keyboard('{PageDown}');
    expect(document.activeElement).toHaveTextContent('r10');
    await user.keyboard('{PageDown}{PageDown}{PageUp}');
    expect(document.activeElement).toHaveTextContent('r20');
    await user.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement).toHaveTextContent('Total');
    expect(document.activeElement?.closest('[role="row"]')).toHaveAttribute('aria-rowindex', '202');
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveTextContent('r199');
  });

  it('goes up from the first row to the header, and down from a header into the body', async () => {
    const user = userEvent.setup();
    renderTable();
    await user.click(screen.getAllByRole('gridcell', { name: 'NCR' })[0] as HTMLElement);
    await user.keyboard('{ArrowUp}');
    expect(sortButton('Region')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveTextContent('NCR');
    expect(document.activeElement).toHaveAttribute('data-row', '0');
    expect(document.activeElement).toHaveAttribute('data-col', '1');
  });

  it('clicks a row with Enter, Space or the pointer, handing over the row and its index in the data', async () => {
    const user = userEvent.setup();
    const onRowClick = vi.fn();
    renderTable({ onRowClick, defaultSort: { column: 'revenue', direction: 'desc' } });
    await user.click(screen.getByRole('gridcell', { name: 'Store 1' }));
    expect(onRowClick).toHaveBeenLastCalledWith(
      { store: 'Store 1', region: 'NCR', opened: null, revenue: 15000, margin: 0.22 },
      2,
    );
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onRowClick).toHaveBeenLastCalledWith(
      expect.objectContaining({ store: 'Store 10', opened: new Date('2024-03-01T00:00:00Z') }),
      0,
    );
    await user.keyboard('{ArrowDown} ');
    expect(onRowClick).toHaveBeenLastCalledWith(expect.objectContaining({ store: 'Store 2' }), 1);
    expect(onRowClick).toHaveBeenCalledTimes(3);
  });

  it('resizes a column from the keyboard through its separator', async () => {
    const user = userEvent.setup();
    renderTable({ columns: { store: { width: 120 } } });
    const separator = screen.getByRole('separator', { name: 'Resize Store' });
    expect(separator).toHaveAttribute('aria-orientation', 'vertical');
    expect(separator).toHaveAttribute('aria-valuemin', '48');
    separator.focus();
    await user.keyboard('{ArrowRight}');
    expect(separator).toHaveAttribute('aria-valuenow', '136');
    await user.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(separator).toHaveAttribute('aria-valuenow', '72');
    await user.keyboard('{End}');
    expect(separator).toHaveAttribute('aria-valuenow', '960');
    const row = bodyRows()[0] as HTMLElement;
    expect(row.style.gridTemplateColumns.startsWith('960px ')).toBe(true);
  });
});

describe('DataTable: grid semantics under virtualization', () => {
  it('counts every row in aria-rowcount and numbers the rendered ones with aria-rowindex', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, value: i }));
    render(<DataTable label="Stores" data={rows} />);
    expect(grid()).toHaveAttribute('aria-rowcount', '10001');
    expect(grid()).toHaveAttribute('aria-colcount', '2');
    const [headerRow] = within(grid()).getAllByRole('row');
    expect(headerRow).toHaveAttribute('aria-rowindex', '1');
    expect(within(headerRow as HTMLElement).getAllByRole('columnheader')).toHaveLength(2);
    const rendered = bodyRows();
    // A 400px viewport shows about ten rows; eight more render on each side.
    expect(rendered.length).toBeGreaterThan(9);
    expect(rendered.length).toBeLessThan(40);
    rendered.forEach((row, i) => {
      expect(row).toHaveAttribute('aria-rowindex', String(i + 2));
      expect(within(row).getAllByRole('gridcell')[0]).toHaveTextContent(`r${i}`);
    });
  });

  it('scrolls a row into view through apiRef', () => {
    const api = createRef<DataTableApi>();
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}` }));
    render(<DataTable label="Stores" data={rows} apiRef={api} />);
    const scrollTo = vi.fn();
    grid().scrollTo = scrollTo;
    Object.defineProperty(grid(), 'scrollHeight', { value: 40 + 1000 * 32 });
    act(() => api.current?.scrollToRow(500));
    expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 500 * 32 }));
  });
});

describe('DataTable: states and bad input', () => {
  it('shows loading, error and empty states as data-state', () => {
    const { container, rerender } = renderTable({ loading: true });
    const root = () => container.firstElementChild as HTMLElement;
    expect(root()).toHaveAttribute('data-state', 'loading');
    expect(root()).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading Stores');
    expect(screen.queryByRole('grid')).toBeNull();

    rerender(<DataTable label="Stores" data={data} error={new Error('The warehouse timed out.')} />);
    expect(root()).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('The warehouse timed out.');

    rerender(<DataTable label="Stores" data={[]} />);
    expect(root()).toHaveAttribute('data-state', 'empty');
    expect(screen.getByText('No data for this selection.')).toBeInTheDocument();

    rerender(<DataTable label="Stores" data={{ rows: [], meta: salesMeta }} emptyMessage="No stores match." />);
    expect(screen.getByText('No stores match.')).toBeInTheDocument();

    rerender(<DataTable label="Stores" />);
    expect(root()).toHaveAttribute('data-state', 'empty');
  });

  it("shows the adapter's error for data it cannot read", () => {
    const { container, rerender } = render(
      <DataTable label="Stores" data={{ rows: [{ revenue: 'n/a' }], meta: [{ name: 'revenue', type: 'number' }] }} />,
    );
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Column "revenue" holds numbers, but row 1 holds "n/a".');

    rerender(<DataTable label="Stores" data={'nope' as never} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Expected rows, columns or a result set');

    rerender(
      <DataTable
        label="Stores"
        data={[
          { name: 'a', values: [1, 2] },
          { name: 'b', values: [1] },
        ]}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Column "b" has 1 values where the first column has 2.');

    // A format that cannot be built (an unknown currency) is an error too, not a crash.
    rerender(
      <DataTable
        label="Stores"
        data={data}
        columns={{ revenue: { format: { kind: 'currency', currency: 'XYZ1' } } }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown currency code "XYZ1"');
  });

  it('shows missing keys of ragged rows as the null marker', () => {
    render(<DataTable label="Stores" data={[{ a: 'x', b: 1 }, { a: 'y' }, { b: 3, c: true }]} />);
    expect(within(grid()).getAllByRole('columnheader')).toHaveLength(3);
    expect(screen.getAllByRole('gridcell', { name: 'no value' })).toHaveLength(4);
    expect(column('c')).toEqual(['—no value', '—no value', 'true']);
  });

  it('shows HTML as text and never parses it', () => {
    const html = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    render(<DataTable label="Stores" data={[{ '<b>name</b>': html }]} />);
    expect(screen.getByRole('gridcell', { name: html })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '<b>name</b>' })).toBeInTheDocument();
    expect(grid().querySelector('img, script, b')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('cuts a huge string to 1,000 characters with an ellipsis, the text in a title', () => {
    const huge = 'x'.repeat(1_000_000);
    render(<DataTable label="Stores" data={[{ note: huge, short: 'ok' }]} />);
    const cell = within(bodyRows()[0] as HTMLElement).getAllByRole('gridcell')[0] as HTMLElement;
    expect(cell.textContent).toHaveLength(1001);
    expect(cell.textContent?.endsWith('…')).toBe(true);
    expect(cell.className).toContain('ip:text-ellipsis');
    expect(cell.title).toBe(cell.textContent);
    expect(screen.getByRole('gridcell', { name: 'ok' })).not.toHaveAttribute('title');
  });

  it('takes a table already normalised by toTable', () => {
    render(<DataTable label="Stores" data={toTable(data)} />);
    expect(column('Revenue')[0]).toBe('₱1,200.50');
  });
});
