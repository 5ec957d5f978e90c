import { isRecord } from '../util/is-record';
import { preview as previewValue } from '../util/preview';
import { SemanticError } from './errors';
import type { SpaceDefinition, TimeGrain } from './types';

/** A space that passed `defineSpace`: deeply frozen, its identifiers known to be safe to quote. */
export type SemanticSpace = Readonly<SpaceDefinition>;

/** Every time grain the layer knows, finest first. These literals are the only grains that reach the SQL. */
export const TIME_GRAINS: readonly TimeGrain[] = Object.freeze(['day', 'week', 'month', 'quarter', 'year']);

/** The name of the time-grain output column; no metric or dimension may use it. */
export const PERIOD = 'period';

/** Column, metric, dimension, space and role names. */
export const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** Schema-qualified table names. */
export const TABLE_NAME = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;
/** PostgreSQL truncates identifiers longer than this many bytes. */
const MAX_IDENTIFIER_LENGTH = 63;

const COLUMN_TYPES = new Set(['number', 'string', 'date', 'boolean']);
const TOTALS = new Set(['sum', 'min', 'max', 'none']);
const FORMAT_KINDS = new Set(['number', 'integer', 'currency', 'percent', 'compact', 'duration', 'date', 'text']);

const defined = new WeakSet<object>();

/** A short, quoted preview of a value for an error message. */
export function preview(value: unknown): string {
  return previewValue(value, 60);
}

/** Double-quotes one identifier (already checked against `IDENTIFIER`; embedded quotes are doubled regardless). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."table"` from `schema.table`. */
export function quoteTable(name: string): string {
  return name.split('.').map(quoteIdent).join('.');
}

function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_IDENTIFIER_LENGTH && IDENTIFIER.test(value);
}

/**
 * Problems with an author's metric SQL: it is trusted (only a space's author writes it) but it is wrapped as
 * `(sql)::float8` and numbered parameters follow it, so it must be one balanced expression with no statement
 * separator, comment or `$` placeholder of its own.
 */
function metricSqlProblem(sql: string): string | undefined {
  if (sql.trim() === '') return 'is empty';
  if (sql.includes(';')) return 'contains ";"';
  if (sql.includes('--') || sql.includes('/*')) return 'contains a comment';
  if (sql.includes('$')) return 'contains "$" (parameters are added by the compiler)';
  let depth = 0;
  let quote: string | undefined;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
      if (depth < 0) return 'has an unbalanced ")"';
    }
  }
  if (quote) return 'has an unterminated quote';
  if (depth !== 0) return 'has an unbalanced "("';
  return undefined;
}

