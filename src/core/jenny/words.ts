import type { FilterOperator, TimeGrain } from '../semantic/types';

/**
 * Every word Jenny's answers say: titles, the summary, the reasoning and the follow-up questions. Strings are said
 * as they are; functions receive values already written in the locale (numbers in the metric's format, dates,
 * labels), so each language puts them where its grammar wants. `answerQuestion({ words })` takes some or all of it.
 *
 * The follow-up questions (`ask`, `askDrivers`, `askVersus`) are questions for the interpreter, which reads
 * English: a catalogue in another language keeps them readable by it.
 */
/** The first row of a breakdown, formatted: its name, value, and its share of the total when the measure adds up. */
export interface JennyRankedRow {
  name: string;
  value: string;
  share?: string;
  total?: string;
  among?: string;
  when?: string;
}

export interface JennyWords {
  // Lists and labels.
  /** Items joined: "NCR, Visayas and Mindanao". */
  list: (items: readonly string[]) => string;
  /** A label inside a sentence: "revenue target" for "Revenue target" ("NCR" stays). */
  inSentence: (label: string) => string;
  /** `count` things called `label`: "10 brands", "1 region", "24 months". */
  count: (count: number, formatted: string, label: string) => string;
  /** A time grain as a word: "month". */
  grain: (grain: TimeGrain) => string;
  /** A cell with no value (a NULL dimension value). */
  none: string;
  yes: string;
  no: string;

  // Titles.
  /** Joins a title's parts: "Revenue by brand · NCR · last 30 days". */
  title: (parts: readonly string[]) => string;
  /** The measures and what they are broken down by, ranked when a limit cut them: "Top 5 brands by revenue". */
  headline: (headline: {
    measures: string;
    by: readonly string[];
    rank?: { direction: 'top' | 'bottom'; count: number; formatted: string };
  }) => string;
  /** Two things side by side: "Revenue vs revenue target", "Dec 2025 vs Nov 2025". */
  versus: (a: string, b: string) => string;
  /** A drivers answer's head: "What drove revenue". */
  driversTitle: (measure: string) => string;
  /** A filter, short, for a title: "NCR", "excluding NCR", "reimbursable". `value` is the values listed. */
  filter: (filter: { label: string; op: FilterOperator; value: string; flag?: boolean }) => string;
  /** The title of an answer that asks back. */
  clarifyTitle: string;
  /** The title of an answer that refuses. */
  unsupportedTitle: string;
  /** The error an answer reports when it failed for a reason the library does not know (it says nothing more). */
  failed: string;

  // Periods (days already written in the locale).
  /** A rolling period ending today, in a title: "last 30 days". */
  lastDays: (count: string) => string;
  /** Two ends, in a title: "Mar 5, 2025 – Apr 1, 2025". */
  range: (from: string, to: string) => string;
  /** An open start: "since Mar 5, 2025" (title and sentence). */
  since: (from: string) => string;
  /** An open end: "through Mar 5, 2025" (title and sentence). */
  until: (to: string) => string;
  /** A period the data does not cover to its end: "Dec 2025 (through Dec 15, 2025)". */
  soFar: (period: string, to: string) => string;
  /** A named period in a sentence: "in Dec 2025". */
  inPeriod: (name: string) => string;
  /** One day in a sentence: "on Dec 31, 2025". */
  onDay: (day: string) => string;
  /** A week (its Monday written) in a sentence: "in the week of Dec 1, 2025". */
  inWeek: (monday: string) => string;
  /** A rolling period ending today, in a sentence: "in the last 30 days". */
  inLastDays: (count: string) => string;
  /** The days just before a rolling period, in a sentence: "in the previous 30 days". */
  inPreviousDays: (count: string) => string;
  /** Two ends in a sentence: "from Mar 5, 2025 to Apr 1, 2025". */
  inRange: (from: string, to: string) => string;

