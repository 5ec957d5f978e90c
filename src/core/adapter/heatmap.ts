import type { EChartsCoreOption } from 'echarts/core';
import { aria, type Context, escapeHTML, extremes, grid, names, required, titleOf, tooltipLine } from './context';
import { AdapterError } from './errors';
import { BLANK, Keys } from './pivot';
import { attachPoints } from './points';
import type { Column } from './table';

/**
 * The distinct values of a column as category labels: text in order of appearance, dates and numbers
 * in ascending order (nulls, as "(blank)", last).
 */
function axisCategories(ctx: Context, column: Column) {
  const distinct = new Keys<string | number>();
  const rowKey = new Array<number>(ctx.table.rowCount);
  for (let row = 0; row < ctx.table.rowCount; row++) {
    const cell = column.values[row] ?? null;
    rowKey[row] = distinct.indexOf(cell === null ? BLANK : typeof cell === 'number' ? cell : String(cell));
  }
  const keys = distinct.list;
  if (column.type === 'date' || column.type === 'number') {
    const order = keys.map((_, i) => i);
    const rank = (k: string | number) => (typeof k === 'number' ? k : Number.POSITIVE_INFINITY);
    order.sort((a, b) => rank(keys[a] as string | number) - rank(keys[b] as string | number));
    const position = new Array<number>(keys.length);
    order.forEach((from, to) => {
      position[from] = to;
    });
    for (let row = 0; row < rowKey.length; row++) rowKey[row] = position[rowKey[row] as number] as number;
    const sorted = order.map((i) => keys[i] as string | number);
    keys.splice(0, keys.length, ...sorted);
  }
  const format = column.type === 'string' ? (v: unknown) => String(v) : ctx.format(column, 'axis');
  return { labels: keys.map((k) => (k === BLANK ? BLANK : format(k))), rowKey };
}

/** Heatmap: two dimensions as rows and columns of cells, a measure as each cell's colour. */
export function heatmap(ctx: Context): EChartsCoreOption {
  const { spec } = ctx;
  const x = ctx.column(required(spec.encoding.x, 'x', 'the column dimension', 'heatmap'), 'x') as Column;
  const [yName] = required(names(spec.encoding.y), 'y', 'the row dimension', 'heatmap');
  const y = ctx.column(yName, 'y') as Column;
  const value = ctx.measure(
    required(spec.encoding.color, 'color', 'the measure that colours each cell', 'heatmap'),
    'color',
  );

  const xs = axisCategories(ctx, x);
  const ys = axisCategories(ctx, y);
  const width = xs.labels.length;
  const size = width * ys.labels.length;
  const rowCount = ctx.table.rowCount;
  // Each cell's sum, and the cells in order of their first value: in arrays when there are not many more cells than
  // rows (a Map of a million cells costs as much again), else in a Map.
  const dense = size <= 2 * rowCount + 4096;
  const sums = dense ? new Float64Array(size) : new Map<number, number>();
  const seen = new Uint8Array(dense ? size : 0);
  const order: number[] = [];
  for (let row = 0; row < rowCount; row++) {
    const v = value.values[row] as number | null;
    if (v === null) continue;
    const key = (ys.rowKey[row] as number) * width + (xs.rowKey[row] as number);
    let sum: number;
    if (sums instanceof Float64Array) {
      if (seen[key] === 0) {
        seen[key] = 1;
        order.push(key);
      }
      sum = (sums[key] as number) + v;
      sums[key] = sum;
    } else {
      const known = sums.get(key);
      if (known === undefined) order.push(key);
      sum = (known ?? 0) + v;
      sums.set(key, sum);
    }
    if (!Number.isFinite(sum)) {
      throw new AdapterError(
        'invalid-value',
        `Column "${value.name}" sums past the largest number at row ${row + 1}.`,
        { column: value.name, row },
      );
    }
  }
  const data: [number, number, number][] = [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let highest = 0;
  let lowest = 0;
  for (const key of order) {
    const v = (sums instanceof Float64Array ? sums[key] : sums.get(key)) as number;
    if (v > max) highest = data.length;
    if (v < min) lowest = data.length;
    data.push([key % width, Math.floor(key / width), v]);
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (data.length === 0) min = max = 0;
  const tooltip = ctx.format(value, 'tooltip');

  return attachPoints(
    {
      ...titleOf(spec),
      aria: aria(
        spec,
        ctx.words.heatmap({
          value: value.label,
          x: x.label,
          y: y.label,
          columns: xs.labels.length,
          rows: ys.labels.length,
        }) +
          extremes(
            ctx,
            // The first highest and first lowest cells only: a label for each of a million cells says nothing more.
            (data.length > 0 ? [highest, lowest] : []).map((at) => (data[at] as [number, number, number])[2]),
            (i) => {
              const [xi, yi] = data[i === 0 ? highest : lowest] as [number, number, number];
              return `${xs.labels[xi]}, ${ys.labels[yi]}`;
            },
            tooltip,
          ),
      ),
      grid: grid(ctx, { top: spec.title ? 48 : 16, bottom: 72 }),
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: unknown; marker?: unknown }) => {
          const [xi, yi, v] = (Array.isArray(p.data) ? p.data : []) as number[];
          const where = `${xs.labels[xi ?? 0] ?? ''} · ${ys.labels[yi ?? 0] ?? ''}`;
          return `${escapeHTML(where)}<br/>${tooltipLine(p.marker, value.label, tooltip(v ?? null))}`;
        },
      },
      xAxis: { type: 'category', data: xs.labels, axisLabel: { width: 100, overflow: 'truncate' } },
      yAxis: { type: 'category', data: ys.labels, axisLabel: { width: 100, overflow: 'truncate' } },
      visualMap: {
        min,
        max: max === min ? min + 1 : max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        formatter: ctx.format(value, 'axis'),
      },
      series: [{ type: 'heatmap', name: value.label, data, emphasis: { itemStyle: { borderWidth: 1 } } }],
    },
    (_, dataIndex) => {
      const [xi, yi] = data[dataIndex] ?? [];
      const rows: number[] = [];
      for (let row = 0; row < ctx.table.rowCount; row++) {
        if (xs.rowKey[row] === xi && ys.rowKey[row] === yi) rows.push(row);
      }
      return rows;
    },
  );
}
