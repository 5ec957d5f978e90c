export {
  type CompiledSemanticQuery,
  compileQuery,
  containsPattern,
  DEFAULT_LIMIT,
  FILTER_OPERATORS,
  isIsoDate,
  MAX_IN_VALUES,
  MAX_LIMIT,
} from './compile';
export { defineSpace, findSpace, isDefinedSpace, PERIOD, type SemanticSpace, TIME_GRAINS } from './define';
export { describeSpace } from './describe';
export { SemanticError } from './errors';
export { creativeSpace, demoSpaces, executiveSpace, financeSpace, opsSpace, salesSpace, targetsSpace } from './spaces';
// TimeGrain is re-exported as SemanticTimeGrain: the format module already exports a (wider) TimeGrain.
export type {
  DimensionDefinition,
  FilterOperator,
  MetricDefinition,
  SemanticFilter,
  SemanticQuery,
  SpaceDefinition,
  TableDefinition,
  TimeGrain as SemanticTimeGrain,
} from './types';
