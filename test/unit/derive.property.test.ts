import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChartSpec,
  type ColumnMeta,
  chooseChart,
  type ResultSet,
  type Row,
  toEChartsOption,
  toTable,
} from '../../src/core/adapter';
import { FREQUENT_BUILDERS } from '../../src/core/adapter/build';
import { deriveChart } from '../../src/core/adapter/derive';
import { RARE_BUILDERS } from '../../src/core/adapter/rare-builders';
import { scanTable } from '../../src/core/adapter/table';
import { outcome } from '../fixtures/adapter-outcome';

const BUILDERS = { ...FREQUENT_BUILDERS, ...RARE_BUILDERS };

/** Values that make a column of any type, or break one late: a number column whose 40th row is text, say. */
const value = fc.oneof(
  fc.constantFrom('North', 'South', 'East', 'West', 'Mon', 'Tue', 'Jan', 'Feb', 'Mar', '', '007', '1.5', 'n/a'),
  fc.constantFrom('2026-01-01', '2026-02-01', '2026-01-08', '2026-02-30', null, undefined, true, false),
  fc.integer({ min: -5, max: 40 }),
  fc.constantFrom(2024, 2025, 0.5, -3.25, Number.NaN, 1e6),
);
/** A column: mostly one kind of value (so charts other than bars per row come up), now and then another. */
const column = fc.record({
  base: fc.constantFrom<readonly unknown[]>(
    ['North', 'South', 'East', 'West'],
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    ['Jan', 'Feb', 'Mar', 'Apr'],
    ['2026-01-01', '2026-02-01', '2026-03-01'],
    [2024, 2025, 2026],
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    ['Stage 1', 'Stage 2', 'Stage 3'],
  ),
  odd: fc.array(fc.tuple(fc.nat(60), value), { maxLength: 2 }),
  measure: fc.boolean(),
});
const NAMES = ['year', 'stage', 'revenue', 'region', 'avg_price', 'user_id'];
const meta = fc.array(
  fc.record(
    {
      name: fc.constantFrom(...NAMES),
      type: fc.constantFrom('number', 'string', 'date', 'boolean' as const),
      role: fc.constantFrom('dimension', 'measure', 'time' as const),
      label: fc.constantFrom('Revenue', 'Avg'),
    },
    { requiredKeys: ['name'] },
  ),
  { maxLength: 2 },
);

const data = fc
  .record({
    rows: fc.nat(60),
    columns: fc.array(column, { minLength: 1, maxLength: 4 }),
    meta,
    seed: fc.integer(),
  })
  .map(({ rows, columns, meta, seed }): ResultSet => {
    const out: Row[] = [];
    for (let r = 0; r < rows; r++) {
      const row: Record<string, unknown> = {};
      columns.forEach((c, i) => {
        const odd = c.odd.find(([at]) => at === r);
        row[NAMES[i] as string] = odd
          ? odd[1]
          : c.measure
            ? ((r * 7919 + seed) % 1000) - (seed % 3 === 0 ? 100 : 0)
            : c.base[(r + (seed & 3)) % c.base.length];
      });
      out.push(row);
    }
    const unique = meta.filter((m, i) => meta.findIndex((n) => n.name === m.name) === i) as ColumnMeta[];
    return { rows: out, meta: unique };
  });

