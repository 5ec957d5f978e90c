// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AskTurn } from '../../src/core/client/types';
import { createQuestionInterpreter } from '../../src/core/jenny/interpret';
import type { DimensionValues, Interpretation, QueryInterpretation } from '../../src/core/jenny/types';
import { metricTotal } from '../../src/core/semantic/compile';
import { defineSpace, grainsOf, type SemanticSpace } from '../../src/core/semantic/define';
import { demoSpaces, salesSpace, targetsSpace } from '../../src/core/semantic/spaces';
import type { SpaceDefinition } from '../../src/core/semantic/types';

const regions = ['NCR', 'North Luzon', 'South Luzon', 'Visayas', 'Mindanao'];
const values: DimensionValues = {
  sales: {
    region: regions,
    brand: ['Alaska', 'Bear Brand', 'Oishi', 'Nestlé'],
    channel: ['Sari-sari stores', 'Supermarkets', 'Convenience', 'E-commerce'],
    store: ['Makati', 'Quezon City'],
    category: ['Dairy', 'Snacks'],
  },
  creative: { channel: ['Facebook', 'Instagram', 'TikTok', 'YouTube'], campaign: ['Noche Buena 2025'] },
  finance: { department: ['Sales', 'IT'], category: ['Airfare', 'Meals'], status: ['pending'] },
  targets: { region: regions },
};
const jenny = createQuestionInterpreter({ spaces: demoSpaces, values, today: '2025-12-31' });

const THIS_YEAR = { from: '2025-01-01', to: '2025-12-31' };
const THIS_MONTH = { from: '2025-12-01', to: '2025-12-31' };
const LAST_MONTH = { from: '2025-11-01', to: '2025-11-30' };
const LAST_YEAR = { from: '2024-01-01', to: '2024-12-31' };

const user = (content: string): AskTurn => ({ role: 'user', content });

function ask(question: string, history?: readonly (string | AskTurn)[], space?: string): Interpretation {
  return jenny.interpret(question, {
    ...(history ? { history: history.map((turn) => (typeof turn === 'string' ? user(turn) : turn)) } : {}),
    ...(space ? { space } : {}),
  });
}

function query(question: string, history?: readonly (string | AskTurn)[]): QueryInterpretation {
  const read = ask(question, history);
  expect(read.kind, `${question}: ${read.kind !== 'query' ? read.message : ''}`).toBe('query');
  return read as QueryInterpretation;
}

function asks(question: string, history?: readonly (string | AskTurn)[]): string {
  const read = ask(question, history);
  expect(read.kind, question).toBe('clarify');
  return read.kind === 'clarify' ? read.message : '';
}

