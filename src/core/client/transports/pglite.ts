import type { PGliteInterface, Results, Transaction } from '@electric-sql/pglite';
import type { ColumnMeta, ColumnType, Row } from '../../adapter/types';
import { SemanticError } from '../../semantic/errors';
import { parseIsoDate } from '../../util/iso-date';
import { abortedError, raceAbort } from '../abort';
import { DataClientError, QueryError } from '../errors';
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
}

const NAME = 'pglite';

/** Role names: unquoted lower-case PostgreSQL identifiers, at most 63 bytes. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The roles the transport runs as unless its `roles` option says otherwise. */
const DEFAULT_ROLES: readonly string[] = ['jenny_readonly', 'superset_readonly'];

/**
 * What makes a role unfit to run a caller's SQL: superuser, BYPASSRLS, or being (or being a member, direct or not,
 * of) a role that is either, or `pg_read_all_data` / `pg_write_all_data`. Run as the owner, the role's name as `$1`.
 */
const ROLE_CHECK_SQL = `
  select r.rolsuper as superuser, r.rolbypassrls as bypass_rls,
    array(
      select g.rolname::text from pg_catalog.pg_roles g
       where (g.rolsuper or g.rolbypassrls or g.rolname in ('pg_read_all_data', 'pg_write_all_data'))
         and pg_catalog.pg_has_role(r.oid, g.oid, 'member')
       order by g.rolname
    ) as powerful
  from pg_catalog.pg_roles r
  where r.rolname = $1`;

/** Queries: read through a cursor, so Postgres stops after `maxRows + 1` rows. */
const QUERY_KEYWORDS = new Set(['select', 'with', 'values', 'table']);
/** The other statements that run (as they are); every other statement is refused before it reaches Postgres. */
const OTHER_KEYWORDS = new Set(['show', 'explain']);

/** Postgres' white space (`space` in its lexer, scan.l); anything else, a no-break space included, is not. */
const PG_SPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);
/** A keyword or identifier as Postgres' lexer reads one: bytes from 0x80 up (any non-ASCII) are letters. */
const PG_WORD = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/;

const CURSOR = 'insightpulse_rows';

/** PostgreSQL type OIDs by column type; every other type is a string. */
const NUMBER_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);
const DATE_TYPES = new Set([1082, 1114, 1184]);
const BOOLEAN_TYPE = 16;

/**
 * How values arrive: numbers (numeric and int8 come as text from PostgreSQL) as numbers, dates as ISO 8601 strings
 * (`2025-12-31`; timestamps with a zone in UTC, `2026-01-01T02:04:12.000Z`), so results look like what the HTTP
 * transports return.
 */
const PARSERS: Record<number, (text: string) => unknown> = {
  20: Number,
  1700: Number,
  1082: (text) => text,
  1114: (text) => text.replace(' ', 'T'),
  1184: timestamptz,
};

function timestamptz(text: string): string {
  const iso = text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const time = parseIsoDate(iso);
  return time === undefined ? text : new Date(time).toISOString();
}

function columnType(oid: number): ColumnType {
  if (NUMBER_TYPES.has(oid)) return 'number';
  if (DATE_TYPES.has(oid)) return 'date';
  if (oid === BOOLEAN_TYPE) return 'boolean';
  return 'string';
}

