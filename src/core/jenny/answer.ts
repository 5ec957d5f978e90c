import type { ColumnMeta, Row } from '../adapter/types';
import { abortedError, isAbortError, raceAbort } from '../client/abort';
import { DataClientError } from '../client/errors';
import type { Freshness, JennyAnswer, QueryResult, SemanticRequest } from '../client/types';
import { InsightPulseError } from '../errors';
import { createFormatter } from '../format';
import type { FormatSpec, Formatter } from '../format/types';
import type { Messages } from '../messages/types';
import { compileQuery, DEFAULT_LIMIT, MAX_LIMIT } from '../semantic/compile';
import { SemanticError } from '../semantic/errors';
import type { SemanticFilter, SemanticQuery, SpaceDefinition, TimeGrain } from '../semantic/types';
import { chartOf } from './chart';
import { MONTH_NAMES } from './periods';
import { type JennyChunk, type JennyStatement, REASONING_ID, SUMMARY_ID } from './protocol';
import {
  calendarDay,
  type DayRange,
  daysIn,
  periodEnd,
  periodStart,
  previousRange,
  wholeMonths,
  wholeUnit,
} from './spans';
import type { ClarifyInterpretation, Interpretation, QueryInterpretation, UnsupportedInterpretation } from './types';
import { enJenny, type JennyWords } from './words';

/*
 * Jenny's answers from rows: runs the queries an interpretation asks for, and writes the title, the summary, the
 * chart, the reasoning and follow-up questions from what came back. Deterministic: the same rows give the same words.
 * The question's text never reaches SQL: only the interpretation's SemanticQuery does, compiled by `compileQuery`.
 */

/** Where an answer's rows come from: a `DataClient` fits as it is (so does `transportSource(transport, spaces)`). */
export interface AnswerSource {
  query(request: SemanticRequest, options: { signal?: AbortSignal }): Promise<QueryResult>;
  /** When a space's freshness job last ran (`SpaceDefinition.freshness`). Optional: the reasoning then skips it. */
  freshness?(source: string, options: { signal?: AbortSignal }): Promise<Freshness>;
  /** The spaces the answers are compiled in, by name. */
  readonly spaces: ReadonlyMap<string, SpaceDefinition>;
}

export interface AnswerOptions {
  /** Aborts the answer: it rejects with an `'aborted'` DataClientError and reports nothing more. */
  signal?: AbortSignal;
  /** Called with each chunk of the answer, in the protocol's order (see protocol.ts). */
  onPart?: (chunk: JennyChunk) => void;
  /** The locale numbers and dates are written in. Default `'en-US'`. */
  locale?: string;
  /**
   * The day the interpretation counted relative periods from (ISO `YYYY-MM-DD`): said in the answer and its
   * reasoning, and what names a period ending on it "last 30 days". Default: not said; periods are named against the
   * calendar day.
   */
  asOf?: string;
  /** Jenny's words, whole or in part. Default English (`enJenny`). */
  words?: Partial<JennyWords>;
  /** The words the chart's option says (its description, "Other"): a catalogue's `chart` part. Default English. */
  chartMessages?: Partial<Messages['chart']>;
  /** The space's freshness, already read (the engine reads it to find the data's day): not read again. */
  freshness?: Freshness;
  /**
   * Keeps only the follow-up questions this accepts: the engine passes one that asks its interpreter, so every
   * suggestion is a question Jenny answers. Default: every suggestion is kept.
   */
  answerable?: (question: string) => boolean;
}

/** The most contributors a drivers answer lists. */
const MAX_DRIVERS = 20;
/** The contributors its chart shows. */
const CHART_DRIVERS = 10;
/** Follow-up questions offered. */
const MAX_SUGGESTIONS = 4;

/** A statement to run: the request, and what `compileQuery` makes of it (for display). */
interface Planned {
  space: SpaceDefinition;
  query: SemanticQuery;
  sql: string;
  params: unknown[];
  meta: ColumnMeta[];
}

/** What a plan makes of its statements' results. */
interface Outcome {
  rows: Row[];
  meta: ColumnMeta[];
  truncated: boolean;
  summary: string[];
  /** The rows and columns to chart, when the chart is not of the table's own rows. */
  chart?: { rows: Row[]; meta: ColumnMeta[]; bars?: boolean };
  /** No chart: the answer is one value, or the rows say nothing a chart would add. */
  noChart?: boolean;
}

interface Plan {
  title: string;
  steps: Planned[];
  /** Reasoning lines about the statements. */
  explain: string[];
  finish(results: QueryResult[]): Outcome;
  /** Follow-up questions (before the interpreter's check). */
  followUps(outcome: Outcome): string[];
}

/** What every part of an answer writes with. */
interface Writer {
  words: JennyWords;
  locale: string;
  /** The day relative periods count from (the answer's `asOf`, else the calendar day). */
  today: string;
  day: Formatter;
  date(grain: TimeGrain): Formatter;
  integer: Formatter;
  percent: Formatter;
  /** Percentage points, at most two decimals. */
  points: Formatter;
  format(spec: FormatSpec | undefined): Formatter;
  /** A period's name for a title and a sentence ("last 30 days", "in the last 30 days"). */
  period(range: { from?: string; to?: string } | undefined): { title: string; when: string } | undefined;
  /** The period before a range, in a sentence ("in Nov 2025", "in the previous 30 days"). */
  previous(range: DayRange): string;
  /** A cell written for a sentence: a dimension value, a period. */
  cell(value: unknown, meta: ColumnMeta | undefined): string;
  /** A period cell in a sentence: "in Dec 2025", "in the week of Dec 1, 2025". */
  inCell(value: unknown, meta: ColumnMeta | undefined): string;
}

