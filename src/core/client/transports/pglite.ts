import type { PGliteInterface, Results, Transaction } from '@electric-sql/pglite';
import type { ColumnMeta, Row } from '../../adapter/types';
import { SemanticError } from '../../semantic/errors';
import type { SpaceDefinition } from '../../semantic/types';
import { abortedError, raceAbort } from '../abort';
import { DataClientError, QueryError } from '../errors';
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
import {
  CURSOR,
  checkRole as checkRoleName,
  columnType,
  DEFAULT_ROLES,
  FEEDBACK_SQL,
  FRESHNESS_SQL,
  feedbackParams,
  freshnessOf,
  statementKind as kindOf,
  leftRoleError,
  now,
  PARSERS,
  ROLE_CHECK_SQL,
  type RoleCheckRow,
  refuseUnfitRole,
  type StatementKind,
  semanticRefusal,
  toQueryError as toSharedQueryError,
} from './sql-safety';

/** Jenny's engine, loaded with the first question (`import('../../jenny/engine')`). */
type JennyEngineModule = typeof import('../../jenny/engine');
type JennyEngine = ReturnType<JennyEngineModule['createJennyEngine']>;

/**
 * The part of a PGlite database this transport uses, typed structurally so that `@electric-sql/pglite` stays an
 * optional peer dependency: a `PGlite` (or a `PGliteWorker`) fits.
 */
export type PGliteLike = Pick<PGliteInterface, 'query' | 'transaction'>;

export interface PGliteTransportOptions {
  /** The database, connected as the warehouse's owner: `createDemoWarehouse().db`. */
  db: PGliteLike;
  /** The role a query runs as when it names none. Default `'jenny_readonly'`. */
  defaultRole?: string;
  /**
   * The roles the transport runs as: a query naming any other role is refused with a `'permission'` QueryError
   * before anything runs. `defaultRole` is always allowed. Default `['jenny_readonly', 'superset_readonly']`.
   * Whatever this says, the transport never runs as a superuser, a role that bypasses row-level security, or a
   * member of such a role or of `pg_read_all_data` / `pg_write_all_data` (checked once per role, as the owner).
   */
  roles?: readonly string[];
  /**
   * The longest a statement may run, in ms; 0 for no limit. Default 5000. PGlite runs Postgres on the JavaScript
   * thread and cannot interrupt a running statement (it ignores `statement_timeout`, which needs a timer signal), so
   * a statement that takes longer still runs to its end, but its result is discarded and the query rejects with a
   * `'timeout'` QueryError. (`SET LOCAL statement_timeout` is issued as well, for a Postgres that honours it.)
   */
  statementTimeoutMs?: number;
  /** The most rows a result holds; more set `truncated`. Default 10,000. */
  maxRows?: number;
  /** Write a row to `public.jenny_queries` after each query (as the owner). Default true. */
  log?: boolean;
  /** Called when a `jenny_queries` insert fails; a failed insert never fails the query. Default: ignore it. */
  onLogError?: (error: DataClientError) => void;
  /**
   * The spaces `ask` answers in. Default the data client's (`createDataClient({ spaces })` hands them to `ask`).
   */
  spaces?: readonly SpaceDefinition[];
  /**
   * The day Jenny counts relative periods ("last 30 days") from: an ISO day, `'calendar'` (today, UTC), or
   * `'data'`: the day before the space's freshness job last finished (the demo warehouse's nightly load finished on
   * 2026-01-01, so 2025-12-31), else the calendar day. Default `'data'`.
   */
  today?: 'calendar' | 'data' | (string & {});
}

const NAME = 'pglite';

