import type { ColumnMeta, ColumnTotal, ColumnType } from '../adapter/types';
import { isRecord } from '../util/is-record';
import { isIsoDay } from '../util/iso-date';
import {
  defineSpace,
  grainsOf,
  isDefinedSpace,
  PERIOD,
  preview,
  quoteIdent,
  quoteTable,
  type SemanticSpace,
  TIME_GRAINS,
} from './define';
import { SemanticError } from './errors';
import type {
  DimensionDefinition,
  FilterOperator,
  MetricDefinition,
  SemanticFilter,
  SemanticQuery,
  SpaceDefinition,
  TimeGrain,
} from './types';

/** Parameterised PostgreSQL and the metadata of its columns, in SELECT order. */
export interface CompiledSemanticQuery {
  /** One SELECT whose caller-supplied values are all `$n` parameters. */
  sql: string;
  /** The values of `$1`, `$2`, … in order. */
  params: unknown[];
  /** One entry per output column, in SELECT order: feeds the chart adapter directly. */
  meta: ColumnMeta[];
}

/** Rows a query returns when it does not say. */
export const DEFAULT_LIMIT = 1000;
/** The most rows a query may ask for. */
export const MAX_LIMIT = 10_000;
/** The most values an `in` or `not_in` filter may list. */
export const MAX_IN_VALUES = 1000;

export const FILTER_OPERATORS: readonly FilterOperator[] = Object.freeze([
  'eq',
  'neq',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
]);

const OPERATORS_FOR: Record<ColumnType, readonly FilterOperator[]> = {
  string: FILTER_OPERATORS,
  number: ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte'],
  date: ['eq', 'neq', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['eq', 'neq', 'in', 'not_in'],
};

const COMPARISON: Partial<Record<FilterOperator, string>> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};

const QUERY_KEYS = ['metrics', 'dimensions', 'timeGrain', 'filters', 'sort', 'limit', 'dateRange'];
const FILTER_KEYS = ['dimension', 'op', 'value'];
const SORT_KEYS = ['by', 'direction'];
const DATE_RANGE_KEYS = ['from', 'to'];
const DIRECTIONS = ['asc', 'desc'];

/** A column a filter may name: a dimension, or the time dimension's column. */
interface Filterable {
  name: string;
  column: string;
  type: ColumnType;
}

/** Absent, for optional fields: `undefined` or (from JSON) `null`. */
function absent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function fail(message: string, available?: readonly string[]): never {
  throw new SemanticError(message, available ? { available: [...available] } : {});
}

function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`Unknown ${what} field ${preview(key)}. Allowed: ${allowed.join(', ')}.`, allowed);
  }
}

/** One aggregate call over the whole expression: `sum(x)`, `count(*)`, `min(x)`, `max(x)` (any case). */
const SINGLE_AGGREGATE = /^\s*(sum|count|min|max)\s*\(([^()]*)\)\s*$/i;

/**
 * What a metric's total is: its own `total`, else read from its SQL when that is one additive (or min/max)
 * aggregate, else `'none'`: a wrong total (a sum of averages or of rates) is worse than none.
 */
export function metricTotal(metric: MetricDefinition): ColumnTotal {
  if (metric.total !== undefined) return metric.total;
  const fn = SINGLE_AGGREGATE.exec(metric.sql)?.[1]?.toLowerCase();
  if (fn === 'sum' || fn === 'count') return 'sum';
  return fn === 'min' || fn === 'max' ? fn : 'none';
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  // The library's one date rule (isIsoDay), and PostgreSQL has no year 0.
  return isIsoDay(value) && !value.startsWith('0000');
}

function stringList(value: unknown, field: string): string[] {
  if (absent(value)) return [];
  if (!Array.isArray(value)) fail(`${field} must be an array of names.`);
  return value.map((item) => {
    if (typeof item !== 'string') fail(`${field} must contain names (strings), not ${preview(item)}.`);
    return item;
  });
}

