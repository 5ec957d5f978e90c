import { isAbortError, raceAbort } from '../client/abort';
import { DataClientError } from '../client/errors';
import type {
  AskRequest,
  AskTurn,
  FeedbackRequest,
  JennyAnswer,
  JennyLogEntry,
  JennyOutcome,
  QueryResult,
  Transport,
  TransportContext,
} from '../client/types';
import { InsightPulseError } from '../errors';
import { chartOf } from '../jenny/chart';
import { createJennyEngine, type JennyToday, transportSource } from '../jenny/engine';
import type { QuestionInterpreter } from '../jenny/interpret';
import { JENNY_STREAM_HEADERS, type JennyChunk, SUMMARY_ID } from '../jenny/protocol';
import { checkReading } from '../jenny/reading';
import { createJennyStream, toAnswerJson } from '../jenny/stream';
import type { DimensionValues, QueryInterpretation } from '../jenny/types';
import { SemanticError } from '../semantic/errors';
import type { SpaceDefinition } from '../semantic/types';

/** SQL an LLM (or any code) wrote for a question: `$n` parameters, run read-only as the space's role. */
export interface GeneratedSql {
  sql: string;
  params?: readonly unknown[];
  /** The answer's title. Default the question. */
  title?: string;
  /** The answer's text. Default a sentence with the row count. */
  summary?: string;
}

/** What `generateSql` is asked: the question, its space (the definition, for a prompt) and the conversation so far. */
export interface GenerateSqlRequest {
  question: string;
  space: SpaceDefinition;
  history: readonly AskTurn[];
  domain?: string;
}

/**
 * The hook for an LLM: SQL for a question, or `null`/`undefined` to let Jenny's own interpreter answer it. Its SQL
 * runs only through the transport's read-only path (a READ ONLY transaction as the space's role, with the statement
 * timeout and row cap), never as it is.
 */
export type GenerateSql = (
  request: GenerateSqlRequest,
  ctx: { signal: AbortSignal },
) => Promise<GeneratedSql | string | null | undefined> | GeneratedSql | string | null | undefined;

/** A transport that can also log questions (the postgres transport's `logQuestion`). */
export type JennyServerTransport = Transport & {
  logQuestion?(entry: JennyLogEntry, ctx?: Partial<TransportContext>): Promise<void>;
};

export interface JennyHandlerOptions {
  /** Where statements run, read-only: `postgresTransport({ pool })`. */
  transport: JennyServerTransport;
  /** The spaces questions are asked in (`demoSpaces`, or your own `defineSpace(...)`s). */
  spaces: readonly SpaceDefinition[];
  /** Jenny's question interpreter. Default one built from `spaces` (and `values`). */
  interpreter?: QuestionInterpreter;
  /**
   * The hook for an LLM: SQL for a question (see `GenerateSql`). Default none: Jenny's interpreter answers every
   * question. When it returns nothing, the interpreter answers that question.
   */
  generateSql?: GenerateSql;
  /**
   * Where each question is logged, one entry per question with its outcome: a function, or `false` for nowhere.
   * Default the transport's `logQuestion` (the postgres transport writes `public.jenny_queries`), else nowhere.
   * A log that fails never fails the answer (`onError` hears of it).
   */
  log?: false | ((entry: JennyLogEntry) => void | Promise<void>);
  /** A path prefix the routes live under, for example `'/analytics'`. Default `''`. */
  basePath?: string;
  /** The space a request that names none is asked in. Default the only space, when there is one. */
  defaultSpace?: string;
  /** The longest question accepted, in characters; longer ones get 413. Default 2000. */
  maxQuestionLength?: number;
  /**
   * The day relative periods count from: an ISO day, `'calendar'` (today, UTC) or `'data'` (the day the space's
   * freshness job last loaded). Default `'calendar'`.
   */
  today?: JennyToday;
  /**
   * Each text dimension's values, for the interpreter ("in NCR"). Default loaded once through the transport on the
   * first question; `false` loads none.
   */
  values?: DimensionValues | false;
  /** The locale numbers and dates in answers are written in. */
  locale?: string;
  /**
   * Hears of failures the client is not told about in full: a log write that failed, an error that is not one of
   * the library's typed errors (the client gets a generic message). Default: ignored.
   */
  onError?: (error: unknown) => void;
}

