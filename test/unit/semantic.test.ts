import { describe, expect, it } from 'vitest';
import {
  compileQuery,
  containsPattern,
  creativeSpace,
  DEFAULT_LIMIT,
  defineSpace,
  demoSpaces,
  describeSpace,
  executiveSpace,
  FILTER_OPERATORS,
  financeSpace,
  findSpace,
  isDefinedSpace,
  isIsoDate,
  MAX_LIMIT,
  opsSpace,
  type SemanticQuery,
  type SemanticSpace,
  type SpaceDefinition,
  salesSpace,
  TIME_GRAINS,
} from '../../src/core/semantic';
import { metricTotal } from '../../src/core/semantic/compile';
import { SemanticError } from '../../src/core/semantic/errors';
// Not (yet) re-exported from the semantic entry: imported from its module.
import { targetsSpace } from '../../src/core/semantic/spaces';

/** The numbers of the `$n` placeholders in order of appearance. */
function placeholders(sql: string): number[] {
  return [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
}

/** Asserts every `$n` appears once, numbered 1..params.length. */
function expectPlaceholdersMatch(sql: string, params: readonly unknown[]): void {
  const found = placeholders(sql);
  expect(found).toEqual(params.map((_, i) => i + 1));
}

/** The output column aliases of the SELECT list, in order. */
function selectAliases(sql: string): string[] {
  const select = sql.slice(0, sql.indexOf('\nFROM '));
  return [...select.matchAll(/ AS "([a-z0-9_]+)"(?:,|$)/gm)].map((match) => match[1] as string);
}

/** Runs `fn`, expecting a SemanticError, and returns it. */
function semanticError(fn: () => unknown): SemanticError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SemanticError);
    return error as SemanticError;
  }
  throw new Error('expected a SemanticError, but nothing was thrown');
}

const base: SpaceDefinition = {
  name: 'test',
  description: 'A test space.',
  role: 'jenny_readonly',
  tables: [{ name: 'scout.sales' }],
  metrics: [{ name: 'revenue', sql: 'sum(revenue)' }],
  dimensions: [{ name: 'region' }],
  timeDimension: { column: 'sale_date' },
};

function withChanges(changes: Partial<SpaceDefinition>): SpaceDefinition {
  return { ...base, ...changes };
}