/** Synonyms are words or short phrases: letters, digits, spaces, hyphens, ampersands and apostrophes, at most 40 characters. */
const SYNONYM = /^[\p{L}\p{N}][\p{L}\p{N} '’&-]{0,39}$/u;

function synonymsProblem(synonyms: unknown): string | undefined {
  if (synonyms === undefined) return undefined;
  if (!Array.isArray(synonyms)) return 'must be an array of words or short phrases';
  const bad = synonyms.find((synonym) => typeof synonym !== 'string' || !SYNONYM.test(synonym));
  return bad === undefined
    ? undefined
    : `${preview(bad)} is not a word or short phrase (letters, digits, spaces, hyphens, apostrophes; at most 40 characters)`;
}

function formatProblem(format: unknown): string | undefined {
  if (format === undefined) return undefined;
  if (!isRecord(format) || typeof format.kind !== 'string' || !FORMAT_KINDS.has(format.kind)) {
    return `must be a FormatSpec with kind one of ${[...FORMAT_KINDS].join(', ')}`;
  }
  if (format.kind === 'currency' && (typeof format.currency !== 'string' || !/^[A-Z]{3}$/.test(format.currency))) {
    return 'needs a three-letter ISO currency code, for example "USD"';
  }
  return undefined;
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** Every problem with a definition, as sentences; empty when it is valid. */
function problemsOf(definition: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(definition)) return ['a space definition must be an object'];
  const d = definition;

  if (!isIdentifier(d.name)) problems.push(`name ${preview(d.name)} must match ${IDENTIFIER} (at most 63 characters)`);
  if (!optionalString(d.label)) problems.push('label must be a string');
  if (typeof d.description !== 'string' || d.description.trim() === '') problems.push('description must be non-empty');
  if (!isIdentifier(d.role)) problems.push(`role ${preview(d.role)} must be a database role matching ${IDENTIFIER}`);

  if (!Array.isArray(d.tables) || d.tables.length === 0) {
    problems.push('tables must list at least one table');
  } else {
    const seen = new Set<string>();
    d.tables.forEach((table: unknown, i) => {
      const name = isRecord(table) ? table.name : undefined;
      if (typeof name !== 'string' || !TABLE_NAME.test(name) || name.split('.').some((p) => p.length > 63)) {
        problems.push(`tables[${i}] name ${preview(name)} must be "schema.table" (each part matching ${IDENTIFIER})`);
      } else if (seen.has(name)) {
        problems.push(`table ${preview(name)} is listed twice`);
      } else {
        seen.add(name);
      }
      if (isRecord(table) && !optionalString(table.description))
        problems.push(`tables[${i}] description must be a string`);
    });
  }

  // Metric and dimension names share one namespace: both become output columns.
  const names = new Set<string>();
  const claim = (kind: string, name: unknown, i: number) => {
    if (!isIdentifier(name)) {
      problems.push(`${kind}[${i}] name ${preview(name)} must match ${IDENTIFIER} (at most 63 characters)`);
    } else if (name === PERIOD) {
      problems.push(`${kind}[${i}] name "${PERIOD}" is reserved for the time-grain column`);
    } else if (names.has(name)) {
      problems.push(`the name ${preview(name)} is used twice (metric and dimension names must be unique)`);
    } else {
      names.add(name);
    }
  };

  if (!Array.isArray(d.metrics) || d.metrics.length === 0) {
    problems.push('metrics must list at least one metric');
  } else {
    d.metrics.forEach((metric: unknown, i) => {
      if (!isRecord(metric)) {
        problems.push(`metrics[${i}] must be an object`);
        return;
      }
      claim('metrics', metric.name, i);
      const label = `metric ${preview(metric.name)}`;
      if (typeof metric.sql !== 'string') {
        problems.push(`${label} needs sql, an aggregate such as "sum(revenue)"`);
      } else {
        const problem = metricSqlProblem(metric.sql);
        if (problem) problems.push(`${label} sql ${problem}`);
      }
      const format = formatProblem(metric.format);
      if (format) problems.push(`${label} format ${format}`);
      if (!optionalString(metric.label) || !optionalString(metric.description)) {
        problems.push(`${label} label and description must be strings`);
      }
      const metricSynonyms = synonymsProblem(metric.synonyms);
      if (metricSynonyms) problems.push(`${label} synonyms ${metricSynonyms}`);
      const metricVerbs = synonymsProblem(metric.verbs);
      if (metricVerbs) problems.push(`${label} verbs ${metricVerbs}`);
      if (metric.downIsGood !== undefined && typeof metric.downIsGood !== 'boolean') {
        problems.push(`${label} downIsGood must be a boolean`);
      }
      // The other space may be defined later or elsewhere: only the form is checked here.
      if (metric.targetOf !== undefined) {
        const [space, name, ...more] = typeof metric.targetOf === 'string' ? metric.targetOf.split('.') : [];
        if (!isIdentifier(space) || !isIdentifier(name) || more.length > 0) {
          problems.push(`${label} targetOf ${preview(metric.targetOf)} must be "space.metric", two identifiers`);
        } else if (space === d.name && name === metric.name) {
          problems.push(`${label} targetOf cannot name the metric itself`);
        }
      }
      const total = metric.total;
      if (total !== undefined && !(typeof total === 'string' && TOTALS.has(total))) {
        const ratio = isRecord(total) ? total.ratio : undefined;
        const metricNames = (d.metrics as unknown[]).map((m) => (isRecord(m) ? m.name : undefined));
        if (
          !Array.isArray(ratio) ||
          ratio.length !== 2 ||
          !ratio.every((name) => typeof name === 'string' && name !== metric.name && metricNames.includes(name))
        ) {
          problems.push(
            `${label} total must be "sum", "min", "max", "none" or { ratio: [numerator, denominator] } naming two other metrics of the space`,
          );
        }
      }
    });
  }

  if (!Array.isArray(d.dimensions)) {
    problems.push('dimensions must be an array (it may be empty)');
  } else {
    d.dimensions.forEach((dimension: unknown, i) => {
      if (!isRecord(dimension)) {
        problems.push(`dimensions[${i}] must be an object`);
        return;
      }
      claim('dimensions', dimension.name, i);
      const label = `dimension ${preview(dimension.name)}`;
      if (dimension.column !== undefined && !isIdentifier(dimension.column)) {
        problems.push(`${label} column ${preview(dimension.column)} must match ${IDENTIFIER}`);
      }
      if (dimension.type !== undefined && !COLUMN_TYPES.has(dimension.type as string)) {
        problems.push(`${label} type ${preview(dimension.type)} must be one of ${[...COLUMN_TYPES].join(', ')}`);
      }
      if (!optionalString(dimension.label) || !optionalString(dimension.description)) {
        problems.push(`${label} label and description must be strings`);
      }
      const dimensionSynonyms = synonymsProblem(dimension.synonyms);
      if (dimensionSynonyms) problems.push(`${label} synonyms ${dimensionSynonyms}`);
      if (dimension.valueSynonyms !== undefined) {
        if (!isRecord(dimension.valueSynonyms)) {
          problems.push(`${label} valueSynonyms must map values to their synonyms`);
        } else {
          for (const [value, synonyms] of Object.entries(dimension.valueSynonyms)) {
            const problem = synonymsProblem(synonyms);
            if (problem) problems.push(`${label} valueSynonyms of ${preview(value)} ${problem}`);
          }
        }
      }
    });
  }

  if (d.timeDimension !== undefined) {
    const time = d.timeDimension;
    if (!isRecord(time)) {
      problems.push('timeDimension must be an object');
    } else {
      if (!isIdentifier(time.column)) {
        problems.push(`timeDimension column ${preview(time.column)} must match ${IDENTIFIER}`);
      }
      if (!optionalString(time.label)) problems.push('timeDimension label must be a string');
      if (time.grains !== undefined) {
        if (!Array.isArray(time.grains) || time.grains.length === 0) {
          problems.push(`timeDimension grains must list at least one of ${TIME_GRAINS.join(', ')}`);
        } else {
          const seen = new Set<unknown>();
          for (const grain of time.grains) {
            if (!(TIME_GRAINS as readonly unknown[]).includes(grain)) {
              problems.push(`time grain ${preview(grain)} is not one of ${TIME_GRAINS.join(', ')}`);
            } else if (seen.has(grain)) {
              problems.push(`time grain ${preview(grain)} is listed twice`);
            }
            seen.add(grain);
          }
        }
      }
    }
  }

  if (d.freshness !== undefined && (typeof d.freshness !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(d.freshness))) {
    problems.push('freshness must be a job name (letters, digits, _ . -)');
  }
  if (d.examples !== undefined && (!Array.isArray(d.examples) || !d.examples.every((e) => typeof e === 'string'))) {
    problems.push('examples must be an array of strings');
  }
  return problems;
}

function cloneFrozen<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map(cloneFrozen)) as T;
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = cloneFrozen(inner);
    return Object.freeze(copy) as T;
  }
  return value;
}

