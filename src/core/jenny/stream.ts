import type { JennyAnswer } from '../client/types';
import { InsightPulseError } from '../errors';
import { type JennyChunk, REASONING_ID, SUMMARY_ID } from './protocol';

/*
 * Jenny's answer stream as bytes: Server-Sent Events whose `data:` fields are the JSON chunks of protocol.ts, the
 * way the AI SDK's UI message stream writes them, ending with `data: [DONE]`. The server writes it with
 * `createJennyStream`; `httpTransport` reads it back (through eventsource-parser) and `createAnswerAssembler` turns
 * the chunks into the same `JennyAnswer` that `answerQuestion` returns in process.
 */

/** The event that ends a stream, after `finish` or `error`. */
export const STREAM_DONE = 'data: [DONE]\n\n';

/** One chunk as a Server-Sent Event. JSON cannot hold a line break unescaped, so one `data:` line is enough. */
export function encodeChunk(chunk: JennyChunk): string {
  return `data: ${JSON.stringify(chunk, jsonSafe)}\n\n`;
}

/** JSON for the wire: big integers as strings, functions and symbols left out (as `JSON.stringify` does). */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export interface JennyStreamOptions {
  /** Aborts the work too (the request's own signal, when the server has one). */
  signal?: AbortSignal;
  /**
   * The text of the `error` chunk for a failure the work did not report itself. Default: the error's message when
   * it is one of the library's typed errors, else "The answer failed." (an unknown error may carry anything).
   */
  errorText?: (error: unknown) => string;
}

/**
 * A stream of Server-Sent Events that runs `work`, writing each chunk it reports. When the work ends without a
 * `finish` chunk, one is written; when it fails without an `error` chunk, one is written; `data: [DONE]` always
 * ends the stream. When the reader goes away (the client closed the connection), `work`'s signal aborts, so the
 * query it runs is cancelled.
 */
export function createJennyStream(
  work: (write: (chunk: JennyChunk) => void, signal: AbortSignal) => Promise<unknown>,
  options: JennyStreamOptions = {},
): ReadableStream<Uint8Array> {
  const controller = new AbortController();
  const forward = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  else options.signal?.addEventListener('abort', forward, { once: true });
  const encoder = new TextEncoder();
  /** True once the reader has gone: nothing more is written. */
  let cancelled = false;
  /** True once `finish` or `error` is written: the stream's chunks are over. */
  let ended = false;
  return new ReadableStream<Uint8Array>({
    async start(stream) {
      const send = (text: string) => {
        if (cancelled) return;
        try {
          stream.enqueue(encoder.encode(text));
        } catch {
          cancelled = true; // the stream was closed under us
        }
      };
      const write = (chunk: JennyChunk) => {
        if (ended) return;
        if (chunk.type === 'finish' || chunk.type === 'error') ended = true;
        send(encodeChunk(chunk));
      };
      try {
        await work(write, controller.signal);
        write({ type: 'finish' });
      } catch (error) {
        write({ type: 'error', errorText: (options.errorText ?? errorTextOf)(error) });
      } finally {
        options.signal?.removeEventListener('abort', forward);
        send(STREAM_DONE);
        if (!cancelled) {
          try {
            stream.close();
          } catch {
            // already closed
          }
        }
      }
    },
    cancel(reason) {
      cancelled = true;
      controller.abort(reason);
    },
  });
}

/** A typed library error's message (they never carry secrets or parameter values); anything else is not said. */
function errorTextOf(error: unknown): string {
  if (error instanceof InsightPulseError) return error.message;
  return 'The answer failed.';
}

/** Collects chunks into a `JennyAnswer`, the way `answerQuestion` assembles its own. */
export interface AnswerAssembler {
  push(chunk: JennyChunk): void;
  /** The summary text so far. */
  readonly text: string;
  /** True once a `data-query` chunk has arrived (the answer has a title). */
  readonly started: boolean;
  /** The answer from every chunk so far. */
  answer(): JennyAnswer;
}

export function createAnswerAssembler(): AnswerAssembler {
  let title: string | undefined;
  let summary = '';
  let reasoning = '';
  const answer: Omit<JennyAnswer, 'title' | 'summary'> = { rows: [] };
  return {
    push(chunk) {
      switch (chunk.type) {
        case 'data-query': {
          const { interpretation } = chunk.data;
          title = chunk.data.title;
          if (interpretation) answer.interpretation = interpretation;
          answer.kind = !interpretation || interpretation.kind === 'query' ? 'answer' : interpretation.kind;
          if (chunk.data.asOf) answer.asOf = chunk.data.asOf;
          return;
        }
        case 'data-sql':
          answer.generatedSql = chunk.data.sql;
          answer.statements = [...chunk.data.statements];
          return;
        case 'data-table':
          answer.rows = chunk.data.rows;
          answer.meta = chunk.data.meta;
          answer.truncated = chunk.data.truncated;
          return;
        case 'data-chart':
          answer.echartsOption = chunk.data.option;
          return;
        case 'data-suggestions':
          answer.suggestions = [...chunk.data];
          return;
        case 'data-freshness':
          answer.freshness = { ...chunk.data };
          return;
        case 'text-delta':
          if (chunk.id === SUMMARY_ID) summary += chunk.delta;
          return;
        case 'reasoning-delta':
          if (chunk.id === REASONING_ID) reasoning += chunk.delta;
          return;
        default:
          return;
      }
    },
    get text() {
      return summary;
    },
    get started() {
      return title !== undefined;
    },
    answer() {
      return { ...answer, title: title ?? '', summary, ...(reasoning ? { reasoning } : {}) };
    },
  };
}

/**
 * The seed's JSON answer (`/api/jenny/query` without streaming): `{ title, summary, echarts_option, rows, meta,
 * generated_sql, reasoning }`, plus Jenny's `kind`, `suggestions`, `interpretation`, `statements`, `as_of`,
 * `freshness` (as `/api/freshness` writes it) and `truncated`. What `httpTransport` reads back.
 */
export function toAnswerJson(answer: JennyAnswer): Record<string, unknown> {
  return {
    title: answer.title,
    summary: answer.summary,
    echarts_option: answer.echartsOption ?? null,
    rows: answer.rows,
    meta: answer.meta ?? [],
    generated_sql: answer.generatedSql ?? null,
    reasoning: answer.reasoning ?? null,
    kind: answer.kind ?? 'answer',
    suggestions: answer.suggestions ?? [],
    interpretation: answer.interpretation ?? null,
    statements: answer.statements ?? [],
    as_of: answer.asOf ?? null,
    freshness: answer.freshness
      ? {
          source: answer.freshness.source,
          updated_at: answer.freshness.updatedAt ?? null,
          status: answer.freshness.status ?? null,
          rows_written: answer.freshness.rowsWritten ?? null,
        }
      : null,
    truncated: answer.truncated ?? false,
  };
}
