import { createFormatter } from '../format';
import type { FormatSpec } from '../format/types';
import { enKpiTile } from '../messages/en';
import type { Messages } from '../messages/types';
import { isIsoDay, parseIsoDate } from '../util/iso-date';
import type { Kpi, KpiComparison, KpiTargetComparison } from './compute';

/** How a change is written: as a percent of the base, in the value's own units, or both. */
export type KpiDeltaDisplay = 'percent' | 'absolute' | 'both';

export interface KpiTextOptions {
  /** How the value (and an absolute change) is written. Default `{ kind: 'number' }`. */
  format?: FormatSpec;
  /** A BCP 47 locale for every number and date. Default `'en-US'`. */
  locale?: string;
  /** How a change against the previous value is written. Default `'percent'`. */
  deltaDisplay?: KpiDeltaDisplay;
  /** The words. Default English (`enKpiTile`). */
  messages?: KpiMessages;
}

/** The words of KPI tiles and their sentences. */
export type KpiMessages = Messages['kpiTile'];

/** One comparison for the eye and for the ear. */
export interface KpiComparisonText {
  /** Signed, for the tile: `'+15%'`, `'-₱150 (-3.2%)'`, `'92% of target'`. */
  shown: string;
  /** In words, for the accessible sentence: `'up 15%'`, `'down ₱150 (3.2%)'`, `'92% of target'`. */
  said: string;
}

export interface KpiSentenceInput extends KpiTextOptions {
  label: string;
  /** The computed KPI; `null` or `undefined` when there is no value (the sentence says "no data"). */
  kpi?: Kpi | null;
  /** What the value covers, for example `'Dec 2025'`: said after the label. */
  period?: string;
  /** Default `messages.previousLabel` (`'vs previous period'`). */
  previousLabel?: string;
  /** Default `messages.targetLabel` (`'vs target'`); the sentence says "92% of target" (a leading "vs" is dropped). */
  targetLabel?: string;
  /** When the data was last written: said at the end as "updated …". */
  freshness?: Date | string;
  /** True while the value loads: the sentence says "loading". */
  loading?: boolean;
  /** A message: the sentence says "error: message". */
  error?: string;
}

export const DEFAULT_PREVIOUS_LABEL = enKpiTile.previousLabel;
export const DEFAULT_TARGET_LABEL = enKpiTile.targetLabel;
const DEFAULT_FORMAT: FormatSpec = { kind: 'number' };
const DEFAULT_LOCALE = 'en-US';

/** A number in `locale` (a percent with `percent`), signed for the eye or unsigned for the ear. */
const number = (locale: string, value: number, signed: boolean, percent?: boolean) =>
  new Intl.NumberFormat(locale, {
    style: percent ? 'percent' : 'decimal',
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'never',
  }).format(value);

/** The change in the value's own units, signed for the eye and unsigned for the ear; a rate's in points. */
function absolute(delta: number, format: FormatSpec, locale: string, words: KpiMessages): KpiComparisonText {
  if (format.kind === 'percent') {
    return {
      shown: words.pointsShown(number(locale, delta * 100, true)),
      said: words.pointsSaid(number(locale, delta * 100, false)),
    };
  }
  const write = createFormatter(format, { locale });
  const said = write(Math.abs(delta));
  return { shown: said === write(0) ? said : `${delta > 0 ? '+' : '-'}${said}`, said };
}

/**
 * A change written the way `deltaDisplay` asks (percent when the base is 0 falls back to absolute): shown signed
 * (`'+15%'`, `'-₱150 (-3.2%)'`) and said in words (`'up 15%'`, `'down ₱150 (3.2%)'`, `'flat (up 0.3%)'`,
 * `'unchanged'`). A change of a percent-format value is written in percentage points.
 */