/** A Fetch-API handler: Node 18+ (through `toNodeListener`), Deno, Bun, Cloudflare Workers, Vercel and Next.js. */
export type JennyHandler = (request: Request) => Promise<Response>;

/** The `code` of an error body, `{ error: { code, message } }`. */
export type JennyHandlerErrorCode =
  | 'not-found'
  | 'method-not-allowed'
  | 'invalid-json'
  | 'invalid-request'
  | 'question-required'
  | 'question-too-long'
  | 'body-too-large'
  | 'space-required'
  | 'unknown-space'
  | 'unsupported'
  | 'permission'
  | 'timeout'
  | 'aborted'
  | 'failed';

const QUERY_PATH = '/api/jenny/query';
const CHAT_PATH = '/api/jenny/chat';
const FEEDBACK_PATH = '/api/jenny/feedback';
const FRESHNESS_PATH = '/api/freshness';

/** Bodies larger than these are refused with 413 before they are parsed. */
const MAX_BODY_BYTES = 64 * 1024;
const MAX_CHAT_BODY_BYTES = 1024 * 1024;
/** History beyond these is dropped (oldest first) or cut. */
const MAX_HISTORY_TURNS = 20;
const MAX_TURN_CHARS = 4000;

/** A request the handler refuses: its status and typed body. */
class Refusal extends InsightPulseError<JennyHandlerErrorCode> {
  override readonly name = 'JennyHandlerError';
  constructor(
    readonly status: number,
    code: JennyHandlerErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(code, message);
  }
}

/**
 * Jenny's HTTP API as one Fetch-API handler, `(request: Request) => Promise<Response>`, for Node (through
 * `toNodeListener`) and edge runtimes alike; it uses nothing but the Fetch API.
 *
 * - `POST /api/jenny/query` with `{ space, question, domain?, history? }`: the seed's JSON answer (`toAnswerJson`),
 *   or, when the request accepts `text/event-stream`, the answer stream (the AI SDK's UI message stream, v1).
 * - `POST /api/jenny/chat`: the AI SDK's own chat request (`{ id, messages, trigger, ... }`, what `useChat()` sends),
 *   with the space in the body (`space`) or the URL (`?space=`); always answered with the stream. The last user
 *   message is the question, the turns before it its history.
 * - `POST /api/jenny/feedback` with `{ space, question, rating: 'up' | 'down', comment?, sql? }`: 204.
 * - `GET /api/freshness?source=…`: `{ source, updated_at, status, rows_written }`.
 *
 * A malformed request gets 400 (413 for a question over `maxQuestionLength` or a body too large, 404 for an
 * unknown route or space, 405 for a wrong method) with `{ error: { code, message } }`, and is not logged. Every
 * question is logged once with its outcome (`answered`, `clarify`, `unsupported`, `error`, `aborted`, `timeout`).
 * Responses and logs hold no secret, stack trace or parameter value: an error that is not one of the library's
 * typed errors is reported as "The answer failed.". The request's `signal` (the client closing the connection)
 * aborts the answer and cancels its statement, and so does cancelling the stream.
 */
