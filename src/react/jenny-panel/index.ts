export type {
  JennyAssistantMessage,
  JennyChatStatus,
  JennyMessage,
  JennyMessageState,
  JennyUserMessage,
} from '../../core/jenny/chat';
export type { JennyAnswerJson, JennyMappedResult, JennyResult } from '../../core/jenny/result';
export {
  JennyPanel,
  type JennyPanelComposerProps,
  JennyPanelContextMissingError,
  type JennyPanelPartProps,
  type JennyPanelProps,
  type JennyPanelRootProps,
  type JennyPanelSpacesProps,
  type JennyPanelState,
} from './jenny-panel';
export type { JennyPanelFeedback, JennyPanelMessage } from './use-controlled-jenny';
export { type UseJennyOptions, type UseJennyResult, useJenny } from './use-jenny';
