import {
  AdapterError,
  type Cell,
  type Column,
  type ColumnInput,
  type ColumnMeta,
  type ColumnRole,
  type ColumnType,
  type DataInput,
  isTable,
  type ResultSet,
  type Row,
  type Table,
  toTable,
} from '../../core/adapter';

/*
 * Framework-free. It lives beside the table rather than in src/core because the React entry may only
 * use what the core entry exports: every conversion goes through `toTable`, so cells read here are
 * exactly the cells `toTable` would make.
 */

/** Non-blank values of a column read up front: its type, role and time grain are inferred from them. */
export const SAMPLE_SIZE = 1000;
/** Rows past the sample are converted this many at a time, the first time one of them is read. */
const CHUNK = 64;

/**
 * A column whose cells are converted when they are read, not up front. Its type is inferred (unless
 * declared) from a sample, the first `SAMPLE_SIZE` non-blank values, with the rules of `toTable`; a
 * later value that does not fit that type is not an error: it reads as its text (a string in a
 * number, date or boolean column).
 */
export interface LazyColumn {
  readonly name: string;
  readonly label: string;
  readonly type: ColumnType;
  readonly role: ColumnRole;
  readonly meta: ColumnMeta;
  /**
   * The column over its sample (the rows read to infer the type), as `toTable` makes it: what its
   * role and default format are inferred from. For a column of a `Table`, the column itself.
   */
  readonly sample: Column;
  /** Row `row`'s value, converted (and cached); null past the last row. */
  at(row: number): Cell;
  /** Every value, converted once: the first call converts the rows not read yet, later calls return the same array. */
  values(): readonly Cell[];
}

/** A table of lazy columns (see `LazyColumn`). */
export interface LazyTable {
  readonly columns: readonly LazyColumn[];
  readonly rowCount: number;
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/** `values` as `toTable` converts a column of them: to `type`, or to the type they suggest. */
const convertColumn = (values: readonly unknown[], type: ColumnType | undefined): Column =>
  toTable({ columns: [{ name: 'value', type, values }] }).columns[0] as Column;

/** One value as a cell of a column of `type` (declared or inferred); a value that does not fit is its text. */
function convertOne(value: unknown, type: ColumnType, declared: boolean): Cell {
  if (isBlank(value)) return null;
  if (declared || type === 'string' || type === 'boolean') {
    try {
      const cell = convertColumn([value], type).values[0] ?? null;
      // A declared boolean reads anything else as null; an inferred one does not take it.
      if (declared || cell !== null) return cell;
    } catch (caught) {
      if (!(caught instanceof AdapterError)) throw caught;
    }
  } else {
    // An inferred number or date takes exactly the values that suggest it (a declared one takes more:
    // '007' as 7, epoch numbers as dates).
    const column = convertColumn([value], undefined);
    if (column.type === type) return column.values[0] ?? null;
  }
  return convertColumn([value], 'string').values[0] ?? null;
}

/** Values as cells of a column of `type`: in one pass when they all fit, else one by one. */
function convert(values: readonly unknown[], type: ColumnType, declared: boolean): Cell[] {
  if (declared || type === 'string') {
    try {
      return convertColumn(values, type).values as Cell[];
    } catch (caught) {
      if (!(caught instanceof AdapterError)) throw caught;
    }
  } else {
    const column = convertColumn(values, undefined);
    if (column.type === type) return column.values as Cell[];
  }
  return values.map((value) => convertOne(value, type, declared));
}

class ReadColumn implements LazyColumn {
  readonly name: string;
  readonly label: string;
  readonly type: ColumnType;
  readonly role: ColumnRole;
  readonly meta: ColumnMeta;
  readonly sample: Column;
  readonly #count: number;
  readonly #read: (row: number) => unknown;
  readonly #declared: boolean;
  /** The sample's rows, converted: rows 0 to head.length - 1. */
  readonly #head: readonly Cell[];
  /** Converted chunks of the rows past the sample, by index: chunk i starts at row head.length + i * CHUNK. */
  readonly #chunks = new Map<number, Cell[]>();
  #all: Cell[] | undefined;

  constructor(meta: ColumnMeta, sample: Column, count: number, read: (row: number) => unknown) {
    this.name = sample.name;
    this.label = sample.label;
    this.type = sample.type;
    this.role = sample.role;
    this.meta = meta;
    this.sample = sample;
    this.#head = sample.values;
    this.#count = count;
    this.#read = read;
    this.#declared = meta.type !== undefined;
  }

