// @vitest-environment node
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataClient, type DataClient } from '../../src/core/client/client';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import { createJennyEngine } from '../../src/core/jenny/engine';
import { createQuestionInterpreter } from '../../src/core/jenny/interpret';
import {
  checkReading,
  editableChips,
  editReading,
  MAX_READING_LIMIT,
  queryReading,
  type ReadingEdit,
  readingGrains,
} from '../../src/core/jenny/reading';
import type { QueryInterpretation } from '../../src/core/jenny/types';
import { compileQuery, demoSpaces, type SemanticSpace, TIME_GRAINS } from '../../src/core/semantic';
import { grainsOf } from '../../src/core/semantic/define';
import { SemanticError } from '../../src/core/semantic/errors';
import type { DemoWarehouse } from '../../src/core/warehouse';
import { demoWarehouse } from '../setup/warehouse';

/*
 * A reading edited chip by chip (`editReading`), checked when it comes from outside (`checkReading`), and answered as
 * given by the engine: the same reading, the same SQL. The starting points are real readings of real questions.
 */

const TODAY = '2025-12-31';
const spaces: ReadonlyMap<string, SemanticSpace> = new Map(demoSpaces.map((space) => [space.name, space]));
const spaceOf = (name: string): SemanticSpace => spaces.get(name) as SemanticSpace;
const sales = spaceOf('sales');

/** Values the interpreter places "in NCR" and "excluding TikTok" with (the demo warehouse's own). */
const values = { sales: { region: ['NCR', 'Visayas', 'Mindanao'], channel: ['TikTok', 'Lazada', 'Store'] } };
const interpreter = createQuestionInterpreter({ spaces: demoSpaces, today: TODAY, values });

/** The interpreter's reading of a question, deep-frozen so that an edit that changed it would throw. */
function read(question: string, space?: string): QueryInterpretation {
  const reading = queryReading(interpreter.interpret(question, space ? { space } : {}));
  if (!reading) throw new Error(`"${question}" was not read as a query`);
  return deepFreeze(reading);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const top5 = read('Top 5 brands by revenue last 30 days', 'sales');
const filtered = read('revenue by brand in NCR excluding TikTok last 30 days', 'sales');
const compared = read('orders vs target by region this year', 'sales');
const drivers = read('what drove the change in revenue in NCR this month', 'sales');
const table = read('revenue by month in 2025 as a table', 'sales');

/** The error a call throws (fails when it returns). */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the readings the tests start from', () => {
  it('are the interpreter’s, as the Explain dialog gets them', () => {
    expect(top5).toMatchObject({
      kind: 'query',
      space: 'sales',
      query: {
        metrics: ['revenue'],
        dimensions: ['brand'],
        dateRange: { from: '2025-12-02', to: '2025-12-31' },
        sort: [{ by: 'revenue', direction: 'desc' }],
        limit: 5,
      },
    });
    expect(top5.explanation.length).toBeGreaterThan(0);
    expect(filtered.query.filters).toEqual([
      { dimension: 'region', op: 'eq', value: 'NCR' },
      { dimension: 'channel', op: 'neq', value: 'TikTok' },
    ]);
    expect(compared.compare).toMatchObject({ space: 'targets', query: { metrics: ['orders_target'] } });
    expect(drivers.analysis).toBe('drivers');
    expect(table.view).toBe('table');
  });
});

describe('editableChips', () => {
  it('lets every chip of a plain reading change on a space with time', () => {
    expect(editableChips(top5, sales)).toEqual({
      metric: true,
      dimensions: true,
      period: true,
      grain: true,
      filters: true,
      limit: true,
    });
  });

  it('keeps the period and grain still without a space that has time', () => {
    expect(editableChips(top5, undefined)).toMatchObject({ period: false, grain: false, metric: true, limit: true });
  });

  it('lets only the period and grain of a comparison move, and keeps a driver analysis’s breakdowns', () => {
    expect(editableChips(compared, sales)).toEqual({
      metric: false,
      dimensions: false,
      period: true,
      grain: true,
      filters: false,
      limit: false,
    });
    expect(editableChips(drivers, sales)).toEqual({
      metric: true,
      dimensions: false,
      period: true,
      grain: false,
      filters: true,
      limit: false,
    });
  });
});

