import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanTable, toTable } from '../../src/core/adapter/table';
import type { ColumnMeta } from '../../src/core/adapter/types';

/*
 * A scan skips a value equal to the one a guessed cycle back (rows in cycles, each day's brands): its figures (type,
 * distinct cells, smallest and largest absolute number) and its errors must be those of converting every value.
 */

const value = fc.oneof(
  fc.constantFrom('Brand 01', 'Brand 02', 'Brand 03', '2024-01-01', '2024-01-02', '007', '12', '', null, 'x'),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(-0, 0.5, 1e21),
  fc.boolean(),
);

/** Rows of one column: a cycle repeated, with some cells changed (which breaks and starts cycles). */
const column = fc
  .tuple(
    fc.array(value, { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 1, max: 12 }),
    fc.array(fc.tuple(fc.nat(), value), { maxLength: 4 }),
  )
  .map(([cycle, times, changes]) => {
    const values = Array.from({ length: cycle.length * times }, (_, i) => cycle[i % cycle.length]);
    for (const [at, v] of changes) values[at % values.length] = v;
    return values;
  });

const outcome = (run: () => unknown) => {
  try {
    return { value: run() };
  } catch (error) {
    return { error: String(error) };
  }
};

describe('a column scanned in cycles', () => {
  it('has the figures and errors of converting every value (property)', () => {
    fc.assert(
      fc.property(
        column,
        fc.constantFrom<ColumnMeta['type']>(undefined, 'number', 'string', 'date', 'boolean'),
        fc.constantFrom<ColumnMeta['role']>(undefined, 'dimension'),
        (values, type, role) => {
          const meta: ColumnMeta[] = [{ name: 'v', ...(type ? { type } : {}), ...(role ? { role } : {}) }];
          const data = { rows: values.map((v) => ({ v })), meta };
          const scanned = outcome(() => {
            const [scan] = scanTable(data, true).scans;
            if (!scan) return undefined;
            return { type: scan.column.type, distinct: scan.distinct, min: scan.min, maxAbs: scan.maxAbs };
          });
          const full = outcome(() => {
            const [col] = toTable(data).columns;
            if (!col) return undefined;
            const cells = col.values.filter((c) => c !== null);
            const numbers = cells.filter((c): c is number => typeof c === 'number');
            return { type: col.type, cells: new Set(cells), numbers };
          });
          if ('error' in full || 'error' in scanned) {
            expect(scanned).toEqual(full);
            return;
          }
          const scan = scanned.value as { type: string; distinct?: Set<unknown>; min: number; maxAbs: number };
          const want = full.value as { type: string; cells: Set<unknown>; numbers: number[] };
          expect(scan.type).toBe(want.type);
          if (scan.distinct) expect(scan.distinct).toEqual(want.cells);
          // The first of equal numbers (0 and -0) counts, as in one pass.
          let min = Number.POSITIVE_INFINITY;
          for (const n of want.numbers) if (n < min) min = n;
          expect(scan.min).toBe(min);
          expect(scan.maxAbs).toBe(Math.max(0, ...want.numbers.map(Math.abs)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
