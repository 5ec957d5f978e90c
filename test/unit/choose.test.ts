// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  AdapterError,
  type ChartChoice,
  type ChartSpec,
  chooseChart,
  type DataInput,
  type Row,
  toEChartsOption,
} from '../../src/core/adapter';

const month = (i: number) => `2025-${String(i + 1).padStart(2, '0')}-01`;

const monthly: Row[] = Array.from({ length: 12 }, (_, i) => ({ month: month(i), revenue: 1000 + 50 * i }));
const monthlyByRegion: Row[] = Array.from({ length: 6 }, (_, i) =>
  ['North', 'South', 'West'].map((region, r) => ({ month: month(i), region, revenue: 100 * (r + 1) + i })),
).flat();
const monthlyByStore: Row[] = Array.from({ length: 6 }, (_, i) =>
  Array.from({ length: 10 }, (_, s) => ({ month: month(i), store: `Store ${s + 1}`, revenue: 10 * s + i })),
).flat();
const monthlyTwoMeasures: Row[] = monthlyByRegion.map((r) => ({ ...r, orders: 3 }));
const regionByProduct: Row[] = ['North', 'South', 'East', 'West'].flatMap((region, r) =>
  ['Laptops', 'Phones', 'Tablets'].map((product, p) => ({ region, product, units: 10 * r + p })),
);
const regionBySku: Row[] = ['North', 'South', 'East'].flatMap((region, r) =>
  Array.from({ length: 15 }, (_, k) => ({ region, sku: `SKU-${k + 1}`, units: r + k })),
);
const signupFunnel: Row[] = [
  { stage: 'Visited', users: 10_000 },
  { stage: 'Signed up', users: 3_200 },
  { stage: 'Activated', users: 1_800 },
  { stage: 'Paid', users: 450 },
];
const channels: Row[] = [
  { channel: 'Search', visits: 4_200 },
  { channel: 'Direct', visits: 1_800 },
  { channel: 'Email', visits: 2_600 },
  { channel: 'Social', visits: 900 },
  { channel: 'Referral', visits: 300 },
];
const fallingChannels: Row[] = [...channels].sort((a, b) => (b.visits as number) - (a.visits as number));
const profitByRegion: Row[] = [
  { region: 'North', profit: 120 },
  { region: 'South', profit: -40 },
  { region: 'East', profit: 75 },
];
const countries = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ country: `Country ${i + 1}`, population: 1000 + ((i * 7919) % 500) }));
const revenueAndMargin: Row[] = ['North', 'South', 'East', 'West'].map((region, i) => ({
  region,
  revenue: 1_200_000 + 100_000 * i,
  margin: 0.21 + i / 100,
}));
const twoYears: Row[] = ['North', 'South', 'East', 'West'].map((region, i) => ({
  region,
  revenue2024: 900 + 10 * i,
  revenue2025: 1_000 + 20 * i,
}));
const threeMeasures: Row[] = ['North', 'South', 'East'].map((region, i) => ({
  region,
  revenue: 100 + i,
  cost: 60 + i,
  profit: 40,
}));
const heightWeight: Row[] = Array.from({ length: 20 }, (_, i) => ({ height: 150 + i, weight: 50 + i / 2 }));
const heightWeightAge: Row[] = heightWeight.map((r, i) => ({ ...r, age: 20 + i }));
const readings: Row[] = [{ reading: 3 }, { reading: 5 }, { reading: 4 }];

/** Checks the common contract of a choice: reasons everywhere, and every spec renders. */
function expectUsable(data: DataInput, choice: ChartChoice) {
  expect(choice.reason.trim().length).toBeGreaterThan(0);
  for (const alternative of choice.alternatives) {
    expect(typeof alternative.reason).toBe('string');
    expect(alternative.reason.trim().length).toBeGreaterThan(0);
    expect(alternative).not.toHaveProperty('alternatives');
  }
  for (const spec of [choice, ...choice.alternatives]) {
    const option = toEChartsOption(data, spec) as { series: unknown[] };
    expect(option.series.length).toBeGreaterThan(0);
  }
}

interface Rendered {
  dataset: { source: unknown[][] };
  series: { seriesLayoutBy?: string }[];
}
/** The option's dataset as rows of [category, ...values], whichever way the series lay it out. */
function rowsOf(data: DataInput, spec: ChartSpec): unknown[][] {
  const option = toEChartsOption(data, spec) as unknown as Rendered;
  const source = option.dataset.source;
  if (!option.series.some((s) => s.seriesLayoutBy === 'row')) return source;
  return (source[0] ?? []).map((_, i) => source.map((row) => row[i]));
}

