import { describe, expect, it } from 'vitest';
import {
  AdapterError,
  type AdapterErrorCode,
  type AdapterOptions,
  type ChartSpec,
  type DataInput,
  toEChartsOption,
  toTable,
} from '../../src/core/adapter';
import { adapterError } from '../fixtures/errors';

type Fn = (params: unknown) => string;
interface Axis {
  type?: string;
  name?: string;
  inverse?: boolean;
  max?: number;
  data?: string[];
  boundaryGap?: boolean;
  splitLine?: { show: boolean };
  axisLabel?: { formatter?: Fn };
}
interface Series {
  type: string;
  name?: string;
  seriesLayoutBy?: string;
  stack?: string;
  areaStyle?: object;
  yAxisIndex?: number;
  sampling?: string;
  showSymbol?: boolean;
  large?: boolean;
  encode?: Record<string, number>;
  datasetIndex?: number;
  data?: number[][];
  radius?: unknown;
  sort?: string;
  label?: { show?: boolean; position?: string; formatter?: Fn };
}
interface Source {
  source: unknown[][];
}
interface Option {
  title?: { text: string };
  aria: { enabled: boolean; label: { description: string }; decal: { show: boolean } };
  dataset: Source | Source[];
  grid?: { top: number };
  legend: { show?: boolean; type?: string };
  tooltip: { trigger: string; formatter: Fn };
  xAxis: Axis;
  yAxis: Axis | Axis[];
  visualMap?: { min: number; max: number; dimension?: number; show?: boolean; inRange?: unknown; formatter?: Fn };
  series: Series[];
}

const chart = (data: unknown, spec: ChartSpec, options?: AdapterOptions) =>
  toEChartsOption(data as DataInput, spec, options) as unknown as Option;
/** The dataset as rows of [category, ...values], whichever way the series lay it out. */
function sourceOf(o: Option): unknown[][] {
  const source = Array.isArray(o.dataset) ? [] : o.dataset.source;
  if (!o.series.some((s) => s.seriesLayoutBy === 'row')) return source;
  return (source[0] ?? []).map((_, i) => source.map((row) => row[i]));
}
const yAxisOf = (o: Option) => o.yAxis as Axis;
const yAxesOf = (o: Option) => o.yAxis as Axis[];
const categories = (o: Option) => sourceOf(o).map((row) => row[0]);
const column = (o: Option, i: number) => sourceOf(o).map((row) => row[i]);

function expectError(
  fn: () => unknown,
  code: AdapterErrorCode,
  where: { column?: string; row?: number },
  ...words: string[]
): AdapterError {
  const error = adapterError(fn);
  expect(error).toBeInstanceOf(AdapterError);
  expect(error.name).toBe('AdapterError');
  expect(error.code).toBe(code);
  expect(error.column).toBe(where.column);
  expect(error.row).toBe(where.row);
  for (const word of words) expect(error.message).toContain(word);
  return error;
}

/** Every number in the dataset and series data is finite (null marks a missing value). */
function expectSound(o: Option) {
  const numbers: unknown[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'number') numbers.push(value);
  };
  for (const d of Array.isArray(o.dataset) ? o.dataset : o.dataset ? [o.dataset] : []) visit(d.source);
  for (const s of o.series) visit(s.data);
  for (const n of numbers) expect(Number.isFinite(n)).toBe(true);
  expect(o.series.length).toBeGreaterThan(0);
  expect(o.aria.enabled).toBe(true);
}

const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE2 = '<script>alert("s")</script>';
const MARKER = '<span></span>';

/** The HTML holds the payloads escaped, never raw. */
function expectEscaped(html: string) {
  expect(typeof html).toBe('string');
  expect(html).toContain('&lt;img');
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<script');
}

const quarters = [
  { quarter: 'Q1', region: 'North', sales: 30, cost: 10 },
  { quarter: 'Q1', region: 'South', sales: 10, cost: 4 },
  { quarter: 'Q2', region: 'North', sales: 5, cost: 2 },
  { quarter: 'Q2', region: 'South', sales: 15, cost: 6 },
];
const months = [
  { month: 'Jan', revenue: 100, orders: 10 },
  { month: 'Feb', revenue: 300, orders: 20 },
  { month: 'Mar', revenue: 200, orders: 40 },
];

