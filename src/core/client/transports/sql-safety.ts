import type { ColumnType } from '../../adapter/types';
import { SemanticError } from '../../semantic/errors';
import { parseIsoDate } from '../../util/iso-date';
import { QueryError } from '../errors';
import { redactParams } from '../redact';
import type { FeedbackRequest, Freshness, SemanticRequest } from '../types';

/*
 * What the SQL transports (pglite, postgres) share to run a caller's SQL read-only: which statements run and how,
 * which roles are fit to run them, how Postgres' types become JavaScript values, and how a Postgres error becomes a
 * QueryError whose message holds no parameter value. Pure: no database, no driver.
 */

/** Role names: unquoted lower-case PostgreSQL identifiers, at most 63 bytes. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The roles the transports run as unless their `roles` option says otherwise. */
export const DEFAULT_ROLES: readonly string[] = ['jenny_readonly', 'superset_readonly'];

/**
 * What makes a role unfit to run a caller's SQL: superuser, BYPASSRLS, or being (or being a member, direct or not,
 * of) a role that is either, or `pg_read_all_data` / `pg_write_all_data`. Run as the owner, the role's name as `$1`.
 */
export const ROLE_CHECK_SQL = `
  select r.rolsuper as superuser, r.rolbypassrls as bypass_rls,
    array(
      select g.rolname::text from pg_catalog.pg_roles g
       where (g.rolsuper or g.rolbypassrls or g.rolname in ('pg_read_all_data', 'pg_write_all_data'))
         and pg_catalog.pg_has_role(r.oid, g.oid, 'member')
       order by g.rolname
    ) as powerful
  from pg_catalog.pg_roles r
  where r.rolname = $1`;

/** A row of ROLE_CHECK_SQL. */
export interface RoleCheckRow {
  superuser: boolean;
  bypass_rls: boolean;
  powerful: string[];
}

/** The name of the cursor a query is read through. */
export const CURSOR = 'insightpulse_rows';

/** Queries: read through a cursor, so Postgres stops after `maxRows + 1` rows. */
const QUERY_KEYWORDS = new Set(['select', 'with', 'values', 'table']);
/** The other statements that run (as they are); every other statement is refused before it reaches Postgres. */
const OTHER_KEYWORDS = new Set(['show', 'explain']);

/** Postgres' white space (`space` in its lexer, scan.l); anything else, a no-break space included, is not. */
const PG_SPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);
/** A keyword or identifier as Postgres' lexer reads one: bytes from 0x80 up (any non-ASCII) are letters. */
const PG_WORD = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/;

/** PostgreSQL type OIDs by column type; every other type is a string. */
const NUMBER_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);
const DATE_TYPES = new Set([1082, 1114, 1184]);
const BOOLEAN_TYPE = 16;

/**
 * How values arrive, by type OID, from Postgres' text: numbers (numeric and int8 come as text) as numbers, dates as
 * ISO 8601 strings (`2025-12-31`; timestamps with a zone in UTC, `2026-01-01T02:04:12.000Z`), so results look like
 * what the HTTP transports return. Types not named here keep the driver's own parsing.
 */
export const PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  20: Number,
  1700: Number,
  1082: (text) => text,
  1114: (text) => text.replace(' ', 'T'),
  1184: timestamptz,
};

/** A `timestamptz` in Postgres' text (`2026-01-01 02:04:12+00`) as an ISO string in UTC. */
export function timestamptz(text: string): string {
  const iso = text.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const time = parseIsoDate(iso);
  return time === undefined ? text : new Date(time).toISOString();
}

/** The column type of a Postgres type OID. */
export function columnType(oid: number): ColumnType {
  if (NUMBER_TYPES.has(oid)) return 'number';
  if (DATE_TYPES.has(oid)) return 'date';
  if (oid === BOOLEAN_TYPE) return 'boolean';
  return 'string';
}

export type StatementKind = 'query' | 'other';

/**
 * How a statement runs: a query (SELECT, WITH, VALUES, TABLE) through a cursor, SHOW and EXPLAIN as they are.
 * Anything else (a write, SET, DO, CALL, PREPARE, COMMIT, LISTEN, …) is refused with a `'permission'` QueryError:
 * a read-only role has no use for it, and some of it (SET ROLE, a DO block) could try to leave the role, or outlive
 * the ROLLBACK (a prepared statement). The first keyword is found the way Postgres' lexer finds it (nested block
 * comments included), and a statement whose start Postgres would not read the same way (an unterminated comment) is
 * refused. `transport` names the transport in the message.
 */