describe('defineSpace', () => {
  it('returns a deeply frozen copy and leaves the definition alone', () => {
    const definition = withChanges({
      metrics: [{ name: 'revenue', sql: 'sum(revenue)', format: { kind: 'integer' } }],
    });
    const space = defineSpace(definition);
    expect(space).not.toBe(definition);
    expect(space).toEqual(definition);
    expect(Object.isFrozen(space)).toBe(true);
    expect(Object.isFrozen(space.metrics)).toBe(true);
    expect(Object.isFrozen(space.metrics[0])).toBe(true);
    expect(Object.isFrozen(space.metrics[0]?.format)).toBe(true);
    expect(Object.isFrozen(space.timeDimension)).toBe(true);
    expect(Object.isFrozen(definition)).toBe(false);
    expect(isDefinedSpace(space)).toBe(true);
    expect(isDefinedSpace(definition)).toBe(false);
    expect(defineSpace(space)).toBe(space);
  });

  it('accepts a space without dimensions or a time dimension', () => {
    const space = defineSpace(withChanges({ dimensions: [], timeDimension: undefined }));
    expect(space.dimensions).toEqual([]);
  });

  const invalid: [string, Partial<SpaceDefinition>, RegExp][] = [
    ['an empty metric list', { metrics: [] }, /at least one metric/],
    [
      'a duplicate metric',
      {
        metrics: [
          { name: 'revenue', sql: 'sum(revenue)' },
          { name: 'revenue', sql: 'sum(orders)' },
        ],
      },
      /"revenue" is used twice/,
    ],
    ['a duplicate dimension', { dimensions: [{ name: 'region' }, { name: 'region' }] }, /"region" is used twice/],
    ['a metric and dimension sharing a name', { dimensions: [{ name: 'revenue' }] }, /"revenue" is used twice/],
    ['a metric called period', { metrics: [{ name: 'period', sql: 'sum(x)' }] }, /"period" is reserved/],
    ['a dimension called period', { dimensions: [{ name: 'period' }] }, /"period" is reserved/],
    ['a table without a schema', { tables: [{ name: 'sales' }] }, /"sales" must be "schema.table"/],
    ['a table with SQL in it', { tables: [{ name: 'scout.sales; drop table x' }] }, /must be "schema.table"/],
    ['an upper-case table', { tables: [{ name: 'Scout.Sales' }] }, /must be "schema.table"/],
    ['a quoted table', { tables: [{ name: 'scout."sales"' }] }, /must be "schema.table"/],
    ['no tables', { tables: [] }, /at least one table/],
    ['a table listed twice', { tables: [{ name: 'scout.sales' }, { name: 'scout.sales' }] }, /listed twice/],
    ['an upper-case column', { dimensions: [{ name: 'region', column: 'Region' }] }, /column "Region" must match/],
    ['a column with a quote', { dimensions: [{ name: 'region', column: 'reg"ion' }] }, /must match/],
    ['a metric name with a space', { metrics: [{ name: 'total revenue', sql: 'sum(revenue)' }] }, /must match/],
    ['a dimension name with a hyphen', { dimensions: [{ name: 'sales-region' }] }, /must match/],
    ['a 64-character name', { dimensions: [{ name: 'a'.repeat(64) }] }, /at most 63/],
    ['an unknown dimension type', { dimensions: [{ name: 'region', type: 'text' as never }] }, /type "text"/],
    ['an unknown time grain', { timeDimension: { column: 'sale_date', grains: ['hour' as never] } }, /"hour"/],
    ['a repeated time grain', { timeDimension: { column: 'sale_date', grains: ['day', 'day'] } }, /listed twice/],
    ['an empty grain list', { timeDimension: { column: 'sale_date', grains: [] } }, /at least one of day/],
    ['an unsafe time column', { timeDimension: { column: 'sale date' } }, /timeDimension column/],
    ['a metric with ";"', { metrics: [{ name: 'r', sql: 'sum(revenue); drop table x' }] }, /contains ";"/],
    ['a metric with a comment', { metrics: [{ name: 'r', sql: 'sum(revenue) -- x' }] }, /comment/],
    ['a metric with a block comment', { metrics: [{ name: 'r', sql: 'sum(revenue) /* x */' }] }, /comment/],
    ['a metric with a placeholder', { metrics: [{ name: 'r', sql: 'sum(revenue) * $1' }] }, /"\$"/],
    ['a metric escaping its parentheses', { metrics: [{ name: 'r', sql: 'sum(revenue)) + (1' }] }, /unbalanced "\)"/],
    ['a metric with an open parenthesis', { metrics: [{ name: 'r', sql: 'sum((revenue)' }] }, /unbalanced "\("/],
    ['a metric with an open quote', { metrics: [{ name: 'r', sql: "count(*) filter (where x = 'a)" }] }, /quote/],
    ['an empty metric', { metrics: [{ name: 'r', sql: '  ' }] }, /is empty/],
    [
      'a currency format without a code',
      { metrics: [{ name: 'r', sql: 'sum(revenue)', format: { kind: 'currency', currency: 'usd' } }] },
      /currency code/,
    ],
    ['an unknown format', { metrics: [{ name: 'r', sql: 'sum(x)', format: { kind: 'money' } as never }] }, /kind one/],
    ['an unsafe role', { role: 'jenny readonly' }, /role "jenny readonly"/],
    ['an unsafe name', { name: 'Sales!' }, /name "Sales!"/],
    ['an empty description', { description: ' ' }, /description/],
  ];
  it.each(invalid)('rejects %s', (_, changes, message) => {
    const error = semanticError(() => defineSpace(withChanges(changes)));
    expect(error.code).toBe('semantic');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^Invalid space/);
  });

  it('rejects a definition that is not an object', () => {
    expect(semanticError(() => defineSpace(null as never)).message).toMatch(/must be an object/);
  });

  it('lists every problem at once', () => {
    const error = semanticError(() =>
      defineSpace(withChanges({ tables: [{ name: 'sales' }], metrics: [], dimensions: [{ name: 'A' }] })),
    );
    expect(error.message).toMatch(/schema\.table/);
    expect(error.message).toMatch(/at least one metric/);
    expect(error.message).toMatch(/"A" must match/);
  });

  it('allows quoted text and parentheses inside a metric', () => {
    const space = defineSpace(
      withChanges({ metrics: [{ name: 'late', sql: "count(*) filter (where status = ')')" }] }),
    );
    expect(compileQuery(space, { metrics: ['late'] }).sql).toContain(`(count(*) filter (where status = ')'))::float8`);
  });
});

