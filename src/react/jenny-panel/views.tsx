import { useMemo } from 'react';
import { chooseChart } from '../../core/adapter/choose';
import { sanitizeOption } from '../../core/adapter/sanitize';
import type { JennyAnswer } from '../../core/client/types';
import type { PartialMessages } from '../../core/messages';
import { ChartCard } from '../chart-card/chart-card';
import { DataTable } from '../data-table/data-table';
import { type ProvidedValues, Reprovide } from '../provider/insightpulse-provider';

/**
 * An answer's chart and table: what a JennyPanel loads the first time an answer has rows (ECharts through ChartCard,
 * and the DataTable), so a panel that has answered nothing yet, or only asked back, never loads them. Published as
 * one self-contained file (see tsup.config.ts), with its own copy of the provider's contexts: the panel hands it the
 * page's provider values (`useProvided`), which it provides again around the card and the table.
 */

/** How an answer is charted: its own option (checked), else its rows, else not at all. */
export type AnswerChartSource = 'option' | 'rows' | 'none';

interface AnswerChartProps {
  answer: JennyAnswer;
  /** The page's provider values, provided again around the card. */
  provided: ProvidedValues;
  /** The card's title (the answer's, or the panel's name when it has none). */
  title: string;
  locale: string;
  /** Words given on the panel, for the card. */
  messages: PartialMessages | undefined;
}

const listOf = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
  );

/**
 * What `sanitizeOption` keeps for options an app trusts, but a model's answer has no business doing: a title that
 * links away (clicking it leaves the page for an address never shown), and a tooltip placed over the page
 * (`appendTo`, always shown, or positioned by its own CSS), which could cover it with the model's words.
 */
function steersThePage(option: Record<string, unknown>): boolean {
  if (listOf(option.title).some((title) => title.link || title.sublink)) return true;
  return listOf(option.tooltip).some(
    (tooltip) =>
      tooltip.appendTo !== undefined ||
      tooltip.alwaysShowContent === true ||
      (typeof tooltip.extraCssText === 'string' && /position|inset|z-index|top|left/i.test(tooltip.extraCssText)),
  );
}

/**
 * How to chart an answer. Its `echartsOption` comes from outside (a server, a model): it goes through
 * `sanitizeOption` and is used only when nothing had to be removed and it does not steer the page (a title linking
 * away, a tooltip laid over the page); a refused or missing option charts the rows
 * instead, when the adapter can chart them. An answer asked for "as a table" has no chart.
 */
export function answerChart(answer: JennyAnswer): { source: AnswerChartSource; option?: Record<string, unknown> } {
  const reading = answer.interpretation;
  if (reading?.kind === 'query' && reading.view === 'table') return { source: 'none' };
  if (answer.kind === 'clarify' || answer.kind === 'unsupported') return { source: 'none' };
  if (answer.echartsOption) {
    const checked = sanitizeOption(answer.echartsOption);
    if (!checked.warning && !steersThePage(checked.option)) return { source: 'option', option: checked.option };
  }
  if (answer.rows.length === 0) return { source: 'none' };
  try {
    chooseChart({ rows: answer.rows, meta: answer.meta ?? [] });
    return { source: 'rows' };
  } catch {
    // Rows with nothing to chart (no measure): the table alone shows them.
    return { source: 'none' };
  }
}

/** The answer's chart in a ChartCard: its checked option, or a chart of its rows (see `answerChart`). */
export function AnswerChart({ answer, title, locale, provided, messages }: AnswerChartProps) {
  const { echartsOption, rows, meta, interpretation, kind } = answer;
  // Keyed on what the choice reads: a streaming answer is a new object with every chunk.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answer's parts are the keys
  const chart = useMemo(() => answerChart(answer), [echartsOption, rows, meta, interpretation, kind]);
  const data = useMemo(() => ({ rows: answer.rows, meta: answer.meta ?? [] }), [answer.rows, answer.meta]);
  if (chart.source === 'none') return null;
  return (
    <Reprovide value={provided}>
      <div data-slot="jenny-panel-chart" data-source={chart.source}>
        {chart.source === 'option' ? (
          <ChartCard title={title} option={chart.option} locale={locale} messages={messages} headingLevel={4} />
        ) : (
          <ChartCard title={title} data={data} spec="auto" locale={locale} messages={messages} headingLevel={4} />
        )}
      </div>
    </Reprovide>
  );
}

interface AnswerTableProps {
  answer: JennyAnswer;
  provided: ProvidedValues;
  messages: PartialMessages | undefined;
  label: string;
  locale: string;
}

/** The answer's rows in a DataTable: the chart's text alternative. */
export function AnswerTable({ answer, label, locale, provided, messages }: AnswerTableProps) {
  const data = useMemo(() => ({ rows: answer.rows, meta: answer.meta ?? [] }), [answer.rows, answer.meta]);
  return (
    <Reprovide value={provided}>
      <div data-slot="jenny-panel-table">
        <DataTable label={label} data={data} height={240} locale={locale} messages={messages} />
      </div>
    </Reprovide>
  );
}
