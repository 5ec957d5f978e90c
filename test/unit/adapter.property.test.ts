import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AdapterError,
  type AdapterErrorCode,
  type ChartKind,
  type ChartSpec,
  chooseChart,
  type DataInput,
  explainChart,
  toEChartsOption,
} from '../../src/core/adapter';

const RUNS = { numRuns: 1000 };
const TIMEOUT = 30_000;

const KINDS: ChartKind[] = ['line', 'area', 'bar', 'combo', 'pie', 'donut', 'scatter', 'heatmap', 'funnel'];
const CARTESIAN = new Set<ChartKind>(['line', 'area', 'bar', 'combo']);
const CODES = new Set<AdapterErrorCode>([
  'invalid-input',
  'empty',
  'unknown-column',
  'duplicate-column',
  'ragged-columns',
  'type-mismatch',
  'invalid-date',
  'invalid-value',
  'no-measure',
  'invalid-spec',
]);

const HTML = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>'];
/** Column names: ordinary, prototype-like, HTML, unicode, blank. */
const NAMES = ['a', 'b', 'value', '__proto__', 'constructor', 'toString', HTML[0] as string, '名前 🎉', 'مرحبا', ''];
/** Names an encoding may use that no column has. */
const MISSING = ['missing', 'hasOwnProperty', 'valueOf'];

const hostileText = fc.constantFrom(
  ...HTML,
  'javascript:alert(1)',
  '__proto__',
  '\u202eevil\u202c',
  '東京',
  '👩‍👩‍👧',
  '(blank)',
  'Other',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-0',
  '0x10',
  ' ',
  '',
);
const isoText = fc.oneof(
  fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
    .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10), d.toISOString().slice(0, 7))),
  fc.constantFrom('2026-01-05', '01/05/2026', '2026-02-30', '2026-13-01', '2026-01-05 14:00', '2026-01-05T14:00+08:00'),
);
const number = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e308,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER,
  ),
);
const numericText = fc.oneof(
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(' 12 ', '+.5', '-3e2', '1e400', '1.', '.'),
);
const nested = fc.oneof(
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.object({ maxDepth: 1, maxKeys: 3 }),
  fc.constant({ toString: () => '<img>' }),
  fc.constant(Object.create(null)),
  fc.bigInt(),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  number,
  numericText,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  hostileText,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
  fc.constant(new Date(Number.NaN)),
  isoText,
  nested,
);
/** Columns are mostly of one flavour, so that charts get built as well as refused. */
const flavours: fc.Arbitrary<unknown>[] = [
  fc.oneof({ weight: 6, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom(null, undefined, '') }),
  fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -50, max: 500 }) }, { weight: 1, arbitrary: anyValue }),
  numericText,
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('North', 'South', 'East', ...HTML) },
    { weight: 1, arbitrary: anyValue },
  ),
  fc.oneof({ weight: 4, arbitrary: isoText }, { weight: 1, arbitrary: fc.date() }),
  fc.boolean(),
  anyValue,
];

interface GenColumn {
  name: string;
  values: unknown[];
}

/** Flavour weights: numbers most often, so that measures exist. */
const FLAVOUR_WEIGHTS = [4, 4, 2, 3, 2, 1, 2];
const flavourArb = fc.oneof(
  ...flavours.map((arbitrary, i) => ({ weight: FLAVOUR_WEIGHTS[i] ?? 1, arbitrary: fc.constant(arbitrary) })),
);
const columnsArb = fc
  .oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 20, arbitrary: fc.integer({ min: 1, max: 30 }) })
  .chain((rowCount) =>
    fc.uniqueArray(
      fc.record({
        name: fc.constantFrom(...NAMES),
        values: flavourArb.chain((flavour) => fc.array(flavour, { minLength: rowCount, maxLength: rowCount })),
      }),
      { minLength: 1, maxLength: 6, selector: (c) => c.name },
    ),
  );

const metaArb = (names: string[]) =>
  fc.array(
    fc.record(
      {
        name: fc.constantFrom(...names, 'missing'),
        type: fc.constantFrom('number', 'string', 'date', 'boolean', 'Number'),
        role: fc.constantFrom('dimension', 'measure', 'time', 'axis'),
        label: fc.oneof(hostileText, fc.integer()),
        format: fc.constantFrom(
          { kind: 'currency', currency: 'USD' },
          { kind: 'currency', currency: 'ZZZ' },
          { kind: 'compact' },
          { kind: 'percent' },
          { kind: 'date', grain: 'month' },
          { kind: 'duration' },
          { kind: 'bogus' },
        ),
        axisFormat: fc.constantFrom({ kind: 'compact' }, { kind: 'integer' }),
      },
      { requiredKeys: ['name'] },
    ),
    { maxLength: 3 },
  );

