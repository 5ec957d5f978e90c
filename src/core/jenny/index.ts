export { type AnswerOptions, type AnswerSource, answerQuestion } from './answer';
export {
  createJennyChat,
  type JennyAssistantMessage,
  type JennyChat,
  type JennyChatOptions,
  type JennyChatSnapshot,
  type JennyChatStatus,
  type JennyMessage,
  type JennyMessageState,
  type JennyUserMessage,
} from './chat';
export {
  createJennyEngine,
  type JennyAskOptions,
  type JennyEngine,
  type JennyEngineOptions,
  type JennyToday,
  transportSource,
} from './engine';
export {
  createQuestionInterpreter,
  type InterpretOptions,
  type QuestionInterpreter,
  type QuestionInterpreterOptions,
} from './interpret';
export { parseSummary, type SummaryBlock, type SummaryInline } from './markdown';
export { findPeriod, type PeriodMatch } from './periods';
export {
  JENNY_STREAM_HEADERS,
  type JennyChartData,
  type JennyChunk,
  type JennyQueryData,
  type JennySqlData,
  type JennyStatement,
  type JennyStatusData,
  type JennyStep,
  type JennyTableData,
  REASONING_ID,
  SUMMARY_ID,
} from './protocol';
export {
  checkReading,
  type EditableChips,
  editableChips,
  editReading,
  MAX_READING_LIMIT,
  type ReadingEdit,
  readingGrains,
} from './reading';
export {
  type JennyAnswerJson,
  type JennyMappedResult,
  type JennyPanelMessage,
  type JennyResult,
  toJennyAnswer,
} from './result';
export {
  type AnswerAssembler,
  createAnswerAssembler,
  createJennyStream,
  encodeChunk,
  type JennyStreamOptions,
  STREAM_DONE,
  toAnswerJson,
} from './stream';
export type {
  ClarifyInterpretation,
  DimensionValues,
  Interpretation,
  QueryInterpretation,
  ReadingStep,
  UnsupportedInterpretation,
} from './types';
export {
  answerOfUIMessage,
  type FromUIMessages,
  fromUIMessages,
  type UIChatStatus,
  type UIMessageLike,
} from './ui-messages';
export { type LoadDimensionValuesOptions, loadDimensionValues } from './values';
export { enJenny, type JennyRankedRow, type JennyWords } from './words';
