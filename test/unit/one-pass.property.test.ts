import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChartSpec, type Row, toEChartsOption, toTable } from '../../src/core/adapter';
import { outcome } from '../fixtures/adapter-outcome';

const xValue = fc.oneof(
  fc.constantFrom(
    'North',
    'South',
    'East',
    '',
    'Day 1',
    'Day 2',
    '2026-01-01',
    '2026-02-01',
    '2026-02-30',
    '01/02/2026',
  ),
  fc.constantFrom(null, undefined, 2024, 2025, 7, 0, true, false),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
);
const groupValue = fc.oneof(
  fc.constantFrom('A', 'B', 'C', '', '<b>x</b>', '007', '1.50'),
  fc.constantFrom(null, undefined, 1, 2, 3.5, true),
);
const measureValue = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, undefined, '', '12.5', '007', 'n/a', Number.NaN, Number.POSITIVE_INFINITY, 1e308),
);
const rowArb = fc.record(
  { when: xValue, group: groupValue, amount: measureValue, other: measureValue },
  { requiredKeys: [] },
);
const specArb = fc.record({
  kind: fc.constantFrom('line', 'area', 'bar', 'combo') as fc.Arbitrary<ChartSpec['kind']>,
  x: fc.constantFrom('when', undefined, 'missing'),
  series: fc.constantFrom('group', undefined),
  y: fc.constantFrom<string | string[]>('amount', ['amount', 'other'], 'other', 'group'),
  stack: fc.constantFrom(undefined, true, 'percent' as const),
});

describe('one-pass pivot', () => {
  it('gives the same option (or the same AdapterError) as the general path, for any rows', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 25 }), specArb, (rows: Row[], s) => {
        const spec: ChartSpec = {
          kind: s.kind,
          stack: s.stack,
          encoding: {
            x: s.x,
            y: s.y,
            series: s.kind === 'combo' ? undefined : s.series,
            y2: s.kind === 'combo' ? 'other' : undefined,
          },
        };
        const fused = outcome(() => toEChartsOption(rows, spec));
        const general = outcome(() => toEChartsOption(toTable(rows), spec));
        expect(fused).toEqual(general);
      }),
      { numRuns: 1000 },
    );
  });
});
