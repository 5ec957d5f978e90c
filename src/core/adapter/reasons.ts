/**
 * Why `chooseChart` picked a chart, as data: a `code` and the names and counts the explanation needs. Labels are
 * the columns' display labels; counts are plain numbers. `explainChart` (or a `messages.chartReasons` catalogue)
 * turns a reason into a sentence in a language.
 */
export type ChartReason =
  /** A line over time of one measure, or of several (`measures` holds every one charted), perhaps one per series. */
  | {
      code: 'trend';
      measures: readonly string[];
      time: string;
      series?: string;
      /** The dimensions summed per period (no line each), with their counts of distinct values. */
      summed: readonly { label: string; values: number }[];
    }
  /** Areas over time, stacked by `series` when there is one. */
  | { code: 'area'; series?: string }
  /** Bars, one per period. */
  | { code: 'periods' }
  /**
   * Bars of `measure` along `x`, stacked by `split`. `splitValues` is given when this is the choice because
   * `split` has few enough values to colour.
   */
  | { code: 'stacked'; measure: string; x: string; split: string; splitValues?: number }
  /** Bars grouped by `split`, side by side. */
  | { code: 'grouped-split'; split: string }
  /** A heatmap of `measure` over the `x` and `split` pairs; `values` is given when both have too many to colour. */
  | { code: 'heatmap'; measure: string; x: string; split: string; values?: { x: number; split: number } }
  /** Bars sorted by `measure`, ranking the `count` values of `dimension`; `notWhole` when a donut was refused. */
  | { code: 'ranked'; measure: string; dimension: string; count: number; notWhole?: boolean }
  /** Horizontal bars sorted by `measure` for `count` categories, the first `top` kept (the rest as "Other"). */
  | { code: 'horizontal'; measure: string; count: number; top?: number }
  /** Vertical bars of the first `top` values of `dimension`. */
  | { code: 'top-bars'; dimension: string; top: number }
  /** A donut of `count` categories of `dimension` as parts of `measure`. */
  | { code: 'donut'; measure: string; dimension: string; count: number }
  /** A pie: the donut's shares without the hole. */
  | { code: 'pie' }
  /** A funnel: stages of `dimension` where `measure` only narrows. */
  | { code: 'funnel'; measure: string; dimension: string }
  /** Bars in stage order. */
  | { code: 'stage-bars' }
  /** Bars in the order of a sequence (`numbers`, `weekdays` or `months`) of `count` values of `dimension`. */
  | {
      code: 'sequence';
      measure: string;
      dimension: string;
      count: number;
      sequence: 'numbers' | 'weekdays' | 'months';
    }
  /** A line in `dimension` order. */
  | { code: 'sequence-line'; measure: string; dimension: string }
  /** Bars of `bars` and a line of `line` on a second axis: their scales differ tenfold. */
  | { code: 'combo'; bars: string; line: string }
  /** Grouped bars comparing `measures` (their labels) for each `dimension` value. */
  | { code: 'grouped'; measures: readonly string[]; dimension: string }
  /** Lines drawing the measures as profiles across categories. */
  | { code: 'profiles' }
  /** A scatter of `y` against `x`; `measuresOnly` when the data holds only measures. */
  | { code: 'scatter'; x: string; y: string; measuresOnly?: boolean }
  /** A bubble chart: `y` against `x`, sized by `size`. */
  | { code: 'bubble'; x: string; y: string; size: string }
  /** One bar per row of the only measure. */
  | { code: 'bar-per-row'; measure: string };

export type ChartReasonCode = ChartReason['code'];

/** A sentence for each reason, in one language: what `messages.chartReasons` holds. */
export type ChartReasonMessages = {
  [Code in ChartReasonCode]: (reason: Extract<ChartReason, { code: Code }>) => string;
};
