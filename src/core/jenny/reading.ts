import { compileQuery } from '../semantic/compile';
import { grainsOf } from '../semantic/define';
import { SemanticError } from '../semantic/errors';
import type { SemanticQuery, SpaceDefinition, TimeGrain } from '../semantic/types';
import { isIsoDay } from '../util/iso-date';
import type { Interpretation, QueryInterpretation } from './types';

/*
 * A reading of a question, edited (the Explain dialog's chips: metric, breakdowns, period, grain, filters, limit)
 * and answered again as given: no interpreter and no model, so the same reading always runs the same SQL. Edits
 * are written here once, framework-free; a reading that comes from outside (a request body) is checked by
 * `checkReading`, whose query check is the compiler's own.
 */

/** What a chip can change in a reading. `null` clears (no grain, no limit). */
export type ReadingEdit =
  | { metric: string }
  | { addDimension: string }
  | { removeDimension: string }
  | { grain: TimeGrain | null }
  | { dateRange: { from: string; to: string } }
  | { removeFilter: number }
  | { limit: number | null };

/** The chips of a reading that can be edited (a comparison and a driver analysis keep their shape). */
export interface EditableChips {
  metric: boolean;
  dimensions: boolean;
  period: boolean;
  grain: boolean;
  filters: boolean;
  limit: boolean;
}

/** The largest limit a chip may set (the compiler's own cap). */
export const MAX_READING_LIMIT = 10_000;

/** The grains a reading can take: its space's, and for a comparison only those both spaces have. */
export function readingGrains(
  reading: QueryInterpretation,
  space: SpaceDefinition,
  compareSpace?: SpaceDefinition,
): TimeGrain[] {
  const own = grainsOf(space);
  if (!reading.compare || !compareSpace) return [...own];
  const other = grainsOf(compareSpace);
  return own.filter((grain) => other.includes(grain));
}

/** Which chips of a reading can be edited on `space`. */
export function editableChips(reading: QueryInterpretation, space: SpaceDefinition | undefined): EditableChips {
  const time = Boolean(space?.timeDimension);
  if (reading.compare) {
    // Two queries over the same period and grain: only what both share moves.
    return { metric: false, dimensions: false, period: time, grain: time, filters: false, limit: false };
  }
  if (reading.analysis === 'drivers') {
    // The breakdowns and their order are the analysis's own.
    return { metric: true, dimensions: false, period: time, grain: false, filters: true, limit: false };
  }
  return { metric: true, dimensions: true, period: time, grain: time, filters: true, limit: true };
}

const withSort = (query: SemanticQuery, sort: SemanticQuery['sort']): SemanticQuery => {
  const { sort: _old, ...rest } = query;
  return sort && sort.length > 0 ? { ...rest, sort } : rest;
};

/** One query edited; sorting follows a metric that is replaced and drops a breakdown that is removed. */
function editQuery(query: SemanticQuery, edit: ReadingEdit): SemanticQuery {
  if ('metric' in edit) {
    const old = query.metrics[0];
    const metrics = [edit.metric, ...query.metrics.slice(1).filter((m) => m !== edit.metric)];
    return withSort(
      { ...query, metrics },
      query.sort?.map((s) => (s.by === old ? { ...s, by: edit.metric } : s)),
    );
  }
  if ('addDimension' in edit) {
    const dimensions = query.dimensions ?? [];
    if (dimensions.includes(edit.addDimension)) return query;
    return { ...query, dimensions: [...dimensions, edit.addDimension] };
  }
  if ('removeDimension' in edit) {
    const dimensions = (query.dimensions ?? []).filter((d) => d !== edit.removeDimension);
    const { dimensions: _old, ...rest } = query;
    return withSort(
      dimensions.length > 0 ? { ...rest, dimensions } : rest,
      query.sort?.filter((s) => s.by !== edit.removeDimension),
    );
  }
  if ('grain' in edit) {
    const { timeGrain: _old, ...rest } = query;
    return edit.grain
      ? { ...rest, timeGrain: edit.grain }
      : withSort(
          rest,
          query.sort?.filter((s) => s.by !== 'period'),
        );
  }
  if ('dateRange' in edit) return { ...query, dateRange: { from: edit.dateRange.from, to: edit.dateRange.to } };
  if ('removeFilter' in edit) {
    const filters = (query.filters ?? []).filter((_, i) => i !== edit.removeFilter);
    const { filters: _old, ...rest } = query;
    return filters.length > 0 ? { ...rest, filters } : rest;
  }
  const { limit: _old, ...rest } = query;
  return edit.limit === null ? rest : { ...rest, limit: edit.limit };
}

/**
 * A reading with one chip changed. The result reads as chosen, not as typed: its explanation is empty and its
 * confidence 1. A change to the period or grain of a comparison moves both of its queries.
 *
 * @throws {SemanticError} for an edit the reading's chips do not allow, or a limit outside 1 to 10,000.
 */
