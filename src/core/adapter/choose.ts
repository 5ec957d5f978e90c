import { AdapterError } from './errors';
import type { ChartReason } from './reasons';
import { type Cell, type Column, type ColumnScan, isTable, scanTable, type Table } from './table';
import type { ChartSpec, DataInput } from './types';

/** A spec with the reason it fits the data (`explainChart(reason)` says it in words). */
export type ReasonedSpec = ChartSpec & { reason: ChartReason };

/** The chosen chart, why, and the other charts that fit, best first. Pass it to `toEChartsOption` as the spec. */
export interface ChartChoice extends ReasonedSpec {
  alternatives: ReasonedSpec[];
}

/** A dimension whose name says its values are the stages of a process. */
const STAGE_NAME = /stage|step|phase|funnel/i;

/** At most this many series or slices before a chart stops being readable by colour. */
const MAX_COLOURS = 8;

/** A measure named like this does not add up to a whole: an average, a rate, a share, a price, a score. */
/** Words that mark a measure as not adding up to a whole (an average, a rate, a price). */
const NON_ADDITIVE = new Set([
  'avg',
  'average',
  'mean',
  'median',
  'rate',
  'ratio',
  'pct',
  'percent',
  'percentage',
  'share',
  'price',
  'margin',
  'score',
  'index',
  'per',
]);

/** The lower-case words of a name: `avgOrderValue`, `avg_order value` and `Avg Order` alike. */
const wordsOf = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** A numeric dimension named like this is an identifier (its order means nothing), not a sequence. */
const IDENTIFIER = /(^|_)id$|_code$|^zip|postal/i;

const WEEKDAY = /^(mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(r(s(day)?)?)?|fri(day)?|sat(urday)?|sun(day)?)\.?$/i;
const MONTH =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/i;

/**
 * What the rules read of a column's values, over every row: the distinct non-null values (a count, and whether they
 * are all weekday or month names), and the smallest and largest absolute number.
 */
export interface Figures {
  distinct(column: Column): number;
  /** Non-null values to test for weekday and month names: each distinct one at least once. */
  named(column: Column): Iterable<Cell>;
  min(column: Column): number;
  maxAbs(column: Column): number;
}

/** A table's figures, read from its values. */
const valueFigures: Figures = {
  distinct: (column) => {
    const seen = new Set(column.values);
    return seen.size - (seen.has(null) ? 1 : 0);
  },
  named: (column) => column.values,
  min: (column) => extreme(column, Math.min, Number.POSITIVE_INFINITY),
  maxAbs: (column) => extreme(column, (v, max) => Math.max(Math.abs(v), max), 0),
};

function extreme(column: Column, pick: (value: number, so: number) => number, start: number): number {
  let so = start;
  for (const v of column.values) if (typeof v === 'number') so = pick(v, so);
  return so;
}

/** What `scanFigures` throws when asked for a figure of a column whose scan was put off (see `scanTable`). */
export const NOT_SCANNED = Symbol('not scanned');

/** The figures of scanned columns (see `scanTable`), known without reading their values again. */
export function scanFigures(scans: readonly ColumnScan[]): Figures {
  const of = (column: Column) => {
    const scan = scans.find((s) => s.column === column) as ColumnScan;
    if (scan.complete) throw NOT_SCANNED;
    return scan;
  };
  return {
    distinct: (column) => of(column).distinct?.size ?? valueFigures.distinct(column),
    named: (column) => of(column).distinct ?? column.values,
    min: (column) => of(column).min,
    maxAbs: (column) => of(column).maxAbs,
  };
}

/** Whether the measure falls (or holds) from row to row: the shape of a funnel's stages. */
function falling(values: readonly unknown[]): boolean {
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1];
    const next = values[i];
    if (typeof prev !== 'number' || typeof next !== 'number' || next > prev) return false;
  }
  return values.length > 1;
}

