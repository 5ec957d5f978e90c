import { enChartReasons } from '../messages/en-chart-reasons';
import type { ChartReason, ChartReasonMessages } from './reasons';

/**
 * The sentence that says why a chart was chosen: `words`' sentence for the reason's code (a language's
 * `chartReasons`, perhaps partial), else the English one.
 */
export function explainChart(reason: ChartReason, words?: Partial<ChartReasonMessages>): string {
  const say = (words?.[reason.code] ?? enChartReasons[reason.code]) as (reason: ChartReason) => string;
  return say(reason);
}
