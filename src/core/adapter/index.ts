export { type ChartChoice, chooseChart, type ReasonedSpec } from './choose';
export { defaultFormatFor } from './column-format';
export { AdapterError, type AdapterErrorCode } from './errors';
export { explainChart } from './explain';
export { type PointLocator, rowsBehindPoint } from './points';
export type { ChartReason, ChartReasonCode, ChartReasonMessages } from './reasons';
export {
  type ImagePolicy,
  type SanitizeOptions,
  type SanitizeRemoval,
  type SanitizeResult,
  type SanitizeWarning,
  sanitizeOption,
} from './sanitize';
export { type Cell, type Column, isTable, type Table, toTable } from './table';
export { toEChartsOption } from './to-option';
export type {
  AdapterOptions,
  ChartKind,
  ChartSpec,
  ColumnInput,
  ColumnMeta,
  ColumnRole,
  ColumnType,
  DataInput,
  Encoding,
  ResultSet,
  Row,
} from './types';
