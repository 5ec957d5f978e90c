import { chooseChart, type ReasonedSpec } from '../adapter/choose';
import { AdapterError } from '../adapter/errors';
import { toEChartsOption } from '../adapter/to-option';
import type { ColumnMeta, Row } from '../adapter/types';
import type { Messages } from '../messages/types';
import type { JennyChartData } from './protocol';

/*
 * An answer's chart: the adapter's choice and option for its rows. The adapter needs no ECharts to write an option,
 * so a server answers without loading it; an app that only reads questions leaves this module (and the adapter) out
 * of its bundle.
 */

export interface AnswerChartOptions {
  /** Bars instead of a donut (a limit cut the parts, so they do not make a whole). */
  bars: boolean;
  locale: string;
  messages: Partial<Messages['chart']> | undefined;
}

/** The chart of an answer's rows, or undefined when the rows have nothing to chart (no measure). */
export function chartOf(
  data: { rows: Row[]; meta: ColumnMeta[] },
  { bars, locale, messages }: AnswerChartOptions,
): { option: Record<string, unknown>; chunk: JennyChartData } | undefined {
  if (data.rows.length === 0) return undefined;
  try {
    const { alternatives, ...chosen } = chooseChart({ rows: data.rows, meta: data.meta });
    let spec: ReasonedSpec = chosen;
    if (bars && spec.kind !== 'bar') spec = [chosen, ...alternatives].find((s) => s.kind === 'bar') ?? chosen;
    const option = toEChartsOption({ rows: data.rows, meta: data.meta }, spec, {
      locale,
      ...(messages ? { messages } : {}),
    }) as Record<string, unknown>;
    return { option, chunk: { option: jsonOption(option), spec } };
  } catch (error) {
    if (error instanceof AdapterError) return undefined;
    throw error;
  }
}

/** A JSON copy of an ECharts option: no functions (formatters), nothing JSON cannot hold. */
function jsonOption(option: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(option)) as Record<string, unknown>;
}
