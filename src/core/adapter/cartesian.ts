import type { EChartsCoreOption } from 'echarts/core';
import type { Formatter } from '../format/types';
import { timeGrain } from './column-format';
import {
  aria,
  type Context,
  escapeHTML,
  extremes,
  GRAIN_MS,
  grid,
  LARGE_DATA,
  names,
  required,
  titleOf,
  tooltipLine,
} from './context';
import { AdapterError } from './errors';
import { foldTopN, type Pivot, pivot, pivotLocator, sortPivot, toShares } from './pivot';
import { attachPoints } from './points';
import type { Column } from './table';

const PERCENT = { kind: 'percent', maximumFractionDigits: 1 } as const;

interface SeriesPlan {
  name: string;
  values: (number | null)[];
  /** Before a percent stack turned them into shares. */
  raw: (number | null)[];
  /** The measure's own tooltip format (the values may be shares). */
  rawFormat: Formatter | undefined;
  type: 'line' | 'bar';
  axis: 0 | 1;
  format: { axis: Formatter; tooltip: Formatter; label: Formatter };
}

/** Line, area, bar and combo charts: categories (or time) on one axis, measures on the other. */
export function cartesian(ctx: Context): EChartsCoreOption {
  const { spec } = ctx;
  const kind = spec.kind;
  const x = ctx.column(spec.encoding.x, 'x');
  const yNames = required(names(spec.encoding.y), 'y', 'one or more measure columns', kind);
  const y2Names =
    kind === 'combo' ? required(names(spec.encoding.y2), 'y2', 'the measure(s) drawn as lines', kind) : [];
  const measures = yNames.map((n) => ctx.measure(n, 'y'));
  const lineMeasures = y2Names.map((n) => ctx.measure(n, 'y2'));
  const split = ctx.column(spec.encoding.series, 'series');
  if (split && kind === 'combo') {
    throw new AdapterError(
      'invalid-spec',
      'A combo chart takes no series split: name its bar and line measures instead.',
    );
  }

  const time = x?.type === 'date';
  const percent = spec.stack === 'percent' && kind !== 'combo';
  let data: Pivot = ctx.pivot ?? pivot({ x, measures: [...measures, ...lineMeasures], split });
  data = sortPivot(data, spec.sort ?? 'none', time);
  const folded = !!spec.topN && !time && data.categories.length > spec.topN.n;
  if (spec.topN && !time) data = foldTopN(data, spec.topN.n, spec.topN.other, ctx.words);
  const raw = data;
  if (percent) data = toShares(data);

  const formatsOf = (column: Column | undefined) =>
    percent || !column
      ? { axis: ctx.formatWith(PERCENT), tooltip: ctx.formatWith(PERCENT), label: ctx.formatWith(PERCENT) }
      : {
          axis: ctx.format(column, 'axis'),
          tooltip: ctx.format(column, 'tooltip'),
          label: ctx.format(column, 'label'),
        };
  const barCount = split ? data.series.length : measures.length;
  const plans: SeriesPlan[] = data.series.map((s, i) => {
    const isLine = kind === 'combo' ? i >= barCount : kind !== 'bar';
    // With a split, series run group by group through the measures (see pivot).
    const column = split ? measures[i % measures.length] : [...measures, ...lineMeasures][i];
    return {
      ...s,
      raw: raw.series[i]?.values ?? s.values,
      rawFormat: percent && column ? ctx.format(column, 'tooltip') : undefined,
      type: isLine ? 'line' : 'bar',
      axis: kind === 'combo' && isLine ? 1 : 0,
      format: formatsOf(column),
    };
  });

  const large = data.categories.length > LARGE_DATA;
  const horizontal = spec.horizontal === true && kind === 'bar';
  const stack = spec.stack ? 'total' : undefined;
  const categoryFormat = x && x.type !== 'string' ? ctx.format(x, 'axis') : undefined;
  const categoryTooltip = x ? ctx.format(x, 'tooltip') : (v: unknown) => `#${String(v)}`;
  const minInterval = time && x ? GRAIN_MS[timeGrain(x)] : undefined;

  const categoryAxis = time
    ? {
        type: 'time',
        // Ticks no closer than the data's grain: monthly data is not labelled every few days.
        minInterval,
        axisLabel: { formatter: (v: number) => categoryFormat?.(v) ?? String(v), hideOverlap: true },
      }
    : {
        type: 'category',
        axisLabel: {
          hideOverlap: true,
          width: 120,
          overflow: 'truncate',
          ...(categoryFormat ? { formatter: (v: string) => categoryFormat(v) } : {}),
        },
        boundaryGap: kind !== 'line' && kind !== 'area',
      };
  const valueAxis = (axis: 0 | 1) => {
    const plan = plans.find((p) => p.axis === axis);
    return {
      type: 'value',
      name: axis === 1 ? lineMeasures.map((m) => m.label).join(', ') : undefined,
      ...(percent ? { max: 1 } : {}),
      axisLabel: { formatter: (v: number) => plan?.format.axis(v) ?? String(v) },
      ...(axis === 1 ? { splitLine: { show: false } } : {}),
    };
  };

  const series = plans.map((plan, i) => ({
    type: plan.type,
    name: plan.name,
    datasetIndex: 0,
    seriesLayoutBy: 'row',
    encode: horizontal ? { y: 0, x: i + 1 } : { x: 0, y: i + 1 },
    ...(plan.axis === 1 ? { yAxisIndex: 1 } : {}),
    ...(stack && plan.type === (kind === 'bar' ? 'bar' : 'line') && kind !== 'combo' ? { stack } : {}),
    ...(kind === 'area' ? { areaStyle: {} } : {}),
    ...(plan.type === 'line' && large ? { sampling: 'lttb', showSymbol: false } : {}),
    ...(plan.type === 'bar' && large ? { large: true } : {}),
    ...(spec.labels
      ? {
          label: {
            show: true,
            position: stack ? 'inside' : horizontal ? 'right' : 'top',
            formatter: (p: { dataIndex: number }) => plan.format.label(plan.values[p.dataIndex]),
          },
        }
      : {}),
    emphasis: { focus: 'series' },
  }));

  // Row layout: the categories and each series' values are the dataset's rows as they are, not copied.
  const source = [data.categories, ...plans.map((p) => p.values)];
  const single = plans.length === 1 ? plans[0] : undefined;
  const description =
    ctx.words.cartesian({
      kind: kind as 'line' | 'area' | 'bar' | 'combo',
      measures: [...measures, ...lineMeasures].map((m) => m.label),
      ...(x ? { x: x.label } : {}),
      ...(split ? { split: { label: split.label, series: plans.length } } : {}),
      count: data.categories.length,
      time,
    }) +
    (single
      ? extremes(
          ctx,
          single.values.slice(0, data.categories.length),
          (i) => categoryTooltip(data.categories[i] as string | number),
          single.format.tooltip,
        )
      : '');

  const rowsOf = pivotLocator(data, x, split, folded);
  return attachPoints(
    {
      ...titleOf(spec),
      aria: aria(spec, description),
      dataset: { source, sourceHeader: false },
      grid: grid(ctx, { top: spec.title ? 48 : 24, bottom: plans.length > 1 ? 40 : 8 }),
      legend: plans.length > 1 ? { type: 'scroll', bottom: 0 } : { show: false },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: kind === 'bar' || kind === 'combo' ? 'shadow' : 'line' },
        formatter: (params: unknown) => {
          const list = (Array.isArray(params) ? params : [params]) as {
            dataIndex: number;
            seriesIndex: number;
            marker?: unknown;
          }[];
          const row = list[0]?.dataIndex ?? 0;
          const header = escapeHTML(categoryTooltip(data.categories[row]));
          const lines = list.map((p) => {
            const plan = plans[p.seriesIndex];
            if (!plan) return '';
            const value = plan.format.tooltip(plan.values[row] ?? null);
            const total = plan.rawFormat ? ` (${plan.rawFormat(plan.raw[row] ?? null)})` : '';
            return tooltipLine(p.marker, plan.name, `${value}${total}`);
          });
          return [header, ...lines].join('<br/>');
        },
      },
      xAxis: horizontal ? valueAxis(0) : categoryAxis,
      yAxis: horizontal
        ? { ...categoryAxis, inverse: true }
        : kind === 'combo'
          ? [valueAxis(0), valueAxis(1)]
          : valueAxis(0),
      series,
    },
    rowsOf,
  );
}