  // The summary.
  /** No rows came back. `what` is the answer's title. */
  noRows: (what: string) => string;
  /** "Revenue was ₱12,345,678 in the last 30 days." */
  value: (measure: string, value: string, when?: string) => string;
  /** The other measures of a single-value answer: "Orders: 1,234; units: 5,678." */
  others: (values: readonly { measure: string; value: string }[]) => string;
  /** The change against the period before: "That is up 5.2% from ₱11,700,000 in Nov 2025." */
  change: (change: {
    direction: 'up' | 'down' | 'unchanged';
    /**
     * The change as a percentage of `previous` ("5.2%"), or in percentage points for a rate (written by `points`);
     * absent when `previous` is zero.
     */
    percent?: string;
    previous: string;
    when: string;
  }) => string;
  /** The total over a time series: "The 24 months add up to ₱98,765,432." */
  total: (value: string, over: string) => string;
  /** The first row of a breakdown: "NCR led the 5 regions with ₱X, 34.2% of the ₱Y total." */
  leader: (leader: JennyRankedRow) => string;
  /** The first row of a breakdown sorted lowest first. */
  lowest: (lowest: JennyRankedRow) => string;
  /** What the rows a limit kept make together: "The top 5 together make ₱X, 87.1% of the total." */
  together: (together: { count: string; value: string; share?: string }) => string;
  /** A comparison of two measures: "Revenue was ₱X against a revenue target of ₱Y in 2025." */
  compared: (compared: { measure: string; value: string; other: string; otherValue: string; when?: string }) => string;
  /** The gap between them: "That is ₱Z below the revenue target (95.5% of it)." */
  gap: (gap: { direction: 'above' | 'below' | 'level'; amount: string; percent?: string; other: string }) => string;
  /** One side of a comparison has no value in the period. */
  noneFor: (measure: string, when?: string) => string;
  /** Why: the measure is kept by a coarser grain than the period asked for ("kept by month"). */
  keptBy: (measure: string, grain: string) => string;
  /** How many periods were at or above the other measure: "Revenue met the revenue target in 7 of 12 months." */
  periodsMet: (met: { measure: string; other: string; count: string; of: string }) => string;
  /** A drivers answer's total change: "Revenue rose ₱X (5.2%), from ₱A in Nov 2025 to ₱B in Dec 2025." */
  driversChange: (change: {
    measure: string;
    direction: 'up' | 'down' | 'unchanged';
    amount: string;
    percent?: string;
    before: string;
    after: string;
    when: string;
    previousWhen: string;
  }) => string;
  /** The top drivers, each written by `driver`: "The biggest drivers: …." */
  drivers: (drivers: readonly string[]) => string;
  /** One driver: "Brand Alpha (+₱1.2M, 40% of the change)". `change` is signed by `signed`. */
  driver: (driver: { dimension: string; value: string; change: string; share?: string }) => string;
  /** No dimension value changed. */
  noDrivers: string;
  /** The measure does not add up across groups, so the changes by group do not sum to the total. */
  notAdditive: (measure: string) => string;
  /** A change of a rate in percentage points: "1.5 percentage points". */
  points: (points: string) => string;
  /** The rows were cut at a limit nobody asked for: the summary would describe only part of the data. */
  cut: (count: string) => string;
  /** An amount with its sign: "+₱1,234", "−₱1,234". */
  signed: (direction: 'up' | 'down', amount: string) => string;

  // Column labels of a drivers table.
  columnDimension: string;
  columnValue: string;
  columnChange: string;
  columnShare: string;
  /** The chart's category: a dimension and its value, "Brand: Alpha". */
  driverName: (dimension: string, value: string) => string;
  columnDriver: string;

  // The reasoning.
  /** Heads the steps of the reading. */
  readAs: string;
  /** One step: “last 30 days” → 2025-12-02 to 2025-12-31. */
  step: (words: string, meaning: string) => string;
  /** What the main query does. Each part is already written; `period` names the date column and the days. */
  query: (query: {
    measures: string;
    table: string;
    by: readonly string[];
    filters: readonly string[];
    period?: string;
    order?: string;
    limit?: string;
  }) => string;
  /** A filter in a sentence: "region is NCR", "channel is not E-commerce". */
  filterSaid: (filter: { label: string; op: FilterOperator; value: string; flag?: boolean }) => string;
  /** The dates a query reads: "sale_date from 2025-12-02 to 2025-12-31". */
  dates: (column: string, from?: string, to?: string) => string;
  /** "sorted by revenue, highest first" */
  sortedBy: (label: string, direction: 'asc' | 'desc') => string;
  /** "at most 5 rows" */
  limit: (count: string) => string;
  /** The query for the period before (a single value's change). */
  previousQuery: (when: string) => string;
  /** The query for the total behind the shares of a ranking cut by a limit. */
  totalQuery: string;
  /** The second query of a comparison, and the columns the two are joined on. */
  compareQuery: (compare: { measures: string; table: string; keys?: string }) => string;
  /** The queries of a drivers answer. */
  driversQuery: (drivers: { measure: string; when: string; previousWhen: string; dimensions: string }) => string;
  /** Where the data comes from and when it was loaded. */
  freshness: (freshness: { source: string; asOf?: string; loaded: string; status?: string; rows?: string }) => string;
  /** The space names a freshness job, but it has no run, or it could not be read. */
  freshnessUnknown: (source: string) => string;
  /** The day relative periods count from. */
  asOf: (day: string) => string;