describe('Jenny follows a conversation through its history', () => {
  const base = ['revenue by month this year'];

  it.each([
    ['and by region?', { dimensions: ['region'] }],
    ['only NCR', { filters: [{ dimension: 'region', op: 'eq', value: 'NCR' }] }],
    ['just Visayas', { filters: [{ dimension: 'region', op: 'eq', value: 'Visayas' }] }],
    ['excluding E-commerce', { filters: [{ dimension: 'channel', op: 'neq', value: 'E-commerce' }] }],
    ['what about last year?', { dateRange: LAST_YEAR }],
    ['and in Q3 2024?', { dateRange: { from: '2024-07-01', to: '2024-09-30' } }],
    ['by week', { timeGrain: 'week' }],
    ['quarterly', { timeGrain: 'quarter' }],
    ['what about orders?', { metrics: ['orders'] }],
    ['and units?', { metrics: ['revenue', 'units'] }],
  ])('applies "%s" to the earlier query and keeps the rest', (question, change) => {
    const read = query(question, base);
    expect(read.space).toBe('sales');
    expect(read.query).toEqual({ metrics: ['revenue'], timeGrain: 'month', dateRange: THIS_YEAR, ...change });
    expect(read.explanation[0]?.meaning).toMatch(/^follows the previous question \(Revenue by month, 2025-01-01/);
  });

  it('ranks, and sets a table view', () => {
    expect(query('top 5', ['revenue by brand this year']).query).toEqual({
      metrics: ['revenue'],
      dimensions: ['brand'],
      dateRange: THIS_YEAR,
      sort: [{ by: 'revenue', direction: 'desc' }],
      limit: 5,
    });
    const table = query('as a table', ['top 10 stores by revenue ytd']);
    expect(table.view).toBe('table');
    expect(table.query).toMatchObject({ dimensions: ['store'], limit: 10 });
    expect(query('monthly', ['top 10 stores by revenue ytd', 'as a table']).view).toBe('table');
  });

  it('replaces rather than adds with "instead", and a value replaces the filter on its dimension', () => {
    expect(query('by brand instead', ['revenue by store this year']).query.dimensions).toEqual(['brand']);
    expect(query('orders instead of revenue', ['revenue by region']).query.metrics).toEqual(['orders']);
    expect(query('what about Visayas?', [...base, 'only NCR']).query.filters).toEqual([
      { dimension: 'region', op: 'eq', value: 'Visayas' },
    ]);
    expect(query('also Visayas', ['revenue in NCR this year']).query.filters).toEqual([
      { dimension: 'region', op: 'in', value: ['NCR', 'Visayas'] },
    ]);
  });

  it('reads only the user turns, in order, and is stateless', () => {
    const history: AskTurn[] = [
      user('units sold by brand last month'),
      { role: 'assistant', content: 'Revenue by region this year: NCR leads.' },
      user('only Alaska'),
    ];
    const first = query('and by channel?', history);
    expect(first.query).toEqual({
      metrics: ['units'],
      dimensions: ['brand', 'channel'],
      filters: [{ dimension: 'brand', op: 'eq', value: 'Alaska' }],
      dateRange: LAST_MONTH,
    });
    expect(query('and by channel?', history)).toEqual(first);
    // The same question without the history is a follow-up with nothing to follow.
    expect(asks('and by channel?')).toMatch(/no earlier question/);
  });

  it('keeps the space of the earlier query, and reads a measure of another space fresh', () => {
    expect(query('and expenses?', ['expense ratio by month']).query.metrics).toEqual(['expense_ratio', 'expenses']);
    expect(query('and expenses?', ['expense ratio by month']).space).toBe('executive');
    const fresh = query('what about clicks?', base);
    expect(fresh).toMatchObject({ space: 'creative', query: { metrics: ['clicks'] } });
    expect(fresh.explanation[0]?.meaning).not.toMatch(/follows/);
    // A question that names a measure and does not open like a follow-up stands alone.
    expect(query('orders by brand last year', base).query).toEqual({
      metrics: ['orders'],
      dimensions: ['brand'],
      dateRange: LAST_YEAR,
    });
  });

  it('asks rather than guesses when the change cannot be placed', () => {
    expect(asks('and by region?')).toMatch(/no earlier question/);
    expect(asks('what about orders?', ['hello'])).toMatch(/no earlier question/);
    expect(asks('and by campaign?', base)).toMatch(/"campaign".*Sales does not hold it/);
    expect(asks('only TikTok', base)).toMatch(/"TikTok"/);
    expect(asks('and by customer?', base)).toMatch(/"customer"/);
    expect(asks('by week', ['days to close by month'])).toMatch(/not by week/);
    expect(asks('top 5', ['revenue this year'])).toMatch(/Rank what/);
    expect(asks('how are we doing?', base)).toMatch(/What should change/);
    expect(asks('and compared to last year?', base)).toMatch(/one period at a time/);
  });

  it('never puts a word of a follow-up into a filter unless it is a known value, and never throws', () => {
    const known = new Set(Object.values(values).flatMap((dimensions) => Object.values(dimensions).flat()));
    fc.assert(
      fc.property(
        fc.constantFrom('and', 'only', 'what about', 'just', 'but', 'excluding', ''),
        fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('NCR', 'TikTok', 'Makati', 'by brand', 'last year')),
        fc.constantFrom('revenue by region this year', 'clicks by channel', 'what drove the change in orders'),
        (lead, rest, earlier) => {
          const read = ask(`${lead} ${rest}`, [earlier]);
          if (read.kind !== 'query') return;
          for (const filter of read.query.filters ?? []) {
            for (const value of [filter.value].flat()) expect(known.has(value as string)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(ask('only NCR', [null, { role: 'user' }, 'drop table x'] as unknown as AskTurn[]).kind).toBe('clarify');
  });
});

describe('Jenny reads a measure against its target', () => {
  const vs = (question: string) => query(question);

  it.each([
    ['revenue vs target', 'revenue', {}],
    ['sales against plan this year', 'revenue', { dateRange: THIS_YEAR }],
    ['actual vs target revenue by month in 2025', 'revenue', { dateRange: THIS_YEAR }],
    [
      'orders vs target by region this quarter',
      'orders',
      {
        dimensions: ['region'],
        dateRange: { from: '2025-10-01', to: '2025-12-31' },
      },
    ],
    ['how are we tracking against the revenue target', 'revenue', {}],
    ['quarterly orders vs target', 'orders', { timeGrain: 'quarter' }],
    ['revenue vs target for Visayas', 'revenue', { filters: [{ dimension: 'region', op: 'eq', value: 'Visayas' }] }],
  ])('"%s": the measure on sales, its target beside it over the same months', (question, metric, same) => {
    const read = vs(question);
    const shared = { timeGrain: 'month', ...same };
    expect(read.space).toBe('sales');
    expect(read.query).toEqual({ metrics: [metric], ...shared });
    expect(read.compare).toEqual({ space: 'targets', query: { metrics: [`${metric}_target`], ...shared } });
  });

  it('sets the earlier measure beside its target when a follow-up names only the target', () => {
    const read = query('and the target?', ['orders by region this quarter']);
    expect(read.compare).toEqual({
      space: 'targets',
      query: {
        metrics: ['orders_target'],
        dimensions: ['region'],
        timeGrain: 'month',
        dateRange: { from: '2025-10-01', to: '2025-12-31' },
      },
    });
    expect(asks('and the target?', ['clicks by channel'])).toMatch(/targets for revenue and orders/);
  });

  it('keeps a named target a plain targets query', () => {
    expect(vs('revenue target by month')).toMatchObject({ space: 'targets', query: { metrics: ['revenue_target'] } });
    expect(vs('revenue target by month').compare).toBeUndefined();
    expect(vs('sales target for Visayas vs Mindanao in Q1 2025').compare).toBeUndefined();
  });

  it('asks when the target space cannot hold the comparison', () => {
    expect(asks('revenue vs target by brand')).toMatch(/Targets are kept by region and month, not by brand/);
    expect(asks('orders vs target on e-commerce')).toMatch(/kept by region and month, not by channel/);
    expect(asks('daily revenue vs target')).toMatch(/not by day/);
    expect(asks('units vs target')).toMatch(/targets for revenue and orders/);
    expect(asks('revenue and orders vs target')).toMatch(/one measure/);
    expect(asks('how are we tracking against target')).toMatch(/targets for revenue and orders/);
  });

  it('follows the link a target declares, never its name', () => {
    // A space that calls a metric "revenue_target" without targetOf is not a target.
    const unlinked = defineSpace({
      ...(targetsSpace as SpaceDefinition),
      metrics: targetsSpace.metrics.map(({ targetOf: _, ...metric }) => metric),
    });
    const plain = createQuestionInterpreter({ spaces: [salesSpace, unlinked], values, today: '2025-12-31' });
    expect(plain.interpret('revenue vs target').kind).toBe('clarify');
    // A link to a space the interpreter does not have is ignored.
    const alone = createQuestionInterpreter({ spaces: [salesSpace, targetsSpace].slice(1), today: '2025-12-31' });
    expect(alone.interpret('revenue vs target').kind).toBe('clarify');
    // A declared link with any name works: units against a "quota" of units.
    const quotas = defineSpace({
      name: 'quotas',
      description: 'Unit quotas by region.',
      role: 'jenny_readonly',
      tables: [{ name: 'gold.quotas' }],
      metrics: [{ name: 'unit_quota', synonyms: ['units quota'], sql: 'sum(quota)', targetOf: 'sales.units' }],
      dimensions: [{ name: 'region' }],
      timeDimension: { column: 'period', grains: ['month', 'year'] },
    });
    const read = createQuestionInterpreter({ spaces: [salesSpace, quotas], today: '2025-12-31' }).interpret(
      'units vs quota this year',
    );
    expect(read).toMatchObject({
      kind: 'query',
      space: 'sales',
      query: { metrics: ['units'], timeGrain: 'month', dateRange: THIS_YEAR },
      compare: { space: 'quotas', query: { metrics: ['unit_quota'], timeGrain: 'month', dateRange: THIS_YEAR } },
    });
  });

  it('compares on the same terms whatever the words: grain, period, filters and dimensions the target holds', () => {
    const targetGrains = grainsOf(targetsSpace);
    fc.assert(
      fc.property(
        fc.constantFrom('revenue', 'sales', 'orders', 'units', 'AOV'),
        fc.constantFrom('vs target', 'against plan', 'compared to goal', 'vs quota'),
        fc.constantFrom('', 'by region', 'by brand', 'in NCR', 'on e-commerce', 'excluding Visayas'),
        fc.constantFrom('', 'daily', 'weekly', 'monthly', 'by quarter'),
        fc.constantFrom('', 'this year', 'last quarter', 'in 2024', 'last 30 days'),
        (measure, cue, by, grain, period) => {
          const read = jenny.interpret(`${grain} ${measure} ${cue} ${by} ${period}`);
          if (read.kind !== 'query') return;
          const target = read.compare;
          expect(target?.space).toBe('targets');
          if (!target) return;
          expect(target.query.metrics).toHaveLength(1);
          expect(targetGrains).toContain(target.query.timeGrain);
          expect(target.query.timeGrain).toBe(read.query.timeGrain);
          expect(target.query.dateRange).toEqual(read.query.dateRange);
          expect(target.query.filters).toEqual(read.query.filters);
          for (const name of [
            ...(target.query.dimensions ?? []),
            ...(target.query.filters ?? []).map((f) => f.dimension),
          ])
            expect(targetsSpace.dimensions.map((d) => d.name)).toContain(name);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Jenny reads what drove a change', () => {
  it.each([
    ['what drove the change in revenue this month', 'sales', 'revenue', THIS_MONTH],
    ['what drove the 15% revenue increase this month?', 'sales', 'revenue', THIS_MONTH],
    ['why did orders drop last month', 'sales', 'orders', LAST_MONTH],
    [
      "what's behind the fall in expenses in Q3 2025",
      'finance',
      'total_expenses',
      { from: '2025-07-01', to: '2025-09-30' },
    ],
    ['explain the revenue change in November', 'sales', 'revenue', LAST_MONTH],
    ['why is revenue up vs last month', 'sales', 'revenue', THIS_MONTH],
  ])('"%s": one measure and its period, no dimensions', (question, space, metric, dateRange) => {
    const read = query(question);
    expect(read).toMatchObject({ space, analysis: 'drivers' });
    expect(read.query).toEqual({ metrics: [metric], dateRange });
  });

  it('takes the figure the question claims as the asker’s, never as a filter', () => {
    const read = query('what drove the 15% revenue increase this month?');
    expect(read.query.filters).toBeUndefined();
    expect(read.query.limit).toBeUndefined();
    expect(read.explanation).toContainEqual({
      words: '15 percent',
      meaning: expect.stringMatching(/your figure, not a filter/),
    });
  });

  it('explains this month when no period is named, and says so; keeps filters', () => {
    const read = query('why did revenue go down in NCR');
    expect(read.query).toEqual({
      metrics: ['revenue'],
      dateRange: THIS_MONTH,
      filters: [{ dimension: 'region', op: 'eq', value: 'NCR' }],
    });
    expect(read.explanation[0]?.meaning).toMatch(/no period named, so this month: 2025-12-01 to 2025-12-31/);
  });

  it('reads "drove the most" as a ranking, not a change', () => {
    const read = query('which store drove the most revenue last month');
    expect(read.analysis).toBeUndefined();
    expect(read.query).toMatchObject({ dimensions: ['store'], sort: [{ by: 'revenue', direction: 'desc' }] });
  });

  it('asks about what does not add up, or more than one measure', () => {
    expect(asks('what drove the average order value')).toMatch(/I can explain changes in totals such as revenue/);
    expect(asks('why did the on-time rate drop last month')).toMatch(/I can explain changes in totals/);
    expect(asks('what drove revenue and orders this month')).toMatch(/one measure/);
    expect(asks('why did the expense ratio increase')).toMatch(/"expense ratio" has no parts/);
    expect(asks('what drove the revenue shortfall vs target')).toMatch(/one thing at a time/);
  });

  it('follows up on drivers: another measure or period, not another breakdown', () => {
    const history = ['what drove the change in revenue this month'];
    expect(query('what about orders?', history)).toMatchObject({
      analysis: 'drivers',
      query: { metrics: ['orders'], dateRange: THIS_MONTH },
    });
    expect(query('and last month?', history).query.dateRange).toEqual(LAST_MONTH);
    expect(asks('by region', history)).toMatch(/already broken down/);
    expect(query('why did it drop?', ['revenue by region last month'])).toMatchObject({
      analysis: 'drivers',
      query: { metrics: ['revenue'], dateRange: LAST_MONTH },
    });
  });

  it('only ever explains one measure that adds up, whatever the words', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('what drove', 'why did', 'explain', 'what is behind', 'key drivers of'),
        fc.constantFrom('revenue', 'orders', 'AOV', 'expenses', 'tax rate', 'clicks', 'ctr', 'days to close'),
        fc.constantFrom('the change in', 'the 20% drop in', '', 'the increase of'),
        fc.constantFrom('', 'by region', 'in NCR', 'last quarter', 'this year by month'),
        (cue, measure, change, rest) => {
          const read = jenny.interpret(`${cue} ${change} ${measure} ${rest}`);
          if (read.kind !== 'query' || read.analysis !== 'drivers') return;
          const space = demoSpaces.find((s) => s.name === read.space) as SemanticSpace;
          expect(read.query.metrics).toHaveLength(1);
          expect(read.query.dimensions).toBeUndefined();
          expect(read.query.dateRange).toBeDefined();
          const metric = space.metrics.find((m) => m.name === read.query.metrics[0]);
          expect(metric && metricTotal(metric)).toBe('sum');
          expect(space.dimensions.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('targetOf on a metric', () => {
  const space = (targetOf: unknown) =>
    defineSpace({
      name: 'plans',
      description: 'Plans.',
      role: 'jenny_readonly',
      tables: [{ name: 'gold.plans' }],
      metrics: [{ name: 'plan', sql: 'sum(plan)', targetOf } as SpaceDefinition['metrics'][number]],
      dimensions: [],
    });

  it('is a "space.metric" of two identifiers, never the metric itself', () => {
    expect(space('sales.revenue').metrics[0]?.targetOf).toBe('sales.revenue');
    for (const bad of ['revenue', 'sales.', 'Sales.revenue', 'sales.revenue.x', 'sales revenue', 42, 'plans.plan']) {
      expect(() => space(bad), String(bad)).toThrow(/targetOf/);
    }
  });

  it('links the demo targets to their measures', () => {
    expect(targetsSpace.metrics.map((m) => m.targetOf)).toEqual(['sales.revenue', 'sales.orders']);
  });
});

describe('the explanation in a locale', () => {
  it('writes its numbers in the locale it is given, and reads the question the same way', () => {
    const read = (locale?: string) =>
      createQuestionInterpreter({ spaces: demoSpaces, today: '2025-12-31', ...(locale ? { locale } : {}) }).interpret(
        'top 1000 stores by revenue',
      );
    const english = read();
    const german = read('de-DE');
    if (english.kind !== 'query' || german.kind !== 'query') throw new Error('not read');
    expect(german.query).toEqual(english.query);
    expect(english.explanation.map((step) => step.meaning)).toContain('1,000 rows');
    expect(german.explanation.map((step) => step.meaning)).toContain('1.000 rows');
  });
});
