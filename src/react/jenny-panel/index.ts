export type {
  JennyAssistantMessage,
  JennyChatStatus,
  JennyMessage,
  JennyMessageState,
  JennyUserMessage,
} from '../../core/jenny/chat';
export {
  JennyPanel,
  type JennyPanelComposerProps,
  JennyPanelContextMissingError,
  type JennyPanelPartProps,
  type JennyPanelProps,
  type JennyPanelRootProps,
  type JennyPanelState,
} from './jenny-panel';
export { type UseJennyOptions, type UseJennyResult, useJenny } from './use-jenny';
