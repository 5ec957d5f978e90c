import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { type ColumnType, type DataInput, toTable } from '../../src/core';
import { lazyTable, SAMPLE_SIZE } from '../../src/core/adapter/lazy-table';
import { convertCell, MISMATCH } from '../../src/core/adapter/table';
import { DataTable, type DataTableApi, dataTableToCSV } from '../../src/react/data-table';
import { mockGridViewport } from '../fixtures/grid-viewport';

/** jsdom has no layout: the grid reports a 400px viewport (as in data-table.test.tsx). */
const VIEWPORT = 400;
mockGridViewport(VIEWPORT);

const ROWS = 100_000;
const NAMES = ['order', 'units', 'day'] as const;
type Name = (typeof NAMES)[number];

/**
 * `count` rows whose cells count their reads: `reads[name][i]` is how many times row i's `name` was
 * read. The keys are own and enumerable (as in rows parsed from JSON), the values behind getters.
 */
function countedRows(count: number) {
  const reads = Object.fromEntries(NAMES.map((name) => [name, new Uint16Array(count)])) as Record<Name, Uint16Array>;
  const rows = Array.from({ length: count }, (_, i) => ({
    get order() {
      (reads.order[i] as number)++;
      return `SO-${i + 1}`;
    },
    get units() {
      (reads.units[i] as number)++;
      return 1 + ((i * 7) % 50);
    },
    get day() {
      (reads.day[i] as number)++;
      return `2026-01-${String((i % 28) + 1).padStart(2, '0')}`;
    },
  }));
  /** The rows of `name` read so far, and the most times one was read. */
  const readRows = (name: Name) => {
    const seen: number[] = [];
    let most = 0;
    reads[name].forEach((times, row) => {
      if (times > 0) seen.push(row);
      most = Math.max(most, times);
    });
    return { rows: seen, most };
  };
  return { rows, reads, readRows };
}

const grid = () => screen.getByRole('grid');
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.dataset.slot === 'data-table-row');
const firstCells = () => bodyRows().map((row) => within(row).getAllByRole('gridcell')[0]?.textContent);
const sortButton = (name: string) => within(screen.getByRole('columnheader', { name })).getByRole('button', { name });

