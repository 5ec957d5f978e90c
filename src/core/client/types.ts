import type { ColumnMeta, Row } from '../adapter/types';
import type { JennyChunk, JennyStatement } from '../jenny/protocol';
import type { Interpretation, QueryInterpretation } from '../jenny/types';
import type { SemanticQuery, SpaceDefinition } from '../semantic/types';

/** SQL the caller wrote, with `$1`-style parameters. */
export interface SqlRequest {
  kind: 'sql';
  sql: string;
  params?: readonly unknown[];
  /** The space whose role runs it (its read-only role); default the transport's. */
  space?: string;
}

/** A question for a space's semantic layer: metrics by dimensions, compiled to parameterised SQL. */
export interface SemanticRequest {
  kind: 'semantic';
  space: string;
  query: SemanticQuery;
}

export type QueryRequest = SqlRequest | SemanticRequest;

/**
 * What a transport runs: SQL with parameters, as a role. The client compiles semantic requests for the
 * spaces it knows; a transport that talks to a server may receive the semantic request itself instead.
 */
export interface CompiledQuery {
  sql: string;
  params: readonly unknown[];
  /** The database role the statement runs as (a space's read-only role). */
  role?: string;
  /** The request this came from. */
  request: QueryRequest;
}

/** Where a result came from and how fresh it is: what ChartCard's provenance footer shows. */
export interface Freshness {
  /** The job or table the data comes from, for example `'sales_summary'`. */
  source: string;
  /** When the data was last written, as an ISO 8601 string; undefined when never. */
  updatedAt?: string;
  /** The last run's status, for example `'success'` or `'failed'`. */
  status?: string;
  /** Rows the last run wrote. */
  rowsWritten?: number;
}

export interface QueryResult {
  rows: Row[];
  /** Column metadata (names, types, roles, formats) in column order. */
  meta: ColumnMeta[];
  /** The SQL that ran (parameters as `$n`), when the transport knows it. */
  sql?: string;
  rowCount: number;
  /** True when the rows were cut at a limit. */
  truncated: boolean;
  /** How long the query took at the source, in ms. */
  durationMs?: number;
}

/** A previous turn of a conversation with Jenny. */
export interface AskTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AskRequest {
  space: string;
  question: string;
  /** A domain hint within the space, for example `'revenue'`. */
  domain?: string;
  history?: readonly AskTurn[];
  /**
   * A reading to answer as given instead of reading `question` again: one edited in the Explain dialog's chips
   * (see `editReading`). It is checked (`checkReading`) and runs with no interpreter and no model.
   */
  reading?: QueryInterpretation;
}

/** Jenny's answer: text, chart, table, SQL and reasoning (the platform's `/api/jenny/query` contract). */
export interface JennyAnswer {
  title: string;
  summary: string;
  /** An ECharts option written outside the library: pass it through `sanitizeOption` before rendering. */
  echartsOption?: Record<string, unknown>;
  rows: Row[];
  meta?: ColumnMeta[];
  generatedSql?: string;
  reasoning?: string;
  /** `'answer'` with rows; `'clarify'` or `'unsupported'` when Jenny asks back or refuses (`summary` says why). */
  kind?: 'answer' | 'clarify' | 'unsupported';
  /** Follow-up questions, or questions Jenny can answer when she asks back or refuses. */
  suggestions?: string[];
  /** How the question was read (Jenny's own interpreter). */
  interpretation?: Interpretation;
  /** The statements that ran, with their parameters. */
  statements?: JennyStatement[];
  /** The day relative periods were counted from (ISO `YYYY-MM-DD`). */
  asOf?: string;
  /** When the space's data was last loaded (its freshness job's last run in `data_lab_job_runs`). */
  freshness?: Freshness;
  /** True when the rows were cut at the transport's row cap. */
  truncated?: boolean;
}

export interface FeedbackRequest {
  space: string;
  question: string;
  rating: 'up' | 'down';
  comment?: string;
  sql?: string;
}

export interface TransportContext {
  signal: AbortSignal;
}

export interface AskContext extends TransportContext {
  /** Called with each piece of the answer's text as it streams, where the transport can stream. */
  onText?: (delta: string) => void;
  /** Called with each chunk of the answer stream as it arrives (see `JennyChunk`). */
  onPart?: (chunk: JennyChunk) => void;
  /** The spaces the data client compiles, for a transport that answers on its own (the embedded warehouse). */
  spaces?: ReadonlyMap<string, SpaceDefinition>;
}

/**
 * How the data-client reaches a backend. Only `query` is required; a transport without `ask`,
 * `feedback` or `freshness` makes those client calls reject with an `UnsupportedError`.
 * Every method must honour `ctx.signal`: an aborted call rejects at once with a `DataClientError` of code
 * `'aborted'` (its `cause` the signal's reason); the client also accepts the signal's reason itself (an
 * `AbortError`). A transport that cannot answer a semantic request (it does not compile) rejects with a
 * `SemanticError` whose `available` lists the spaces it does know (`[]` for none); the client then names its own.
 */
export interface Transport {
  /** A short name for errors and logs, for example `'http'` or `'pglite'`. */
  readonly name: string;
  query(query: CompiledQuery | SemanticRequest, ctx: TransportContext): Promise<QueryResult>;
  ask?(request: AskRequest, ctx: AskContext): Promise<JennyAnswer>;
  feedback?(request: FeedbackRequest, ctx: TransportContext): Promise<void>;
  freshness?(source: string, ctx: TransportContext): Promise<Freshness>;
}

/** How a question ended, as `public.jenny_queries.outcome` records it. */
export type JennyOutcome = 'answered' | 'clarify' | 'unsupported' | 'error' | 'aborted' | 'timeout';

/**
 * One question, as the handler logs it (one row of `public.jenny_queries`). Nothing in it is a secret: the SQL
 * holds `$n` placeholders, never parameter values, and `error` is a typed error's message (which never holds one).
 */
export interface JennyLogEntry {
  /** The space the question was asked in. */
  space: string;
  question: string;
  /** The SQL that ran (statements one after another), or `''` when none did. */
  sql: string;
  /** Rows in the answer; null when none came back (a refusal, an error). */
  rowCount: number | null;
  /** From the request to the answer, in ms. */
  durationMs: number;
  outcome: JennyOutcome;
  /** What went wrong, when the outcome is `'error'` or `'timeout'`: a message without secrets or values. */
  error?: string;
}