export function describeChange(comparison: KpiComparison, options: KpiTextOptions = {}): KpiComparisonText {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const words = options.messages ?? enKpiTile;
  const { delta, percent, trend } = comparison;
  const display = percent === undefined ? 'absolute' : (options.deltaDisplay ?? 'percent');
  const pct =
    percent === undefined
      ? undefined
      : { shown: number(locale, percent, true, true), said: number(locale, percent, false, true) };
  const abs = display === 'percent' ? undefined : absolute(delta, options.format ?? DEFAULT_FORMAT, locale, words);
  const text =
    abs && pct && display === 'both'
      ? { shown: `${abs.shown} (${pct.shown})`, said: `${abs.said} (${pct.said})` }
      : ((abs ?? pct) as KpiComparisonText);
  if (delta === 0) return { shown: text.shown, said: words.unchanged };
  const said = delta > 0 ? words.up(text.said) : words.down(text.said);
  return { shown: text.shown, said: trend === 'flat' ? words.flat(said) : said };
}

/** What a target label names: "target" from "vs target", "Q4 target" from "vs. Q4 target". */
export function targetNoun(label: string, messages: KpiMessages = enKpiTile): string {
  return messages.targetNoun(label);
}

/**
 * A target comparison: `'92% of target'` (the label without its leading "vs"), or, for a target of 0 (no progress),
 * the change and the label: `'up 12 vs target'`.
 */
export function describeTarget(
  comparison: KpiTargetComparison,
  options: KpiTextOptions & { label?: string } = {},
): KpiComparisonText {
  const words = options.messages ?? enKpiTile;
  const label = options.label ?? words.targetLabel;
  if (comparison.progress === undefined) {
    const change = describeChange(comparison, { ...options, deltaDisplay: 'absolute' });
    return { shown: change.shown, said: words.compared(change.said, label) };
  }
  // A negative progress (a target below zero) keeps its sign.
  const percent = number(options.locale ?? DEFAULT_LOCALE, comparison.progress, comparison.progress < 0, true);
  const text = words.ofTarget(percent, words.targetNoun(label));
  return { shown: text, said: text };
}

/**
 * When data was last written, for people: `'Dec 31, 2025'` for a date (`YYYY-MM-DD`, read as that calendar day),
 * `'Dec 31, 2025, 6:00 AM'` for a moment (in the host's time zone). `iso` is for a `<time dateTime>`. Undefined for
 * a value that is not a date.
 */
export function describeFreshness(
  freshness: Date | string | undefined,
  locale = DEFAULT_LOCALE,
): { iso: string; text: string } | undefined {
  if (freshness === undefined) return undefined;
  const dateOnly = isIsoDay(freshness);
  const date = typeof freshness === 'string' ? new Date(parseIsoDate(freshness) ?? Number.NaN) : freshness;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return undefined;
  const text = new Intl.DateTimeFormat(
    locale,
    dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
  return { iso: dateOnly ? (freshness as string) : date.toISOString(), text };
}

/**
 * The sentence that says what a KPI tile shows, for its accessible name: "Revenue ₱1.2M, up 15% vs last month,
 * 92% of Q4 target". Numbers are written in `locale` with `format`; the words come from `messages` (default
 * English). A missing value says "no data", `loading` "loading", `error` "error: message"; a period follows the
 * label in brackets and freshness ends the sentence ("updated Dec 31, 2025").
 * @throws {FormatError} for a format Intl cannot write (an unknown currency, a bad locale).
 */
export function kpiSentence(input: KpiSentenceInput): string {
  const { label, kpi, period, locale = DEFAULT_LOCALE, format = DEFAULT_FORMAT } = input;
  const words = input.messages ?? enKpiTile;
  const head = words.head(label, period || undefined);
  if (input.loading) return words.loadingSentence(head);
  if (input.error !== undefined) return words.errorSentence(head, input.error);
  if (!kpi) return words.emptySentence(head);
  const options: KpiTextOptions = { locale, format, deltaDisplay: input.deltaDisplay, messages: words };
  const parts = [words.valueSentence(head, createFormatter(format, { locale })(kpi.value))];
  const { previous, target } = kpi.comparisons;
  if (previous)
    parts.push(words.compared(describeChange(previous, options).said, input.previousLabel ?? words.previousLabel));
  if (target) parts.push(describeTarget(target, { ...options, label: input.targetLabel }).said);
  const fresh = describeFreshness(input.freshness, locale);
  if (fresh) parts.push(words.updatedSaid(fresh.text));
  return words.join(parts);
}