export function createJennyHandler(options: JennyHandlerOptions): JennyHandler {
  const { transport } = options;
  if (!transport || typeof transport.query !== 'function') {
    throw new TypeError('createJennyHandler needs a transport (postgresTransport({ pool }))');
  }
  const spaces = new Map(options.spaces.map((space) => [space.name, space]));
  if (spaces.size === 0) throw new TypeError('createJennyHandler needs at least one space');
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const defaultSpace = options.defaultSpace ?? (spaces.size === 1 ? [...spaces.keys()][0] : undefined);
  if (defaultSpace !== undefined && !spaces.has(defaultSpace)) {
    throw new TypeError(`defaultSpace "${defaultSpace}" is not one of the spaces`);
  }
  const maxQuestion = options.maxQuestionLength ?? 2000;
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // a reporter that throws changes nothing
    }
  };
  const log =
    options.log === false
      ? undefined
      : (options.log ??
        (typeof transport.logQuestion === 'function'
          ? (entry: JennyLogEntry) => transport.logQuestion?.(entry)
          : undefined));
  const engine = createJennyEngine({
    source: transportSource(transport, options.spaces),
    spaces: options.spaces,
    ...(options.interpreter ? { interpreter: options.interpreter } : {}),
    ...(options.today !== undefined ? { today: options.today } : {}),
    ...(options.values !== undefined ? { values: options.values } : {}),
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
  });

  async function writeLog(entry: JennyLogEntry) {
    if (!log) return;
    try {
      await log(entry);
    } catch (error) {
      report(error);
    }
  }

  /** Answers one question with `generateSql`'s SQL, or the engine; reports each chunk through `onPart`. */
  async function answer(request: AskRequest, signal: AbortSignal, onPart?: (chunk: JennyChunk) => void) {
    const space = spaces.get(request.space) as SpaceDefinition;
    // A reading edited in the Explain dialog is answered as given, never by the model.
    if (options.generateSql && !request.reading) {
      // A hook that does not honour the signal is not waited for once the request is gone.
      const generated = await raceAbort(
        Promise.resolve(
          options.generateSql(
            { question: request.question, space, history: request.history ?? [], domain: request.domain },
            { signal },
          ),
        ),
        signal,
      );
      if (generated) return answerSql(request, space, typeof generated === 'string' ? { sql: generated } : generated);
    }
    return engine.ask(request, { signal, onPart });

    async function answerSql(question: AskRequest, where: SpaceDefinition, generated: GeneratedSql) {
      const params = [...(generated.params ?? [])];
      const title = generated.title ?? question.question;
      onPart?.({ type: 'data-status', id: 'status', data: { step: 'reading' } });
      onPart?.({ type: 'data-query', id: 'query', data: { title } });
      onPart?.({ type: 'data-status', id: 'status', data: { step: 'querying' } });
      const statements = [{ space: where.name, sql: generated.sql, params }];
      onPart?.({ type: 'data-sql', id: 'sql', data: { sql: generated.sql, statements } });
      const result: QueryResult = await transport.query(
        {
          sql: generated.sql,
          params,
          role: where.role,
          request: { kind: 'sql', sql: generated.sql, params, space: where.name },
        },
        { signal },
      );
      const summary = generated.summary ?? rowsSentence(result.rowCount, result.truncated);
      onPart?.({
        type: 'data-table',
        id: 'table',
        data: { rows: result.rows, meta: result.meta, rowCount: result.rowCount, truncated: result.truncated },
      });
      // The rows' chart, chosen and written as Jenny's own answers are (no ECharts is loaded to write it).
      const chart = chartOf(result, { bars: result.truncated, locale: options.locale ?? 'en-US', messages: undefined });
      if (chart) onPart?.({ type: 'data-chart', id: 'chart', data: chart.chunk });
      onPart?.({ type: 'data-status', id: 'status', data: { step: 'summarizing' } });
      onPart?.({ type: 'text-start', id: SUMMARY_ID });
      onPart?.({ type: 'text-delta', id: SUMMARY_ID, delta: summary });
      onPart?.({ type: 'text-end', id: SUMMARY_ID });
      onPart?.({ type: 'data-status', id: 'status', data: { step: 'done' } });
      const answered: JennyAnswer = {
        kind: 'answer',
        title,
        summary,
        ...(chart ? { echartsOption: chart.option } : {}),
        rows: result.rows,
        meta: result.meta,
        generatedSql: generated.sql,
        statements,
        truncated: result.truncated,
      };
      return answered;
    }
  }

  /** Runs a question, logs it once with its outcome, and returns the answer (or rethrows the failure). */
  async function ask(request: AskRequest, signal: AbortSignal, onPart?: (chunk: JennyChunk) => void) {
    const started = now();
    let sql = '';
    const part = (chunk: JennyChunk) => {
      if (chunk.type === 'data-sql') sql = chunk.data.sql;
      onPart?.(chunk);
    };
    try {
      const answered = await answer(request, signal, part);
      await writeLog({
        space: request.space,
        question: request.question,
        sql: answered.generatedSql ?? sql,
        rowCount: answered.kind === 'clarify' || answered.kind === 'unsupported' ? null : answered.rows.length,
        durationMs: now() - started,
        outcome: outcomeOf(answered),
      });
      return answered;
    } catch (error) {
      const outcome = failureOutcome(error, signal);
      if (outcome === 'error' && !(error instanceof InsightPulseError)) report(error);
      await writeLog({
        space: request.space,
        question: request.question,
        sql,
        rowCount: null,
        durationMs: now() - started,
        outcome,
        ...(outcome === 'aborted' ? {} : { error: safeMessage(error) }),
      });
      throw error;
    }
  }

  /**
   * The answer stream. createJennyStream aborts the signal it gives the work when the request's signal aborts or
   * the reader cancels (the client went away), which cancels the statement.
   */
  function stream(request: AskRequest, signal: AbortSignal, messageId?: string): Response {
    const body = createJennyStream(
      async (write, workSignal) => {
        write(messageId ? { type: 'start', messageId } : { type: 'start' });
        await ask(request, workSignal, (chunk) => {
          // The stream's own start and end are written here and by createJennyStream.
          if (chunk.type !== 'start' && chunk.type !== 'finish' && chunk.type !== 'error') write(chunk);
        });
      },
      { signal, errorText: (error) => safeMessage(error) },
    );
    return new Response(body, { status: 200, headers: { ...JENNY_STREAM_HEADERS } });
  }

  async function handleQuery(request: Request): Promise<Response> {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    const question = askRequestOf(body);
    if (accepts(request, 'text/event-stream')) return stream(question, request.signal);
    return answerJson(question, request.signal);
  }

  async function answerJson(question: AskRequest, signal: AbortSignal): Promise<Response> {
    try {
      return json(200, toAnswerJson(await ask(question, signal)));
    } catch (error) {
      const outcome = failureOutcome(error, signal);
      if (outcome === 'aborted') return errorResponse(499, 'aborted', 'The request was aborted.');
      if (outcome === 'timeout') return errorResponse(504, 'timeout', safeMessage(error));
      if (error instanceof DataClientError && error.code === 'permission') {
        return errorResponse(403, 'permission', safeMessage(error));
      }
      return errorResponse(500, 'failed', safeMessage(error));
    }
  }

  async function handleChat(request: Request, url: URL): Promise<Response> {
    const body = await readJsonBody(request, MAX_CHAT_BODY_BYTES);
    const { question, history } = chatQuestionOf(body.messages);
    const space = spaceOf(body.space ?? url.searchParams.get('space') ?? undefined);
    const messageId = typeof body.messageId === 'string' && body.messageId.length <= 200 ? body.messageId : undefined;
    return stream({ space, question, history }, request.signal, messageId);
  }

  async function handleFeedback(request: Request): Promise<Response> {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!transport.feedback) throw new Refusal(501, 'unsupported', 'This server does not take feedback.');
    const feedback: FeedbackRequest = {
      space: spaceOf(body.space),
      question: questionOf(body.question),
      rating: ratingOf(body.rating),
    };
    const comment = optionalText(body.comment, 'comment', 2000);
    const sql = optionalText(body.sql, 'sql', 20_000);
    if (comment !== undefined) feedback.comment = comment;
    if (sql !== undefined) feedback.sql = sql;
    try {
      await transport.feedback(feedback, { signal: request.signal });
    } catch (error) {
      if (!(error instanceof InsightPulseError)) report(error);
      return errorResponse(500, 'failed', safeMessage(error, 'The feedback could not be saved.'));
    }
    return new Response(null, { status: 204 });
  }

  async function handleFreshness(request: Request, url: URL): Promise<Response> {
    const source = url.searchParams.get('source')?.trim();
    if (!source) throw new Refusal(400, 'invalid-request', 'Name the source: /api/freshness?source=<job name>.');
    if (source.length > 200)
      throw new Refusal(400, 'invalid-request', 'The source name is longer than 200 characters.');
    if (!transport.freshness) throw new Refusal(501, 'unsupported', 'This server does not report freshness.');
    try {
      const freshness = await transport.freshness(source, { signal: request.signal });
      return json(200, {
        source: freshness.source,
        updated_at: freshness.updatedAt ?? null,
        status: freshness.status ?? null,
        rows_written: freshness.rowsWritten ?? null,
      });
    } catch (error) {
      if (!(error instanceof InsightPulseError)) report(error);
      return errorResponse(500, 'failed', safeMessage(error, 'The freshness could not be read.'));
    }
  }

  /** The space a request names (or the default), or a 400/404 refusal. */
  function spaceOf(value: unknown): string {
    if (value === undefined || value === null || value === '') {
      if (defaultSpace !== undefined) return defaultSpace;
      throw new Refusal(400, 'space-required', `Name the space to ask in: one of ${[...spaces.keys()].join(', ')}.`);
    }
    if (typeof value !== 'string') throw new Refusal(400, 'invalid-request', 'The space must be a string.');
    if (!spaces.has(value)) {
      throw new Refusal(
        404,
        'unknown-space',
        `There is no such space here: ask in one of ${[...spaces.keys()].join(', ')}.`,
      );
    }
    return value;
  }

  function questionOf(value: unknown): string {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new Refusal(400, 'invalid-request', 'The question must be a string.');
    }
    const question = (value ?? '').trim();
    if (!question) throw new Refusal(400, 'question-required', 'Ask a question: the question is empty.');
    if (question.length > maxQuestion) {
      throw new Refusal(413, 'question-too-long', `The question is longer than ${maxQuestion} characters.`);
    }
    return question;
  }

  function askRequestOf(body: Record<string, unknown>): AskRequest {
    const request: AskRequest = { question: questionOf(body.question), space: spaceOf(body.space) };
    const domain = optionalText(body.domain, 'domain', 100);
    if (domain) request.domain = domain;
    if (body.history !== undefined && body.history !== null) request.history = historyOf(body.history);
    if (body.reading !== undefined && body.reading !== null) request.reading = readingOf(body.reading, request.space);
    return request;
  }

  /** A reading to answer as given, in the request's space, or a 400 refusal saying what is wrong with it. */
  function readingOf(value: unknown, space: string): QueryInterpretation {
    let reading: QueryInterpretation;
    try {
      reading = checkReading(value, spaces);
    } catch (error) {
      throw new Refusal(
        400,
        'invalid-request',
        error instanceof SemanticError ? error.message : 'The reading is not valid.',
      );
    }
    if (reading.space !== space) throw new Refusal(400, 'invalid-request', 'The reading must be in the space asked.');
    return reading;
  }

  function historyOf(value: unknown): AskTurn[] {
    if (!Array.isArray(value)) throw new Refusal(400, 'invalid-request', 'The history must be a list of turns.');
    const turns: AskTurn[] = [];
    for (const turn of value) {
      const { role, content } = (typeof turn === 'object' && turn !== null ? turn : {}) as Record<string, unknown>;
      if ((role !== 'user' && role !== 'assistant') || typeof content !== 'string') {
        throw new Refusal(
          400,
          'invalid-request',
          'Each turn of the history is { role: "user" | "assistant", content: string }.',
        );
      }
      if (content.trim()) turns.push({ role, content: content.slice(0, MAX_TURN_CHARS) });
    }
    return turns.slice(-MAX_HISTORY_TURNS);
  }

  /** The AI SDK's messages: the last user message's text is the question, the turns before it its history. */
  function chatQuestionOf(value: unknown): { question: string; history: AskTurn[] } {
    if (!Array.isArray(value) || value.length === 0) {
      throw new Refusal(400, 'invalid-request', 'The chat request needs messages (the AI SDK chat request body).');
    }
    const texts = value.map((message, index) => {
      const { role, parts } = (typeof message === 'object' && message !== null ? message : {}) as Record<
        string,
        unknown
      >;
      if (typeof role !== 'string' || !Array.isArray(parts)) {
        throw new Refusal(400, 'invalid-request', `Message ${index} is not a UI message ({ role, parts }).`);
      }
      const text = parts
        .filter(
          (part): part is { type: 'text'; text: string } =>
            typeof part === 'object' && part !== null && part.type === 'text' && typeof part.text === 'string',
        )
        .map((part) => part.text)
        .join('');
      return { role, text };
    });
    let last = -1;
    for (let i = texts.length - 1; i >= 0; i--) {
      if (texts[i]?.role === 'user') {
        last = i;
        break;
      }
    }
    if (last < 0) throw new Refusal(400, 'question-required', 'Ask a question: there is no user message.');
    const question = questionOf(texts[last]?.text);
    const history = texts
      .slice(0, last)
      .filter((turn): turn is { role: 'user' | 'assistant'; text: string } => {
        return (turn.role === 'user' || turn.role === 'assistant') && turn.text.trim() !== '';
      })
      .map((turn) => ({ role: turn.role, content: turn.text.slice(0, MAX_TURN_CHARS) }))
      .slice(-MAX_HISTORY_TURNS);
    return { question, history };
  }

  const routes: Record<string, { method: 'GET' | 'POST'; run: (request: Request, url: URL) => Promise<Response> }> = {
    [QUERY_PATH]: { method: 'POST', run: handleQuery },
    [CHAT_PATH]: { method: 'POST', run: handleChat },
    [FEEDBACK_PATH]: { method: 'POST', run: handleFeedback },
    [FRESHNESS_PATH]: { method: 'GET', run: handleFreshness },
  };

  return async function jennyHandler(request: Request): Promise<Response> {
    try {
      const url = new URL(request.url);
      const path = url.pathname.replace(/\/+$/, '');
      const route =
        path.startsWith(basePath) && Object.hasOwn(routes, path.slice(basePath.length))
          ? routes[path.slice(basePath.length)]
          : undefined;
      if (!route) throw new Refusal(404, 'not-found', 'There is no such route here.');
      const method = request.method.toUpperCase();
      if (method !== route.method && !(route.method === 'GET' && method === 'HEAD')) {
        throw new Refusal(405, 'method-not-allowed', `Use ${route.method} here.`, {
          allow: route.method === 'GET' ? 'GET, HEAD' : route.method,
        });
      }
      return await route.run(request, url);
    } catch (error) {
      if (error instanceof Refusal) return errorResponse(error.status, error.code, error.message, error.headers);
      report(error);
      return errorResponse(500, 'failed', 'The server failed.');
    }
  };
}

