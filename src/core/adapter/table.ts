import { parseIsoDate } from '../util/iso-date';
import { AdapterError, preview } from './errors';
import type { ColumnInput, ColumnMeta, ColumnRole, ColumnType, DataInput, ResultSet, Row } from './types';

/** A cell after normalisation: numbers are finite, dates are epoch milliseconds, missing is null. */
export type Cell = number | string | boolean | null;

/** A column of a normalised table. */
export interface Column {
  readonly name: string;
  readonly label: string;
  readonly type: ColumnType;
  readonly role: ColumnRole;
  readonly meta: ColumnMeta;
  /** `number` and `date` columns hold numbers (dates as epoch ms), `string` strings, `boolean` booleans. */
  readonly values: readonly Cell[];
}

/** A result set normalised to typed columns of equal length. */
export interface Table {
  readonly columns: readonly Column[];
  readonly rowCount: number;
}

const TYPES = new Set<ColumnType>(['number', 'string', 'date', 'boolean']);
const ROLES = new Set<ColumnRole>(['dimension', 'measure', 'time']);

const NUMERIC = /^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?\s*$/i;
/** A leading zero before another digit ('02139', '007'; not '0', '0.5' or '-0.5'): a code, not a number. */
const LEADING_ZERO = /^\s*[-+]?0\d/;
/** Names of numbers that label rather than measure: years, ids, codes, zip and postal codes. */
const LABEL_NUMBER_NAME = /(^|_)(year|yr|id|code|zip|zipcode|postal|postcode)(_|$)/i;

/**
 * Reads a row's own value for a column. A row without "constructor" must not read Object.prototype's;
 * other names cannot come from the prototype, and a plain read is much faster.
 */
export function cellReader(name: string): (row: Row) => unknown {
  return name in Object.prototype ? (row) => (Object.hasOwn(row, name) ? row[name] : undefined) : (row) => row[name];
}

export const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';
const isIntegerOrNull = (value: Cell) => value === null || Number.isInteger(value);

/** A number, null for a non-finite one, undefined for none; when `inferred`, a leading zero means a code. */
function toNumber(value: unknown, inferred = true): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && NUMERIC.test(value) && !(inferred && LEADING_ZERO.test(value))) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return undefined;
}

/**
 * ISO strings already read as dates, one memo per column: a column of a million rows holds a few hundred distinct
 * days, and reading each string once is most of the work saved on dates. Bounded, so a column of distinct
 * timestamps holds no more than `MAX_DATE_MEMO` of them.
 */
export type DateMemo = Map<string, number | undefined>;
const MAX_DATE_MEMO = 50_000;