describe('toEChartsOption: cartesian kinds', () => {
  it('line: one line series per measure over a category axis without a boundary gap, fed by the dataset', () => {
    const o = chart(months, { kind: 'line', encoding: { x: 'month', y: ['revenue', 'orders'] } });
    expect(o.series.map((s) => s.type)).toEqual(['line', 'line']);
    expect(o.series.map((s) => s.name)).toEqual(['revenue', 'orders']);
    expect(o.series.map((s) => s.encode)).toEqual([
      { x: 0, y: 1 },
      { x: 0, y: 2 },
    ]);
    expect(o.series.every((s) => s.stack === undefined && s.areaStyle === undefined)).toBe(true);
    expect(sourceOf(o)).toEqual([
      ['Jan', 100, 10],
      ['Feb', 300, 20],
      ['Mar', 200, 40],
    ]);
    expect(o.xAxis.type).toBe('category');
    expect(o.xAxis.boundaryGap).toBe(false);
    expect(yAxisOf(o).type).toBe('value');
    expect(o.tooltip.trigger).toBe('axis');
    expect(o.legend.type).toBe('scroll');
  });

  it('line with stack: true stacks every line', () => {
    const o = chart(months, { kind: 'line', encoding: { x: 'month', y: ['revenue', 'orders'] }, stack: true });
    expect(o.series.map((s) => s.stack)).toEqual(['total', 'total']);
  });

  it('area: line series with an areaStyle, stacked on request', () => {
    const plain = chart(months, { kind: 'area', encoding: { x: 'month', y: 'revenue' } });
    expect(plain.series[0]?.type).toBe('line');
    expect(plain.series[0]?.areaStyle).toEqual({});
    expect(plain.series[0]?.stack).toBeUndefined();
    const stacked = chart(quarters, {
      kind: 'area',
      encoding: { x: 'quarter', y: 'sales', series: 'region' },
      stack: true,
    });
    expect(stacked.series.map((s) => [s.type, s.stack, s.areaStyle])).toEqual([
      ['line', 'total', {}],
      ['line', 'total', {}],
    ]);
  });

  it('area percent: each value is its share of the category, shares sum to 1, the axis tops out at 1', () => {
    const o = chart(quarters, {
      kind: 'area',
      encoding: { x: 'quarter', y: 'sales', series: 'region' },
      stack: 'percent',
    });
    expect(sourceOf(o)).toEqual([
      ['Q1', 0.75, 0.25],
      ['Q2', 0.25, 0.75],
    ]);
    for (const row of sourceOf(o)) expect((row[1] as number) + (row[2] as number)).toBeCloseTo(1, 12);
    expect(yAxisOf(o).max).toBe(1);
    expect(yAxisOf(o).axisLabel?.formatter?.(0.5)).toBe('50%');
    expect(o.series.every((s) => s.stack === 'total' && s.areaStyle !== undefined)).toBe(true);
    expect(o.tooltip.formatter([{ dataIndex: 0, seriesIndex: 0, marker: '' }])).toContain('75%');
  });

  it('bar grouped: one unstacked bar series per measure', () => {
    const o = chart(months, { kind: 'bar', encoding: { x: 'month', y: ['revenue', 'orders'] } });
    expect(o.series.map((s) => s.type)).toEqual(['bar', 'bar']);
    expect(o.series.map((s) => s.stack)).toEqual([undefined, undefined]);
    expect(o.xAxis.boundaryGap).toBe(true);
  });

  it('bar split by a series column: long rows become one series per group', () => {
    const o = chart(quarters, { kind: 'bar', encoding: { x: 'quarter', y: 'sales', series: 'region' } });
    expect(o.series.map((s) => s.name)).toEqual(['North', 'South']);
    expect(sourceOf(o)).toEqual([
      ['Q1', 30, 10],
      ['Q2', 5, 15],
    ]);
  });

  it('bar split with a missing group cell gives null, not 0', () => {
    const o = chart(
      [
        { q: 'Q1', r: 'N', v: 1 },
        { q: 'Q2', r: 'S', v: 2 },
      ],
      { kind: 'bar', encoding: { x: 'q', y: 'v', series: 'r' } },
    );
    expect(sourceOf(o)).toEqual([
      ['Q1', 1, null],
      ['Q2', null, 2],
    ]);
  });

  it('bar stacked: every bar series shares one stack', () => {
    const o = chart(quarters, { kind: 'bar', encoding: { x: 'quarter', y: 'sales', series: 'region' }, stack: true });
    expect(o.series.map((s) => s.stack)).toEqual(['total', 'total']);
  });

  it('bar percent: shares per category summing to 1 and a value axis capped at 1', () => {
    const o = chart(quarters, {
      kind: 'bar',
      encoding: { x: 'quarter', y: ['sales', 'cost'] },
      stack: 'percent',
    });
    expect(sourceOf(o)).toEqual([
      ['Q1', 40 / 54, 14 / 54],
      ['Q2', 20 / 28, 8 / 28],
    ]);
    for (const row of sourceOf(o)) expect((row[1] as number) + (row[2] as number)).toBeCloseTo(1, 12);
    expect(yAxisOf(o).max).toBe(1);
    expect(o.series.map((s) => s.stack)).toEqual(['total', 'total']);
  });

  it('bar percent: a category that totals 0 stays null rather than dividing by zero', () => {
    const o = chart(
      [
        { c: 'A', a: 0, b: 0 },
        { c: 'B', a: 1, b: 3 },
      ],
      { kind: 'bar', encoding: { x: 'c', y: ['a', 'b'] }, stack: 'percent' },
    );
    expect(sourceOf(o)).toEqual([
      ['A', null, null],
      ['B', 0.25, 0.75],
    ]);
  });

  it('horizontal bar: value axis on x, an inverse category axis on y, encode swapped', () => {
    const o = chart(months, { kind: 'bar', encoding: { x: 'month', y: 'revenue' }, horizontal: true });
    expect(o.xAxis.type).toBe('value');
    expect(yAxisOf(o).type).toBe('category');
    expect(yAxisOf(o).inverse).toBe(true);
    expect(o.series[0]?.encode).toEqual({ y: 0, x: 1 });
    const percent = chart(quarters, {
      kind: 'bar',
      encoding: { x: 'quarter', y: 'sales', series: 'region' },
      horizontal: true,
      stack: 'percent',
    });
    expect(percent.xAxis.max).toBe(1);
    expect(yAxisOf(percent).max).toBeUndefined();
  });

  it('horizontal is ignored by line charts', () => {
    const o = chart(months, { kind: 'line', encoding: { x: 'month', y: 'revenue' }, horizontal: true });
    expect(o.xAxis.type).toBe('category');
    expect(yAxisOf(o).type).toBe('value');
  });

  it('combo: bars on the first axis, lines on a second axis (yAxisIndex 1), never stacked', () => {
    const o = chart(months, { kind: 'combo', encoding: { x: 'month', y: 'revenue', y2: 'orders' }, stack: true });
    expect(o.series.map((s) => [s.type, s.yAxisIndex])).toEqual([
      ['bar', undefined],
      ['line', 1],
    ]);
    expect(o.series.map((s) => s.stack)).toEqual([undefined, undefined]);
    const axes = yAxesOf(o);
    expect(axes).toHaveLength(2);
    expect(axes.map((a) => a.type)).toEqual(['value', 'value']);
    expect(axes[1]?.name).toBe('orders');
    expect(axes[1]?.splitLine).toEqual({ show: false });
    expect(sourceOf(o)).toEqual([
      ['Jan', 100, 10],
      ['Feb', 300, 20],
      ['Mar', 200, 40],
    ]);
  });

  it('combo with the same column as bar and line gives two series, not one doubled series', () => {
    const o = chart(months, { kind: 'combo', encoding: { x: 'month', y: 'revenue', y2: 'revenue' } });
    expect(o.series.map((s) => s.type)).toEqual(['bar', 'line']);
    expect(sourceOf(o)[0]).toEqual(['Jan', 100, 100]);
    const twice = chart(months, { kind: 'bar', encoding: { x: 'month', y: ['revenue', 'revenue'] } });
    expect(sourceOf(twice)[1]).toEqual(['Feb', 300, 300]);
  });

  it('combo needs y2 and takes no series split', () => {
    expectError(
      () => chart(months, { kind: 'combo', encoding: { x: 'month', y: 'revenue' } }),
      'invalid-spec',
      {},
      'y2',
    );
    expectError(
      () => chart(quarters, { kind: 'combo', encoding: { x: 'quarter', y: 'sales', y2: 'cost', series: 'region' } }),
      'invalid-spec',
      {},
      'combo',
      'split',
    );
  });

  it('without x each row is its own category', () => {
    const o = chart(months, { kind: 'bar', encoding: { y: 'revenue' } });
    expect(categories(o)).toEqual(['1', '2', '3']);
    expect(o.tooltip.formatter([{ dataIndex: 1, seriesIndex: 0, marker: '' }])).toContain('#2');
  });

  it('labels: shown on request with the label format, placed by layout', () => {
    const top = chart(months, { kind: 'bar', encoding: { x: 'month', y: 'revenue' }, labels: true });
    expect(top.series[0]?.label?.show).toBe(true);
    expect(top.series[0]?.label?.position).toBe('top');
    expect(top.series[0]?.label?.formatter?.({ dataIndex: 1 })).toBe('300');
    const inside = chart(quarters, {
      kind: 'bar',
      encoding: { x: 'quarter', y: 'sales', series: 'region' },
      stack: true,
      labels: true,
    });
    expect(inside.series[0]?.label?.position).toBe('inside');
    const right = chart(months, {
      kind: 'bar',
      encoding: { x: 'month', y: 'revenue' },
      horizontal: true,
      labels: true,
    });
    expect(right.series[0]?.label?.position).toBe('right');
    const none = chart(months, { kind: 'bar', encoding: { x: 'month', y: 'revenue' } });
    expect(none.series[0]?.label).toBeUndefined();
  });

  it('title: set with room above the grid', () => {
    const o = chart(months, { kind: 'bar', encoding: { x: 'month', y: 'revenue' }, title: 'Revenue' });
    expect(o.title?.text).toBe('Revenue');
    expect(o.grid?.top).toBe(48);
    // No title key at all: ECharts would ask for its title component, which loads on demand.
    expect(Object.hasOwn(chart(months, { kind: 'bar', encoding: { x: 'month', y: 'revenue' } }), 'title')).toBe(false);
  });
});

