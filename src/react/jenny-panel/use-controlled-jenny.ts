import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { abortedError, isAbortError } from '../../core/client/abort';
import type { JennyAnswer } from '../../core/client/types';
import type { JennyAssistantMessage, JennyMessage, JennyMessageState } from '../../core/jenny/chat';
import { type JennyPanelMessage, type JennyResult, toJennyAnswer } from '../../core/jenny/result';

export type { JennyPanelMessage };

import type { UseJennyResult } from './use-jenny';

/**
 * The seed's controlled JennyPanel: the app keeps the messages and the result, and answers `onSendQuestion`. This
 * hook turns those props into what the panel's parts read from `useJenny`, so one set of parts serves both.
 */

export interface ControlledJennyOptions {
  messages: readonly JennyPanelMessage[] | undefined;
  selectedResult: JennyResult | null | undefined;
  onSendQuestion: ((question: string, options: { signal: AbortSignal }) => unknown) | undefined;
  onSelectMessage: ((messageId: string) => void) | undefined;
  onFeedback: ((feedback: JennyPanelFeedback) => unknown) | undefined;
}

/** What `onFeedback` receives. */
export interface JennyPanelFeedback {
  /** The assistant message rated (the result's, when it is shown without one). */
  messageId: string;
  rating: 'up' | 'down';
  comment?: string;
}

const STATES: Record<NonNullable<JennyPanelMessage['status']>, JennyMessageState> = {
  pending: 'streaming',
  streaming: 'streaming',
  complete: 'done',
  error: 'error',
  stopped: 'stopped',
};

const NO_MESSAGES: readonly JennyPanelMessage[] = [];
const RESULT_ID = 'jenny-panel-result';
const PENDING_ID = 'jenny-panel-pending';

const when = (value: string | Date | undefined) =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';

