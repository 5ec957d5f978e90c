import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Context, extremes } from '../../src/core/adapter/context';

/*
 * extremes labels only the highest and lowest values (a time axis formats each label): the sentence must be the one
 * labelling every value first gives, the first of equal values winning.
 */

const ctx = {
  words: {
    extremes: ({
      highest,
      lowest,
    }: {
      highest: { label: string; value: string };
      lowest: { label: string; value: string };
    }) => `max ${highest.label}=${highest.value} min ${lowest.label}=${lowest.value}`,
  },
} as unknown as Context;

/** Labelling every item first, as extremes did before. */
function everyLabel(items: readonly { label: string; value: number | null }[], format: (n: unknown) => string): string {
  let max: { label: string; value: number } | undefined;
  let min: { label: string; value: number } | undefined;
  for (const { label, value } of items) {
    if (value === null) continue;
    if (!max || value > max.value) max = { label, value };
    if (!min || value < min.value) min = { label, value };
  }
  if (!max || !min) return '';
  const highest = { label: max.label, value: format(max.value) };
  return ` ${ctx.words.extremes({ highest, lowest: { label: min.label, value: format(min.value) } })}`;
}

describe('extremes', () => {
  it('says what labelling every value says (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }), { maxLength: 30 }), (values) => {
        const format = (n: unknown) => `<${String(n)}>`;
        const labelled: number[] = [];
        const got = extremes(
          ctx,
          values,
          (i) => {
            labelled.push(i);
            return `#${i}`;
          },
          format,
        );
        expect(got).toBe(
          everyLabel(
            values.map((value, i) => ({ label: `#${i}`, value })),
            format,
          ),
        );
        expect(labelled.length).toBeLessThanOrEqual(2);
      }),
    );
  });
});
