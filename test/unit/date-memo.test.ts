import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertCell, type DateMemo } from '../../src/core/adapter/table';

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
