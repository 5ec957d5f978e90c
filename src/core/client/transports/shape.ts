import type { ColumnMeta, Row } from '../../adapter/types';
import { isRecord } from '../../util/is-record';
import { ResponseShapeError } from '../errors';

/**
 * Hand-written run-time guards for answers from outside: each throws a `ResponseShapeError` whose `path` names
 * the first field that does not match (`rows[2]`, `meta[0].name`, `title`; `$` is the whole body). `null` counts as absent for
 * optional fields. Values are never quoted in messages (they could be anything, secrets included).
 */
export class ShapeReader {
  constructor(
    /** The transport, for the error. */
    readonly transport: string,
    /** What was answered, for the message, for example `'POST /api/query'`. */
    readonly what: string,
  ) {}

  fail(path: string, expected: string, ...actual: [unknown?]): never {
    const got = actual.length > 0 ? ` (got ${describe(actual[0])})` : '';
    throw new ResponseShapeError(
      path,
      `The answer to ${this.what} does not match the contract: ${path === '$' ? 'the body' : path} should be ${expected}${got}`,
      { transport: this.transport },
    );
  }

  record(value: unknown, path: string): Record<string, unknown> {
    if (!isRecord(value)) this.fail(path, 'an object', value);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'a string', value);
    return value;
  }

  optionalString(value: unknown, path: string): string | undefined {
    return value === undefined || value === null ? undefined : this.string(value, path);
  }

  optionalNumber(value: unknown, path: string, { integer = false, min }: { integer?: boolean; min?: number } = {}) {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(path, 'a number', value);
    if (integer && !Number.isInteger(value)) this.fail(path, 'an integer', value);
    if (min !== undefined && value < min) this.fail(path, `at least ${min}`, value);
    return value;
  }

  optionalBoolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') this.fail(path, 'a boolean', value);
    return value;
  }

  optionalRecord(value: unknown, path: string): Record<string, unknown> | undefined {
    return value === undefined || value === null ? undefined : this.record(value, path);
  }

  rows(value: unknown, path: string): Row[] {
    if (!Array.isArray(value)) this.fail(path, 'an array of row objects', value);
    for (let i = 0; i < value.length; i++) {
      if (!isRecord(value[i])) this.fail(`${path}[${i}]`, 'a row object', value[i]);
    }
    return value as Row[];
  }

  meta(value: unknown, path: string): ColumnMeta[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) this.fail(path, 'an array of column metadata', value);
    // Checked in place and returned as given: the same array, so a component keyed on it does no work again.
    value.forEach((item, i) => {
      const at = `${path}[${i}]`;
      const column = this.record(item, at);
      this.string(column.name, `${at}.name`);
      if (column.type !== undefined && !COLUMN_TYPES.has(column.type as string)) {
        this.fail(`${at}.type`, 'one of number, string, date, boolean', column.type);
      }
      if (column.role !== undefined && !COLUMN_ROLES.has(column.role as string)) {
        this.fail(`${at}.role`, 'one of dimension, measure, time', column.role);
      }
      this.optionalString(column.label, `${at}.label`);
      for (const key of ['format', 'axisFormat', 'tooltipFormat']) this.optionalRecord(column[key], `${at}.${key}`);
    });
    return value as ColumnMeta[];
  }
}

const COLUMN_TYPES = new Set(['number', 'string', 'date', 'boolean']);
const COLUMN_ROLES = new Set(['dimension', 'measure', 'time']);

/** The kind of a value, for a message: never the value itself. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing: the field is missing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