const kinds = (choice: ChartChoice) => choice.alternatives.map((a) => a.kind);

function adapterError(fn: () => unknown): AdapterError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw new Error(`expected an AdapterError, got ${String(error)}`);
  }
  throw new Error('expected an AdapterError, got a choice');
}

describe('chooseChart rule 1: time', () => {
  it('time and a measure: a line over time, with area and bars as alternatives', () => {
    const choice = chooseChart(monthly);
    expect(choice.kind).toBe('line');
    expect(choice.encoding).toEqual({ x: 'month', y: ['revenue'] });
    expect(choice.reason).toMatch(/trend/);
    expect(kinds(choice)).toEqual(['area', 'bar']);
    expect(choice.alternatives.map((a) => a.stack)).toEqual([undefined, undefined]);
    expectUsable(monthly, choice);
  });

  it('time, a measure and a dimension of at most 8 values: one line per value, stacked alternatives', () => {
    const choice = chooseChart(monthlyByRegion);
    expect(choice.kind).toBe('line');
    expect(choice.encoding).toEqual({ x: 'month', y: 'revenue', series: 'region' });
    expect(choice.reason).toContain('one line per region');
    expect(kinds(choice)).toEqual(['area', 'bar']);
    expect(choice.alternatives.map((a) => a.stack)).toEqual([true, true]);
    const option = toEChartsOption(monthlyByRegion, choice) as { series: { name: string }[] };
    expect(option.series.map((s) => s.name)).toEqual(['North', 'South', 'West']);
    expectUsable(monthlyByRegion, choice);
  });

  it('a dimension of more than 8 values does not split the line', () => {
    const choice = chooseChart(monthlyByStore);
    expect(choice.kind).toBe('line');
    expect(choice.encoding).toEqual({ x: 'month', y: ['revenue'] });
    expectUsable(monthlyByStore, choice);
  });

  it('two measures over time: one line per measure, no split', () => {
    const choice = chooseChart(monthlyTwoMeasures);
    expect(choice.kind).toBe('line');
    expect(choice.encoding).toEqual({ x: 'month', y: ['revenue', 'orders'] });
    expectUsable(monthlyTwoMeasures, choice);
  });

  it('Date objects make a time column too', () => {
    const rows = [0, 1, 2].map((i) => ({ at: new Date(Date.UTC(2026, i, 1)), v: i }));
    expect(chooseChart(rows).kind).toBe('line');
  });
});

describe('chooseChart rule 2: two dimensions', () => {
  it('the second dimension has at most 8 values: stacked bars, then grouped bars and a heatmap', () => {
    const choice = chooseChart(regionByProduct);
    expect(choice.kind).toBe('bar');
    expect(choice.stack).toBe(true);
    expect(choice.encoding).toEqual({ x: 'region', y: 'units', series: 'product' });
    expect(choice.reason).toContain('Stacked bars');
    expect(kinds(choice)).toEqual(['bar', 'heatmap']);
    expect(choice.alternatives[0]?.stack).toBeUndefined();
    expect(choice.alternatives[1]?.encoding).toEqual({ x: 'region', y: 'product', color: 'units' });
    expectUsable(regionByProduct, choice);
  });

  it('the second dimension has many values: a heatmap, then stacked bars', () => {
    const choice = chooseChart(regionBySku);
    expect(choice.kind).toBe('heatmap');
    expect(choice.encoding).toEqual({ x: 'region', y: 'sku', color: 'units' });
    expect(choice.reason).toContain('too many');
    expect(kinds(choice)).toEqual(['bar']);
    expect(choice.alternatives[0]?.stack).toBe(true);
    expectUsable(regionBySku, choice);
  });
});

