import { describe, expect, it } from 'vitest';
import {
  AdapterError,
  type ChartChoice,
  type ChartSpec,
  chooseChart,
  type DataInput,
  explainChart,
  type Row,
  toEChartsOption,
  toTable,
} from '../../src/core/adapter';
import { adapterError } from '../fixtures/errors';

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
const skuByStore: Row[] = Array.from({ length: 10 }, (_, s) =>
  Array.from({ length: 15 }, (_, k) => ({ store: `Store ${s + 1}`, sku: `SKU-${k + 1}`, units: s + k })),
).flat();
const genderByCountry: Row[] = ['Female', 'Male'].flatMap((gender, g) =>
  Array.from({ length: 10 }, (_, c) => ({ gender, country: `Country ${c + 1}`, people: 100 * g + c })),
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
const revenueByYear: Row[] = [2023, 2021, 2024, 2022].map((year) => ({ year, revenue: 1_000 + 10 * (year % 7) }));
const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ordersByWeekday: Row[] = weekdays.map((day, i) => ({ day, orders: 100 + ((i * 37) % 50) }));
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const signupsByMonth: Row[] = monthNames.map((month, i) => ({ month, signups: 50 + ((i * 29) % 40) }));
const salesByZip: Row[] = [
  { zip: '02139', sales: 120 },
  { zip: '10001', sales: 340 },
  { zip: '94105', sales: 210 },
];

/** Checks the common contract of a choice: reasons everywhere, and every spec renders. */
function expectUsable(data: DataInput, choice: ChartChoice) {
  expect(explainChart(choice.reason).trim().length).toBeGreaterThan(0);
  for (const alternative of choice.alternatives) {
    expect(explainChart(alternative.reason).trim().length).toBeGreaterThan(0);
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

describe('chooseChart rule 1: time', () => {
  it('time and a measure: a line over time, with area and bars as alternatives', () => {
    const choice = chooseChart(monthly);
    expect(choice.kind).toBe('line');
    expect(choice.encoding).toEqual({ x: 'month', y: ['revenue'] });
    expect(explainChart(choice.reason)).toMatch(/trend/);
    expect(kinds(choice)).toEqual(['area', 'bar']);
    expect(choice.alternatives.map((a) => a.stack)).toEqual([undefined, undefined]);
    expectUsable(monthly, choice);
  });

  it('time, a measure and a dimension of at most 8 values: one line per value, stacked alternatives', () => {
    const choice = chooseChart(monthlyByRegion);
    expect(choice.kind).toBe('line');
    expect(choice.encoding).toEqual({ x: 'month', y: 'revenue', series: 'region' });
    expect(explainChart(choice.reason)).toContain('one line per region');
    expect(kinds(choice)).toEqual(['area', 'bar']);
    expect(choice.alternatives.map((a) => a.stack)).toEqual([true, true]);
    const option = toEChartsOption(monthlyByRegion, choice) as { series: { name: string }[] };
    expect(option.series.map((s) => s.name)).toEqual(['North', 'South', 'West']);
    expectUsable(monthlyByRegion, choice);
  });

  it('a dimension of more than 8 values does not split the line: the reason says it is summed per period', () => {
    const choice = chooseChart(monthlyByStore);
    expect(choice.kind).toBe('line');
    expect(choice.encoding).toEqual({ x: 'month', y: ['revenue'] });
    expect(explainChart(choice.reason)).toContain('revenue is summed per period over the 10 store values');
    // topN folds categories, not series, and is ignored on a time axis: no top-N split is offered.
    expect(choice.alternatives.some((a) => a.topN !== undefined)).toBe(false);
    // The line really is the sum over stores: month 1 is 0 + 10 + … + 90.
    const option = toEChartsOption(monthlyByStore, choice) as { dataset: { source: unknown[][] } };
    expect(option.dataset.source[1]?.[0]).toBe(450);
    expectUsable(monthlyByStore, choice);
  });

  it('a split line does not mention summing', () => {
    expect(explainChart(chooseChart(monthlyByRegion).reason)).not.toContain('summed');
    expect(explainChart(chooseChart(monthly).reason)).not.toContain('summed');
  });

  it('two measures over time: one line per measure, no split, the dimension summed per period', () => {
    const choice = chooseChart(monthlyTwoMeasures);
    expect(choice.kind).toBe('line');
    expect(choice.encoding).toEqual({ x: 'month', y: ['revenue', 'orders'] });
    expect(explainChart(choice.reason)).toContain('Each measure is summed per period over the 3 region values');
    expectUsable(monthlyTwoMeasures, choice);
  });

  it('Date objects make a time column too', () => {
    const rows = [0, 1, 2].map((i) => ({ at: new Date(Date.UTC(2026, i, 1)), v: i }));
    expect(chooseChart(rows).kind).toBe('line');
  });
});

describe('chooseChart rule 2: two dimensions', () => {
  it('the dimension with fewer values (at most 8) is the series: stacked bars, then grouped bars and a heatmap', () => {
    const choice = chooseChart(regionByProduct);
    expect(choice.kind).toBe('bar');
    expect(choice.stack).toBe(true);
    expect(choice.encoding).toEqual({ x: 'region', y: 'units', series: 'product' });
    expect(explainChart(choice.reason)).toContain('Stacked bars');
    expect(kinds(choice)).toEqual(['bar', 'heatmap']);
    expect(choice.alternatives[0]?.stack).toBeUndefined();
    expect(choice.alternatives[1]?.encoding).toEqual({ x: 'region', y: 'product', color: 'units' });
    expectUsable(regionByProduct, choice);
  });

  it('many values in one dimension and few in the other: stacked bars along the many, split by the few', () => {
    const choice = chooseChart(regionBySku);
    expect(choice).toMatchObject({ kind: 'bar', stack: true, encoding: { x: 'sku', y: 'units', series: 'region' } });
    expect(explainChart(choice.reason)).toContain('region (3 values, the fewer)');
    expect(kinds(choice)).toEqual(['bar', 'heatmap']);
    expect(choice.alternatives[1]?.encoding).toEqual({ x: 'sku', y: 'region', color: 'units' });
    expectUsable(regionBySku, choice);
  });

  it('gender × country (2 × 10): stacked bars by country split by gender, whichever column comes first', () => {
    const choice = chooseChart(genderByCountry);
    expect(choice).toMatchObject({
      kind: 'bar',
      stack: true,
      encoding: { x: 'country', y: 'people', series: 'gender' },
    });
    const option = toEChartsOption(genderByCountry, choice) as { series: { name: string }[] };
    expect(option.series.map((s) => s.name)).toEqual(['Female', 'Male']);
    expectUsable(genderByCountry, choice);
    const swapped = genderByCountry.map(({ gender, country, people }) => ({ country, gender, people }));
    expect(chooseChart(swapped).encoding).toEqual(choice.encoding);
  });

  it('both dimensions have more than 8 values: a heatmap with the larger on x, then stacked bars', () => {
    const choice = chooseChart(skuByStore);
    expect(choice.kind).toBe('heatmap');
    expect(choice.encoding).toEqual({ x: 'sku', y: 'store', color: 'units' });
    expect(explainChart(choice.reason)).toContain('too many');
    expect(kinds(choice)).toEqual(['bar']);
    expect(choice.alternatives[0]).toMatchObject({ stack: true, encoding: { x: 'sku', series: 'store' } });
    expectUsable(skuByStore, choice);
  });

  it('a tie keeps the given order: the second dimension is the series', () => {
    const rows = ['A', 'B'].flatMap((a) => ['X', 'Y'].map((b) => ({ a, b, v: 1 })));
    expect(chooseChart(rows).encoding).toEqual({ x: 'a', y: 'v', series: 'b' });
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
    expect(explainChart(choice.reason)).toContain('5 categories');
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
    expect(choice.alternatives[0]).toMatchObject({ kind: 'bar', topN: { n: 12 } });
    expectUsable(data, choice);
  });

  it('more than 20 categories: horizontal bars, the top 20 and the rest as "Other"', () => {
    const data = countries(30);
    const choice = chooseChart(data);
    expect(choice).toMatchObject({
      kind: 'bar',
      horizontal: true,
      sort: 'value-desc',
      topN: { n: 20 },
    });
    expect(explainChart(choice.reason)).toContain('top 20');
    const rows = rowsOf(data, choice);
    expect(rows).toHaveLength(21);
    expect(rows[20]?.[0]).toBe('Other');
    expectUsable(data, choice);
  });
});

describe('chooseChart rule 3: only a whole makes a donut', () => {
  const byRegion = (measure: string): Row[] =>
    ['North', 'South', 'East', 'West'].map((region, i) => ({ region, [measure]: 10 + i }));

  it('a measure named like an average, rate, share or price: bars sorted by value, no donut', () => {
    for (const name of [
      'avg_order',
      'Average',
      'mean_basket',
      'median_age',
      'conversion_rate',
      'ratio',
      'pct_done',
      'percent_done',
      'market_share',
      'unit_price',
      'margin',
      'nps_score',
      'price_index',
      'revenue_per_user',
    ]) {
      const data = byRegion(name);
      const choice = chooseChart(data);
      expect(choice, name).toMatchObject({ kind: 'bar', sort: 'value-desc', encoding: { x: 'region', y: name } });
      expect(explainChart(choice.reason)).toContain('not parts of a whole, so no donut');
      expect(kinds(choice)).toEqual(['bar']);
      expect(choice.alternatives[0]?.horizontal).toBe(true);
      expectUsable(data, choice);
    }
  });

  it('a label like an average, or a percent format, rules out the donut too', () => {
    const rows = byRegion('v');
    expect(chooseChart({ rows, meta: [{ name: 'v', label: 'Mean basket' }] }).kind).toBe('bar');
    expect(chooseChart({ rows, meta: [{ name: 'v', format: { kind: 'percent' } }] }).kind).toBe('bar');
    expect(chooseChart({ rows, meta: [{ name: 'v', format: { kind: 'integer' } }] }).kind).toBe('donut');
    expect(chooseChart(rows).kind).toBe('donut');
  });

  it('single-row data never gets a donut', () => {
    const rows = [{ channel: 'Search', visits: 4_200 }];
    const choice = chooseChart(rows);
    expect(choice.kind).toBe('bar');
    expect(explainChart(choice.reason)).not.toContain('donut');
    expectUsable(rows, choice);
    // Two rows of the same category are still one part.
    expect(chooseChart([...rows, ...rows]).kind).toBe('bar');
  });

  it('two parts are enough for a donut', () => {
    expect(chooseChart(channels.slice(0, 2)).kind).toBe('donut');
  });
});

describe('chooseChart rule 3: sequences keep their order', () => {
  it('weekday names: bars in the given order (sort none), then a line; no donut', () => {
    const choice = chooseChart(ordersByWeekday);
    expect(choice).toMatchObject({ kind: 'bar', sort: 'none', encoding: { x: 'day', y: 'orders' } });
    expect(explainChart(choice.reason)).toContain('weekday names');
    expect(kinds(choice)).toEqual(['line']);
    expect(choice.alternatives[0]?.sort).toBe('none');
    expect(rowsOf(ordersByWeekday, choice).map((r) => r[0])).toEqual(weekdays);
    expectUsable(ordersByWeekday, choice);
  });

  it('full weekday names in any case, and a week that starts on Sunday, keep their order', () => {
    const names = ['sunday', 'Monday', 'TUESDAY', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const rows = names.map((day, i) => ({ day, orders: i % 3 }));
    const choice = chooseChart(rows);
    expect(choice).toMatchObject({ kind: 'bar', sort: 'none' });
    expect(rowsOf(rows, choice).map((r) => r[0])).toEqual(names);
  });

  it('month names: bars in the given order, not by value', () => {
    const choice = chooseChart(signupsByMonth);
    expect(choice).toMatchObject({ kind: 'bar', sort: 'none', encoding: { x: 'month', y: 'signups' } });
    expect(choice.horizontal).toBeUndefined();
    expect(rowsOf(signupsByMonth, choice).map((r) => r[0])).toEqual(monthNames);
    expectUsable(signupsByMonth, choice);
    const full = ['January', 'February', 'March', 'Sept.'].map((month, i) => ({ month, n: i }));
    expect(chooseChart(full).sort).toBe('none');
  });

  it('a name that is not a weekday or month makes plain categories again', () => {
    const rows = [...ordersByWeekday.slice(0, 6), { day: 'Holiday', orders: 5 }];
    expect(chooseChart(rows).kind).toBe('donut');
    const mixed = [
      { when: 'Mon', n: 1 },
      { when: 'Jan', n: 2 },
    ];
    expect(chooseChart(mixed).kind).toBe('donut');
  });
});

describe('chooseChart: numbers that are labels', () => {
  it('year + revenue: bars over the years in ascending order, then a line — not a scatter', () => {
    const choice = chooseChart(revenueByYear);
    expect(choice).toMatchObject({ kind: 'bar', sort: 'category', encoding: { x: 'year', y: 'revenue' } });
    expect(kinds(choice)).toEqual(['line']);
    expect(choice.alternatives[0]?.encoding).toEqual({ x: 'year', y: 'revenue' });
    expect(rowsOf(revenueByYear, choice).map((r) => r[0])).toEqual(['2021', '2022', '2023', '2024']);
    expectUsable(revenueByYear, choice);
  });

  it('more than 12 years: a line over the years first', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ fiscal_year: 2000 + i, revenue: i * i }));
    const choice = chooseChart(rows);
    expect(choice).toMatchObject({ kind: 'line', sort: 'category', encoding: { x: 'fiscal_year', y: 'revenue' } });
    expect(choice.alternatives[0]).toMatchObject({ kind: 'bar', sort: 'category' });
    expect(choice.topN).toBeUndefined();
    expectUsable(rows, choice);
  });

  it('integers in a column named like a year, an id or a code are a dimension of numbers', () => {
    for (const name of [
      'year',
      'Year',
      'fiscal_year',
      'yr',
      'fiscal_yr',
      'year_start',
      'id',
      'user_id',
      'country_code',
      'zip',
      'zipcode',
      'postal',
    ]) {
      const [column] = toTable([{ [name]: 2024 }, { [name]: '2025' }, { [name]: null }]).columns;
      expect(column, name).toMatchObject({ type: 'number', role: 'dimension' });
    }
  });

  it('other names, non-integers and declared roles stay as they were', () => {
    const roleOf = (data: Parameters<typeof toTable>[0]) => toTable(data).columns[0]?.role;
    for (const name of ['revenue', 'revenue2024', 'paid', 'grid', 'userId', 'barcode']) {
      expect(roleOf([{ [name]: 1 }, { [name]: 2 }]), name).toBe('measure');
    }
    expect(roleOf([{ year: 2024.5 }, { year: 2025 }])).toBe('measure');
    expect(roleOf({ rows: [{ year: 2024 }], meta: [{ name: 'year', role: 'measure' }] })).toBe('measure');
    expect(roleOf([{ year: '2024' }, { year: 'n/a' }])).toBe('dimension');
  });

  it('an id next to a measure: bars ranked by value, not a scatter of id against value', () => {
    const rows = [3, 1, 2].map((id) => ({ user_id: id, spend: 10 * id }));
    const choice = chooseChart(rows);
    expect(choice).toMatchObject({ kind: 'donut', encoding: { x: 'user_id', y: 'spend' } });
    const many = Array.from({ length: 10 }, (_, id) => ({ user_id: id, spend: (id * 7) % 10 }));
    expect(chooseChart(many)).toMatchObject({ kind: 'bar', sort: 'value-desc', encoding: { x: 'user_id' } });
  });

  it('numeric strings with a leading zero are codes: zip codes stay strings and make a dimension', () => {
    const [zip, sales] = toTable(salesByZip).columns;
    expect(zip).toMatchObject({ type: 'string', role: 'dimension', values: ['02139', '10001', '94105'] });
    expect(sales).toMatchObject({ type: 'number', role: 'measure' });
    // Not only when the first value has the zero.
    const later = toTable([{ code: '10001' }, { code: '02139' }]).columns[0];
    expect(later).toMatchObject({ type: 'string', values: ['10001', '02139'] });
    for (const text of ['007', '00', ' 0123', '-01', '+00.5']) {
      expect(toTable([{ v: text }]).columns[0]?.type, text).toBe('string');
    }
    const choice = chooseChart(salesByZip);
    expect(choice.encoding).toEqual({ x: 'zip', y: 'sales' });
    expect(rowsOf(salesByZip, choice).map((r) => r[0])).toContain('02139');
    expectUsable(salesByZip, choice);
  });

  it("'0', '0.5', '-0.5' and '0e3' are still numbers, and a declared number column reads '02139' as 2139", () => {
    expect(toTable([{ v: '0' }, { v: '0.5' }, { v: '-0.5' }, { v: '0e3' }, { v: '10' }]).columns[0]).toMatchObject({
      type: 'number',
      values: [0, 0.5, -0.5, 0, 10],
    });
    const declared = toTable({ rows: [{ v: '02139' }], meta: [{ name: 'v', type: 'number' }] }).columns[0];
    expect(declared).toMatchObject({ type: 'number', values: [2139] });
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
    expect(explainChart(choice.reason)).toContain('bubble');
    expect(choice.alternatives.map((a) => a.encoding)).toEqual([{ x: 'height', y: 'weight' }]);
    const option = toEChartsOption(heightWeightAge, choice) as { visualMap?: { dimension: number } };
    expect(option.visualMap?.dimension).toBe(2);
    expectUsable(heightWeightAge, choice);
  });

  it('one measure: a bar per row', () => {
    const choice = chooseChart(readings);
    expect(choice.kind).toBe('bar');
    expect(choice.encoding).toEqual({ y: 'reading' });
    expect(explainChart(choice.reason)).toContain('a bar per row');
    expect(rowsOf(readings, choice)).toEqual([
      ['1', 3],
      ['2', 5],
      ['3', 4],
    ]);
  });

  it('metadata roles override inference: a number declared a dimension groups the bars, in order', () => {
    const data = {
      rows: [
        { size: 42, sales: 10 },
        { size: 38, sales: 12 },
      ],
      meta: [{ name: 'size', role: 'dimension' as const }],
    };
    const choice = chooseChart(data);
    expect(choice).toMatchObject({ kind: 'bar', sort: 'category', encoding: { x: 'size', y: 'sales' } });
    expect(rowsOf(data, choice).map((r) => r[0])).toEqual(['38', '42']);
    expectUsable(data, choice);
    // Undeclared, the same two numbers are measures: a scatter.
    expect(chooseChart(data.rows).kind).toBe('scatter');
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
    skuByStore,
    genderByCountry,
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
    revenueByYear,
    ordersByWeekday,
    signupsByMonth,
    salesByZip,
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