describe('editReading', () => {
  it('replaces the metric, and the sort follows it', () => {
    const edited = editReading(top5, { metric: 'orders' }, sales);
    expect(edited.query.metrics).toEqual(['orders']);
    expect(edited.query.sort).toEqual([{ by: 'orders', direction: 'desc' }]);
    expect(edited.query.limit).toBe(5);
    // Read as chosen, not as typed.
    expect(edited.explanation).toEqual([]);
    expect(edited.confidence).toBe(1);
    expect(edited).not.toHaveProperty('alternatives');
  });

  it('keeps a second metric once, after the new first one', () => {
    const two = { ...top5, query: { ...top5.query, metrics: ['revenue', 'orders'] } };
    expect(editReading(two, { metric: 'orders' }, sales).query.metrics).toEqual(['orders']);
    expect(editReading(two, { metric: 'units' }, sales).query.metrics).toEqual(['units', 'orders']);
  });

  it('adds a breakdown once', () => {
    const edited = editReading(top5, { addDimension: 'region' }, sales);
    expect(edited.query.dimensions).toEqual(['brand', 'region']);
    expect(editReading(edited, { addDimension: 'region' }, sales).query.dimensions).toEqual(['brand', 'region']);
  });

  it('removes a breakdown, and the sort on it; the last one removed leaves no dimensions', () => {
    const sorted: QueryInterpretation = {
      ...top5,
      query: {
        ...top5.query,
        dimensions: ['brand', 'region'],
        sort: [
          { by: 'brand', direction: 'asc' },
          { by: 'revenue', direction: 'desc' },
        ],
      },
    };
    const one = editReading(sorted, { removeDimension: 'brand' }, sales);
    expect(one.query.dimensions).toEqual(['region']);
    expect(one.query.sort).toEqual([{ by: 'revenue', direction: 'desc' }]);
    const none = editReading(one, { removeDimension: 'region' }, sales);
    expect(none.query).not.toHaveProperty('dimensions');

    const onlyByBrand = { ...top5, query: { ...top5.query, sort: [{ by: 'brand', direction: 'asc' as const }] } };
    expect(editReading(onlyByBrand, { removeDimension: 'brand' }, sales).query).not.toHaveProperty('sort');
  });

  it('sets the grain, and clearing it drops the sort by period', () => {
    const monthly = editReading(top5, { grain: 'month' }, sales);
    expect(monthly.query.timeGrain).toBe('month');
    const byPeriod = { ...table, query: { ...table.query, sort: [{ by: 'period', direction: 'desc' as const }] } };
    const cleared = editReading(byPeriod, { grain: null }, sales);
    expect(cleared.query).not.toHaveProperty('timeGrain');
    expect(cleared.query).not.toHaveProperty('sort');
    // Everything else stays as it was, the table view included.
    expect(cleared.query.dateRange).toEqual(table.query.dateRange);
    expect(cleared.view).toBe('table');
  });

  it('refuses a grain the space does not offer', () => {
    const ops = read('days to close by entity', 'ops');
    expect(grainsOf(spaceOf('ops'))).not.toContain('day');
    expect(() => editReading(ops, { grain: 'day' }, spaceOf('ops'))).toThrow(SemanticError);
    expect(editReading(ops, { grain: 'quarter' }, spaceOf('ops')).query.timeGrain).toBe('quarter');
  });

  it('replaces the period', () => {
    const edited = editReading(top5, { dateRange: { from: '2025-01-01', to: '2025-03-31' } }, sales);
    expect(edited.query.dateRange).toEqual({ from: '2025-01-01', to: '2025-03-31' });
  });

  it('removes a filter by its place; the last one removed leaves no filters', () => {
    const one = editReading(filtered, { removeFilter: 0 }, sales);
    expect(one.query.filters).toEqual([{ dimension: 'channel', op: 'neq', value: 'TikTok' }]);
    expect(editReading(one, { removeFilter: 0 }, sales).query).not.toHaveProperty('filters');
    // A place with no filter changes nothing.
    expect(editReading(filtered, { removeFilter: 7 }, sales).query.filters).toEqual(filtered.query.filters);
  });

  it('sets and clears the limit, from 1 to 10,000 only', () => {
    expect(editReading(top5, { limit: 3 }, sales).query.limit).toBe(3);
    expect(editReading(top5, { limit: MAX_READING_LIMIT }, sales).query.limit).toBe(10_000);
    expect(editReading(top5, { limit: null }, sales).query).not.toHaveProperty('limit');
    for (const limit of [0, -1, 2.5, 10_001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => editReading(top5, { limit }, sales), String(limit)).toThrow(SemanticError);
    }
  });

  it('moves both queries of a comparison with the period or grain, and refuses its other chips', () => {
    const range = { from: '2025-04-01', to: '2025-06-30' };
    const moved = editReading(compared, { dateRange: range }, sales);
    expect(moved.query.dateRange).toEqual(range);
    expect(moved.compare?.query.dateRange).toEqual(range);
    expect(moved.compare?.space).toBe('targets');
    const quarterly = editReading(compared, { grain: 'quarter' }, sales);
    expect(quarterly.query.timeGrain).toBe('quarter');
    expect(quarterly.compare?.query.timeGrain).toBe('quarter');
    for (const edit of [
      { metric: 'revenue' },
      { addDimension: 'brand' },
      { removeDimension: 'region' },
      { removeFilter: 0 },
      { limit: 3 },
    ] satisfies ReadingEdit[]) {
      const error = thrown(() => editReading(compared, edit, sales));
      expect(error, JSON.stringify(edit)).toBeInstanceOf(SemanticError);
      expect((error as Error).message).toMatch(/cannot be changed/);
    }
  });

  // A comparison's grain must be one both spaces offer: sales offers day, targets only month, quarter and year.
  it('refuses a grain the compared space does not offer, and offers only the grains both have', () => {
    expect(grainsOf(spaceOf('targets'))).not.toContain('day');
    expect(() => editReading(compared, { grain: 'day' }, sales, spaceOf('targets'))).toThrow(SemanticError);
    expect(readingGrains(compared, sales, spaceOf('targets'))).not.toContain('day');
    expect(readingGrains(compared, sales, spaceOf('targets'))).toContain('month');
  });

  it('refuses a period that is not two whole days in order', () => {
    for (const dateRange of [
      { from: '2025-12-31', to: '2025-12-01' },
      { from: '2025-13-01', to: '2025-12-31' },
      { from: 'yesterday', to: '2025-12-31' },
    ]) {
      expect(() => editReading(top5, { dateRange }, sales), JSON.stringify(dateRange)).toThrow(SemanticError);
    }
  });

  it('changes the metric, period and filters of a driver analysis, never its breakdowns, grain or limit', () => {
    expect(editReading(drivers, { metric: 'orders' }, sales).query.metrics).toEqual(['orders']);
    expect(editReading(drivers, { removeFilter: 0 }, sales).query).not.toHaveProperty('filters');
    expect(editReading(drivers, { dateRange: { from: '2025-11-01', to: '2025-11-30' } }, sales).analysis).toBe(
      'drivers',
    );
    for (const edit of [{ addDimension: 'brand' }, { grain: 'month' }, { limit: 3 }] satisfies ReadingEdit[]) {
      expect(() => editReading(drivers, edit, sales), JSON.stringify(edit)).toThrow(SemanticError);
    }
  });
});

