import type { ColumnMeta, Row } from '../../adapter/types';
import { abortedError, raceAbort } from '../abort';
import { DataClientError, QueryError } from '../errors';
import type {
  CompiledQuery,
  FeedbackRequest,
  Freshness,
  JennyLogEntry,
  QueryResult,
  SemanticRequest,
  Transport,
  TransportContext,
} from '../types';
import {
  CURSOR,
  checkRole,
  checkRoleAllowed,
  columnType,
  DEFAULT_ROLES,
  FEEDBACK_SQL,
  FRESHNESS_SQL,
  feedbackParams,
  freshnessOf,
  leftRoleError,
  now,
  PARSERS,
  ROLE_CHECK_SQL,
  type RoleCheckRow,
  refuseUnfitRole,
  type StatementKind,
  semanticRefusal,
  statementKind,
  toQueryError,
} from './sql-safety';

/** A text-format value parser, as node-postgres calls one. */
type TypeParser = (text: string) => unknown;

/** The query config this transport sends: node-postgres' `QueryConfig`. */
export interface PgQueryConfig {
  text: string;
  values?: unknown[];
  types?: { getTypeParser(oid: number, format?: 'text' | 'binary'): unknown };
}

/** What node-postgres answers: the rows, with each column's name and type OID. */
export interface PgResultLike {
  rows: Record<string, unknown>[];
  fields: { name: string; dataTypeID: number }[];
}

/** A connection checked out of the pool: node-postgres' `PoolClient`. */
export interface PgPoolClientLike {
  query(config: PgQueryConfig): Promise<PgResultLike>;
  /** Gives the connection back; `true` (or an error) closes it instead. */
  release(destroy?: boolean | Error): void;
  /** The connection's own type parsers (node-postgres' `getTypeParser`), for types this transport does not parse. */
  getTypeParser?(oid: number, format?: 'text' | 'binary'): unknown;
}

/**
 * The part of a node-postgres `Pool` this transport uses, typed structurally so that `pg` stays an optional peer
 * dependency: a `pg.Pool` fits (so does any pool with the same `connect` and `query`).
 */
export interface PgPoolLike {
  connect(): Promise<PgPoolClientLike>;
  query(config: PgQueryConfig): Promise<PgResultLike>;
}

export interface PostgresTransportOptions {
  /**
   * A node-postgres pool (`new pg.Pool({ connectionString })`) whose user owns the warehouse's logs (it writes
   * `public.jenny_queries` and `public.jenny_feedback` and reads `public.data_lab_job_runs`) and may `SET ROLE` to
   * the read-only roles (a member of each: `GRANT jenny_readonly TO app_user`). The transport never ends it.
   */
  pool: PgPoolLike;
  /** The role a query runs as when it names none. Default `'jenny_readonly'`. */
  defaultRole?: string;
  /**
   * The roles the transport runs as: a query naming any other role is refused with a `'permission'` QueryError
   * before anything runs. `defaultRole` is always allowed. Default `['jenny_readonly', 'superset_readonly']`.
   * Whatever this says, the transport never runs as a superuser, a role that bypasses row-level security, or a
   * member of such a role or of `pg_read_all_data` / `pg_write_all_data` (checked once per role, as the pool's user).
   */
  roles?: readonly string[];
  /** The longest a statement may run, in ms (`SET LOCAL statement_timeout`); 0 for no limit. Default 5000. */
  statementTimeoutMs?: number;
  /** The most rows a result holds; more set `truncated`. Default 10,000. */
  maxRows?: number;
}

/** The postgres transport: a `Transport` that also writes the question log. */
export interface PostgresTransport extends Transport {
  readonly name: 'postgres';
  /**
   * Writes one row to `public.jenny_queries` (space, question, sql, row_count, duration_ms, error, outcome) as the
   * pool's user. Rejects with a `'query'` QueryError when the insert fails.
   */
  logQuestion(entry: JennyLogEntry, ctx?: Partial<TransportContext>): Promise<void>;
}

const NAME = 'postgres';

/** How long a cancel may take to reach the server before the connection is closed instead, in ms. */
const CANCEL_GRACE_MS = 2000;