describe('demo spaces', () => {
  it('are the six platform spaces, all read-only', () => {
    expect(demoSpaces.map((space) => space.name)).toEqual([
      'sales',
      'finance',
      'ops',
      'creative',
      'executive',
      'targets',
    ]);
    expect(demoSpaces).toEqual([salesSpace, financeSpace, opsSpace, creativeSpace, executiveSpace, targetsSpace]);
    for (const space of demoSpaces) {
      expect(space.role).toBe('jenny_readonly');
      expect(isDefinedSpace(space)).toBe(true);
      expect(space.examples?.length).toBeGreaterThanOrEqual(3);
      expect(space.examples?.length).toBeLessThanOrEqual(5);
    }
  });

  it('read the demo warehouse tables', () => {
    expect(demoSpaces.map((space) => space.tables[0]?.name)).toEqual([
      'scout.sales',
      'te_tax.expenses',
      'opex.close_metrics',
      'ces.campaign_performance',
      'gold.finance_monthly',
      'gold.targets',
    ]);
  });

  it('have the metrics, dimensions and time dimensions asked for', () => {
    const names = (space: SemanticSpace) => ({
      metrics: space.metrics.map((m) => m.name),
      dimensions: space.dimensions.map((d) => d.name),
      time: space.timeDimension?.column,
    });
    expect(names(salesSpace)).toEqual({
      metrics: ['revenue', 'orders', 'units', 'average_order_value'],
      dimensions: ['region', 'store', 'brand', 'category', 'channel'],
      time: 'sale_date',
    });
    expect(names(financeSpace).metrics).toEqual(
      expect.arrayContaining(['total_expenses', 'tax', 'expense_count', 'average_expense']),
    );
    expect(names(financeSpace).metrics).not.toContain('expense_ratio');
    expect(names(financeSpace).dimensions).toEqual(['department', 'category', 'vendor', 'status', 'reimbursable']);
    expect(names(opsSpace)).toEqual({
      metrics: ['days_to_close', 'on_time_rate', 'adjustments'],
      dimensions: ['entity'],
      time: 'period',
    });
    expect(names(creativeSpace)).toEqual({
      metrics: ['impressions', 'clicks', 'conversions', 'spend', 'ctr', 'conversion_rate', 'cost_per_conversion'],
      dimensions: ['campaign', 'channel', 'creative'],
      time: 'perf_date',
    });
    expect(names(executiveSpace)).toEqual({
      metrics: ['revenue', 'expenses', 'expense_ratio'],
      dimensions: [],
      time: 'period',
    });
    expect(names(targetsSpace)).toEqual({
      metrics: ['revenue_target', 'orders_target'],
      dimensions: ['region'],
      time: 'period',
    });
  });

  it('define the derived metrics, formats and directions asked for', () => {
    const metric = (space: SemanticSpace, name: string) => space.metrics.find((m) => m.name === name);
    expect(metric(salesSpace, 'revenue')?.format).toMatchObject({ kind: 'currency', currency: 'PHP' });
    expect(metric(salesSpace, 'average_order_value')?.sql).toBe('sum(revenue) / nullif(sum(orders), 0)');
    expect(metric(financeSpace, 'total_expenses')).toMatchObject({ sql: 'sum(amount)', downIsGood: true });
    expect(metric(financeSpace, 'tax')?.sql).toBe('sum(tax_amount)');
    expect(metric(financeSpace, 'expense_count')?.sql).toBe('count(*)');
    expect(financeSpace.dimensions.find((d) => d.name === 'reimbursable')?.type).toBe('boolean');
    expect(metric(executiveSpace, 'expense_ratio')).toMatchObject({
      sql: 'sum(expenses) / nullif(sum(revenue), 0)',
      format: { kind: 'percent' },
      downIsGood: true,
    });
    expect(metric(opsSpace, 'days_to_close')).toMatchObject({ sql: 'avg(days_to_close)', downIsGood: true });
    expect(metric(opsSpace, 'on_time_rate')).toMatchObject({ sql: 'avg(on_time_rate)', format: { kind: 'percent' } });
    expect(metric(opsSpace, 'adjustments')?.sql).toBe('sum(adjustments)');
    expect(metric(creativeSpace, 'ctr')).toMatchObject({
      sql: 'sum(clicks)::float8 / nullif(sum(impressions), 0)',
      format: { kind: 'percent' },
    });
    expect(metric(creativeSpace, 'spend')?.format).toMatchObject({ kind: 'currency' });
    expect(metric(creativeSpace, 'cost_per_conversion')?.downIsGood).toBe(true);
    expect(opsSpace.timeDimension?.grains).toEqual(['month', 'quarter', 'year']);
    expect(executiveSpace.timeDimension?.grains).toEqual(['month', 'quarter', 'year']);
    expect(metric(targetsSpace, 'revenue_target')).toMatchObject({
      sql: "sum(target) filter (where metric = 'revenue')",
      format: { kind: 'currency', currency: 'PHP' },
    });
    expect(metric(targetsSpace, 'orders_target')).toMatchObject({
      sql: "sum(target) filter (where metric = 'orders')",
      format: { kind: 'integer' },
    });
    expect(targetsSpace.timeDimension?.grains).toEqual(['month', 'quarter', 'year']);
  });

  it('are found by name, and an unknown name lists them', () => {
    expect(findSpace(demoSpaces, 'ops')).toBe(opsSpace);
    const error = semanticError(() => findSpace(demoSpaces, 'hr'));
    expect(error.message).toContain('Unknown space "hr"');
    expect(error.message).toContain('sales, finance, ops, creative, executive, targets');
    expect(error.available).toEqual(['sales', 'finance', 'ops', 'creative', 'executive', 'targets']);
  });
});

