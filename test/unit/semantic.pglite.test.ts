import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CompiledSemanticQuery,
  compileQuery,
  demoSpaces,
  executiveSpace,
  FILTER_OPERATORS,
  financeSpace,
  opsSpace,
  type SemanticQuery,
  salesSpace,
} from '../../src/core/semantic';
import { targetsSpace } from '../../src/core/semantic/spaces';
import { emptyPGlite } from '../setup/warehouse';

/** The compiled SQL runs on the demo warehouse schema in PGlite (PostgreSQL compiled to WebAssembly). */
const SCHEMA = readFileSync(new URL('../../src/core/warehouse/sql/001_schema.sql', import.meta.url), 'utf8');

const SEED = `
insert into scout.sales values
  ('2024-01-05', 'North', 'Makati', 'Alaska', 'Dairy', 'web', 4, 10, 400.00),
  ('2024-02-10', 'North', 'Makati', 'Nido_50%', 'Dairy', 'store', 2, 4, 100.00),
  ('2024-04-01', 'South', 'Cebu', 'Alaska', 'Dairy', 'store', 0, 0, 0.00),
  ('2024-04-02', 'South', 'O''Brien''s', 'Bear Brand', 'Milk', 'web', 5, 5, 250.50);
insert into te_tax.expenses values
  (1, '2024-01-03', 'Sales', 'Travel', 'Grab', 100.00, 12.00, true, 'approved'),
  (2, '2024-01-20', 'Finance', 'Meals', 'Jollibee', 50.00, 6.00, false, 'pending'),
  (3, '2024-03-15', 'Sales', 'Travel', 'PAL', 850.00, 102.00, true, 'rejected');
insert into opex.close_metrics values
  ('2024-01-01', 'PH', 6.0, 0.9000, 3),
  ('2024-02-01', 'PH', 5.0, 0.9500, 1),
  ('2024-03-01', 'SG', 4.0, 1.0000, 0),
  ('2024-04-01', 'SG', 7.0, 0.8000, 2);
insert into ces.campaign_performance values
  ('2024-01-01', 'Launch', 'social', 'video_a', 1000, 50, 5, 200.00),
  ('2024-01-02', 'Launch', 'search', 'text_b', 500, 0, 0, 0.00),
  ('2024-02-01', 'Always on', 'social', 'video_a', 2000, 40, 4, 100.00);
insert into gold.finance_monthly values
  ('2024-01-01', 1000.00, 600.00),
  ('2024-02-01', 2000.00, 500.00),
  ('2024-04-01', 0.00, 100.00);
insert into gold.targets values
  ('2024-01-01', 'North', 'revenue', 450.00),
  ('2024-01-01', 'North', 'orders', 9),
  ('2024-02-01', 'North', 'revenue', 120.00),
  ('2024-04-01', 'South', 'revenue', 240.00),
  ('2024-04-01', 'South', 'orders', 6);
`;

let db: PGlite;

beforeAll(async () => {
  db = await emptyPGlite();
  await db.exec(SCHEMA);
  await db.exec(SEED);
});

afterAll(async () => {
  await db?.close();
});

async function run(compiled: CompiledSemanticQuery): Promise<Record<string, unknown>[]> {
  const result = await db.query<Record<string, unknown>>(compiled.sql, compiled.params as unknown[]);
  expect(result.fields.map((field) => field.name)).toEqual(compiled.meta.map((column) => column.name));
  return result.rows;
}

async function ask(space = salesSpace, query: SemanticQuery) {
  return run(compileQuery(space, query));
}

