export {
  type PgPoolClientLike,
  type PgPoolLike,
  type PgQueryConfig,
  type PgResultLike,
  type PostgresTransport,
  type PostgresTransportOptions,
  postgresTransport,
} from '../client/transports/postgres';
export type { JennyLogEntry, JennyOutcome } from '../client/types';
export {
  createJennyHandler,
  type GeneratedSql,
  type GenerateSql,
  type GenerateSqlRequest,
  type JennyHandler,
  type JennyHandlerErrorCode,
  type JennyHandlerOptions,
  type JennyServerTransport,
} from './handler';
export { type NodeListenerOptions, type NodeRequestLike, type NodeResponseLike, toNodeListener } from './node';
