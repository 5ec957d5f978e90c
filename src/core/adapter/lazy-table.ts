import {
  type Cell,
  type Column,
  cellReader,
  columnNames,
  convertCell,
  type DateMemo,
  isBlank,
  isColumnInput,
  isTable,
  MISMATCH,
  readColumn,
  type Table,
  toTable,
} from './table';
import type { ColumnInput, ColumnMeta, ColumnRole, ColumnType, DataInput, ResultSet, Row } from './types';

/*
 * The lazy form of `toTable`, for views that show a few rows of many (DataTable): the same reading
 * rules (`readColumn` for the sample, `convertCell` for each cell), applied when a cell is first read.
 * Framework-free and ECharts-free.
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

/**
 * Values as cells of a column of `type`, by `toTable`'s rules (`declared` as in `convertCell`); a value
 * that does not fit is its text, where `toTable` would make the whole column text (or throw).
 */
function convert(values: readonly unknown[], type: ColumnType, declared: boolean): Cell[] {
  const cells = new Array<Cell>(values.length);
  const dates: DateMemo | undefined = type === 'date' ? new Map() : undefined;
  for (let i = 0; i < values.length; i++) {
    const cell = convertCell(type, values[i], declared, dates);
    cells[i] = cell === MISMATCH ? (convertCell('string', values[i], false) as Cell) : cell;
  }
  return cells;
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
 * goes through `readColumn` (as in `toTable`), which infers the type, role and label as it would for the whole column, and
 * throws its `AdapterError` for metadata it cannot use or a sample value that breaks a declared type.
 */
function lazyColumn(meta: ColumnMeta, count: number, read: (row: number) => unknown): LazyColumn {
  const raw: unknown[] = [];
  for (let row = 0, seen = 0; row < count && seen < SAMPLE_SIZE; row++) {
    const value = read(row);
    raw.push(value);
    if (!isBlank(value)) seen++;
  }
  const sample = readColumn(meta, raw.length, (row) => raw[row]);
  return new ReadColumn(meta, sample, count, read);
}

function fromRows(rows: readonly Row[], meta: readonly ColumnMeta[] = []): LazyTable {
  // toTable's checks and errors: metadata without a name or a name twice, a row that is not an object.
  const names = columnNames(rows, meta);
  const metaByName = new Map(meta.map((m) => [m.name, m]));
  const columns = names.map((name) => {
    const read = cellReader(name);
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
