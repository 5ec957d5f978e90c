import { render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ColumnMeta, Row } from '../../src/core';
import { ChartCard } from '../../src/react/chart-card';
import { DataTable, type DataTableSort } from '../../src/react/data-table';

const regions = ['NCR', 'Visayas', 'Mindanao'];

/** `count` rows from fixed arithmetic: row i is order `SO-<i + 1>` with `units` 1 + (i * 7) % 50. */
function orders(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    order: `SO-${i + 1}`,
    region: regions[i % 3],
    units: 1 + ((i * 7) % 50),
    revenue: Math.round(((i * 7919) % 10_000) * 12.5) / 10,
  }));
}

const meta: ColumnMeta[] = [
  { name: 'order', label: 'Order' },
  { name: 'region', label: 'Region' },
  { name: 'units', label: 'Units', format: { kind: 'integer' } },
  { name: 'revenue', label: 'Revenue', format: { kind: 'currency', currency: 'PHP' } },
];

const ROW = 32;
const big = { rows: orders(100_000), meta };

const bodyRows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-slot="data-table-row"]')];
const rowAt = (root: HTMLElement, rowIndex: number) =>
  root.querySelector<HTMLElement>(`[data-slot="data-table-row"][aria-rowindex="${rowIndex}"]`);
const cells = (row: HTMLElement | null) =>
  [...(row?.querySelectorAll('[role="gridcell"]') ?? [])].map((cell) => cell.textContent);

/** Scrolls the grid and waits for the scroll event to reach the virtualizer. */
async function scrollTo(grid: HTMLElement, top: number) {
  await new Promise<void>((resolve) => {
    grid.addEventListener('scroll', () => resolve(), { once: true });
    grid.scrollTop = top;
  });
}

/** The part of `element` not covered by the grid's sticky header and totals row, as a fraction of its height. */
function visibleFraction(grid: HTMLElement, element: HTMLElement): number {
  const header = grid.querySelector('[data-slot="data-table-header"]')?.getBoundingClientRect();
  const footer = grid.querySelector('[data-slot="data-table-footer"]')?.getBoundingClientRect();
  const view = grid.getBoundingClientRect();
  const top = Math.max(view.top + grid.clientTop, header?.bottom ?? view.top);
  const bottom = Math.min(view.top + grid.clientTop + grid.clientHeight, footer?.top ?? view.bottom);
  const rect = element.getBoundingClientRect();
  return Math.max(0, Math.min(rect.bottom, bottom) - Math.max(rect.top, top)) / rect.height;
}

/** 100,000 rows sorted by units, the sort in the owner's state. */
function Sorted() {
  const [sort, setSort] = useState<DataTableSort | null>({ column: 'units', direction: 'desc' });
  return <DataTable label="Orders" data={big} sort={sort} onSortChange={setSort} />;
}

