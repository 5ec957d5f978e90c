import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/core/util/iso-date';

/*
 * parseIsoDate works a calendar day out arithmetically (no Date): it must be the instant Date gives for the same
 * proleptic Gregorian day, years 0-99 included, and nothing for a day past its month's end.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Epoch ms of the day through Date, or undefined when Date rolls it over into another month. */
function throughDate(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 ? date.getTime() : undefined;
}

describe('a calendar day read by parseIsoDate', () => {
  it('is the instant Date gives for it, plain or with a time and zone (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const expected = throughDate(year, month, day);
          expect(parseIsoDate(text)).toBe(expected);
          const later = expected === undefined ? undefined : expected + 3_600_000 * 11 + 5_000 - 3_600_000 * 2;
          expect(parseIsoDate(`${text}T11:00:05+02:00`)).toBe(later);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is right at the edges: leap days, years 0 and 9999, the epoch', () => {
    for (const [y, m, d] of [
      [0, 1, 1],
      [0, 2, 29],
      [99, 12, 31],
      [100, 3, 1],
      [1600, 2, 29],
      [1900, 2, 28],
      [1970, 1, 1],
      [2000, 2, 29],
      [2024, 1, 1],
      [9999, 12, 31],
    ] as const) {
      expect(parseIsoDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(throughDate(y, m, d));
    }
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
  });
});
