import type { EChartsCoreOption } from 'echarts/core';
import { buildOption, checkSpec, type OptionBuilder, onePass } from './build';
import { type ChartChoice, chooseFrom, NOT_SCANNED, scanFigures } from './choose';
import { AdapterError } from './errors';
import { type ColumnScan, scanTable, type Table } from './table';
import type { AdapterOptions, ChartKind, ChartSpec, DataInput, Row } from './types';

/** A chart derived from data by `deriveChart`. */
export interface DerivedChart {
  /** The data as a table: the same as `toTable`'s, its cells converted when first read (a download, a table view). */
  table: Table;
  /** The chart `'auto'` chose, with its reason; undefined for a given spec or no rows. */
  choice: ChartChoice | undefined;
  /** Undefined with no rows to chart, or while the chosen kind's builder is not given (`waiting`). */
  option: EChartsCoreOption | undefined;
  /** The chart's kind has no builder among those given: build again once it loads. */
  waiting: boolean;
  /** Row `index` as an object of its converted cells, dates as `Date` (for point clicks). */
  rowAt(index: number): Row;
}

/**
 * The chart of `data`, for ChartCard: one scan of each column (its type and role as `toTable` infers them, and the
 * figures `chooseChart` reads), then the option built from the rows themselves, which reads only the columns the
 * chart names, in one pass for lines, areas, bars and combos. A time or measure column that such a pass reads is
 * not scanned first when the choice needs none of its figures (see `fromDeferred`). Throws `AdapterError` as
 * `toTable`, `chooseChart` and `toEChartsOption` do; `'empty'` for a given spec and no rows.
 */
export function deriveChart(
  data: DataInput,
  spec: ChartSpec | 'auto',
  options: AdapterOptions,
  builders: Partial<Readonly<Record<ChartKind, OptionBuilder>>>,
): DerivedChart {
  const auto = spec === 'auto';
  let { table, scans } = scanTable(data, auto, auto);
  const guessed = auto && table.rowCount > 0 ? fromDeferred(data, table, scans, options, builders) : undefined;
  if (!guessed && scans.some((s) => s.complete)) {
    // The choice needs a figure, or the chart does not check, some column whose scan was put off: scan them now.
    scans = scans.map((s) => s.complete?.() ?? s);
    table = { columns: scans.map((s) => s.column), rowCount: table.rowCount };
  }
  const rowAt = (index: number): Row =>
    Object.fromEntries(
      scans.map(({ column, cell }) => {
        const value = cell(index);
        return [column.name, column.type === 'date' && typeof value === 'number' ? new Date(value) : value];
      }),
    );
  const choice = guessed?.choice ?? (auto && table.rowCount > 0 ? chooseFrom(table, scanFigures(scans)) : undefined);
  const chosen = auto ? choice : spec;
  if (chosen) checkSpec(chosen);
  const waiting = chosen !== undefined && !builders[chosen.kind];
  const option = guessed?.option ?? (chosen && !waiting ? buildOption(data, chosen, options, builders) : undefined);
  return { table, choice, option, waiting, rowAt };
}

/**
 * The choice and option made with some columns' scans put off (see `scanTable`), when they come out as the full
 * scan's would: the choice asked for no figure of those columns, and the chart reads each of them in one pass that
 * checks every value fits the type its first value gave it (the type, and so the role, the full scan finds).
 * Undefined otherwise, with nothing thrown: the caller scans every column and decides again, errors included.
 */
function fromDeferred(
  data: DataInput,
  table: Table,
  scans: readonly ColumnScan[],
  options: AdapterOptions,
  builders: Partial<Readonly<Record<ChartKind, OptionBuilder>>>,
): { choice: ChartChoice; option: EChartsCoreOption } | undefined {
  if (!scans.some((s) => s.complete)) return undefined;
  try {
    const choice = chooseFrom(table, scanFigures(scans));
    checkSpec(choice);
    if (!builders[choice.kind]) return undefined;
    const fast = onePass(data, choice);
    if (!fast) return undefined;
    const read = new Set(fast.table.columns.map((c) => c.name));
    if (!scans.every((s) => !s.complete || read.has(s.column.name))) return undefined;
    return { choice, option: buildOption(data, choice, options, builders, fast) };
  } catch (error) {
    if (error === NOT_SCANNED || error instanceof AdapterError) return undefined;
    throw error;
  }
}