/** A row object with own keys only (including "__proto__"), some cells left out. */
const toRows = (columns: GenColumn[], omit: boolean[], nullProto: boolean) => {
  const rowCount = columns[0]?.values.length ?? 0;
  return Array.from({ length: rowCount }, (_, row) => {
    const entries = columns.filter((_, c) => !omit[(row + c) % omit.length]).map((c) => [c.name, c.values[row]]);
    const object = Object.fromEntries(entries);
    return nullProto ? Object.assign(Object.create(null), object) : object;
  });
};

/** Which cells a row leaves out: few, so that columns still exist. */
const mostlyFalse = fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

/** Data in every shape the adapter takes, plus some it does not, with the column names it may have. */
const caseData: fc.Arbitrary<{ data: unknown; names: string[] }> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(columnsArb, fc.array(mostlyFalse, { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([columns, omit, nullProto]) => ({
        data: toRows(columns, omit, nullProto),
        names: columns.map((c) => c.name),
      })),
  },
  { weight: 2, arbitrary: columnsArb.map((columns) => ({ data: columns, names: columns.map((c) => c.name) })) },
  {
    weight: 2,
    arbitrary: columnsArb.chain((columns) =>
      metaArb(columns.map((c) => c.name)).map((meta) => ({
        data: { rows: toRows(columns, [false], false), meta },
        names: columns.map((c) => c.name),
      })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(columnsArb, fc.integer({ min: 0, max: 2 })).map(([columns, cut]) => ({
      data: {
        columns: columns.map((c, i) => (i === 1 ? { ...c, values: c.values.slice(cut) } : c)),
        rowCount: columns[0]?.values.length ?? 0,
      },
      names: columns.map((c) => c.name),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom(null, undefined, 42, 'rows', {}, { rows: 'x' }, { columns: [1] }, { rows: [], meta: 'x' }),
        fc.array(anyValue, { maxLength: 4 }),
      )
      .map((data) => ({ data, names: NAMES })),
  },
);
const dataArb = caseData.map(({ data }) => data);

/** A spec over the data's column names (and some it does not have): any kind, any option. */
const specArb = (names: readonly string[]): fc.Arbitrary<ChartSpec> => {
  const ref = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...(names.length ? names : NAMES)) },
    { weight: 1, arbitrary: fc.constantFrom(...MISSING, ...NAMES) },
  );
  const refs = fc.oneof({ weight: 3, arbitrary: ref }, { weight: 1, arbitrary: fc.array(ref, { maxLength: 3 }) });
  const maybe = <T>(arb: fc.Arbitrary<T>, freq: number) => fc.option(arb, { nil: undefined, freq });
  return fc.record(
    {
      kind: fc.constantFrom(...KINDS),
      encoding: fc.record({
        x: maybe(ref, 6),
        y: maybe(refs, 10),
        y2: maybe(refs, 2),
        series: maybe(ref, 2),
        size: maybe(ref, 2),
        color: maybe(ref, 2),
      }),
      stack: fc.constantFrom(true, false, 'percent' as const),
      horizontal: fc.boolean(),
      sort: fc.constantFrom('none' as const, 'category' as const, 'value-asc' as const, 'value-desc' as const),
      topN: fc.record(
        {
          n: fc.oneof(
            { weight: 15, arbitrary: fc.integer({ min: 1, max: 6 }) },
            { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -1, max: 0 }), fc.double()) },
          ),
          other: hostileText,
        },
        { requiredKeys: ['n'] },
      ),
      labels: fc.boolean(),
      decal: fc.boolean(),
      title: hostileText,
      description: hostileText,
    },
    { requiredKeys: ['kind', 'encoding'] },
  );
};
const localeArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(undefined, 'en-US', 'de-DE', 'ja-JP', 'ar-EG') },
  { weight: 1, arbitrary: fc.constantFrom('not a locale!', '') },
);
const caseArb = caseData.chain(({ data, names }) => fc.tuple(fc.constant(data), specArb(names), localeArb));

