export {
  createQuestionInterpreter,
  type InterpretOptions,
  type QuestionInterpreter,
  type QuestionInterpreterOptions,
} from './interpret';
export { findPeriod, type PeriodMatch } from './periods';
export type {
  ClarifyInterpretation,
  DimensionValues,
  Interpretation,
  QueryInterpretation,
  ReadingStep,
  UnsupportedInterpretation,
} from './types';
export { type LoadDimensionValuesOptions, loadDimensionValues } from './values';