describe.each(demoSpaces.map((space) => [space.name, space] as const))('compileQuery on %s', (_, space) => {
  const table = space.tables[0]?.name.split('.') as [string, string];
  const grains = space.timeDimension?.grains ?? TIME_GRAINS;
  const first = space.metrics[0]?.name as string;

  it.each(space.metrics.map((m) => [m.name, m] as const))('compiles metric %s', (name, metric) => {
    const { sql, params, meta } = compileQuery(space, { metrics: [name] });
    expect(sql).toContain(`(${metric.sql})::float8 AS "${name}"`);
    expect(sql).toContain(`FROM "${table[0]}"."${table[1]}"`);
    expect(sql).toContain(`ORDER BY "${name}" DESC NULLS LAST`);
    expect(sql).not.toContain('GROUP BY');
    expect(sql).not.toContain('WHERE');
    expect(sql.endsWith('LIMIT $1')).toBe(true);
    expect(params).toEqual([DEFAULT_LIMIT]);
    expect(meta).toEqual([
      {
        name,
        type: 'number',
        role: 'measure',
        label: metric.label ?? name,
        ...(metric.format ? { format: metric.format } : {}),
        total: metricTotal(metric),
      },
    ]);
    // Averages and rates have no sum: their total is their own ratio, or none.
    if (/^(avg|sum\(.*\) \/)/.test(metric.sql)) expect(metricTotal(metric)).not.toBe('sum');
  });

  it.each(space.dimensions.map((d) => [d.name, d] as const))('compiles dimension %s', (name, dimension) => {
    const column = dimension.column ?? name;
    const { sql, params, meta } = compileQuery(space, { metrics: [first], dimensions: [name] });
    expect(sql).toContain(`"${column}" AS "${name}"`);
    expect(sql).toContain(`GROUP BY "${column}"`);
    expect(sql).toContain(`ORDER BY "${first}" DESC NULLS LAST`);
    expectPlaceholdersMatch(sql, params);
    expect(meta[0]).toEqual({
      name,
      type: dimension.type ?? 'string',
      role: 'dimension',
      label: dimension.label ?? name,
    });
    expect(selectAliases(sql)).toEqual([name, first]);
  });

  it.each(grains.map((g) => [g] as const))('compiles time grain %s', (grain) => {
    const column = space.timeDimension?.column as string;
    const { sql, params, meta } = compileQuery(space, { metrics: [first], timeGrain: grain });
    const expression = `date_trunc('${grain}', "${column}")::date`;
    expect(sql).toContain(`${expression} AS "period"`);
    expect(sql).toContain(`GROUP BY ${expression}`);
    expect(sql).toContain('ORDER BY "period" ASC NULLS LAST');
    expect(params).toEqual([DEFAULT_LIMIT]);
    expect(meta[0]).toMatchObject({ name: 'period', type: 'date', role: 'time', format: { kind: 'date', grain } });
    expect(selectAliases(sql)).toEqual(['period', first]);
  });

  const refused = TIME_GRAINS.filter((g) => !grains.includes(g));
  it.skipIf(refused.length === 0).each(refused.map((g) => [g] as const))(
    'refuses grain %s, listing its grains',
    (g) => {
      const error = semanticError(() => compileQuery(space, { metrics: [first], timeGrain: g }));
      expect(error.message).toContain(`is not offered by space "${space.name}"`);
      expect(error.message).toContain(grains.join(', '));
      expect(error.available).toEqual(grains);
    },
  );

  it('compiles every metric and dimension with a grain at once, meta in SELECT order', () => {
    const query: SemanticQuery = {
      metrics: space.metrics.map((m) => m.name),
      dimensions: space.dimensions.map((d) => d.name),
      timeGrain: grains[grains.length - 1],
    };
    const { sql, params, meta } = compileQuery(space, query);
    expect(selectAliases(sql)).toEqual(meta.map((column) => column.name));
    expect(meta.map((column) => column.name)).toEqual(['period', ...(query.dimensions ?? []), ...query.metrics]);
    expect(meta.map((column) => column.role)).toEqual([
      'time',
      ...space.dimensions.map(() => 'dimension'),
      ...space.metrics.map(() => 'measure'),
    ]);
    expectPlaceholdersMatch(sql, params);
  });
});

