import { createParser } from 'eventsource-parser';
import { type JennyChunk, SUMMARY_ID } from '../../jenny/protocol';
import { parseAnswerJson } from '../../jenny/result';
import { createAnswerAssembler } from '../../jenny/stream';
import { abortedError, throwIfAborted } from '../abort';
import { DataClientError, HttpError } from '../errors';
import type {
  AskContext,
  AskRequest,
  CompiledQuery,
  FeedbackRequest,
  Freshness,
  JennyAnswer,
  QueryResult,
  SemanticRequest,
  Transport,
  TransportContext,
} from '../types';
import { ShapeReader } from './shape';

/** Request headers, or a function (possibly async) called before every request, for tokens that expire. */
export type HeadersSource =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

export interface HttpTransportOptions {
  /**
   * Where the platform's API lives: its origin and any path prefix, for example `'https://platform.example.com'`
   * (a trailing slash is ignored). Requests go to `${baseUrl}/api/...`. Never put credentials in it: use `headers`.
   */
  baseUrl: string;
  /**
   * Headers for every request, for example `{ Authorization: 'Bearer …' }`, or a function returning them. Their
   * values never appear in URLs or error messages (they are redacted from server error text too). Default none.
   */
  headers?: HeadersSource;
  /** The `fetch` to use. Default the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * How long to wait for an answer, in ms, before rejecting with a `'timeout'` DataClientError: for the whole
   * exchange, or, while an answer streams, for the gap between two chunks. `Infinity` (or 0) waits for ever.
   * Default 30 000.
   */
  timeoutMs?: number;
}

const NAME = 'http';
const DEFAULT_TIMEOUT = 30_000;
const JSON_TYPE = 'application/json';
/** Content types read as a stream of events (NDJSON first; Server-Sent Events carry the same events). */
const NDJSON = /application\/(x-)?ndjson|application\/jsonl|application\/json-seq/i;
const SSE = /text\/event-stream/i;

interface Io {
  shape: ShapeReader;
  /** Restarts the timeout: call when a chunk arrives. */
  touch(): void;
  /** Removes header values from text the server wrote. */
  redact(text: string): string;
}

/**
 * A transport for the InsightPulse platform's HTTP API:
 *
 * - `query`: `POST /api/query` with `{ sql, params, role? }` (compiled) or `{ space, query }` (the server
 *   compiles), answered by `{ rows, meta?, sql?, row_count?, truncated?, duration_ms? }`.
 * - `ask`: `POST /api/jenny/query` with `{ space, question, domain, history, reading? }`, answered by JSON
 *   `{ title, summary, echarts_option, rows, generated_sql, reasoning }` or by a stream.
 * - `feedback`: `POST /api/jenny/feedback` with the `FeedbackRequest`; any 2xx answer will do.
 * - `freshness`: `GET /api/freshness?source=…`, answered by `{ source, updated_at, status, rows_written }`.
 *
 * **Streaming answers.** When `/api/jenny/query` answers `application/x-ndjson`, each line is one JSON event:
 * `{"type":"text","delta":"…"}` (passed to `onText`), then one `{"type":"answer","answer":{…the JSON answer…}}`
 * (its `summary` may be left out: the streamed text is used), or `{"type":"error","error":"…","status":503}`.
 * Unknown event types are skipped. `text/event-stream` is read the same way, one event per `data:` field.
 *
 * Every answer is checked at run time: one that does not match the contract rejects with a `ResponseShapeError`
 * naming the field (`rows[2]`, `title`). Failures reject with typed errors: `HttpError` (with `retryAfterMs` from
 * Retry-After, seconds or an HTTP date), `'timeout'`, `'network'` and `'aborted'` DataClientErrors.
 */
