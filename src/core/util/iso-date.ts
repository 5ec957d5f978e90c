/**
 * The one ISO 8601 date reader of the library: tables, formats, the semantic compiler and KPI periods
 * all read dates through it, so a string is a date in one place exactly when it is one in every other.
 *
 * It reads `YYYY-MM`, `YYYY-MM-DD`, and a date with a time `HH:MM`, `HH:MM:SS` or
 * `HH:MM:SS.fff` (up to 9 digits) after `T` or a space, with an optional zone `Z`, `±HH:MM` or `±HHMM`.
 * A date-time without a zone is UTC, so every machine reads the same instant. One rule for impossible
 * dates: a month outside 1-12, a day past its month's end (2026-02-30, 2025-02-29), an hour past 23, a
 * minute or second past 59, or an offset past ±23:59 is not a date; nothing rolls over. A bare year
 * (`2026`, `0123`) is not a date either: four digits are a year or a code, which columns keep as labels.
 */

const ISO =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|([+-])(\d{2}):?(\d{2}))?)?)?$/;

const MINUTE = 60_000;

const digit = (text: string, at: number) => {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
};

/** Days in a month of a (proleptic Gregorian) year. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch ms of midnight UTC of a calendar day of the proleptic Gregorian calendar, worked out without `Date`
 * (H. Hinnant's days_from_civil); years 0-99 stay themselves (Date.UTC maps them to 19xx).
 */
function utcDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146_097 + doe - 719_468) * 86_400_000;
}

/** Epoch ms of a plain `YYYY-MM-DD` read digit by digit (the common case, from SQL), or undefined. */
function plainDay(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  // NaN (a non-digit) fails every comparison.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return undefined;
  return utcDay(year, month, day);
}

/**
 * Epoch milliseconds of an ISO 8601 date or date-time string (surrounding spaces are ignored), or
 * undefined for anything else, an impossible date included. See the module's comment for what it reads.
 */
export function parseIsoDate(text: string): number | undefined {
  const fast = plainDay(text);
  if (fast !== undefined) return fast;
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let time = utcDay(year, month, day);
  if (match[4] !== undefined) {
    const hours = Number(match[4]);
    const minutes = Number(match[5]);
    const seconds = match[6] === undefined ? 0 : Number(match[6]);
    if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
    const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
    time += ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    if (match[9] !== undefined) {
      const offsetHours = Number(match[10]);
      const offsetMinutes = Number(match[11]);
      if (offsetHours > 23 || offsetMinutes > 59) return undefined;
      time -= (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * MINUTE;
    }
  }
  return time;
}

/**
 * The calendar day a valid ISO date string names, as `YYYY-MM-DD`, as written (an offset does not move
 * it to another day): `'2025-11-01'` for `'2025-11-01T00:00:00+08:00'`. Undefined for a string that is
 * not a full date (`'2025-11'`) or not a valid one.
 */
export function isoDayOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length < 10 || parseIsoDate(trimmed) === undefined) return undefined;
  const day = trimmed.slice(0, 10);
  return plainDay(day) === undefined ? undefined : day;
}

/** Whether `value` is exactly a real calendar day written `YYYY-MM-DD` (no time, no spaces). */
export function isIsoDay(value: unknown): value is string {
  return typeof value === 'string' && plainDay(value) !== undefined;
}
