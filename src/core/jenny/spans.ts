import type { TimeGrain } from '../semantic/types';
import { parseIsoDate } from '../util/iso-date';

/*
 * Day arithmetic for answers: the period before a period, whole calendar periods, the end of a grain's period.
 * ISO days `YYYY-MM-DD` in UTC; ranges are inclusive.
 */

export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dayOf(time: number): string {
  const date = new Date(time);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The day `n` days after `day` (before, for a negative `n`). */
export function addDays(day: string, n: number): string {
  return dayOf((parseIsoDate(day) ?? Number.NaN) + n * DAY_MS);
}

/** The first day of the month `n` months after the month holding `day`. */
function monthStart(day: string, n = 0): string {
  const year = Number(day.slice(0, 4));
  const index = year * 12 + Number(day.slice(5, 7)) - 1 + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

/** Days in a range, both ends counted. */
export function daysIn({ from, to }: DayRange): number {
  return Math.round(((parseIsoDate(to) ?? 0) - (parseIsoDate(from) ?? 0)) / DAY_MS) + 1;
}

const MONTHS: Partial<Record<TimeGrain, number>> = { month: 1, quarter: 3, year: 12 };

/** The first day of the period of `grain` holding `day` (weeks start on Monday). */
export function periodStart(day: string, grain: TimeGrain): string {
  if (grain === 'day') return day;
  if (grain === 'week') return addDays(day, -((new Date(parseIsoDate(day) ?? 0).getUTCDay() + 6) % 7));
  const size = MONTHS[grain] as number;
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${pad(Math.floor((month - 1) / size) * size + 1)}-01`;
}

/** The last day of the period of `grain` that starts on `start`. */
export function periodEnd(start: string, grain: TimeGrain): string {
  if (grain === 'day') return start;
  if (grain === 'week') return addDays(start, 6);
  return addDays(monthStart(start, MONTHS[grain] as number), -1);
}

/** The calendar period (year, quarter, month or a Monday-to-Sunday week) a range is exactly, if it is one. */
export function wholeUnit(range: DayRange): Exclude<TimeGrain, 'day'> | undefined {
  for (const grain of ['year', 'quarter', 'month', 'week'] as const) {
    if (periodStart(range.from, grain) === range.from && periodEnd(range.from, grain) === range.to) return grain;
  }
  return undefined;
}

/**
 * The period before `range`, of the same kind: the previous year, quarter or month when the range is a whole one
 * (a week is seven days, which the day rule gives already); otherwise the same number of days just before it.
 */
export function previousRange(range: DayRange): DayRange {
  const unit = wholeUnit(range);
  if (unit === 'year' || unit === 'quarter' || unit === 'month') {
    const from = monthStart(range.from, -(MONTHS[unit] as number));
    return { from, to: addDays(range.from, -1) };
  }
  const days = daysIn(range);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** Whether a range is one or more whole months, from the first of one to the last of another. */
export function wholeMonths(range: DayRange): boolean {
  return (
    periodStart(range.from, 'month') === range.from && periodEnd(periodStart(range.to, 'month'), 'month') === range.to
  );
}

/** The calendar (UTC) day now, ISO. */
export function calendarDay(): string {
  return new Date().toISOString().slice(0, 10);
}