/** Parsers for the common types, for a connection that does not offer node-postgres' own. */
const BASIC_PARSERS: Readonly<Record<number, TypeParser>> = {
  16: (text) => text === 't' || text === 'true',
  21: Number,
  23: Number,
  26: Number,
  700: Number,
  701: Number,
  114: (text) => JSON.parse(text),
  3802: (text) => JSON.parse(text),
};

const identity: TypeParser = (text) => text;

/** The `types` of a query: PARSERS first, then the connection's own parsers (or BASIC_PARSERS). */
function typesOf(client?: PgPoolClientLike): NonNullable<PgQueryConfig['types']> {
  return {
    getTypeParser: (oid, format) =>
      PARSERS[oid] ??
      (typeof client?.getTypeParser === 'function' ? client.getTypeParser(oid, format) : undefined) ??
      BASIC_PARSERS[oid] ??
      identity,
  };
}

/**
 * A transport that runs SQL on a real PostgreSQL (or Supabase's Postgres) through node-postgres' `Pool`, with the
 * same read-only rules as the pglite transport.
 *
 * Each statement checks out a connection and runs in a `READ ONLY` transaction as its role (`SET LOCAL ROLE`,
 * default `jenny_readonly`) with `SET LOCAL statement_timeout`, which Postgres enforces: a statement past it is
 * cancelled on the server and rejects with a `'timeout'` QueryError (sqlState 57014). Only the roles of the
 * `roles` option run, and never one that is a superuser, bypasses row-level security or is a member of such a role
 * or of `pg_read_all_data` / `pg_write_all_data`. Queries (SELECT, WITH, VALUES, TABLE) read through a cursor
 * capped at `maxRows + 1` rows (Postgres stops there); SHOW and EXPLAIN run as they are; any other statement is
 * refused with a `'permission'` QueryError before it reaches the database. After the statement the transport checks
 * that the role is still the one it set (and refuses the result otherwise), then rolls back, which undoes any
 * setting the statement made, and releases any session advisory lock it took, before the connection goes back.
 *
 * Errors: insufficient privilege (42501) and a write in a read-only transaction (25006) become `'permission'`
 * QueryErrors naming the role, other database errors `'query'` ones; every QueryError carries `sqlState`, and no
 * message holds a parameter value. A semantic request rejects with a SemanticError: compile it first (the data
 * client and Jenny's engine do).
 *
 * Every call honours its signal: an abort rejects at once with an `'aborted'` DataClientError, and a statement
 * still running is cancelled on the server (`pg_cancel_backend` from another pooled connection; when that cannot be
 * done within 2 s, the connection is closed), so it stops using the database.
 *
 * `freshness` reads the latest `public.data_lab_job_runs` row for the source, `feedback` writes
 * `public.jenny_feedback` and `logQuestion` writes `public.jenny_queries`, all as the pool's user.
 */