/** Reads a JSON object body of at most `limit` bytes, or throws a Refusal (413, 400). */
async function readJsonBody(request: Request, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  let text = '';
  if (request.body) {
    const reader = request.body.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Refusal(
      400,
      'invalid-json',
      'The body is not JSON: send a JSON object (content-type: application/json).',
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Refusal(400, 'invalid-request', 'The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function tooLarge(limit: number): Refusal {
  return new Refusal(413, 'body-too-large', `The body is larger than ${Math.round(limit / 1024)} KiB.`);
}

function optionalText(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Refusal(400, 'invalid-request', `The ${name} must be a string.`);
  if (value.length > max) throw new Refusal(413, 'body-too-large', `The ${name} is longer than ${max} characters.`);
  return value;
}

function ratingOf(value: unknown): 'up' | 'down' {
  if (value === 'up' || value === 'down') return value;
  throw new Refusal(400, 'invalid-request', 'The rating must be "up" or "down".');
}

/** True when the request's Accept header names `type` (with any parameters, any case). */
function accepts(request: Request, type: string): boolean {
  const accept = request.headers.get('accept') ?? '';
  return accept
    .toLowerCase()
    .split(',')
    .some((item) => {
      const [name, ...params] = item.split(';').map((piece) => piece.trim());
      return name === type && !params.some((param) => /^q=0(\.0*)?$/.test(param));
    });
}

function outcomeOf(answer: JennyAnswer): JennyOutcome {
  if (answer.kind === 'clarify') return 'clarify';
  if (answer.kind === 'unsupported') return 'unsupported';
  return 'answered';
}

function failureOutcome(error: unknown, signal: AbortSignal): JennyOutcome {
  if (signal.aborted || isAbortError(error)) return 'aborted';
  if (error instanceof DataClientError && error.code === 'timeout') return 'timeout';
  return 'error';
}

/** A typed library error's message (they hold no secret or value); anything else is not repeated. */
function safeMessage(error: unknown, fallback = 'The answer failed.'): string {
  return error instanceof InsightPulseError ? error.message : fallback;
}

function rowsSentence(count: number, truncated: boolean): string {
  if (count === 0) return 'The query returned no rows.';
  const rows = `${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'}`;
  return truncated
    ? `The query returned more rows than the limit; here are the first ${rows}.`
    : `The query returned ${rows}.`;
}

function json(status: number, body: unknown): Response {
  return new Response(
    JSON.stringify(body, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)),
    {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    },
  );
}

function errorResponse(
  status: number,
  code: JennyHandlerErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const response = json(status, { error: { code, message } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