/** Whether a measure's values add up to a whole: not an average, rate, share, price or percentage. */
function additive(column: Column): boolean {
  const named = [...wordsOf(column.name), ...wordsOf(column.label)];
  return !named.some((word) => NON_ADDITIVE.has(word)) && column.meta.format?.kind !== 'percent';
}

/**
 * How a dimension's values are ordered, if they are a sequence: numbers that are not identifiers
 * (years, say) in ascending order, weekday or month names as given. Undefined for an unordered dimension.
 */
function sequence(
  column: Column,
  values: Iterable<Cell>,
): { sort: 'category' | 'none'; what: 'numbers' | 'weekdays' | 'months' } | undefined {
  if (column.type === 'number') {
    return IDENTIFIER.test(column.name) ? undefined : { sort: 'category', what: 'numbers' };
  }
  if (column.type !== 'string') return undefined;
  let any = false;
  let weekdays = true;
  let months = true;
  for (const v of values) {
    if (v === null) continue;
    any = true;
    weekdays &&= WEEKDAY.test((v as string).trim());
    months &&= MONTH.test((v as string).trim());
    if (!weekdays && !months) return undefined;
  }
  if (!any) return undefined;
  return weekdays ? { sort: 'none', what: 'weekdays' } : { sort: 'none', what: 'months' };
}

const spec = (s: ReasonedSpec): ReasonedSpec => s;

/**
 * Picks a chart from the shape of the data, deterministically. The rules, first match wins:
 *
 * 1. A time column and measures: a line over time (of the first 5 measures). One measure and a
 *    dimension of at most 8 values splits into one line per value. Any dimension not split (more than
 *    8 values, or several measures) is summed per period, and the reason says so. Alternatives: area
 *    (stacked when split), bars.
 * 2. Two dimensions (the first two) and a measure (the first): the dimension with fewer distinct values
 *    (on a tie, the second) is the series, the other the x axis. Stacked bars when the series has at
 *    most 8 values, then grouped bars and a heatmap; else (both have more than 8) a heatmap with the
 *    one with more values on x, then stacked bars.
 * 3. One dimension and one measure:
 *    - stages (a dimension named like stage, step, phase or funnel; 3 to 8 rows, one per stage, none
 *      negative, each no larger than the one before): a funnel, then bars in stage order — a list
 *      merely sorted by value is not a funnel;
 *    - a sequence (a numeric dimension not named like an id or a code, such as a year, in ascending
 *      order; all weekday names, Mon..Sun or Monday.., or all month names, Jan..Dec, in their given
 *      order): at most 12 values make bars in that order, then a line; more make the line first;
 *    - 2 to 7 categories, none negative, and a measure that adds up to a whole (its name and label not
 *      like avg, average, mean, median, rate, ratio, pct, percent, share, price, margin, score, index or
 *      per_, its format not percent): a donut, then bars sorted by value and a pie;
 *    - at most 12 categories: bars sorted by value, then horizontal bars;
 *    - more: horizontal bars sorted by value, the top 20 and the rest folded into "Other"; then
 *      vertical bars of the top 12.
 * 4. One dimension and two measures: bars plus a line on a second axis when their scales differ
 *    tenfold or more, else grouped bars. Three or more measures: grouped bars (of the first 6), then
 *    lines.
 * 5. Measures only: two or more make a scatter (a third sizes the points: a bubble chart); one makes
 *    a bar per row.
 *
 * Roles come from `toTable` unless declared: integers in a column named like a year, an id or a code
 * are a dimension, not a measure, and a numeric string with a leading zero (a zip code) is text.
 * Throws `AdapterError` for empty data and for data with no measure (no numeric column).
 */
export function chooseChart(data: DataInput | Table): ChartChoice {
  if (isTable(data)) return chooseFrom(data, valueFigures);
  const { table, scans } = scanTable(data, true);
  return chooseFrom(table, scanFigures(scans));
}

/**
 * `chooseChart` from a table and the figures of its columns over every row: the values (a `Table`), or a scan of
 * the rows that keeps only the distinct values of the dimensions and the extremes of the numbers (see `scanTable`).
 */