/** Epoch ms of a Date, an ISO 8601 string (UTC unless it names a zone; see parseIsoDate) or, when `epoch`, a number. */
function toTime(value: unknown, epoch: boolean, memo?: DateMemo): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (epoch && typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  if (!memo) return parseIsoDate(value);
  const known = memo.get(value);
  if (known !== undefined || memo.has(value)) return known;
  const time = parseIsoDate(value);
  if (memo.size < MAX_DATE_MEMO) memo.set(value, time);
  return time;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The type a column's first non-blank value suggests (later values may still turn it into text). */
export function sniffValue(value: unknown): ColumnType {
  if (toNumber(value) !== undefined) return 'number';
  if (typeof value !== 'number' && toTime(value, false) !== undefined) return 'date';
  return typeof value === 'boolean' ? 'boolean' : 'string';
}

function sniff(count: number, read: (row: number) => unknown): ColumnType {
  for (let row = 0; row < count; row++) {
    const value = read(row);
    if (!isBlank(value)) return sniffValue(value);
  }
  return 'string';
}

/** What `convertCell` returns for a value that does not fit the column's type. */
export const MISMATCH = Symbol('mismatch');

/**
 * One value converted to a column type: numbers finite or null, dates as epoch ms, blanks null.
 * `declared` says the type was given, not inferred: a declared number reads '007' as 7 and a
 * declared date reads epoch numbers; a declared boolean reads anything else as null.
 */
export function convertCell(
  type: ColumnType,
  value: unknown,
  declared: boolean,
  /** For a date column: the column's memo of strings already read (see `DateMemo`). */
  dates?: DateMemo,
): Cell | typeof MISMATCH {
  if (isBlank(value)) return null;
  if (type === 'string') return typeof value === 'string' ? value : toText(value);
  if (type === 'number') {
    const n = toNumber(value, !declared);
    return n === undefined ? MISMATCH : n;
  }
  if (type === 'date') {
    const time = toTime(value, declared, dates);
    return time === undefined ? MISMATCH : time;
  }
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return declared ? null : MISMATCH;
}

/** The error for a value that does not fit a declared type. */
export function mismatchError(meta: ColumnMeta, type: ColumnType, row: number, value: unknown): AdapterError {
  return type === 'date'
    ? new AdapterError(
        'invalid-date',
        `Column "${meta.name}" holds dates, but row ${row + 1} holds ${preview(value)}: use ISO 8601 (2026-03-05), a Date or epoch milliseconds.`,
        { column: meta.name, row },
      )
    : new AdapterError(
        'type-mismatch',
        `Column "${meta.name}" holds numbers, but row ${row + 1} holds ${preview(value)}.`,
        {
          column: meta.name,
          row,
        },
      );
}

/**
 * Converts every value to the column's type. A value that does not fit throws when the type was
 * declared, and returns undefined (the caller falls back to string) when it was only inferred.
 */
function convert(meta: ColumnMeta, type: ColumnType, count: number, read: (row: number) => unknown, declared: boolean) {
  const values = new Array<Cell>(count);
  const dates: DateMemo | undefined = type === 'date' ? new Map() : undefined;
  for (let row = 0; row < count; row++) {
    const value = read(row);
    const cell = convertCell(type, value, declared, dates);
    if (cell === MISMATCH) {
      if (!declared) return undefined;
      throw mismatchError(meta, type, row, value);
    }
    values[row] = cell;
  }
  return values;
}

/** Checks metadata from JSON, which is unchecked: an unknown type or role would make a column no builder can read. */
export function checkMeta(meta: ColumnMeta): void {
  for (const [field, allowed] of [
    ['type', TYPES],
    ['role', ROLES],
  ] as const) {
    const value: unknown = meta[field];
    if (value !== undefined && !(allowed as Set<unknown>).has(value)) {
      throw new AdapterError(
        'invalid-input',
        `Column "${meta.name}" has an unknown ${field} ${preview(value)}: use one of ${[...allowed].join(', ')}.`,
        { column: meta.name },
      );
    }
  }
}

/** Whether a column's role depends on its values (integers in a year- or id-like number column). */
export function roleNeedsValues(meta: ColumnMeta, type: ColumnType): boolean {
  return type === 'number' && meta.role === undefined && LABEL_NUMBER_NAME.test(meta.name);
}

/**
 * A column whose values are converted only when first read; for a column whose role does not depend
 * on them (see `roleNeedsValues`), whose values are known to fit `type`.
 */
export function lazyColumnOf(meta: ColumnMeta, type: ColumnType, materialize: () => Cell[]): Column {
  return withLazyValues(headerOf(meta, type, true), materialize);
}

/** A column of `header` whose values are converted by `materialize` the first time they are read. */
function withLazyValues(header: Omit<Column, 'values'>, materialize: () => Cell[]): Column {
  let values: Cell[] | undefined;
  return {
    ...header,
    get values() {
      values ??= materialize();
      return values;
    },
  };
}

/** A column's cell reader: row `row`'s value converted to `type` (null past the last row), dates read once each. */
function cellsOf(type: ColumnType, count: number, read: (row: number) => unknown, declared: boolean) {
  const dates: DateMemo | undefined = type === 'date' ? new Map() : undefined;
  return (row: number): Cell => (row < count ? (convertCell(type, read(row), declared, dates) as Cell) : null);
}

/**
 * A column from converted values. Its role, unless declared: dates are time, numbers are measures
 * except integers in a column named like a year, an id or a code, and the rest are dimensions.
 */
export function columnOf(meta: ColumnMeta, type: ColumnType, values: Cell[]): Column {
  return { ...headerOf(meta, type, values.every(isIntegerOrNull)), values };
}

/** A column's name, label, type, role and metadata (see `columnOf`), given whether its numbers are all integers. */
function headerOf(meta: ColumnMeta, type: ColumnType, integers: boolean): Omit<Column, 'values'> {
  const labels = type === 'number' && LABEL_NUMBER_NAME.test(meta.name) && integers;
  const role = meta.role ?? (type === 'date' ? 'time' : type === 'number' && !labels ? 'measure' : 'dimension');
  const label = meta.label === undefined ? meta.name : String(meta.label);
  return { name: meta.name, label, type, role, meta };
}

/**
 * A typed column read through `read`, in one pass when the values agree with their first one. Types
 * are inferred where not declared: numbers and numeric strings make a number column, Dates and ISO 8601
 * strings a date column, booleans a boolean column, anything else (or any mix) a string column. A numeric
 * string with a leading zero ('02139') is a code: it stays a string. Roles are inferred where not declared:
 * dates are time, numbers measures, anything else a dimension, and so are integers in a column named
 * like a year, an id or a code (year, fiscal_yr, user_id, zip, …).
 */
export function readColumn(meta: ColumnMeta, count: number, read: (row: number) => unknown): Column {
  checkMeta(meta);
  let type = meta.type ?? sniff(count, read);
  let values = convert(meta, type, count, read, meta.type !== undefined);
  if (!values) {
    type = 'string';
    values = convert(meta, type, count, read, false) as Cell[];
  }
  return columnOf(meta, type, values);
}

/**
 * What a scan of a column learns (see `scanColumn`): the figures `chooseChart` reads, with the values not kept.
 */
export interface ColumnScan {
  /** The column as `readColumn` makes it (the same type, role and label), its values converted when first read. */
  readonly column: Column;
  /** The distinct non-null cells of a column that may be a dimension; undefined for the others, or without stats. */
  readonly distinct: ReadonlySet<Cell> | undefined;
  /** The smallest number (Infinity for none) and the largest absolute one (0 for none). */
  readonly min: number;
  readonly maxAbs: number;
  /** Row `row`'s cell, converted; null past the last row. */
  cell(row: number): Cell;
  /**
   * Set on a column whose scan was put off (see `scanTable`): its type is its first value's, not yet checked
   * against the others, and its figures are unknown. `complete` scans it (the type may then change).
   */
  readonly complete?: () => ColumnScan;
}

/** `convert` without keeping the values: their figures, or undefined when an inferred type does not fit. */
function scan(
  meta: ColumnMeta,
  type: ColumnType,
  count: number,
  read: (row: number) => unknown,
  declared: boolean,
  distinct: Set<Cell> | undefined,
) {
  const dates: DateMemo | undefined = type === 'date' ? new Map() : undefined;
  let min = Number.POSITIVE_INFINITY;
  let maxAbs = 0;
  let integers = true;
  // Results often come sorted: a value that is the row before's is converted and counted once. Or in cycles (each
  // day's brands): a value that is the one `period` rows back's was counted already (it or its equal was converted).
  let last: unknown = MISMATCH;
  let period = 0;
  for (let row = 0; row < count; row++) {
    const value = read(row);
    if (value === last || (period > 0 && value === read(row - period))) continue;
    const cell = convertCell(type, value, declared, dates);
    if (cell === MISMATCH) {
      if (!declared) return undefined;
      throw mismatchError(meta, type, row, value);
    }
    last = value;
    if (cell === null) continue;
    if (typeof cell === 'number') {
      if (cell < min) min = cell;
      if (Math.abs(cell) > maxAbs) maxAbs = Math.abs(cell);
      if (integers && !Number.isInteger(cell)) integers = false;
    }
    if (distinct) {
      const size = distinct.size;
      // A value seen before: guess the cycle is as long as the values seen so far.
      if (distinct.add(cell).size === size) period = size;
    }
  }
  return { min, maxAbs, integers };
}

/**
 * `readColumn` in one pass that keeps no values: the same column (type, role, label; the same `AdapterError`), its
 * values converted when first read. With `stats`, a column that may be a dimension keeps its distinct values.
 */
export function scanColumn(
  meta: ColumnMeta,
  count: number,
  read: (row: number) => unknown,
  stats: boolean,
  defer = false,
): ColumnScan {
  checkMeta(meta);
  const declared = meta.type !== undefined;
  if (defer && !declared && meta.role === undefined) {
    const first = sniff(count, read);
    if (first === 'date' || (first === 'number' && !roleNeedsValues(meta, first))) {
      return deferredScan(meta, first, count, read, () => scanColumn(meta, count, read, stats));
    }
  }
  const collect = (type: ColumnType) =>
    stats &&
    (meta.role === 'dimension' ||
      (meta.role === undefined && (type === 'string' || type === 'boolean' || roleNeedsValues(meta, type))))
      ? new Set<Cell>()
      : undefined;
  let type = meta.type ?? sniff(count, read);
  let distinct = collect(type);
  let found = scan(meta, type, count, read, declared, distinct);
  if (!found) {
    type = 'string';
    distinct = collect(type);
    found = scan(meta, type, count, read, false, distinct) as NonNullable<typeof found>;
  }
  const column = withLazyValues(
    headerOf(meta, type, found.integers),
    () => convert(meta, type, count, read, declared) as Cell[],
  );
  return { column, distinct, min: found.min, maxAbs: found.maxAbs, cell: cellsOf(type, count, read, declared) };
}

/**
 * A column whose scan is put off: a time or measure by its first value (its role depends on nothing else), which
 * `complete` scans. Its cells convert as its type's; reading them is for a caller that checked they fit.
 */
function deferredScan(
  meta: ColumnMeta,
  type: ColumnType,
  count: number,
  read: (row: number) => unknown,
  complete: () => ColumnScan,
): ColumnScan {
  const column = withLazyValues(headerOf(meta, type, true), () => convert(meta, type, count, read, false) as Cell[]);
  const cell = cellsOf(type, count, read, false);
  return { column, distinct: undefined, min: Number.NaN, maxAbs: Number.NaN, cell, complete };
}

/** Whether a value reads as a column of a columnar input (an array of them is columns, not rows). */
export const isColumnInput = (value: unknown): value is ColumnInput =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ColumnInput).name === 'string' &&
  Array.isArray((value as ColumnInput).values);