export function editReading(
  reading: QueryInterpretation,
  edit: ReadingEdit,
  space: SpaceDefinition | undefined,
  /** The space of a comparison's second query (`reading.compare.space`), whose grains a grain must also be in. */
  compareSpace?: SpaceDefinition,
): QueryInterpretation {
  const chips = editableChips(reading, space);
  const chip =
    'metric' in edit
      ? 'metric'
      : 'addDimension' in edit || 'removeDimension' in edit
        ? 'dimensions'
        : 'grain' in edit
          ? 'grain'
          : 'dateRange' in edit
            ? 'period'
            : 'removeFilter' in edit
              ? 'filters'
              : 'limit';
  if (!chips[chip]) throw new SemanticError(`The ${chip} of this reading cannot be changed.`);
  if ('limit' in edit && edit.limit !== null) {
    if (!Number.isInteger(edit.limit) || edit.limit < 1 || edit.limit > MAX_READING_LIMIT) {
      throw new SemanticError(`The limit must be a whole number from 1 to ${MAX_READING_LIMIT}.`);
    }
  }
  if ('grain' in edit && edit.grain) {
    for (const where of reading.compare ? [space, compareSpace] : [space]) {
      if (where && !grainsOf(where).includes(edit.grain)) {
        throw new SemanticError(`${where.label ?? where.name} cannot be read by ${edit.grain}.`);
      }
    }
  }
  if ('dateRange' in edit) {
    const { from, to } = edit.dateRange;
    if (!isIsoDay(from) || !isIsoDay(to) || from > to) {
      throw new SemanticError('A period must run from one day (YYYY-MM-DD) to the same day or a later one.');
    }
  }
  const { alternatives: _readings, ...rest } = reading;
  const query = editQuery(reading.query, edit);
  const shared = 'grain' in edit || 'dateRange' in edit;
  return {
    ...rest,
    query,
    ...(reading.compare
      ? { compare: shared ? { ...reading.compare, query: editQuery(reading.compare.query, edit) } : reading.compare }
      : {}),
    explanation: [],
    confidence: 1,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const READING_KEYS = new Set([
  'kind',
  'space',
  'query',
  'compare',
  'analysis',
  'view',
  'explanation',
  'confidence',
  'alternatives',
]);

/**
 * A reading sent to be answered as given (an `AskRequest`'s `reading`), checked: a query reading on one of
 * `spaces`, whose queries the compiler accepts (its check, with its messages). What comes back is a fresh copy that
 * reads as chosen: no explanation, confidence 1, no alternatives.
 *
 * @throws {SemanticError} naming what is wrong.
 */
export function checkReading(value: unknown, spaces: ReadonlyMap<string, SpaceDefinition>): QueryInterpretation {
  if (!isRecord(value) || value.kind !== 'query') {
    throw new SemanticError('A reading must be an object with kind "query".');
  }
  for (const key of Object.keys(value)) {
    if (!READING_KEYS.has(key)) throw new SemanticError(`A reading has no ${JSON.stringify(key.slice(0, 40))}.`);
  }
  const spaceOf = (name: unknown): SpaceDefinition => {
    const space = typeof name === 'string' ? spaces.get(name) : undefined;
    if (!space) {
      throw new SemanticError(`A reading must name one of the spaces: ${[...spaces.keys()].join(', ')}.`, {
        available: [...spaces.keys()],
      });
    }
    return space;
  };
  const space = spaceOf(value.space);
  // The compiler checks every name, operator, value and key of the query, as it does for any semantic request.
  compileQuery(space, value.query as SemanticQuery);
  const reading: QueryInterpretation = {
    kind: 'query',
    space: space.name,
    query: structuredClone(value.query as SemanticQuery),
    confidence: 1,
    explanation: [],
  };
  if (value.compare !== undefined) {
    if (!isRecord(value.compare)) throw new SemanticError('A reading\'s "compare" must be { space, query }.');
    const other = spaceOf(value.compare.space);
    compileQuery(other, value.compare.query as SemanticQuery);
    // A comparison is a measure beside its declared target (`targetOf`), as the interpreter builds it: never any
    // metric of any other space.
    const primary = new Set(reading.query.metrics.map((metric) => `${space.name}.${metric}`));
    const compared = (value.compare.query as SemanticQuery).metrics;
    const targets = new Map(other.metrics.map((metric) => [metric.name, metric.targetOf]));
    if (!compared.every((metric) => primary.has(targets.get(metric) ?? ''))) {
      throw new SemanticError(
        'A reading can compare a measure only with its target (a metric whose targetOf names it).',
      );
    }
    reading.compare = { space: other.name, query: structuredClone(value.compare.query as SemanticQuery) };
  }
  if (value.analysis !== undefined) {
    if (value.analysis !== 'drivers') throw new SemanticError('A reading\'s "analysis" can only be "drivers".');
    reading.analysis = 'drivers';
  }
  if (value.view !== undefined) {
    if (value.view !== 'table') throw new SemanticError('A reading\'s "view" can only be "table".');
    reading.view = 'table';
  }
  return reading;
}

/** The reading an answer came from, when it is one that chips can edit. */
export function queryReading(interpretation: Interpretation | undefined): QueryInterpretation | undefined {
  return interpretation?.kind === 'query' ? interpretation : undefined;
}