export function chooseFrom(table: Table, figures: Figures): ChartChoice {
  if (table.rowCount === 0) throw new AdapterError('empty', 'The result has no rows to chart.');
  const time = table.columns.filter((c) => c.role === 'time');
  const measures = table.columns.filter((c) => c.role === 'measure' && c.type === 'number');
  const dims = table.columns.filter((c) => c.role === 'dimension');
  if (measures.length === 0) {
    throw new AdapterError(
      'no-measure',
      'The result has no numeric column to chart: it is a list, best shown as a table.',
    );
  }
  const [m0, m1, m2] = measures as [Column, Column | undefined, Column | undefined];
  const choose = (best: ReasonedSpec, ...alternatives: ReasonedSpec[]): ChartChoice => ({ ...best, alternatives });

  // 1. Time.
  const t = time[0];
  if (t) {
    const d = dims[0];
    const series = d && measures.length === 1 && figures.distinct(d) <= MAX_COLOURS ? d : undefined;
    const y = series ? m0.name : measures.slice(0, 5).map((m) => m.name);
    const encoding = { x: t.name, y, ...(series ? { series: series.name } : {}) };
    // Rows that share a period are summed: the reason says so for every dimension that does not split the line.
    const summed = dims.filter((c) => c !== series).map((c) => ({ label: c.label, values: figures.distinct(c) }));
    const split = series ? { series: series.label } : {};
    return choose(
      spec({
        kind: 'line',
        encoding,
        reason: { code: 'trend', measures: measures.slice(0, 5).map((m) => m.label), time: t.label, summed, ...split },
      }),
      spec({ kind: 'area', encoding, stack: series ? true : undefined, reason: { code: 'area', ...split } }),
      spec({ kind: 'bar', encoding, stack: series ? true : undefined, reason: { code: 'periods' } }),
    );
  }

  // 2. Two dimensions: the one with fewer values colours the series, the other runs along x.
  const [d0, d1] = dims as [Column | undefined, Column | undefined];
  if (d0 && d1) {
    const n0 = figures.distinct(d0);
    const n1 = figures.distinct(d1);
    const [x, split, nSplit] = n0 < n1 ? [d1, d0, n0] : [d0, d1, n1];
    const names = { measure: m0.label, x: x.label, split: split.label };
    const stacked = spec({
      kind: 'bar',
      encoding: { x: x.name, y: m0.name, series: split.name },
      stack: true,
      reason: { code: 'stacked', ...names },
    });
    const grid = spec({
      kind: 'heatmap',
      encoding: { x: x.name, y: split.name, color: m0.name },
      reason: { code: 'heatmap', ...names },
    });
    const grouped = spec({
      kind: 'bar',
      encoding: { x: x.name, y: m0.name, series: split.name },
      reason: { code: 'grouped-split', split: split.label },
    });
    return nSplit <= MAX_COLOURS
      ? choose({ ...stacked, reason: { code: 'stacked', ...names, splitValues: nSplit } }, grouped, grid)
      : choose(
          { ...grid, reason: { code: 'heatmap', ...names, values: { x: Math.max(n0, n1), split: nSplit } } },
          stacked,
        );
  }

  // 3–4. One dimension.
  if (d0) {
    const n = figures.distinct(d0);
    if (measures.length === 1) {
      const encoding = { x: d0.name, y: m0.name };
      const nonNegative = !(figures.min(m0) < 0);
      const bars = spec({
        kind: 'bar',
        encoding,
        sort: 'value-desc',
        reason: { code: 'ranked', measure: m0.label, dimension: d0.label, count: n },
      });
      const horizontal = spec({
        kind: 'bar',
        encoding,
        horizontal: true,
        sort: 'value-desc',
        ...(n > 20 ? { topN: { n: 20 } } : {}),
        reason: { code: 'horizontal', measure: m0.label, count: n, ...(n > 20 ? { top: 20 } : {}) },
      });
      const donut = spec({
        kind: 'donut',
        encoding,
        reason: { code: 'donut', measure: m0.label, dimension: d0.label, count: n },
      });
      const stages = STAGE_NAME.test(d0.name) || STAGE_NAME.test(d0.label);
      if (stages && nonNegative && table.rowCount === n && n >= 3 && n <= MAX_COLOURS && falling(m0.values)) {
        return choose(
          spec({
            kind: 'funnel',
            encoding,
            sort: 'none',
            reason: { code: 'funnel', measure: m0.label, dimension: d0.label },
          }),
          { ...bars, sort: 'none', reason: { code: 'stage-bars' } },
        );
      }
      const order = sequence(d0, figures.named(d0));
      if (order) {
        const inOrder = spec({
          kind: 'bar',
          encoding,
          sort: order.sort,
          reason: { code: 'sequence', measure: m0.label, dimension: d0.label, count: n, sequence: order.what },
        });
        const line = spec({
          kind: 'line',
          encoding,
          sort: order.sort,
          reason: { code: 'sequence-line', measure: m0.label, dimension: d0.label },
        });
        return n <= 12 ? choose(inOrder, line) : choose(line, inOrder);
      }
      const whole = additive(m0);
      if (nonNegative && whole && n >= 2 && n <= 7)
        return choose(donut, bars, spec({ ...donut, kind: 'pie', reason: { code: 'pie' } }));
      if (n <= 12) {
        const notWhole = !whole && nonNegative && n >= 2 && n <= 7;
        const ranked = { code: 'ranked', measure: m0.label, dimension: d0.label, count: n, notWhole } as const;
        return choose(notWhole ? { ...bars, reason: ranked } : bars, horizontal);
      }
      return choose(horizontal, {
        ...bars,
        topN: { n: 12 },
        reason: { code: 'top-bars', dimension: d0.label, top: 12 },
      });
    }
    if (m1 && measures.length === 2) {
      const a = figures.maxAbs(m0);
      const b = figures.maxAbs(m1);
      const apart = Math.min(a, b) === 0 ? a !== b : Math.max(a, b) / Math.min(a, b) >= 10;
      const combo = spec({
        kind: 'combo',
        encoding: { x: d0.name, y: m0.name, y2: m1.name },
        reason: { code: 'combo', bars: m0.label, line: m1.label },
      });
      const grouped = spec({
        kind: 'bar',
        encoding: { x: d0.name, y: [m0.name, m1.name] },
        reason: { code: 'grouped', measures: [m0.label, m1.label], dimension: d0.label },
      });
      const scatterSpec = spec({
        kind: 'scatter',
        encoding: { x: m0.name, y: m1.name },
        reason: { code: 'scatter', x: m0.label, y: m1.label },
      });
      return apart ? choose(combo, grouped, scatterSpec) : choose(grouped, combo, scatterSpec);
    }
    const charted = measures.slice(0, 6);
    const y = charted.map((m) => m.name);
    return choose(
      spec({
        kind: 'bar',
        encoding: { x: d0.name, y },
        reason: { code: 'grouped', measures: charted.map((m) => m.label), dimension: d0.label },
      }),
      spec({ kind: 'line', encoding: { x: d0.name, y }, reason: { code: 'profiles' } }),
    );
  }

  // 5. Measures only.
  if (m1) {
    const bubble = m2
      ? spec({
          kind: 'scatter',
          encoding: { x: m0.name, y: m1.name, size: m2.name },
          reason: { code: 'bubble', x: m0.label, y: m1.label, size: m2.label },
        })
      : undefined;
    const plain = spec({
      kind: 'scatter',
      encoding: { x: m0.name, y: m1.name },
      reason: { code: 'scatter', x: m0.label, y: m1.label, measuresOnly: true },
    });
    return bubble ? choose(bubble, plain) : choose(plain);
  }
  return choose(
    spec({
      kind: 'bar',
      encoding: { y: m0.name },
      reason: { code: 'bar-per-row', measure: m0.label },
    }),
  );
}