/** Checks column metadata: each names its column, and no name comes twice. */
export function checkMetaList(meta: readonly ColumnMeta[]): void {
  const known = new Set<string>();
  for (const m of meta) {
    if (typeof m !== 'object' || m === null || typeof m.name !== 'string') {
      throw new AdapterError('invalid-input', `Column metadata needs a name: got ${preview(m)}.`);
    }
    if (known.has(m.name)) {
      throw new AdapterError('duplicate-column', `Column "${m.name}" appears twice.`, { column: m.name });
    }
    known.add(m.name);
  }
}

/** Throws the error for the first row that is not an object. */
function checkRows(rows: readonly Row[]): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new AdapterError('invalid-input', `Row ${i + 1} is not an object: ${preview(row)}.`, { row: i });
    }
  }
}

/**
 * The column names of rows: the metadata's, then every other own key in the order first met. Rows
 * mostly share their keys in the same order, so a row whose keys are the last new shape's (compared in
 * order) adds none and is passed over; any other is looked at key by key. Throws for a row that is not
 * an object.
 */
export function columnNames(rows: readonly Row[], meta: readonly ColumnMeta[] = []): string[] {
  checkMetaList(meta);
  const names = meta.map((m) => m.name);
  const known = new Set(names);
  let shape: string[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) checkRows(rows);
    let same = true;
    let at = 0;
    for (const key in row) {
      if (key !== shape[at++]) {
        same = false;
        break;
      }
    }
    if (same && at === shape.length) continue;
    const keys: string[] = [];
    for (const key in row) {
      if (!Object.hasOwn(row, key)) continue;
      keys.push(key);
      if (!known.has(key)) {
        known.add(key);
        names.push(key);
      }
    }
    shape = keys;
  }
  return names;
}