describe('compiled SQL on PGlite', () => {
  it.each(demoSpaces.map((space) => [space.name, space] as const))(
    'runs every metric, dimension and grain of %s',
    async (_, space) => {
      const metrics = space.metrics.map((m) => m.name);
      const dimensions = space.dimensions.map((d) => d.name);
      const total = await ask(space, { metrics, dimensions });
      expect(total.length).toBeGreaterThan(0);
      for (const row of total) {
        for (const metric of metrics) expect(row[metric] === null || typeof row[metric] === 'number').toBe(true);
      }
      for (const grain of space.timeDimension?.grains ?? []) {
        const rows = await ask(space, { metrics, timeGrain: grain });
        expect(rows.length).toBeGreaterThan(0);
        const periods = rows.map((row) => (row.period as Date).getTime());
        expect(periods).toEqual([...periods].sort((a, b) => a - b));
      }
    },
    30_000,
  );

  it('aggregates to the right numbers', async () => {
    expect(
      await ask(salesSpace, { metrics: ['revenue', 'orders', 'average_order_value'], dimensions: ['region'] }),
    ).toEqual([
      { region: 'North', revenue: 500, orders: 6, average_order_value: 500 / 6 },
      { region: 'South', revenue: 250.5, orders: 5, average_order_value: 50.1 },
    ]);
    expect(await ask(executiveSpace, { metrics: ['expense_ratio'], timeGrain: 'month' })).toEqual([
      { period: new Date('2024-01-01T00:00:00Z'), expense_ratio: 0.6 },
      { period: new Date('2024-02-01T00:00:00Z'), expense_ratio: 0.25 },
      { period: new Date('2024-04-01T00:00:00Z'), expense_ratio: null },
    ]);
    // Each target metric sums only its own rows of gold.targets.
    expect(await ask(targetsSpace, { metrics: ['revenue_target', 'orders_target'], timeGrain: 'quarter' })).toEqual([
      { period: new Date('2024-01-01T00:00:00Z'), revenue_target: 570, orders_target: 9 },
      { period: new Date('2024-04-01T00:00:00Z'), revenue_target: 240, orders_target: 6 },
    ]);
  });

  it('groups by the truncated period even where the table has a column called period', async () => {
    const rows = await ask(opsSpace, { metrics: ['adjustments', 'days_to_close'], timeGrain: 'quarter' });
    expect(rows).toEqual([
      { period: new Date('2024-01-01T00:00:00Z'), adjustments: 4, days_to_close: 5 },
      { period: new Date('2024-04-01T00:00:00Z'), adjustments: 2, days_to_close: 7 },
    ]);
  });

  it('applies every operator', async () => {
    // No GROUP BY: one row, whose sum is null when no row matched.
    const count = async (op: (typeof FILTER_OPERATORS)[number], value: unknown) => {
      const rows = await ask(salesSpace, { metrics: ['orders'], filters: [{ dimension: 'store', op, value }] });
      expect(rows).toHaveLength(1);
      return rows[0]?.orders ?? null;
    };
    expect(await count('eq', 'Makati')).toBe(6);
    expect(await count('neq', 'Makati')).toBe(5);
    expect(await count('in', ['Cebu', "O'Brien's"])).toBe(5);
    expect(await count('not_in', ['Cebu'])).toBe(11);
    expect(await count('gt', 'Cebu')).toBe(11);
    expect(await count('gte', 'Cebu')).toBe(11);
    expect(await count('lt', 'Makati')).toBe(0);
    expect(await count('lt', 'Cebu')).toBe(null);
    expect(await count('lte', 'Makati')).toBe(6);
    expect(await count('contains', "o'b")).toBe(5);
    expect(await count('contains', 'MAK')).toBe(6);
  });

  it('matches % and _ literally in contains', async () => {
    const brands = async (value: string) =>
      (
        await ask(salesSpace, {
          metrics: ['orders'],
          dimensions: ['brand'],
          filters: [{ dimension: 'brand', op: 'contains', value }],
        })
      ).map((row) => row.brand);
    expect(await brands('_50%')).toEqual(['Nido_50%']);
    expect(await brands('%')).toEqual(['Nido_50%']);
    expect(await brands('_')).toEqual(['Nido_50%']);
    expect(await brands('a_a')).toEqual([]);
  });

  it('filters booleans and includes both ends of a date range', async () => {
    expect(
      await ask(financeSpace, {
        metrics: ['total_expenses', 'expense_count'],
        filters: [{ dimension: 'reimbursable', op: 'eq', value: true }],
        dateRange: { from: '2024-01-03', to: '2024-03-15' },
      }),
    ).toEqual([{ total_expenses: 950, expense_count: 2 }]);
    expect(
      await ask(financeSpace, { metrics: ['expense_count'], dateRange: { from: '2024-01-04', to: '2024-03-14' } }),
    ).toEqual([{ expense_count: 1 }]);
  });

  it('runs hostile values as data, leaving the tables alone', async () => {
    for (const value of [
      "'; drop table scout.sales; --",
      '"; drop table scout.sales; --',
      '$1',
      '\\',
      ')) or 1=1 --',
    ]) {
      for (const op of FILTER_OPERATORS) {
        const rows = await ask(salesSpace, {
          metrics: ['orders'],
          filters: [{ dimension: 'store', op, value: op === 'in' || op === 'not_in' ? [value] : value }],
        });
        expect(rows).toHaveLength(1);
      }
    }
    expect((await db.query('select count(*)::int as n from scout.sales')).rows).toEqual([{ n: 4 }]);
  });

  it('honours the limit', async () => {
    expect(await ask(salesSpace, { metrics: ['revenue'], dimensions: ['store'], limit: 2 })).toHaveLength(2);
    expect(
      await ask(salesSpace, {
        metrics: ['revenue'],
        dimensions: ['store'],
        sort: [{ by: 'store', direction: 'asc' }],
        limit: 1,
      }),
    ).toEqual([{ store: 'Cebu', revenue: 0 }]);
  });
});