describe('toEChartsOption: sort and topN', () => {
  const items = [
    { item: 'Item 10', v: 5 },
    { item: 'item 2', v: 50 },
    { item: 'Item 1', v: 20 },
    { item: 'Item 3', v: 1 },
  ];
  const bar = (extra: Partial<ChartSpec>) =>
    chart(items, { kind: 'bar', encoding: { x: 'item', y: 'v' }, ...extra } as ChartSpec);

  it('keeps the given order by default and with sort none', () => {
    expect(categories(bar({}))).toEqual(['Item 10', 'item 2', 'Item 1', 'Item 3']);
    expect(categories(bar({ sort: 'none' }))).toEqual(['Item 10', 'item 2', 'Item 1', 'Item 3']);
  });

  it('sort category: natural, case-insensitive order', () => {
    expect(categories(bar({ sort: 'category' }))).toEqual(['Item 1', 'item 2', 'Item 3', 'Item 10']);
  });

  it('sort value-asc and value-desc order by the category total, values travelling with them', () => {
    const asc = bar({ sort: 'value-asc' });
    expect(sourceOf(asc)).toEqual([
      ['Item 3', 1],
      ['Item 10', 5],
      ['Item 1', 20],
      ['item 2', 50],
    ]);
    expect(categories(bar({ sort: 'value-desc' }))).toEqual(['item 2', 'Item 1', 'Item 10', 'Item 3']);
  });

  it('sort by value uses the total across series', () => {
    const o = chart(quarters, {
      kind: 'bar',
      encoding: { x: 'quarter', y: 'sales', series: 'region' },
      sort: 'value-asc',
    });
    expect(sourceOf(o)).toEqual([
      ['Q2', 5, 15],
      ['Q1', 30, 10],
    ]);
  });

  it('topN keeps the first n (after sorting) and folds the rest, summed, into "Other"', () => {
    const o = bar({ sort: 'value-desc', topN: { n: 2 } });
    expect(sourceOf(o)).toEqual([
      ['item 2', 50],
      ['Item 1', 20],
      ['Other', 6],
    ]);
  });

  it('topN takes a custom name for the rest and folds each series separately', () => {
    const rows = ['A', 'B', 'C', 'D'].flatMap((c, i) => [
      { c, s: 'x', v: i + 1 },
      { c, s: 'y', v: 10 * (i + 1) },
    ]);
    const o = chart(rows, { kind: 'bar', encoding: { x: 'c', y: 'v', series: 's' }, topN: { n: 1, other: 'Rest' } });
    expect(sourceOf(o)).toEqual([
      ['A', 1, 10],
      ['Rest', 9, 90],
    ]);
  });

  it('topN with n at least the category count changes nothing', () => {
    expect(categories(bar({ topN: { n: 4 } }))).toEqual(['Item 10', 'item 2', 'Item 1', 'Item 3']);
  });

  it('topN on a pie folds the smallest slices', () => {
    const o = chart(items, { kind: 'pie', encoding: { x: 'item', y: 'v' }, topN: { n: 3 } });
    expect(sourceOf(o)).toEqual([
      ['item 2', 50],
      ['Item 1', 20],
      ['Item 10', 5],
      ['Other', 1],
    ]);
  });

  it('topN.n must be a whole number of at least 1', () => {
    expectError(() => bar({ topN: { n: 0 } }), 'invalid-spec', {}, 'topN.n', '0');
    expectError(() => bar({ topN: { n: 1.5 } }), 'invalid-spec', {}, 'topN.n', '1.5');
  });

  it('a folded "Other" that sums past the largest number is an AdapterError, not Infinity', () => {
    const rows = ['a', 'b', 'c'].map((c) => ({ c, v: 1e308 }));
    expectError(
      () => chart(rows, { kind: 'bar', encoding: { x: 'c', y: 'v' }, topN: { n: 1 } }),
      'invalid-value',
      {},
      'Other',
      'largest number',
    );
  });
});

describe('toEChartsOption: time', () => {
  const rows = [
    { day: '2026-03-01', v: 3 },
    { day: '2026-01-01', v: 1 },
    { day: '2026-02-01', v: 2 },
  ];

  it('a date column gives a time axis with epoch ms in time order and month labels', () => {
    const o = chart(rows, { kind: 'line', encoding: { x: 'day', y: 'v' }, sort: 'value-desc', topN: { n: 1 } });
    expect(o.xAxis.type).toBe('time');
    expect(sourceOf(o)).toEqual([
      [Date.UTC(2026, 0, 1), 1],
      [Date.UTC(2026, 1, 1), 2],
      [Date.UTC(2026, 2, 1), 3],
    ]);
    expect(o.xAxis.axisLabel?.formatter?.(Date.UTC(2026, 1, 1))).toBe('Feb 2026');
    expect(o.tooltip.formatter([{ dataIndex: 2, seriesIndex: 0, marker: '' }])).toContain('Mar 2026');
  });

  it('Date objects and date-times work; rows without a time are left out', () => {
    const o = chart(
      [
        { at: new Date(Date.UTC(2026, 4, 5, 14)), v: 1 },
        { at: null, v: 9 },
        { at: '2026-05-05T15:00', v: 2 },
      ],
      { kind: 'bar', encoding: { x: 'at', y: 'v' } },
    );
    expect(o.xAxis.type).toBe('time');
    expect(sourceOf(o)).toEqual([
      [Date.UTC(2026, 4, 5, 14), 1],
      [Date.UTC(2026, 4, 5, 15), 2],
    ]);
  });

  it('a pie names its slices by the formatted date', () => {
    const o = chart(rows, { kind: 'pie', encoding: { x: 'day', y: 'v' } });
    expect(categories(o)).toEqual(['Mar 2026', 'Feb 2026', 'Jan 2026']);
  });
});

