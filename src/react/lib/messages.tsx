import { createContext, useContext, useMemo } from 'react';
import { type Messages, mergeMessages, type PartialMessages } from '../../core/messages';
import { en } from '../../core/messages/en';

/** What `<InsightPulseProvider>` gives the components below it. */
export interface MessagesContextValue {
  /** The BCP 47 locale numbers and dates are written in. */
  locale: string;
  /** The provider's catalogue as given (a whole language, or the words to change); each component lays it over its own English parts. */
  messages: PartialMessages | undefined;
}

export const MessagesContext = createContext<MessagesContextValue | null>(null);
MessagesContext.displayName = 'InsightPulseMessagesContext';

export const DEFAULT_LOCALE = 'en-US';

export interface MessagesValue {
  /** The BCP 47 locale numbers and dates are written in. */
  locale: string;
  /** The catalogue, with the provider's overrides merged in. */
  messages: Messages;
}

export interface UseMessagesOptions {
  /** A component's `locale` prop: used for numbers and dates, and for the words outside a provider. */
  locale?: string;
  /** A component's `messages` prop, merged over the provider's catalogue. */
  messages?: PartialMessages;
}

/**
 * The words and locale a component uses: English, with the nearest `<InsightPulseProvider>`'s `messages` merged over
 * it, then the component's own `messages`. `locale` is the component's, else the provider's, else `'en-US'`.
 */
export function useMessages(options: UseMessagesOptions = {}): MessagesValue {
  const context = useContext(MessagesContext);
  const locale = options.locale ?? context?.locale ?? DEFAULT_LOCALE;
  const given = context?.messages;
  const override = options.messages;
  const messages = useMemo(() => mergeMessages(en, given, override), [given, override]);
  return { locale, messages };
}

export interface WordsValue<Part extends keyof Messages> {
  locale: string;
  /** The parts asked for: English, with the provider's words and then the component's merged over it. */
  words: Pick<Messages, Part>;
  /**
   * The provider's and the component's words together, as given: what a component hands a part that reads no
   * context of its own (ChartCard's self-contained extras).
   */
  catalogue: PartialMessages | undefined;
}

/**
 * `useMessages` for the library's components: only the `parts` it is given (each component's English parts), so an
 * app loads only the words of the components it renders.
 */
export function useWords<Part extends keyof Messages>(
  options: UseMessagesOptions,
  parts: Pick<Messages, Part>,
): WordsValue<Part> {
  const context = useContext(MessagesContext);
  const locale = options.locale ?? context?.locale ?? DEFAULT_LOCALE;
  const given = context?.messages;
  const override = options.messages;
  return useMemo(() => {
    const catalogue = given && override ? mergeMessages(given, override) : (override ?? given);
    return { locale, words: mergeMessages(parts, catalogue), catalogue };
  }, [locale, parts, given, override]);
}