describe('DataTable: cells are converted when they are shown', () => {
  it('mounts 100,000 rows reading only the type sample and the rendered rows, each cell once', () => {
    const { rows, readRows } = countedRows(ROWS);
    render(<DataTable label="Orders" data={rows} />);
    expect(grid()).toHaveAttribute('aria-rowcount', String(ROWS + 1));
    expect(firstCells().slice(0, 3)).toEqual(['SO-1', 'SO-2', 'SO-3']);
    for (const name of NAMES) {
      const read = readRows(name);
      // The sample (the first 1,000 values: the rendered rows are among them), nothing past it.
      expect(read.rows.length).toBe(SAMPLE_SIZE);
      expect(Math.max(...read.rows)).toBe(SAMPLE_SIZE - 1);
      expect(read.most).toBe(1);
    }
  });

  it('reads the rows a scroll brings into view, and no others', () => {
    const { rows, reads, readRows } = countedRows(ROWS);
    const api = createRef<DataTableApi>();
    render(<DataTable label="Orders" data={rows} apiRef={api} />);
    // jsdom does not scroll: the grid is told where it is, as a browser would after scrollToRow(50_000).
    Object.defineProperty(grid(), 'scrollTop', { configurable: true, value: 50_000 * 32 });
    act(() => {
      fireEvent.scroll(grid());
    });
    const shown = bodyRows().map((row) => Number(row.getAttribute('aria-rowindex')) - 2);
    expect(shown).toContain(50_000);
    expect(firstCells()).toContain('SO-50001');
    for (const name of NAMES) {
      const past = readRows(name).rows.filter((row) => row >= SAMPLE_SIZE);
      // The rendered rows, converted in a chunk of 64 rows: a few dozen rows around row 50,000.
      for (const row of shown.filter((r) => r >= SAMPLE_SIZE)) expect(reads[name][row]).toBe(1);
      expect(past.length).toBeLessThanOrEqual(shown.length + 128);
      expect(Math.min(...past)).toBeGreaterThan(50_000 - 100);
      expect(Math.max(...past)).toBeLessThan(50_000 + 100);
      expect(readRows(name).most).toBe(1);
    }
  });

  it('reads the sort column once, whatever the sorts, and no other column', async () => {
    const user = userEvent.setup();
    const { rows, readRows } = countedRows(ROWS);
    render(<DataTable label="Orders" data={rows} />);
    await user.click(sortButton('units'));
    // 1 unit: rows i with (7i) % 50 = 0, i = 0, 50, 100, … in their order.
    expect(firstCells().slice(0, 2)).toEqual(['SO-1', 'SO-51']);
    await user.click(sortButton('units'));
    // 50 units: i = 7, 57, 107, …
    expect(firstCells().slice(0, 2)).toEqual(['SO-8', 'SO-58']);
    await user.click(sortButton('units'));
    await user.click(sortButton('units'));
    const units = readRows('units');
    expect(units.rows.length).toBe(ROWS);
    expect(units.most).toBe(1);
    // The other columns: only their sample (the rows the sorts brought to the top are in it).
    for (const name of ['order', 'day'] as const) {
      expect(readRows(name).rows.length).toBe(SAMPLE_SIZE);
      expect(readRows(name).most).toBe(1);
    }
  });

  it('reads a totalled column once, and the columns of a CSV export once each, hidden ones not at all', () => {
    const { rows, readRows } = countedRows(ROWS);
    const api = createRef<DataTableApi>();
    render(
      <DataTable
        label="Orders"
        data={rows}
        totals={{ units: 'sum' }}
        apiRef={api}
        columns={{ day: { hidden: true } }}
      />,
    );
    const expected = Array.from({ length: ROWS }, (_, i) => 1 + ((i * 7) % 50)).reduce((a, b) => a + b, 0);
    const totals = within(grid())
      .getAllByRole('row')
      .find((row) => row.dataset.slot === 'data-table-totals') as HTMLElement;
    expect(within(totals).getAllByRole('gridcell')[1]).toHaveTextContent(expected.toLocaleString('en-US'));
    expect(readRows('units').rows.length).toBe(ROWS);
    expect(readRows('order').rows.length).toBe(SAMPLE_SIZE);

    const csv = api.current?.exportCSV().split('\r\n') ?? [];
    expect(csv[0]).toBe('order,units');
    expect(csv).toHaveLength(ROWS + 2);
    for (const name of ['order', 'units'] as const) {
      expect(readRows(name).rows.length).toBe(ROWS);
      expect(readRows(name).most).toBe(1);
    }
    expect(readRows('day').rows.length).toBe(SAMPLE_SIZE);
  });
});

/** 1,000 numbers (the sample), then values that are not numbers, a missing value and more numbers. */
function mixed() {
  const rows: { key: number; amount: unknown }[] = Array.from({ length: SAMPLE_SIZE }, (_, i) => ({
    key: i,
    amount: i + 0.5,
  }));
  rows.push({ key: 1000, amount: 'n/a' }, { key: 1001, amount: null }, { key: 1002, amount: -1 });
  rows.push({ key: 1003, amount: 'Pending' }, { key: 1004, amount: '007' }, { key: 1005, amount: 'n/a' });
  return rows;
}

