/**
 * The period a question names ("last 30 days", "Q3 2024", "between March and June"), read against a given day.
 *
 * Rules. Every date is an ISO day `YYYY-MM-DD` reckoned in UTC; ranges and `today` are inclusive; weeks start
 * on Monday. Matching is case-insensitive, on word boundaries; when several phrases match, the longest wins
 * (then the first).
 * - "today"; "yesterday": that one day.
 * - "last|past|previous|prior N days|weeks|months|quarters|years" (N in digits or one..twelve): the rolling N
 *   units ending today. Days and weeks go back N or 7N days counting today; months, quarters (3) and years (12)
 *   start the day after today minus N months, the day clamped to short months (today 2025-12-31, 3 months:
 *   2025-10-01 to 2025-12-31). "past week|month|quarter|year" is the rolling one.
 * - "this|current week|month|quarter|year", "WTD", "MTD", "QTD", "YTD", "month to date" (and week, quarter,
 *   year), "so far this year", "this year so far": from the start of the period holding today to today.
 * - "last|previous|prior week|month|quarter|year": the whole calendar period before the one holding today.
 * - "Q3 2024", "2024 Q3", "Q3 of 2024": that quarter; a bare "Q3" is the latest Q3 that started by today.
 * - "March", "Mar", "Sept", alone or with a year ("March 2025", "Mar, 2025", "March of 2025"): that month; a bare
 *   month is the latest one that started by today. "May" alone is the month only after in, for, during, since,
 *   from, of, between, and, to, until, till, through or thru; otherwise it is the verb ("may I see…").
 * - "first|second half (of) 2025", "H1 2025", "2025 H2": January to June, or July to December, of that year.
 * - A year 1900-2099 standing alone as a word ("in 2024", "2024"): that year; not after "top", "bottom",
 *   "first", "than", "above", "below", "least" or "most", where four digits are a count or an amount.
 * - An ISO day ("2025-03-05", a real date only; 2025-02-30 names no period): that day.
 * - "since X": from X's start to today, X a month, quarter, year, ISO day or "last month" (week, quarter, year).
 * - "from X to Y", "between X and Y", "X to|through|thru|until|till Y" (X and Y each a month, quarter, year or
 *   ISO day; Y may also be "today" or "now"): from X's start to Y's end. A month or quarter without a year
 *   takes the other end's year when that end has one, else it is read against today as above; then a bare X
 *   that would start after Y ends moves back a year (a bare Y that would end before X starts, forward a year).
 *   Two explicit ends written backwards are swapped.
 * A phrase that names no real period (an impossible date, a range past year 9999) makes the whole question name
 * none, rather than falling back to a shorter phrase inside it.
 */
import { isIsoDay, parseIsoDate } from '../util/iso-date';
import { addDays } from './spans';

export interface PeriodMatch {
  /** Inclusive ISO days. */
  range: { from: string; to: string };
  /** Index of the first character of the matched words in the input, and one past the last. */
  start: number;
  end: number;
  /** The matched words as typed. */
  words: string;
  /** How it was read, in English, e.g. "2025-12-02 to 2025-12-31" or "Q3 2024: 2024-07-01 to 2024-09-30". */
  meaning: string;
}