export function statementKind(sql: string, role: string, transport: string): StatementKind {
  const start = firstTokenAt(sql);
  if (start < 0) {
    throw new QueryError(
      'permission',
      `The statement is refused: it opens a /* comment it never closes (role "${role}" is read-only)`,
      { transport },
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
    `${what} refused: role "${role}" is read-only, and the ${transport} transport ` +
      'runs only queries (SELECT, WITH, VALUES, TABLE), SHOW and EXPLAIN',
    { transport },
  );
}

/**
 * Where the first token of `sql` starts, skipping what Postgres' lexer skips before it: white space, `--` comments
 * (to the end of the line, which `\n` or `\r` ends), block comments (which nest: an inner opening needs its own
 * closing, and only the outer one ends the comment) and opening parentheses. -1 when a block comment is never closed
 * (Postgres refuses the statement).
 */
export function firstTokenAt(sql: string): number {
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

/** Refuses a role name that is not a lower-case identifier, with a `'permission'` QueryError. */
export function checkRole(role: string, transport: string): void {
  if (typeof role !== 'string' || !ROLE_NAME.test(role)) {
    throw new QueryError(
      'permission',
      `Cannot run as role ${JSON.stringify(String(role)).slice(0, 80)}: a role is a lower-case identifier (letters, digits, _)`,
      { transport },
    );
  }
}

/**
 * Refuses a role the roles option does not name, with a `'permission'` QueryError listing those it does.
 */
export function checkRoleAllowed(role: string, allowed: ReadonlySet<string>, transport: string): void {
  checkRole(role, transport);
  if (!allowed.has(role)) {
    throw new QueryError(
      'permission',
      `The query cannot run as role "${role}": the ${transport} transport runs only as ` +
        `${[...allowed].map((name) => `"${name}"`).join(', ')} (its roles option)`,
      { transport },
    );
  }
}

/**
 * Refuses a role by the answer of ROLE_CHECK_SQL (`row`, undefined when there is no such role): a superuser, a role
 * that bypasses row-level security, or a member of one or of pg_read_all_data / pg_write_all_data.
 */
export function refuseUnfitRole(row: RoleCheckRow | undefined, role: string, transport: string): void {
  if (!row) {
    throw new QueryError('permission', `The query cannot run as role "${role}": the database has no such role`, {
      transport,
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
      `The query was refused: the ${transport} transport does not run as role "${role}" because ${why}; ` +
        'use a read-only role',
      { transport, sqlState: '42501' },
    );
  }
}

/** The error a statement left in a role other than the one set gets. */
export function leftRoleError(role: string, transport: string): QueryError {
  return new QueryError('permission', `The statement tried to leave role "${role}": its result was refused`, {
    transport,
    sqlState: '42501',
  });
}

/** A Postgres (or PGlite) error's fields the transports read. */
interface PostgresErrorLike {
  code?: unknown;
  message?: unknown;
}

/**
 * A Postgres error as a QueryError whose message holds no parameter value. `role` is the read-only role the
 * statement ran as; undefined for the owner's own statements (freshness, feedback, logs).
 */
export function toQueryError(
  error: unknown,
  role: string | undefined,
  params: readonly unknown[],
  what: string,
  transport: string,
): QueryError {
  const pg = (typeof error === 'object' && error !== null ? error : {}) as PostgresErrorLike;
  const sqlState = typeof pg.code === 'string' ? pg.code : undefined;
  const message = redactParams(typeof pg.message === 'string' ? pg.message : String(error), params);
  const options = { transport, sqlState };
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

/** A clock for durations: `performance.now()` where there is one. */
export function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/** The latest run of a job (`$1`), as the owner: what `freshness` reads. */
export const FRESHNESS_SQL = `select status, rows_written, finished_at
  from public.data_lab_job_runs
 where job_name = $1
 order by started_at desc, run_id desc
 limit 1`;

/** A feedback row, as the owner: `FEEDBACK_SQL` with `feedbackParams(request)`. */
export const FEEDBACK_SQL =
  'insert into public.jenny_feedback (space, question, rating, comment, sql) values ($1, $2, $3, $4, $5)';

export function feedbackParams(request: FeedbackRequest): unknown[] {
  return [request.space, request.question, request.rating, request.comment ?? null, request.sql ?? null];
}

/** The freshness a `FRESHNESS_SQL` row says (no row: the job never ran). */
export function freshnessOf(source: string, row: Record<string, unknown> | undefined): Freshness {
  const last = row as { status: string | null; rows_written: number | null; finished_at: string | null } | undefined;
  if (!last) return { source };
  return {
    source,
    updatedAt: last.finished_at ?? undefined,
    status: last.status ?? undefined,
    rowsWritten: last.rows_written ?? undefined,
  };
}

/**
 * A transport that runs SQL refusing a semantic request: the data client compiles those, from the space definitions
 * it is given.
 */
export function semanticRefusal(transport: string, request: SemanticRequest): SemanticError {
  return new SemanticError(
    `The ${transport} transport runs SQL and cannot compile semantic requests (space "${request.space}"): ` +
      'give the data client the space definition',
  );
}