describe('toEChartsOption: slices', () => {
  const shares = [
    { channel: 'Search', visits: 40 },
    { channel: 'Direct', visits: 100 },
    { channel: 'Email', visits: 10 },
  ];

  it('pie: one pie series over the dataset, largest first, labels on', () => {
    const o = chart(shares, { kind: 'pie', encoding: { x: 'channel', y: 'visits' } });
    expect(o.series).toHaveLength(1);
    expect(o.series[0]?.type).toBe('pie');
    expect(o.series[0]?.radius).toBe('60%');
    expect(o.series[0]?.encode).toEqual({ itemName: 0, value: 1 });
    expect(o.series[0]?.label?.show).toBe(true);
    expect(sourceOf(o)).toEqual([
      ['Direct', 100],
      ['Search', 40],
      ['Email', 10],
    ]);
    expect(o.tooltip.trigger).toBe('item');
    expect(o.tooltip.formatter({ dataIndex: 1, marker: '' })).toBe('Search&emsp;<b>40 (26.7%)</b>');
    expect(o.series[0]?.label?.formatter?.({ dataIndex: 0, percent: 66.666 })).toBe('Direct: 66.7%');
  });

  it('donut: a pie with a hole; labels: false hides labels; sort none keeps the order', () => {
    const o = chart(shares, { kind: 'donut', encoding: { x: 'channel', y: 'visits' }, labels: false, sort: 'none' });
    expect(o.series[0]?.type).toBe('pie');
    expect(o.series[0]?.radius).toEqual(['38%', '60%']);
    expect(o.series[0]?.label?.show).toBe(false);
    expect(categories(o)).toEqual(['Search', 'Direct', 'Email']);
  });

  it('funnel: a funnel series that keeps the sorted order; negative stages are allowed', () => {
    const o = chart(shares, { kind: 'funnel', encoding: { x: 'channel', y: 'visits' } });
    expect(o.series[0]?.type).toBe('funnel');
    expect(o.series[0]?.sort).toBe('none');
    expect(categories(o)).toEqual(['Direct', 'Search', 'Email']);
    const negative = chart([...shares, { channel: 'Refunds', visits: -5 }], {
      kind: 'funnel',
      encoding: { x: 'channel', y: 'visits' },
    });
    expect(column(negative, 1)).toEqual([100, 40, 10, -5]);
  });

  it('pie and donut refuse a negative value, naming the column, the value and the slice', () => {
    for (const kind of ['pie', 'donut'] as const) {
      expectError(
        () => chart([...shares, { channel: 'Refunds', visits: -5 }], { kind, encoding: { x: 'channel', y: 'visits' } }),
        'invalid-value',
        { column: 'visits' },
        '"visits"',
        'negative',
        '-5',
        'Refunds',
      );
    }
  });

  it('pie needs x and y', () => {
    expectError(() => chart(shares, { kind: 'pie', encoding: { y: 'visits' } }), 'invalid-spec', {}, 'encoding.x');
    expectError(() => chart(shares, { kind: 'pie', encoding: { x: 'channel' } }), 'invalid-spec', {}, 'encoding.y');
  });
});