/** Makes a column from its metadata and a reader of its values: `readColumn`, or a scan. */
type ColumnMaker = (meta: ColumnMeta, count: number, read: (row: number) => unknown) => Column;

function fromRows(
  rows: readonly Row[],
  meta: readonly ColumnMeta[] = [],
  only: ReadonlySet<string> | undefined,
  make: ColumnMaker,
): Table {
  let names: string[];
  if (only) {
    // Only the named columns: no scan of every row's keys, just a check that each name exists.
    checkMetaList(meta);
    checkRows(rows);
    const known = new Set(meta.map((m) => m.name));
    names = meta.map((m) => m.name);
    for (const name of only) {
      if (!known.has(name) && rows.some((row) => Object.hasOwn(row, name))) names.push(name);
    }
    names = names.filter((name) => only.has(name));
  } else {
    names = columnNames(rows, meta);
  }
  const metaByName = new Map(meta.map((m) => [m.name, m]));
  const columns = names.map((name) => {
    // Own keys only: a row without "constructor" must not read Object.prototype.constructor. Other
    // names cannot come from the prototype, and a plain read is much faster.
    const read = cellReader(name);
    return make(metaByName.get(name) ?? { name }, rows.length, (i) => read(rows[i] as Row));
  });
  return { columns, rowCount: rows.length };
}

