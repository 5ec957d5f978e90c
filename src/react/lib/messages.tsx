import { createContext, useContext, useMemo } from 'react';
import { type Messages, mergeMessages, type PartialMessages } from '../../core/messages';
import { en } from '../../core/messages/en';

export interface MessagesValue {
  /** The BCP 47 locale numbers and dates are written in. */
  locale: string;
  /** The catalogue, with the provider's overrides merged in. */
  messages: Messages;
}

export const MessagesContext = createContext<MessagesValue | null>(null);
MessagesContext.displayName = 'InsightPulseMessagesContext';

export const DEFAULT_LOCALE = 'en-US';

export interface UseMessagesOptions {
  /** A component's `locale` prop: used for numbers and dates, and for the words outside a provider. */
  locale?: string;
  /** A component's `messages` prop, merged over the provider's catalogue. */
  messages?: PartialMessages;
}

/**
 * The words and locale a component uses: the nearest `<InsightPulseProvider>`'s catalogue (its locale's, with its
 * `messages` merged over it), with the component's own `messages` merged over that. Outside a provider the catalogue
 * is English. `locale` is the component's, else the provider's,
 * else `'en-US'`.
 */
export function useMessages(options: UseMessagesOptions = {}): MessagesValue {
  const context = useContext(MessagesContext);
  const locale = options.locale ?? context?.locale ?? DEFAULT_LOCALE;
  const base = context?.messages ?? en;
  const override = options.messages;
  const messages = useMemo(() => mergeMessages(base, override), [base, override]);
  return { locale, messages };
}
