import type { EChartsCoreOption } from 'echarts/core';
import { buildOption, checkSpec, type OptionBuilder } from './build';
import { type ChartChoice, chooseFrom, scanFigures } from './choose';
import { scanTable, type Table } from './table';
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
 * chart names, in one pass for lines, areas, bars and combos. Throws `AdapterError` as `toTable`, `chooseChart` and
 * `toEChartsOption` do; `'empty'` for a given spec and no rows.
 */
export function deriveChart(
  data: DataInput,
  spec: ChartSpec | 'auto',
  options: AdapterOptions,
  builders: Partial<Readonly<Record<ChartKind, OptionBuilder>>>,
): DerivedChart {
  const auto = spec === 'auto';
  const { table, scans } = scanTable(data, auto);
  const rowAt = (index: number): Row =>
    Object.fromEntries(
      scans.map(({ column, cell }) => {
        const value = cell(index);
        return [column.name, column.type === 'date' && typeof value === 'number' ? new Date(value) : value];
      }),
    );
  const choice = auto && table.rowCount > 0 ? chooseFrom(table, scanFigures(scans)) : undefined;
  const chosen = auto ? choice : spec;
  if (chosen) checkSpec(chosen);
  const waiting = chosen !== undefined && !builders[chosen.kind];
  const option = chosen && !waiting ? buildOption(data, chosen, options, builders) : undefined;
  return { table, choice, option, waiting, rowAt };
}