function fromColumns(inputs: readonly ColumnInput[], make: ColumnMaker): Table {
  const bad = inputs.findIndex((input) => !isColumnInput(input));
  if (bad >= 0) {
    throw new AdapterError(
      'invalid-input',
      `Column ${bad + 1} needs a string name and an array of values: got ${preview(inputs[bad])}.`,
    );
  }
  const rowCount = inputs[0]?.values.length ?? 0;
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.name)) {
      throw new AdapterError('duplicate-column', `Column "${input.name}" appears twice.`, { column: input.name });
    }
    seen.add(input.name);
    if (input.values.length !== rowCount) {
      throw new AdapterError(
        'ragged-columns',
        `Column "${input.name}" has ${input.values.length} values where the first column has ${rowCount}.`,
        { column: input.name },
      );
    }
  }
  return { columns: inputs.map(({ values, ...meta }) => make(meta, rowCount, (i) => values[i])), rowCount };
}

/**
 * Normalises rows, columns or a `ResultSet` into typed columns (with `only`, just the named ones). Types are inferred where not given:
 * numbers and numeric strings make a number column, Dates and ISO 8601 strings a date column, booleans a
 * boolean column, anything else a string column. NaN and ±Infinity become null. A value that does not
 * fit its column's declared (or, for numbers and dates, inferred) type is an `AdapterError` naming both.
 */
export function toTable(input: DataInput, options: { only?: Iterable<string> } = {}): Table {
  return tableOf(input, options.only ? new Set(options.only) : undefined, readColumn);
}

/**
 * `toTable` in one pass per column that keeps no values (see `scanColumn`): the same columns, the same errors, and
 * each column's scan. Cells are converted when read: one by one (`cell`), or a column at a time (`values`).
 * With `defer`, the scan of a column whose type was inferred as date or number, and whose role follows from that
 * alone, is put off (see `ColumnScan.complete`): a chart that reads it checks its values anyway. Such a column can
 * throw no error of its own past its metadata's, so the errors stay the same.
 */
export function scanTable(input: DataInput, stats: boolean, defer = false): { table: Table; scans: ColumnScan[] } {
  const scans: ColumnScan[] = [];
  const table = tableOf(input, undefined, (meta, count, read) => {
    const scanned = scanColumn(meta, count, read, stats, defer);
    scans.push(scanned);
    return scanned.column;
  });
  return { table, scans };
}

function tableOf(input: DataInput, only: ReadonlySet<string> | undefined, make: ColumnMaker): Table {
  const pick = (inputs: readonly ColumnInput[]) =>
    only ? inputs.filter((c) => !isColumnInput(c) || only.has(c.name)) : inputs;
  if (Array.isArray(input)) {
    return input.length > 0 && input.every(isColumnInput)
      ? fromColumns(pick(input as readonly ColumnInput[]), make)
      : fromRows(input as readonly Row[], [], only, make);
  }
  if (typeof input === 'object' && input !== null) {
    const set = input as ResultSet;
    if (Array.isArray(set.columns)) return fromColumns(pick(set.columns), make);
    if (Array.isArray(set.rows)) return fromRows(set.rows, Array.isArray(set.meta) ? set.meta : undefined, only, make);
  }
  throw new AdapterError('invalid-input', `Expected rows, columns or a result set, got ${preview(input)}.`);
}

/** The named column, or an `AdapterError` that lists the columns there are. */
export function getColumn(table: Table, name: string, purpose: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (!found) {
    const names = table.columns.map((c) => `"${c.name}"`).join(', ') || 'none';
    throw new AdapterError(
      'unknown-column',
      `The ${purpose} column "${name}" is not in the data (columns: ${names}).`,
      {
        column: name,
      },
    );
  }
  return found;
}

/** Whether a value is an already normalised `Table`. */
export function isTable(value: unknown): value is Table {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { columns, rowCount } = value as Table;
  // A result set with a row count ({ columns: [{ name, values }], rowCount }) is not normalised: it has no types.
  return (
    Array.isArray(columns) &&
    Number.isInteger(rowCount) &&
    columns.every(
      (c: Partial<Column> | null) =>
        typeof c === 'object' &&
        c !== null &&
        typeof c.name === 'string' &&
        typeof c.label === 'string' &&
        TYPES.has(c.type as ColumnType) &&
        ROLES.has(c.role as ColumnRole) &&
        typeof c.meta === 'object' &&
        c.meta !== null &&
        Array.isArray(c.values) &&
        c.values.length === rowCount,
    )
  );
}