/** The outcome of a call: a value, or an error that must be an AdapterError with a known code and a message. */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AdapterError);
    const e = error as AdapterError;
    expect(CODES.has(e.code)).toBe(true);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    return undefined;
  }
}

/** Paths of every function in the option, walking own enumerable string keys. */
function functionPaths(value: unknown, path: string[] = [], out: string[][] = [], seen = new Set<unknown>()) {
  if (typeof value === 'function') out.push(path);
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  for (const key of Object.keys(value)) {
    functionPaths((value as Record<string, unknown>)[key], [...path, key], out, seen);
  }
  return out;
}

/** Every number inside, recursively. */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, out);
  return out;
}

interface Option {
  dataset?: { source: unknown[][] } | { source: unknown[][] }[];
  series: { type: string; name?: unknown; data?: unknown; seriesLayoutBy?: string }[];
  xAxis?: { type: string; data?: unknown[] };
  yAxis?: { type: string; data?: unknown[] } | { type: string }[];
  tooltip: { formatter: (params: unknown) => unknown };
  aria: { enabled: boolean; label: { description: unknown } };
}

const isCategory = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function checkOption(option: Option, kind: ChartKind) {
  const sources = option.dataset === undefined ? [] : Array.isArray(option.dataset) ? option.dataset : [option.dataset];
  for (const n of sources.flatMap((d) => numbersIn(d.source))) expect(Number.isFinite(n)).toBe(true);
  for (const s of option.series) for (const n of numbersIn(s.data)) expect(Number.isFinite(n)).toBe(true);
  for (const s of option.series) {
    if (CARTESIAN.has(kind) || kind === 'scatter' || kind === 'heatmap') expect(typeof s.name).toBe('string');
    else expect(s.name === undefined || typeof s.name === 'string').toBe(true);
  }
  // The first dataset as rows of [category, ...values], whichever way the series lay it out.
  const first = sources[0]?.source ?? [];
  // Without series (every row dropped, e.g. a time column with no times) there is nothing to read.
  const table =
    option.series.length === 0
      ? []
      : option.series.some((s) => s.seriesLayoutBy === 'row')
        ? (first[0] ?? []).map((_, i) => first.map((row) => row[i]))
        : first;
  if (CARTESIAN.has(kind) || kind === 'pie' || kind === 'donut' || kind === 'funnel') {
    for (const row of table) {
      expect(isCategory(row[0])).toBe(true);
      for (const cell of row.slice(1)) expect(cell === null || typeof cell === 'number').toBe(true);
    }
  }
  if (CARTESIAN.has(kind)) {
    const axes = [option.xAxis, ...(Array.isArray(option.yAxis) ? option.yAxis : [option.yAxis])];
    const categoryAxis = axes.find((a) => a?.type === 'category' || a?.type === 'time');
    for (const row of table) {
      expect(typeof row[0]).toBe(categoryAxis?.type === 'time' ? 'number' : 'string');
    }
  }
  for (const axis of [option.xAxis, option.yAxis].flat()) {
    const data = axis && 'data' in axis ? axis.data : undefined;
    for (const v of data ?? []) expect(isCategory(v)).toBe(true);
  }
  const fns = functionPaths(option);
  for (const path of fns) expect(path.at(-1)).toBe('formatter');
  expect(option.aria.enabled).toBe(true);
  expect(typeof option.aria.label.description).toBe('string');
  // The tooltip writes HTML: whatever it is called with, it returns a string with no raw payload.
  const rows = table.length;
  for (let i = 0; i < Math.min(rows, 3); i++) {
    for (const params of [
      [{ dataIndex: i, seriesIndex: 0, marker: '' }],
      { dataIndex: i, seriesIndex: 0, marker: '', data: (option.series[0]?.data as unknown[] | undefined)?.[i] },
    ]) {
      const html = option.tooltip.formatter(params);
      expect(typeof html).toBe('string');
      expect(html as string).not.toMatch(/<(img|script|svg)/i);
    }
  }
}