describe('compileQuery filters', () => {
  const q = (filters: SemanticQuery['filters']) => compileQuery(salesSpace, { metrics: ['revenue'], filters });

  it.each([
    ['eq', '=', 'North'],
    ['neq', '<>', 'North'],
    ['gt', '>', 'M'],
    ['gte', '>=', 'M'],
    ['lt', '<', 'M'],
    ['lte', '<=', 'M'],
  ] as const)('compiles %s as %s $1', (op, sqlOp, value) => {
    const { sql, params } = q([{ dimension: 'region', op, value }]);
    expect(sql).toContain(`WHERE "region" ${sqlOp} $1\n`);
    expect(params).toEqual([value, DEFAULT_LIMIT]);
    expect(sql).toContain('LIMIT $2');
  });

  it('compiles in and not_in as = ANY and <> ALL of one array parameter', () => {
    const values = ['North', 'South'];
    const { sql, params } = q([
      { dimension: 'region', op: 'in', value: values },
      { dimension: 'channel', op: 'not_in', value: ['web'] },
    ]);
    expect(sql).toContain('WHERE "region" = ANY($1)\n  AND "channel" <> ALL($2)');
    expect(params).toEqual([values, ['web'], DEFAULT_LIMIT]);
    expect(params[0]).not.toBe(values);
  });

  it('compiles contains as ILIKE with the wildcards escaped', () => {
    const { sql, params } = q([{ dimension: 'brand', op: 'contains', value: '50%_off\\now' }]);
    expect(sql).toContain('"brand" ILIKE $1');
    expect(params[0]).toBe('%50\\%\\_off\\\\now%');
    expect(containsPattern('a')).toBe('%a%');
  });

  it('filters on the time column and on booleans, numbers and dates', () => {
    const { sql, params } = compileQuery(financeSpace, {
      metrics: ['total_expenses'],
      filters: [
        { dimension: 'reimbursable', op: 'eq', value: true },
        { dimension: 'expense_date', op: 'gte', value: '2024-01-01' },
        { dimension: 'expense_date', op: 'in', value: ['2024-01-01', '2024-01-02'] },
      ],
    });
    expect(sql).toContain('"reimbursable" = $1');
    expect(sql).toContain('"expense_date" >= $2');
    expect(sql).toContain('"expense_date" = ANY($3)');
    expect(params).toEqual([true, '2024-01-01', ['2024-01-01', '2024-01-02'], DEFAULT_LIMIT]);
    const numeric = defineSpace(withChanges({ dimensions: [{ name: 'store_id', column: 'store', type: 'number' }] }));
    const compiled = compileQuery(numeric, {
      metrics: ['revenue'],
      filters: [{ dimension: 'store_id', op: 'lt', value: 5 }],
    });
    expect(compiled.sql).toContain('"store" < $1');
    expect(compiled.params[0]).toBe(5);
  });

  it('uses a dimension column that differs from its name', () => {
    const space = defineSpace(withChanges({ dimensions: [{ name: 'area', column: 'region', label: 'Area' }] }));
    const { sql, meta } = compileQuery(space, {
      metrics: ['revenue'],
      dimensions: ['area'],
      filters: [{ dimension: 'area', op: 'eq', value: 'North' }],
    });
    expect(sql).toContain('"region" AS "area"');
    expect(sql).toContain('WHERE "region" = $1');
    expect(sql).toContain('GROUP BY "region"');
    expect(meta[0]).toEqual({ name: 'area', type: 'string', role: 'dimension', label: 'Area' });
  });

  it('numbers parameters in the order filters, date range, limit', () => {
    const { sql, params } = compileQuery(salesSpace, {
      metrics: ['revenue'],
      filters: [
        { dimension: 'region', op: 'eq', value: 'North' },
        { dimension: 'brand', op: 'contains', value: 'x' },
      ],
      dateRange: { from: '2024-01-01', to: '2024-03-31' },
      limit: 7,
    });
    expectPlaceholdersMatch(sql, params);
    expect(params).toEqual(['North', '%x%', '2024-01-01', '2024-03-31', 7]);
  });

  it('lists the filter operators for an unknown operator', () => {
    const error = semanticError(() => q([{ dimension: 'region', op: 'like' as never, value: 'x' }]));
    expect(error.message).toContain('Unknown filter operator "like"');
    expect(error.message).toContain(FILTER_OPERATORS.join(', '));
    expect(error.available).toEqual(FILTER_OPERATORS);
  });

  it('lists the operators that apply to a boolean', () => {
    const error = semanticError(() =>
      compileQuery(financeSpace, {
        metrics: ['tax'],
        filters: [{ dimension: 'reimbursable', op: 'contains', value: 'true' }],
      }),
    );
    expect(error.message).toContain('does not apply to "reimbursable" (boolean)');
    expect(error.available).toEqual(['eq', 'neq', 'in', 'not_in']);
  });

  it('lists the filterable names for an unknown filter dimension', () => {
    const error = semanticError(() => q([{ dimension: 'country', op: 'eq', value: 'PH' }]));
    expect(error.message).toContain('Unknown filter dimension "country"');
    expect(error.message).toContain('sale_date, region, store, brand, category, channel');
    expect(error.available).toEqual(['sale_date', 'region', 'store', 'brand', 'category', 'channel']);
  });

  it.each([
    ['a number for a string', { dimension: 'region', op: 'eq', value: 5 }, /needs a string/],
    ['an object', { dimension: 'region', op: 'eq', value: { toString: 'x' } }, /needs a string/],
    ['null', { dimension: 'region', op: 'eq', value: null }, /needs a string/],
    ['an array for eq', { dimension: 'region', op: 'eq', value: ['a'] }, /needs a string/],
    ['a string for in', { dimension: 'region', op: 'in', value: 'North' }, /needs an array of 1 to 1000/],
    ['an empty in list', { dimension: 'region', op: 'in', value: [] }, /needs an array of 1 to 1000/],
    ['a long in list', { dimension: 'region', op: 'in', value: Array(1001).fill('a') }, /1 to 1000/],
    ['a mixed in list', { dimension: 'region', op: 'not_in', value: ['a', 1] }, /needs a string/],
    ['a NUL character', { dimension: 'region', op: 'eq', value: 'a\u0000b' }, /NUL/],
    ['a bad date', { dimension: 'sale_date', op: 'eq', value: '2024-02-30' }, /YYYY-MM-DD/],
    ['contains on a date', { dimension: 'sale_date', op: 'contains', value: '2024' }, /does not apply/],
    ['an unknown filter field', { dimension: 'region', op: 'eq', value: 'a', negate: true }, /Unknown filter field/],
  ])('rejects %s', (_, filter, message) => {
    expect(semanticError(() => q([filter as never])).message).toMatch(message);
  });

  it('rejects filters that are not an array of objects', () => {
    expect(semanticError(() => q({} as never)).message).toMatch(/filters must be an array/);
    expect(semanticError(() => q(['region = 1'] as never)).message).toMatch(/Each filter must be an object/);
  });

  it('rejects a non-boolean for a boolean and a non-number for a number', () => {
    const numeric = defineSpace(withChanges({ dimensions: [{ name: 'n', type: 'number' }] }));
    expect(
      semanticError(() =>
        compileQuery(numeric, { metrics: ['revenue'], filters: [{ dimension: 'n', op: 'eq', value: '1' }] }),
      ).message,
    ).toMatch(/finite number/);
    expect(
      semanticError(() =>
        compileQuery(numeric, { metrics: ['revenue'], filters: [{ dimension: 'n', op: 'eq', value: Number.NaN }] }),
      ).message,
    ).toMatch(/finite number/);
    expect(
      semanticError(() =>
        compileQuery(financeSpace, {
          metrics: ['tax'],
          filters: [{ dimension: 'reimbursable', op: 'eq', value: 'yes' }],
        }),
      ).message,
    ).toMatch(/true or false/);
  });
});