/**
 * Checks a space at definition time and returns a deeply frozen copy of it. Checked: the name and role are
 * identifiers; every table is `schema.table`; there is at least one metric; metric and dimension names are unique
 * identifiers (and not `period`, the time-grain column); columns match `/^[a-z_][a-z0-9_]*$/`; metric SQL is one
 * balanced expression with no `;`, comment or `$`; a metric's `targetOf` is `space.metric` (two identifiers, not
 * itself); formats, column types and time grains are known.
 * @throws {SemanticError} listing every problem found.
 */
export function defineSpace(definition: SpaceDefinition): SemanticSpace {
  if (isRecord(definition) && defined.has(definition)) return definition;
  const problems = problemsOf(definition);
  if (problems.length > 0) {
    const name = isRecord(definition) && typeof definition.name === 'string' ? ` ${preview(definition.name)}` : '';
    throw new SemanticError(`Invalid space${name}: ${problems.join('; ')}.`);
  }
  const space = cloneFrozen(definition);
  defined.add(space);
  return space;
}

/** True for a space returned by `defineSpace`. */
export function isDefinedSpace(value: unknown): value is SemanticSpace {
  return isRecord(value) && defined.has(value);
}

/** The grains a space allows: its time dimension's, or every grain; none without a time dimension. */
export function grainsOf(space: SpaceDefinition): readonly TimeGrain[] {
  if (!space.timeDimension) return [];
  return space.timeDimension.grains ?? TIME_GRAINS;
}

/**
 * The space called `name` among `spaces`.
 * @throws {SemanticError} naming the spaces that exist (in `available`) when none is called `name`.
 */
export function findSpace<S extends SpaceDefinition>(spaces: readonly S[], name: string): S {
  const found = spaces.find((space) => space.name === name);
  if (found) return found;
  const available = spaces.map((space) => space.name);
  throw new SemanticError(`Unknown space ${preview(name)}. Available spaces: ${available.join(', ')}.`, { available });
}