  // Follow-up questions, for the interpreter to read (English words it knows).
  /** A question from parts: "Top 5 brands by revenue in NCR last 30 days". Parts are absent when not asked. */
  ask: (question: {
    measure: string;
    by?: string;
    top?: { count: number; dimension: string };
    grain?: TimeGrain;
    /** Each filter as `askFilter` writes it. */
    filters?: readonly string[];
    period?: string;
  }) => string;
  /** A filter in a question: "in NCR", "excluding NCR", "reimbursable". */
  askFilter: (filter: { op: FilterOperator; value: string; label: string; flag?: boolean }) => string;
  /** "What drove the change in revenue in December 2025?" */
  askDrivers: (measure: string, period: string) => string;
  /** "Revenue vs target by month in 2025" */
  askVersus: (measure: string, grain?: TimeGrain, period?: string) => string;
}

let plural: Intl.PluralRules | undefined;
let lists: Intl.ListFormat | undefined;

/** English's plural rules, made on first use. */
function pluralOf(count: number): Intl.LDMLPluralRule {
  plural ??= new Intl.PluralRules('en');
  return plural.select(count);
}

/** "Brand" → "brand", "Revenue target" → "revenue target"; "NCR" and "E-commerce"'s capital stay where a word is an acronym. */
function lowerFirst(label: string): string {
  const [first, second] = label;
  if (!first || (second !== undefined && second !== second.toLowerCase())) return label;
  return first.toLowerCase() + label.slice(1);
}