function checkValue(value: unknown, target: Filterable, op: FilterOperator): void {
  const where = `Filter on ${preview(target.name)} (${op})`;
  switch (target.type) {
    case 'string':
      if (typeof value !== 'string') fail(`${where} needs a string value, not ${preview(value)}.`);
      if (value.includes('\u0000')) fail(`${where}: a value cannot contain the NUL character.`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(`${where} needs a finite number, not ${preview(value)}.`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`${where} needs true or false, not ${preview(value)}.`);
      return;
    case 'date':
      if (!isIsoDate(value)) fail(`${where} needs a date written YYYY-MM-DD, not ${preview(value)}.`);
      return;
  }
}

/** `%value%` with LIKE's wildcards and its escape character (backslash, PostgreSQL's default) escaped. */
export function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Compiles a semantic query on a space to one parameterised PostgreSQL SELECT.
 *
 * Names from the caller (metrics, dimensions, filter dimensions, sort keys, grains) are looked up in the space and
 * only the space's own identifiers, double-quoted, reach the SQL; every caller value (filter values, date range,
 * limit) is a `$n` parameter. Metric SQL comes only from the space's author and is cast to `float8`.
 * A time grain adds `date_trunc('<grain>', "<time column>")::date AS "period"` first. Columns come out in the
 * order period, dimensions, metrics, and `meta` describes each. Default order: period ascending when there is a
 * grain, else the first metric descending. Default limit 1000, at most 10000.
 * @throws {SemanticError} for anything it cannot compile; where a name does not exist, the message lists what does
 * and `available` holds those names.
 */
