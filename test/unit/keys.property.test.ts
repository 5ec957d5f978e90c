import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Keys } from '../../src/core/adapter/pivot';

/*
 * Keys looks nothing up while keys come in ascending order: the indexes and the list must be those of a plain Map of
 * first appearances, for sorted keys, unsorted ones, both types mixed, 0 and -0, NaN.
 */

const key = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(-0, Number.NaN, 1.5, 1e12),
  fc.constantFrom('a', 'b', 'c', 'Day 1', 'Day 10', 'Day 2', '', '1'),
);

describe('Keys', () => {
  it('indexes keys as a Map of first appearances does (property)', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 40 }), fc.boolean(), (keys, sorted) => {
        const input = sorted
          ? [...keys].sort((a, b) =>
              typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === 'number' ? -1 : 1,
            )
          : keys;
        const expected = new Map<string | number, number>();
        const list: (string | number)[] = [];
        const got = new Keys<string | number>();
        for (const k of input) {
          if (!expected.has(k)) {
            expected.set(k, list.length);
            list.push(k);
          }
          expect(got.indexOf(k)).toBe(expected.get(k));
        }
        expect(got.list).toEqual(list);
      }),
      { numRuns: 1000 },
    );
  });
});
