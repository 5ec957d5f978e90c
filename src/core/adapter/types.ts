import type { FormatSpec } from '../format/types';
import type { Messages } from '../messages/types';

export type ColumnType = 'number' | 'string' | 'date' | 'boolean';
export type ColumnRole = 'dimension' | 'measure' | 'time';

/** What is known about a column besides its values. Everything is optional and inferred when absent. */
export interface ColumnMeta {
  name: string;
  type?: ColumnType;
  role?: ColumnRole;
  /** How values are written everywhere (axis labels, data labels, tooltips, tables). */
  format?: FormatSpec;
  /** Overrides `format` on axes, for example compact 1.2M on the axis and the full figure in tooltips. */
  axisFormat?: FormatSpec;
  /** Overrides `format` in tooltips. */
  tooltipFormat?: FormatSpec;
  /** Display name; default the column name. */
  label?: string;
  /**
   * What a total of the column is (a table's totals row): `'sum'` for amounts and counts, `'min'` or
   * `'max'`, `'none'` where adding up means nothing (averages, rates, percentages), or the ratio of two
   * other columns' sums (`{ ratio: ['revenue', 'orders'] }` for an average order value). When not given,
   * a measure is summed unless its format is a percent.
   */
  total?: ColumnTotal;
}

/** How a column adds up: see `ColumnMeta.total`. */
export type ColumnTotal = 'sum' | 'min' | 'max' | 'none' | { readonly ratio: readonly [string, string] };

/** A column of a columnar result set. */
export interface ColumnInput extends ColumnMeta {
  values: readonly unknown[];
}

export type Row = Readonly<Record<string, unknown>>;

/** A result set as rows or as columns, with optional metadata for the columns of rows. */
export interface ResultSet {
  rows?: readonly Row[];
  columns?: readonly ColumnInput[];
  /** Metadata for the columns of `rows`, by name. */
  meta?: readonly ColumnMeta[];
}

/**
 * What the adapter takes: rows (an array of objects), columns (an array of `{ name, values }`), or a
 * `ResultSet`. An array is read as columns when every element has a string `name` and an array `values`.
 */
export type DataInput = readonly Row[] | readonly ColumnInput[] | ResultSet;

export type ChartKind = 'line' | 'area' | 'bar' | 'combo' | 'pie' | 'donut' | 'scatter' | 'heatmap' | 'funnel';

/** Which columns go where. */
export interface Encoding {
  /** The category, time or (scatter) x measure column. Pie, donut and funnel: the slice names. */
  x?: string;
  /** The measure column(s). Pie, donut and funnel: the slice values. Heatmap: the row category. */
  y?: string | readonly string[];
  /** Combo: the measure column(s) drawn as lines on the second axis. */
  y2?: string | readonly string[];
  /** A dimension whose values split the measure into series (long to wide). */
  series?: string;
  /** Scatter: the measure that sizes each point (a bubble chart). */
  size?: string;
  /** Heatmap: the measure that colours each cell. Scatter: a dimension that colours (splits) points. */
  color?: string;
}

export interface ChartSpec {
  kind: ChartKind;
  encoding: Encoding;
  /** Line, area and bar: stack the series. `'percent'` stacks to 100% (bar and area). */
  stack?: boolean | 'percent';
  /** Bar: bars run left to right with categories on the y axis. */
  horizontal?: boolean;
  /** Category order: as given (default), by category, or by total value. */
  sort?: 'none' | 'category' | 'value-asc' | 'value-desc';
  /** Keep the first `n` categories (after sorting) and fold the rest into one named `other`. */
  topN?: { n: number; other?: string };
  /** Show values on the marks. Default false (pie, donut and funnel: true). */
  labels?: boolean;
  /** Decal patterns on the marks, for readers who cannot tell the colours apart. */
  decal?: boolean;
  title?: string;
  /** A description read by screen readers; default generated from the data. */
  description?: string;
}

export interface AdapterOptions {
  /** Locale for every format. Default `'en-US'`. */
  locale?: string;
  /**
   * The words the adapter writes into the option (the description screen readers hear, the "Other" category):
   * a catalogue's `chart` part, such as `fil.chart`, whole or in part. Default English.
   */
  messages?: Partial<Messages['chart']>;
  /**
   * The major version of ECharts that will draw the option: 6 keeps axis labels inside the grid with
   * `outerBoundsMode`, 5 with `containLabel`. Default 6. The library's components pass the version they were given.
   */
  echartsVersion?: number;
}
