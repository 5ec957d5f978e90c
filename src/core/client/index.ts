export { SemanticError } from '../semantic/errors';
export { abortedError, isAbortError, raceAbort } from './abort';
export {
  type AskCallOptions,
  type CallOptions,
  createDataClient,
  type DataClient,
  type DataClientOptions,
  IDLE_SNAPSHOT,
  isRetryableError,
  type ObserveOptions,
  type QueryCallOptions,
  type QuerySnapshot,
  type QueryStore,
  type RetryOptions,
  type Status,
  semanticRequest,
} from './client';
export {
  DataClientError,
  type DataErrorCode,
  HttpError,
  isDataClientError,
  QueryError,
  ResponseShapeError,
} from './errors';
export { requestKey, stableStringify } from './key';
export { type DataQueryOptions, queryOptions, semanticQueryOptions, sqlQueryOptions } from './query-options';
export {
  type MemoryFixtures,
  type MemoryResolver,
  type MemoryResult,
  type MemoryTransport,
  memoryTransport,
} from './transports/memory';
export type {
  AskContext,
  AskRequest,
  AskTurn,
  CompiledQuery,
  FeedbackRequest,
  Freshness,
  JennyAnswer,
  QueryRequest,
  QueryResult,
  SemanticRequest,
  SqlRequest,
  Transport,
  TransportContext,
} from './types';