describe('compileQuery names', () => {
  it('lists the metrics for an unknown metric', () => {
    const error = semanticError(() => compileQuery(salesSpace, { metrics: ['profit'] }));
    expect(error.message).toContain('Unknown metric "profit" in space "sales"');
    expect(error.message).toContain('revenue, orders, units, average_order_value');
    expect(error.available).toEqual(['revenue', 'orders', 'units', 'average_order_value']);
  });

  it('lists the dimensions for an unknown dimension', () => {
    const error = semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], dimensions: ['country'] }));
    expect(error.message).toContain('Unknown dimension "country"');
    expect(error.message).toContain('region, store, brand, category, channel');
    expect(error.available).toEqual(['region', 'store', 'brand', 'category', 'channel']);
  });

  it('points at timeGrain when the time column is asked for as a dimension', () => {
    const error = semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], dimensions: ['sale_date'] }));
    expect(error.message).toContain('is the time dimension: group by it with timeGrain');
  });

  it('says a space without dimensions has none', () => {
    const error = semanticError(() => compileQuery(executiveSpace, { metrics: ['revenue'], dimensions: ['region'] }));
    expect(error.message).toContain('Dimensions: (none)');
    expect(error.available).toEqual([]);
  });

  it('lists the grains for an unknown grain', () => {
    const error = semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], timeGrain: 'hour' as never }));
    expect(error.message).toContain('Unknown time grain "hour"');
    expect(error.message).toContain('day, week, month, quarter, year');
    expect(error.available).toEqual(['day', 'week', 'month', 'quarter', 'year']);
  });

  it('refuses grains and date ranges on a space without a time dimension', () => {
    const space = defineSpace(withChanges({ timeDimension: undefined }));
    expect(semanticError(() => compileQuery(space, { metrics: ['revenue'], timeGrain: 'day' })).message).toMatch(
      /no time dimension/,
    );
    expect(
      semanticError(() => compileQuery(space, { metrics: ['revenue'], dateRange: { from: '2024-01-01' } })).message,
    ).toMatch(/no time dimension/);
    const filter = semanticError(() =>
      compileQuery(space, {
        metrics: ['revenue'],
        filters: [{ dimension: 'sale_date', op: 'eq', value: '2024-01-01' }],
      }),
    );
    expect(filter.available).toEqual(['region']);
  });

  it('defaults every grain when the time dimension lists none', () => {
    const space = defineSpace(base);
    for (const grain of TIME_GRAINS) {
      expect(compileQuery(space, { metrics: ['revenue'], timeGrain: grain }).sql).toContain(`date_trunc('${grain}'`);
    }
  });

  it('uses a grain title as the period label when the time dimension has no label', () => {
    const { meta } = compileQuery(defineSpace(base), { metrics: ['revenue'], timeGrain: 'quarter' });
    expect(meta[0]?.label).toBe('Quarter');
  });

  it('rejects an empty or missing metric list, listing the metrics', () => {
    const error = semanticError(() => compileQuery(salesSpace, { metrics: [] }));
    expect(error.message).toContain('at least one metric');
    expect(error.available).toEqual(['revenue', 'orders', 'units', 'average_order_value']);
    expect(semanticError(() => compileQuery(salesSpace, {} as never)).message).toContain('at least one metric');
    expect(semanticError(() => compileQuery(salesSpace, { metrics: 'revenue' } as never)).message).toMatch(/array/);
    expect(semanticError(() => compileQuery(salesSpace, { metrics: [1] } as never)).message).toMatch(/strings/);
    expect(semanticError(() => compileQuery(salesSpace, null as never)).message).toMatch(/must be an object/);
  });

  it('rejects a name asked for twice', () => {
    expect(semanticError(() => compileQuery(salesSpace, { metrics: ['revenue', 'revenue'] })).message).toMatch(/twice/);
    expect(
      semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], dimensions: ['region', 'region'] })).message,
    ).toMatch(/twice/);
  });

  it('rejects unknown query fields, listing the allowed ones', () => {
    const error = semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], groupBy: ['region'] } as never));
    expect(error.message).toContain('Unknown query field "groupBy"');
    expect(error.available).toContain('dimensions');
  });

  it('treats null optional fields (from JSON) as absent', () => {
    const query = { metrics: ['revenue'], dimensions: null, timeGrain: null, filters: null, sort: null, limit: null };
    expect(compileQuery(salesSpace, query as never)).toEqual(compileQuery(salesSpace, { metrics: ['revenue'] }));
  });

  it('validates a definition that did not go through defineSpace', () => {
    const raw = withChanges({ dimensions: [{ name: 'region', column: 'region"; drop table x; --' }] });
    expect(semanticError(() => compileQuery(raw, { metrics: ['revenue'] })).message).toMatch(/^Invalid space/);
    expect(compileQuery(base, { metrics: ['revenue'] }).sql).toContain('FROM "scout"."sales"');
  });
});

describe('compileQuery sort', () => {
  it('sorts by metrics, dimensions and period in the order given', () => {
    const { sql } = compileQuery(salesSpace, {
      metrics: ['revenue', 'orders'],
      dimensions: ['region'],
      timeGrain: 'month',
      sort: [{ by: 'region' }, { by: 'orders', direction: 'desc' }, { by: 'period', direction: 'asc' }],
    });
    expect(sql).toContain('ORDER BY "region" ASC NULLS LAST, "orders" DESC NULLS LAST, "period" ASC NULLS LAST\n');
  });

  it('defaults to period ascending with a grain and the first metric descending without', () => {
    expect(compileQuery(salesSpace, { metrics: ['units', 'orders'], timeGrain: 'week' }).sql).toContain(
      'ORDER BY "period" ASC NULLS LAST\n',
    );
    expect(compileQuery(salesSpace, { metrics: ['units', 'orders'], dimensions: ['store'] }).sql).toContain(
      'ORDER BY "units" DESC NULLS LAST\n',
    );
  });

  it('lists the query columns for a sort that is not one of them', () => {
    const error = semanticError(() =>
      compileQuery(salesSpace, { metrics: ['revenue'], dimensions: ['region'], sort: [{ by: 'orders' }] }),
    );
    expect(error.message).toContain('Cannot sort by "orders"');
    expect(error.message).toContain('region, revenue');
    expect(error.available).toEqual(['region', 'revenue']);
  });

  it('explains that sorting by period needs a grain', () => {
    const error = semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], sort: [{ by: 'period' }] }));
    expect(error.message).toContain('needs a timeGrain');
    expect(error.available).toEqual(['revenue']);
  });

  it('rejects an unknown direction and a repeated key', () => {
    const direction = semanticError(() =>
      compileQuery(salesSpace, { metrics: ['revenue'], sort: [{ by: 'revenue', direction: 'down' as never }] }),
    );
    expect(direction.available).toEqual(['asc', 'desc']);
    expect(
      semanticError(() =>
        compileQuery(salesSpace, { metrics: ['revenue'], sort: [{ by: 'revenue' }, { by: 'revenue' }] }),
      ).message,
    ).toMatch(/twice/);
    expect(
      semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], sort: 'revenue' as never })).message,
    ).toMatch(/sort must be an array/);
  });
});