describe('toEChartsOption: scatter and bubble', () => {
  const points = [
    { height: 150, weight: 50, age: 20, group: 'A' },
    { height: 160, weight: 60, age: 40, group: 'B' },
    { height: 170, weight: null, age: 30, group: 'A' },
    { height: 180, weight: 80, age: 60, group: 'A' },
  ];

  it('scatter: value axes, one scatter series, points without both coordinates left out', () => {
    const o = chart(points, { kind: 'scatter', encoding: { x: 'height', y: 'weight' } });
    expect(o.xAxis.type).toBe('value');
    expect(yAxisOf(o).type).toBe('value');
    expect(o.series.map((s) => [s.type, s.name])).toEqual([['scatter', 'weight']]);
    const [set] = o.dataset as Source[];
    expect(set?.source.map((p) => p.slice(0, 2))).toEqual([
      [150, 50],
      [160, 60],
      [180, 80],
    ]);
    expect(o.visualMap).toBeUndefined();
  });

  it('scatter split by colour: one series (and dataset) per group', () => {
    const o = chart(points, { kind: 'scatter', encoding: { x: 'height', y: 'weight', color: 'group' } });
    expect(o.series.map((s) => [s.name, s.datasetIndex])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
    const sets = o.dataset as Source[];
    expect(sets.map((d) => d.source.map((p) => p.slice(0, 2)))).toEqual([
      [
        [150, 50],
        [180, 80],
      ],
      [[160, 60]],
    ]);
    expect(o.legend.type).toBe('scroll');
  });

  it('bubble: size is dimension 2 of each point, mapped by a hidden visualMap from its min to max', () => {
    const o = chart(points, { kind: 'scatter', encoding: { x: 'height', y: 'weight', size: 'age' } });
    const [set] = o.dataset as Source[];
    expect(set?.source.map((p) => p[2])).toEqual([20, 40, 60]);
    expect(o.visualMap).toMatchObject({ show: false, dimension: 2, min: 20, max: 60 });
    expect(o.visualMap?.inRange).toEqual({ symbolSize: [8, 40] });
    expect(o.aria.label.description).toContain('Bubble chart');
    expect(o.aria.label.description).toContain('age');
  });

  it('scatter needs measures on both axes', () => {
    expectError(
      () => chart(points, { kind: 'scatter', encoding: { x: 'group', y: 'weight' } }),
      'type-mismatch',
      { column: 'group' },
      '"group"',
      'not numbers',
    );
    expectError(() => chart(points, { kind: 'scatter', encoding: { y: 'weight' } }), 'invalid-spec', {}, 'encoding.x');
  });
});

describe('toEChartsOption: heatmap', () => {
  const cells = [
    { day: 'Mon', slot: 'AM', n: 1 },
    { day: 'Mon', slot: 'AM', n: 2 },
    { day: 'Tue', slot: 'PM', n: 5 },
    { day: 'Mon', slot: 'PM', n: null },
    { day: 'Tue', slot: 'AM', n: 4 },
  ];

  it('sums rows that share a cell, leaves empty cells out and spans the visualMap from min to max', () => {
    const o = chart(cells, { kind: 'heatmap', encoding: { x: 'day', y: 'slot', color: 'n' } });
    expect(o.xAxis).toMatchObject({ type: 'category', data: ['Mon', 'Tue'] });
    expect(yAxisOf(o)).toMatchObject({ type: 'category', data: ['AM', 'PM'] });
    expect(o.series[0]?.type).toBe('heatmap');
    expect(o.series[0]?.data).toEqual([
      [0, 0, 3],
      [1, 1, 5],
      [1, 0, 4],
    ]);
    expect(o.visualMap?.min).toBe(3);
    expect(o.visualMap?.max).toBe(5);
  });

  it('a heatmap whose cells are all equal still has max above min', () => {
    const o = chart([{ a: 'x', b: 'y', n: 7 }], { kind: 'heatmap', encoding: { x: 'a', y: 'b', color: 'n' } });
    expect(o.visualMap?.min).toBe(7);
    expect(o.visualMap?.max).toBe(8);
  });

  it('a cell that sums past the largest number is an AdapterError naming the column and row', () => {
    expectError(
      () =>
        chart(
          [
            { a: 'x', b: 'y', n: 1e308 },
            { a: 'x', b: 'y', n: 1e308 },
          ],
          { kind: 'heatmap', encoding: { x: 'a', y: 'b', color: 'n' } },
        ),
      'invalid-value',
      { column: 'n', row: 1 },
      '"n"',
      'row 2',
    );
  });

  it('heatmap needs a colour measure', () => {
    expectError(
      () => chart(cells, { kind: 'heatmap', encoding: { x: 'day', y: 'slot' } }),
      'invalid-spec',
      {},
      'color',
    );
  });
});

describe('toEChartsOption: large data', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ c: `c${i}`, v: i % 97, w: i % 13 }));

  it('above 2000 categories lines are sampled with lttb and bars drawn in large mode', () => {
    const line = chart(many(2001), { kind: 'line', encoding: { x: 'c', y: 'v' } });
    expect(line.series[0]?.sampling).toBe('lttb');
    expect(line.series[0]?.showSymbol).toBe(false);
    const area = chart(many(2001), { kind: 'area', encoding: { x: 'c', y: 'v' } });
    expect(area.series[0]?.sampling).toBe('lttb');
    const bar = chart(many(2001), { kind: 'bar', encoding: { x: 'c', y: 'v' } });
    expect(bar.series[0]?.large).toBe(true);
    const combo = chart(many(2001), { kind: 'combo', encoding: { x: 'c', y: 'v', y2: 'w' } });
    expect(combo.series.map((s) => [s.large, s.sampling])).toEqual([
      [true, undefined],
      [undefined, 'lttb'],
    ]);
  });

  it('at 2000 categories nothing is sampled', () => {
    const line = chart(many(2000), { kind: 'line', encoding: { x: 'c', y: 'v' } });
    expect(line.series[0]?.sampling).toBeUndefined();
    const bar = chart(many(2000), { kind: 'bar', encoding: { x: 'c', y: 'v' } });
    expect(bar.series[0]?.large).toBeUndefined();
  });

  it('10,000 categories give a sound option', () => {
    const rows = many(10_000);
    const o = chart(rows, { kind: 'bar', encoding: { x: 'c', y: 'v' }, sort: 'value-desc' });
    const top = chart(rows, { kind: 'bar', encoding: { x: 'c', y: 'v' }, sort: 'value-desc', topN: { n: 20 } });
    const pie = chart(rows, { kind: 'pie', encoding: { x: 'c', y: 'v' } });
    expect(sourceOf(o)).toHaveLength(10_000);
    expect(o.series[0]?.large).toBe(true);
    expectSound(o);
    expect(sourceOf(top)).toHaveLength(21);
    expect(sourceOf(top)[20]?.[0]).toBe('Other');
    expect(sourceOf(pie)).toHaveLength(10_000);
  });
});

describe('toEChartsOption: tooltips escape data strings', () => {
  it('cartesian: a hostile category, group and measure name appear only escaped; the marker is kept', () => {
    const o = chart(
      [
        { [HOSTILE]: HOSTILE, grp: HOSTILE2, value: 1 },
        { [HOSTILE]: 'ok', grp: HOSTILE, value: 2 },
      ],
      { kind: 'bar', encoding: { x: HOSTILE, y: 'value', series: 'grp' } },
    );
    const html = o.tooltip.formatter([
      { dataIndex: 0, seriesIndex: 0, marker: MARKER },
      { dataIndex: 0, seriesIndex: 1, marker: MARKER },
    ]);
    expectEscaped(html);
    expect(html).toContain('&lt;script');
    expect(html).toContain(MARKER);
    const measure = chart([{ c: 'a', [HOSTILE]: 3 }], { kind: 'line', encoding: { x: 'c', y: HOSTILE } });
    expectEscaped(measure.tooltip.formatter({ dataIndex: 0, seriesIndex: 0, marker: '' }));
  });

  it('a non-string marker is dropped, not printed', () => {
    const o = chart(months, { kind: 'bar', encoding: { x: 'month', y: 'revenue' } });
    expect(o.tooltip.formatter([{ dataIndex: 0, seriesIndex: 0, marker: { html: HOSTILE } }])).toBe(
      'Jan<br/>revenue&emsp;<b>100</b>',
    );
  });

  it('pie, donut and funnel: a hostile slice name appears only escaped', () => {
    for (const kind of ['pie', 'donut', 'funnel'] as const) {
      const o = chart(
        [
          { name: HOSTILE, v: 3 },
          { name: 'b', v: 1 },
        ],
        { kind, encoding: { x: 'name', y: 'v' } },
      );
      expectEscaped(o.tooltip.formatter({ dataIndex: 0, marker: '' }));
    }
  });

  it('heatmap: hostile row and column names appear only escaped', () => {
    const o = chart([{ a: HOSTILE, b: HOSTILE2, [HOSTILE]: 2 }], {
      kind: 'heatmap',
      encoding: { x: 'a', y: 'b', color: HOSTILE },
    });
    const html = o.tooltip.formatter({ data: o.series[0]?.data?.[0], marker: '' });
    expectEscaped(html);
    expect(html).toContain('&lt;script');
  });

  it('scatter: a hostile group and measure labels appear only escaped', () => {
    const o = chart(
      {
        rows: [{ x: 1, y: 2, g: HOSTILE }],
        meta: [{ name: 'x', label: HOSTILE2 }],
      },
      { kind: 'scatter', encoding: { x: 'x', y: 'y', color: 'g' } },
    );
    const html = o.tooltip.formatter({ seriesIndex: 0, dataIndex: 0, marker: MARKER });
    expectEscaped(html);
    expect(html).toContain('&lt;script');
    expect(html).toContain(MARKER);
  });

  it('fake params out of range give a string, not a throw', () => {
    const o = chart(months, { kind: 'bar', encoding: { x: 'month', y: 'revenue' } });
    expect(typeof o.tooltip.formatter([{ dataIndex: 99, seriesIndex: 7 }])).toBe('string');
    expect(typeof o.tooltip.formatter([])).toBe('string');
  });
});

