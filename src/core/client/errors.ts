import { InsightPulseError } from '../errors';
/**
 * The errors the data-client and its transports reject with. Each has a `code` to branch on and a
 * message a person can act on; none carries a secret (tokens, keys and connection strings stay out).
 */
export type DataErrorCode =
  | 'http' // the server answered with an error status
  | 'network' // no answer: offline, refused, DNS
  | 'timeout' // no answer in time
  | 'aborted' // the caller's signal aborted the request
  | 'response-shape' // the answer does not have the contract's shape
  | 'query' // the database refused or failed the statement
  | 'permission' // the role may not read this, or the statement writes
  | 'semantic' // an unknown space, metric, dimension or a bad query
  | 'unsupported'; // the transport cannot do this (for example `ask` on an SQL-only transport)

export class DataClientError<Code extends DataErrorCode = DataErrorCode> extends InsightPulseError<Code> {
  override readonly name: string = 'DataClientError';
  /** The transport that failed, for example `'http'`. */
  readonly transport?: string;

  constructor(code: Code, message: string, options: { transport?: string; cause?: unknown } = {}) {
    super(code, message, { cause: options.cause });
    this.transport = options.transport;
  }
}

/** The server answered with an error status. 4xx are not retried; 5xx and 429 are. */
export class HttpError extends DataClientError {
  override readonly name = 'HttpError';
  readonly status: number;
  /** Milliseconds the server asked to wait (from Retry-After), if it said. */
  readonly retryAfterMs?: number;

  constructor(status: number, message: string, options: { transport?: string; retryAfterMs?: number } = {}) {
    super('http', message, options);
    this.status = status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The answer does not match the contract: `path` names the field, for example `rows[3]` or `title`. */
export class ResponseShapeError extends DataClientError {
  override readonly name = 'ResponseShapeError';
  readonly path: string;

  constructor(path: string, message: string, options: { transport?: string } = {}) {
    super('response-shape', message, options);
    this.path = path;
  }
}

/** The database failed or refused the statement. `sqlState` is Postgres' error code when known. */
export class QueryError extends DataClientError {
  override readonly name = 'QueryError';
  readonly sqlState?: string;

  constructor(
    code: 'query' | 'permission' | 'timeout',
    message: string,
    options: { transport?: string; sqlState?: string; cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.sqlState = options.sqlState;
  }
}

export function isDataClientError(error: unknown): error is DataClientError {
  return error instanceof DataClientError;
}
