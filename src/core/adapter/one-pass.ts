import { knownTimes } from './column-format';
import { BLANK, categoryOf, Keys, type Pivot } from './pivot';
import {
  type Cell,
  type Column,
  cellReader,
  checkMeta,
  columnOf,
  convertCell,
  type DateMemo,
  lazyColumnOf,
  MISMATCH,
  roleNeedsValues,
  sniffValue,
  type Table,
} from './table';
import type { ColumnMeta, ColumnType, DataInput, Row } from './types';

/** One column the chart needs, normalised during the pass. */
interface Reader {
  meta: ColumnMeta;
  type: ColumnType;
  declared: boolean;
  /** Converted values, kept only where something reads them during the build (dates, label numbers). */
  values: Cell[] | undefined;
  /** The metadata names it: then it is a column even if no row has it (as in toTable). */
  present: boolean;
}

export interface OnePassNames {
  x?: string;
  split?: string;
  measures: readonly string[];
}

function rowsAndMeta(data: DataInput): { rows: readonly Row[]; meta: readonly ColumnMeta[] } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  if (Array.isArray(data)) {
    const first = data[0] as { name?: unknown; values?: unknown } | undefined;
    return first && typeof first.name === 'string' && Array.isArray(first.values)
      ? undefined
      : { rows: data as readonly Row[], meta: [] };
  }
  const set = data as { rows?: unknown; meta?: unknown; columns?: unknown };
  if (Array.isArray(set.columns) || !Array.isArray(set.rows)) return undefined;
  return { rows: set.rows as readonly Row[], meta: Array.isArray(set.meta) ? (set.meta as ColumnMeta[]) : [] };
}

/**
 * Long to wide in one pass over the rows: each row's cells are read once, normalised (the same
 * `convertCell` as `toTable`) and summed into the wide shape as they go. Only the columns the chart
 * names are read.
 *
 * It gives up (returns undefined) wherever the general path has a judgement to make: a value that does
 * not fit the type its column's first value suggested, a value that breaks a declared type, a column no
 * row has, a row that is not an object, odd metadata, a sum past the largest number. `toTable` and
 * `pivot` then make the same chart, or the same `AdapterError`, from the start.
 */