function writer(words: JennyWords, locale: string, today: string): Writer {
  const dates = new Map<TimeGrain, Formatter>();
  const date = (grain: TimeGrain) => {
    let formatter = dates.get(grain);
    if (!formatter) {
      formatter = createFormatter({ kind: 'date', grain }, { locale });
      dates.set(grain, formatter);
    }
    return formatter;
  };
  const w: Writer = {
    words,
    locale,
    today,
    day: date('day'),
    date,
    integer: createFormatter({ kind: 'integer' }, { locale }),
    percent: createFormatter({ kind: 'percent', maximumFractionDigits: 1 }, { locale }),
    points: createFormatter({ kind: 'number', maximumFractionDigits: 2 }, { locale }),
    format: (spec) => createFormatter(spec ?? { kind: 'number' }, { locale }),
    period(range) {
      if (!range || (!range.from && !range.to)) return undefined;
      const { from, to } = range;
      if (from && to) {
        if (from === to) {
          const name = w.day(from);
          return { title: name, when: words.onDay(name) };
        }
        const unit = wholeUnit({ from, to });
        if (unit === 'year' || unit === 'quarter' || unit === 'month') {
          const name = date(unit)(from);
          return { title: name, when: words.inPeriod(name) };
        }
        if (to === today) {
          const count = w.integer(daysIn({ from, to }));
          return { title: words.lastDays(count), when: words.inLastDays(count) };
        }
        const [a, b] = wholeMonths({ from, to }) ? [date('month')(from), date('month')(to)] : [w.day(from), w.day(to)];
        return { title: words.range(a, b), when: words.inRange(a, b) };
      }
      const said = from ? words.since(w.day(from)) : words.until(w.day(to as string));
      return { title: said, when: said };
    },
    previous(range) {
      const unit = wholeUnit(range);
      if (unit === 'year' || unit === 'quarter' || unit === 'month') return words.inPeriod(date(unit)(range.from));
      return words.inPreviousDays(w.integer(daysIn(range)));
    },
    cell(value, meta) {
      if (value === null || value === undefined) return words.none;
      if (typeof value === 'boolean') return value ? words.yes : words.no;
      if (meta?.role === 'time' || meta?.type === 'date') {
        const grain = meta.format?.kind === 'date' ? meta.format.grain : undefined;
        return date(grain === 'hour' || grain === 'minute' || !grain ? 'day' : grain)(value);
      }
      return String(value);
    },
    inCell(value, meta) {
      const grain = meta?.format?.kind === 'date' ? meta.format.grain : undefined;
      if (grain === 'week') return words.inWeek(w.cell(value, meta));
      if (grain === 'day' || grain === undefined) return words.onDay(w.cell(value, meta));
      return words.inPeriod(w.cell(value, meta));
    },
  };
  return w;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function metaOf(meta: readonly ColumnMeta[], name: string): ColumnMeta | undefined {
  return meta.find((column) => column.name === name);
}

function metricLabel(space: SpaceDefinition, name: string): string {
  return space.metrics.find((metric) => metric.name === name)?.label ?? name;
}

function dimensionLabel(space: SpaceDefinition, name: string): string {
  if (space.timeDimension?.column === name) return space.timeDimension.label ?? name;
  return space.dimensions.find((dimension) => dimension.name === name)?.label ?? name;
}

function isFlag(space: SpaceDefinition, name: string): boolean {
  return space.dimensions.find((dimension) => dimension.name === name)?.type === 'boolean';
}

/** A metric adds up across rows (its total is a sum): shares and totals mean something. */
function adds(meta: ColumnMeta | undefined): boolean {
  return meta?.total === 'sum';
}

function planned(space: SpaceDefinition, query: SemanticQuery): Planned {
  const compiled = compileQuery(space, query);
  return { space, query, sql: compiled.sql, params: compiled.params, meta: compiled.meta };
}

/** A query without the keys it leaves out (the compiler refuses nothing absent, but statements read cleaner). */
function query(parts: { [K in keyof SemanticQuery]?: SemanticQuery[K] | undefined }): SemanticQuery {
  return Object.fromEntries(
    Object.entries(parts).filter(([, value]) => value !== undefined),
  ) as unknown as SemanticQuery;
}

/** The range a drivers answer explains: the query's, its open ends closed at the month of `today` and `today`. */
function closedRange(range: SemanticQuery['dateRange'], today: string): DayRange {
  const to = range?.to ?? today;
  return { from: range?.from ?? periodStart(to, 'month'), to };
}

function errorText(error: unknown, words: JennyWords): string {
  // The library's errors never carry a secret or a parameter value; anything else may.
  return error instanceof InsightPulseError ? error.message : words.failed;
}

// -------------------------------------------------------------------------------------------------------------
// Titles and what a query does, in words.

function filterParts(space: SpaceDefinition, filter: SemanticFilter, w: Writer) {
  const values = Array.isArray(filter.value) ? (filter.value as unknown[]) : [filter.value];
  const flag = isFlag(space, filter.dimension) ? values[0] === true : undefined;
  return {
    label: dimensionLabel(space, filter.dimension),
    op: filter.op,
    value: w.words.list(values.map((value) => w.cell(value, undefined))),
    ...(flag === undefined ? {} : { flag }),
  };
}

function headline(space: SpaceDefinition, q: SemanticQuery, w: Writer, measures: string): string {
  const by = [
    ...(q.dimensions ?? []).map((name) => dimensionLabel(space, name)),
    ...(q.timeGrain ? [w.words.grain(q.timeGrain)] : []),
  ];
  const sort = q.sort?.[0];
  const ranked = sort !== undefined && q.metrics.includes(sort.by) && q.limit !== undefined && by.length > 0;
  return w.words.headline({
    measures,
    by,
    ...(ranked
      ? {
          rank: {
            direction: sort?.direction === 'asc' ? 'bottom' : 'top',
            count: q.limit as number,
            formatted: w.integer(q.limit),
          },
        }
      : {}),
  });
}

function titleOf(space: SpaceDefinition, interpretation: QueryInterpretation, w: Writer, other?: SpaceDefinition) {
  const q = interpretation.query;
  const filters = (q.filters ?? []).map((filter) => w.words.filter(filterParts(space, filter, w)));
  const measures = w.words.list(
    q.metrics.map((name, i) => (i === 0 ? metricLabel(space, name) : w.words.inSentence(metricLabel(space, name)))),
  );
  if (interpretation.analysis === 'drivers') {
    const current = closedRange(q.dateRange, w.today);
    const name = w.period(current)?.title ?? '';
    const before = w.period(previousRange(current))?.title ?? '';
    return w.words.title([w.words.driversTitle(measures), ...filters, w.words.versus(name, before)]);
  }
  const compared =
    interpretation.compare && other
      ? w.words.versus(
          measures,
          w.words.inSentence(
            w.words.list(interpretation.compare.query.metrics.map((name) => metricLabel(other, name))),
          ),
        )
      : measures;
  return w.words.title([headline(space, q, w, compared), ...filters, w.period(q.dateRange)?.title ?? '']);
}

function describeQuery(space: SpaceDefinition, q: SemanticQuery, w: Writer): string {
  const measures = w.words.list(
    q.metrics.map((name) => `${metricLabel(space, name)} (${space.metrics.find((m) => m.name === name)?.sql ?? name})`),
  );
  const by = [
    ...(q.timeGrain ? [w.words.grain(q.timeGrain)] : []),
    ...(q.dimensions ?? []).map((name) => w.words.inSentence(dimensionLabel(space, name))),
  ];
  const sort = q.sort?.[0];
  const sortLabel =
    sort && (q.metrics.includes(sort.by) ? metricLabel(space, sort.by) : dimensionLabel(space, sort.by));
  return w.words.query({
    measures,
    table: space.tables[0]?.name ?? space.name,
    by,
    filters: (q.filters ?? []).map((filter) => w.words.filterSaid(filterParts(space, filter, w))),
    ...(q.dateRange && space.timeDimension
      ? { period: w.words.dates(space.timeDimension.column, q.dateRange.from, q.dateRange.to) }
      : {}),
    ...(sort && sortLabel ? { order: w.words.sortedBy(sortLabel, sort.direction ?? 'asc') } : {}),
    ...(q.limit !== undefined ? { limit: w.words.limit(w.integer(q.limit)) } : {}),
  });
}

// -------------------------------------------------------------------------------------------------------------
// Follow-up questions: phrases the interpreter reads (its grammar is English).

/** A period as the interpreter reads it, or undefined when none fits. */
function askPeriod(range: SemanticQuery['dateRange'], today: string): string | undefined {
  if (!range?.from) return undefined;
  if (!range.to) return `since ${range.from}`;
  const r = { from: range.from, to: range.to };
  const unit = wholeUnit(r);
  const year = r.from.slice(0, 4);
  const month = Number(r.from.slice(5, 7));
  if (unit === 'year') return `in ${year}`;
  if (unit === 'quarter') return `in Q${Math.ceil(month / 3)} ${year}`;
  if (unit === 'month') return `in ${MONTH_NAMES[month - 1]} ${year}`;
  if (r.to === today) return `last ${daysIn(r)} days`;
  return `from ${r.from} to ${r.to}`;
}

/** Another period worth asking about: the one before a calendar period, else a longer or shorter rolling one. */
function otherPeriod(range: SemanticQuery['dateRange'], today: string): string | undefined {
  if (range?.from && range.to) {
    const r = { from: range.from, to: range.to };
    const unit = wholeUnit(r);
    if (unit === 'year' || unit === 'quarter' || unit === 'month') return askPeriod(previousRange(r), today);
    if (r.to === today) return daysIn(r) === 90 ? 'last 30 days' : 'last 90 days';
  }
  return 'last 30 days';
}

function askFilters(space: SpaceDefinition, q: SemanticQuery, w: Writer): string[] {
  return (q.filters ?? []).map((filter) => w.words.askFilter(filterParts(space, filter, w))).filter(Boolean);
}

function stringDimensions(space: SpaceDefinition) {
  return space.dimensions.filter((dimension) => (dimension.type ?? 'string') === 'string');
}

// -------------------------------------------------------------------------------------------------------------
// Plans.

function summaryOfQuery(
  space: SpaceDefinition,
  q: SemanticQuery,
  w: Writer,
  title: string,
  main: QueryResult,
  extra: { previous?: { result: QueryResult; range: DayRange }; total?: QueryResult; focus: string },
): string[] {
  const { words } = w;
  const { focus } = extra;
  const rows = main.rows;
  const meta = main.meta;
  const focusMeta = metaOf(meta, focus);
  const fmt = w.format(focusMeta?.format);
  const label = focusMeta?.label ?? metricLabel(space, focus);
  const valued = rows.filter((row) => isNumber(row[focus]));
  if (valued.length === 0) return [words.noRows(title)];
  const period = w.period(q.dateRange);
  const dims = q.dimensions ?? [];
  const grain = q.timeGrain;
  const sort = q.sort?.[0];
  const rankedByMetric = sort !== undefined && q.metrics.includes(sort.by);
  const additive = adds(focusMeta) && valued.every((row) => (row[focus] as number) >= 0);
  const rate = focusMeta?.format?.kind === 'percent';
  // A limit nobody asked for (the compiler's default, the transport's cap) cut the rows: sums would be of a part.
  if (main.truncated || (q.limit === undefined && rows.length >= DEFAULT_LIMIT)) {
    return [words.cut(w.integer(rows.length))];
  }

  // One value: the total, and its change from the period before.
  if (!grain && dims.length === 0) {
    const row = rows[0] as Row;
    const sentences = [words.value(label, fmt(row[focus]), period?.when)];
    const before = extra.previous?.result.rows[0]?.[focus];
    if (extra.previous && isNumber(before)) {
      sentences.push(changeSentence(w, before, row[focus] as number, fmt, w.previous(extra.previous.range), rate));
    }
    const others = otherValues(q, meta, focus, row, w);
    if (others.length) sentences.push(words.others(others));
    return sentences;
  }

  // A time series: the latest period against the one before, the total over the periods, the leader.
  if (grain && !rankedByMetric) {
    const periodMeta = metaOf(meta, 'period');
    const periods = new Map<string, number>();
    const sums = adds(focusMeta);
    if (dims.length > 0 && !sums) {
      // No total per period: the leader of the latest period.
      const latest = valued.reduce((a, b) => (String(b.period) > String(a.period) ? b : a));
      const rowsThen = valued.filter((row) => row.period === latest.period);
      const top = rowsThen.reduce((a, b) => ((b[focus] as number) > (a[focus] as number) ? b : a));
      return [
        words.leader({
          name: dims.map((name) => w.cell(top[name], metaOf(meta, name))).join(' · '),
          value: fmt(top[focus]),
          when: w.inCell(latest.period, periodMeta),
        }),
      ];
    }
    for (const row of valued) {
      const key = String(row.period);
      periods.set(key, (periods.get(key) ?? 0) + (row[focus] as number));
    }
    const keys = [...periods.keys()].sort();
    const last = keys.at(-1) as string;
    const end = q.dateRange?.to && q.dateRange.to < w.today ? q.dateRange.to : w.today;
    const lastDay = last.slice(0, 10);
    let lastName = w.inCell(last, periodMeta);
    if (periodEnd(periodStart(lastDay, grain), grain) > end && lastDay <= end)
      lastName = words.soFar(lastName, w.day(end));
    const sentences = [words.value(label, fmt(periods.get(last)), lastName)];
    const before = keys.at(-2);
    if (before !== undefined) {
      sentences.push(
        changeSentence(
          w,
          periods.get(before) as number,
          periods.get(last) as number,
          fmt,
          w.inCell(before, periodMeta),
          rate,
        ),
      );
    }
    if (dims.length === 0) {
      const row = valued.find((r) => String(r.period) === last) as Row;
      const others = otherValues(q, meta, focus, row, w);
      if (others.length) sentences.push(words.others(others));
    }
    if (sums && keys.length > 1) {
      const total = [...periods.values()].reduce((a, b) => a + b, 0);
      sentences.push(words.total(fmt(total), words.count(keys.length, w.integer(keys.length), words.grain(grain))));
    }
    if (dims.length > 0 && additive) {
      const byValue = new Map<string, { row: Row; sum: number }>();
      for (const row of valued) {
        const key = JSON.stringify(dims.map((name) => row[name] ?? null));
        const entry = byValue.get(key) ?? { row, sum: 0 };
        entry.sum += row[focus] as number;
        byValue.set(key, entry);
      }
      const all = [...byValue.values()];
      const top = all.reduce((a, b) => (b.sum > a.sum ? b : a));
      const total = all.reduce((sum, entry) => sum + entry.sum, 0);
      sentences.push(
        words.leader({
          name: dims.map((name) => w.cell(top.row[name], metaOf(meta, name))).join(' · '),
          value: fmt(top.sum),
          ...(total > 0 ? { share: w.percent(top.sum / total), total: fmt(total) } : {}),
          ...(dims.length === 1
            ? {
                among: words.count(all.length, w.integer(all.length), dimensionLabel(space, dims[0] as string)),
              }
            : {}),
          ...(period ? { when: period.when } : {}),
        }),
      );
    }
    return sentences;
  }

  // A breakdown or a ranking: its first row (the leader), its share of the total, and what a limit kept.
  const keyColumns = [...(grain ? ['period'] : []), ...dims];
  const name = (row: Row) => keyColumns.map((column) => w.cell(row[column], metaOf(meta, column))).join(' · ');
  const lowest = rankedByMetric && sort?.by === focus && sort.direction === 'asc';
  const first = rankedByMetric
    ? (valued[0] as Row)
    : valued.reduce((a, b) => ((b[focus] as number) > (a[focus] as number) ? b : a));
  const cut = (q.limit !== undefined && rows.length >= q.limit) || main.truncated;
  const sum = valued.reduce((total, row) => total + (row[focus] as number), 0);
  const totalValue = cut ? extra.total?.rows[0]?.[focus] : sum;
  const total = additive && isNumber(totalValue) && totalValue > 0 ? totalValue : undefined;
  const countLabel =
    keyColumns.length === 1
      ? keyColumns[0] === 'period' && grain
        ? words.grain(grain)
        : dimensionLabel(space, keyColumns[0] as string)
      : undefined;
  const sentences = [
    (lowest ? words.lowest : words.leader)({
      name: name(first),
      value: fmt(first[focus]),
      ...(total !== undefined ? { share: w.percent((first[focus] as number) / total), total: fmt(total) } : {}),
      ...(!cut && countLabel ? { among: words.count(rows.length, w.integer(rows.length), countLabel) } : {}),
      ...(period ? { when: period.when } : {}),
    }),
  ];
  if (cut && !lowest && rows.length > 1 && total !== undefined) {
    sentences.push(words.together({ count: w.integer(rows.length), value: fmt(sum), share: w.percent(sum / total) }));
  }
  return sentences;
}

/** The other measures of a row, written: what a summary adds after its own measure. */
function otherValues(q: SemanticQuery, meta: readonly ColumnMeta[], focus: string, row: Row, w: Writer) {
  return q.metrics
    .filter((name) => name !== focus)
    .map((name) => {
      const column = metaOf(meta, name);
      return { measure: column?.label ?? name, value: w.format(column?.format)(row[name]) };
    });
}

function changeSentence(w: Writer, before: number, after: number, fmt: Formatter, when: string, rate = false): string {
  const difference = after - before;
  const points = rate ? w.points(Math.abs(difference) * 100) : undefined;
  const direction = difference === 0 || points === w.points(0) ? 'unchanged' : difference > 0 ? 'up' : 'down';
  // A rate moves in percentage points: 2.7% to 2.8% is up 0.1 points, not up 3.7%.
  const percent = rate
    ? w.words.points(points as string)
    : before !== 0
      ? w.percent(Math.abs(difference / before))
      : undefined;
  return w.words.change({
    direction,
    ...(percent !== undefined ? { percent } : {}),
    previous: fmt(before),
    when,
  });
}

function queryPlan(space: SpaceDefinition, interpretation: QueryInterpretation, w: Writer): Plan {
  const q = interpretation.query;
  const main = planned(space, q);
  const sort = q.sort?.[0];
  const focus = sort && q.metrics.includes(sort.by) ? sort.by : (q.metrics[0] as string);
  const focusMeta = metaOf(main.meta, focus);
  const dims = q.dimensions ?? [];
  const steps = [main];
  const explain = [describeQuery(space, q, w)];
  let previous: { step: Planned; range: DayRange } | undefined;
  let total: Planned | undefined;
  if (!q.timeGrain && dims.length === 0 && q.dateRange?.from && q.dateRange.to) {
    const range = previousRange({ from: q.dateRange.from, to: q.dateRange.to });
    previous = { step: planned(space, { ...q, dateRange: range }), range };
    steps.push(previous.step);
    explain.push(w.words.previousQuery(w.previous(range)));
  }
  if ((dims.length > 0 || q.timeGrain) && q.limit !== undefined && adds(focusMeta)) {
    total = planned(space, query({ metrics: [focus], filters: q.filters, dateRange: q.dateRange }));
    steps.push(total);
    explain.push(w.words.totalQuery);
  }
  const title = titleOf(space, interpretation, w);
  return {
    title,
    steps,
    explain,
    finish(results) {
      const result = results[0] as QueryResult;
      const at = (step: Planned | undefined) => (step ? results[steps.indexOf(step)] : undefined);
      const previousResult = at(previous?.step);
      return {
        rows: result.rows,
        meta: result.meta,
        truncated: result.truncated || (q.limit === undefined && result.rows.length >= DEFAULT_LIMIT),
        summary: summaryOfQuery(space, q, w, title, result, {
          focus,
          ...(previous && previousResult ? { previous: { result: previousResult, range: previous.range } } : {}),
          ...(at(total) ? { total: at(total) } : {}),
        }),
        // One row is one value (or one bar): a chart says nothing more.
        noChart: result.rows.length <= 1,
        ...(q.limit !== undefined ? { chart: { rows: result.rows, meta: result.meta, bars: true } } : {}),
      };
    },
    followUps: () => queryFollowUps(space, interpretation, w, focusMeta),
  };
}

function queryFollowUps(
  space: SpaceDefinition,
  interpretation: QueryInterpretation,
  w: Writer,
  focusMeta: ColumnMeta | undefined,
): string[] {
  const { words } = w;
  const q = interpretation.query;
  const measure = metricLabel(space, q.metrics[0] as string);
  const period = askPeriod(q.dateRange, w.today);
  const filters = askFilters(space, q, w);
  const dims = q.dimensions ?? [];
  const filtered = new Set((q.filters ?? []).map((filter) => filter.dimension));
  const next = stringDimensions(space).find((d) => !dims.includes(d.name) && !filtered.has(d.name));
  const grains = space.timeDimension?.grains ?? ['day', 'week', 'month', 'quarter', 'year'];
  const byLabel = dims.length === 1 ? dimensionLabel(space, dims[0] as string) : undefined;
  const out: string[] = [];
  if (next) {
    out.push(
      dims.length === 0 && !q.timeGrain
        ? words.ask({ measure, top: { count: 5, dimension: next.label ?? next.name }, filters, period })
        : words.ask({ measure, by: next.label ?? next.name, filters, period }),
    );
  }
  if (space.timeDimension) {
    const short = q.dateRange?.from && q.dateRange.to && daysIn({ from: q.dateRange.from, to: q.dateRange.to }) <= 31;
    const wanted: TimeGrain = q.timeGrain
      ? ({ day: 'week', week: 'month', month: 'quarter', quarter: 'month', year: 'quarter' } as const)[q.timeGrain]
      : short
        ? 'day'
        : 'month';
    const grain = grains.includes(wanted) ? wanted : grains.find((g) => g !== q.timeGrain);
    if (grain) out.push(words.ask({ measure, ...(byLabel ? { by: byLabel } : {}), grain, filters, period }));
    const another = otherPeriod(q.dateRange, w.today);
    if (another && another !== period) {
      const top =
        byLabel && q.limit !== undefined && q.sort?.[0]?.direction !== 'asc'
          ? { top: { count: q.limit, dimension: byLabel } }
          : byLabel
            ? { by: byLabel }
            : {};
      out.push(
        words.ask({ measure, ...top, ...(q.timeGrain ? { grain: q.timeGrain } : {}), filters, period: another }),
      );
    }
    const unit =
      q.dateRange?.from && q.dateRange.to ? wholeUnit({ from: q.dateRange.from, to: q.dateRange.to }) : undefined;
    if (adds(focusMeta) && period && (unit === 'month' || unit === 'quarter' || unit === 'year')) {
      out.push(words.askDrivers(measure, period));
    }
  }
  return out;
}

/** Rows of two results joined on the columns both have (period, region): one row per key, both measures. */
function joinResults(
  a: QueryResult,
  aMetrics: readonly string[],
  b: QueryResult,
  bMetrics: readonly string[],
  other: SpaceDefinition,
): { rows: Row[]; meta: ColumnMeta[]; keys: string[]; names: string[] } {
  const keyOf = (meta: readonly ColumnMeta[], metrics: readonly string[]) =>
    meta.filter((column) => !metrics.includes(column.name)).map((column) => column.name);
  const aKeys = keyOf(a.meta, aMetrics);
  const bKeys = keyOf(b.meta, bMetrics);
  const keys = aKeys.filter((name) => bKeys.includes(name));
  // The second result's measures, renamed when the first has a column of the same name.
  const taken = new Set(a.meta.map((column) => column.name));
  const names = bMetrics.map((name) => (taken.has(name) ? `${name}_${other.name}` : name));
  const rowKey = (row: Row) => JSON.stringify(keys.map((name) => row[name] ?? null));
  const joined = new Map<string, Record<string, unknown>>();
  for (const row of a.rows) {
    const key = rowKey(row);
    if (!joined.has(key)) joined.set(key, { ...row, ...Object.fromEntries(names.map((name) => [name, null])) });
  }
  for (const row of b.rows) {
    const key = rowKey(row);
    let found = joined.get(key);
    if (!found) {
      found = Object.fromEntries<unknown>([
        ...a.meta.map((column): [string, unknown] => [
          column.name,
          keys.includes(column.name) ? row[column.name] : null,
        ]),
        ...names.map((name): [string, unknown] => [name, null]),
      ]) as Record<string, unknown>;
      joined.set(key, found);
    }
    const target = found;
    bMetrics.forEach((metric, i) => {
      const name = names[i] as string;
      const value = row[metric];
      const meta = metaOf(b.meta, metric);
      // Rows of the second result that the first splits no further (its own extra columns) add up into one.
      if (isNumber(target[name]) && isNumber(value) && adds(meta)) target[name] = (target[name] as number) + value;
      else if (target[name] === null || target[name] === undefined) target[name] = value ?? null;
    });
  }
  let rows = [...joined.values()] as Row[];
  if (keys.includes('period')) rows = rows.sort((x, y) => String(x.period).localeCompare(String(y.period)));
  const meta = [
    ...a.meta,
    ...bMetrics.map((metric, i) => {
      const column = metaOf(b.meta, metric) ?? { name: metric };
      const name = names[i] as string;
      return name === metric
        ? column
        : { ...column, name, label: `${column.label ?? metric} (${other.label ?? other.name})` };
    }),
  ];
  return { rows, meta, keys, names };
}

function comparePlan(
  space: SpaceDefinition,
  other: SpaceDefinition,
  interpretation: QueryInterpretation & { compare: NonNullable<QueryInterpretation['compare']> },
  w: Writer,
): Plan {
  const { words } = w;
  const q = interpretation.query;
  const cq = interpretation.compare.query;
  const first = planned(space, q);
  const second = planned(other, cq);
  const title = titleOf(space, interpretation, w, other);
  const keyLabels = [
    ...(q.timeGrain && cq.timeGrain ? [words.grain(q.timeGrain)] : []),
    ...(q.dimensions ?? [])
      .filter((name) => (cq.dimensions ?? []).includes(name))
      .map((name) => words.inSentence(dimensionLabel(space, name))),
  ];
  const explain = [
    describeQuery(space, q, w),
    words.compareQuery({
      measures: words.list(
        cq.metrics.map((name) => `${metricLabel(other, name)} (${other.metrics.find((m) => m.name === name)?.sql})`),
      ),
      table: other.tables[0]?.name ?? other.name,
      ...(keyLabels.length ? { keys: words.list(keyLabels) } : {}),
    }),
  ];
  return {
    title,
    steps: [first, second],
    explain,
    finish([a, b]) {
      const joined = joinResults(a as QueryResult, q.metrics, b as QueryResult, cq.metrics, other);
      const aName = q.metrics[0] as string;
      const bName = joined.names[0] as string;
      const aMeta = metaOf(joined.meta, aName);
      const bMeta = metaOf(joined.meta, bName);
      const aFmt = w.format(aMeta?.format);
      const bFmt = w.format(bMeta?.format);
      const aLabel = aMeta?.label ?? aName;
      const bLabel = bMeta?.label ?? bName;
      const both = joined.rows.filter((row) => isNumber(row[aName]) && isNumber(row[bName]));
      const summary: string[] = [];
      const period = w.period(q.dateRange);
      if (joined.rows.length === 0) {
        summary.push(words.noRows(title));
      } else if (both.length === 0) {
        // Nothing to set side by side: each side's own total.
        for (const [name, label, fmt, of] of [
          [aName, aLabel, aFmt, space],
          [bName, bLabel, bFmt, other],
        ] as const) {
          const values = joined.rows.map((row) => row[name]).filter(isNumber);
          if (values.length) {
            summary.push(words.value(label, fmt(values.reduce((s, v) => s + v, 0)), period?.when));
            continue;
          }
          summary.push(words.noneFor(label, period?.when));
          // A measure kept by month has no value in a period that is not whole months.
          const finest = (of.timeDimension?.grains ?? [])[0];
          const range = q.dateRange;
          if (finest && finest !== 'day' && range?.from && range.to) {
            const aligned =
              periodStart(range.from, finest) === range.from &&
              periodEnd(periodStart(range.to, finest), finest) === range.to;
            if (!aligned) summary.push(words.keptBy(label, words.grain(finest)));
          }
        }
      } else {
        const additive = adds(aMeta) && adds(bMeta);
        let rowsCompared = both;
        let when = period?.when;
        if (!additive && both.length > 1) {
          // Rates and averages do not add up: the latest row.
          const latest = both.at(-1) as Row;
          rowsCompared = [latest];
          if (joined.keys.includes('period')) when = w.inCell(latest.period, metaOf(joined.meta, 'period'));
        }
        const actual = rowsCompared.reduce((s, row) => s + (row[aName] as number), 0);
        const target = rowsCompared.reduce((s, row) => s + (row[bName] as number), 0);
        summary.push(
          words.compared({
            measure: aLabel,
            value: aFmt(actual),
            other: bLabel,
            otherValue: bFmt(target),
            ...(when ? { when } : {}),
          }),
        );
        const gap = actual - target;
        summary.push(
          words.gap({
            direction: gap > 0 ? 'above' : gap < 0 ? 'below' : 'level',
            amount: aFmt(Math.abs(gap)),
            ...(target !== 0 ? { percent: w.percent(actual / target) } : {}),
            other: bLabel,
          }),
        );
        const grain = q.timeGrain;
        if (additive && grain && joined.keys.includes('period')) {
          const byPeriod = new Map<string, [number, number]>();
          for (const row of both) {
            const sums = byPeriod.get(String(row.period)) ?? [0, 0];
            sums[0] += row[aName] as number;
            sums[1] += row[bName] as number;
            byPeriod.set(String(row.period), sums);
          }
          if (byPeriod.size > 1) {
            const met = [...byPeriod.values()].filter(([x, y]) => x >= y).length;
            summary.push(
              words.periodsMet({
                measure: aLabel,
                other: bLabel,
                count: w.integer(met),
                of: words.count(byPeriod.size, w.integer(byPeriod.size), words.grain(grain)),
              }),
            );
          }
        }
      }
      return {
        rows: joined.rows,
        meta: joined.meta,
        truncated: Boolean(a?.truncated || b?.truncated),
        summary,
        noChart: joined.rows.length <= 1,
      };
    },
    followUps: () => {
      const measure = metricLabel(space, q.metrics[0] as string);
      const period = askPeriod(q.dateRange, w.today);
      const other = otherPeriod(q.dateRange, w.today);
      const grain: TimeGrain = q.timeGrain === 'month' ? 'quarter' : 'month';
      return [
        words.askVersus(measure, grain, period),
        ...(other ? [words.askVersus(measure, q.timeGrain, other)] : []),
        words.ask({ measure, grain: q.timeGrain ?? 'month', period }),
      ];
    },
  };
}

interface Contribution {
  dimension: string;
  label: string;
  value: string;
  before: number;
  after: number;
  change: number;
}

function driversPlan(space: SpaceDefinition, interpretation: QueryInterpretation, w: Writer): Plan {
  const { words } = w;
  const q = interpretation.query;
  const metric = q.metrics[0] as string;
  const current = closedRange(q.dateRange, w.today);
  const before = previousRange(current);
  const unit = wholeUnit(current);
  const grains = space.timeDimension?.grains ?? ['day', 'week', 'month', 'quarter', 'year'];
  // Both periods are one whole period of a grain: one query per dimension reads both, a row per period and value.
  const grain = unit && grains.includes(unit) ? unit : undefined;
  const eqFiltered = new Set((q.filters ?? []).filter((f) => f.op === 'eq').map((f) => f.dimension));
  const dimensions = stringDimensions(space).filter((d) => !eqFiltered.has(d.name));
  const base = { metrics: [metric], filters: q.filters };
  const groups: { dimension?: string; steps: Planned[] }[] = [undefined, ...dimensions.map((d) => d.name)].map(
    (dimension) => {
      const dims = dimension ? [dimension] : undefined;
      const limit = dimension ? MAX_LIMIT : undefined;
      if (grain) {
        return {
          dimension,
          steps: [
            planned(
              space,
              query({
                ...base,
                dimensions: dims,
                timeGrain: grain,
                dateRange: { from: before.from, to: current.to },
                limit,
              }),
            ),
          ],
        };
      }
      return {
        dimension,
        steps: [
          planned(space, query({ ...base, dimensions: dims, dateRange: current, limit })),
          planned(space, query({ ...base, dimensions: dims, dateRange: before, limit })),
        ],
      };
    },
  );
  const steps = groups.flatMap((group) => group.steps);
  const name = w.period(current) ?? { title: current.from, when: current.from };
  const beforeName = w.period(before) ?? { title: before.from, when: before.from };
  const previousWhen = w.previous(before);
  const title = titleOf(space, interpretation, w);
  const metricMeta = metaOf(steps[0]?.meta ?? [], metric);
  const additive = adds(metricMeta);
  const fmt = w.format(metricMeta?.format);
  const label = metricMeta?.label ?? metric;

  /** Each value's measure before and after, from a group's results. */
  function read(group: (typeof groups)[number], results: QueryResult[]) {
    const values = new Map<string, { value: unknown; before: number | null; after: number | null }>();
    const add = (row: Row, side: 'before' | 'after') => {
      const value = group.dimension ? row[group.dimension] : null;
      const key = JSON.stringify(value ?? null);
      const entry = values.get(key) ?? { value, before: null, after: null };
      const amount = row[metric];
      if (isNumber(amount)) entry[side] = additive ? (entry[side] ?? 0) + amount : amount;
      values.set(key, entry);
    };
    if (grain) {
      for (const row of results[0]?.rows ?? []) {
        add(row, String(row.period).slice(0, 10) >= current.from ? 'after' : 'before');
      }
    } else {
      for (const row of results[0]?.rows ?? []) add(row, 'after');
      for (const row of results[1]?.rows ?? []) add(row, 'before');
    }
    return [...values.values()];
  }

  return {
    title,
    steps,
    explain: [
      describeQuery(space, query({ ...base, dateRange: current }), w),
      words.driversQuery({
        measure: label,
        when: name.when,
        previousWhen,
        dimensions: words.list(dimensions.map((d) => words.inSentence(d.label ?? d.name))),
      }),
    ],
    finish(results) {
      let offset = 0;
      const byGroup = groups.map((group) => {
        const mine = results.slice(offset, offset + group.steps.length);
        offset += group.steps.length;
        return { group, values: read(group, mine), truncated: mine.some((r) => r.truncated) };
      });
      const totals = byGroup[0]?.values[0];
      const totalBefore = totals?.before ?? null;
      const totalAfter = totals?.after ?? null;
      const contributions: Contribution[] = byGroup.slice(1).flatMap(({ group, values }) =>
        values.map((entry) => {
          const dimension = group.dimension as string;
          const beforeValue = entry.before ?? 0;
          const afterValue = entry.after ?? 0;
          return {
            dimension,
            label: dimensionLabel(space, dimension),
            value: w.cell(entry.value, { name: dimension, type: isFlag(space, dimension) ? 'boolean' : 'string' }),
            before: beforeValue,
            after: afterValue,
            change: afterValue - beforeValue,
          };
        }),
      );
      // Largest change first, whichever way; ties in the order of the space's dimensions.
      contributions.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
      const totalChange = (totalAfter ?? 0) - (totalBefore ?? 0);
      const share = (change: number) => (additive && totalChange !== 0 ? change / totalChange : null);
      const listed = contributions.slice(0, MAX_DRIVERS);
      const rows: Row[] = listed.map((c) => ({
        dimension: c.label,
        value: c.value,
        before: c.before,
        after: c.after,
        change: c.change,
        share: share(c.change),
      }));
      const amount = metricMeta?.format ? { format: metricMeta.format } : {};
      const meta: ColumnMeta[] = [
        { name: 'dimension', type: 'string', role: 'dimension', label: words.columnDimension },
        { name: 'value', type: 'string', role: 'dimension', label: words.columnValue },
        { name: 'before', type: 'number', role: 'measure', label: beforeName.title, ...amount, total: 'none' },
        { name: 'after', type: 'number', role: 'measure', label: name.title, ...amount, total: 'none' },
        { name: 'change', type: 'number', role: 'measure', label: words.columnChange, ...amount, total: 'none' },
        {
          name: 'share',
          type: 'number',
          role: 'measure',
          label: words.columnShare,
          format: { kind: 'percent', maximumFractionDigits: 1 },
          total: 'none',
        },
      ];
      const summary: string[] = [];
      if (totalBefore === null && totalAfter === null) {
        summary.push(words.noRows(title));
      } else {
        const direction = totalChange > 0 ? 'up' : totalChange < 0 ? 'down' : 'unchanged';
        summary.push(
          words.driversChange({
            measure: label,
            direction,
            amount: fmt(Math.abs(totalChange)),
            ...(totalBefore ? { percent: w.percent(Math.abs(totalChange / totalBefore)) } : {}),
            before: fmt(totalBefore ?? 0),
            after: fmt(totalAfter ?? 0),
            when: name.when,
            previousWhen,
          }),
        );
        if (!additive) summary.push(words.notAdditive(label));
        const top = contributions.filter((c) => c.change !== 0).slice(0, 3);
        if (top.length === 0) summary.push(words.noDrivers);
        else {
          summary.push(
            words.drivers(
              top.map((c) => {
                const s = share(c.change);
                return words.driver({
                  dimension: c.label,
                  value: c.value,
                  change: words.signed(c.change > 0 ? 'up' : 'down', fmt(Math.abs(c.change))),
                  ...(s !== null ? { share: w.percent(s) } : {}),
                });
              }),
            ),
          );
        }
      }
      const charted = contributions.filter((c) => c.change !== 0).slice(0, CHART_DRIVERS);
      return {
        rows,
        meta,
        truncated: byGroup.some((entry) => entry.truncated),
        summary,
        noChart: charted.length === 0,
        chart: {
          rows: charted.map((c) => ({ driver: words.driverName(c.label, c.value), change: c.change })),
          meta: [
            { name: 'driver', type: 'string', role: 'dimension', label: words.columnDriver },
            { name: 'change', type: 'number', role: 'measure', label: words.columnChange, ...amount },
          ],
          bars: true,
        },
      };
    },
    followUps(outcome) {
      const period = askPeriod(current, w.today);
      const top = outcome.rows[0];
      const topDimension = dimensions.find((d) => (d.label ?? d.name) === top?.dimension);
      const filters = askFilters(space, q, w);
      const year = `in ${current.to.slice(0, 4)}`;
      return [
        ...(topDimension
          ? [words.ask({ measure: label, by: topDimension.label ?? topDimension.name, filters, period })]
          : []),
        words.ask({ measure: label, grain: 'month', filters, period: year }),
        ...(period ? [words.ask({ measure: label, grain: 'day', filters, period })] : []),
        words.askDrivers(label, askPeriod(before, w.today) ?? ''),
      ];
    },
  };
}

// -------------------------------------------------------------------------------------------------------------

function freshnessLine(
  space: SpaceDefinition,
  freshness: Freshness | undefined,
  w: Writer,
  asOf: string | undefined,
): string | undefined {
  if (!space.freshness) return undefined;
  if (!freshness?.updatedAt) return w.words.freshnessUnknown(space.freshness);
  const loaded = dateTime(freshness.updatedAt, w.locale);
  return w.words.freshness({
    source: freshness.source || space.freshness,
    ...(asOf ? { asOf: w.day(asOf) } : {}),
    loaded,
    ...(freshness.status ? { status: freshness.status } : {}),
    ...(freshness.rowsWritten !== undefined ? { rows: w.integer(freshness.rowsWritten) } : {}),
  });
}

function dateTime(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  try {
    return new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(time);
  } catch {
    return iso;
  }
}

/**
 * Answers an interpretation from real rows: runs its queries through `source` (in parallel), and reports the answer
 * through `onPart` in the protocol's order: `start`, `data-status` reading, `data-query`, `data-status` querying,
 * `data-sql`, `data-table`, `data-chart`, `data-status` summarizing, the summary's text, the reasoning, the
 * suggestions, `data-status` done, `finish`. Resolves with the same answer assembled (its `echartsOption` keeps the
 * adapter's formatters; the chunk carries it as JSON).
 *
 * A `clarify` or `unsupported` interpretation runs no query: its message is the summary and its suggestions are the
 * answer's. A `compare` runs both queries and joins their rows on the columns they share; `analysis: 'drivers'`
 * explains the change from the period before, by each text dimension of the space.
 *
 * Errors: an abort rejects at once with an `'aborted'` DataClientError and nothing more is reported; a failed query
 * reports an `error` chunk (the typed error's message, which holds no parameter value) and rejects with that error.
 */
export async function answerQuestion(
  source: AnswerSource,
  interpretation: Interpretation,
  options: AnswerOptions = {},
): Promise<JennyAnswer> {
  const { signal } = options;
  if (signal?.aborted) throw abortedError(signal.reason);
  const words = options.words ? { ...enJenny, ...options.words } : enJenny;
  let closed = false;
  const emit = (chunk: JennyChunk) => {
    if (closed || signal?.aborted) return;
    options.onPart?.(chunk);
  };
  try {
    return await raceAbort(answer(source, interpretation, options, words, emit), signal);
  } catch (error) {
    if (signal?.aborted || isAbortError(error)) {
      closed = true;
      throw error instanceof DataClientError && error.code === 'aborted'
        ? error
        : abortedError(signal?.reason ?? error);
    }
    emit({ type: 'error', errorText: errorText(error, words) });
    closed = true;
    throw error;
  }
}

async function answer(
  source: AnswerSource,
  interpretation: Interpretation,
  options: AnswerOptions,
  words: JennyWords,
  emit: (chunk: JennyChunk) => void,
): Promise<JennyAnswer> {
  const { signal, asOf } = options;
  const w = writer(words, options.locale ?? 'en-US', asOf ?? calendarDay());
  emit({ type: 'start' });
  emit({ type: 'data-status', id: 'status', data: { step: 'reading' } });
  const say = (type: 'text' | 'reasoning', parts: readonly string[]) => {
    const id = type === 'text' ? SUMMARY_ID : REASONING_ID;
    emit({ type: `${type}-start`, id } as JennyChunk);
    parts.forEach((part, i) => {
      emit({
        type: `${type}-delta`,
        id,
        delta: i === 0 ? part : `${type === 'text' ? ' ' : '\n'}${part}`,
      } as JennyChunk);
    });
    emit({ type: `${type}-end`, id } as JennyChunk);
  };
  const close = () => {
    emit({ type: 'data-status', id: 'status', data: { step: 'done' } });
    emit({ type: 'finish' });
  };

  if (interpretation.kind !== 'query') {
    return answerBack(interpretation, w, asOf, emit, say, close);
  }

  const space = source.spaces.get(interpretation.space);
  if (!space) throw unknownSpace(interpretation.space, source);
  let plan: Plan;
  if (interpretation.compare) {
    const other = source.spaces.get(interpretation.compare.space);
    if (!other) throw unknownSpace(interpretation.compare.space, source);
    plan = comparePlan(space, other, interpretation as Parameters<typeof comparePlan>[2], w);
  } else if (interpretation.analysis === 'drivers') {
    plan = driversPlan(space, interpretation, w);
  } else {
    plan = queryPlan(space, interpretation, w);
  }
  emit({ type: 'data-query', id: 'query', data: { title: plan.title, interpretation, ...(asOf ? { asOf } : {}) } });
  emit({ type: 'data-status', id: 'status', data: { step: 'querying' } });
  const statements: JennyStatement[] = plan.steps.map((step) => ({
    space: step.space.name,
    sql: step.sql,
    params: step.params,
  }));
  const generatedSql =
    statements.length === 1 ? (statements[0] as JennyStatement).sql : `${statements.map((s) => s.sql).join(';\n\n')};`;
  emit({ type: 'data-sql', id: 'sql', data: { sql: generatedSql, statements } });

  // Freshness beside the queries; a failure to read it leaves it unknown (the answer stands without it).
  const freshness: Promise<Freshness | undefined> =
    options.freshness && options.freshness.source === space.freshness
      ? Promise.resolve(options.freshness)
      : space.freshness && source.freshness
        ? source.freshness(space.freshness, { signal }).catch(() => undefined)
        : Promise.resolve(undefined);
  // Each query gets its own signal, linked to the answer's by one listener: a dozen queries in flight would otherwise
  // hang a dozen listeners on the caller's signal (Node warns past ten).
  const linked = linkSignal(signal);
  const results = await Promise.all(
    plan.steps.map((step) =>
      source.query({ kind: 'semantic', space: step.space.name, query: step.query }, { signal: linked.next() }),
    ),
  ).finally(linked.dispose);
  if (signal?.aborted) throw abortedError(signal.reason);
  const outcome = plan.finish(results);
  emit({
    type: 'data-table',
    id: 'table',
    data: { rows: outcome.rows, meta: outcome.meta, rowCount: outcome.rows.length, truncated: outcome.truncated },
  });
  const chart =
    interpretation.view === 'table' || outcome.noChart
      ? undefined
      : chartOf(outcome.chart ?? outcome, {
          bars: outcome.chart?.bars ?? false,
          locale: w.locale,
          messages: options.chartMessages,
        });
  if (chart) emit({ type: 'data-chart', id: 'chart', data: chart.chunk });

  emit({ type: 'data-status', id: 'status', data: { step: 'summarizing' } });
  say('text', outcome.summary);
  const fresh = await freshness;
  if (signal?.aborted) throw abortedError(signal.reason);
  if (fresh) emit({ type: 'data-freshness', id: 'freshness', data: fresh });
  const reasoning = [
    ...(interpretation.explanation.length > 0
      ? [words.readAs, ...interpretation.explanation.map((step) => words.step(step.words, step.meaning))]
      : []),
    ...plan.explain,
    freshnessLine(space, fresh, w, asOf),
    asOf ? words.asOf(w.day(asOf)) : undefined,
  ].filter((line): line is string => Boolean(line));
  say('reasoning', reasoning);
  const suggestions = [...new Set(plan.followUps(outcome))]
    .filter((question) => question && (options.answerable?.(question) ?? true))
    .slice(0, MAX_SUGGESTIONS);
  emit({ type: 'data-suggestions', id: 'suggestions', data: suggestions });
  close();
  return {
    title: plan.title,
    summary: outcome.summary.join(' '),
    ...(chart ? { echartsOption: chart.option } : {}),
    rows: outcome.rows,
    meta: outcome.meta,
    generatedSql,
    reasoning: reasoning.join('\n'),
    kind: 'answer',
    suggestions,
    interpretation,
    statements,
    ...(asOf ? { asOf } : {}),
    ...(fresh ? { freshness: fresh } : {}),
    truncated: outcome.truncated,
  };
}

function answerBack(
  interpretation: ClarifyInterpretation | UnsupportedInterpretation,
  w: Writer,
  asOf: string | undefined,
  emit: (chunk: JennyChunk) => void,
  say: (type: 'text' | 'reasoning', parts: readonly string[]) => void,
  close: () => void,
): JennyAnswer {
  const title = interpretation.kind === 'clarify' ? w.words.clarifyTitle : w.words.unsupportedTitle;
  emit({ type: 'data-query', id: 'query', data: { title, interpretation, ...(asOf ? { asOf } : {}) } });
  emit({ type: 'data-status', id: 'status', data: { step: 'summarizing' } });
  say('text', [interpretation.message]);
  const suggestions = [...interpretation.suggestions];
  emit({ type: 'data-suggestions', id: 'suggestions', data: suggestions });
  close();
  return {
    title,
    summary: interpretation.message,
    rows: [],
    kind: interpretation.kind,
    suggestions,
    interpretation,
    ...(asOf ? { asOf } : {}),
  };
}

/** Signals that abort with `signal`, through one listener on it. */
function linkSignal(signal: AbortSignal | undefined): { next(): AbortSignal | undefined; dispose(): void } {
  if (!signal) return { next: () => undefined, dispose: () => undefined };
  const children: AbortController[] = [];
  const onAbort = () => {
    for (const child of children) child.abort(signal.reason);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return {
    next() {
      const child = new AbortController();
      if (signal.aborted) child.abort(signal.reason);
      children.push(child);
      return child.signal;
    },
    dispose: () => signal.removeEventListener('abort', onAbort),
  };
}

function unknownSpace(name: string, source: AnswerSource): SemanticError {
  const known = [...source.spaces.keys()];
  return new SemanticError(`Unknown space "${name}". Known spaces: ${known.length ? known.join(', ') : 'none'}`, {
    available: known,
  });
}
