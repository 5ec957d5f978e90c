export { createFormatter, defaultFormatSpec, FormatError, inferTimeGrain } from './format';
export type { FormatKind, FormatOptions, FormatSpec, Formatter, TimeGrain } from './types';
