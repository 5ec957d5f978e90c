import { defaultFormatFor } from '../../core/adapter/column-format';
import { AdapterError } from '../../core/adapter/errors';
import { type LazyColumn, type LazyTable, lazyTable } from '../../core/adapter/lazy-table';
import type { Cell, Table } from '../../core/adapter/table';
import type { ColumnTotal, DataInput, Row } from '../../core/adapter/types';
import { tableToCSV } from '../../core/export/csv';
import { createFormatter, type Formatter } from '../../core/format';
import type {
  DataTableAggregate,
  DataTableAlign,
  DataTableColumn,
  DataTableCSVOptions,
  DataTableSort,
  DataTableTotals,
} from './types';

/** A column as the table shows it: its label, formatter, alignment, width and bar scale. */
export interface ViewColumn {
  readonly name: string;
  readonly label: string;
  readonly column: LazyColumn;
  readonly format: Formatter;
  readonly align: DataTableAlign;
  /** The starting width in px: the override's, else a guess from the label and the first values. */
  readonly width: number;
  /** Draw in-cell bars: only for number columns that asked for them. */
  readonly bar: boolean;
  /** The largest absolute value of the column (the full width of a bar); 0 without bars. */
  readonly barMax: number;
}

/**
 * Whether a value is one that did not fit its column's type (see `LazyColumn`): text in a number, date
 * or boolean column. It is shown as it is, not through the column's format.
 */
export const isMismatch = (column: LazyColumn, value: Cell | undefined): value is string =>
  typeof value === 'string' && column.type !== 'string';

/** The text of a value that is there, as the table shows it (before it is cut to `MAX_TEXT`). */
export const cellText = (column: ViewColumn, value: number | string | boolean): string =>
  isMismatch(column.column, value) ? value : column.format(value);

/** Narrowest and widest a column can be made, in px. */
export const MIN_WIDTH = 48;
export const MAX_WIDTH = 960;
/** Characters of a cell that are put in the DOM; the rest is cut (a megabyte string would stall layout). */
export const MAX_TEXT = 1000;

/** A table ready to show, or the message of the error that stopped it. */
export type Prepared = { table: LazyTable; error?: undefined } | { table?: undefined; error: AdapterError };

/**
 * Reads `data` with `lazyTable` (a table already normalised is used as is): the columns and their types
 * now, each cell when it is first shown (or sorted, totalled or exported). An `AdapterError` (bad input)
 * is returned, not thrown, so that the component can show it; anything else is a bug and throws.
 */
