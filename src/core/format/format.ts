import { InsightPulseError } from '../errors';
import { parseIsoDate } from '../util/iso-date';
import type { FormatOptions, FormatSpec, Formatter, TimeGrain } from './types';

/** Thrown by `createFormatter` when a spec cannot be formatted (unknown currency, bad locale, time zone or digits). */
export class FormatError extends InsightPulseError<'invalid-format'> {
  override readonly name = 'FormatError';
  constructor(message: string) {
    super('invalid-format', message);
  }
}

const DEFAULT_LOCALE = 'en-US';
const DEFAULT_EMPTY = '–';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const CACHE_LIMIT = 200;
const cache = new Map<string, Formatter>();

/** A finite number or a plain decimal string ("12.5", "-3", "1e3"); no hex, no "Infinity". */
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What a raw cell holds, once read for a formatter. */
type Cell = { number: number } | { text: string } | null;

function readNumber(value: unknown): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? { number: value } : null;
  if (typeof value === 'bigint') return { number: Number(value) };
  if (typeof value === 'boolean') return { text: String(value) };
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return NUMERIC.test(trimmed) ? { number: Number(trimmed) } : { text: value };
}

function readDate(value: unknown): Cell {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { number: value.getTime() };
  if (typeof value === 'string') {
    // Date-times without an offset are read as UTC, so output never depends on the host's zone; an
    // impossible date (2026-02-30) is not one, and is shown as the text it is.
    const time = parseIsoDate(value);
    if (time !== undefined) return { number: time };
  }
  const cell = readNumber(value);
  if (cell && 'number' in cell && Number.isNaN(new Date(cell.number).getTime())) return null;
  return cell;
}

function currencyCode(code: string): string {
  const upper = code.toUpperCase();
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : null;
  if (known ? !known.includes(upper) : !/^[A-Z]{3}$/.test(upper)) {
    throw new FormatError(`Unknown currency code "${code}": expected an ISO 4217 code such as "USD".`);
  }
  return upper;
}

/** Writes a duration in milliseconds as its two largest parts ("2h 5m", "45s", "350ms"). */
function durationWriter(locale: string): (ms: number) => string {
  const digits = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const units = [
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', 1000],
  ] as const;
  return (ms) => {
    const abs = Math.abs(ms);
    const sign = ms < 0 ? '-' : '';
    if (Math.round(abs) === 0) return `${digits.format(0)}s`;
    if (Math.round(abs) < 1000) return `${sign}${digits.format(Math.round(abs))}ms`;
    for (let i = 0; i < units.length - 1; i++) {
      const [major, majorSize] = units[i] as (typeof units)[number];
      const [minor, minorSize] = units[i + 1] as (typeof units)[number];
      const ratio = majorSize / minorSize;
      const count = Math.round(abs / minorSize);
      if (count < ratio) continue;
      const rest = count % ratio;
      return `${sign}${digits.format(Math.floor(count / ratio))}${major}${rest ? ` ${digits.format(rest)}${minor}` : ''}`;
    }
    return `${sign}${digits.format(Math.round(abs / 1000))}s`;
  };
}

function dateWriter(locale: string, grain: TimeGrain, timeZone: string): (ms: number) => string {
  const dateTime = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...options });
  if (grain === 'quarter') {
    const year = dateTime({ year: 'numeric' });
    const month = new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric' });
    const digits = new Intl.NumberFormat(locale);
    return (ms) => {
      const quarter = Math.ceil(Number(month.format(ms)) / 3);
      const yearText = year.formatToParts(ms).find((part) => part.type === 'year')?.value ?? '';
      return `Q${digits.format(quarter)} ${yearText}`;
    };
  }
  const options: Record<TimeGrain, Intl.DateTimeFormatOptions> = {
    year: { year: 'numeric' },
    quarter: {},
    month: { month: 'short', year: 'numeric' },
    week: { month: 'short', day: 'numeric', year: 'numeric' },
    day: { month: 'short', day: 'numeric', year: 'numeric' },
    hour: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    minute: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  };
  const format = dateTime(options[grain]);
  return (ms) => format.format(ms);
}

/** Turns a read cell into text, or the empty marker. */
function write(cell: Cell, empty: string, number: (value: number) => string): string {
  if (!cell) return empty;
  return 'text' in cell ? cell.text : number(cell.number);
}

