/*
 * English is built in; another language is a catalogue an app imports and gives the provider
 * (`<InsightPulseProvider locale="fil-PH" messages={fil}>`), so an app pays only for the words it uses.
 */
import type { Messages, PartialMessages } from './types';

export { en } from './en';
export { enChartReasons } from './en-chart-reasons';
export { fil } from './fil';
export type { Messages, PartialMessages } from './types';

/**
 * `base` (a catalogue, or some of its parts) with each given part of `overrides` laid over it, part by part (later
 * overrides win). Neither is changed.
 */
export function mergeMessages<Base extends PartialMessages>(
  base: Base,
  ...overrides: (PartialMessages | undefined)[]
): Base {
  let merged = base;
  for (const override of overrides) {
    if (!override) continue;
    const next = { ...merged } as Record<keyof Messages, object | undefined>;
    for (const part of Object.keys(override) as (keyof Messages)[]) {
      const given = override[part];
      if (given) next[part] = { ...merged[part], ...given };
    }
    merged = next as Base;
  }
  return merged;
}
