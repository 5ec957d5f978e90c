/** How a column's values are written: one spec drives axis labels, data labels and tooltips. */
export type FormatSpec =
  | { kind: 'number'; minimumFractionDigits?: number; maximumFractionDigits?: number }
  | { kind: 'integer' }
  | { kind: 'currency'; currency: string; maximumFractionDigits?: number }
  /** `value` is a ratio: 0.15 is written 15%. */
  | { kind: 'percent'; maximumFractionDigits?: number }
  /** 1.2K, 3.4M; with `currency`, $1.2M. */
  | { kind: 'compact'; currency?: string; maximumFractionDigits?: number }
  /** `value` is in `unit` (default `'s'`): written as the two largest parts, for example "2h 5m". */
  | { kind: 'duration'; unit?: 'ms' | 's' | 'min' | 'h' | 'd' }
  /** Dates written at the detail of their time grain: "2026", "Q3 2026", "Mar 2026", "Mar 5, 2026", "14:00". */
  | { kind: 'date'; grain?: TimeGrain; timeZone?: string }
  | { kind: 'text' };

export type TimeGrain = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute';

export type FormatKind = FormatSpec['kind'];

/** Options shared by every formatter. */
export interface FormatOptions {
  /** A BCP 47 locale such as `'en-US'`, `'de-DE'`, `'fil-PH'`. Default `'en-US'`. */
  locale?: string;
  /** What a null, undefined or non-finite value is written as. Default `'–'` (en dash). */
  empty?: string;
}

/** A formatter turns one cell value into display text. It never throws. */
export type Formatter = (value: unknown) => string;