describe('checkReading', () => {
  it('accepts a real reading and returns a fresh copy that reads as chosen', () => {
    const checked = checkReading(top5, spaces);
    expect(checked).toEqual({ kind: 'query', space: 'sales', query: top5.query, explanation: [], confidence: 1 });
    expect(checked.query).not.toBe(top5.query);
    // The copy is the caller's to change.
    expect(Object.isFrozen(checked.query)).toBe(false);
  });

  it('accepts a reading as it arrives in a JSON body', () => {
    for (const reading of [top5, filtered, compared, drivers, table]) {
      const checked = checkReading(JSON.parse(JSON.stringify(reading)), spaces);
      expect(checked.query).toEqual(reading.query);
      expect(checked.compare).toEqual(reading.compare);
      expect(checked.analysis).toEqual(reading.analysis);
      expect(checked.view).toEqual(reading.view);
    }
  });

  it('drops the alternatives', () => {
    const withAlternatives = { ...top5, alternatives: [{ space: 'sales', query: { metrics: ['orders'] } }] };
    expect(checkReading(withAlternatives, spaces)).not.toHaveProperty('alternatives');
  });

  const bad: [string, unknown, RegExp][] = [
    ['null', null, /kind "query"/],
    ['a string', 'revenue by region', /kind "query"/],
    ['an array', [top5], /kind "query"/],
    ['a clarify reading', { kind: 'clarify', message: 'x', suggestions: [] }, /kind "query"/],
    ['an unknown key', { ...top5, sql: 'select 1' }, /has no "sql"/],
    ['an unknown space', { ...top5, space: 'payroll' }, /one of the spaces: sales, finance/],
    ['no space', { ...top5, space: undefined }, /one of the spaces/],
    ['no query', { ...top5, query: undefined }, /must be an object/],
    ['an unknown metric', { ...top5, query: { ...top5.query, metrics: ['profit'] } }, /Unknown metric "profit"/],
    [
      'a bad filter operator',
      { ...top5, query: { ...top5.query, filters: [{ dimension: 'region', op: 'like', value: 'N%' }] } },
      /Unknown filter operator "like"/,
    ],
    ['an unknown key in the query', { ...top5, query: { ...top5.query, having: 'x' } }, /Unknown query field "having"/],
    ['a compare that is not an object', { ...compared, compare: 'targets' }, /"compare" must be \{ space, query \}/],
    ['a compare that is null', { ...compared, compare: null }, /"compare" must be/],
    [
      'a compare on an unknown space',
      { ...compared, compare: { ...compared.compare, space: 'plans' } },
      /one of the spaces/,
    ],
    [
      'a compare with a bad query',
      { ...compared, compare: { space: 'targets', query: { metrics: ['revenue'] } } },
      /Unknown metric "revenue" in space "targets"/,
    ],
    ['another analysis', { ...top5, analysis: 'trend' }, /"analysis" can only be "drivers"/],
    ['another view', { ...top5, view: 'chart' }, /"view" can only be "table"/],
  ];

  it.each(bad)('refuses %s with a SemanticError', (_name, value, message) => {
    const error = thrown(() => checkReading(value, spaces));
    expect(error).toBeInstanceOf(SemanticError);
    expect((error as Error).message).toMatch(message);
  });

  it('names an unknown space’s alternatives, and cuts a long unknown key', () => {
    const error = thrown(() => checkReading({ ...top5, space: 'payroll' }, spaces)) as SemanticError;
    expect(error.available).toEqual([...spaces.keys()]);
    const key = `k${'x'.repeat(500)}`;
    const long = thrown(() => checkReading({ ...top5, [key]: 1 }, spaces)) as Error;
    expect(long).toBeInstanceOf(SemanticError);
    expect(long.message).not.toContain(key);
    expect(long.message.length).toBeLessThan(100);
  });
});

