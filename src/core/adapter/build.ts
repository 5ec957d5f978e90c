import type { EChartsCoreOption } from 'echarts/core';
import { cartesian } from './cartesian';
import { type Context, createContext } from './context';
import { AdapterError, preview } from './errors';
import { guardNames } from './names';
import { pivotRows } from './one-pass';
import { slices } from './slices';
import { isTable, type Table, toTable } from './table';
import type { AdapterOptions, ChartKind, ChartSpec, DataInput } from './types';

/** Writes the option of one chart kind from the adapter's context. */
export type OptionBuilder = (context: Context) => EChartsCoreOption;

/** The builders ChartCard puts in its first load: lines, areas, bars, combos and slices (`rare-builders.ts` has the rest). */
export const FREQUENT_BUILDERS = {
  line: cartesian,
  area: cartesian,
  bar: cartesian,
  combo: cartesian,
  pie: slices,
  donut: slices,
  funnel: slices,
} as const satisfies Partial<Record<ChartKind, OptionBuilder>>;

/** Every chart kind, for the error that names them. */
const KINDS: readonly ChartKind[] = ['line', 'area', 'bar', 'combo', 'pie', 'donut', 'funnel', 'scatter', 'heatmap'];

/** Validates the parts of a spec that are not about columns: throws `AdapterError` for a spec no builder can read. */
export function checkSpec(spec: ChartSpec): void {
  if (typeof spec !== 'object' || spec === null || !KINDS.includes(spec.kind)) {
    const kind = typeof spec === 'object' && spec !== null ? preview(spec.kind) : preview(spec);
    throw new AdapterError('invalid-spec', `Unknown chart kind ${kind}: use one of ${KINDS.join(', ')}.`);
  }
  if (typeof spec.encoding !== 'object' || spec.encoding === null) {
    throw new AdapterError('invalid-spec', `A ${spec.kind} chart needs an encoding that names its columns.`);
  }
  if (spec.topN && !(Number.isInteger(spec.topN.n) && spec.topN.n >= 1)) {
    throw new AdapterError('invalid-spec', `topN.n must be a whole number of at least 1, not ${preview(spec.topN.n)}.`);
  }
}

const CARTESIAN = new Set<ChartKind>(['line', 'area', 'bar', 'combo']);

/** Line, area, bar and combo charts of rows are normalised and pivoted in one pass where the data allows. */
export function onePass(data: DataInput, spec: ChartSpec): ReturnType<typeof pivotRows> {
  if (!CARTESIAN.has(spec.kind) || (spec.kind === 'combo' && spec.encoding.series !== undefined)) return undefined;
  const { x, y, y2, series } = spec.encoding;
  const list = (v: string | readonly string[] | undefined) =>
    v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
  const measures = [...list(y), ...(spec.kind === 'combo' ? list(y2) : [])];
  if (measures.length === 0) return undefined;
  return pivotRows(data, { x, split: series, measures });
}

/**
 * The table of just the columns the spec names (normalising the rest would be wasted work). When one
 * is missing, the whole table is built instead, so the error lists every column there is.
 */
function tableFor(data: DataInput, spec: ChartSpec): Table {
  const { x, y, y2, series, size, color } = spec.encoding;
  const named = [
    x,
    series,
    size,
    color,
    ...[y, y2].flatMap((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v)),
  ];
  const wanted = named.filter((name): name is string => typeof name === 'string');
  const table = toTable(data, { only: wanted });
  const found = new Set(table.columns.map((c) => c.name));
  return wanted.every((name) => found.has(name)) ? table : toTable(data);
}

/**
 * `toEChartsOption` with the builders given: ChartCard builds lines, bars and slices at once and loads the rarer
 * builders (scatter, heatmap) with their ECharts chunk. Throws `AdapterError`; a kind with no builder given is a
 * programming error (`Error`). `pivoted`: the rows' one pass for this spec, when the caller already made it.
 */
export function buildOption(
  data: DataInput | Table,
  spec: ChartSpec,
  options: AdapterOptions,
  builders: Partial<Readonly<Record<ChartKind, OptionBuilder>>>,
  pivoted?: ReturnType<typeof pivotRows>,
): EChartsCoreOption {
  checkSpec(spec);
  const build = builders[spec.kind];
  if (!build) throw new Error(`No option builder for ${spec.kind} charts was given.`);
  const fast = pivoted ?? (isTable(data) ? undefined : onePass(data, spec));
  const table = fast?.table ?? (isTable(data) ? data : tableFor(data, spec));
  if (table.rowCount === 0) throw new AdapterError('empty', 'The result has no rows to chart.');
  // Names from the data that are Object.prototype keys would crash ECharts or change globals: guarded.
  return guardNames(build(createContext(table, spec, options, fast?.pivot)));
}
