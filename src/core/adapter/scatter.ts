import type { EChartsCoreOption } from 'echarts/core';
import { aria, type Context, escapeHTML, grid, names, required, titleOf, tooltipLine } from './context';
import { BLANK } from './pivot';
import { attachPoints } from './points';

/** Scatter and bubble: two measures as x and y, an optional third sizing the points, an optional split. */
export function scatter(ctx: Context): EChartsCoreOption {
  const { spec } = ctx;
  const x = ctx.measure(required(spec.encoding.x, 'x', 'the measure along the x axis', 'scatter'), 'x');
  const [yName] = required(names(spec.encoding.y), 'y', 'the measure along the y axis', 'scatter');
  const y = ctx.measure(yName as string, 'y');
  const size = spec.encoding.size === undefined ? undefined : ctx.measure(spec.encoding.size, 'size');
  const group = ctx.column(spec.encoding.color ?? spec.encoding.series, 'color');

  // One pass: each row with both coordinates goes into its group's source, once.
  const groups = new Map<string, (number | null)[][]>();
  let sizeMin = Number.POSITIVE_INFINITY;
  let sizeMax = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < ctx.table.rowCount; row++) {
    const xv = x.values[row] as number | null;
    const yv = y.values[row] as number | null;
    if (xv === null || yv === null) continue;
    const sv = size ? (size.values[row] as number | null) : null;
    if (sv !== null) {
      sizeMin = Math.min(sizeMin, sv);
      sizeMax = Math.max(sizeMax, sv);
    }
    const key = group ? String(group.values[row] ?? BLANK) : y.label;
    let source = groups.get(key);
    if (!source) {
      source = [];
      groups.set(key, source);
    }
    // The row index rides along as the last dimension: the point's way back to its row.
    source.push(size ? [xv, yv, sv, row] : [xv, yv, row]);
  }
  const entries = [...groups];
  const fx = ctx.format(x, 'tooltip');
  const fy = ctx.format(y, 'tooltip');
  const fs = size ? ctx.format(size, 'tooltip') : undefined;
  const points = entries.reduce((n, [, s]) => n + s.length, 0);

  return attachPoints(
    {
      ...titleOf(spec),
      aria: aria(
        spec,
        ctx.words.scatter({
          x: x.label,
          y: y.label,
          ...(size ? { size: size.label } : {}),
          ...(group ? { group: group.label } : {}),
          points,
        }),
      ),
      dataset: entries.map(([, source]) => ({ source, sourceHeader: false })),
      grid: grid(ctx, { right: 16, top: spec.title ? 48 : 24, bottom: entries.length > 1 ? 64 : 32 }),
      legend: entries.length > 1 ? { type: 'scroll', bottom: 0 } : { show: false },
      ...(size && Number.isFinite(sizeMin)
        ? {
            visualMap: {
              show: false,
              dimension: 2,
              min: sizeMin,
              max: sizeMax === sizeMin ? sizeMin + 1 : sizeMax,
              inRange: { symbolSize: [8, 40] },
            },
          }
        : {}),
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesIndex: number; dataIndex: number; marker?: unknown }) => {
          const [name, source] = entries[p.seriesIndex] ?? ['', []];
          const point = source[p.dataIndex] ?? [];
          return [
            escapeHTML(name),
            tooltipLine(p.marker, x.label, fx(point[0] ?? null)),
            tooltipLine(p.marker, y.label, fy(point[1] ?? null)),
            ...(size && fs ? [tooltipLine(p.marker, size.label, fs(point[2] ?? null))] : []),
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'value',
        name: x.label,
        nameLocation: 'middle',
        nameGap: 28,
        scale: true,
        axisLabel: { formatter: ctx.format(x, 'axis') },
      },
      yAxis: { type: 'value', name: y.label, scale: true, axisLabel: { formatter: ctx.format(y, 'axis') } },
      series: entries.map(([name], i) => ({
        type: 'scatter',
        name,
        datasetIndex: i,
        encode: { x: 0, y: 1 },
        ...(points > 2000 ? { large: true } : {}),
      })),
    },
    (seriesIndex, dataIndex) => {
      const point = entries[seriesIndex]?.[1][dataIndex];
      return point ? [point[point.length - 1] as number] : [];
    },
  );
}