describe('compileQuery limit', () => {
  it.each([1, 2, 500, MAX_LIMIT])('passes limit %d as the last parameter', (limit) => {
    const { sql, params } = compileQuery(salesSpace, { metrics: ['revenue'], limit });
    expect(sql.endsWith('LIMIT $1')).toBe(true);
    expect(params).toEqual([limit]);
    expect(sql).toBe(compileQuery(salesSpace, { metrics: ['revenue'] }).sql);
  });

  it('defaults to 1000', () => {
    expect(compileQuery(salesSpace, { metrics: ['revenue'] }).params).toEqual([1000]);
    expect(DEFAULT_LIMIT).toBe(1000);
    expect(MAX_LIMIT).toBe(10_000);
  });

  it.each([0, -1, MAX_LIMIT + 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10', '1; drop table x', true])(
    'rejects limit %s',
    (limit) => {
      const error = semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], limit: limit as number }));
      expect(error.message).toContain('limit must be a whole number from 1 to 10000');
    },
  );
});

describe('compileQuery dateRange', () => {
  it('compiles an inclusive range as parameters on the time column', () => {
    const { sql, params } = compileQuery(salesSpace, {
      metrics: ['revenue'],
      dateRange: { from: '2024-01-01', to: '2024-12-31' },
    });
    expect(sql).toContain('WHERE "sale_date" >= $1::date\n  AND "sale_date" < ($2::date + 1)');
    expect(params).toEqual(['2024-01-01', '2024-12-31', DEFAULT_LIMIT]);
  });

  it('takes either end alone, an equal pair, a leap day, and an empty range', () => {
    expect(compileQuery(opsSpace, { metrics: ['adjustments'], dateRange: { from: '2024-02-29' } }).params).toEqual([
      '2024-02-29',
      DEFAULT_LIMIT,
    ]);
    const to = compileQuery(opsSpace, { metrics: ['adjustments'], dateRange: { to: '2024-03-01' } });
    expect(to.sql).toContain('WHERE "period" < ($1::date + 1)');
    expect(to.sql).not.toContain('>=');
    expect(
      compileQuery(opsSpace, { metrics: ['adjustments'], dateRange: { from: '2024-03-01', to: '2024-03-01' } }).params,
    ).toHaveLength(3);
    expect(compileQuery(opsSpace, { metrics: ['adjustments'], dateRange: {} }).sql).not.toContain('WHERE');
  });

  it.each([
    ['2024-02-30', 'from'],
    ['2023-02-29', 'from'],
    ['2024-13-01', 'to'],
    ['2024-1-01', 'from'],
    ['20240101', 'to'],
    ['2024-01-01T00:00:00Z', 'from'],
    ["2024-01-01'; drop table x; --", 'to'],
    [' 2024-01-01', 'from'],
    [20240101, 'from'],
  ])('rejects %s as dateRange.%s', (value, key) => {
    const error = semanticError(() =>
      compileQuery(salesSpace, { metrics: ['revenue'], dateRange: { [key]: value } as never }),
    );
    expect(error.message).toContain(`dateRange.${key} must be a real date written YYYY-MM-DD`);
  });

  it('rejects a range that ends before it starts, and unknown fields', () => {
    expect(
      semanticError(() =>
        compileQuery(salesSpace, { metrics: ['revenue'], dateRange: { from: '2024-02-01', to: '2024-01-31' } }),
      ).message,
    ).toContain('is after');
    expect(
      semanticError(() =>
        compileQuery(salesSpace, { metrics: ['revenue'], dateRange: { start: '2024-01-01' } as never }),
      ).message,
    ).toContain('Unknown dateRange field "start"');
    expect(
      semanticError(() => compileQuery(salesSpace, { metrics: ['revenue'], dateRange: '2024' as never })).message,
    ).toContain('dateRange must be an object');
  });

  it('checks calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('0050-03-01')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
    expect(isIsoDate('2024-04-31')).toBe(false);
  });
});

