import type { EChartsCoreOption } from 'echarts/core';
import { aria, type Context, extremes, names, required, titleOf, tooltipLine } from './context';
import { AdapterError } from './errors';
import { foldTopN, pivot, pivotLocator, sortPivot } from './pivot';
import { attachPoints } from './points';

/** Pie, donut and funnel: named parts of a whole, largest first unless the spec sorts otherwise. */
export function slices(ctx: Context): EChartsCoreOption {
  const { spec } = ctx;
  const kind = spec.kind;
  const x = ctx.column(required(spec.encoding.x, 'x', 'the column that names each slice', kind), 'x');
  const [valueName] = required(names(spec.encoding.y), 'y', 'the measure that sizes each slice', kind);
  const measure = ctx.measure(valueName as string, 'y');

  // Slices are named: a date column names them by its text, not as points on a time axis.
  const named = x && x.type === 'date' ? { ...x, type: 'string' as const } : x;
  let data = pivot({ x: named, measures: [measure] });
  data = sortPivot(data, spec.sort ?? 'value-desc', false);
  const folded = !!spec.topN && data.categories.length > spec.topN.n;
  if (spec.topN) data = foldTopN(data, spec.topN.n, spec.topN.other, ctx.words);
  const values = data.series[0]?.values ?? [];
  const negative = values.findIndex((v) => v !== null && v < 0);
  if (negative >= 0 && kind !== 'funnel') {
    throw new AdapterError(
      'invalid-value',
      `Column "${measure.name}" has a negative value (${values[negative]}) for "${data.categories[negative]}": a ${kind} chart shows shares of a whole.`,
      { column: measure.name },
    );
  }

  const format = ctx.format(measure, 'tooltip');
  const label = ctx.format(measure, 'label');
  const nameFormat = x && x.type !== 'string' ? ctx.format(x, 'label') : (v: unknown) => String(v);
  const labelled = data.categories.map((c) => nameFormat(c));
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const share = ctx.formatWith({ kind: 'percent', maximumFractionDigits: 1 });
  const source = labelled.map((name, i) => [name, values[i] ?? null]);
  const showLabels = spec.labels !== false;

  const series =
    kind === 'funnel'
      ? {
          type: 'funnel',
          datasetIndex: 0,
          encode: { itemName: 0, value: 1 },
          sort: 'none',
          left: '8%',
          width: '62%',
          top: spec.title ? 48 : 16,
          bottom: 16,
          label: {
            show: showLabels,
            // Beside the funnel: text inside the narrow stages would not fit, nor read on pale fills.
            position: 'right',
            formatter: (p: { dataIndex: number }) => `${labelled[p.dataIndex]}: ${label(values[p.dataIndex] ?? null)}`,
          },
        }
      : {
          type: 'pie',
          datasetIndex: 0,
          encode: { itemName: 0, value: 1 },
          radius: kind === 'donut' ? ['38%', '60%'] : '60%',
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: {
            show: showLabels,
            formatter: (p: { dataIndex: number; percent?: number }) =>
              `${labelled[p.dataIndex]}: ${share((p.percent ?? 0) / 100)}`,
            // Labels keep to the chart's edges, so a narrow card does not cut them off.
            alignTo: 'edge',
            edgeDistance: 8,
            width: 110,
            overflow: 'truncate',
          },
        };

  const description =
    ctx.words.slices({
      kind: kind as 'pie' | 'donut' | 'funnel',
      measure: measure.label,
      ...(x ? { x: x.label } : {}),
      parts: data.categories.length,
      total: format(total),
    }) +
    extremes(
      ctx,
      labelled.map((_, i) => values[i]),
      (i) => labelled[i] as string,
      format,
    );

  return attachPoints(
    {
      ...titleOf(spec),
      aria: aria(spec, description),
      dataset: { source, sourceHeader: false },
      legend: data.categories.length > 1 ? { type: 'scroll', bottom: 0 } : { show: false },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number; marker?: unknown }) => {
          const value = values[p.dataIndex] ?? null;
          const part = total && value !== null ? ` (${share(value / total)})` : '';
          return tooltipLine(p.marker, labelled[p.dataIndex] ?? '', `${format(value)}${part}`);
        },
      },
      series: [series],
    },
    pivotLocator(data, named, undefined, folded),
  );
}