/**
 * A transport that runs SQL on an embedded PGlite database, such as the demo warehouse (`createDemoWarehouse`).
 *
 * Each compiled query runs in a read-only transaction as its role (`SET LOCAL ROLE`, default `jenny_readonly`)
 * with a statement timeout. Only the roles of the `roles` option run (default `jenny_readonly` and
 * `superset_readonly`), and never one that is a superuser, bypasses row-level security or is a member of such a
 * role or of `pg_read_all_data` / `pg_write_all_data`: those are refused with a `'permission'` QueryError.
 * Queries (SELECT, WITH, VALUES, TABLE) read through a cursor capped at `maxRows + 1` rows; SHOW and EXPLAIN run as
 * they are; any other statement (its first keyword read as Postgres reads it, past nested comments) is refused with a
 * `'permission'` QueryError before it reaches the database. The transaction always ends with ROLLBACK: a read-only
 * statement has nothing to commit, and rolling back undoes any session setting the statement made. After the
 * statement the transport checks that the role is still the one it set, and refuses the result otherwise. Queries run
 * one at a time (PGlite has one connection), in call order.
 *
 * PGlite's session is a superuser's, and `SET ROLE` trusts the session user: give this transport a database whose
 * PUBLIC may not call `set_config`, use PL/pgSQL nor take session-level advisory locks (`createDemoWarehouse` does
 * this), or a statement could leave its role from inside a function, or leave a lock behind that outlives the
 * ROLLBACK.
 *
 * Errors: insufficient privilege (42501) and a write in a read-only transaction (25006) become `'permission'`
 * QueryErrors naming the role, a cancelled statement (57014) or one past the timeout a `'timeout'` one, other
 * database errors `'query'` ones with `sqlState`. Messages never include parameter values. A semantic request
 * rejects with a SemanticError: the client compiles semantic queries, this transport only runs SQL.
 *
 * `freshness` reads the latest `public.data_lab_job_runs` row for the source and `feedback` writes
 * `public.jenny_feedback`, both as the owner. Every call honours its signal: an abort rejects at once with an
 * `'aborted'` DataClientError, and a call still waiting its turn never runs (PGlite cannot cancel a statement
 * that has started: it runs to its end and its result is dropped).
 *
 * `ask` answers Jenny's questions with no server: the offline interpreter reads the question and `answerQuestion`
 * builds the answer from rows this transport returns, in the spaces of the `spaces` option or of the data client.
 * Jenny's code (`jenny/engine`) loads with the first question, so the transport itself stays small.
 */