describe('DataTable in Chromium', () => {
  it('renders 100,000 rows with at most 100 row elements, and the right rows after scrolling', async () => {
    const { container } = render(<DataTable label="Orders" data={big} totals height={480} />);
    const grid = screen.getByRole('grid', { name: 'Orders' });
    expect(grid).toHaveAttribute('aria-rowcount', '100002');
    expect(bodyRows(container).length).toBeGreaterThan(10);
    expect(bodyRows(container).length).toBeLessThanOrEqual(100);
    expect(cells(rowAt(container, 2))).toEqual(['SO-1', 'NCR', '1', '₱0.00']);

    // The middle: row 50,001 (aria-rowindex 50,002) is at the top of the viewport.
    await scrollTo(grid, 50_000 * ROW);
    await waitFor(() => expect(cells(rowAt(container, 50_002))[0]).toBe('SO-50001'));
    expect(visibleFraction(grid, rowAt(container, 50_002) as HTMLElement)).toBe(1);
    expect(bodyRows(container).length).toBeLessThanOrEqual(100);
    // Besides the row holding the grid's tab stop (the first), kept rendered so focus is never lost.
    const shown = bodyRows(container)
      .filter((row) => !row.querySelector('[tabindex="0"]'))
      .map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(Math.min(...shown)).toBeGreaterThan(49_900);
    expect(Math.max(...shown)).toBeLessThan(50_100);
    for (const row of bodyRows(container)) {
      const index = Number(row.getAttribute('aria-rowindex'));
      expect(cells(row)[0]).toBe(`SO-${index - 1}`);
    }

    // The end: the last row shows above the totals row.
    await scrollTo(grid, grid.scrollHeight);
    await waitFor(() => expect(cells(rowAt(container, 100_001))[0]).toBe('SO-100000'));
    expect(visibleFraction(grid, rowAt(container, 100_001) as HTMLElement)).toBe(1);
    expect(bodyRows(container).length).toBeLessThanOrEqual(100);
    expect(rowAt(container, 100_001)?.querySelectorAll('[role="gridcell"]')[2]).toHaveTextContent(
      String(1 + ((99_999 * 7) % 50)),
    );
  });

  it('keeps the header in view while scrolling', async () => {
    render(<DataTable label="Orders" data={big} height={400} />);
    const grid = screen.getByRole('grid', { name: 'Orders' });
    await scrollTo(grid, 12_345 * ROW);
    const header = grid.querySelector('[data-slot="data-table-header"]') as HTMLElement;
    expect(Math.round(header.getBoundingClientRect().top)).toBe(Math.round(grid.getBoundingClientRect().top + 1));
    expect(screen.getByRole('columnheader', { name: 'Revenue' })).toBeVisible();
  });

  it('scrolls the focused row into view as the keyboard moves it', async () => {
    const { container } = render(<DataTable label="Orders" data={big} totals height={400} />);
    const grid = screen.getByRole('grid', { name: 'Orders' });
    await userEvent.click(within(grid).getByRole('gridcell', { name: 'SO-1' }));
    expect(document.activeElement).toHaveTextContent('SO-1');

    // The last row is the totals row; above it, the last data row.
    await userEvent.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement).toHaveTextContent('Total');
    expect(document.activeElement?.closest('[role="row"]')).toHaveAttribute('aria-rowindex', '100002');
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toHaveTextContent('SO-100000'));
    expect(document.activeElement?.closest('[role="row"]')).toHaveAttribute('aria-rowindex', '100001');
    expect(visibleFraction(grid, document.activeElement as HTMLElement)).toBe(1);
    expect(bodyRows(container).length).toBeLessThanOrEqual(100);

    await userEvent.keyboard('{Control>}{Home}{/Control}');
    await waitFor(() => expect(document.activeElement).toHaveTextContent('SO-1'));
    expect(grid.scrollTop).toBe(0);

    // Page Down thirteen times, then down one row at a time past the bottom edge: the row follows.
    for (let i = 0; i < 13; i++) await userEvent.keyboard('{PageDown}');
    const paged = Number(document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex'));
    expect(paged).toBeGreaterThan(100);
    expect(visibleFraction(grid, document.activeElement as HTMLElement)).toBe(1);
    for (let i = 0; i < 20; i++) await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveTextContent(`SO-${paged - 1 + 20}`);
    expect(visibleFraction(grid, document.activeElement as HTMLElement)).toBe(1);
    for (let i = 0; i < 30; i++) await userEvent.keyboard('{ArrowUp}');
    expect(document.activeElement).toHaveTextContent(`SO-${paged - 1 - 10}`);
    expect(visibleFraction(grid, document.activeElement as HTMLElement)).toBe(1);

    // Right to the last column, which is scrolled into view sideways when the table is narrow.
    await userEvent.keyboard('{End}');
    expect(document.activeElement?.getAttribute('data-col')).toBe('3');
  });

  it('keeps focus on a row scrolled far out of view, and Tab comes back to it', async () => {
    render(
      <>
        <DataTable label="Orders" data={big} height={400} />
        <button type="button">After</button>
      </>,
    );
    const grid = screen.getByRole('grid', { name: 'Orders' });
    await userEvent.click(within(grid).getByRole('gridcell', { name: 'SO-2' }));
    await userEvent.keyboard('{ArrowRight}');
    await scrollTo(grid, 80_000 * ROW);
    await waitFor(() => expect(within(grid).getByRole('gridcell', { name: 'SO-80001' })).toBeInTheDocument());
    expect(document.activeElement).toHaveAttribute('data-row', '1');
    expect(document.activeElement).toHaveAttribute('data-col', '1');
    await userEvent.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toHaveAttribute('data-row', '1');
  });

  it('resizes a column from the keyboard and by dragging', async () => {
    render(<DataTable label="Orders" data={{ rows: orders(50), meta }} columns={{ order: { width: 120 } }} />);
    const header = screen.getByRole('columnheader', { name: 'Order' });
    const separator = screen.getByRole('separator', { name: 'Resize Order' });
    const firstCell = screen.getByRole('gridcell', { name: 'SO-1' });
    expect(separator).toHaveAttribute('aria-valuenow', '120');
    expect(header.getBoundingClientRect().width).toBe(120);

    separator.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(separator).toHaveAttribute('aria-valuenow', '152');
    expect(header.getBoundingClientRect().width).toBe(152);
    expect(firstCell.getBoundingClientRect().width).toBe(152);
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(separator).toHaveAttribute('aria-valuenow', '88');
    await userEvent.keyboard('{Home}');
    expect(separator).toHaveAttribute('aria-valuenow', '48');
    expect(firstCell.getBoundingClientRect().width).toBe(48);

    const box = separator.getBoundingClientRect();
    const at = (x: number) => ({ clientX: x, clientY: box.top + 4, pointerId: 1, bubbles: true, button: 0 });
    separator.dispatchEvent(new PointerEvent('pointerdown', at(box.left)));
    separator.dispatchEvent(new PointerEvent('pointermove', at(box.left + 100)));
    separator.dispatchEvent(new PointerEvent('pointerup', at(box.left + 100)));
    await waitFor(() => expect(separator).toHaveAttribute('aria-valuenow', '148'));
    expect(firstCell.getBoundingClientRect().width).toBe(148);
  });

  it('sorts 100,000 rows by the typed value, keeping equal values in their order', async () => {
    const { container } = render(<Sorted />);
    expect(screen.getByRole('columnheader', { name: 'Units' })).toHaveAttribute('aria-sort', 'descending');
    // 50 units: rows i with (7i) % 50 = 49, i = 7, 57, 107, …, in their order.
    expect(cells(rowAt(container, 2))).toEqual(['SO-8', 'Visayas', '50', expect.any(String)]);
    expect(cells(rowAt(container, 3))[0]).toBe('SO-58');
  });

  it('draws row borders and bars with the theme tokens', async () => {
    render(<DataTable label="Orders" data={{ rows: orders(20), meta }} columns={{ units: { bar: true } }} />);
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    const style = getComputedStyle(row);
    expect(style.borderBottomWidth).toBe('1px');
    expect(style.borderBottomStyle).toBe('solid');
    expect(style.borderTopWidth).toBe('0px');
    expect(style.borderLeftWidth).toBe('0px');
    const bars = document.querySelectorAll<HTMLElement>('[data-slot="data-table-bar"]');
    // Row 8 (SO-8) has 50 units, the most: its bar fills the cell.
    const cell = screen.getByRole('gridcell', { name: '50' });
    const full = cell.querySelector('[data-slot="data-table-bar"]') as HTMLElement;
    expect(full.getBoundingClientRect().width).toBe(cell.getBoundingClientRect().width);
    expect(getComputedStyle(full).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    expect(bars.length).toBe(20);
  });

  it("is ChartCard's data view: every row, the card's formats, in the card's height", async () => {
    const rows = orders(2_000).map((row, i) => ({ ...row, day: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    const { container } = render(
      <div style={{ width: 720 }}>
        <ChartCard
          title="Units by day"
          data={{ rows, meta }}
          spec={{ kind: 'bar', encoding: { x: 'day', y: 'units' } }}
          height={300}
        />
      </div>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'View data as table' }));
    // The table view loads on first use.
    const grid = await screen.findByRole('grid', { name: 'Units by day: the data' });
    // Every row (the old view stopped at 500), sized to the card's chart height.
    expect(grid).toHaveAttribute('aria-rowcount', '2001');
    expect(grid.getBoundingClientRect().height).toBe(300);
    expect(cells(rowAt(container, 2))).toEqual(['SO-1', 'NCR', '1', '₱0.00', 'Jan 1, 2026']);
    await scrollTo(grid, grid.scrollHeight);
    await waitFor(() => expect(cells(rowAt(container, 2_001))[0]).toBe('SO-2000'));
  });
});