/** The panel's conversation from the app's props (see `JennyPanelProps`' controlled props). */
export function useControlledJenny(options: ControlledJennyOptions): UseJennyResult {
  const given = options.messages ?? NO_MESSAGES;
  const { selectedResult } = options;
  const [pending, setPending] = useState<{ question: string; controller: AbortController }>();
  /**
   * How the last question the panel sent ended badly, and the app's props when it did: once the app gives new
   * messages or a new result (an answer that came after Stop, say), they speak for themselves.
   */
  const [failure, setFailure] = useState<{
    question: string;
    error: Error;
    stopped?: boolean;
    given: readonly JennyPanelMessage[] | undefined;
    result: unknown;
  }>();
  /** The answer chosen in the thread (`select`), which the result belongs to; the latest when none. */
  const [chosen, setChosen] = useState<string>();
  // The latest props, for callbacks that stay the same object.
  const latest = useRef(options);
  latest.current = options;
  const running = useRef<AbortController | undefined>(undefined);
  const asked = useRef('');
  useEffect(() => () => running.current?.abort(), []);

  const result = useMemo((): { answer?: JennyAnswer; error?: Error } => {
    if (selectedResult === undefined || selectedResult === null) return {};
    try {
      return { answer: toJennyAnswer(selectedResult) };
    } catch (error) {
      return { error: error as Error };
    }
  }, [selectedResult]);

  const messages = useMemo((): JennyMessage[] => {
    let lastQuestion = '';
    const out: JennyMessage[] = given.map((message): JennyMessage => {
      const createdAt = when(message.createdAt);
      if (message.role === 'user') {
        lastQuestion = message.id;
        return { id: message.id, role: 'user', content: message.content, createdAt, space: '' };
      }
      return {
        id: message.id,
        role: 'assistant',
        content: message.content,
        createdAt,
        space: '',
        replyTo: lastQuestion,
        status: STATES[message.status ?? 'complete'] ?? 'done',
        answer: { title: message.summary ?? '', summary: message.content, rows: [] },
      };
    });
    const lastAssistant = out.findLast((m): m is JennyAssistantMessage => m.role === 'assistant');
    // The result belongs to the answer chosen in the thread (the app set the result it chose), else the latest.
    const owner =
      (chosen &&
        out.find(
          (m): m is JennyAssistantMessage => m.role === 'assistant' && (m.id === chosen || m.replyTo === chosen),
        )) ||
      lastAssistant;
    if (owner && (result.answer || result.error)) {
      out[out.indexOf(owner)] = {
        ...owner,
        ...(result.answer ? { answer: result.answer } : { status: 'error', error: result.error }),
      };
    } else if (result.answer || result.error) {
      out.push({
        id: RESULT_ID,
        role: 'assistant',
        content: result.answer?.summary ?? '',
        createdAt: '',
        space: '',
        replyTo: lastQuestion,
        status: result.answer ? 'done' : 'error',
        answer: result.answer ?? { title: '', summary: '', rows: [] },
        ...(result.error ? { error: result.error } : {}),
      });
    }
    const current = failure && failure.given === options.messages && failure.result === selectedResult;
    const question = pending?.question ?? (current ? failure?.question : undefined);
    // The question the panel's own reply answers: the latest one asked with its words, if the app has added it.
    const asking = given.findLast((m) => m.role === 'user' && m.content.trim() === question);
    // The app's own messages may already hold the answer coming in (useChat's do): then it is the pending one.
    const streaming = out.at(-1)?.role === 'assistant' && (out.at(-1) as JennyAssistantMessage).status === 'streaming';
    // The reply the panel keeps itself: waiting for the app, or how that ended.
    const own =
      pending && !streaming ? 'streaming' : current && failure ? (failure.stopped ? 'stopped' : 'error') : undefined;
    if (own) {
      out.push({
        id: PENDING_ID,
        role: 'assistant',
        content: '',
        createdAt: '',
        space: '',
        replyTo: asking?.id ?? '',
        status: own,
        answer: { title: '', summary: '', rows: [] },
        ...(own === 'error' && failure ? { error: failure.error } : {}),
      });
    }
    return out;
  }, [given, result, pending, failure, chosen, options.messages, selectedResult]);

  const send = useCallback(async (question: string) => {
    const content = question.trim();
    const handler = latest.current.onSendQuestion;
    if (!content || !handler) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    asked.current = content;
    setFailure(undefined);
    setChosen(undefined);
    setPending({ question: content, controller });
    try {
      await handler(content, { signal: controller.signal });
    } catch (error) {
      // A question stopped or asked over is settled already.
      if (running.current !== controller) return;
      setFailure({
        question: content,
        error: error instanceof Error ? error : new Error(String(error)),
        ...(isAbortError(error) ? { stopped: true } : {}),
        given: latest.current.messages,
        result: latest.current.selectedResult,
      });
    } finally {
      if (running.current === controller) {
        running.current = undefined;
        setPending(undefined);
      }
    }
  }, []);

  const stop = useCallback(() => {
    const controller = running.current;
    if (!controller) return;
    // The app's handler may not honour the signal: the panel stops waiting at once.
    running.current = undefined;
    controller.abort();
    setPending(undefined);
    setFailure({
      question: asked.current,
      error: abortedError(controller.signal.reason),
      stopped: true,
      given: latest.current.messages,
      result: latest.current.selectedResult,
    });
  }, []);

  const regenerate = useCallback(
    async (messageId?: string) => {
      // The question the answer replies to, else the last one asked.
      const target = messageId ? messages.find((m) => m.id === messageId) : undefined;
      // The panel's own failed reply asks its own question again, whether or not the app added it to the thread.
      const own = target?.id === PENDING_ID ? failure?.question : undefined;
      const replyTo = target?.role === 'assistant' ? target.replyTo : undefined;
      const question =
        own ??
        given.find((m) => m.id === replyTo)?.content ??
        failure?.question ??
        given.findLast((m) => m.role === 'user')?.content;
      if (question) await send(question);
    },
    [messages, given, failure, send],
  );

  const select = useCallback((messageId: string) => {
    setChosen(messageId);
    latest.current.onSelectMessage?.(messageId);
  }, []);

  const feedback = useCallback(async (messageId: string, rating: 'up' | 'down', comment?: string) => {
    const handler = latest.current.onFeedback;
    if (!handler) return;
    await handler({ messageId, rating, ...(comment ? { comment } : {}) });
  }, []);

  const rerun = useCallback(async () => {
    // The app answers questions itself: an edited reading has nowhere to run (the chips are read-only).
  }, []);

  const latestReply = messages.findLast((m): m is JennyAssistantMessage => m.role === 'assistant');
  const selected =
    latestReply?.id !== PENDING_ID && chosen
      ? (messages.find(
          (m): m is JennyAssistantMessage => m.role === 'assistant' && (m.id === chosen || m.replyTo === chosen),
        ) ?? latestReply)
      : latestReply;
  const status: UseJennyResult['status'] =
    selected?.status === 'streaming' && selected.id !== PENDING_ID
      ? 'streaming'
      : pending
        ? 'loading'
        : !selected
          ? 'idle'
          : selected.status === 'error'
            ? 'error'
            : selected.answer.rows.length > 0
              ? 'ready'
              : 'empty';
  const error = selected?.status === 'error' ? selected.error : undefined;
  return useMemo(
    () => ({ messages, status, error, selected, send, stop, regenerate, rerun, select, feedback }),
    [messages, status, error, selected, send, stop, regenerate, rerun, select, feedback],
  );
}
