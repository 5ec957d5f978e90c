import { SemanticError } from '../../semantic/errors';
import { isRecord } from '../../util/is-record';
import { abortedError, raceAbort, throwIfAborted } from '../abort';
import { DataClientError, HttpError, QueryError } from '../errors';
import { redactParams } from '../redact';
import type {
  CompiledQuery,
  FeedbackRequest,
  Freshness,
  QueryResult,
  SemanticRequest,
  Transport,
  TransportContext,
} from '../types';
import { ShapeReader } from './shape';

/** A PostgREST error as supabase-js reports it. */
export interface PostgrestErrorLike {
  message: string;
  /** A Postgres SQLSTATE (`42501`), a PostgREST code (`PGRST301`), or `''` when the request never got an answer. */
  code?: string;
  details?: string | null;
  hint?: string | null;
}

/** What awaiting a supabase-js builder gives. */
export interface PostgrestResponseLike {
  data: unknown;
  error: PostgrestErrorLike | null;
  /** The HTTP status; 0 when the request never got an answer. */
  status?: number;
}

/** A supabase-js request builder: awaitable, abortable. */
export interface PostgrestBuilderLike extends PromiseLike<PostgrestResponseLike> {
  abortSignal(signal: AbortSignal): PromiseLike<PostgrestResponseLike>;
}

/** A supabase-js filter builder: the few filters `freshness` uses. */
export interface PostgrestFilterBuilderLike extends PostgrestBuilderLike {
  filter(column: string, operator: string, value: unknown): PostgrestFilterBuilderLike;
  order(column: string, options?: { ascending?: boolean }): PostgrestFilterBuilderLike;
  limit(count: number): PostgrestFilterBuilderLike;
}

/**
 * The part of a supabase-js `SupabaseClient` this transport uses, typed structurally so that supabase-js stays an
 * optional peer dependency: any `createClient(...)` result fits.
 */
export interface SupabaseClientLike {
  rpc(fn: string, args?: Record<string, unknown>): PostgrestBuilderLike;
  from(relation: string): {
    insert(values: Record<string, unknown>): PostgrestBuilderLike;
    select(columns?: string): PostgrestFilterBuilderLike;
  };
}

export interface SupabaseTransportOptions {
  /** A supabase-js client (`createClient(url, key)`), signed in as whoever may run the queries. */
  client: SupabaseClientLike;
  /**
   * The Postgres function that runs a read-only statement, called as `rpc(name, { sql })`, or
   * `rpc(name, { sql, params })` when the statement has `$n` parameters (values are never inlined into the SQL),
   * so the function must accept a `params jsonb` argument (with a default) to run parameterised queries. It
   * returns the rows as a JSON array (`null` is read as no rows), or `{ rows, meta?, truncated? }`. It runs as
   * its own role: a compiled query's `role` is not passed. Default `'execute_safe_query'`.
   */
  rpc?: string;
  /**
   * Write a row to `jenny_queries` (space, sql, row_count, duration_ms, and error when it failed) after each
   * query that names a space. Best effort: a failed insert never fails the query. Default true.
   */
  logQueries?: boolean;
  /** Called when a `jenny_queries` insert fails. Default: ignore it. */
  onLogError?: (error: DataClientError) => void;
}

const NAME = 'supabase';

/**
 * A transport that runs SQL through a Supabase project (PostgREST): queries with the `execute_safe_query` RPC,
 * feedback into `jenny_feedback`, freshness from `data_lab_job_runs`. It cannot compile semantic requests (give
 * the client the spaces' definitions) and cannot `ask` (Jenny's answers need the platform's API).
 *
 * PostgREST errors become typed errors: insufficient privilege (42501), a write in a read-only transaction
 * (25006) and JWT or role errors become `'permission'` QueryErrors, a statement timeout (57014) a `'timeout'`
 * one, other database errors `'query'` ones with `sqlState`; gateway failures are `HttpError`s, no answer at all
 * a `'network'` error. Messages, and the errors logged to `jenny_queries`, never include parameter values: a value
 * the database quoted (`invalid input syntax for type integer: "…"`) is written as its `$n`.
 */
