import { isAbortError } from '../client/abort';
import type { AskCallOptions } from '../client/client';
import type { AskRequest, AskTurn, FeedbackRequest, JennyAnswer } from '../client/types';
import type { Status } from '../status';
import type { JennyChunk, JennyStep } from './protocol';
import { createAnswerAssembler } from './stream';
import type { QueryInterpretation } from './types';

/*
 * A conversation with Jenny as a small subscribable store, framework-free: the messages, the one status, and
 * send / stop / regenerate / select / feedback. Answers stream into their message chunk by chunk (through
 * `client.ask`'s `onPart`), so a UI shows the status steps, then the table and chart as soon as rows exist, then
 * the summary. Written by hand rather than on the AI SDK's `Chat`: that brings zod and the SDK's stream reader,
 * 47 to 56 KiB gzip, more than the whole panel's budget; Jenny's stream is already read by `httpTransport`.
 */

/** The conversation's status: the library's one set, plus `'streaming'` while an answer's chunks arrive. */
export type JennyChatStatus = Status | 'streaming';

/** How an assistant message ended (or that it has not yet). */
export type JennyMessageState = 'streaming' | 'done' | 'error' | 'stopped';

export interface JennyUserMessage {
  id: string;
  role: 'user';
  /** The question as asked. */
  content: string;
  /** ISO 8601. */
  createdAt: string;
  /** The space it was asked in. */
  space: string;
}

export interface JennyAssistantMessage {
  id: string;
  role: 'assistant';
  /** The summary, as far as it has streamed. */
  content: string;
  /** ISO 8601. */
  createdAt: string;
  space: string;
  /** The user message it answers. */
  replyTo: string;
  status: JennyMessageState;
  /** The answer's current step while it streams (`data-status`). */
  step?: JennyStep;
  /** The answer as far as it has arrived: title, rows and chart appear before the summary ends. */
  answer: JennyAnswer;
  /** Why it failed, when `status` is `'error'`. */
  error?: Error;
  /** What the person said of it. */
  feedback?: 'up' | 'down';
  /** The reading it answers when it was run again from edited chips (`rerun`), not from its question. */
  reading?: QueryInterpretation;
}

export type JennyMessage = JennyUserMessage | JennyAssistantMessage;

export interface JennyChatSnapshot {
  messages: readonly JennyMessage[];
  /**
   * `'idle'` before the first question; `'loading'` asked, nothing back yet; `'streaming'` the answer's chunks are
   * arriving; `'ready'` the last answer came with rows; `'empty'` with no rows (or Jenny asked back or refused);
   * `'error'` it failed (a stopped answer keeps the status it had reached: `'ready'` or `'empty'`).
   */
  status: JennyChatStatus;
  /** The last answer's failure. */
  error: Error | undefined;
  /** The assistant message a result view shows: the one selected, else the latest. */
  selected: JennyAssistantMessage | undefined;
  /** The space new questions go to. */
  space: string;
}

export interface JennyChatOptions {
  /** Where questions go: a `DataClient` (its transport answers: the embedded warehouse, or a server). */
  client: {
    ask(request: AskRequest, options?: AskCallOptions): Promise<JennyAnswer>;
    feedback(request: FeedbackRequest, options?: { signal?: AbortSignal }): Promise<void>;
  };
  /** The space questions are asked in. */
  space: string;
  /** A domain hint within the space, sent with each question. */
  domain?: string;
  /** Ids for messages. Default `crypto.randomUUID()` where there is one, else a counter. */
  createId?: () => string;
  /** The clock for `createdAt`. Default `Date.now`. */
  now?: () => number;
  /** At most this many earlier turns go with a question as its history. Default 20. */
  maxHistory?: number;
}

export interface JennyChat {
  subscribe(listener: () => void): () => void;
  /** The same object until something changes. */
  getSnapshot(): JennyChatSnapshot;
  /**
   * Asks a question (stopping an answer still streaming). Resolves when the answer ends, however it ends: a
   * failure is in the snapshot (`status: 'error'`, the message's `error`), never a rejection. A blank question is
   * ignored.
   */
  send(question: string): Promise<void>;
  /** Stops the answer that is streaming: its request is aborted end to end, and what arrived is kept. */
  stop(): void;
  /** Asks the question of an assistant message again (default the latest), replacing that answer. */
  regenerate(messageId?: string): Promise<void>;
  /**
   * Answers an assistant message's question again with an edited reading (the Explain dialog's chips), replacing
   * that answer: no interpreter, no model, so the same reading runs the same query.
   */
  rerun(messageId: string, reading: QueryInterpretation): Promise<void>;
  /** Shows an older answer (an assistant message's id, or the user message it answers). */
  select(messageId: string): void;
  /** Sends feedback on an answer through `client.feedback`; rejects when it could not be saved. */
  feedback(messageId: string, rating: 'up' | 'down', comment?: string): Promise<void>;
  /** Sends later questions to another space. */
  setSpace(space: string): void;
  /** Stops any answer; the chat must not be used after. */
  dispose(): void;
}