describe('DataTable: values that do not fit the type of their sample', () => {
  it('shows them as their text, not through the format, without an error', () => {
    render(
      <DataTable
        label="Amounts"
        data={{ rows: mixed(), meta: [{ name: 'amount', format: { kind: 'currency', currency: 'PHP' } }] }}
        defaultSort={{ column: 'key', direction: 'desc' }}
      />,
    );
    // The metadata's columns come first: amount, then key.
    const amounts = bodyRows()
      .slice(0, 6)
      .map((row) => within(row).getAllByRole('gridcell')[0] as HTMLElement);
    expect(amounts.map((cell) => cell.textContent)).toEqual(['n/a', '007', 'Pending', '-₱1.00', '—no value', 'n/a']);
    expect(amounts[0]).toHaveAttribute('data-mismatch');
    expect(amounts[0]?.className).not.toContain('ip:tabular-nums');
    expect(amounts[3]).not.toHaveAttribute('data-mismatch');
    expect(amounts[3]?.className).toContain('ip:tabular-nums');
    // The column is still a number column: aligned to the end.
    expect(screen.getByRole('columnheader', { name: 'amount' })).toHaveAttribute('data-align', 'end');
  });

  it('sorts them after the typed values and before the missing ones, as text, in either direction', () => {
    const order = (direction: 'asc' | 'desc') =>
      dataTableToCSV(mixed(), { sort: { column: 'amount', direction } })
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[1]);
    const asc = order('asc');
    expect(asc.slice(0, 3)).toEqual(['-1', '0.5', '1.5']);
    expect(asc.slice(-5)).toEqual(['007', 'n/a', 'n/a', 'Pending', '']);
    const desc = order('desc');
    expect(desc.slice(0, 2)).toEqual(['999.5', '998.5']);
    expect(desc.slice(-5)).toEqual(['Pending', 'n/a', 'n/a', '007', '']);
    // Stable, and the same every time.
    expect(order('asc')).toEqual(asc);
    expect(dataTableToCSV(mixed(), { sort: { column: 'amount', direction: 'asc' } })).toContain('1000,n/a\r\n1005,n/a');
  });

  it('gives no sum or average where some values do not fit (a partial total would mislead), and counts them', () => {
    render(<DataTable label="Amounts" data={mixed()} totals={{ key: 'count', amount: 'avg' }} />);
    const totals = within(grid())
      .getAllByRole('row')
      .find((row) => row.dataset.slot === 'data-table-totals') as HTMLElement;
    expect(
      within(totals)
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent),
    ).toEqual(['1,006', '']);
  });

  it('reads a value past the sample that breaks a declared type as text; in the sample it is still an error', () => {
    const rows = mixed().map(({ key, amount }) => ({ key, amount, day: key === 1003 ? 'soon' : '2026-03-05' }));
    const meta = [
      { name: 'amount', type: 'number' as const },
      { name: 'day', type: 'date' as const },
    ];
    const { container, rerender } = render(
      <DataTable label="Amounts" data={{ rows, meta }} defaultSort={{ column: 'key', direction: 'desc' }} />,
    );
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    const row = bodyRows()[2] as HTMLElement;
    expect(
      within(row)
        .getAllByRole('gridcell')
        .map((cell) => cell.textContent),
    ).toEqual(['Pending', 'soon', '1,003']);
    expect(dataTableToCSV({ rows, meta }).split('\r\n')[1004]).toBe('Pending,soon,1003');

    rerender(<DataTable label="Amounts" data={{ rows: [{ amount: 'n/a' }], meta }} />);
    expect(container.firstElementChild).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('Column "amount" holds numbers, but row 1 holds "n/a".');
  });

  it('shows the error state for metadata with an unknown type or role', () => {
    const { rerender } = render(
      <DataTable
        label="Amounts"
        data={{ rows: [{ amount: 1 }], meta: [{ name: 'amount', type: 'money' as never }] }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Column "amount" has an unknown type "money"');
    rerender(
      <DataTable label="Amounts" data={{ columns: [{ name: 'amount', role: 'total' as never, values: [1] }] }} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Column "amount" has an unknown role "total"');
  });
});

describe('lazyTable: the columns of toTable, cells converted on demand', () => {
  const inputs: [string, DataInput][] = [
    [
      'rows with metadata',
      {
        rows: [
          { store: 'Store 10', opened: '2024-03-01', revenue: 1200.5, store_id: 7, zip: '02139', ok: true },
          { store: 'Store 2', opened: null, revenue: '900', store_id: 8, zip: '10001', ok: 'false' },
          { store: 'Store 1', opened: '2024-03-01T10:00', revenue: null, store_id: 9, zip: null, ok: null },
        ],
        meta: [{ name: 'revenue', label: 'Revenue', format: { kind: 'currency', currency: 'PHP' } }, { name: 'none' }],
      },
    ],
    [
      'ragged rows and mixed types',
      [
        { a: 'x', b: 1 },
        { a: 'y', constructor: 2 },
        { b: 'three', c: true },
        { a: 4, b: '', d: new Date(0) },
      ],
    ],
    [
      'columns',
      {
        columns: [
          { name: 'day', values: ['2026-01-01', '2026-02-01', null] },
          { name: 'year', values: [2024, 2025, 2026] },
          { name: 'n', type: 'number', values: ['007', '1e3', ''] },
          { name: 'blank', values: [null, '', undefined] },
        ],
      },
    ],
    ['columns as an array', [{ name: 'x', values: [1, 2.5, Number.NaN] }]],
    ['no rows', { rows: [], meta: [{ name: 'a', type: 'number' }] }],
  ];

  it.each(inputs)('%s', (_, input) => {
    const table = toTable(input);
    const lazy = lazyTable(input);
    expect(lazy.rowCount).toBe(table.rowCount);
    expect(lazy.columns.map(({ name, label, type, role, meta }) => ({ name, label, type, role, meta }))).toEqual(
      table.columns.map(({ name, label, type, role, meta }) => ({ name, label, type, role, meta })),
    );
    lazy.columns.forEach((column, c) => {
      const values = table.columns[c]?.values ?? [];
      expect(Array.from({ length: table.rowCount }, (_, row) => column.at(row))).toEqual(values);
      expect(column.values()).toEqual(values);
      expect(column.at(table.rowCount)).toBeNull();
    });
  });

  it('throws the AdapterError toTable throws', () => {
    const bad: unknown[] = [
      'nope',
      [{ a: 1 }, 2],
      { rows: [{ a: 1 }], meta: [{ name: 'a' }, { name: 'a' }] },
      { rows: [{ a: 1 }], meta: [{ label: 'no name' }] },
      [
        { name: 'a', values: [1, 2] },
        { name: 'b', values: [1] },
      ],
      {
        columns: [
          { name: 'a', values: [1] },
          { name: 'a', values: [2] },
        ],
      },
      { columns: [{ name: 'a', values: [1] }, { values: [2] }] },
      { rows: [{ day: 'later' }], meta: [{ name: 'day', type: 'date' }] },
      { rows: [{ a: 1 }], meta: [{ name: 'a', type: 'money' }] },
    ];
    for (const input of bad) {
      const expected = (() => {
        try {
          toTable(input as DataInput);
        } catch (error) {
          return error;
        }
      })();
      expect(expected).toBeInstanceOf(Error);
      expect(() => lazyTable(input as DataInput)).toThrow(expected as Error);
    }
  });

  it('converts every value past the sample as convertCell does, or to its text when it does not fit', () => {
    const probes: unknown[] = [
      ...[0, -1.5, 1_700_000_000_000, Number.NaN, Number.POSITIVE_INFINITY, 10n],
      ...['42', '007', ' 12 ', '1e3', '-.5', 'n/a', '', ' ', null, undefined],
      ...[true, false, 'true', 'false', 'yes'],
      ...['2026-03-05', '2026-02-30', '2026-03', '2026-03-05T10:00', '2026-03-05 10:00:00+08:00'],
      ...[new Date(0), new Date('nope'), { a: 1 }, [1, 2], '<b>x</b>'],
    ];
    const samples: Record<ColumnType, unknown> = { number: 1, date: '2026-01-01', boolean: true, string: 'x' };
    for (const [type, value] of Object.entries(samples) as [ColumnType, unknown][]) {
      for (const declared of [false, true]) {
        const values = [...Array.from({ length: SAMPLE_SIZE }, () => value), ...probes];
        const expected = probes.map((probe) => {
          const cell = convertCell(type, probe, declared);
          return cell === MISMATCH ? convertCell('string', probe, false) : cell;
        });
        const read = () =>
          lazyTable({ columns: [{ name: 'c', type: declared ? type : undefined, values }] }).columns[0];
        const byCell = read();
        expect(byCell?.type).toBe(type);
        expect(probes.map((_, i) => byCell?.at(SAMPLE_SIZE + i))).toEqual(expected);
        expect(read()?.values().slice(SAMPLE_SIZE)).toEqual(expected);
      }
    }
  });

  it('uses a normalised table as it is', () => {
    const table = toTable([{ a: 1 }, { a: 2 }]);
    const lazy = lazyTable(table);
    expect(lazy.columns[0]?.values()).toBe(table.columns[0]?.values);
    expect(lazy.columns[0]?.sample).toBe(table.columns[0]);
  });
});