export function postgresTransport(options: PostgresTransportOptions): PostgresTransport {
  const { pool } = options;
  if (!pool || typeof pool.connect !== 'function' || typeof pool.query !== 'function') {
    throw new TypeError('postgresTransport needs a node-postgres Pool (new pg.Pool(...)) as its pool option');
  }
  const defaultRole = options.defaultRole ?? 'jenny_readonly';
  const timeoutMs = options.statementTimeoutMs ?? 5000;
  const maxRows = options.maxRows ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`statementTimeoutMs must be 0 (no limit) or a positive number of ms, not ${timeoutMs}`);
  }
  if (!Number.isSafeInteger(maxRows) || maxRows < 1) {
    throw new RangeError(`maxRows must be a whole number of at least 1, not ${maxRows}`);
  }
  checkRole(defaultRole, NAME);
  const allowedRoles = new Set<string>([defaultRole, ...(options.roles ?? DEFAULT_ROLES)]);
  for (const role of allowedRoles) checkRole(role, NAME);
  /** Roles the database has been asked about and found fit (a refusal is asked again next time). */
  const fitRoles = new Set<string>();

  async function checkRoleIsFit(role: string): Promise<void> {
    if (fitRoles.has(role)) return;
    let result: PgResultLike;
    try {
      result = await pool.query({ text: ROLE_CHECK_SQL, values: [role] });
    } catch (error) {
      throw toQueryError(error, undefined, [], `Checking role "${role}"`, NAME);
    }
    refuseUnfitRole(result.rows[0] as RoleCheckRow | undefined, role, NAME);
    fitRoles.add(role);
  }

  /** The statement in a read-only transaction as `role`, on a connection of its own; rejects with a QueryError. */
  async function execute(query: CompiledQuery, role: string, signal: AbortSignal | undefined): Promise<QueryResult> {
    const params = [...(query.params ?? [])];
    const kind = statementKind(query.sql, role, NAME);
    await checkRoleIsFit(role);
    if (signal?.aborted) throw abortedError(signal.reason, NAME);
    let client: PgPoolClientLike;
    try {
      client = await pool.connect();
    } catch (error) {
      throw toQueryError(error, undefined, [], 'Connecting to PostgreSQL', NAME);
    }
    const connection = lease(client);
    let started = 0;
    try {
      if (signal?.aborted) throw abortedError(signal.reason, NAME);
      await client.query({
        text: `begin read only; set local role "${role}"; ` + `set local statement_timeout = ${Math.ceil(timeoutMs)}`,
      });
      const pid = await backendPid(client);
      started = now();
      const onAbort = () => connection.cancel(pid);
      signal?.addEventListener('abort', onAbort, { once: true });
      let result: PgResultLike;
      let current: PgResultLike;
      try {
        if (signal?.aborted) throw abortedError(signal.reason, NAME);
        result = await runStatement(client, kind, query.sql, params, maxRows);
        current = await client.query({ text: 'select current_user as role' });
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      const elapsed = now() - started;
      if (current.rows[0]?.role !== role) throw leftRoleError(role, NAME);
      const truncated = result.rows.length > maxRows;
      const rows = (truncated ? result.rows.slice(0, maxRows) : result.rows) as Row[];
      const meta: ColumnMeta[] = result.fields.map((field) => ({
        name: field.name,
        type: columnType(field.dataTypeID),
      }));
      await connection.end();
      return { rows, meta, sql: query.sql, rowCount: rows.length, truncated, durationMs: Math.round(elapsed) };
    } catch (error) {
      await connection.end();
      if (signal?.aborted) throw abortedError(signal.reason, NAME);
      if (error instanceof DataClientError) throw error;
      const failure = toQueryError(error, role, params, 'The query', NAME);
      if (failure.code === 'timeout' && timeoutMs > 0) {
        throw new QueryError('timeout', `The statement ran longer than the ${timeoutMs} ms statement timeout`, {
          transport: NAME,
          sqlState: failure.sqlState,
          cause: failure,
        });
      }
      throw failure;
    }
  }

  /**
   * A checked-out connection's end: ROLLBACK (and release of any session advisory lock), then back to the pool, or
   * closed when that fails or a cancel could not reach the server. `cancel` cancels the running statement on the
   * server, from another connection.
   */
  function lease(client: PgPoolClientLike) {
    let released = false;
    let cancelling: Promise<void> | undefined;
    const release = (destroy: boolean) => {
      if (released) return;
      released = true;
      client.release(destroy);
    };
    return {
      cancel(pid: number | undefined) {
        if (cancelling || released) return;
        cancelling = (async () => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const grace = new Promise<false>((resolve) => {
            timer = setTimeout(() => resolve(false), CANCEL_GRACE_MS);
          });
          const cancelled =
            pid === undefined
              ? Promise.resolve(false)
              : pool
                  .query({ text: 'select pg_catalog.pg_cancel_backend($1) as cancelled', values: [pid] })
                  .then((result) => result.rows[0]?.cancelled === true)
                  .catch(() => false);
          const ok = await Promise.race([cancelled, grace]);
          clearTimeout(timer);
          // The statement cannot be stopped from here: close the connection (its statement errors at once).
          if (!ok) release(true);
        })();
      },
      async end() {
        // A cancel still on its way could reach the next statement this connection runs: wait for it first.
        await cancelling;
        if (released) return;
        try {
          await client.query({ text: 'rollback; select pg_catalog.pg_advisory_unlock_all()' });
          release(false);
        } catch {
          release(true);
        }
      },
    };
  }

  return {
    name: NAME,

    query(query: CompiledQuery | SemanticRequest, ctx: TransportContext): Promise<QueryResult> {
      if (!('sql' in query) || typeof query.sql !== 'string') {
        return Promise.reject(semanticRefusal(NAME, query as SemanticRequest));
      }
      const signal = ctx?.signal;
      if (signal?.aborted) return Promise.reject(abortedError(signal.reason, NAME));
      const role = query.role ?? defaultRole;
      try {
        checkRoleAllowed(role, allowedRoles, NAME);
      } catch (error) {
        return Promise.reject(error);
      }
      return raceAbort(execute(query, role, signal), signal, NAME);
    },

    freshness(source: string, ctx: TransportContext): Promise<Freshness> {
      const signal = ctx?.signal;
      if (signal?.aborted) return Promise.reject(abortedError(signal.reason, NAME));
      const read = (async () => {
        let result: PgResultLike;
        try {
          result = await pool.query({ text: FRESHNESS_SQL, values: [source], types: typesOf() });
        } catch (error) {
          throw toQueryError(error, undefined, [source], 'Reading public.data_lab_job_runs', NAME);
        }
        return freshnessOf(source, result.rows[0]);
      })();
      return raceAbort(read, signal, NAME);
    },

    feedback(request: FeedbackRequest, ctx: TransportContext): Promise<void> {
      const signal = ctx?.signal;
      if (signal?.aborted) return Promise.reject(abortedError(signal.reason, NAME));
      const values = feedbackParams(request);
      const write = (async () => {
        try {
          await pool.query({ text: FEEDBACK_SQL, values });
        } catch (error) {
          throw toQueryError(error, undefined, values, 'Saving feedback to public.jenny_feedback', NAME);
        }
      })();
      return raceAbort(write, signal, NAME);
    },

    async logQuestion(entry: JennyLogEntry, ctx?: Partial<TransportContext>): Promise<void> {
      if (ctx?.signal?.aborted) throw abortedError(ctx.signal.reason, NAME);
      const values = [
        entry.space,
        entry.question,
        entry.sql ?? '',
        entry.rowCount ?? null,
        Math.max(0, Math.round(entry.durationMs)),
        entry.error?.slice(0, 1000) ?? null,
        entry.outcome,
      ];
      try {
        await pool.query({
          text:
            'insert into public.jenny_queries (space, question, sql, row_count, duration_ms, error, outcome) ' +
            'values ($1, $2, $3, $4, $5, $6, $7)',
          values,
        });
      } catch (error) {
        // The question may hold anything a person typed: it never reaches the message.
        throw toQueryError(error, undefined, values, 'Logging the question to public.jenny_queries', NAME);
      }
    },
  };
}

/** The connection's backend process id: node-postgres keeps it (`processID`); else asked once. */
const pids = new WeakMap<PgPoolClientLike, number>();
async function backendPid(client: PgPoolClientLike): Promise<number | undefined> {
  const known = (client as { processID?: unknown }).processID;
  if (typeof known === 'number') return known;
  const cached = pids.get(client);
  if (cached !== undefined) return cached;
  const result = await client.query({ text: 'select pg_catalog.pg_backend_pid() as pid' });
  const pid = result.rows[0]?.pid;
  if (typeof pid !== 'number') return undefined;
  pids.set(client, pid);
  return pid;
}

/** Runs one statement and returns at most `maxRows + 1` rows (a query stops there; SHOW and EXPLAIN are cut after). */
async function runStatement(
  client: PgPoolClientLike,
  kind: StatementKind,
  sql: string,
  params: unknown[],
  maxRows: number,
): Promise<PgResultLike> {
  const types = typesOf(client);
  if (kind === 'query') {
    await client.query({ text: `declare ${CURSOR} no scroll cursor for ${sql}\n`, values: params });
    return client.query({ text: `fetch forward ${maxRows + 1} from ${CURSOR}`, types });
  }
  return client.query({ text: sql, values: params, types });
}