describe('chooseChart rule 3: one dimension, one measure', () => {
  it('stages that only narrow: a funnel in stage order, then bars in stage order', () => {
    const choice = chooseChart(signupFunnel);
    expect(choice.kind).toBe('funnel');
    expect(choice.sort).toBe('none');
    expect(choice.encoding).toEqual({ x: 'stage', y: 'users' });
    expect(kinds(choice)).toEqual(['bar']);
    expect(choice.alternatives[0]?.sort).toBe('none');
    expect(rowsOf(signupFunnel, choice).map((r) => r[0])).toEqual(['Visited', 'Signed up', 'Activated', 'Paid']);
    expectUsable(signupFunnel, choice);
  });

  it('stages that widen again are not a funnel', () => {
    const rows = signupFunnel.map((r, i) => (i === 3 ? { ...r, users: 5_000 } : r));
    expect(chooseChart(rows).kind).not.toBe('funnel');
  });

  it('a list merely sorted by value is not a funnel: a donut', () => {
    expect(chooseChart(fallingChannels).kind).toBe('donut');
  });

  it('at most 7 categories, none negative: a donut, then sorted bars and a pie', () => {
    const choice = chooseChart(channels);
    expect(choice.kind).toBe('donut');
    expect(choice.encoding).toEqual({ x: 'channel', y: 'visits' });
    expect(choice.reason).toContain('5 categories');
    expect(kinds(choice)).toEqual(['bar', 'pie']);
    expect(choice.alternatives[0]?.sort).toBe('value-desc');
    expectUsable(channels, choice);
    expect(chooseChart(countries(7)).kind).toBe('donut');
  });

  it('a negative value rules out the donut: sorted bars', () => {
    const choice = chooseChart(profitByRegion);
    expect(choice.kind).toBe('bar');
    expect(choice.sort).toBe('value-desc');
    expectUsable(profitByRegion, choice);
  });

  it('8 to 12 categories: vertical bars sorted by value, horizontal bars as the alternative', () => {
    for (const n of [8, 12]) {
      const data = countries(n);
      const choice = chooseChart(data);
      expect(choice.kind).toBe('bar');
      expect(choice.sort).toBe('value-desc');
      expect(choice.horizontal).toBeUndefined();
      expect(choice.topN).toBeUndefined();
      expect(choice.alternatives).toHaveLength(1);
      expect(choice.alternatives[0]).toMatchObject({ kind: 'bar', horizontal: true });
      expectUsable(data, choice);
    }
  });

  it('13 to 20 categories: horizontal bars sorted by value, all kept', () => {
    const data = countries(15);
    const choice = chooseChart(data);
    expect(choice).toMatchObject({ kind: 'bar', horizontal: true, sort: 'value-desc' });
    expect(choice.topN).toBeUndefined();
    expect(choice.alternatives[0]).toMatchObject({ kind: 'bar', topN: { n: 12, other: 'Other' } });
    expectUsable(data, choice);
  });

  it('more than 20 categories: horizontal bars, the top 20 and the rest as "Other"', () => {
    const data = countries(30);
    const choice = chooseChart(data);
    expect(choice).toMatchObject({
      kind: 'bar',
      horizontal: true,
      sort: 'value-desc',
      topN: { n: 20, other: 'Other' },
    });
    expect(choice.reason).toContain('top 20');
    const rows = rowsOf(data, choice);
    expect(rows).toHaveLength(21);
    expect(rows[20]?.[0]).toBe('Other');
    expectUsable(data, choice);
  });
});

describe('chooseChart rule 4: one dimension, several measures', () => {
  it('two measures tenfold apart: bars plus a line on a second axis', () => {
    const choice = chooseChart(revenueAndMargin);
    expect(choice.kind).toBe('combo');
    expect(choice.encoding).toEqual({ x: 'region', y: 'revenue', y2: 'margin' });
    expect(kinds(choice)).toEqual(['bar', 'scatter']);
    expect(choice.alternatives[0]?.encoding).toEqual({ x: 'region', y: ['revenue', 'margin'] });
    expectUsable(revenueAndMargin, choice);
  });

  it('two measures on a similar scale: grouped bars, then combo and scatter', () => {
    const choice = chooseChart(twoYears);
    expect(choice.kind).toBe('bar');
    expect(choice.encoding).toEqual({ x: 'region', y: ['revenue2024', 'revenue2025'] });
    expect(choice.stack).toBeUndefined();
    expect(kinds(choice)).toEqual(['combo', 'scatter']);
    expectUsable(twoYears, choice);
  });

  it('three measures: grouped bars, then lines', () => {
    const choice = chooseChart(threeMeasures);
    expect(choice.kind).toBe('bar');
    expect(choice.encoding).toEqual({ x: 'region', y: ['revenue', 'cost', 'profit'] });
    expect(kinds(choice)).toEqual(['line']);
    expectUsable(threeMeasures, choice);
  });
});