export function compileQuery(space: SpaceDefinition, query: SemanticQuery): CompiledSemanticQuery {
  const s: SemanticSpace = isDefinedSpace(space) ? space : defineSpace(space);
  if (!isRecord(query)) fail('A semantic query must be an object with at least "metrics".');
  rejectUnknownKeys(query as unknown as Record<string, unknown>, QUERY_KEYS, 'query');

  const metricsByName = new Map<string, MetricDefinition>(s.metrics.map((m) => [m.name, m]));
  const dimensionsByName = new Map<string, DimensionDefinition>(s.dimensions.map((d) => [d.name, d]));
  const metricNames = [...metricsByName.keys()];
  const dimensionNames = [...dimensionsByName.keys()];
  const time = s.timeDimension;
  const grains = grainsOf(s);
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };

  // Metrics.
  const metricRequest = stringList(query.metrics, 'metrics');
  if (metricRequest.length === 0) {
    fail(`A query needs at least one metric. Metrics in ${preview(s.name)}: ${metricNames.join(', ')}.`, metricNames);
  }
  const metrics = metricRequest.map((name) => {
    const metric = metricsByName.get(name);
    if (!metric)
      fail(
        `Unknown metric ${preview(name)} in space ${preview(s.name)}. Metrics: ${metricNames.join(', ')}.`,
        metricNames,
      );
    return metric;
  });

  // Dimensions.
  const dimensions = stringList(query.dimensions, 'dimensions').map((name) => {
    const dimension = dimensionsByName.get(name);
    if (!dimension) {
      const hint =
        time && name === time.column ? ` ${preview(name)} is the time dimension: group by it with timeGrain.` : '';
      const list = dimensionNames.length > 0 ? dimensionNames.join(', ') : '(none)';
      fail(
        `Unknown dimension ${preview(name)} in space ${preview(s.name)}. Dimensions: ${list}.${hint}`,
        dimensionNames,
      );
    }
    return dimension;
  });

  // Output columns, which must be distinct.
  const outputs = new Set<string>();
  for (const name of [...dimensions.map((d) => d.name), ...metrics.map((m) => m.name)]) {
    if (outputs.has(name)) fail(`${preview(name)} is asked for twice.`);
    outputs.add(name);
  }

  // Time grain.
  let grain: TimeGrain | undefined;
  if (!absent(query.timeGrain)) {
    if (!time) fail(`Space ${preview(s.name)} has no time dimension, so it has no time grains.`, []);
    grain = grains.find((g) => g === query.timeGrain);
    if (!grain) {
      const known = TIME_GRAINS.includes(query.timeGrain as TimeGrain);
      const what = known
        ? `Time grain ${preview(query.timeGrain)} is not offered by`
        : `Unknown time grain ${preview(query.timeGrain)} in`;
      fail(`${what} space ${preview(s.name)}. Grains: ${grains.join(', ')}.`, grains);
    }
  }

  const select: string[] = [];
  const groupBy: string[] = [];
  const meta: ColumnMeta[] = [];
  if (grain && time) {
    // The grain is one of the fixed literals in TIME_GRAINS, never the caller's string.
    const expression = `date_trunc('${grain}', ${quoteIdent(time.column)})::date`;
    select.push(`${expression} AS ${quoteIdent(PERIOD)}`);
    groupBy.push(expression);
    meta.push({
      name: PERIOD,
      type: 'date',
      role: 'time',
      format: { kind: 'date', grain },
      label: time.label ?? `${grain[0]?.toUpperCase()}${grain.slice(1)}`,
    });
  }
  for (const dimension of dimensions) {
    const column = quoteIdent(dimension.column ?? dimension.name);
    select.push(`${column} AS ${quoteIdent(dimension.name)}`);
    groupBy.push(column);
    meta.push({
      name: dimension.name,
      type: dimension.type ?? 'string',
      role: 'dimension',
      label: dimension.label ?? dimension.name,
    });
  }
  for (const metric of metrics) {
    select.push(`(${metric.sql})::float8 AS ${quoteIdent(metric.name)}`);
    meta.push({
      name: metric.name,
      type: 'number',
      role: 'measure',
      label: metric.label ?? metric.name,
      ...(metric.format ? { format: metric.format } : {}),
      total: metricTotal(metric),
    });
  }

  // Filters.
  const filterable = new Map<string, Filterable>();
  if (time) filterable.set(time.column, { name: time.column, column: time.column, type: 'date' });
  for (const d of s.dimensions)
    filterable.set(d.name, { name: d.name, column: d.column ?? d.name, type: d.type ?? 'string' });
  const filterNames = [...filterable.keys()];
  const where: string[] = [];
  if (!absent(query.filters)) {
    if (!Array.isArray(query.filters)) fail('filters must be an array of { dimension, op, value }.');
    for (const filter of query.filters as readonly SemanticFilter[]) {
      if (!isRecord(filter)) fail('Each filter must be an object { dimension, op, value }.');
      rejectUnknownKeys(filter as unknown as Record<string, unknown>, FILTER_KEYS, 'filter');
      const target = typeof filter.dimension === 'string' ? filterable.get(filter.dimension) : undefined;
      if (!target) {
        fail(
          `Unknown filter dimension ${preview(filter.dimension)} in space ${preview(s.name)}. Filter on: ${filterNames.join(', ') || '(none)'}.`,
          filterNames,
        );
      }
      const op = FILTER_OPERATORS.find((o) => o === filter.op);
      if (!op) {
        fail(
          `Unknown filter operator ${preview(filter.op)}. Operators: ${FILTER_OPERATORS.join(', ')}.`,
          FILTER_OPERATORS,
        );
      }
      const allowed = OPERATORS_FOR[target.type];
      if (!allowed.includes(op)) {
        fail(
          `Operator ${preview(op)} does not apply to ${preview(target.name)} (${target.type}). Operators: ${allowed.join(', ')}.`,
          allowed,
        );
      }
      where.push(filterSql(target, op, filter.value, param));
    }
  }

  // Date range.
  if (!absent(query.dateRange)) {
    const range = query.dateRange;
    if (!isRecord(range)) fail('dateRange must be an object { from?, to? } of YYYY-MM-DD dates.');
    rejectUnknownKeys(range, DATE_RANGE_KEYS, 'dateRange');
    if (!time) fail(`Space ${preview(s.name)} has no time dimension, so it cannot take a dateRange.`);
    const from = absent(range.from) ? undefined : range.from;
    const to = absent(range.to) ? undefined : range.to;
    for (const [key, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== undefined && !isIsoDate(value)) {
        fail(`dateRange.${key} must be a real date written YYYY-MM-DD, not ${preview(value)}.`);
      }
    }
    if (typeof from === 'string' && typeof to === 'string' && from > to) {
      fail(`dateRange.from (${from}) is after dateRange.to (${to}).`);
    }
    const column = quoteIdent(time.column);
    if (typeof from === 'string') where.push(`${column} >= ${param(from)}::date`);
    // `< to + 1 day` keeps the whole last day when the column is a timestamp.
    if (typeof to === 'string') where.push(`${column} < (${param(to)}::date + 1)`);
  }

  // Order.
  const order: string[] = [];
  if (!absent(query.sort)) {
    if (!Array.isArray(query.sort)) fail('sort must be an array of { by, direction }.');
    const sortable = [...(grain ? [PERIOD] : []), ...outputs];
    const used = new Set<string>();
    for (const item of query.sort as readonly unknown[]) {
      if (!isRecord(item)) fail('Each sort must be an object { by, direction }.');
      rejectUnknownKeys(item, SORT_KEYS, 'sort');
      const by = sortable.find((name) => name === item.by);
      if (!by) {
        const hint = item.by === PERIOD ? ' Sorting by "period" needs a timeGrain.' : '';
        fail(
          `Cannot sort by ${preview(item.by)}: sort by a column of this query: ${sortable.join(', ')}.${hint}`,
          sortable,
        );
      }
      if (used.has(by)) fail(`Sorted by ${preview(by)} twice.`);
      used.add(by);
      const direction = absent(item.direction) ? 'asc' : DIRECTIONS.find((d) => d === item.direction);
      if (!direction) fail(`Unknown sort direction ${preview(item.direction)}. Use asc or desc.`, DIRECTIONS);
      order.push(`${quoteIdent(by)} ${direction.toUpperCase()} NULLS LAST`);
    }
  }
  if (order.length === 0) {
    const first = metrics[0] as MetricDefinition;
    order.push(grain ? `${quoteIdent(PERIOD)} ASC NULLS LAST` : `${quoteIdent(first.name)} DESC NULLS LAST`);
  }

  // Limit.
  let limit = DEFAULT_LIMIT;
  if (!absent(query.limit)) {
    if (
      typeof query.limit !== 'number' ||
      !Number.isInteger(query.limit) ||
      query.limit < 1 ||
      query.limit > MAX_LIMIT
    ) {
      fail(`limit must be a whole number from 1 to ${MAX_LIMIT}, not ${preview(query.limit)}.`);
    }
    limit = query.limit;
  }

  const lines = [`SELECT\n  ${select.join(',\n  ')}`, `FROM ${quoteTable((s.tables[0] as { name: string }).name)}`];
  if (where.length > 0) lines.push(`WHERE ${where.join('\n  AND ')}`);
  if (groupBy.length > 0) lines.push(`GROUP BY ${groupBy.join(', ')}`);
  lines.push(`ORDER BY ${order.join(', ')}`);
  lines.push(`LIMIT ${param(limit)}`);
  return { sql: lines.join('\n'), params, meta };
}

function filterSql(target: Filterable, op: FilterOperator, value: unknown, param: (value: unknown) => string): string {
  const column = quoteIdent(target.column);
  if (op === 'in' || op === 'not_in') {
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IN_VALUES) {
      fail(
        `Filter on ${preview(target.name)} (${op}) needs an array of 1 to ${MAX_IN_VALUES} values, not ${preview(value)}.`,
      );
    }
    for (const item of value) checkValue(item, target, op);
    return op === 'in' ? `${column} = ANY(${param([...value])})` : `${column} <> ALL(${param([...value])})`;
  }
  checkValue(value, target, op);
  if (op === 'contains') return `${column} ILIKE ${param(containsPattern(value as string))}`;
  return `${column} ${COMPARISON[op]} ${param(value)}`;
}
