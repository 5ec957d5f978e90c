import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertCell, type DateMemo } from '../../src/core/adapter/table';
import { inferTimeGrain } from '../../src/core/format';
import type { TimeGrain } from '../../src/core/format/types';

/*
 * A date column reads each distinct string once (a memo per column): the cells must be the same as reading every
 * string afresh, valid or not, declared or inferred.
 */

const dateLike = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2025-02-30', '2025-13-01', 'abcd-01-01', 'not a date', '', '2025-12-31T25:00:00Z'),
  fc.string(),
);

describe('a date column read with its memo', () => {
  it('gives the cells reading each string afresh gives (property)', () => {
    fc.assert(
      fc.property(fc.array(dateLike, { maxLength: 60 }), fc.boolean(), (values, declared) => {
        const memo: DateMemo = new Map();
        // Each value twice: the second read comes from the memo.
        for (const value of [...values, ...values]) {
          expect(convertCell('date', value, declared, memo)).toEqual(convertCell('date', value, declared));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('holds each distinct string once, and no more than its bound', () => {
    const memo: DateMemo = new Map();
    for (let i = 0; i < 3; i++)
      for (const day of ['2025-01-01', '2025-01-02', '2025-01-01']) convertCell('date', day, true, memo);
    expect([...memo.keys()]).toEqual(['2025-01-01', '2025-01-02']);
    const big: DateMemo = new Map();
    for (let i = 0; i < 60_000; i++)
      convertCell('date', new Date(Date.UTC(2000, 0, 1, 0, 0, i)).toISOString(), true, big);
    expect(big.size).toBe(50_000);
  });
});

describe("a date column's grain", () => {
  it('is inferred once a column, from its distinct times, whatever asks for it', async () => {
    const { toTable } = await import('../../src/core/adapter/table');
    const { timeGrain } = await import('../../src/core/adapter/column-format');
    const days = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}-01`);
    const table = toTable({
      rows: days.flatMap((day) => [
        { day, v: 1 },
        { day, v: 2 },
      ]),
    });
    const column = table.columns.find((c) => c.meta.name === 'day');
    if (!column) throw new Error('no day column');
    expect(timeGrain(column)).toBe('month');
    // The same answer again (from the memo); a column with other values gets its own.
    expect(timeGrain(column)).toBe('month');
    expect(timeGrain({ ...column, values: [Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 2)] })).toBe('day');
  });
});

/** The grain as it was first written (distinct times sorted, each read as a Date): the one-pass reading must agree. */
function sortedGrain(values: readonly (number | null)[]): TimeGrain {
  const DAY = 86_400_000;
  const distinct = new Set<number>();
  for (const value of values) if (typeof value === 'number' && Number.isFinite(value)) distinct.add(value);
  const times = [...distinct].sort((a, b) => a - b);
  if (times.length === 0) return 'day';
  const dates = times.map((time) => new Date(time));
  const all = (test: (date: Date) => boolean) => dates.every(test);
  if (!all((d) => d.getTime() % DAY === 0)) return all((d) => d.getTime() % 3_600_000 === 0) ? 'hour' : 'minute';
  if (all((d) => d.getUTCDate() === 1)) {
    if (all((d) => d.getUTCMonth() === 0)) return 'year';
    return all((d) => d.getUTCMonth() % 3 === 0) ? 'quarter' : 'month';
  }
  const weekly =
    times.length >= 2 && times.every((time, i) => i === 0 || (time - (times[i - 1] as number)) % (7 * DAY) === 0);
  return weekly ? 'week' : 'day';
}

describe('inferTimeGrain', () => {
  it('gives the grain the sorted distinct times give, in any order, with repeats and gaps (property)', () => {
    const DAY = 86_400_000;
    const base = fc.integer({ min: -200_000, max: 200_000 }).map((days) => days * DAY);
    // Midnights, first days of months and quarters, week steps, hours and odd milliseconds, mixed with blanks.
    const time = fc.oneof(
      base,
      base.map((t) => t - (t % (7 * DAY))),
      fc.integer({ min: 1900, max: 2100 }).chain((y) => fc.integer({ min: 0, max: 11 }).map((m) => Date.UTC(y, m, 1))),
      fc.integer({ min: 1900, max: 2100 }).chain((y) => fc.constantFrom(0, 3, 6, 9).map((m) => Date.UTC(y, m, 1))),
      fc.integer({ min: 1900, max: 2100 }).map((y) => Date.UTC(y, 0, 1)),
      base.chain((t) => fc.integer({ min: 0, max: 23 }).map((h) => t + h * 3_600_000)),
      base.chain((t) => fc.integer({ min: 0, max: DAY - 1 }).map((ms) => t + ms)),
    );
    const value = fc.oneof(time, time, time, fc.constantFrom(null, Number.NaN, Number.POSITIVE_INFINITY, -0));
    const weekly = fc
      .tuple(base, fc.array(fc.integer({ min: -300, max: 300 }), { maxLength: 20 }))
      .map(([start, steps]) => steps.map((step) => start - (start % (7 * DAY)) + step * 7 * DAY));
    fc.assert(
      fc.property(fc.oneof(fc.array(value, { maxLength: 30 }), weekly), (values) => {
        expect(inferTimeGrain(values)).toBe(sortedGrain(values));
      }),
      { numRuns: 2000 },
    );
  });
});