describe('choosing from a scan of the rows', () => {
  it('chooses as from the whole table, with the same reasons and counts (or the same AdapterError)', () => {
    fc.assert(
      fc.property(data, (input) => {
        expect(outcome(() => chooseChart(input))).toEqual(outcome(() => chooseChart(toTable(input))));
      }),
      { numRuns: 1500 },
    );
  });

  it('scans the same table as toTable makes: types, roles, labels, values and each cell', () => {
    fc.assert(
      fc.property(data, (input) => {
        const general = outcome(() => toTable(input));
        const scanned = outcome(() => {
          const { table, scans } = scanTable(input, true);
          for (const [c, scan] of scans.entries()) {
            expect(table.columns[c]?.values.map((_, row) => scan.cell(row))).toEqual(table.columns[c]?.values);
          }
          return { columns: table.columns.map((c) => ({ ...c, values: c.values })), rowCount: table.rowCount };
        });
        expect(scanned).toEqual(general);
      }),
      { numRuns: 500 },
    );
  });

  it("derives ChartCard's chart as toTable, chooseChart and toEChartsOption do", () => {
    fc.assert(
      fc.property(data, (input) => {
        const derived = outcome(() => {
          const { table, choice, option, waiting, rowAt } = deriveChart(input, 'auto', {}, BUILDERS);
          // The table and each row are toTable's, whichever columns' scans were put off.
          const general = toTable(input);
          expect(table.columns.map((c) => ({ ...c, values: c.values }))).toEqual(general.columns);
          for (let row = 0; row < table.rowCount; row++) {
            const cells = general.columns.map((c) => {
              const cell = c.values[row] ?? null;
              return [c.name, c.type === 'date' && typeof cell === 'number' ? new Date(cell) : cell];
            });
            expect(rowAt(row)).toEqual(Object.fromEntries(cells));
          }
          return { rowCount: table.rowCount, choice, option, waiting };
        });
        const general = outcome(() => {
          const table = toTable(input);
          const choice = table.rowCount > 0 ? chooseChart(table) : undefined;
          return {
            rowCount: table.rowCount,
            choice,
            option: choice ? toEChartsOption(table, choice) : undefined,
            waiting: false,
          };
        });
        expect(derived).toEqual(general);
      }),
      { numRuns: 500 },
    );
  });
});

describe('deriveChart', () => {
  const rows = [
    { day: '2026-01-01', region: 'North', revenue: 10 },
    { day: '2026-01-01', region: 'South', revenue: 5 },
    { day: '2026-01-02', region: 'North', revenue: 7 },
  ];

  it('gives each row with its dates as Date objects, and the chosen chart with its counts', () => {
    const chart = deriveChart(rows, 'auto', {}, BUILDERS);
    expect(chart.rowAt(2)).toEqual({ day: new Date('2026-01-02T00:00:00Z'), region: 'North', revenue: 7 });
    expect(chart.rowAt(3)).toEqual({ day: null, region: null, revenue: null });
    expect(chart.choice?.reason).toMatchObject({ code: 'trend', series: 'region' });
    expect(chart.table.rowCount).toBe(3);
  });

  it('chooses from every value of a time or measure column it did not scan first', () => {
    const many = (odd: Partial<Row>): Row[] =>
      Array.from({ length: 500 }, (_, i) => ({
        day: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
        region: i % 2 ? 'North' : 'South',
        revenue: i,
        cost: i / 2,
        ...(i === 400 ? odd : {}),
      }));
    const cases: [Partial<Row>, string][] = [
      [{}, 'trend'],
      [{ revenue: 'n/a' }, 'trend'],
      [{ day: 'soon' }, 'stacked'],
      [{ cost: 'n/a' }, 'trend'],
    ];
    for (const [odd, code] of cases) {
      const rows = many(odd);
      const chart = deriveChart(rows, 'auto', {}, BUILDERS);
      const table = toTable(rows);
      expect(chart.choice?.reason.code).toBe(code);
      expect(chart.choice).toEqual(chooseChart(table));
      expect(JSON.stringify(chart.option)).toBe(JSON.stringify(toEChartsOption(table, chart.choice as ChartSpec)));
      expect(chart.table.columns.map((c) => c.type)).toEqual(table.columns.map((c) => c.type));
    }
  });

  it('waits for a chosen kind whose builder is not given, and refuses an unknown kind', () => {
    const points = rows.map((r, i) => ({ a: i, b: r.revenue }));
    const chart = deriveChart(points, 'auto', {}, FREQUENT_BUILDERS);
    expect(chart).toMatchObject({ waiting: true, option: undefined, choice: { kind: 'scatter' } });
    expect(() => deriveChart(rows, { kind: 'radar' as 'bar', encoding: {} }, {}, FREQUENT_BUILDERS)).toThrow(
      expect.objectContaining({ code: 'invalid-spec' }),
    );
  });

  it('counts a series value first met past the first thousand rows (no split into lines, and says so)', () => {
    const many: Row[] = Array.from({ length: 3000 }, (_, i) => ({
      day: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
      store: i < 2000 ? `Store ${i % 8}` : `Store ${i % 9}`,
      revenue: i,
    }));
    const choice = deriveChart(many, 'auto', {}, BUILDERS).choice;
    expect(choice?.encoding.series).toBeUndefined();
    expect(choice?.reason).toMatchObject({ code: 'trend', summed: [{ label: 'store', values: 9 }] });
  });
});