export function prepare(data: DataInput | Table): Prepared {
  try {
    return { table: lazyTable(data) };
  } catch (caught) {
    if (caught instanceof AdapterError) return { error: caught };
    throw caught;
  }
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A starting width: about 7px a character of the label or the longest of the first values, in bounds. */
function guessWidth(label: string, format: Formatter, column: LazyColumn, rowCount: number): number {
  let longest = label.length + 2; // the sort icon
  const sample = Math.min(rowCount, 200);
  for (let row = 0; row < sample; row++) {
    const value = column.at(row);
    if (value === null) continue;
    longest = Math.max(longest, Math.min((isMismatch(column, value) ? value : format(value)).length, 40));
  }
  return clamp(Math.round(longest * 7 + 24), 72, 360);
}

/**
 * The columns to show, in the table's order, without the hidden ones. Labels and formats come from the
 * column's metadata unless overridden; numbers and dates align to the end (the right in a left-to-right
 * page), text and booleans to the start. A format that cannot be built (an unknown currency code) throws
 * a `FormatError`.
 */
export function viewColumns(
  table: LazyTable,
  overrides: Readonly<Record<string, DataTableColumn>> = {},
  locale = 'en-US',
): ViewColumn[] {
  const shown: ViewColumn[] = [];
  for (const column of table.columns) {
    const override = Object.hasOwn(overrides, column.name) ? overrides[column.name] : undefined;
    if (override?.hidden) continue;
    // A date column's default grain is inferred from its sample, as its type was.
    const format = createFormatter(override?.format ?? column.meta.format ?? defaultFormatFor(column.sample), {
      locale,
      empty: '',
    });
    const label = override?.label ?? column.label;
    const align = override?.align ?? (column.type === 'number' || column.type === 'date' ? 'end' : 'start');
    const bar = Boolean(override?.bar) && column.type === 'number';
    // Bars need the whole column (its largest value); without them, no cell is converted here.
    let barMax = 0;
    if (bar) {
      for (const value of column.values()) if (typeof value === 'number') barMax = Math.max(barMax, Math.abs(value));
    }
    const width = override?.width ?? guessWidth(label, format, column, table.rowCount);
    shown.push({
      name: column.name,
      label,
      column,
      format,
      align,
      width: clamp(width, MIN_WIDTH, MAX_WIDTH),
      bar,
      barMax,
    });
  }
  return shown;
}

/**
 * The row order of a sort: indices into the table, sorted by the typed value (numbers and dates as
 * numbers, text by the locale's collation with numbers in text compared as numbers, false before true),
 * stable (equal values keep their order) and with missing values last in either direction. Values that
 * did not fit their column's type (text in a number column) come after the typed ones and before the
 * missing ones, in either direction, sorted as text among themselves. Only the sort column is read
 * (converted once, see `LazyColumn.values`). Without a sort (or with a column that is not in the table),
 * `undefined`: the table's own order.
 */
export function sortOrder(
  table: LazyTable,
  sort: DataTableSort | null | undefined,
  locale = 'en-US',
): Int32Array | undefined {
  if (!sort) return undefined;
  const column = table.columns.find((c) => c.name === sort.column);
  if (!column) return undefined;
  const values = column.values();
  const count = table.rowCount;
  // Rank the distinct strings once, then compare ranks: a collator call per comparison is far slower.
  const texts = new Set<string>();
  for (let row = 0; row < count; row++) {
    const value = values[row];
    if (typeof value === 'string') texts.add(value);
  }
  const distinct = texts.size > 0 ? [...texts].sort(new Intl.Collator(locale, { numeric: true }).compare) : [];
  const rank = new Map(distinct.map((text, i) => [text, i]));
  const textual = column.type === 'string';
  const keys = new Float64Array(count);
  const typed: number[] = [];
  const mismatched: number[] = [];
  const missing: number[] = [];
  for (let row = 0; row < count; row++) {
    const value = values[row];
    if (typeof value === 'string') {
      keys[row] = rank.get(value) as number;
      (textual ? typed : mismatched).push(row);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      keys[row] = Number(value);
      typed.push(row);
    } else {
      missing.push(row);
    }
  }
  const sign = sort.direction === 'desc' ? -1 : 1;
  const byKey = (a: number, b: number) => sign * ((keys[a] as number) - (keys[b] as number)) || a - b;
  typed.sort(byKey);
  mismatched.sort(byKey);
  const order = new Int32Array(count);
  order.set(typed);
  order.set(mismatched, typed.length);
  order.set(missing, typed.length + mismatched.length);
  return order;
}

/**
 * The aggregate of one column (all of it is read), ignoring missing values; null when there is nothing
 * to aggregate, or when a value did not fit the column's type (a sum of the rest would mislead). Counts
 * count every value.
 */
export function aggregate(column: LazyColumn, kind: DataTableAggregate): number | null {
  let count = 0;
  let numbers = 0;
  // A value that did not fit the column's type: a sum or average of the rest would be partial.
  let mismatched = false;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of column.values()) {
    if (value === null || value === undefined) continue;
    count++;
    if (typeof value !== 'number') {
      mismatched = true;
      continue;
    }
    numbers++;
    sum += value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (kind === 'count') return count;
  const numeric = column.type === 'number' || column.type === 'date';
  if (!numeric || numbers === 0 || mismatched) return null;
  // Sums and averages of dates mean nothing; their earliest and latest do.
  if (column.type === 'date' && (kind === 'sum' || kind === 'avg')) return null;
  if (kind === 'sum') return sum;
  if (kind === 'avg') return sum / numbers;
  return kind === 'min' ? min : max;
}

/** One cell of the totals row: its text (empty when the column has no total) and what it is. */
export interface TotalCell {
  readonly text: string;
  readonly kind: DataTableAggregate | 'ratio' | undefined;
}

/**
 * What a measure's total is when `totals` is `true`: its metadata's `total` (a semantic metric's own
 * aggregation), else a sum, except for a percentage, which has no meaningful sum.
 */
function defaultTotal(column: LazyColumn): ColumnTotal | undefined {
  if (column.type !== 'number' || column.role !== 'measure') return undefined;
  if (column.meta.total !== undefined) return column.meta.total;
  return column.meta.format?.kind === 'percent' ? 'none' : 'sum';
}

/**
 * The totals row, one cell a shown column. `true` totals each measure by its own aggregation
 * (`ColumnMeta.total`): sums, minimums and maximums, a ratio as the ratio of its parts' sums (blank when
 * a part is not in the table), and nothing for averages, rates and percentages, whose sum would mislead.
 * A record names each column's aggregate. Counts are written as integers, the rest in the column's
 * format. `undefined` when there is no totals row.
 */
export function totalsRow(
  columns: readonly ViewColumn[],
  totals: DataTableTotals | undefined,
  locale = 'en-US',
  all: readonly LazyColumn[] = columns.map((view) => view.column),
): TotalCell[] | undefined {
  if (!totals) return undefined;
  const integer = createFormatter({ kind: 'integer' }, { locale, empty: '' });
  const byName = new Map(all.map((column) => [column.name, column]));
  return columns.map(({ name, column, format }): TotalCell => {
    const total: ColumnTotal | DataTableAggregate | undefined =
      totals === true ? defaultTotal(column) : Object.hasOwn(totals, name) ? totals[name] : undefined;
    if (total === undefined || total === 'none') return { text: '', kind: undefined };
    if (typeof total === 'object') {
      const [top, bottom] = total.ratio.map((part) => byName.get(part));
      const numerator = top ? aggregate(top, 'sum') : null;
      const denominator = bottom ? aggregate(bottom, 'sum') : null;
      const value = numerator !== null && denominator ? numerator / denominator : null;
      return { text: value === null ? '' : format(value), kind: 'ratio' };
    }
    const value = aggregate(column, total);
    return { text: value === null ? '' : total === 'count' ? integer(value) : format(value), kind: total };
  });
}

/**
 * The shown columns as CSV, rows in the shown (sorted) order. `raw` (the default) writes numbers
 * unformatted and dates as ISO 8601, so a spreadsheet reads them as values; `formatted` writes each cell
 * as the table shows it. Either way `tableToCSV` writes it, so text that a spreadsheet would run as a
 * formula is neutralised (in `formatted`, that includes a formatted negative number: "'-1,200").
 */
export function toCSV(
  columns: readonly ViewColumn[],
  rowCount: number,
  order: ArrayLike<number> | undefined,
  options: DataTableCSVOptions = {},
): string {
  const formatted = options.csv === 'formatted';
  const at = (row: number) => (order ? (order[row] as number) : row);
  const table: Table = {
    rowCount,
    columns: columns.map((view) => {
      const { column, label } = view;
      const source = column.values();
      const values = new Array<Cell>(rowCount);
      for (let row = 0; row < rowCount; row++) {
        const value = source[at(row)] ?? null;
        values[row] = formatted && value !== null ? cellText(view, value) : value;
      }
      const { name, role, meta } = column;
      return { name, label, type: formatted ? 'string' : column.type, role, meta, values };
    }),
  };
  return tableToCSV(table);
}

/** Row `index` of the table as an object, dates as `Date`s: what `onRowClick` is handed. */
export function rowAt(table: LazyTable, index: number): Row {
  return Object.fromEntries(
    table.columns.map((c) => {
      const value = c.at(index);
      return [c.name, c.type === 'date' && typeof value === 'number' ? new Date(value) : value];
    }),
  );
}

/**
 * The CSV of `data` as a `DataTable` with these options would show it: its shown columns with their
 * labels, sorted like the table. Throws `AdapterError` for data it cannot read.
 */
export function dataTableToCSV(
  data: DataInput | Table,
  options: DataTableCSVOptions & {
    columns?: Readonly<Record<string, DataTableColumn>>;
    sort?: DataTableSort | null;
    locale?: string;
  } = {},
): string {
  const prepared = prepare(data);
  if (prepared.error) throw prepared.error;
  const { table } = prepared;
  const columns = viewColumns(table, options.columns, options.locale);
  return toCSV(columns, table.rowCount, sortOrder(table, options.sort, options.locale), options);
}
