import { InsightPulseError } from '../errors';
/** Which way a value moved against what it is compared with; `'flat'` within the neutral band. */
export type KpiTrend = 'up' | 'down' | 'flat';

/** Whether a move is good news: up is positive and down negative, the other way round when down is good. */
export type KpiSentiment = 'positive' | 'negative' | 'neutral';

/** A value against one base (the previous period's value, or a target). */
export interface KpiComparison {
  /** What the value is compared with. */
  base: number;
  /** `value - base`. */
  delta: number;
  /** `delta / |base|` (0.15 is 15% up); undefined when the base is 0 (or too near 0 for a finite ratio). */
  percent: number | undefined;
  trend: KpiTrend;
  sentiment: KpiSentiment;
}

/** A value against its target. */
export interface KpiTargetComparison extends KpiComparison {
  /** `value / target` (0.92 is 92% of the target); undefined when the target is 0 (or too near 0). */
  progress: number | undefined;
}

export interface KpiInput {
  /** The current value. */
  value: number;
  /** The previous period's value; `null` or `undefined` for no comparison. */
  previous?: number | null;
  /** The target; `null` or `undefined` for no target. */
  target?: number | null;
  /** True when a fall is good news (costs, days to close): flips the sentiment. Default false. */
  downIsGood?: boolean;
  /** A change whose |percent| is at most this ratio is flat. Default 0.005 (0.5%). */
  neutralBand?: number;
}

export interface Kpi {
  value: number;
  comparisons: { previous?: KpiComparison; target?: KpiTargetComparison };
  /** The trend against the previous value, else against the target; `'flat'` when there is neither. */
  trend: KpiTrend;
}

/** The neutral band when none is given: changes within ±0.5% are flat. */
export const DEFAULT_NEUTRAL_BAND = 0.005;

/** Which input of `computeKpi` was not usable. */
export type KpiErrorField = 'value' | 'previous' | 'target' | 'neutralBand';

/** Thrown by `computeKpi` for an input that is not a finite number (NaN, ±Infinity, a string) or a negative band. */
export class KpiError extends InsightPulseError<'invalid-input'> {
  override readonly name = 'KpiError';
  /** Which input was not usable. */
  readonly field: KpiErrorField;

  constructor(field: KpiErrorField, message: string) {
    super('invalid-input', message);
    this.field = field;
  }
}

function finite(field: KpiErrorField, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const shown = typeof value === 'number' ? String(value) : typeof value;
    throw new KpiError(field, `The KPI's ${field} must be a finite number, not ${shown}.`);
  }
  return value;
}

/** `a / b`, or undefined when b is 0 (or so small that the ratio is not finite). */
function ratio(a: number, b: number): number | undefined {
  const result = a / b;
  return b === 0 || !Number.isFinite(result) ? undefined : result;
}

function compare(value: number, base: number, band: number, downIsGood: boolean): KpiComparison {
  const delta = value - base;
  const percent = ratio(delta, Math.abs(base));
  // With a base of 0 there is no percent to hold against the band: any change counts.
  const flat = percent === undefined ? delta === 0 : Math.abs(percent) <= band;
  const trend: KpiTrend = flat ? 'flat' : delta > 0 ? 'up' : 'down';
  const sentiment: KpiSentiment =
    trend === 'flat' ? 'neutral' : (trend === 'up') !== downIsGood ? 'positive' : 'negative';
  return { base, delta, percent, trend, sentiment };
}

/**
 * A KPI's comparisons, by these rules:
 * - `delta = value - base`; `percent = delta / |base|`, so a move from -100 to -50 is +50% (up); percent is
 *   undefined when the base is 0.
 * - A change whose |percent| is within the neutral band (inclusive; default 0.5%) is `'flat'`; with a base of 0,
 *   only no change at all is flat. Otherwise the trend is the sign of the delta.
 * - Up is `'positive'` and down `'negative'`; `downIsGood` swaps them; flat is always `'neutral'`.
 * - Against a target, up means above it, and `progress = value / target` (undefined when the target is 0).
 * - The overall `trend` is the previous comparison's, else the target's, else `'flat'`.
 * @throws {KpiError} when the value, or a previous value or target that is given, is not a finite number, or when
 * the neutral band is negative or not finite. The result never holds NaN.
 */
export function computeKpi(input: KpiInput): Kpi {
  const value = finite('value', input.value);
  const band = finite('neutralBand', input.neutralBand ?? DEFAULT_NEUTRAL_BAND);
  if (band < 0) throw new KpiError('neutralBand', `The KPI's neutralBand must not be negative, not ${band}.`);
  const downIsGood = input.downIsGood === true;
  const comparisons: Kpi['comparisons'] = {};
  if (input.previous !== null && input.previous !== undefined) {
    comparisons.previous = compare(value, finite('previous', input.previous), band, downIsGood);
  }
  if (input.target !== null && input.target !== undefined) {
    const target = finite('target', input.target);
    comparisons.target = {
      ...compare(value, target, band, downIsGood),
      progress: ratio(value, target),
    };
  }
  return { value, comparisons, trend: (comparisons.previous ?? comparisons.target)?.trend ?? 'flat' };
}
