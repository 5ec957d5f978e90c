import type { ComponentProps, ReactNode, Ref } from 'react';
import type { DataInput, Row, Table } from '../../core/adapter';
import type { FormatSpec } from '../../core/format';
import type { PartialMessages } from '../../core/messages';
import type { ComponentStatus } from '../../core/status';
import type { Provenance } from '../lib/provenance';

/** `start` and `end` follow the writing direction: `end` is the right in a left-to-right page. */
export type DataTableAlign = 'start' | 'center' | 'end';

export type DataTableSortDirection = 'asc' | 'desc';

/** The column the rows are sorted by, and which way. */
export interface DataTableSort {
  column: string;
  direction: DataTableSortDirection;
}

export type DataTableAggregate = 'sum' | 'avg' | 'min' | 'max' | 'count';

/** `true`: sum every measure (number columns that are not ids or years). A record: one aggregate a column. */
export type DataTableTotals = boolean | Readonly<Record<string, DataTableAggregate>>;

/** How one column is shown; everything is optional and read from the column's metadata when absent. */
export interface DataTableColumn {
  /** The header. Default the metadata's `label`, else the column name. */
  label?: string;
  /** How values are written. Default the metadata's `format`, else by type (dates at their grain). */
  format?: FormatSpec;
  /** Default `'end'` for numbers and dates, `'start'` for text and booleans. */
  align?: DataTableAlign;
  /** Starting width in px (people can resize it). Default a guess from the label and the first values. */
  width?: number;
  /** Leave the column out of the table and its CSV. Default `false`. */
  hidden?: boolean;
  /** Number columns: a bar behind each value, as long as the value over the column's largest. Default `false`. */
  bar?: boolean;
}

export interface DataTableCSVOptions {
  /** `'raw'` (default): numbers unformatted and dates ISO 8601. `'formatted'`: as the table shows them. */
  csv?: 'raw' | 'formatted';
}

/** What a `DataTable` lets its owner do, through `apiRef`. */
export interface DataTableApi {
  /** The CSV of what is shown: the shown columns with their labels, rows in the shown order (totals left out). */
  exportCSV(options?: DataTableCSVOptions): string;
  /** Scrolls row `index` (0-based, in the shown order) into view. */
  scrollToRow(index: number): void;
}

export type DataTableState = ComponentStatus;

export interface DataTableProps extends Omit<ComponentProps<'div'>, 'children' | 'ref'> {
  /** The rows, columns or `ResultSet` to show, or a table already normalised with `toTable`. */
  data?: DataInput | Table;
  /** Per-column overrides, by column name. Columns not named are shown from their metadata. */
  columns?: Readonly<Record<string, DataTableColumn>>;
  /** The table's accessible name (required): what a screen reader says the table is. */
  label: string;
  /** Locale of every number and date, and of the text sort order. Default the provider's, else `'en-US'`. */
  locale?: string;
  /** Height of the scroll viewport in px; a table with fewer rows is shorter. Default 400. */
  height?: number;
  /** Height of every row in px (rows do not wrap: long text ends with an ellipsis). Default 32. */
  rowHeight?: number;
  /** Rows rendered beyond each edge of the viewport. Default 8. */
  overscan?: number;
  /** The sort (controlled): `null` for the data's own order. */
  sort?: DataTableSort | null;
  /** The starting sort (uncontrolled). Default `null`: the data's own order. */
  defaultSort?: DataTableSort | null;
  /** Called when someone sorts (a header click, Enter or Space): ascending, then descending, then none. */
  onSortChange?: (sort: DataTableSort | null) => void;
  /** A totals row below the rows: `true` sums the measures, or name an aggregate a column. Default none. */
  totals?: DataTableTotals;
  /** What a missing value shows. Default an em dash, read as `messages.dataTable.noValue` ("no value"). */
  nullMarker?: ReactNode;
  /**
   * Called with a row when it is clicked, or Enter or Space is pressed in it: the row as an object
   * (dates as `Date`s) and its index in `data`.
   */
  onRowClick?: (row: Row, index: number) => void;
  /** Shows the loading state. Default `false`. */
  loading?: boolean;
  /** Shows the error state with this message (an `Error`'s message is used). Default none. */
  error?: Error | string | null;
  /** Shown when there are no rows. Default `messages.common.empty` ("No data for this selection."). */
  emptyMessage?: string;
  /** Where the rows come from (row count, query time, freshness): shown in a footer below the table. Default none. */
  provenance?: Provenance;
  /** Words to change for this table, merged over the provider's catalogue. Default none. */
  messages?: PartialMessages;
  /** Receives `exportCSV()` and `scrollToRow()`. */
  apiRef?: Ref<DataTableApi>;
}