describe('toEChartsOption: formats and locales', () => {
  const revenue = {
    rows: [
      { region: 'North', revenue: 1234567.891 },
      { region: 'South', revenue: 2500000 },
    ],
    meta: [
      {
        name: 'revenue',
        label: 'Revenue',
        format: { kind: 'currency', currency: 'USD' },
        axisFormat: { kind: 'compact' },
      },
    ],
  } as const;
  const spec: ChartSpec = { kind: 'bar', encoding: { x: 'region', y: 'revenue' }, labels: true };

  it('compact axis labels, full currency in tooltips and labels', () => {
    const o = chart(revenue, spec);
    expect(yAxisOf(o).axisLabel?.formatter?.(1234567)).toBe('1.2M');
    expect(o.tooltip.formatter([{ dataIndex: 0, seriesIndex: 0, marker: '' }])).toBe(
      'North<br/>Revenue&emsp;<b>$1,234,567.89</b>',
    );
    expect(o.series[0]?.label?.formatter?.({ dataIndex: 1 })).toBe('$2,500,000.00');
  });

  it('en-US, de-DE and ja-JP write the numbers differently', () => {
    const axis = (locale: string) => yAxisOf(chart(revenue, spec, { locale })).axisLabel?.formatter?.(1234567);
    const tip = (locale: string) =>
      chart(revenue, spec, { locale }).tooltip.formatter([{ dataIndex: 0, seriesIndex: 0, marker: '' }]);
    expect(axis('en-US')).toBe('1.2M');
    expect(axis('de-DE')).toMatch(/^1,2\sMio\.$/);
    expect(axis('ja-JP')).toBe('123.5万');
    expect(tip('de-DE')).toMatch(/1\.234\.567,89\s\$/);
    expect(tip('en-US')).toContain('$1,234,567.89');
    expect(new Set(['en-US', 'de-DE', 'ja-JP'].map(axis)).size).toBe(3);
  });

  it('tooltipFormat overrides format in tooltips only', () => {
    const o = chart(
      {
        rows: [{ c: 'a', share: 0.125 }],
        meta: [{ name: 'share', format: { kind: 'number' }, tooltipFormat: { kind: 'percent' } }],
      },
      { kind: 'bar', encoding: { x: 'c', y: 'share' }, labels: true },
    );
    expect(o.tooltip.formatter([{ dataIndex: 0, seriesIndex: 0 }])).toContain('12.5%');
    expect(o.series[0]?.label?.formatter?.({ dataIndex: 0 })).toBe('0.13');
  });

  it('a number x column gets formatted category labels', () => {
    const o = chart(
      [
        { code: 1000.5, v: 1 },
        { code: 2000.5, v: 2 },
      ],
      { kind: 'bar', encoding: { x: 'code', y: 'v' } },
    );
    expect(categories(o)).toEqual(['1000.5', '2000.5']);
    expect(o.xAxis.axisLabel?.formatter?.('1000.5')).toBe('1,000.5');
  });

  it('an unknown currency or locale is an AdapterError naming the column, not a FormatError', () => {
    expectError(
      () =>
        chart({ rows: revenue.rows, meta: [{ name: 'revenue', format: { kind: 'currency', currency: 'ZZZ' } }] }, spec),
      'invalid-spec',
      { column: 'revenue' },
      '"revenue"',
      'ZZZ',
    );
    expectError(
      () => chart(revenue, spec, { locale: 'not a locale!' }),
      'invalid-spec',
      { column: 'revenue' },
      'locale',
    );
  });
});

describe('toEChartsOption: aria', () => {
  it('enabled, with a description naming the measure and the dimension', () => {
    const o = chart(
      { rows: months, meta: [{ name: 'revenue', label: 'Monthly revenue' }] },
      { kind: 'bar', encoding: { x: 'month', y: 'revenue' } },
    );
    expect(o.aria.enabled).toBe(true);
    expect(o.aria.label.description).toContain('Monthly revenue');
    expect(o.aria.label.description).toContain('month');
    expect(o.aria.label.description).toContain('Highest: Feb, 300; lowest: Jan, 100.');
    expect(o.aria.decal.show).toBe(false);
  });

  it('every kind describes itself', () => {
    const rows = quarters;
    const specs: [ChartSpec, string][] = [
      [{ kind: 'line', encoding: { x: 'quarter', y: 'sales' } }, 'Line chart of sales by quarter'],
      [{ kind: 'area', encoding: { x: 'quarter', y: 'sales' } }, 'Area chart of sales by quarter'],
      [{ kind: 'combo', encoding: { x: 'quarter', y: 'sales', y2: 'cost' } }, 'sales and cost by quarter'],
      [{ kind: 'pie', encoding: { x: 'region', y: 'sales' } }, 'Pie chart of sales by region'],
      [{ kind: 'donut', encoding: { x: 'region', y: 'sales' } }, 'Donut chart of sales by region'],
      [{ kind: 'funnel', encoding: { x: 'region', y: 'sales' } }, 'Funnel chart of sales by region'],
      [{ kind: 'scatter', encoding: { x: 'cost', y: 'sales' } }, 'Scatter chart of sales against cost'],
      [
        { kind: 'heatmap', encoding: { x: 'quarter', y: 'region', color: 'sales' } },
        'Heatmap of sales by quarter and region',
      ],
    ];
    for (const [spec, text] of specs) expect(chart(rows, spec).aria.label.description).toContain(text);
  });

  it('decal: true shows decals; a spec description replaces the generated one', () => {
    const o = chart(months, {
      kind: 'pie',
      encoding: { x: 'month', y: 'revenue' },
      decal: true,
      description: 'Custom text',
    });
    expect(o.aria.decal.show).toBe(true);
    expect(o.aria.label.description).toBe('Custom text');
  });
});