export function supabaseTransport(options: SupabaseTransportOptions): Transport {
  const { client } = options;
  const rpc = options.rpc ?? 'execute_safe_query';
  const logQueries = options.logQueries ?? true;

  function run(builder: PostgrestBuilderLike, signal: AbortSignal): Promise<PostgrestResponseLike> {
    return raceAbort(Promise.resolve(builder.abortSignal(signal)), signal, NAME);
  }

  function log(row: Record<string, unknown>): void {
    let pending: PromiseLike<PostgrestResponseLike>;
    try {
      pending = client.from('jenny_queries').insert(row);
    } catch (error) {
      options.onLogError?.(new DataClientError('query', 'Could not log the query', { transport: NAME, cause: error }));
      return;
    }
    Promise.resolve(pending).then(
      ({ error, status }) => {
        if (error) options.onLogError?.(toError(error, status, 'Logging the query to jenny_queries'));
      },
      (error: unknown) =>
        options.onLogError?.(
          new DataClientError('query', 'Could not log the query', { transport: NAME, cause: error }),
        ),
    );
  }

  return {
    name: NAME,

    async query(query: CompiledQuery | SemanticRequest, ctx: TransportContext): Promise<QueryResult> {
      if (!('sql' in query)) {
        throw new SemanticError(
          `The supabase transport cannot compile semantic requests (space "${query.space}"): ` +
            'give the data client the space definition',
          { available: [] },
        );
      }
      throwIfAborted(ctx.signal, NAME);
      const args: Record<string, unknown> = query.params.length
        ? { sql: query.sql, params: query.params }
        : { sql: query.sql };
      const space = query.request.space;
      const started = Date.now();
      const { data, error, status } = await run(client.rpc(rpc, args), ctx.signal);
      const durationMs = Date.now() - started;
      if (error) {
        // The message (and so the logged error) names each parameter as $n, never its value.
        const failure = toError(error, status, `The ${rpc} call`, ctx.signal, query.params);
        if (logQueries && space && failure.code !== 'aborted') {
          log({ space, sql: query.sql, duration_ms: Math.round(durationMs), error: failure.message.slice(0, 1000) });
        }
        throw failure;
      }
      const result = parseRows(data, new ShapeReader(NAME, `rpc ${rpc}`));
      if (logQueries && space) {
        log({ space, sql: query.sql, row_count: result.rowCount, duration_ms: Math.round(durationMs) });
      }
      return { ...result, sql: result.sql ?? query.sql, durationMs: result.durationMs ?? durationMs };
    },

    async feedback(request: FeedbackRequest, ctx: TransportContext): Promise<void> {
      throwIfAborted(ctx.signal, NAME);
      const row = {
        space: request.space,
        question: request.question,
        rating: request.rating,
        comment: request.comment ?? null,
        sql: request.sql ?? null,
      };
      const { error, status } = await run(client.from('jenny_feedback').insert(row), ctx.signal);
      if (error) throw toError(error, status, 'Saving feedback to jenny_feedback', ctx.signal, Object.values(row));
    },

    async freshness(source: string, ctx: TransportContext): Promise<Freshness> {
      throwIfAborted(ctx.signal, NAME);
      const builder = client
        .from('data_lab_job_runs')
        .select('job_name,status,rows_written,started_at,finished_at')
        .filter('job_name', 'eq', source)
        .order('started_at', { ascending: false })
        .limit(1);
      const { data, error, status } = await run(builder, ctx.signal);
      if (error) throw toError(error, status, 'Reading data_lab_job_runs', ctx.signal, [source]);
      const shape = new ShapeReader(NAME, 'select data_lab_job_runs');
      const rows = shape.rows(data, '$');
      const last = rows[0];
      if (!last) return { source };
      return {
        source,
        updatedAt: shape.optionalString(last.finished_at, '$[0].finished_at'),
        status: shape.optionalString(last.status, '$[0].status'),
        rowsWritten: shape.optionalNumber(last.rows_written, '$[0].rows_written', { integer: true, min: 0 }),
      };
    },
  };
}

/** The RPC's answer: an array of rows, `null` (no rows), or `{ rows, meta?, truncated?, row_count? }`. */
function parseRows(data: unknown, shape: ShapeReader): QueryResult {
  if (data === null || data === undefined) return { rows: [], meta: [], rowCount: 0, truncated: false };
  if (Array.isArray(data)) {
    const rows = shape.rows(data, '$');
    return { rows, meta: [], rowCount: rows.length, truncated: false };
  }
  if (!isRecord(data)) return shape.fail('$', 'an array of rows or an object with rows', data);
  const rows = shape.rows(data.rows, 'rows');
  return {
    rows,
    meta: shape.meta(data.meta, 'meta') ?? [],
    rowCount: shape.optionalNumber(data.row_count, 'row_count', { integer: true, min: 0 }) ?? rows.length,
    truncated: shape.optionalBoolean(data.truncated, 'truncated') ?? false,
    sql: shape.optionalString(data.sql, 'sql'),
    durationMs: shape.optionalNumber(data.duration_ms, 'duration_ms', { min: 0 }),
  };
}

const PERMISSION_STATES = new Set(['42501', '25006', '28000', '28P01']);

/**
 * A PostgREST error as a typed error. Messages carry the database's words, never the client's keys nor a
 * parameter's value: each of `params` that the database quoted is written as its `$n`.
 */
function toError(
  error: PostgrestErrorLike,
  status: number | undefined,
  what: string,
  signal?: AbortSignal,
  params: readonly unknown[] = [],
): DataClientError {
  if (signal?.aborted) return abortedError(signal.reason, NAME);
  const code = error.code ?? '';
  const reason = redactParams(String(error.message ?? ''), params).slice(0, 500);
  if (!status) {
    if (/AbortError/.test(reason)) return abortedError(undefined, NAME);
    return new DataClientError('network', `${what} could not reach Supabase (offline, refused or reset)`, {
      transport: NAME,
    });
  }
  const options = { transport: NAME, sqlState: code || undefined };
  if (PERMISSION_STATES.has(code) || code.startsWith('PGRST3') || status === 401 || status === 403) {
    return new QueryError('permission', `${what} was refused: ${reason}`, options);
  }
  if (code === '57014') return new QueryError('timeout', `${what} timed out: ${reason}`, options);
  if (status >= 500 && (code === '' || code.startsWith('PGRST'))) {
    return new HttpError(status, `${what} failed with HTTP ${status}: ${reason}`, { transport: NAME });
  }
  return new QueryError('query', `${what} failed: ${reason}`, options);
}
