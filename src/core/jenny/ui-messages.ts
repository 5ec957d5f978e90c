import type { JennyAnswer } from '../client/types';
import { type JennyChunk, REASONING_ID, SUMMARY_ID } from './protocol';
import type { JennyPanelMessage } from './result';
import { createAnswerAssembler } from './stream';

/*
 * For apps that already run the AI SDK's `useChat` against `/api/jenny/chat`: its messages (UI messages whose parts
 * are Jenny's data parts, text and reasoning) read into what a controlled JennyPanel shows. Written on the shape of
 * a UI message, not on the `ai` package, so the library needs no dependency on it.
 */

/** The part of an AI SDK `UIMessage` read here. */
export interface UIMessageLike {
  id: string;
  role: 'system' | 'user' | 'assistant';
  parts: readonly { type: string; [key: string]: unknown }[];
}

/** `useChat`'s status: `'submitted'` and `'streaming'` mean the last answer is still coming. */
export type UIChatStatus = 'submitted' | 'streaming' | 'ready' | 'error';

export interface FromUIMessages {
  /** The conversation, for `JennyPanel`'s `messages`. */
  messages: JennyPanelMessage[];
  /** The last answer, for `selectedResult` (null before the first). */
  result: JennyAnswer | null;
}

/** An assistant message's parts as the chunks they came from, in order. */
function chunksOf(parts: UIMessageLike['parts']): JennyChunk[] {
  const chunks: JennyChunk[] = [];
  for (const part of parts) {
    if (part.type === 'text' && typeof part.text === 'string') {
      chunks.push({ type: 'text-delta', id: SUMMARY_ID, delta: part.text });
    } else if (part.type === 'reasoning' && typeof part.text === 'string') {
      chunks.push({ type: 'reasoning-delta', id: REASONING_ID, delta: part.text });
    } else if (part.type.startsWith('data-') && 'data' in part) {
      chunks.push({ type: part.type, id: part.id, data: part.data } as JennyChunk);
    }
  }
  return chunks;
}

/** An assistant UI message as Jenny's answer (what arrived so far, when it is still streaming). */
export function answerOfUIMessage(message: UIMessageLike): JennyAnswer {
  const assembler = createAnswerAssembler();
  for (const chunk of chunksOf(message.parts)) assembler.push(chunk);
  return assembler.answer();
}

/**
 * `useChat`'s messages as a controlled JennyPanel's `messages` and `selectedResult`:
 *
 * ```tsx
 * const { messages, status, sendMessage, stop } = useChat({ transport: new DefaultChatTransport({ api: '/api/jenny/chat' }) });
 * const view = fromUIMessages(messages, status);
 * <JennyPanel messages={view.messages} selectedResult={view.result} onSendQuestion={(text) => sendMessage({ text })} />
 * ```
 */
export function fromUIMessages(messages: readonly UIMessageLike[], status: UIChatStatus = 'ready'): FromUIMessages {
  const out: JennyPanelMessage[] = [];
  let result: JennyAnswer | null = null;
  const last = messages.at(-1);
  for (const message of messages) {
    if (message.role === 'user') {
      const text = message.parts
        .filter((part) => part.type === 'text' && typeof part.text === 'string')
        .map((part) => part.text as string)
        .join('');
      out.push({ id: message.id, role: 'user', content: text });
    } else if (message.role === 'assistant') {
      const answer = answerOfUIMessage(message);
      const live = message === last && (status === 'streaming' || status === 'submitted');
      out.push({
        id: message.id,
        role: 'assistant',
        content: answer.summary,
        summary: answer.title,
        status: live ? 'streaming' : message === last && status === 'error' ? 'error' : 'complete',
      });
      result = answer;
    }
  }
  return { messages: out, result };
}