interface Range {
  from: string;
  to: string;
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';
type CalendarUnit = Exclude<Unit, 'day'>;

const MONTHS_IN = { month: 1, quarter: 3, year: 12 } as const;
/** English month names, as questions and answers write them. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// ---------------------------------------------------------------------------------------------------------------
// UTC arithmetic on ISO days. Strings in, strings out; an impossible result comes out as a string that `isDay`
// refuses (never a throw), and the caller drops it.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function iso(year: number, month: number, day: number): string {
  if (!Number.isInteger(year) || year < 0 || year > 9999) return '';
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** A real calendar day written `YYYY-MM-DD`. The digit test first: `isIsoDay` alone lets a non-digit year pass. */
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isIsoDay(text);

function fields(day: string): [year: number, month: number, date: number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

const yearOf = (day: string) => Number(day.slice(0, 4));

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The same day `n` months later (earlier for a negative `n`), clamped to the end of a shorter month. */
function addMonths(day: string, n: number): string {
  const [year, month, date] = fields(day);
  const index = year * 12 + month - 1 + n;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return iso(newYear, newMonth, Math.min(date, daysInMonth(newYear, newMonth)));
}

/** 0 for Monday … 6 for Sunday. */
const weekday = (day: string) => (new Date(parseIsoDate(day) ?? Number.NaN).getUTCDay() + 6) % 7;

function startOf(day: string, unit: CalendarUnit): string {
  if (unit === 'week') return addDays(day, -weekday(day));
  const [year, month] = fields(day);
  const size = MONTHS_IN[unit];
  return iso(year, Math.floor((month - 1) / size) * size + 1, 1);
}

/** The whole calendar period holding `day`, or the one `shift` periods away from it. */
function periodOf(day: string, unit: CalendarUnit, shift = 0): Range {
  if (unit === 'week') {
    const from = addDays(startOf(day, unit), 7 * shift);
    return { from, to: addDays(from, 6) };
  }
  const from = addMonths(startOf(day, unit), shift * MONTHS_IN[unit]);
  return { from, to: addDays(addMonths(from, MONTHS_IN[unit]), -1) };
}

const monthRange = (year: number, month: number) => periodOf(iso(year, month, 1), 'month');
const quarterRange = (year: number, quarter: number) => periodOf(iso(year, quarter * 3 - 2, 1), 'quarter');

/** The rolling `n` units ending today (today included). */
function rolling(today: string, n: number, unit: Unit): Range {
  if (unit === 'day' || unit === 'week')
    return { from: addDays(today, -(n * (unit === 'week' ? 7 : 1) - 1)), to: today };
  return { from: addDays(addMonths(today, -n * MONTHS_IN[unit]), 1), to: today };
}

/** "Q3 2024", "March 2025" or "2024" when a range is exactly that calendar period. */
function nameOf({ from, to }: Range): string | undefined {
  const [year, month, date] = fields(from);
  if (date !== 1) return undefined;
  if (periodOf(from, 'year').to === to && month === 1) return String(year);
  if (periodOf(from, 'quarter').to === to && month % 3 === 1) return `Q${(month + 2) / 3} ${year}`;
  if (periodOf(from, 'month').to === to) return `${MONTH_NAMES[month - 1]} ${year}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The words. Sources are strings so that the single points (ISO day, quarter, month, year) can be reused inside
// "since X" and "X to Y". No source nests a quantifier inside another, so every match is linear in its length.

/** Digits that are not part of a longer number, an amount, a code or a date ("$2024", "1,2024", "2025-03"). */
const NUMBER_START = String.raw`(?<![\w$€£#.,/-])`;
const NUMBER_END = String.raw`(?![\w%]|[.,/:-]\d)`;
const YEAR = String.raw`(?:19|20)\d{2}`;
/** Month names, full or in three letters ("Sept" too). */
const MONTH_NAME = `(?:${[
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
].join('|')})`;
const UNIT = '(day|week|month|quarter|year)';
const CALENDAR_UNIT = '(week|month|quarter|year)';
const COUNT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

const ISO_DAY_SOURCE = String.raw`${NUMBER_START}\d{4}-\d{2}-\d{2}${NUMBER_END}`;
// Longest form first: a regex alternation takes the first alternative that fits.
const QUARTER_SOURCE = String.raw`\bq[1-4](?:\s+of\s+|\s+|-)${YEAR}${NUMBER_END}|${NUMBER_START}${YEAR}(?:\s+|-)q[1-4]\b|\bq[1-4]\b`;
const MONTH_SOURCE = String.raw`\b${MONTH_NAME}(?:\.?,?\s+|\s+of\s+)${YEAR}${NUMBER_END}|\b${MONTH_NAME}\b`;
const YEAR_SOURCE = `${NUMBER_START}${YEAR}${NUMBER_END}`;
/** One named point in time: an ISO day, a quarter, a month or a year. */
const POINT_SOURCE = `(?:${ISO_DAY_SOURCE}|${QUARTER_SOURCE}|${MONTH_SOURCE}|${YEAR_SOURCE})`;

/** Words before a bare "May" that make it the month rather than the verb. */
// "till", "through" and "thru" join a range as "to" does ("March through May").
const MAY_CUES = new Set([
  'in',
  'for',
  'during',
  'since',
  'from',
  'of',
  'between',
  'and',
  'to',
  'until',
  'till',
  'through',
  'thru',
]);
/** Words before four digits that make them a count or an amount ("top 2000 customers"), not a year. */
const COUNT_CUES = new Set(['top', 'bottom', 'first', 'than', 'above', 'below', 'least', 'most']);

/** The word just before `index` in `text` (lower case, at most 12 letters: enough to compare with the cues). */
function wordBefore(text: string, index: number): string {
  let end = index;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < 12 && /[a-z]/i.test(text.charAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

const isBareMay = (words: string) => words.trim().toLowerCase() === 'may';

/** A single point, and for a month or quarter written without a year, the same one in any year. */
interface Point {
  range: Range;
  inYear?: (year: number) => Range;
}

/** The latest of a yearly period that started by today. */
function latest(inYear: (year: number) => Range, today: string): Range {
  const thisYear = inYear(yearOf(today));
  return thisYear.from <= today ? thisYear : inYear(yearOf(today) - 1);
}

/** Reads words that matched POINT_SOURCE; undefined for an impossible ISO day. */
function readPoint(words: string, today: string): Point | undefined {
  if (/^\d{4}-/.test(words)) return isDay(words) ? { range: { from: words, to: words } } : undefined;
  const year = /\d{4}/.exec(words);
  const quarter = /q([1-4])/i.exec(words);
  const monthName = /^[a-z]{3}/i.exec(words);
  let inYear: ((year: number) => Range) | undefined;
  if (quarter) inYear = (y) => quarterRange(y, Number(quarter[1]));
  else if (monthName) {
    const month = MONTH_NAMES.findIndex((name) => name.slice(0, 3).toLowerCase() === monthName[0].toLowerCase()) + 1;
    inYear = (y) => monthRange(y, month);
  } else if (year) return { range: periodOf(iso(Number(year[0]), 1, 1), 'year') };
  if (!inYear) return undefined;
  return year ? { range: inYear(Number(year[0])) } : { range: latest(inYear, today), inYear };
}

/** From X's start to Y's end, giving a month or quarter without a year the year that makes sense (see top). */
function between(x: Point, y: Point): Range {
  let first = x.range;
  let last = y.range;
  if (x.inYear && !y.inYear) first = x.inYear(yearOf(last.from));
  if (y.inYear && !x.inYear) {
    last = y.inYear(yearOf(first.from));
    if (last.to < first.from) last = y.inYear(yearOf(first.from) + 1);
  }
  if (x.inYear && first.from > last.to) first = x.inYear(yearOf(first.from) - 1);
  if (first.from > last.to) return { from: last.from, to: first.to };
  return { from: first.from, to: last.to };
}

// ---------------------------------------------------------------------------------------------------------------
// The phrase families: one regex each, and how to read what it matched.

/**
 * What a family reads at one match: a range (`named`: say which calendar period it is, when it is exactly one),
 * `'invalid'` for a period phrase that names no real period, or undefined when the words turn out not to be a
 * period phrase here ("may I…", "top 2000").
 */
type Reading = { range: Range; named: boolean } | 'invalid' | undefined;

interface Family {
  pattern: RegExp;
  read: (match: RegExpExecArray, question: string, today: string) => Reading;
}

const unitOf = (word: string | undefined) => word?.toLowerCase() as Unit;

const FAMILIES: Family[] = [
  {
    // "first half of 2025", "second half 2024", "H1 2025", "2025 H2": six months of a year.
    pattern: new RegExp(
      String.raw`\b(?:(first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+the\s+year)?\s+(${YEAR})|h([12])\s+(${YEAR})|(${YEAR})\s+h([12]))${NUMBER_END}`,
      'gi',
    ),
    read: (match) => {
      const second = /^(second|2nd)$/i.test(match[1] ?? '') || match[3] === '2' || match[6] === '2';
      const year = Number(match[2] ?? match[4] ?? match[5]);
      return {
        range: second
          ? { from: iso(year, 7, 1), to: iso(year, 12, 31) }
          : { from: iso(year, 1, 1), to: iso(year, 6, 30) },
        named: false,
      };
    },
  },
  {
    // "today", "yesterday".
    pattern: /\b(today|yesterday)\b/gi,
    read: (match, _question, today) => {
      const day = match[1]?.toLowerCase() === 'today' ? today : addDays(today, -1);
      return { range: { from: day, to: day }, named: false };
    },
  },
  {
    // "last 30 days", "past seven weeks", and "past month" (one month: "past" says rolling, "last" says calendar).
    pattern: new RegExp(
      String.raw`\b(?:last|past|previous|prior)\s+(\d{1,4}|${COUNT_WORDS.join('|')})\s+${UNIT}s?\b|\bpast\s+${CALENDAR_UNIT}\b`,
      'gi',
    ),
    read: (match, _question, today) => {
      const count = match[1]?.toLowerCase() ?? '1';
      const n = /^\d/.test(count) ? Number(count) : COUNT_WORDS.indexOf(count) + 1;
      if (n < 1) return 'invalid';
      return { range: rolling(today, n, unitOf(match[2] ?? match[3])), named: false };
    },
  },
  {
    // "this month", "current quarter", "MTD", "year-to-date", "so far this year": the period so far.
    pattern: new RegExp(
      String.raw`\b(?:(?:this|current)\s+${CALENDAR_UNIT}(?:\s+so\s+far|\s+to\s+date)?|so\s+far\s+this\s+${CALENDAR_UNIT}|${CALENDAR_UNIT}[\s-]+to[\s-]+date|([wmqy])td)\b`,
      'gi',
    ),
    read: (match, _question, today) => {
      const letter = match[4]?.toLowerCase();
      const byLetter = { w: 'week', m: 'month', q: 'quarter', y: 'year' } as const;
      const unit = letter
        ? byLetter[letter as keyof typeof byLetter]
        : (unitOf(match[1] ?? match[2] ?? match[3]) as CalendarUnit);
      return { range: { from: startOf(today, unit), to: today }, named: false };
    },
  },
  {
    // "last month", "previous quarter": the whole calendar period before this one.
    pattern: new RegExp(String.raw`\b(?:last|previous|prior)\s+${CALENDAR_UNIT}\b`, 'gi'),
    read: (match, _question, today) => ({ range: periodOf(today, unitOf(match[1]) as CalendarUnit, -1), named: true }),
  },
  {
    // "2025-03-05".
    pattern: new RegExp(ISO_DAY_SOURCE, 'g'),
    read: (match) => (isDay(match[0]) ? { range: { from: match[0], to: match[0] }, named: true } : 'invalid'),
  },
  {
    // "Q3 2024", "2024 Q3", "Q3".
    pattern: new RegExp(QUARTER_SOURCE, 'gi'),
    read: (match, _question, today) => pointReading(match[0], today),
  },
  {
    // "March 2025", "Mar", and "May" when it is not the verb.
    pattern: new RegExp(MONTH_SOURCE, 'gi'),
    read: (match, question, today) =>
      isBareMay(match[0]) && !MAY_CUES.has(wordBefore(question, match.index))
        ? undefined
        : pointReading(match[0], today),
  },
  {
    // "2024", unless it counts something ("top 2000").
    pattern: new RegExp(YEAR_SOURCE, 'g'),
    read: (match, question, today) =>
      COUNT_CUES.has(wordBefore(question, match.index)) ? undefined : pointReading(match[0], today),
  },
  {
    // "since March", "since last year": to today.
    pattern: new RegExp(String.raw`\bsince\s+(?:(${POINT_SOURCE})|(?:last|previous|prior)\s+${CALENDAR_UNIT}\b)`, 'gi'),
    read: (match, _question, today) => {
      const from = match[1]
        ? readPoint(match[1], today)?.range.from
        : periodOf(today, unitOf(match[2]) as CalendarUnit, -1).from;
      return from === undefined || from > today ? 'invalid' : { range: { from, to: today }, named: true };
    },
  },
  {
    // "from X to Y", "between X and Y", "X through Y", "X to today".
    pattern: new RegExp(
      String.raw`(?:\b(from|between)\s+)?(${POINT_SOURCE})\s+(to|through|thru|until|till|and)\s+(${POINT_SOURCE}|today\b|now\b)`,
      'gi',
    ),
    read: (match, question, today) => {
      const [, opener, first = '', connector, second = ''] = match;
      // "and" joins a range only after "between": "2023 and 2024" compares two years.
      if (connector?.toLowerCase() === 'and' && opener?.toLowerCase() !== 'between') return undefined;
      if (!opener && isBareMay(first) && !MAY_CUES.has(wordBefore(question, match.index))) return undefined;
      const x = readPoint(first, today);
      const y = /^(?:today|now)$/i.test(second) ? { range: { from: today, to: today } } : readPoint(second, today);
      return x && y ? { range: between(x, y), named: true } : 'invalid';
    },
  },
];

function pointReading(words: string, today: string): Reading {
  const point = readPoint(words, today);
  return point ? { range: point.range, named: true } : 'invalid';
}

/** The longest match wins; of two as long, the one that starts first. */
function isBetter(start: number, end: number, best: { start: number; end: number } | undefined): boolean {
  if (!best) return true;
  const length = end - start;
  const bestLength = best.end - best.start;
  return length > bestLength || (length === bestLength && start < best.start);
}

// ---------------------------------------------------------------------------------------------------------------

/** Finds the period a question names, relative to `today` (an ISO day); undefined when it names none. */
export function findPeriod(question: string, today: string): PeriodMatch | undefined {
  if (typeof question !== 'string' || typeof today !== 'string' || !isDay(today)) return undefined;
  let best: { start: number; end: number; reading: Exclude<Reading, undefined> } | undefined;
  for (const { pattern, read } of FAMILIES) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(question); match; match = pattern.exec(question)) {
      const start = match.index;
      const end = start + match[0].length;
      const reading = read(match, question, today);
      if (reading !== undefined && isBetter(start, end, best)) best = { start, end, reading };
      // Step one character on rather than past the match: a longer phrase may start inside this one.
      pattern.lastIndex = start + 1;
    }
  }
  // The longest phrase names no real period ("from 2025-01-01 to 2025-02-30"): neither does the question.
  if (!best || best.reading === 'invalid') return undefined;
  const { range, named } = best.reading;
  if (!isDay(range.from) || !isDay(range.to) || range.from > range.to) return undefined;
  const span = range.from === range.to ? range.from : `${range.from} to ${range.to}`;
  const name = named ? nameOf(range) : undefined;
  return {
    range,
    start: best.start,
    end: best.end,
    words: question.slice(best.start, best.end),
    meaning: name ? `${name}: ${span}` : span,
  };
}
