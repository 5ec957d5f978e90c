import { createFormatter } from '../format';
import type { FormatSpec } from '../format/types';
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
}

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
  caption?: string;
  /** Default `'vs previous period'`. */
  previousLabel?: string;
  /** Default `'vs target'`; the sentence says "92% of target" (a leading "vs" is dropped). */
  targetLabel?: string;
  /** When the data was last written: said at the end as "updated …". */
  freshness?: Date | string;
  /** True while the value loads: the sentence says "loading". */
  loading?: boolean;
  /** A message: the sentence says "error: message". */
  error?: string;
  /** What the sentence says when there is no value. Default `'no data'`. */
  empty?: string;
}

export const DEFAULT_PREVIOUS_LABEL = 'vs previous period';
export const DEFAULT_TARGET_LABEL = 'vs target';
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
function absolute(delta: number, format: FormatSpec, locale: string): KpiComparisonText {
  if (format.kind === 'percent') {
    return {
      shown: `${number(locale, delta * 100, true)} pp`,
      said: `${number(locale, delta * 100, false)} percentage points`,
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
  const { delta, percent, trend } = comparison;
  const display = percent === undefined ? 'absolute' : (options.deltaDisplay ?? 'percent');
  const pct =
    percent === undefined
      ? undefined
      : { shown: number(locale, percent, true, true), said: number(locale, percent, false, true) };
  const abs = display === 'percent' ? undefined : absolute(delta, options.format ?? DEFAULT_FORMAT, locale);
  const text =
    abs && pct && display === 'both'
      ? { shown: `${abs.shown} (${pct.shown})`, said: `${abs.said} (${pct.said})` }
      : ((abs ?? pct) as KpiComparisonText);
  if (delta === 0) return { shown: text.shown, said: 'unchanged' };
  const direction = delta > 0 ? 'up' : 'down';
  return {
    shown: text.shown,
    said: trend === 'flat' ? `flat (${direction} ${text.said})` : `${direction} ${text.said}`,
  };
}

/** What a target label names: "target" from "vs target", "Q4 target" from "vs. Q4 target". */
export function targetNoun(label: string): string {
  return label.replace(/^vs\.?\s+/i, '') || label;
}

/**
 * A target comparison: `'92% of target'` (the label without its leading "vs"), or, for a target of 0 (no progress),
 * the change and the label: `'up 12 vs target'`.
 */
export function describeTarget(
  comparison: KpiTargetComparison,
  options: KpiTextOptions & { label?: string } = {},
): KpiComparisonText {
  const label = options.label ?? DEFAULT_TARGET_LABEL;
  if (comparison.progress === undefined) {
    const change = describeChange(comparison, { ...options, deltaDisplay: 'absolute' });
    return { shown: change.shown, said: `${change.said} ${label}` };
  }
  // A negative progress (a target below zero) keeps its sign.
  const text = `${number(options.locale ?? DEFAULT_LOCALE, comparison.progress, comparison.progress < 0, true)} of ${targetNoun(label)}`;
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
 * 92% of Q4 target". Numbers are written in `locale` with `format`; the words are English. A missing value says
 * "no data", `loading` "loading", `error` "error: message"; a caption follows the label in brackets and freshness
 * ends the sentence ("updated Dec 31, 2025").
 * @throws {FormatError} for a format Intl cannot write (an unknown currency, a bad locale).
 */
export function kpiSentence(input: KpiSentenceInput): string {
  const { label, kpi, caption, locale = DEFAULT_LOCALE, format = DEFAULT_FORMAT } = input;
  const head = caption ? `${label} (${caption})` : label;
  if (input.loading) return `${head}, loading`;
  if (input.error !== undefined) return `${head}, error: ${input.error}`;
  if (!kpi) return `${head}, ${input.empty ?? 'no data'}`;
  const options: KpiTextOptions = { locale, format, deltaDisplay: input.deltaDisplay };
  const parts = [`${head} ${createFormatter(format, { locale })(kpi.value)}`];
  const { previous, target } = kpi.comparisons;
  if (previous)
    parts.push(`${describeChange(previous, options).said} ${input.previousLabel ?? DEFAULT_PREVIOUS_LABEL}`);
  if (target) parts.push(describeTarget(target, { ...options, label: input.targetLabel }).said);
  const fresh = describeFreshness(input.freshness, locale);
  if (fresh) parts.push(`updated ${fresh.text}`);
  return parts.join(', ');
}
