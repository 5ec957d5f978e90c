import type { ChartReason } from '../adapter/reasons';
import type { ChartSpec, ColumnMeta, Row } from '../adapter/types';
import type { Freshness } from '../client/types';
import type { Interpretation } from './types';

/*
 * Jenny's answer protocol: the chunks of the Vercel AI SDK's UI message stream (version 1), with Jenny's own
 * `data-*` parts. One vocabulary everywhere: `answerQuestion` reports these chunks through `onPart`, the server
 * handler writes them as Server-Sent Events (`data: {json}\n\n`, ending with `data: [DONE]`), `httpTransport`
 * reads them back, and the AI SDK's `readUIMessageStream` and `useChat` read them as they are.
 *
 * Data parts carry a fixed `id`, so a later chunk with the same type and id replaces the earlier one in place
 * (how `data-status` moves from step to step). Text and reasoning come as start, deltas and end.
 */

/** The steps of an answer, in order: what `data-status` reports while the answer is built. */
export type JennyStep = 'reading' | 'querying' | 'summarizing' | 'done';

export interface JennyStatusData {
  step: JennyStep;
}

/** How the question was read, and what the answer is called: sent before any SQL runs. */
export interface JennyQueryData {
  /** The answer's title ("Revenue by brand, last 30 days"). */
  title: string;
  /** How Jenny's interpreter read the question; absent when the SQL came from elsewhere (a server's LLM). */
  interpretation?: Interpretation;
  /** The day relative periods were counted from (ISO `YYYY-MM-DD`): the data's last day on a demo warehouse. */
  asOf?: string;
}

/** One statement the answer ran, as the compiler wrote it: SQL with `$n` parameters, and the parameters. */
export interface JennyStatement {
  space: string;
  sql: string;
  params: readonly unknown[];
}

export interface JennySqlData {
  /** Every statement's SQL, one after another, for people to read and copy. */
  sql: string;
  statements: readonly JennyStatement[];
}

export interface JennyTableData {
  rows: Row[];
  meta: ColumnMeta[];
  rowCount: number;
  /** True when the rows were cut at the transport's row cap. */
  truncated: boolean;
}

export interface JennyChartData {
  /**
   * The ECharts option as JSON (formatter functions cannot travel: a client rebuilds the option from the rows and
   * `spec` to get them back, and passes this one through `sanitizeOption` if it uses it).
   */
  option: Record<string, unknown>;
  /** The chart that was chosen for the rows, with why (`explainChart(spec.reason)`). */
  spec: ChartSpec & { reason?: ChartReason };
}

/** The chunks of Jenny's answer stream: the AI SDK's UI message chunks that Jenny uses. */
export type JennyChunk =
  | { type: 'start'; messageId?: string }
  | { type: 'start-step' }
  | { type: 'finish-step' }
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'text-end'; id: string }
  | { type: 'reasoning-start'; id: string }
  | { type: 'reasoning-delta'; id: string; delta: string }
  | { type: 'reasoning-end'; id: string }
  | { type: 'data-status'; id: 'status'; data: JennyStatusData }
  | { type: 'data-query'; id: 'query'; data: JennyQueryData }
  | { type: 'data-sql'; id: 'sql'; data: JennySqlData }
  | { type: 'data-table'; id: 'table'; data: JennyTableData }
  | { type: 'data-chart'; id: 'chart'; data: JennyChartData }
  | { type: 'data-suggestions'; id: 'suggestions'; data: string[] }
  | { type: 'data-freshness'; id: 'freshness'; data: Freshness }
  | { type: 'finish'; finishReason?: 'stop' | 'error' | 'other' }
  | { type: 'error'; errorText: string };

/** The ids of the summary text and the reasoning text in the stream. */
export const SUMMARY_ID = 'summary';
export const REASONING_ID = 'reasoning';

/** The response headers of an answer stream (the AI SDK's UI message stream, version 1). */
export const JENNY_STREAM_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-vercel-ai-ui-message-stream': 'v1',
  'x-accel-buffering': 'no',
};