describe('editReading and checkReading together (property)', () => {
  const starts = [
    top5,
    filtered,
    compared,
    drivers,
    table,
    read('revenue vs target', 'sales'),
    read('Expenses by department in 2025', 'finance'),
    read('days to close by entity', 'ops'),
    read('clicks by campaign last quarter', 'creative'),
    read('revenue by month', 'executive'),
    read('top 3 stores by units in NCR', 'sales'),
  ];

  const day = fc
    .date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

  /** The edits the chips can make on a reading: names of its space, any grain, any filter place, good and bad limits. */
  function editsFor(reading: QueryInterpretation): fc.Arbitrary<ReadingEdit> {
    const space = spaceOf(reading.space);
    const metrics = space.metrics.map((metric) => metric.name);
    const dimensions = space.dimensions.map((dimension) => dimension.name);
    // A comparison is only offered the grains both of its spaces offer (readingGrains).
    const grains = reading.compare
      ? TIME_GRAINS.filter((grain) => grainsOf(spaceOf(reading.compare?.space as string)).includes(grain))
      : TIME_GRAINS;
    const choices: fc.Arbitrary<ReadingEdit>[] = [
      fc.constantFrom(...metrics).map((metric) => ({ metric })),
      fc.constantFrom(...grains, null).map((grain) => ({ grain })),
      fc.tuple(day, day).map(([a, b]) => ({ dateRange: a <= b ? { from: a, to: b } : { from: b, to: a } })),
      fc.integer({ min: -1, max: 3 }).map((removeFilter) => ({ removeFilter })),
      fc
        .oneof(
          fc.integer({ min: 1, max: MAX_READING_LIMIT }),
          fc.constantFrom(null, 0, -5, 1.5, MAX_READING_LIMIT + 1, Number.NaN),
        )
        .map((limit) => ({ limit })),
    ];
    if (dimensions.length > 0) {
      choices.push(fc.constantFrom(...dimensions).map((addDimension) => ({ addDimension })));
      choices.push(fc.constantFrom(...dimensions).map((removeDimension) => ({ removeDimension })));
    }
    return fc.oneof(...choices);
  }

  const scenario = fc
    .constantFrom(...starts)
    .chain((start) => fc.tuple(fc.constant(start), fc.array(editsFor(start), { minLength: 1, maxLength: 8 })));

  it('turns any sequence of edits into a reading checkReading accepts, or refuses an edit with a SemanticError', () => {
    fc.assert(
      fc.property(scenario, ([start, edits]) => {
        let reading = start;
        const space = spaceOf(start.space);
        for (const edit of edits) {
          let edited: QueryInterpretation;
          try {
            edited = editReading(reading, edit, space);
          } catch (error) {
            // A refused edit is a SemanticError, and the reading stays as it was.
            expect(error).toBeInstanceOf(SemanticError);
            continue;
          }
          expect(edited.explanation).toEqual([]);
          expect(edited.confidence).toBe(1);
          // As the panel sends it: through JSON.
          const checked = checkReading(JSON.parse(JSON.stringify(edited)), spaces);
          expect(checked.query).toEqual(edited.query);
          expect(checked.compare).toEqual(edited.compare);
          expect(checked.analysis).toEqual(edited.analysis);
          expect(checked.view).toEqual(edited.view);
          // The kind of reading never changes with a chip.
          expect(Boolean(edited.compare)).toBe(Boolean(start.compare));
          expect(edited.analysis).toBe(start.analysis);
          reading = edited;
        }
      }),
      { numRuns: 500 },
    );
  });

  /** A real reading with one part (of the reading, its query, a filter or its compare) swapped for any JSON. */
  const damaged = fc
    .tuple(
      fc.constantFrom(...starts),
      fc.constantFrom('reading', 'query', 'filter', 'compare'),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('kind', 'space', 'query', 'compare', 'analysis', 'view', 'metrics', 'dimensions', 'filters'),
      fc.constantFrom('timeGrain', 'sort', 'limit', 'dateRange', 'dimension', 'op', 'value'),
      fc.jsonValue({ maxDepth: 3 }),
      fc.boolean(),
    )
    .map(([start, where, anyKey, readingKey, queryKey, value, useAnyKey]) => {
      const reading = JSON.parse(JSON.stringify(start)) as Record<string, unknown> & {
        query: Record<string, unknown> & { filters?: Record<string, unknown>[] };
        compare?: Record<string, unknown>;
      };
      const key = useAnyKey ? anyKey : where === 'reading' ? readingKey : queryKey;
      if (where === 'reading') reading[key] = value;
      else if (where === 'query') reading.query[key] = value;
      else if (where === 'filter' && reading.query.filters?.[0]) reading.query.filters[0][key] = value;
      else if (reading.compare) reading.compare[key] = value;
      else reading.compare = value as Record<string, unknown>;
      return reading;
    });

  it('accepts or refuses any JSON reading with a SemanticError, never another error', () => {
    fc.assert(
      fc.property(damaged, (value) => {
        try {
          const checked = checkReading(value, spaces);
          // What it accepts, the compiler compiles.
          expect(() => compileQuery(spaceOf(checked.space), checked.query)).not.toThrow();
        } catch (error) {
          expect(error).toBeInstanceOf(SemanticError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('createJennyEngine: a reading answered as given', () => {
  let warehouse: DemoWarehouse;
  let client: DataClient;

  beforeAll(async () => {
    warehouse = await demoWarehouse();
    client = createDataClient({
      transport: pgliteTransport({ db: warehouse.db, log: false }),
      spaces: demoSpaces,
      retry: false,
      staleTime: 0,
      gcTime: 0,
    });
  });

  afterAll(async () => {
    client?.dispose();
    await warehouse?.close();
  });

  it('answers the edited reading, not the question: the limit the chip set', async () => {
    const jenny = createJennyEngine({ source: client, today: TODAY });
    const reading = editReading(top5, { limit: 3 }, sales);
    const answer = await jenny.ask({ space: 'sales', question: 'anything', reading });
    expect(answer.kind).toBe('answer');
    expect(answer.rows).toHaveLength(3);
    expect(Object.keys(answer.rows[0] ?? {})).toEqual(['brand', 'revenue']);
    // The reading the answer reports is the checked one: as chosen.
    expect(answer.interpretation).toEqual({
      kind: 'query',
      space: 'sales',
      query: reading.query,
      explanation: [],
      confidence: 1,
    });
    const compiled = compileQuery(sales, reading.query);
    expect(answer.statements?.[0]).toEqual({ space: 'sales', sql: compiled.sql, params: compiled.params });
    // Without the reading, "anything" is not a question Jenny can read.
    const asked = await jenny.ask({ space: 'sales', question: 'anything' });
    expect(asked.kind).not.toBe('answer');
  });

  it('answers an added breakdown with its column', async () => {
    const jenny = createJennyEngine({ source: client, today: TODAY });
    const reading = editReading(editReading(top5, { limit: null }, sales), { addDimension: 'region' }, sales);
    const answer = await jenny.ask({ space: 'sales', question: 'anything', reading });
    expect(answer.rows.length).toBeGreaterThan(5);
    for (const row of answer.rows) {
      expect(row).toEqual({ brand: expect.any(String), region: expect.any(String), revenue: expect.any(Number) });
    }
    expect(answer.meta?.map((column) => column.name)).toEqual(['brand', 'region', 'revenue']);
  });

  it('runs the same SQL with the same parameters each time it is asked', async () => {
    const jenny = createJennyEngine({ source: client, today: TODAY });
    const reading = editReading(editReading(filtered, { removeFilter: 1 }, sales), { metric: 'units' }, sales);
    const first = await jenny.ask({ space: 'sales', question: 'anything', reading });
    const second = await jenny.ask({ space: 'sales', question: 'something else', reading });
    expect(first.statements?.length).toBeGreaterThan(0);
    expect(second.statements).toEqual(first.statements);
    expect(second.generatedSql).toBe(first.generatedSql);
    expect(second.rows).toEqual(first.rows);
    // A fresh engine (another day's server) runs it the same.
    const third = await createJennyEngine({ source: client, today: TODAY, values: false }).ask({
      space: 'sales',
      question: 'anything',
      reading,
    });
    expect(third.statements).toEqual(first.statements);
  });

  it('answers a comparison moved to another period through both of its queries', async () => {
    const jenny = createJennyEngine({ source: client, today: TODAY, values: false });
    const reading = editReading(compared, { dateRange: { from: '2025-04-01', to: '2025-06-30' } }, sales);
    const answer = await jenny.ask({ space: 'sales', question: 'anything', reading });
    expect(answer.statements?.map((statement) => statement.space)).toEqual(['sales', 'targets']);
    expect(answer.statements?.every((statement) => statement.params.includes('2025-04-01'))).toBe(true);
    expect(answer.rows.length).toBeGreaterThan(0);
  });

  it('rejects a bad reading with a SemanticError', async () => {
    const jenny = createJennyEngine({ source: client, today: TODAY, values: false });
    const bad = [
      { ...top5, query: { ...top5.query, metrics: ['profit'] } },
      { ...top5, space: 'payroll' },
      { kind: 'clarify', message: 'x', suggestions: [] },
    ] as unknown as QueryInterpretation[];
    for (const reading of bad) {
      await expect(jenny.ask({ space: 'sales', question: 'revenue', reading })).rejects.toBeInstanceOf(SemanticError);
    }
  });
});

describe('checkReading: what a comparison may read', () => {
  const spaces = new Map(demoSpaces.map((space) => [space.name, space]));

  it('accepts a measure beside its declared target, as the interpreter builds it', () => {
    expect(checkReading(JSON.parse(JSON.stringify(compared)), spaces).compare?.space).toBe('targets');
  });

  it('refuses a comparison with any other metric, of any other space', () => {
    const finance = demoSpaces.find((space) => space.name === 'finance') as SemanticSpace;
    const other = { space: 'finance', query: { metrics: [finance.metrics[0]?.name as string] } };
    expect(() => checkReading({ ...JSON.parse(JSON.stringify(compared)), compare: other }, spaces)).toThrow(
      /only with its target/,
    );
    const wrongTarget = { ...compared.compare, query: { ...compared.compare?.query, metrics: ['units'] } };
    expect(() => checkReading({ ...JSON.parse(JSON.stringify(compared)), compare: wrongTarget }, spaces)).toThrow(
      SemanticError,
    );
  });
});
