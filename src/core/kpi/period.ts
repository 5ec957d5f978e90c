import type { SemanticFilter, SemanticQuery } from '../semantic/types';
import { isoDayOf } from '../util/iso-date';

/** The calendar periods a KPI is reported for. */
export type KpiPeriod = 'month' | 'quarter' | 'year';

const MONTHS: Record<KpiPeriod, number> = { month: 1, quarter: 3, year: 12 };
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day = 1) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

function parts(day: string): [number, number, number] {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`Expected a date written YYYY-MM-DD, not "${day}".`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The first day (`YYYY-MM-DD`) of the period holding a day: `'2025-11-14'` by quarter is `'2025-10-01'`. */
export function periodStart(day: string, period: KpiPeriod): string {
  const [year, month] = parts(day);
  const size = MONTHS[period];
  return iso(year, Math.floor((month - 1) / size) * size + 1);
}

/** The start of the period `n` periods after the one holding `day` (before, for a negative `n`). */
export function shiftPeriod(day: string, period: KpiPeriod, n: number): string {
  const [year, month] = parts(periodStart(day, period));
  const index = year * 12 + (month - 1) + n * MONTHS[period];
  return iso(Math.floor(index / 12), (index % 12) + 1);
}

/** The last day of the period holding `day`: `'2025-12-31'` for `'2025-10-01'` by quarter. */
export function periodEnd(day: string, period: KpiPeriod): string {
  const [year, month] = parts(shiftPeriod(day, period, 1));
  const last = new Date(Date.UTC(year, month - 1, 1) - 86_400_000);
  return iso(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate());
}

/** A period cell as `YYYY-MM-DD`: an ISO string, a `Date` or epoch milliseconds (read in UTC); else undefined. */
export function periodKey(value: unknown): string | undefined {
  if (typeof value === 'string') return isoDayOf(value);
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A metric cell as a finite number (numeric strings too), else null. */
function numberOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

export interface KpiSeriesOptions {
  /** The metric's column in the rows. */
  metric: string;
  period: KpiPeriod;
  /** A day in the period to report; default the latest complete period in the rows. */
  at?: string;
  /** How many periods the series holds, ending with the reported one. Default 12. */
  count?: number;
  /** Today, which decides whether the latest period in the rows is complete. Default now. */
  now?: Date;
}

export interface KpiSeries {
  /** The first day of the reported period. */
  period: string;
  /** The reported period's value; null when it has no row or a null value. */
  value: number | null;
  /** The first day of the period before. */
  previousPeriod: string;
  /** The period before's value; null when it has no row or a null value. */
  previous: number | null;
  /** `count` values, oldest first, ending with the reported period's; a period with no row is null. */
  values: (number | null)[];
}

/**
 * Reads rows of a metric by period (a `period` column at the period's grain, in any order) as a KPI series.
 * Without `at`, the reported period is the latest one in the rows that has ended before `now` (the latest one at
 * all when none has). Periods are calendar periods: one missing from the rows is a gap (null), never skipped over.
 * Undefined when there are no rows with a period and no `at`.
 */
export function kpiSeries(
  rows: readonly Readonly<Record<string, unknown>>[],
  options: KpiSeriesOptions,
): KpiSeries | undefined {
  const { metric, period } = options;
  const count = Math.max(1, Math.floor(options.count ?? 12));
  const byPeriod = new Map<string, number | null>();
  for (const row of rows) {
    const key = periodKey(row.period);
    if (key) byPeriod.set(periodStart(key, period), numberOf(row[metric]));
  }
  let anchor: string | undefined;
  if (options.at) {
    anchor = periodStart(options.at, period);
  } else {
    const today = periodKey(options.now ?? new Date()) as string;
    const known = [...byPeriod.keys()].sort();
    anchor = known.filter((start) => periodEnd(start, period) < today).pop() ?? known.pop();
  }
  if (!anchor) return undefined;
  const start = anchor;
  const values = Array.from(
    { length: count },
    (_, i) => byPeriod.get(shiftPeriod(start, period, i - count + 1)) ?? null,
  );
  const previousPeriod = shiftPeriod(anchor, period, -1);
  return {
    period: anchor,
    value: byPeriod.get(anchor) ?? null,
    previousPeriod,
    previous: byPeriod.get(previousPeriod) ?? null,
    values,
  };
}

export interface KpiQueryOptions {
  metric: string;
  period: KpiPeriod;
  /** A day in the reported period; without it the query asks for the latest periods. */
  at?: string;
  /** Periods to cover, ending with the reported one. Default 12. */
  count?: number;
  filters?: readonly SemanticFilter[];
}

/**
 * The one semantic query behind a KPI: the metric by the period's grain, newest first, covering `count` periods
 * (one more without `at`, in case the latest is not complete yet), bounded by a date range when `at` is known.
 */
export function kpiQuery(options: KpiQueryOptions): SemanticQuery {
  const count = Math.max(1, Math.floor(options.count ?? 12));
  const { metric, period, at } = options;
  return {
    metrics: [metric],
    timeGrain: period,
    ...(options.filters?.length ? { filters: options.filters } : {}),
    ...(at ? { dateRange: { from: shiftPeriod(at, period, 1 - count), to: periodEnd(at, period) } } : {}),
    sort: [{ by: 'period', direction: 'desc' }],
    limit: at ? count : count + 1,
  };
}

/** The query for a target metric over the reported period: one total row. */
export function kpiTargetQuery(options: {
  metric: string;
  period: KpiPeriod;
  at: string;
  filters?: readonly SemanticFilter[];
}): SemanticQuery {
  const { metric, period, at } = options;
  return {
    metrics: [metric],
    ...(options.filters?.length ? { filters: options.filters } : {}),
    dateRange: { from: periodStart(at, period), to: periodEnd(at, period) },
  };
}