let counter = 0;
const defaultId = () =>
  typeof globalThis.crypto?.randomUUID === 'function' ? globalThis.crypto.randomUUID() : `jenny-${++counter}`;

const EMPTY_ANSWER: JennyAnswer = { title: '', summary: '', rows: [] };

/** The status an ended answer leaves the conversation in. */
function statusOf(message: JennyAssistantMessage): JennyChatStatus {
  if (message.status === 'error') return 'error';
  if (message.status === 'streaming') return message.answer.title || message.step ? 'streaming' : 'loading';
  const answered = message.answer.kind === undefined || message.answer.kind === 'answer';
  return answered && message.answer.rows.length > 0 ? 'ready' : 'empty';
}

/**
 * A conversation with Jenny: `createJennyChat({ client, space })`. `useJenny` wraps it for React; any UI can
 * subscribe to it.
 *
 * @example
 * ```ts
 * const chat = createJennyChat({ client, space: 'sales' });
 * chat.subscribe(() => render(chat.getSnapshot()));
 * await chat.send('Top 5 brands by revenue last 30 days');
 * ```
 */
export function createJennyChat(options: JennyChatOptions): JennyChat {
  const { client } = options;
  const createId = options.createId ?? defaultId;
  const now = options.now ?? Date.now;
  const maxHistory = options.maxHistory ?? 20;
  const listeners = new Set<() => void>();

  let messages: JennyMessage[] = [];
  let space = options.space;
  let selectedId: string | undefined;
  let current: { controller: AbortController; id: string } | undefined;
  let disposed = false;
  let snapshot: JennyChatSnapshot = build();

  function build(): JennyChatSnapshot {
    const assistants = messages.filter((m): m is JennyAssistantMessage => m.role === 'assistant');
    const last = assistants.at(-1);
    const selected = (selectedId && assistants.find((m) => m.id === selectedId)) || last;
    // The status is the answer being worked on (an older one asked again), else the latest.
    const active = assistants.find((m) => m.status === 'streaming') ?? last;
    return {
      messages,
      status: active ? statusOf(active) : 'idle',
      error: active?.status === 'error' ? active.error : undefined,
      selected,
      space,
    };
  }

  function commit() {
    snapshot = build();
    for (const listener of [...listeners]) listener();
  }

  function update(id: string, change: (message: JennyAssistantMessage) => JennyAssistantMessage) {
    messages = messages.map((m) => (m.id === id && m.role === 'assistant' ? change(m) : m));
    commit();
  }

  /** The turns before `before` (its index), in this space, as the question's history. */
  function historyBefore(index: number, inSpace: string): AskTurn[] {
    return messages
      .slice(0, index)
      .filter((m) => m.space === inSpace && !(m.role === 'assistant' && m.status === 'error'))
      .map((m) => ({ role: m.role, content: m.content }))
      .filter((turn) => turn.content)
      .slice(-maxHistory);
  }

  async function answer(
    user: JennyUserMessage,
    assistantId: string,
    history: AskTurn[],
    reading: QueryInterpretation | undefined,
  ) {
    const controller = new AbortController();
    current = { controller, id: assistantId };
    const assembler = createAnswerAssembler();
    const onPart = (chunk: JennyChunk) => {
      if (controller.signal.aborted) return;
      assembler.push(chunk);
      const step = chunk.type === 'data-status' ? chunk.data.step : undefined;
      if (chunk.type === 'start' || chunk.type === 'finish') return;
      update(assistantId, (m) => ({
        ...m,
        ...(step ? { step } : {}),
        content: assembler.text,
        answer: { ...m.answer, ...assembler.answer() },
      }));
    };
    try {
      const answered = await client.ask(
        {
          space: user.space,
          question: user.content,
          history,
          ...(options.domain ? { domain: options.domain } : {}),
          ...(reading ? { reading } : {}),
        },
        { signal: controller.signal, onPart },
      );
      if (controller.signal.aborted) return;
      // What streamed in stays the same objects (the chart and table keep them and draw nothing again); the final
      // answer adds what only it has.
      update(assistantId, (m) => ({
        ...m,
        status: 'done',
        step: 'done',
        content: answered.summary,
        answer: {
          ...answered,
          ...(m.answer.rows.length > 0 && m.answer.rows.length === answered.rows.length
            ? { rows: m.answer.rows, ...(m.answer.meta ? { meta: m.answer.meta } : {}) }
            : {}),
          ...(m.answer.echartsOption ? { echartsOption: m.answer.echartsOption } : {}),
        },
      }));
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) {
        update(assistantId, (m) => (m.status === 'streaming' ? { ...m, status: 'stopped' } : m));
        return;
      }
      update(assistantId, (m) => ({
        ...m,
        status: 'error',
        error: error instanceof Error ? error : new Error(String(error)),
      }));
    } finally {
      if (current?.controller === controller) current = undefined;
    }
  }

  function stop() {
    const running = current;
    if (!running) return;
    current = undefined;
    running.controller.abort();
    update(running.id, (m) => (m.status === 'streaming' ? { ...m, status: 'stopped' } : m));
  }

  /** Answers the question of `target` again (with `reading`, when given) in its place. */
  async function replace(target: JennyAssistantMessage, reading: QueryInterpretation | undefined) {
    const user = messages.find((m): m is JennyUserMessage => m.id === target.replyTo && m.role === 'user');
    if (!user) return;
    // One answer streams at a time, as with `send`: whatever is streaming stops.
    stop();
    const index = messages.indexOf(user);
    const fresh: JennyAssistantMessage = {
      id: createId(),
      role: 'assistant',
      content: '',
      createdAt: new Date(now()).toISOString(),
      space: user.space,
      replyTo: user.id,
      status: 'streaming',
      answer: EMPTY_ANSWER,
      ...(reading ? { reading } : {}),
    };
    messages = messages.map((m) => (m.id === target.id ? fresh : m));
    selectedId = fresh.id;
    commit();
    await answer(user, fresh.id, historyBefore(index, user.space), reading);
  }

  function assistantFor(messageId: string): JennyAssistantMessage | undefined {
    const found = messages.find((m) => m.id === messageId);
    if (found?.role === 'assistant') return found;
    return messages.find((m): m is JennyAssistantMessage => m.role === 'assistant' && m.replyTo === messageId);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,

    async send(question) {
      const content = typeof question === 'string' ? question.trim() : '';
      if (!content || disposed) return;
      stop();
      const createdAt = new Date(now()).toISOString();
      const user: JennyUserMessage = { id: createId(), role: 'user', content, createdAt, space };
      const assistant: JennyAssistantMessage = {
        id: createId(),
        role: 'assistant',
        content: '',
        createdAt,
        space,
        replyTo: user.id,
        status: 'streaming',
        answer: EMPTY_ANSWER,
      };
      const history = historyBefore(messages.length, space);
      messages = [...messages, user, assistant];
      selectedId = undefined;
      commit();
      await answer(user, assistant.id, history, undefined);
    },

    stop,

    async regenerate(messageId) {
      if (disposed) return;
      const target = messageId
        ? assistantFor(messageId)
        : messages.filter((m): m is JennyAssistantMessage => m.role === 'assistant').at(-1);
      if (target) await replace(target, target.reading);
    },

    async rerun(messageId, reading) {
      if (disposed) return;
      const target = assistantFor(messageId);
      if (target) await replace(target, reading);
    },

    select(messageId) {
      const target = assistantFor(messageId);
      if (!target || target.id === selectedId) return;
      selectedId = target.id;
      commit();
    },

    async feedback(messageId, rating, comment) {
      const target = assistantFor(messageId);
      const user = target && messages.find((m) => m.id === target.replyTo);
      if (!target || !user) return;
      await client.feedback({
        space: target.space,
        question: user.content,
        rating,
        ...(comment ? { comment } : {}),
        ...(target.answer.generatedSql ? { sql: target.answer.generatedSql } : {}),
      });
      update(target.id, (m) => ({ ...m, feedback: rating }));
    },

    setSpace(next) {
      if (next === space) return;
      space = next;
      commit();
    },

    dispose() {
      disposed = true;
      stop();
      listeners.clear();
    },
  };
}