export function httpTransport(options: HttpTransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT;
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function exchange<T>(
    ctx: TransportContext,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    accept: string,
    read: (response: Response, io: Io) => Promise<T>,
  ): Promise<T> {
    const what = `${method} ${path.split('?')[0]}`;
    throwIfAborted(ctx.signal, NAME);
    const given = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    throwIfAborted(ctx.signal, NAME);
    const secrets = secretsOf(given);

    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const touch = () => {
      clearTimeout(timer);
      if (!(timeoutMs > 0 && timeoutMs < 2 ** 31)) return;
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    };
    const onAbort = () => controller.abort(ctx.signal.reason);
    ctx.signal.addEventListener('abort', onAbort, { once: true });

    const classify = (error: unknown): unknown => {
      if (ctx.signal.aborted) return abortedError(ctx.signal.reason, NAME);
      if (timedOut) {
        return new DataClientError('timeout', `${what} got no answer within ${timeoutMs} ms`, { transport: NAME });
      }
      if (error instanceof DataClientError) return error;
      return new DataClientError('network', `${what} could not reach the server (offline, refused or reset)`, {
        transport: NAME,
        cause: error,
      });
    };

    touch();
    try {
      const headers: Record<string, string> = { ...given, accept };
      if (body !== undefined) headers['content-type'] = JSON_TYPE;
      const response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body, jsonValue),
        signal: controller.signal,
      });
      if (!response.ok) throw await httpError(response, what, secrets);
      return await read(response, {
        shape: new ShapeReader(NAME, what),
        touch,
        redact: (text) => redact(text, secrets),
      });
    } catch (error) {
      throw classify(error);
    } finally {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
      // Frees the connection when the body was not read to the end (a shape error mid-stream).
      controller.abort();
    }
  }

  return {
    name: NAME,

    query(query: CompiledQuery | SemanticRequest, ctx: TransportContext): Promise<QueryResult> {
      const body =
        'sql' in query
          ? { sql: query.sql, params: query.params, ...(query.role === undefined ? {} : { role: query.role }) }
          : { space: query.space, query: query.query };
      return exchange(ctx, 'POST', '/api/query', body, JSON_TYPE, async (response, { shape }) =>
        parseQueryResult(await readJson(response, shape), shape),
      );
    },

    ask(request: AskRequest, ctx: AskContext): Promise<JennyAnswer> {
      const body = {
        space: request.space,
        question: request.question,
        domain: request.domain ?? null,
        history: request.history ?? [],
        ...(request.reading ? { reading: request.reading } : {}),
      };
      const accept = 'application/x-ndjson, text/event-stream;q=0.9, application/json;q=0.8';
      return exchange(ctx, 'POST', '/api/jenny/query', body, accept, async (response, io) => {
        const type = response.headers.get('content-type') ?? '';
        if (NDJSON.test(type) || SSE.test(type)) {
          return readAnswerStream(response, io, SSE.test(type) ? 'sse' : 'ndjson', ctx);
        }
        const answer = parseAnswerJson(await readJson(response, io.shape), '', io.shape);
        // A transport that cannot stream still reports the text, in one piece.
        if (answer.summary) ctx.onText?.(answer.summary);
        return answer;
      });
    },

    feedback(request: FeedbackRequest, ctx: TransportContext): Promise<void> {
      return exchange(ctx, 'POST', '/api/jenny/feedback', request, JSON_TYPE, async (response) => {
        await response.text();
      });
    },

    freshness(source: string, ctx: TransportContext): Promise<Freshness> {
      const path = `/api/freshness?source=${encodeURIComponent(source)}`;
      return exchange(ctx, 'GET', path, undefined, JSON_TYPE, async (response, { shape }) => {
        const body = shape.record(await readJson(response, shape), '$');
        return {
          source: shape.string(body.source, 'source'),
          updatedAt: shape.optionalString(body.updated_at, 'updated_at'),
          status: shape.optionalString(body.status, 'status'),
          rowsWritten: shape.optionalNumber(body.rows_written, 'rows_written', { integer: true, min: 0 }),
        };
      });
    },
  };
}

