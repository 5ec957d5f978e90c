import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileQuery,
  containsPattern,
  demoSpaces,
  type FilterOperator,
  type SemanticFilter,
  type SemanticQuery,
  type SemanticSpace,
} from '../../src/core/semantic';
import { SemanticError } from '../../src/core/semantic/errors';

const RUNS = { numRuns: 1000 };
const TIMEOUT = 60_000;

/** A marker no space, metric, dimension or SQL keyword contains, so its absence from the SQL means something. */
const MARK = 'qz\u2603';
const STRING_OPS: FilterOperator[] = ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'contains'];

/** Random strings of every kind: ASCII with SQL punctuation, any code point, lone surrogates. */
const anyString = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom("'", '"', ';', '-', '%', '_', '\\', '$', '1', '(', ')', ' ', '\u0000', 'a', '*', '/'),
  }),
);
const markedString = fc.tuple(anyString, anyString).map(([a, b]) => `${a}${MARK}${b}`);

function placeholders(sql: string): number[] {
  return [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
}

function selectAliases(sql: string): string[] {
  const select = sql.slice(0, sql.indexOf('\nFROM '));
  return [...select.matchAll(/ AS "([a-z0-9_]+)"(?:,|$)/gm)].map((match) => match[1] as string);
}

/** A random query on `space` whose filters (on its string dimensions) carry `values`. */
function queryArbitrary(space: SemanticSpace, value: fc.Arbitrary<string>) {
  const strings = space.dimensions.filter((d) => (d.type ?? 'string') === 'string').map((d) => d.name);
  const grains = space.timeDimension?.grains ?? [];
  const filter: fc.Arbitrary<SemanticFilter[]> =
    strings.length === 0
      ? fc.constant([])
      : fc
          .array(
            fc.record({
              dimension: fc.constantFrom(...strings),
              op: fc.constantFrom(...STRING_OPS),
              value: fc.array(value, { minLength: 1, maxLength: 3 }),
            }),
            { maxLength: 4 },
          )
          .map((filters) =>
            filters.map(({ dimension, op, value: values }) => ({
              dimension,
              op,
              value: op === 'in' || op === 'not_in' ? values : values[0],
            })),
          );
  return fc.record({
    metrics: fc.shuffledSubarray(
      space.metrics.map((m) => m.name),
      { minLength: 1 },
    ),
    dimensions: fc.shuffledSubarray(space.dimensions.map((d) => d.name)),
    timeGrain: grains.length > 0 ? fc.option(fc.constantFrom(...grains), { nil: undefined }) : fc.constant(undefined),
    filters: filter,
    limit: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
  }) as fc.Arbitrary<SemanticQuery>;
}

const spaceAndQuery = (value: fc.Arbitrary<string>) =>
  fc.constantFrom(...demoSpaces).chain((space) => queryArbitrary(space, value).map((query) => ({ space, query })));

/** Every string value a query's filters carry. */
function valuesOf(query: SemanticQuery): string[] {
  return (query.filters ?? []).flatMap((f) => (Array.isArray(f.value) ? f.value : [f.value])) as string[];
}

/** The same query with every filter value replaced by `'x'`. */
function withInnocentValues(query: SemanticQuery): SemanticQuery {
  return {
    ...query,
    filters: query.filters?.map((f) => ({ ...f, value: Array.isArray(f.value) ? f.value.map(() => 'x') : 'x' })),
  };
}

describe('compileQuery properties', () => {
  it(
    'never puts a caller value in the SQL, and numbers one placeholder per parameter',
    () => {
      fc.assert(
        fc.property(spaceAndQuery(markedString), ({ space, query }) => {
          const values = valuesOf(query);
          if (values.some((value) => value.includes('\u0000'))) {
            expect(() => compileQuery(space, query)).toThrow(SemanticError);
            return;
          }
          const { sql, params, meta } = compileQuery(space, query);
          expect(sql).not.toContain(MARK);
          for (const value of values) expect(sql).not.toContain(value);
          expect(placeholders(sql)).toEqual(params.map((_, i) => i + 1));
          expect(params.at(-1)).toBe(query.limit ?? 1000);
          for (const filter of query.filters ?? []) {
            const expected = filter.op === 'contains' ? containsPattern(filter.value as string) : filter.value;
            expect(params).toContainEqual(expected);
          }
          expect(selectAliases(sql)).toEqual(meta.map((column) => column.name));
          expect(meta.map((column) => column.name)).toEqual([
            ...(query.timeGrain ? ['period'] : []),
            ...(query.dimensions ?? []),
            ...query.metrics,
          ]);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'compiles the same SQL whatever the filter values are',
    () => {
      fc.assert(
        fc.property(spaceAndQuery(anyString), ({ space, query }) => {
          fc.pre(!valuesOf(query).some((value) => value.includes('\u0000')));
          const compiled = compileQuery(space, query);
          const innocent = compileQuery(space, withInnocentValues(query));
          expect(compiled.sql).toBe(innocent.sql);
          expect(compiled.params).toHaveLength(innocent.params.length);
          expect(compiled.meta).toEqual(innocent.meta);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'refuses any name the space does not define, listing the names that exist',
    () => {
      const space = demoSpaces[0] as SemanticSpace;
      const metrics = space.metrics.map((m) => m.name);
      const dimensions = space.dimensions.map((d) => d.name);
      const unknown = anyString.filter((name) => !metrics.includes(name) && !dimensions.includes(name));
      fc.assert(
        fc.property(unknown, fc.constantFrom('metric', 'dimension', 'sort'), (name, where) => {
          const query: SemanticQuery =
            where === 'metric'
              ? { metrics: [name] }
              : where === 'dimension'
                ? { metrics: ['revenue'], dimensions: [name] }
                : { metrics: ['revenue'], sort: [{ by: name }] };
          let error: unknown;
          try {
            compileQuery(space, query);
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(SemanticError);
          const expected = where === 'metric' ? metrics : where === 'dimension' ? dimensions : ['revenue'];
          expect((error as SemanticError).available).toEqual(expected);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