describe('compileQuery injection', () => {
  const hostileNames = [
    'revenue; drop table x',
    '"',
    'revenue"',
    'revenue" , (select 1) as "x',
    "region' OR '1'='1",
    'revenue --',
    'Revenue',
    '__proto__',
    'constructor',
    'toString',
  ];

  it.each(hostileNames)('refuses %j as a metric, dimension, filter dimension, sort key and grain', (name) => {
    for (const query of [
      { metrics: [name] },
      { metrics: ['revenue'], dimensions: [name] },
      { metrics: ['revenue'], filters: [{ dimension: name, op: 'eq' as const, value: 'x' }] },
      { metrics: ['revenue'], filters: [{ dimension: 'region', op: name as never, value: 'x' }] },
      { metrics: ['revenue'], sort: [{ by: name }] },
      { metrics: ['revenue'], sort: [{ by: 'revenue', direction: name as never }] },
      { metrics: ['revenue'], timeGrain: name as never },
    ]) {
      const error = semanticError(() => compileQuery(salesSpace, query));
      expect(error.available?.length).toBeGreaterThan(0);
    }
  });

  const hostileValues = [
    "O'Brien",
    "'; drop table scout.sales; --",
    '"; drop table x; --',
    '100%',
    'a_b',
    '$1',
    '\\',
    ')) or 1=1 --',
    'store',
  ];

  it.each(hostileValues)('keeps %j out of the SQL text, in every operator', (value) => {
    const innocent = compileQuery(salesSpace, {
      metrics: ['revenue'],
      filters: FILTER_OPERATORS.map((op) => ({
        dimension: 'store',
        op,
        value: op === 'in' || op === 'not_in' ? ['innocent'] : 'innocent',
      })),
    });
    const { sql, params } = compileQuery(salesSpace, {
      metrics: ['revenue'],
      filters: FILTER_OPERATORS.map((op) => ({
        dimension: 'store',
        op,
        value: op === 'in' || op === 'not_in' ? [value, 'other'] : value,
      })),
    });
    // The SQL does not depend on the value at all, and the value is in the parameters.
    expect(sql).toBe(innocent.sql);
    // Values that are also ordinary SQL text ($1, store) are covered by the equality above.
    if (!innocent.sql.includes(value)) expect(sql).not.toContain(value);
    expect(['$1', 'store'].includes(value) || !innocent.sql.includes(value)).toBe(true);
    expect(params).toContain(value);
    expect(params).toContainEqual([value, 'other']);
    expect(params).toContain(containsPattern(value));
    expectPlaceholdersMatch(sql, params);
  });
});

describe('describeSpace', () => {
  it.each(demoSpaces.map((space) => [space.name, space] as const))('describes %s completely', (_, space) => {
    const text = describeSpace(space);
    expect(text).toContain(`Space: ${space.name}`);
    expect(text).toContain(space.description);
    expect(text).toContain('jenny_readonly');
    for (const table of space.tables) expect(text).toContain(table.name);
    for (const metric of space.metrics) {
      expect(text).toContain(`- ${metric.name} — ${metric.label}`);
      expect(text).toContain(metric.sql);
      if (metric.description) expect(text).toContain(metric.description);
    }
    for (const dimension of space.dimensions) {
      expect(text).toContain(`- ${dimension.name} — ${dimension.label} — ${dimension.type ?? 'string'}`);
    }
    expect(text).toContain(`Time dimension: ${space.timeDimension?.column}`);
    expect(text).toContain(`Time grains: ${(space.timeDimension?.grains ?? TIME_GRAINS).join(', ')}`);
    for (const example of space.examples ?? []) expect(text).toContain(`- ${example}`);
    for (const op of FILTER_OPERATORS) expect(text).toContain(op);
  });

  it('marks lower-is-better metrics and formats', () => {
    const text = describeSpace(financeSpace);
    expect(text).toMatch(/total_expenses .*\[currency PHP, lower is better\]/);
    expect(text).toMatch(/- tax — .*\[currency PHP\]/);
    expect(describeSpace(executiveSpace)).toContain('Dimensions (name — label — type — notes):\n- (none)');
  });

  it('describes a space without a time dimension or examples', () => {
    const text = describeSpace(defineSpace(withChanges({ timeDimension: undefined })));
    expect(text).toContain('Time dimension: none');
    expect(text).not.toContain('Example questions');
  });
});

describe('metric totals', () => {
  const metric = (sql: string, total?: unknown) => ({ name: 'm', sql, ...(total ? { total } : {}) }) as never;

  it('reads one sum, count, min or max from the SQL, and gives anything else no total', () => {
    expect(metricTotal(metric('sum(revenue)'))).toBe('sum');
    expect(metricTotal(metric('COUNT(*)'))).toBe('sum');
    expect(metricTotal(metric('min(price)'))).toBe('min');
    expect(metricTotal(metric('max(price)'))).toBe('max');
    for (const sql of ['avg(amount)', 'sum(a) / nullif(sum(b), 0)', 'sum(a) - sum(b)', 'count(distinct x) * 2']) {
      expect(metricTotal(metric(sql)), sql).toBe('none');
    }
    expect(metricTotal(metric('avg(x)', 'max'))).toBe('max');
  });

  it('refuses a ratio total that does not name two other metrics of the space', () => {
    const base = {
      name: 'shop',
      description: 'A shop.',
      role: 'jenny_readonly',
      tables: [{ name: 'scout.sales' }],
      dimensions: [],
    };
    const metrics = [
      { name: 'revenue', sql: 'sum(revenue)' },
      { name: 'orders', sql: 'sum(orders)' },
    ];
    expect(() =>
      defineSpace({
        ...base,
        metrics: [
          ...metrics,
          { name: 'aov', sql: 'sum(revenue) / sum(orders)', total: { ratio: ['revenue', 'orders'] } },
        ],
      }),
    ).not.toThrow();
    for (const total of [
      { ratio: ['revenue', 'nope'] },
      { ratio: ['aov', 'orders'] },
      'average',
      { ratio: ['revenue'] },
    ]) {
      expect(() =>
        defineSpace({
          ...base,
          metrics: [...metrics, { name: 'aov', sql: 'sum(revenue) / sum(orders)', total }],
        } as never),
      ).toThrow(/total must be/);
    }
  });
});