/** `JSON.stringify` replacer: big integers as strings (Postgres reads them back exactly). */
function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Header values worth redacting: each whole value and each long word of it (the token after `Bearer`). */
function secretsOf(headers: Readonly<Record<string, string>>): string[] {
  const secrets = new Set<string>();
  for (const value of Object.values(headers)) {
    if (value.length >= 4) secrets.add(value);
    for (const part of value.split(/\s+/)) if (part.length >= 6) secrets.add(part);
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

/**
 * Milliseconds a Retry-After header asks to wait: delta-seconds, or an HTTP date (from `now`). Undefined when the
 * header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

async function httpError(response: Response, what: string, secrets: readonly string[]): Promise<HttpError> {
  let detail = '';
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed === 'object' && parsed !== null) {
      const { error, message } = parsed as { error?: unknown; message?: unknown };
      // `{ error: '…' }`, `{ message: '…' }`, or Jenny's handler's `{ error: { code, message } }`.
      const nested = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
      detail =
        typeof error === 'string'
          ? error
          : typeof nested === 'string'
            ? nested
            : typeof message === 'string'
              ? message
              : '';
    }
  } catch {
    // An HTML error page or an unreadable body: the status says enough.
  }
  detail = redact(detail, secrets).slice(0, 300);
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new HttpError(response.status, `${what} answered ${status}${detail ? `: ${detail}` : ''}`, {
    transport: NAME,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}

async function readJson(response: Response, shape: ShapeReader): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return shape.fail('$', 'JSON');
  }
}

function parseQueryResult(value: unknown, shape: ShapeReader): QueryResult {
  const body = shape.record(value, '$');
  const rows = shape.rows(body.rows, 'rows');
  return {
    rows,
    meta: shape.meta(body.meta, 'meta') ?? [],
    sql: shape.optionalString(body.sql, 'sql'),
    rowCount: shape.optionalNumber(body.row_count, 'row_count', { integer: true, min: 0 }) ?? rows.length,
    truncated: shape.optionalBoolean(body.truncated, 'truncated') ?? false,
    durationMs: shape.optionalNumber(body.duration_ms, 'duration_ms', { min: 0 }),
  };
}

/** The UI message chunk types Jenny's stream may carry that hold nothing an answer needs. */
const SKIPPED_CHUNKS = new Set([
  'start',
  'start-step',
  'finish-step',
  'text-start',
  'text-end',
  'reasoning-start',
  'reasoning-end',
  'data-status',
  'finish',
]);

/**
 * One event of an answer stream, checked: Jenny's UI message chunks (the AI SDK's `text-delta`, `data-table`, …)
 * come back typed, and an unknown type is skipped. Values are checked where the answer uses them.
 */
function checkChunk(event: Record<string, unknown>, at: string, shape: ShapeReader): JennyChunk | undefined {
  const data = () => shape.record(event.data, `${at}.data`);
  switch (event.type) {
    case 'text-delta':
    case 'reasoning-delta':
      shape.string(event.id, `${at}.id`);
      shape.string(event.delta, `${at}.delta`);
      return event as unknown as JennyChunk;
    case 'data-query': {
      const body = data();
      shape.string(body.title, `${at}.data.title`);
      const interpretation = shape.optionalRecord(body.interpretation, `${at}.data.interpretation`);
      if (interpretation) shape.string(interpretation.kind, `${at}.data.interpretation.kind`);
      shape.optionalString(body.asOf, `${at}.data.asOf`);
      return event as unknown as JennyChunk;
    }
    case 'data-sql': {
      const body = data();
      shape.string(body.sql, `${at}.data.sql`);
      if (!Array.isArray(body.statements)) shape.fail(`${at}.data.statements`, 'an array', body.statements);
      return event as unknown as JennyChunk;
    }
    case 'data-table': {
      const body = data();
      shape.rows(body.rows, `${at}.data.rows`);
      shape.meta(body.meta, `${at}.data.meta`);
      shape.optionalBoolean(body.truncated, `${at}.data.truncated`);
      return event as unknown as JennyChunk;
    }
    case 'data-chart':
      shape.record(data().option, `${at}.data.option`);
      return event as unknown as JennyChunk;
    case 'data-suggestions':
      if (!Array.isArray(event.data) || !event.data.every((item) => typeof item === 'string')) {
        shape.fail(`${at}.data`, 'an array of strings', event.data);
      }
      return event as unknown as JennyChunk;
    case 'data-freshness': {
      const body = data();
      shape.string(body.source, `${at}.data.source`);
      shape.optionalString(body.updatedAt, `${at}.data.updatedAt`);
      shape.optionalString(body.status, `${at}.data.status`);
      shape.optionalNumber(body.rowsWritten, `${at}.data.rowsWritten`, { integer: true, min: 0 });
      return event as unknown as JennyChunk;
    }
    default:
      return SKIPPED_CHUNKS.has(event.type as string) ? (event as unknown as JennyChunk) : undefined;
  }
}

/**
 * Reads a streamed answer: NDJSON lines or Server-Sent Events (parsed by eventsource-parser), each one JSON event.
 * Two vocabularies are read: Jenny's UI message chunks (what `createJennyHandler` writes, the AI SDK's stream) and
 * the older `text` / `answer` / `error` events.
 */
async function readAnswerStream(
  response: Response,
  { shape, touch, redact: clean }: Io,
  format: 'ndjson' | 'sse',
  ctx: AskContext,
): Promise<JennyAnswer> {
  let text = '';
  let answer: JennyAnswer | undefined;
  let finished = false;
  let index = 0;
  const chunks = createAnswerAssembler();

  const fail = (message: unknown, status: unknown): never => {
    const said = typeof message === 'string' ? clean(message).slice(0, 300) : 'no reason given';
    throw new HttpError(typeof status === 'number' ? status : 502, `${shape.what} failed while streaming: ${said}`, {
      transport: NAME,
    });
  };

  const handle = (payload: string) => {
    const at = `stream[${index++}]`;
    if (payload === '[DONE]') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      shape.fail(at, 'a JSON event');
    }
    const event = shape.record(parsed, at);
    if (event.type === 'text') {
      const delta = shape.string(event.delta, `${at}.delta`);
      text += delta;
      ctx.onText?.(delta);
    } else if (event.type === 'answer') {
      answer ??= parseAnswerJson(event.answer, `${at}.answer`, shape, text);
    } else if (event.type === 'error') {
      fail(event.errorText ?? event.error, event.status);
    } else {
      const chunk = checkChunk(event, at, shape);
      if (!chunk) return;
      if (chunk.type === 'finish') finished = true;
      chunks.push(chunk);
      if (chunk.type === 'text-delta' && chunk.id === SUMMARY_ID) ctx.onText?.(chunk.delta);
      ctx.onPart?.(chunk);
    }
  };

  const parser = createParser({ onEvent: (event) => handle(event.data) });
  let buffer = '';
  const feed = (piece: string) => {
    if (format === 'sse') {
      parser.feed(piece);
      return;
    }
    buffer += piece;
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      const line = buffer.slice(0, newline).trim();
      if (line) handle(line);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  };

  const reader = response.body?.getReader();
  if (!reader) {
    feed(await response.text());
  } else {
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      touch();
      if (done) break;
      feed(decoder.decode(value, { stream: true }));
    }
    feed(decoder.decode());
  }
  if (format === 'sse') parser.feed('\n\n');
  else if (buffer.trim()) handle(buffer.trim());
  if (answer) return answer;
  if (chunks.started) {
    if (!finished) return shape.fail('finish', 'a {"type":"finish"} chunk before the stream ends');
    return chunks.answer();
  }
  return shape.fail('answer', 'an {"type":"answer"} event or a data-query chunk before the stream ends');
}