export function pivotRows(data: DataInput, names: OnePassNames): { table: Table; pivot: Pivot } | undefined {
  const input = rowsAndMeta(data);
  if (!input || input.rows.length === 0) return undefined;
  const { rows, meta } = input;
  const metaByName = new Map<string, ColumnMeta>();
  for (const m of meta) {
    if (typeof m !== 'object' || m === null || typeof m.name !== 'string' || metaByName.has(m.name)) return undefined;
    metaByName.set(m.name, m);
  }

  const wanted = [...new Set([names.x, names.split, ...names.measures].filter((n): n is string => n !== undefined))];
  const readers: Reader[] = [];
  for (const name of wanted) {
    const columnMeta = metaByName.get(name) ?? { name };
    try {
      checkMeta(columnMeta);
    } catch {
      return undefined;
    }
    const read = cellReader(name);
    let type = columnMeta.type;
    for (let row = 0; type === undefined && row < rows.length; row++) {
      const candidate = rows[row];
      if (typeof candidate !== 'object' || candidate === null) return undefined;
      const value = read(candidate);
      if (value !== null && value !== undefined && value !== '') type = sniffValue(value);
    }
    readers.push({
      meta: columnMeta,
      type: type ?? 'string',
      declared: columnMeta.type !== undefined,
      values: undefined,
      present: metaByName.has(name),
    });
  }
  // Values are kept only where the column's role depends on them (see roleNeedsValues); the others convert when
  // first read (a point click, say), the pass having checked they fit.
  for (const reader of readers) {
    if (roleNeedsValues(reader.meta, reader.type)) reader.values = new Array<Cell>(rows.length);
  }
  const at = (name: string | undefined) => (name === undefined ? undefined : readers[wanted.indexOf(name)]);
  const x = at(names.x);
  const split = at(names.split);
  const measures = names.measures.map((n) => at(n) as Reader);
  if (measures.some((m) => m.type !== 'number')) return undefined;
  const time = x?.type === 'date';

  const categories = new Keys<string | number>();
  const groups = new Keys<string>();
  const perGroup = measures.length;
  // Sums per series (NaN: no value yet; a sum of finite values is never NaN), appended to as categories come: with
  // none missing, they are the series' values as they are, not copied.
  const sums: number[][] = split ? [] : measures.map(() => []);

  // Names that Object.prototype also has need an own-property check on every read: leave them to toTable.
  if (wanted.some((name) => name in Object.prototype)) return undefined;
  const xName = x?.meta.name;
  const xValues = x?.values;
  const splitName = split?.meta.name;
  const splitValues = split?.values;
  const noValues: Cell[] = [];
  const measureNames = measures.map((m) => m.meta.name);
  const measureValues = measures.map((m) => m.values ?? noValues);
  const measureDeclared = measures.map((m) => m.declared);
  const xText = x?.type === 'string';
  // Each distinct date string of the x column is read once (see DateMemo) once one is met again away from its first
  // rows: rows ordered by time never read a string twice (see lastRaw) and need no memo.
  let xDates: DateMemo | undefined;
  const splitText = split?.type === 'string';
  // The x value of the row before, its cell, category and index: no row holds this module's MISMATCH.
  let lastRaw: unknown = MISMATCH;
  let lastCell: Cell = null;
  let lastCategory: string | number | undefined;
  let lastIndex = -1;
  // The group index of the row before.
  let lastGroup = -1;

  for (let row = 0; row < rows.length; row++) {
    const record = rows[row] as Record<string, unknown>;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;

    let category: string | number | undefined;
    let ci = -2;
    if (x && xName !== undefined) {
      const raw = record[xName];
      if (raw === lastRaw) {
        // Rows usually come ordered by their category: the row before's value is its cell and category again.
        ci = lastIndex;
        category = lastCategory;
        if (xValues) xValues[row] = lastCell;
      } else if (xText && typeof raw === 'string' && raw !== '') {
        // Text is the common case: the value is its own category.
        category = raw;
      } else {
        const cell = convertCell(x.type, raw, x.declared, xDates);
        if (cell === MISMATCH) return undefined;
        if (xValues) xValues[row] = cell;
        category = categoryOf(cell, time);
        lastCell = cell;
      }
      if (ci === -2) {
        const known = categories.list.length;
        ci = category === undefined ? -1 : categories.indexOf(category);
        if (time && ci >= 0 && ci < known) xDates ??= new Map();
        lastRaw = raw;
        lastIndex = ci;
        lastCategory = category;
      }
    } else {
      category = String(row + 1);
      ci = categories.indexOf(category);
    }
    let base = -1;
    if (split && splitName !== undefined) {
      const raw = record[splitName];
      let group: string;
      if (splitText && typeof raw === 'string' && raw !== '') {
        group = raw;
      } else {
        const cell = convertCell(split.type, raw, split.declared);
        if (cell === MISMATCH) return undefined;
        if (splitValues) splitValues[row] = cell;
        group = String(cell ?? BLANK);
      }
      if (category !== undefined) {
        // Rows usually come ordered by category and then group: the row before's group, or the one after it.
        const list = groups.list;
        let gi = lastGroup + 1 < list.length ? lastGroup + 1 : 0;
        if (list[gi] !== group) gi = list[lastGroup] === group ? lastGroup : groups.indexOf(group);
        lastGroup = gi;
        // A new group brings its series.
        while (sums.length < (gi + 1) * perGroup) sums.push([]);
        base = gi * perGroup;
      }
    } else if (category !== undefined) {
      base = 0;
    }
    for (let m = 0; m < perGroup; m++) {
      const raw = record[measureNames[m] as string];
      let value: number | null;
      if (typeof raw === 'number') {
        value = Number.isFinite(raw) ? raw : null;
      } else {
        const cell = convertCell('number', raw, measureDeclared[m] as boolean);
        if (cell === MISMATCH) return undefined;
        value = cell as number | null;
      }
      const stored = measureValues[m] as Cell[];
      if (stored !== noValues) stored[row] = value;
      if (value === null || base < 0) continue;
      const cells = sums[base + m] as number[];
      // A sum past the largest number is checked for once, after the pass.
      if (ci < cells.length) {
        const current = cells[ci] as number;
        cells[ci] = Number.isNaN(current) ? value : current + value;
      } else {
        while (cells.length < ci) cells.push(Number.NaN);
        cells.push(value);
      }
    }
  }
  // A column no row has (and no metadata names) is the general path's unknown-column error.
  for (const reader of readers) {
    if (!reader.present && !rows.some((row) => Object.hasOwn(row, reader.meta.name))) return undefined;
  }

  const width = categories.list.length;
  const series: Pivot['series'] = [];
  for (let si = 0; si < sums.length; si++) {
    const cells = sums[si] as number[];
    while (cells.length < width) cells.push(Number.NaN);
    let missing = false;
    for (let ci = 0; ci < width; ci++) {
      const cell = cells[ci] as number;
      if (Number.isNaN(cell)) missing = true;
      else if (!Number.isFinite(cell)) return undefined; // A sum past the largest number: the general path says so.
    }
    const values: (number | null)[] = missing ? cells.map((cell) => (Number.isNaN(cell) ? null : cell)) : cells;
    const measure = measures[si % perGroup] as Reader;
    const label = measure.meta.label === undefined ? measure.meta.name : String(measure.meta.label);
    if (!split) {
      series.push({ name: label, values });
    } else {
      const group = groups.list[Math.floor(si / perGroup)] as string;
      series.push({ name: perGroup > 1 ? `${group} · ${label}` : group, group, values });
    }
  }
  // The pass checked every value fits its column's type: unread values convert without surprises.
  const columns = readers.map((r) => {
    if (r.values) return columnOf(r.meta, r.type, r.values);
    // A date column reads each distinct string once (see DateMemo), the pass's memo included.
    const dates = r === x && xDates ? xDates : r.type === 'date' ? new Map() : undefined;
    return lazyColumnOf(r.meta, r.type, () =>
      rows.map((row) => convertCell(r.type, (row as Row)[r.meta.name], r.declared, dates) as Cell),
    );
  });
  // The distinct times are the categories: the x column's grain needs no look at every row.
  if (time) knownTimes(columns[wanted.indexOf(xName as string)] as Column, categories.list as number[]);
  const table: Table = { columns, rowCount: rows.length };
  return { table, pivot: { categories: categories.list, series } };
}