export function pgliteTransport(options: PGliteTransportOptions): Transport {
  const { db } = options;
  const defaultRole = options.defaultRole ?? 'jenny_readonly';
  const timeoutMs = options.statementTimeoutMs ?? 5000;
  const maxRows = options.maxRows ?? 10_000;
  const log = options.log ?? true;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`statementTimeoutMs must be 0 (no limit) or a positive number of ms, not ${timeoutMs}`);
  }
  if (!Number.isSafeInteger(maxRows) || maxRows < 1) {
    throw new RangeError(`maxRows must be a whole number of at least 1, not ${maxRows}`);
  }
  checkRole(defaultRole);
  const allowedRoles = new Set<string>([defaultRole, ...(options.roles ?? DEFAULT_ROLES)]);
  for (const role of allowedRoles) checkRole(role);
  /** Roles the database has been asked about and found fit (a refusal is asked again next time). */
  const fitRoles = new Set<string>();

  /** The tail of the queue: every call waits for the one before it. */
  let tail: Promise<unknown> = Promise.resolve();

  /**
   * Runs `work` after every earlier call has finished, unless `signal` aborts first (then it never runs). The
   * caller's promise rejects the moment the signal aborts, whether `work` has started or not.
   */
  function enqueue<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortedError(signal.reason, NAME));
    const run = tail.then(() => {
      if (signal?.aborted) throw abortedError(signal.reason, NAME);
      return work();
    });
    tail = run.catch(() => undefined);
    return raceAbort(run, signal, NAME);
  }

  async function writeLog(query: CompiledQuery, rowCount: number | null, durationMs: number, error?: string) {
    try {
      await db.query(
        'insert into public.jenny_queries (space, sql, row_count, duration_ms, error) values ($1, $2, $3, $4, $5)',
        [query.request?.space ?? '', query.sql, rowCount, Math.round(durationMs), error?.slice(0, 1000) ?? null],
      );
    } catch (cause) {
      options.onLogError?.(
        new DataClientError('query', 'Could not log the query to public.jenny_queries', { transport: NAME, cause }),
      );
    }
  }

  /**
   * Refuses a role that could read or write past the warehouse's grants: a superuser, a role that bypasses
   * row-level security, or a member of one or of pg_read_all_data / pg_write_all_data. Asked once per role.
   */
  async function checkRoleIsFit(role: string): Promise<void> {
    if (fitRoles.has(role)) return;
    let result: Results<RoleCheckRow>;
    try {
      result = await db.query(ROLE_CHECK_SQL, [role]);
    } catch (error) {
      throw toQueryError(error, undefined, [], `Checking role "${role}"`);
    }
    refuseUnfitRole(result.rows[0], role, NAME);
    fitRoles.add(role);
  }

  /** The statement in a read-only transaction as `role`; rejects with a QueryError. */
  async function execute(
    query: CompiledQuery,
    role: string,
    onLate: (error: QueryError) => void,
  ): Promise<QueryResult> {
    const params = [...(query.params ?? [])];
    const kind = statementKind(query.sql, role);
    let started = 0;
    let elapsed = 0;
    const timedOut = () => timeoutMs > 0 && elapsed > timeoutMs;
    try {
      return await db.transaction(async (tx) => {
        await tx.exec(
          `set transaction read only; set local role "${role}"; set local statement_timeout = ${Math.ceil(timeoutMs)}`,
        );
        started = now();
        // Rejects the caller at the deadline when the database answers late without blocking (a PGliteWorker);
        // an in-thread PGlite blocks until the statement ends, and the check after it applies.
        const deadline =
          timeoutMs > 0 ? setTimeout(() => onLate(timeoutError(timeoutMs, false)), timeoutMs) : undefined;
        let result: Results<Row>;
        let current: Results<{ role: string }>;
        try {
          result = await runStatement(tx, kind, query.sql, params, maxRows);
          current = await tx.query<{ role: string }>('select current_user as role');
        } finally {
          clearTimeout(deadline);
          elapsed = now() - started;
        }
        if (current.rows[0]?.role !== role) {
          throw leftRoleError(role, NAME);
        }
        if (timedOut()) throw timeoutError(timeoutMs, true);
        const truncated = result.rows.length > maxRows;
        const rows = truncated ? result.rows.slice(0, maxRows) : result.rows;
        const meta: ColumnMeta[] = result.fields.map((field) => ({
          name: field.name,
          type: columnType(field.dataTypeID),
        }));
        await tx.rollback();
        return { rows, meta, sql: query.sql, rowCount: rows.length, truncated, durationMs: Math.round(elapsed) };
      });
    } catch (error) {
      if (started && !elapsed) elapsed = now() - started;
      if (error instanceof DataClientError) throw error;
      if (timedOut()) throw timeoutError(timeoutMs, true);
      throw toQueryError(error, role, params);
    }
  }

  /** One engine per transport (and per set of spaces), made with the first question. */
  let jenny: { spaces: object; engine: Promise<JennyEngine> } | undefined;

  const transport: Transport = {
    name: NAME,

    query(query: CompiledQuery | SemanticRequest, ctx: TransportContext): Promise<QueryResult> {
      if (!('sql' in query) || typeof query.sql !== 'string') {
        return Promise.reject(semanticRefusal(NAME, query as SemanticRequest));
      }
      const role = query.role ?? defaultRole;
      try {
        checkRole(role);
        if (!allowedRoles.has(role)) {
          throw new QueryError(
            'permission',
            `The query cannot run as role "${role}": the pglite transport runs only as ` +
              `${[...allowedRoles].map((name) => `"${name}"`).join(', ')} (its roles option)`,
            { transport: NAME },
          );
        }
      } catch (error) {
        return Promise.reject(error);
      }
      let onLate: (error: QueryError) => void = () => undefined;
      const late = new Promise<never>((_, reject) => {
        onLate = reject;
      });
      late.catch(() => undefined);
      const job = enqueue(ctx?.signal, async () => {
        const started = now();
        try {
          await checkRoleIsFit(role);
          const result = await execute(query, role, onLate);
          if (log) await writeLog(query, result.rowCount, result.durationMs ?? now() - started);
          return result;
        } catch (error) {
          if (log) await writeLog(query, null, now() - started, error instanceof Error ? error.message : String(error));
          throw error;
        }
      });
      return Promise.race([job, late]);
    },

    /**
     * Jenny on the embedded warehouse, without a server: the offline interpreter reads the question, and the answer is
     * built from rows this transport returns (`answerQuestion`). Jenny's code loads with the first question.
     */
    ask(request: AskRequest, ctx: AskContext): Promise<JennyAnswer> {
      if (ctx?.signal?.aborted) return Promise.reject(abortedError(ctx.signal.reason, NAME));
      const spaces = options.spaces ?? ctx?.spaces;
      if (!spaces || (Array.isArray(spaces) ? spaces.length : (spaces as ReadonlyMap<string, unknown>).size) === 0) {
        return Promise.reject(
          new SemanticError(
            `The pglite transport cannot answer "${request.space}": it has no space definitions (known spaces: none). ` +
              'Give pgliteTransport or the data client its spaces',
            { available: [] },
          ),
        );
      }
      if (!jenny || jenny.spaces !== spaces) {
        const engine = import('../../jenny/engine').then(({ createJennyEngine, transportSource }) =>
          createJennyEngine({ source: transportSource(transport, spaces), today: options.today ?? 'data' }),
        );
        const made = { spaces, engine };
        // A failed load is tried again with the next question.
        engine.catch(() => {
          if (jenny === made) jenny = undefined;
        });
        jenny = made;
      }
      return raceAbort(
        jenny.engine.then((engine) =>
          engine.ask(request, { signal: ctx?.signal, onPart: ctx?.onPart, onText: ctx?.onText }),
        ),
        ctx?.signal,
        NAME,
      );
    },

    freshness(source: string, ctx: TransportContext): Promise<Freshness> {
      return enqueue(ctx?.signal, async () => {
        let result: Results<Record<string, unknown>>;
        try {
          result = await db.query(FRESHNESS_SQL, [source], { parsers: PARSERS });
        } catch (error) {
          throw toQueryError(error, undefined, [source], 'Reading public.data_lab_job_runs');
        }
        return freshnessOf(source, result.rows[0]);
      });
    },

    feedback(request: FeedbackRequest, ctx: TransportContext): Promise<void> {
      const params = feedbackParams(request);
      return enqueue(ctx?.signal, async () => {
        try {
          await db.query(FEEDBACK_SQL, params);
        } catch (error) {
          throw toQueryError(error, undefined, params, 'Saving feedback to public.jenny_feedback');
        }
      });
    },
  };
  return transport;
}

