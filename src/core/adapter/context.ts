import { createFormatter } from '../format';
import type { FormatSpec, Formatter, TimeGrain } from '../format/types';
import { enChart } from '../messages/en';
import type { Messages } from '../messages/types';
import { defaultFormatFor } from './column-format';
import { AdapterError } from './errors';
import type { Pivot } from './pivot';
import { type Column, getColumn, type Table } from './table';
import type { AdapterOptions, ChartSpec } from './types';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for the HTML tooltip. Every data string in a tooltip goes through it. The adapter's own (the five
 * characters ECharts' `format.encodeHTML` escapes), so building an option needs no ECharts: a server answering
 * Jenny's questions writes options without loading it.
 */
export function escapeHTML(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Where a value is written: each place may have its own format. */
export type Place = 'axis' | 'tooltip' | 'label';

/** Above this many points a line series is sampled ('lttb') and bars are drawn in large mode. */
export const LARGE_DATA = 2000;

/** What every chart kind builder gets: the table, the spec, and formatters by column and place. */
export interface Context {
  readonly table: Table;
  readonly spec: ChartSpec;
  /** The chart's pivot, when the rows were already pivoted while they were read (see one-pass). */
  readonly pivot: Pivot | undefined;
  readonly locale: string;
  /** The major version of ECharts the option is written for (see `AdapterOptions.echartsVersion`). */
  readonly echartsVersion: number;
  /** The words the option says (its description, the "Other" category). */
  readonly words: Messages['chart'];
  column(name: string | undefined, purpose: string): Column | undefined;
  measure(name: string, purpose: string): Column;
  format(column: Column, place: Place): Formatter;
  formatWith(spec: FormatSpec): Formatter;
}

export function createContext(table: Table, spec: ChartSpec, options: AdapterOptions, pivot?: Pivot): Context {
  const locale = options.locale ?? 'en-US';
  const cache = new Map<string, Formatter>();
  // An unknown currency or locale is a FormatError: the adapter throws only AdapterError.
  const make = (formatSpec: FormatSpec, column?: Column): Formatter => {
    try {
      return createFormatter(formatSpec, { locale });
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      throw new AdapterError(
        'invalid-spec',
        column ? `Column "${column.name}" cannot be formatted: ${problem}` : `Cannot format values: ${problem}`,
        column ? { column: column.name } : {},
      );
    }
  };
  const context: Context = {
    table,
    spec,
    pivot,
    locale,
    echartsVersion: options.echartsVersion ?? 6,
    words: options.messages ? { ...enChart, ...options.messages } : enChart,
    column: (name, purpose) => (name === undefined ? undefined : getColumn(table, name, purpose)),
    measure(name, purpose) {
      const column = getColumn(table, name, purpose);
      if (column.type !== 'number') {
        throw new AdapterError(
          'type-mismatch',
          `Column "${name}" holds ${column.type === 'date' ? 'dates' : `${column.type}s`}, not numbers: it cannot be the ${purpose} of a ${spec.kind} chart.`,
          { column: name },
        );
      }
      return column;
    },
    format(column, place) {
      const key = `${column.name}\u0000${place}`;
      let formatter = cache.get(key);
      if (!formatter) {
        const meta = column.meta;
        const chosen =
          (place === 'axis' ? meta.axisFormat : place === 'tooltip' ? meta.tooltipFormat : undefined) ?? meta.format;
        formatter = make(chosen ?? defaultFormatFor(column), column);
        cache.set(key, formatter);
      }
      return formatter;
    },
    formatWith: (formatSpec) => make(formatSpec),
  };
  return context;
}

/** Milliseconds in one step of a time grain: the smallest interval a time axis should tick at. */
export const GRAIN_MS: Record<TimeGrain, number> = {
  year: 365 * 86_400_000,
  quarter: 89 * 86_400_000,
  month: 28 * 86_400_000,
  week: 7 * 86_400_000,
  day: 86_400_000,
  hour: 3_600_000,
  minute: 60_000,
};

/** One tooltip line: the series colour marker (ECharts' own markup), an escaped name and an escaped value. */
export function tooltipLine(marker: unknown, name: string, value: string): string {
  const dot = typeof marker === 'string' ? marker : '';
  return `${dot}${escapeHTML(name)}&emsp;<b>${escapeHTML(value)}</b>`;
}

/** The measures named by an encoding field, as a list. */
export function names(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** The spec's required encoding field, or an `AdapterError` that says what the kind needs. */
export function required<T>(value: T | undefined, field: string, need: string, kind: string): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    throw new AdapterError('invalid-spec', `A ${kind} chart needs encoding.${field}: ${need}.`);
  }
  return value;
}

/** The accessible part of every option: ECharts' aria with our description, decals on request. */
export function aria(spec: ChartSpec, description: string) {
  return {
    enabled: true,
    label: { description: spec.description ?? description },
    decal: { show: spec.decal === true },
  };
}

/**
 * The option's title, spread into it: no `title` key at all without one, so ECharts never asks for its
 * title component (which loads on demand).
 */
export function titleOf(spec: ChartSpec): { title?: { text: string; left: number; top: number } } {
  return spec.title ? { title: { text: spec.title, left: 0, top: 0 } } : {};
}

/**
 * The highest and lowest of `values` (nulls skipped; the first of equals), labelled by `labelOf` their index, in the
 * context's words after a space; empty when there are none. Only those two are labelled (a time axis formats each).
 */
export function extremes(
  ctx: Context,
  values: readonly (number | null | undefined)[],
  labelOf: (index: number) => string,
  format: Formatter,
): string {
  let max = -1;
  let min = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    if (max < 0 || value > (values[max] as number)) max = i;
    if (min < 0 || value < (values[min] as number)) min = i;
  }
  if (max < 0) return '';
  const highest = { label: labelOf(max), value: format(values[max] as number) };
  return ` ${ctx.words.extremes({ highest, lowest: { label: labelOf(min), value: format(values[min] as number) } })}`;
}

/**
 * A grid whose box includes the axis labels: `containLabel` on ECharts 5, its replacement
 * (`outerBoundsMode: 'same'`) on ECharts 6, which warns about the old name.
 */
export function grid(
  ctx: Pick<Context, 'echartsVersion'>,
  space: { top: number; bottom: number; left?: number; right?: number },
) {
  const contain =
    ctx.echartsVersion >= 6 ? { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } : { containLabel: true };
  return { left: space.left ?? 8, right: space.right ?? 8, top: space.top, bottom: space.bottom, ...contain };
}
