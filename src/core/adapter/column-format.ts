import { defaultFormatSpec, inferTimeGrain } from '../format';
import type { FormatSpec, TimeGrain } from '../format/types';
import type { Column } from './table';

/**
 * Grains inferred, by a column's values (a chart asks for its x column's grain more than once), or by a column whose
 * distinct times were known without its values (see `knownTimes`).
 */
const inferred = new WeakMap<object, TimeGrain>();

/** The time grain of a date column: its format's, else the coarsest the values allow (worked out once a column). */
export function timeGrain(column: Column): TimeGrain {
  const format = column.meta.format;
  if (format?.kind === 'date' && format.grain) return format.grain;
  const known = inferred.get(column);
  if (known !== undefined) return known;
  const values = column.values as (number | null)[];
  let grain = inferred.get(values);
  if (grain === undefined) {
    grain = inferTimeGrain(values);
    inferred.set(values, grain);
  }
  return grain;
}

/**
 * Records the grain of a date column from its distinct times (a pivot's time categories, say), so that asking for it
 * reads none of the column's values (which may be converted only when first read).
 */
export function knownTimes(column: Column, times: readonly number[]): void {
  inferred.set(column, inferTimeGrain(times));
}

/**
 * The format of a column that names none: dates at their grain, numbers as numbers, the rest as text.
 * A number column that is a dimension (a year, an id) is a label, written as text: 2024, not 2,024.
 */
export function defaultFormatFor(column: Column): FormatSpec {
  if (column.type === 'date') return { kind: 'date', grain: timeGrain(column) };
  if (column.type === 'number' && column.role !== 'measure') return { kind: 'text' };
  return defaultFormatSpec(column.type);
}