describe('toEChartsOption on hostile data and specs', () => {
  it(
    'returns a sound option or throws an AdapterError, nothing else',
    () => {
      let built = 0;
      fc.assert(
        fc.property(caseArb, ([data, spec, locale]) => {
          const option = attempt(() => toEChartsOption(data as DataInput, spec, locale ? { locale } : {}));
          if (option) {
            built++;
            checkOption(option as unknown as Option, spec.kind);
          }
        }),
        RUNS,
      );
      // The property is only meaningful if a fair share of the runs build an option.
      expect(built).toBeGreaterThan(50);
    },
    TIMEOUT,
  );

  it(
    'builds every kind from well-typed columns with well-formed specs',
    () => {
      const typed = fc.integer({ min: 1, max: 30 }).chain((n) =>
        fc.record({
          c: fc.array(fc.oneof(fc.constantFrom('North', 'South', ...HTML), fc.constant(null)), {
            minLength: n,
            maxLength: n,
          }),
          d: fc.array(fc.oneof(fc.constantFrom('x', 'y'), fc.string({ maxLength: 3 })), { minLength: n, maxLength: n }),
          v: fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(null)), { minLength: n, maxLength: n }),
          w: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n }),
        }),
      );
      const specs: ChartSpec[] = [
        { kind: 'line', encoding: { x: 'c', y: ['v', 'w'] } },
        { kind: 'area', encoding: { x: 'c', y: 'v', series: 'd' }, stack: 'percent' },
        { kind: 'bar', encoding: { x: 'c', y: 'w', series: 'd' }, stack: true, horizontal: true, topN: { n: 2 } },
        { kind: 'combo', encoding: { x: 'd', y: 'v', y2: 'w' }, sort: 'value-desc', labels: true },
        { kind: 'pie', encoding: { x: 'c', y: 'v' }, topN: { n: 3 } },
        { kind: 'donut', encoding: { x: 'd', y: 'v' } },
        { kind: 'funnel', encoding: { x: 'c', y: 'w' } },
        { kind: 'scatter', encoding: { x: 'v', y: 'w', size: 'v', color: 'c' } },
        { kind: 'heatmap', encoding: { x: 'c', y: 'd', color: 'w' } },
      ];
      fc.assert(
        fc.property(typed, fc.constantFrom(...specs), ({ c, d, v, w }, spec) => {
          const rows = c.map((_, i) => ({ c: c[i], d: d[i], v: v[i], w: w[i] }));
          const meta = [
            { name: 'v', type: 'number' as const },
            { name: 'w', type: 'number' as const },
          ];
          const option = toEChartsOption({ rows, meta }, spec) as unknown as Option;
          checkOption(option, spec.kind);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('chooseChart on hostile data', () => {
  it(
    'returns a choice or throws an AdapterError; a choice renders or throws only an AdapterError',
    () => {
      let chosen = 0;
      fc.assert(
        fc.property(dataArb, (data) => {
          const choice = attempt(() => chooseChart(data as DataInput));
          if (!choice) return;
          chosen++;
          expect(KINDS).toContain(choice.kind);
          expect(explainChart(choice.reason).length).toBeGreaterThan(0);
          for (const spec of [choice, ...choice.alternatives]) {
            const option = attempt(() => toEChartsOption(data as DataInput, spec));
            if (option) checkOption(option as unknown as Option, spec.kind);
          }
          expect(chooseChart(data as DataInput)).toEqual(choice);
        }),
        RUNS,
      );
      expect(chosen).toBeGreaterThan(50);
    },
    TIMEOUT,
  );
});

describe("the adapter's HTML escape", () => {
  it("escapes exactly what ECharts' format.encodeHTML escapes, so options need no ECharts to be written", async () => {
    const { format } = await import('echarts/core');
    const { escapeHTML } = await import('../../src/core/adapter/context');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '&', '<', '>', '"', "'", '`', 'é', ' ') }),
        (text) => escapeHTML(text) === format.encodeHTML(text),
      ),
    );
    fc.assert(fc.property(fc.string(), (text) => escapeHTML(text) === format.encodeHTML(text)));
    expect(escapeHTML('<b onmouseover="x">&\'')).toBe('&lt;b onmouseover=&quot;x&quot;&gt;&amp;&#39;');
  });

  it('writes grid bounds for the ECharts version it is given', async () => {
    const { toEChartsOption } = await import('../../src/core/adapter');
    const rows = [{ region: 'NCR', revenue: 1 }];
    const spec = { kind: 'bar', encoding: { x: 'region', y: 'revenue' } } as const;
    expect(toEChartsOption(rows, spec).grid).toMatchObject({ outerBoundsMode: 'same' });
    expect(toEChartsOption(rows, spec, { echartsVersion: 5 }).grid).toMatchObject({ containLabel: true });
  });
});
