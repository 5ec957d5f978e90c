import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DataClient } from '../../core/client/client';
import {
  createJennyChat,
  type JennyAssistantMessage,
  type JennyChat,
  type JennyChatSnapshot,
  type JennyChatStatus,
  type JennyMessage,
} from '../../core/jenny/chat';
import { useDataClient } from '../provider/data-client-provider';

export interface UseJennyOptions {
  /** The space questions are asked in; changing it sends later questions there. */
  space: string;
  /** A domain hint within the space, sent with each question. */
  domain?: string;
  /** The data client; default the `DataClientProvider`'s. Its transport answers (`pgliteTransport`, `httpTransport`). */
  client?: DataClient;
}

export interface UseJennyResult {
  messages: readonly JennyMessage[];
  /** The library's one status set, plus `'streaming'` while an answer's chunks arrive. */
  status: JennyChatStatus;
  /** The last answer's failure. */
  error: Error | undefined;
  /** The answer a result view shows: the one selected, else the latest. */
  selected: JennyAssistantMessage | undefined;
  /** Asks a question; resolves when the answer ends (a failure is in `status` and `error`). */
  send: JennyChat['send'];
  /** Stops the answer that is streaming, end to end. */
  stop: JennyChat['stop'];
  /** Asks an answer's question again (default the latest). */
  regenerate: JennyChat['regenerate'];
  /** Answers an answer's question again with an edited reading (the Explain dialog's chips). */
  rerun: JennyChat['rerun'];
  /** Shows an older answer. */
  select: JennyChat['select'];
  /** Thumbs up or down, with an optional comment, through `client.feedback`. */
  feedback: JennyChat['feedback'];
}

/**
 * A conversation with Jenny for React: `useJenny({ space })` inside a `DataClientProvider`. Answers stream in as
 * their chunks arrive, with at most one render per animation frame however fast they come. Unmounting stops an
 * answer that is streaming (its request is aborted).
 */
export function useJenny(options: UseJennyOptions): UseJennyResult {
  const client = useDataClient({ client: options.client });
  const [state, setState] = useState<{ client: DataClient; chat: JennyChat }>(() => ({
    client,
    chat: createJennyChat({ client, space: options.space, ...(options.domain ? { domain: options.domain } : {}) }),
  }));
  let { chat } = state;
  if (state.client !== client) {
    // Another client: a new conversation (the old one stops when its effect is cleaned up).
    chat = createJennyChat({ client, space: options.space, ...(options.domain ? { domain: options.domain } : {}) });
    setState({ client, chat });
  }

  useEffect(() => {
    chat.setSpace(options.space);
  }, [chat, options.space]);
  // Not dispose: StrictMode runs this cleanup and the effect again on the same conversation.
  useEffect(() => () => chat.stop(), [chat]);

  const subscribe = useCallback(
    (listener: () => void) => {
      const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : undefined;
      let frame: number | undefined;
      const unsubscribe = chat.subscribe(() => {
        if (!raf) return listener();
        if (frame === undefined) {
          frame = raf(() => {
            frame = undefined;
            listener();
          });
        }
      });
      return () => {
        unsubscribe();
        if (frame !== undefined) cancelAnimationFrame(frame);
      };
    },
    [chat],
  );
  const snapshot: JennyChatSnapshot = useSyncExternalStore(subscribe, chat.getSnapshot, chat.getSnapshot);

  return {
    messages: snapshot.messages,
    status: snapshot.status,
    error: snapshot.error,
    selected: snapshot.selected,
    send: chat.send,
    stop: chat.stop,
    regenerate: chat.regenerate,
    rerun: chat.rerun,
    select: chat.select,
    feedback: chat.feedback,
  };
}