/** How a statement runs, or a `'permission'` QueryError refusing it (see sql-safety's `statementKind`). */
function statementKind(sql: string, role: string): StatementKind {
  return kindOf(sql, role, NAME);
}

/** Runs one statement and returns at most `maxRows + 1` rows (a query stops there; SHOW and EXPLAIN are cut after). */
async function runStatement(
  tx: Transaction,
  kind: StatementKind,
  sql: string,
  params: unknown[],
  maxRows: number,
): Promise<Results<Row>> {
  if (kind === 'query') {
    await tx.query(`declare ${CURSOR} no scroll cursor for ${sql}\n`, params);
    return tx.query<Row>(`fetch forward ${maxRows + 1} from ${CURSOR}`, [], { parsers: PARSERS });
  }
  return tx.query<Row>(sql, params, { parsers: PARSERS });
}

function checkRole(role: string): void {
  checkRoleName(role, NAME);
}

function timeoutError(timeoutMs: number, ran: boolean): QueryError {
  return new QueryError(
    'timeout',
    `The statement ran longer than the ${timeoutMs} ms statement timeout` +
      (ran ? ' and its result was discarded' : '') +
      ' (PGlite cannot interrupt a running statement)',
    { transport: NAME, sqlState: '57014' },
  );
}

/** A Postgres error as a QueryError whose message holds no parameter value (see sql-safety's `toQueryError`). */
function toQueryError(error: unknown, role: string | undefined, params: readonly unknown[], what = 'The query') {
  return toSharedQueryError(error, role, params, what, NAME);
}