/** A PGlite (Postgres) error's fields this transport reads. */
interface PostgresErrorLike {
  code?: unknown;
  message?: unknown;
}

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
    let result: Results<{ superuser: boolean; bypass_rls: boolean; powerful: string[] }>;
    try {
      result = await db.query(ROLE_CHECK_SQL, [role]);
    } catch (error) {
      throw toQueryError(error, undefined, [], `Checking role "${role}"`);
    }
    const row = result.rows[0];
    if (!row) {
      throw new QueryError('permission', `The query cannot run as role "${role}": the database has no such role`, {
        transport: NAME,
        sqlState: '22023',
      });
    }
    const why = row.superuser
      ? 'it is a superuser'
      : row.bypass_rls
        ? 'it bypasses row-level security'
        : row.powerful.length > 0
          ? `it has the privileges of ${row.powerful.map((name) => `"${name}"`).join(', ')}`
          : undefined;
    if (why) {
      throw new QueryError(
        'permission',
        `The query was refused: the pglite transport does not run as role "${role}" because ${why}; ` +
          'use a read-only role',
        { transport: NAME, sqlState: '42501' },
      );
    }
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
          throw new QueryError('permission', `The statement tried to leave role "${role}": its result was refused`, {
            transport: NAME,
            sqlState: '42501',
          });
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

  return {
    name: NAME,

    query(query: CompiledQuery | SemanticRequest, ctx: TransportContext): Promise<QueryResult> {
      if (!('sql' in query) || typeof query.sql !== 'string') {
        return Promise.reject(
          new SemanticError(
            `The pglite transport runs SQL and cannot compile semantic requests (space "${(query as SemanticRequest).space}"): ` +
              'give the data client the space definition',
          ),
        );
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

    freshness(source: string, ctx: TransportContext): Promise<Freshness> {
      return enqueue(ctx?.signal, async () => {
        let result: Results<Record<string, unknown>>;
        try {
          result = await db.query(
            `select status, rows_written, finished_at
               from public.data_lab_job_runs
              where job_name = $1
              order by started_at desc, run_id desc
              limit 1`,
            [source],
            { parsers: PARSERS },
          );
        } catch (error) {
          throw toQueryError(error, undefined, [source], 'Reading public.data_lab_job_runs');
        }
        const last = result.rows[0] as
          | { status: string | null; rows_written: number | null; finished_at: string | null }
          | undefined;
        if (!last) return { source };
        return {
          source,
          updatedAt: last.finished_at ?? undefined,
          status: last.status ?? undefined,
          rowsWritten: last.rows_written ?? undefined,
        };
      });
    },

    feedback(request: FeedbackRequest, ctx: TransportContext): Promise<void> {
      const params = [request.space, request.question, request.rating, request.comment ?? null, request.sql ?? null];
      return enqueue(ctx?.signal, async () => {
        try {
          await db.query(
            'insert into public.jenny_feedback (space, question, rating, comment, sql) values ($1, $2, $3, $4, $5)',
            params,
          );
        } catch (error) {
          throw toQueryError(error, undefined, params, 'Saving feedback to public.jenny_feedback');
        }
      });
    },
  };
}

type StatementKind = 'query' | 'other';

/**
 * How a statement runs: a query (SELECT, WITH, VALUES, TABLE) through a cursor, SHOW and EXPLAIN as they are.
 * Anything else (a write, SET, DO, CALL, PREPARE, COMMIT, LISTEN, …) is refused: a read-only role has no use for
 * it, and some of it (SET ROLE, a DO block) could try to leave the role, which PGlite's superuser session would
 * otherwise allow, or outlive the ROLLBACK (a prepared statement). The first keyword is found the way Postgres'
 * lexer finds it (nested block comments included), and a statement whose start Postgres would not read the same
 * way (an unterminated comment) is refused.
 */
function statementKind(sql: string, role: string): StatementKind {
  const start = firstTokenAt(sql);
  if (start < 0) {
    throw new QueryError(
      'permission',
      `The statement is refused: it opens a /* comment it never closes (role "${role}" is read-only)`,
      { transport: NAME },
    );
  }
  const word = PG_WORD.exec(sql.slice(start))?.[0] ?? '';
  // Postgres folds only ASCII letters when it matches keywords.
  const keyword = word.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  if (QUERY_KEYWORDS.has(keyword)) return 'query';
  if (OTHER_KEYWORDS.has(keyword)) return 'other';
  const what = /^[a-z_]{1,30}$/.test(keyword) ? `${keyword.toUpperCase()} is` : 'The statement is';
  throw new QueryError(
    'permission',
    `${what} refused: role "${role}" is read-only, and the pglite transport ` +
      'runs only queries (SELECT, WITH, VALUES, TABLE), SHOW and EXPLAIN',
    { transport: NAME },
  );
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

/**
 * Where the first token of `sql` starts, skipping what Postgres' lexer skips before it: white space, `--` comments
 * (to the end of the line, which `\n` or `\r` ends), block comments (which nest: an inner opening needs its own
 * closing, and only the outer one ends the comment) and opening parentheses. -1 when a block comment is never closed
 * (Postgres refuses the statement).
 */
function firstTokenAt(sql: string): number {
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (PG_SPACE.has(c) || c === '(') {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      i += 2;
      while (i < sql.length && sql[i] !== '\n' && sql[i] !== '\r') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      i += 2;
      for (let depth = 1; depth > 0; ) {
        if (i >= sql.length) return -1;
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else {
          i++;
        }
      }
    } else {
      break;
    }
  }
  return i;
}

function checkRole(role: string): void {
  if (typeof role !== 'string' || !ROLE_NAME.test(role)) {
    throw new QueryError(
      'permission',
      `Cannot run as role ${JSON.stringify(String(role)).slice(0, 80)}: a role is a lower-case identifier (letters, digits, _)`,
      { transport: NAME },
    );
  }
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

/**
 * A Postgres error as a QueryError whose message holds no parameter value. `role` is the read-only role the
 * statement ran as; undefined for the owner's own statements (freshness, feedback).
 */
function toQueryError(error: unknown, role: string | undefined, params: readonly unknown[], what = 'The query') {
  const pg = (typeof error === 'object' && error !== null ? error : {}) as PostgresErrorLike;
  const sqlState = typeof pg.code === 'string' ? pg.code : undefined;
  const message = redactParams(typeof pg.message === 'string' ? pg.message : String(error), params);
  const options = { transport: NAME, sqlState };
  if (role && sqlState === '42501') {
    return new QueryError(
      'permission',
      `${what} was refused: role "${role}" is read-only and may read only the warehouse's curated schemas (${message})`,
      options,
    );
  }
  // A query is read through a cursor, and DECLARE refuses a write in WITH before the read-only check would.
  if (role && (sqlState === '25006' || (sqlState === '0A000' && /data-modifying/.test(message)))) {
    return new QueryError(
      'permission',
      `${what} tried to write, but role "${role}" is read-only (${message})`,
      options,
    );
  }
  if (role && sqlState === '22023' && /^role ".*" does not exist$/.test(message)) {
    return new QueryError('permission', `${what} cannot run as role "${role}": the database has no such role`, options);
  }
  if (sqlState === '42501' || sqlState === '25006')
    return new QueryError('permission', `${what} was refused: ${message}`, options);
  if (sqlState === '57014') return new QueryError('timeout', `${what} was cancelled: ${message}`, options);
  return new QueryError('query', `${what} failed: ${message}`, options);
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