describe('chooseChart rule 5: measures only', () => {
  it('two measures: a scatter', () => {
    const choice = chooseChart(heightWeight);
    expect(choice.kind).toBe('scatter');
    expect(choice.encoding).toEqual({ x: 'height', y: 'weight' });
    expect(choice.alternatives).toEqual([]);
    expectUsable(heightWeight, choice);
  });

  it('three measures: a bubble chart sized by the third, the plain scatter as the alternative', () => {
    const choice = chooseChart(heightWeightAge);
    expect(choice.kind).toBe('scatter');
    expect(choice.encoding).toEqual({ x: 'height', y: 'weight', size: 'age' });
    expect(choice.reason).toContain('bubble');
    expect(choice.alternatives.map((a) => a.encoding)).toEqual([{ x: 'height', y: 'weight' }]);
    const option = toEChartsOption(heightWeightAge, choice) as { visualMap?: { dimension: number } };
    expect(option.visualMap?.dimension).toBe(2);
    expectUsable(heightWeightAge, choice);
  });

  it('one measure: a bar per row', () => {
    const choice = chooseChart(readings);
    expect(choice.kind).toBe('bar');
    expect(choice.encoding).toEqual({ y: 'reading' });
    expect(choice.reason).toContain('a bar per row');
    expect(rowsOf(readings, choice)).toEqual([
      ['1', 3],
      ['2', 5],
      ['3', 4],
    ]);
  });

  it('metadata roles override inference: a numeric year declared a dimension groups the bars', () => {
    const data = {
      rows: [
        { year: 2024, sales: 10 },
        { year: 2025, sales: 12 },
      ],
      meta: [{ name: 'year', role: 'dimension' as const }],
    };
    const choice = chooseChart(data);
    expect(choice.kind).toBe('donut');
    expect(choice.encoding).toEqual({ x: 'year', y: 'sales' });
    expectUsable(data, choice);
  });
});

describe('chooseChart: refusals', () => {
  it('empty data is an "empty" AdapterError', () => {
    for (const data of [[], { rows: [] }, { columns: [{ name: 'v', values: [] }] }]) {
      const error = adapterError(() => chooseChart(data as DataInput));
      expect(error).toBeInstanceOf(AdapterError);
      expect(error.code).toBe('empty');
      expect(error.message).toContain('no rows');
    }
  });

  it('no numeric column is a "no-measure" AdapterError', () => {
    const error = adapterError(() =>
      chooseChart([
        { name: 'Ada', city: 'London', joined: '2026-01-05' },
        { name: 'Grace', city: 'New York', joined: '2026-02-05' },
      ]),
    );
    expect(error).toBeInstanceOf(AdapterError);
    expect(error.code).toBe('no-measure');
    expect(error.message).toContain('numeric');
    expect(error.message).toContain('table');
  });

  it('input that is not data is an "invalid-input" AdapterError', () => {
    for (const data of [null, 42, 'rows', [1, 2]]) {
      const error = adapterError(() => chooseChart(data as unknown as DataInput));
      expect(error.code).toBe('invalid-input');
    }
  });
});

describe('chooseChart: determinism and round trip', () => {
  const all: DataInput[] = [
    monthly,
    monthlyByRegion,
    monthlyByStore,
    monthlyTwoMeasures,
    regionByProduct,
    regionBySku,
    signupFunnel,
    channels,
    profitByRegion,
    countries(10),
    countries(15),
    countries(30),
    revenueAndMargin,
    twoYears,
    threeMeasures,
    heightWeight,
    heightWeightAge,
    readings,
  ];

  it('the same input twice gives deep-equal choices, even from a copy of the data', () => {
    for (const data of all) {
      const first = chooseChart(data);
      expect(chooseChart(data)).toEqual(first);
      expect(chooseChart(structuredClone(data))).toEqual(first);
    }
  });

  it('alternatives differ from the choice', () => {
    const specOf = ({ reason: _reason, alternatives: _alternatives, ...spec }: ChartChoice) => spec;
    for (const data of all) {
      const choice = chooseChart(data);
      const best = specOf(choice);
      for (const { reason: _reason, ...alternative } of choice.alternatives) {
        expect(JSON.stringify(alternative)).not.toBe(JSON.stringify(best));
      }
    }
  });

  it('every choice and alternative renders without error', () => {
    for (const data of all) {
      const choice = chooseChart(data);
      expectUsable(data, choice);
      const spec: ChartSpec = choice;
      expect(() => toEChartsOption(data, spec, { locale: 'de-DE' })).not.toThrow();
    }
  });
});