  at(row: number): Cell {
    if (this.#all) return this.#all[row] ?? null;
    if (row < this.#head.length) return this.#head[row] ?? null;
    if (!(row < this.#count)) return null;
    const index = Math.floor((row - this.#head.length) / CHUNK);
    const start = this.#head.length + index * CHUNK;
    let chunk = this.#chunks.get(index);
    if (!chunk) {
      chunk = this.#convert(start, Math.min(this.#count, start + CHUNK));
      this.#chunks.set(index, chunk);
    }
    return chunk[row - start] ?? null;
  }

  values(): readonly Cell[] {
    if (this.#all) return this.#all;
    const head = this.#head;
    const count = this.#count;
    let all: Cell[];
    if (this.#chunks.size === 0) {
      all = head.concat(this.#convert(head.length, count));
    } else {
      // Keep the chunks already converted (each row is read once), convert the rest between them.
      all = [...head];
      for (let start = head.length, index = 0; start < count; start += CHUNK, index++) {
        const chunk = this.#chunks.get(index) ?? this.#convert(start, Math.min(count, start + CHUNK));
        for (const cell of chunk) all.push(cell);
      }
    }
    this.#all = all;
    this.#chunks.clear();
    return all;
  }

  /** Rows `start` to `end` - 1, read and converted. */
  #convert(start: number, end: number): Cell[] {
    const raw = new Array<unknown>(end - start);
    for (let row = start; row < end; row++) raw[row - start] = this.#read(row);
    return convert(raw, this.type, this.#declared);
  }
}

/**
 * A lazy column read through `read`: its sample (the rows up to the `SAMPLE_SIZE`th non-blank value)
 * goes through `toTable`, which infers the type, role and label as it would for the whole column, and
 * throws its `AdapterError` for metadata it cannot use or a sample value that breaks a declared type.
 */
function lazyColumn(meta: ColumnMeta, count: number, read: (row: number) => unknown): LazyColumn {
  const raw: unknown[] = [];
  for (let row = 0, seen = 0; row < count && seen < SAMPLE_SIZE; row++) {
    const value = read(row);
    raw.push(value);
    if (!isBlank(value)) seen++;
  }
  const sample = toTable({ columns: [{ ...meta, values: raw }] }).columns[0] as Column;
  return new ReadColumn(meta, sample, count, read);
}

/** What toTable reads as a column of a columnar input (an array of them is columns, not rows). */
const isColumnInput = (value: unknown): value is ColumnInput =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ColumnInput).name === 'string' &&
  Array.isArray((value as ColumnInput).values);

/** A row's own value for a column: a row without "constructor" must not read Object.prototype's. */
const reader = (name: string): ((row: Row) => unknown) =>
  name in Object.prototype ? (row) => (Object.hasOwn(row, name) ? row[name] : undefined) : (row) => row[name];

/**
 * The column names of rows, as `toTable` finds them: the metadata's, then every other own key in the
 * order first met. Undefined when a row is not an object (`toTable` has the error to throw).
 */
function rowNames(rows: readonly Row[], meta: readonly ColumnMeta[]): string[] | undefined {
  const names = meta.map((m) => m.name);
  const known = new Set(names);
  // Rows mostly share their keys, in the same order: a row whose keys are the last new shape's (compared
  // in order) adds none and is passed over; any other is looked at key by key.
  let shape: string[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return undefined;
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

function fromRows(rows: readonly Row[], meta: readonly ColumnMeta[] = []): LazyTable {
  // Metadata without a name, or a name twice: toTable's error (no column is read; an unknown type or
  // role is the column's error, after the rows', as in toTable).
  toTable({ rows: [], meta }, { only: [] });
  const names = rowNames(rows, meta);
  // A row that is not an object: toTable's error, naming the row (no column is read).
  if (!names) return lazy(toTable({ rows, meta }, { only: [] }));
  const metaByName = new Map(meta.map((m) => [m.name, m]));
  const columns = names.map((name) => {
    const read = reader(name);
    return lazyColumn(metaByName.get(name) ?? { name }, rows.length, (i) => read(rows[i] as Row));
  });
  return { columns, rowCount: rows.length };
}

function fromColumns(input: DataInput, inputs: readonly ColumnInput[]): LazyTable {
  const first = inputs[0];
  const rowCount = isColumnInput(first) ? first.values.length : 0;
  const names = new Set<string>();
  for (const column of inputs) {
    const good = isColumnInput(column) && column.values.length === rowCount && !names.has(column.name);
    // A column toTable refuses (no name, a name twice, a length of its own): its error.
    if (!good) return lazy(toTable(input));
    names.add(column.name);
  }
  return {
    columns: inputs.map(({ values, ...meta }) => lazyColumn(meta, rowCount, (i) => values[i])),
    rowCount,
  };
}

/** The columns of a normalised table, as lazy columns (nothing to convert: they read its values). */
function lazy(table: Table): LazyTable {
  return {
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({
      name: column.name,
      label: column.label,
      type: column.type,
      role: column.role,
      meta: column.meta,
      sample: column,
      at: (row: number) => column.values[row] ?? null,
      values: () => column.values,
    })),
  };
}

/**
 * Rows, columns or a `ResultSet` as lazy columns (a `Table` is read as it is). The work of `toTable`
 * that does not need every cell happens now: column names from every row, the checks of the input and
 * of the metadata, and types inferred from a sample of `SAMPLE_SIZE` values; cells are converted when
 * read. The same input gives the same columns, types, roles and `AdapterError`s as `toTable`, except
 * that a value past the sample that does not fit its column's type (declared or inferred) reads as its
 * text, where `toTable` makes the whole column text (or throws, for a declared type).
 */
export function lazyTable(input: DataInput | Table): LazyTable {
  if (isTable(input)) return lazy(input);
  if (Array.isArray(input)) {
    const columns = input.length > 0 && input.every(isColumnInput);
    return columns ? fromColumns(input, input as readonly ColumnInput[]) : fromRows(input as readonly Row[]);
  }
  if (typeof input === 'object' && input !== null) {
    const set = input as ResultSet;
    if (Array.isArray(set.columns)) return fromColumns(input, set.columns);
    if (Array.isArray(set.rows)) return fromRows(set.rows, Array.isArray(set.meta) ? set.meta : undefined);
  }
  // Neither: toTable's error.
  return lazy(toTable(input));
}