/** An English plural of a lower-case noun phrase: its last word. */
function pluralNoun(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

const PERIOD_NOUNS: Record<TimeGrain, string> = {
  day: 'day',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

function filterWords(
  filter: { label: string; op: FilterOperator; value: string; flag?: boolean },
  said: boolean,
): string {
  const label = lowerFirst(filter.label);
  if (filter.flag !== undefined) {
    const yes = (filter.op === 'eq' || filter.op === 'in') === filter.flag;
    return said ? `${label} is ${yes ? 'yes' : 'no'}` : yes ? label : `not ${label}`;
  }
  switch (filter.op) {
    case 'eq':
      return said ? `${label} is ${filter.value}` : filter.value;
    case 'in':
      return said ? `${label} is ${filter.value}` : filter.value;
    case 'neq':
    case 'not_in':
      return said ? `${label} is not ${filter.value}` : `excluding ${filter.value}`;
    case 'contains':
      return `${label} contains “${filter.value}”`;
    case 'gt':
      return `${label} > ${filter.value}`;
    case 'gte':
      return `${label} ≥ ${filter.value}`;
    case 'lt':
      return `${label} < ${filter.value}`;
    case 'lte':
      return `${label} ≤ ${filter.value}`;
  }
}

function changeWords(direction: 'up' | 'down' | 'unchanged', percent: string | undefined): string {
  if (direction === 'unchanged') return 'unchanged';
  return percent ? `${direction} ${percent}` : direction;
}

function ranked(
  lowest: boolean,
  { name, value, share, total, among, when }: Parameters<JennyWords['leader']>[0],
): string {
  const lead = when ? `${capitalize(when)}, ` : '';
  const head = lowest
    ? `${lead}${name} was lowest${among ? ` of the ${among}` : ''} at ${value}`
    : `${lead}${name} led${among ? ` the ${among}` : ''} with ${value}`;
  if (share && total) return `${head}, ${share} of the ${total} total.`;
  if (share) return `${head}, ${share} of the total.`;
  return `${head}.`;
}

/** "was" or "were": "Revenue was", "Units were" (a label whose last word is a plural). */
function be(label: string): string {
  const last = label.trim().split(/\s+/).at(-1) ?? '';
  return /[^su]s$/i.test(last) ? 'were' : 'was';
}

function capitalize(text: string): string {
  return text ? text[0]?.toUpperCase() + text.slice(1) : text;
}

/** Jenny's English. */
export const enJenny: JennyWords = {
  list: (items) => {
    lists ??= new Intl.ListFormat('en', { type: 'conjunction' });
    return lists.format(items);
  },
  inSentence: lowerFirst,
  count: (count, formatted, label) => {
    const noun = lowerFirst(label);
    return `${formatted} ${pluralOf(count) === 'one' ? noun : pluralNoun(noun)}`;
  },
  grain: (grain) => PERIOD_NOUNS[grain],
  none: '(none)',
  yes: 'Yes',
  no: 'No',

  title: (parts) => parts.filter(Boolean).join(' · '),
  headline: ({ measures, by, rank }) => {
    if (rank && by.length === 1) {
      const noun = lowerFirst(by[0] as string);
      const things = rank.count === 1 ? noun : pluralNoun(noun);
      const head = rank.direction === 'top' ? 'Top' : 'Bottom';
      return `${rank.count === 1 ? `${head} ${things}` : `${head} ${rank.formatted} ${things}`} by ${lowerFirst(measures)}`;
    }
    const broken = by.length > 0 ? `${measures} by ${by.map(lowerFirst).join(' and ')}` : measures;
    return rank ? `${broken}, ${rank.direction} ${rank.formatted}` : broken;
  },
  versus: (a, b) => `${a} vs ${b}`,
  driversTitle: (measure) => `What drove ${lowerFirst(measure)}`,
  filter: (filter) => filterWords(filter, false),
  clarifyTitle: 'A question back',
  unsupportedTitle: 'Not something I can answer',
  failed: 'The answer failed.',

  lastDays: (count) => `last ${count} days`,
  range: (from, to) => `${from} – ${to}`,
  since: (from) => `since ${from}`,
  until: (to) => `through ${to}`,
  soFar: (period, to) => `${period} (through ${to})`,
  inPeriod: (name) => `in ${name}`,
  onDay: (day) => `on ${day}`,
  inWeek: (monday) => `in the week of ${monday}`,
  inLastDays: (count) => `in the last ${count} days`,
  inPreviousDays: (count) => `in the previous ${count} days`,
  inRange: (from, to) => `from ${from} to ${to}`,

  noRows: (what) => `No rows: there is no data for ${lowerFirst(what)}.`,
  value: (measure, value, when) => `${measure} ${be(measure)} ${value}${when ? ` ${when}` : ''}.`,
  others: (values) =>
    `${values.map(({ measure, value }, i) => `${i === 0 ? measure : lowerFirst(measure)}: ${value}`).join('; ')}.`,
  change: ({ direction, percent, previous, when }) =>
    direction === 'unchanged'
      ? `That is unchanged from ${when}.`
      : `That is ${changeWords(direction, percent)} from ${previous} ${when}.`,
  total: (value, over) => `The ${over} add up to ${value}.`,
  leader: (leader) => ranked(false, leader),
  lowest: (lowest) => ranked(true, lowest),
  together: ({ count, value, share }) =>
    `The top ${count} together make ${value}${share ? `, ${share} of the total` : ''}.`,
  compared: ({ measure, value, other, otherValue, when }) =>
    `${measure} was ${value} against the ${lowerFirst(other)} of ${otherValue}${when ? ` ${when}` : ''}.`,
  gap: ({ direction, amount, percent, other }) =>
    direction === 'level'
      ? `That is level with the ${lowerFirst(other)}.`
      : `That is ${amount} ${direction} the ${lowerFirst(other)}${percent ? ` (${percent} of it)` : ''}.`,
  noneFor: (measure, when) => `There is no ${lowerFirst(measure)}${when ? ` ${when}` : ''}.`,
  keptBy: (measure, grain) => `${measure} is kept by ${grain}: ask for whole ${pluralNoun(grain)}.`,
  periodsMet: ({ measure, other, count, of }) => `${measure} met the ${lowerFirst(other)} in ${count} of ${of}.`,
  driversChange: ({ measure, direction, amount, percent, before, after, when, previousWhen }) =>
    direction === 'unchanged'
      ? `${measure} ${be(measure)} unchanged at ${after} ${when}, as ${previousWhen}.`
      : `${measure} ${direction === 'up' ? 'rose' : 'fell'} ${amount}${percent ? ` (${percent})` : ''}, from ${before} ${previousWhen} to ${after} ${when}.`,
  drivers: (drivers) => `The biggest drivers: ${enJenny.list(drivers)}.`,
  driver: ({ dimension, value, change, share }) =>
    `${lowerFirst(dimension)} ${value} (${change}${share ? `, ${share} of the change` : ''})`,
  noDrivers: 'No single dimension value changed.',
  notAdditive: (measure) =>
    `${measure} does not add up across groups, so the changes by group do not sum to the total change.`,
  points: (points) => `${points} percentage points`,
  cut: (count) =>
    `Only the first ${count} rows came back, so they are not summed up here: ask for fewer, or a shorter period.`,
  signed: (direction, amount) => `${direction === 'up' ? '+' : '−'}${amount}`,

  columnDimension: 'Dimension',
  columnValue: 'Value',
  columnChange: 'Change',
  columnShare: 'Share of change',
  driverName: (dimension, value) => `${dimension}: ${value}`,
  columnDriver: 'Driver',

  readAs: 'How I read the question:',
  step: (words, meaning) => `“${words}” → ${meaning}`,
  query: ({ measures, table, by, filters, period, order, limit }) =>
    `The query computes ${measures} from ${table}` +
    (by.length ? `, grouped by ${enJenny.list(by)}` : '') +
    (filters.length ? `, where ${enJenny.list(filters)}` : '') +
    (period ? `, for ${period}` : '') +
    (order ? `, ${order}` : '') +
    (limit ? `, ${limit}` : '') +
    '.',
  filterSaid: (filter) => filterWords(filter, true),
  dates: (column, from, to) =>
    from && to
      ? from === to
        ? `${column} ${from}`
        : `${column} from ${from} to ${to}`
      : from
        ? `${column} from ${from}`
        : `${column} through ${to ?? ''}`,
  sortedBy: (label, direction) =>
    `sorted by ${lowerFirst(label)}, ${direction === 'desc' ? 'highest' : 'lowest'} first`,
  limit: (count) => `at most ${count} rows`,
  previousQuery: (when) => `A second query computes the same ${when}, for the change.`,
  totalQuery: 'A second query computes the total without the breakdown or the limit, for the shares.',
  compareQuery: ({ measures, table, keys }) =>
    `A second query computes ${measures} from ${table} over the same period` +
    (keys ? `; the two results are joined on ${keys}.` : '; the two totals are set side by side.'),
  driversQuery: ({ measure, when, previousWhen, dimensions }) =>
    `The queries compute ${lowerFirst(measure)} ${when} and ${previousWhen}, in total and by each of ${dimensions}; ` +
    'each value’s change is ranked by its size, and its share is its part of the total change.',
  freshness: ({ source, asOf, loaded, status, rows }) =>
    `Data as of ${asOf ?? loaded} (${source}, loaded ${loaded}${rows ? `, ${rows} rows` : ''}` +
    `${status && status !== 'success' ? `, last run ${status}` : ''}).`,
  freshnessUnknown: (source) => `When ${source} was last loaded is not known.`,
  asOf: (day) => `Relative periods such as “last 30 days” count back from ${day}.`,

  ask: ({ measure, by, top, grain, filters, period }) => {
    const noun = lowerFirst(measure);
    const head = top
      ? `Top ${top.count} ${pluralNoun(lowerFirst(top.dimension))} by ${noun}`
      : by
        ? `${capitalize(noun)} by ${lowerFirst(by)}`
        : capitalize(noun);
    return [head, grain && `by ${PERIOD_NOUNS[grain]}`, ...(filters ?? []), period].filter(Boolean).join(' ');
  },
  askFilter: ({ op, value, label, flag }) => {
    if (flag !== undefined) {
      const yes = (op === 'eq' || op === 'in') === flag;
      return yes ? lowerFirst(label) : `non-${lowerFirst(label)}`;
    }
    if (op === 'eq' || op === 'in') return `in ${value}`;
    if (op === 'neq' || op === 'not_in') return `excluding ${value}`;
    return '';
  },
  askDrivers: (measure, period) => `What drove the change in ${lowerFirst(measure)} ${period}?`,
  askVersus: (measure, grain, period) =>
    [`${capitalize(lowerFirst(measure))} vs target`, grain && `by ${PERIOD_NOUNS[grain]}`, period]
      .filter(Boolean)
      .join(' '),
};
