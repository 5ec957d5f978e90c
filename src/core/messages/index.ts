import { en } from './en';
import { fil } from './fil';
import type { Messages, PartialMessages } from './types';

export { en } from './en';
export { fil } from './fil';
export type { Messages, PartialMessages } from './types';

/** The catalogues the library ships, by language. */
export const catalogues: Readonly<Record<'en' | 'fil', Messages>> = { en, fil };

/** The shipped catalogue for a BCP 47 locale: Filipino for `fil` and `tl` (Tagalog), otherwise English. */
export function messagesFor(locale: string | undefined): Messages {
  const language = (locale ?? 'en').toLowerCase().split(/[-_]/)[0];
  return language === 'fil' || language === 'tl' ? fil : en;
}

/** `base` with each given part of `overrides` laid over it, part by part (later overrides win). */
export function mergeMessages(base: Messages, ...overrides: (PartialMessages | undefined)[]): Messages {
  let merged = base;
  for (const override of overrides) {
    if (!override) continue;
    const next = { ...merged } as Record<keyof Messages, object>;
    for (const part of Object.keys(override) as (keyof Messages)[]) {
      const given = override[part];
      if (given) next[part] = { ...merged[part], ...given };
    }
    merged = next as Messages;
  }
  return merged;
}
