import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEChartsOption } from '../../src/core/adapter';

/*
 * A heatmap sums its cells in arrays when there are not many more cells than rows: the cells, their order (of
 * first value) and sums must be those of a Map of cells, nulls skipped.
 */

const value = fc.oneof(fc.integer({ min: -9, max: 9 }), fc.constantFrom(null, -0, 0.5));
/** Few cells (summed in arrays) or, with many labels and few rows, many (summed in a Map). */
const few = fc.record({ x: fc.constantFrom('a', 'b', 'c', 'd'), y: fc.constantFrom('p', 'q', 'r'), v: value });
const label = fc.integer({ min: 0, max: 999 }).map((n) => `L${n}`);
const many = fc.record({ x: label, y: label, v: value });

describe('heatmap cells', () => {
  it('are those of a Map of cells in order of first value (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(few, { minLength: 1, maxLength: 40 }), fc.array(many, { minLength: 70, maxLength: 160 })),
        (rows) => {
          const xs = [...new Set(rows.map((r) => r.x))];
          const ys = [...new Set(rows.map((r) => r.y))];
          const cells = new Map<string, [number, number, number]>();
          for (const r of rows) {
            if (r.v === null) continue;
            const key = `${r.x}|${r.y}`;
            const cell = cells.get(key) ?? [xs.indexOf(r.x), ys.indexOf(r.y), 0];
            cell[2] += r.v;
            cells.set(key, cell);
          }
          if (cells.size === 0) return;
          const option = toEChartsOption(rows, { kind: 'heatmap', encoding: { x: 'x', y: 'y', color: 'v' } }) as {
            series: { data: unknown }[];
          };
          expect(option.series[0]?.data).toEqual([...cells.values()]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
