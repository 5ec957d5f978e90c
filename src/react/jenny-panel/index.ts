export type {
  JennyAssistantMessage,
  JennyChatStatus,
  JennyMessage,
  JennyMessageState,
  JennyUserMessage,
} from '../../core/jenny/chat';
export { type UseJennyOptions, type UseJennyResult, useJenny } from './use-jenny';