describe('toEChartsOption: bad input', () => {
  const bar: ChartSpec = { kind: 'bar', encoding: { x: 'c', y: 'v' } };

  it('empty data is an "empty" AdapterError in every form', () => {
    for (const data of [[], { rows: [] }, { columns: [] }, [{ name: 'c', values: [] }]]) {
      expectError(() => chart(data, bar), 'empty', {}, 'no rows');
    }
  });

  it('one row gives a one-category chart without a legend', () => {
    const o = chart([{ c: 'only', v: 5 }], bar);
    expect(sourceOf(o)).toEqual([['only', 5]]);
    expect(o.legend.show).toBe(false);
    expect(o.aria.label.description).toContain('1 categories');
    expectSound(o);
  });

  it('nulls, undefined and blanks stay null; a null category is "(blank)"', () => {
    const o = chart(
      [{ c: 'A', v: null }, { c: null, v: 2 }, { c: 'C', v: undefined }, { c: 'D', v: '' }, { v: 4 }],
      bar,
    );
    expect(sourceOf(o)).toEqual([
      ['A', null],
      ['(blank)', 6],
      ['C', null],
      ['D', null],
    ]);
    expect(o.tooltip.formatter([{ dataIndex: 0, seriesIndex: 0, marker: '' }])).toBe('A<br/>v&emsp;<b>–</b>');
  });

  it('an all-null measure declared as a number still makes its series', () => {
    const o = chart(
      {
        rows: [
          { c: 'A', v: null },
          { c: 'B', v: null },
        ],
        meta: [{ name: 'v', type: 'number' }],
      },
      bar,
    );
    expect(o.series).toHaveLength(1);
    expect(column(o, 1)).toEqual([null, null]);
  });

  it('NaN, ±Infinity and numbers too large to read become null', () => {
    const o = chart(
      [
        { c: 'A', v: Number.NaN },
        { c: 'B', v: Number.POSITIVE_INFINITY },
        { c: 'C', v: Number.NEGATIVE_INFINITY },
        { c: 'D', v: '1e400' },
        { c: 'E', v: 4 },
      ],
      bar,
    );
    expect(column(o, 1)).toEqual([null, null, null, null, 4]);
    expectSound(o);
  });

  it('numeric strings are read as numbers', () => {
    const o = chart(
      [
        { c: 'A', v: '12.5' },
        { c: 'B', v: ' 7 ' },
        { c: 'C', v: '-3e2' },
        { c: 'D', v: '+.5' },
      ],
      bar,
    );
    expect(column(o, 1)).toEqual([12.5, 7, -300, 0.5]);
  });

  it('a non-numeric string in a number column names the column, the row and the value', () => {
    expectError(
      () =>
        chart(
          {
            rows: [
              { c: 'A', v: '12' },
              { c: 'B', v: 'n/a' },
            ],
            meta: [{ name: 'v', type: 'number' }],
          },
          bar,
        ),
      'type-mismatch',
      { column: 'v', row: 1 },
      'Column "v"',
      'numbers',
      'row 2',
      '"n/a"',
    );
  });

  it('mixed date formats in a date column name the row and the bad value', () => {
    expectError(
      () =>
        chart(
          {
            rows: [
              { day: '2026-01-05', v: 1 },
              { day: '01/05/2026', v: 2 },
            ],
            meta: [{ name: 'day', type: 'date' }],
          },
          { kind: 'line', encoding: { x: 'day', y: 'v' } },
        ),
      'invalid-date',
      { column: 'day', row: 1 },
      'Column "day"',
      'dates',
      'row 2',
      '01/05/2026',
      'ISO 8601',
    );
  });

  it('a calendar date that does not exist is an invalid date, not the next month', () => {
    expectError(
      () =>
        chart(
          { rows: [{ day: '2026-02-30', v: 1 }], meta: [{ name: 'day', type: 'date' }] },
          { kind: 'line', encoding: { x: 'day', y: 'v' } },
        ),
      'invalid-date',
      { column: 'day', row: 0 },
      '2026-02-30',
    );
    const o = chart([{ day: '2028-02-29', v: 1 }], { kind: 'line', encoding: { x: 'day', y: 'v' } });
    expect(sourceOf(o)).toEqual([[Date.UTC(2028, 1, 29), 1]]);
  });

  it('without a declared type, mixed date formats fall back to text categories', () => {
    const o = chart(
      [
        { day: '2026-01-05', v: 1 },
        { day: '01/05/2026', v: 2 },
      ],
      { kind: 'line', encoding: { x: 'day', y: 'v' } },
    );
    expect(o.xAxis.type).toBe('category');
    expect(categories(o)).toEqual(['2026-01-05', '01/05/2026']);
  });

  it('duplicate categories are summed (nulls ignored)', () => {
    const o = chart(
      [
        { c: 'A', v: 1 },
        { c: 'B', v: 2 },
        { c: 'A', v: 3 },
        { c: 'B', v: null },
      ],
      bar,
    );
    expect(sourceOf(o)).toEqual([
      ['A', 4],
      ['B', 2],
    ]);
    expect(
      sourceOf(
        chart(
          [
            { c: 'A', v: 1 },
            { c: 'A', v: 2 },
          ],
          { kind: 'pie', encoding: { x: 'c', y: 'v' } },
        ),
      ),
    ).toEqual([['A', 3]]);
  });

  it('a sum past the largest number is an AdapterError naming the column and row', () => {
    expectError(
      () =>
        chart(
          [
            { c: 'A', v: Number.MAX_VALUE },
            { c: 'A', v: Number.MAX_VALUE },
          ],
          bar,
        ),
      'invalid-value',
      { column: 'v', row: 1 },
      '"v"',
      'row 2',
    );
  });

  it('unicode and 5,000-character labels are kept intact', () => {
    const long = `${'長'.repeat(2500)}${'x'.repeat(2499)}é`;
    const names = ['🎉 Party 👩‍👩‍👧', 'مرحبا بالعالم', '東京都', '\u202eevil\u202c', long];
    const rows = names.map((c, i) => ({ c, v: i + 1 }));
    const o = chart(rows, bar);
    expect(categories(o)).toEqual(names);
    expect((categories(o)[4] as string).length).toBe(5000);
    expect(categories(chart(rows, { kind: 'pie', encoding: { x: 'c', y: 'v' }, sort: 'none' }))).toEqual(names);
    expect(o.tooltip.formatter([{ dataIndex: 0, seriesIndex: 0, marker: '' }])).toContain('🎉 Party 👩‍👩‍👧');
  });

  it('an unknown column in any encoding names it and lists the columns there are', () => {
    const cases: [ChartSpec, string][] = [
      [{ kind: 'bar', encoding: { x: 'nope', y: 'v' } }, 'x'],
      [{ kind: 'bar', encoding: { x: 'c', y: 'nope' } }, 'y'],
      [{ kind: 'combo', encoding: { x: 'c', y: 'v', y2: 'nope' } }, 'y2'],
      [{ kind: 'bar', encoding: { x: 'c', y: 'v', series: 'nope' } }, 'series'],
      [{ kind: 'scatter', encoding: { x: 'v', y: 'v', size: 'nope' } }, 'size'],
      [{ kind: 'heatmap', encoding: { x: 'c', y: 'c', color: 'nope' } }, 'color'],
    ];
    for (const [spec, purpose] of cases) {
      expectError(
        () => chart([{ c: 'A', v: 1 }], spec),
        'unknown-column',
        { column: 'nope' },
        `The ${purpose} column "nope"`,
        '"c", "v"',
      );
    }
  });

  it('a string, date or boolean column as a measure is a type mismatch', () => {
    const rows = [{ c: 'A', d: '2026-01-01', b: true, v: 1 }];
    expectError(
      () => chart(rows, { kind: 'bar', encoding: { x: 'v', y: 'c' } }),
      'type-mismatch',
      { column: 'c' },
      'Column "c" holds strings, not numbers',
      'bar',
    );
    expectError(() => chart(rows, { kind: 'line', encoding: { y: 'd' } }), 'type-mismatch', { column: 'd' }, 'dates');
    expectError(
      () => chart(rows, { kind: 'pie', encoding: { x: 'c', y: 'b' } }),
      'type-mismatch',
      { column: 'b' },
      'booleans',
    );
  });

  it('an unknown kind, a missing spec or encoding is an invalid spec', () => {
    expectError(
      () => chart([{ c: 'A', v: 1 }], { kind: 'radar', encoding: {} } as unknown as ChartSpec),
      'invalid-spec',
      {},
      '"radar"',
      'line, area, bar',
    );
    expectError(
      () => chart([{ c: 'A', v: 1 }], null as unknown as ChartSpec),
      'invalid-spec',
      {},
      'Unknown chart kind',
    );
    expectError(
      () => chart([{ c: 'A', v: 1 }], { kind: 'toString', encoding: {} } as unknown as ChartSpec),
      'invalid-spec',
      {},
      '"toString"',
    );
    expectError(
      () => chart([{ c: 'A', v: 1 }], { kind: 'bar' } as unknown as ChartSpec),
      'invalid-spec',
      {},
      'encoding',
    );
    expectError(
      () => chart([{ c: 'A', v: 1 }], { kind: 'bar', encoding: { x: 'c' } }),
      'invalid-spec',
      {},
      'encoding.y',
    );
  });

  it('columns input works, with metadata on each column', () => {
    const o = chart(
      [
        { name: 'c', values: ['A', 'B'] },
        { name: 'v', values: [1, '2'], label: 'Value', format: { kind: 'integer' } },
      ],
      bar,
    );
    expect(sourceOf(o)).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    expect(o.series[0]?.name).toBe('Value');
  });

  it('columns of ragged lengths name the short column', () => {
    expectError(
      () =>
        chart(
          {
            columns: [
              { name: 'c', values: ['A', 'B'] },
              { name: 'v', values: [1] },
            ],
          },
          bar,
        ),
      'ragged-columns',
      { column: 'v' },
      '"v"',
      '1 values',
      '2',
    );
  });

  it('duplicate column names (in columns or in row metadata) are refused', () => {
    expectError(
      () =>
        chart(
          [
            { name: 'v', values: [1] },
            { name: 'v', values: [2] },
          ],
          bar,
        ),
      'duplicate-column',
      { column: 'v' },
      '"v"',
      'twice',
    );
    expectError(
      () => chart({ rows: [{ c: 'A', v: 1 }], meta: [{ name: 'v' }, { name: 'v', type: 'number' }] }, bar),
      'duplicate-column',
      { column: 'v' },
      '"v"',
    );
  });

  it('a row that is not an object names the row', () => {
    expectError(() => chart([{ c: 'A', v: 1 }, 5], bar), 'invalid-input', { row: 1 }, 'Row 2', '5');
    expectError(() => chart([{ c: 'A', v: 1 }, ['A', 1]], bar), 'invalid-input', { row: 1 }, 'Row 2');
    expectError(() => chart([null], bar), 'invalid-input', { row: 0 }, 'Row 1', 'null');
    expectError(() => chart(['A'], bar), 'invalid-input', { row: 0 }, '"A"');
  });

  it('null, a number, a string or undefined as data is invalid input', () => {
    for (const [data, shown] of [
      [null, 'null'],
      [42, '42'],
      ['rows', 'rows'],
      [undefined, 'undefined'],
      [{}, '{}'],
    ] as const) {
      expectError(() => chart(data, bar), 'invalid-input', {}, 'Expected rows, columns or a result set', shown);
    }
  });

  it('result-set columns that are not columns are invalid input, not a TypeError', () => {
    expectError(() => chart({ columns: [1, 2] }, bar), 'invalid-input', {}, 'Column 1');
    expectError(
      () => chart({ columns: [{ name: 'c', values: ['A'] }, { name: 'v' }] }, bar),
      'invalid-input',
      {},
      'Column 2',
    );
  });

  it('row metadata that is not a list is ignored; a metadata entry without a name is invalid input', () => {
    const o = chart({ rows: [{ c: 'A', v: 1 }], meta: 'v' }, bar);
    expect(sourceOf(o)).toEqual([['A', 1]]);
    expectError(() => chart({ rows: [{ c: 'A', v: 1 }], meta: [null] }, bar), 'invalid-input', {}, 'name');
  });

  it('an unknown declared type or role names the column', () => {
    expectError(
      () => chart({ rows: [{ c: 'A', v: 1 }], meta: [{ name: 'v', type: 'Number' }] }, bar),
      'invalid-input',
      { column: 'v' },
      '"v"',
      'type',
      '"Number"',
    );
    expectError(
      () => chart({ rows: [{ c: 'A', v: 1 }], meta: [{ name: 'c', role: 'axis' }] }, bar),
      'invalid-input',
      { column: 'c' },
      'role',
    );
  });

  it('a result set with a row count is normalised like any columns input', () => {
    const o = chart(
      {
        columns: [
          { name: 'c', values: ['A', 'B'] },
          { name: 'v', values: ['1', Number.NaN] },
        ],
        rowCount: 2,
      },
      bar,
    );
    expect(sourceOf(o)).toEqual([
      ['A', 1],
      ['B', null],
    ]);
  });

  it('a normalised table can be passed again', () => {
    const table = toTable([
      { c: 'A', v: 1 },
      { c: 'B', v: 2 },
    ]);
    expect(sourceOf(chart(table, bar))).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('a row without an own key reads as missing, never as an Object.prototype member', () => {
    const o = chart([{ constructor: 'A', toString: 'T', v: 1 }, { v: 2 }], {
      kind: 'bar',
      encoding: { x: 'constructor', y: 'v', series: 'toString' },
    });
    expect(categories(o)).toEqual(['A', '(blank)']);
    expect(o.series.map((s) => s.name)).toEqual(['T', '(blank)']);
  });

  it('a "__proto__" column is an ordinary column', () => {
    const rows = [
      Object.fromEntries([
        ['__proto__', 'A'],
        ['v', 1],
      ]),
      { v: 2 },
    ];
    const o = chart(rows, { kind: 'bar', encoding: { x: '__proto__', y: 'v' } });
    expect(categories(o)).toEqual(['A', '(blank)']);
  });
});
