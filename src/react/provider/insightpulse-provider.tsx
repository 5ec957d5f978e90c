import { type ComponentProps, createContext, forwardRef, type ReactNode, useContext, useMemo } from 'react';
import type { ColorMode } from '../../../themes/tokens';
import { InsightPulseError } from '../../core/errors';
import type { PartialMessages } from '../../core/messages';
import { type InsightPulseThemeName, THEME_NAMES } from '../../theme/names';
import { cn } from '../lib/cn';
import { DEFAULT_LOCALE, MessagesContext, type MessagesContextValue } from '../lib/messages';
import { useMediaQuery } from '../lib/use-media-query';

/** What a provider is asked for: a fixed mode, or the operating system's preference. */
export type ThemePreference = ColorMode | 'system';

export interface InsightPulseThemeValue {
  /** What the provider was asked for. */
  preference: ThemePreference;
  /** The mode in force (`'system'` resolved). */
  mode: ColorMode;
  /** The registered ECharts theme of that mode. */
  echartsTheme: InsightPulseThemeName;
}

const ThemeContext = createContext<InsightPulseThemeValue | null>(null);
ThemeContext.displayName = 'InsightPulseThemeContext';

export interface InsightPulseProviderProps extends Omit<ComponentProps<'div'>, 'ref'> {
  /** `'light'`, `'dark'`, or `'system'` to follow `prefers-color-scheme`. Default `'light'`. */
  theme?: ThemePreference;
  /**
   * The BCP 47 locale of every component below, for numbers and dates. A component's own `locale` prop wins for
   * its numbers. Default `'en-US'`. Words come from `messages`.
   */
  locale?: string;
  /**
   * The words of every component below, merged over the built-in English: a whole catalogue (`fil`, imported from
   * the library) or the words to change (`{ common: { retry: 'Try again' } }`). Keep the object's
   * identity between renders (define it outside the component or memoise it). Default none.
   */
  messages?: PartialMessages;
}

/**
 * Sets the colour mode for every InsightPulse component below it. It renders a `display: contents`
 * element that carries `data-theme` (and the `dark` class in dark mode), so the CSS variables switch
 * for its subtree; charts below re-theme in place when the mode changes. Its ref is that element; `locale` and
 * `messages` set the words and formats of every component below.
 */
export const InsightPulseProvider = forwardRef<HTMLDivElement, InsightPulseProviderProps>(function InsightPulseProvider(
  { theme = 'light', locale = DEFAULT_LOCALE, messages, className, children, ...props },
  ref,
) {
  // Server rendering cannot know the user's preference: light is the first paint.
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const mode: ColorMode = theme === 'system' ? (prefersDark ? 'dark' : 'light') : theme;
  const value = useMemo<InsightPulseThemeValue>(
    () => ({ preference: theme, mode, echartsTheme: THEME_NAMES[mode] }),
    [theme, mode],
  );
  // Pass an override object that keeps its identity (defined outside the component, or memoised).
  const words = useMemo<MessagesContextValue>(() => ({ locale, messages }), [locale, messages]);
  return (
    <ThemeContext.Provider value={value}>
      <MessagesContext.Provider value={words}>
        <div
          {...props}
          ref={ref}
          data-slot="insightpulse-provider"
          data-theme={mode}
          className={cn('ip:contents', mode === 'dark' && 'dark', className)}
        >
          {children}
        </div>
      </MessagesContext.Provider>
    </ThemeContext.Provider>
  );
});

/** Thrown by `useInsightPulseTheme` outside an `<InsightPulseProvider>`. */
export class InsightPulseProviderMissingError extends InsightPulseError<'missing-provider'> {
  override readonly name = 'InsightPulseProviderMissingError';
  constructor(hook: string) {
    super('missing-provider', `${hook} must be used inside <InsightPulseProvider>`);
  }
}

/** The theme of the nearest `<InsightPulseProvider>`; throws outside one. */
export function useInsightPulseTheme(): InsightPulseThemeValue {
  const value = useContext(ThemeContext);
  if (!value) throw new InsightPulseProviderMissingError('useInsightPulseTheme');
  return value;
}

/** The provider's theme, or `null` without a provider (components then default to light). */
export function useOptionalInsightPulseTheme(): InsightPulseThemeValue | null {
  return useContext(ThemeContext);
}

/** What the nearest `<InsightPulseProvider>` provides here (`useProvided`), to provide again with `<Reprovide>`. */
export interface ProvidedValues {
  theme: InsightPulseThemeValue | null;
  messages: MessagesContextValue | null;
}

/** The provider's theme and words as they are here (null parts without a provider). */
export function useProvided(): ProvidedValues {
  return { theme: useContext(ThemeContext), messages: useContext(MessagesContext) };
}

/**
 * Provides values read with `useProvided` again. A module published self-contained (with its own copy of this file
 * and its contexts, see tsup.config.ts) wraps what it renders in it, so its components see the page's provider.
 */
export function Reprovide({ value, children }: { value: ProvidedValues; children: ReactNode }) {
  return (
    <ThemeContext.Provider value={value.theme}>
      <MessagesContext.Provider value={value.messages}>{children}</MessagesContext.Provider>
    </ThemeContext.Provider>
  );
}