function build(spec: FormatSpec, locale: string, empty: string): Formatter {
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    const format = new Intl.NumberFormat(locale, { signDisplay: 'negative', ...options });
    return (value: unknown) => write(readNumber(value), empty, (n) => format.format(n));
  };
  switch (spec.kind) {
    case 'number': {
      const min = spec.minimumFractionDigits;
      return numberFormat({
        minimumFractionDigits: min,
        maximumFractionDigits: spec.maximumFractionDigits ?? Math.max(2, min ?? 0),
      });
    }
    case 'integer':
      return numberFormat({ maximumFractionDigits: 0 });
    case 'currency': {
      const max = spec.maximumFractionDigits;
      const currency = currencyCode(spec.currency);
      return numberFormat({
        style: 'currency',
        currency,
        ...(max === undefined ? {} : { minimumFractionDigits: 0, maximumFractionDigits: max }),
      });
    }
    case 'percent':
      return numberFormat({ style: 'percent', maximumFractionDigits: spec.maximumFractionDigits ?? 1 });
    case 'compact': {
      const currency: Intl.NumberFormatOptions =
        spec.currency === undefined ? {} : { style: 'currency', currency: currencyCode(spec.currency) };
      return numberFormat({
        notation: 'compact',
        ...currency,
        minimumFractionDigits: 0,
        maximumFractionDigits: spec.maximumFractionDigits ?? 1,
      });
    }
    case 'duration': {
      const scale = { ms: 1, s: 1000, min: MINUTE, h: HOUR, d: DAY }[spec.unit ?? 's'];
      if (!scale) throw new FormatError(`Unknown duration unit "${spec.unit}": expected ms, s, min, h or d.`);
      const writeDuration = durationWriter(locale);
      return (value) =>
        write(readNumber(value), empty, (n) => (Number.isFinite(n * scale) ? writeDuration(n * scale) : empty));
    }
    case 'date': {
      const writeDate = dateWriter(locale, spec.grain ?? 'day', spec.timeZone ?? 'UTC');
      return (value) => write(readDate(value), empty, writeDate);
    }
    default:
      return (value) => {
        if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
          return empty;
        if (typeof value === 'string' && value.trim() === '') return empty;
        if (value instanceof Date) return Number.isNaN(value.getTime()) ? empty : value.toISOString();
        return String(value);
      };
  }
}

/**
 * Creates a formatter for one column. Built once per spec, locale and empty marker, then cached.
 * The formatter never throws: null, undefined, NaN, ±Infinity, blank strings and other unreadable values are written as
 * `options.empty`; numeric strings ("12.5") are formatted as numbers; other strings and booleans are returned unchanged.
 * Defaults: `spec` → `{ kind: 'text' }`, `locale` → `'en-US'`, `empty` → `'–'`; number: at most 2 fraction digits;
 * percent and compact: at most 1; duration `unit` → `'s'`; date `grain` → `'day'`, `timeZone` → `'UTC'`.
 * @throws {FormatError} for an unknown currency code, or a locale, time zone or digit count that Intl rejects.
 */
export function createFormatter(spec: FormatSpec | undefined, options: FormatOptions = {}): Formatter {
  const resolved = spec ?? { kind: 'text' };
  const locale = options.locale ?? DEFAULT_LOCALE;
  const empty = options.empty ?? DEFAULT_EMPTY;
  const key = JSON.stringify([resolved, locale, empty]);
  const cached = cache.get(key);
  if (cached) return cached;
  let inner: Formatter;
  try {
    inner = build(resolved, locale, empty);
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(
      `Cannot format ${JSON.stringify(resolved)} in locale "${locale}": ${(error as Error).message}`,
    );
  }
  const formatter: Formatter = (value) => {
    try {
      return inner(value);
    } catch {
      return empty;
    }
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, formatter);
  return formatter;
}

/** The spec used when a column has none: number → `{ kind: 'number' }`, date → `{ kind: 'date', grain: 'day' }`, else text. */
export function defaultFormatSpec(type: 'number' | 'string' | 'date' | 'boolean'): FormatSpec {
  if (type === 'number') return { kind: 'number' };
  if (type === 'date') return { kind: 'date', grain: 'day' };
  return { kind: 'text' };
}

/**
 * The coarsest time grain consistent with epoch-millisecond timestamps (read in UTC; nulls ignored).
 * 'week' needs at least two distinct midnights whose gaps are all whole weeks. Default (no values) `'day'`.
 */
export function inferTimeGrain(values: readonly (number | null)[]): TimeGrain {
  // One pass, nothing copied or sorted: each test holds for every value exactly when it holds for every distinct one,
  // and a value that repeats the one before (a sorted column) is passed over. Weekly: the gaps between the sorted
  // distinct midnights are all whole weeks exactly when each midnight is a whole number of weeks from the first.
  const date = new Date(0);
  let first: number | undefined;
  let last: number | undefined;
  let several = false;
  let hours = true;
  let days = true;
  let firsts = true;
  let januaries = true;
  let quarters = true;
  let weeks = true;
  for (const value of values) {
    if (typeof value !== 'number' || value === last || !Number.isFinite(value)) continue;
    last = value;
    if (first === undefined) {
      first = value;
    } else if (value !== first) {
      several = true;
      if (weeks && (value - first) % WEEK !== 0) weeks = false;
    }
    if (hours && value % HOUR !== 0) hours = false;
    if (days && value % DAY !== 0) days = false;
    if (days && firsts) {
      date.setTime(value);
      if (date.getUTCDate() === 1) {
        const month = date.getUTCMonth();
        if (month !== 0) januaries = false;
        if (month % 3 !== 0) quarters = false;
      } else {
        firsts = false;
      }
    }
  }
  if (first === undefined) return 'day';
  if (!days) return hours ? 'hour' : 'minute';
  if (firsts) return januaries ? 'year' : quarters ? 'quarter' : 'month';
  return several && weeks ? 'week' : 'day';
}
