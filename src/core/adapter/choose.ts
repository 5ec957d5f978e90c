import { AdapterError } from './errors';
import { type Column, isTable, type Table, toTable } from './table';
import type { ChartSpec, DataInput } from './types';

/** A spec with the reason it fits the data. */
export type ReasonedSpec = ChartSpec & { reason: string };

/** The chosen chart, why, and the other charts that fit, best first. Pass it to `toEChartsOption` as the spec. */
export interface ChartChoice extends ReasonedSpec {
  alternatives: ReasonedSpec[];
}

/** A dimension whose name says its values are the stages of a process. */
const STAGE_NAME = /stage|step|phase|funnel/i;

/** At most this many series or slices before a chart stops being readable by colour. */
const MAX_COLOURS = 8;

/** Distinct non-null values of a column, counting no further than `limit + 1`. */
function distinct(column: Column, limit: number): number {
  const seen = new Set<unknown>();
  for (const value of column.values) {
    if (value === null) continue;
    seen.add(value);
    if (seen.size > limit) break;
  }
  return seen.size;
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

function magnitude(column: Column): number {
  let max = 0;
  for (const v of column.values) if (typeof v === 'number') max = Math.max(max, Math.abs(v));
  return max;
}

const spec = (s: ReasonedSpec): ReasonedSpec => s;

/**
 * Picks a chart from the shape of the data, deterministically. The rules, first match wins:
 *
 * 1. A time column and measures: a line over time. One measure and a dimension of at most 8 values
 *    splits into one line per value. Alternatives: area (stacked when split), bars.
 * 2. Two dimensions and a measure: stacked bars when the second has at most 8 values, else a heatmap.
 * 3. One dimension and one measure:
 *    - stages (a dimension named like stage, step or phase; at most 8 rows, each no larger than the one
 *      before): a funnel — a list merely sorted by value is not a funnel;
 *    - at most 7 categories, none negative: a donut (shares of a whole);
 *    - at most 12 categories: bars sorted by value;
 *    - more: horizontal bars sorted by value, the top 20 and the rest folded into "Other".
 * 4. One dimension and two measures: bars plus a line on a second axis when their scales differ
 *    tenfold or more, else grouped bars. Three or more measures: grouped bars.
 * 5. Measures only: two or more make a scatter (a third sizes the points: a bubble chart); one makes
 *    a bar per row.
 *
 * Throws `AdapterError` for empty data and for data with no measure (no numeric column).
 */
export function chooseChart(data: DataInput | Table): ChartChoice {
  const table = isTable(data) ? data : toTable(data);
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
    const series = d && measures.length === 1 && distinct(d, MAX_COLOURS) <= MAX_COLOURS ? d : undefined;
    const y = series ? m0.name : measures.slice(0, 5).map((m) => m.name);
    const encoding = { x: t.name, y, ...(series ? { series: series.name } : {}) };
    const what = series
      ? `${m0.label} over ${t.label}, one line per ${series.label}`
      : `${measures.length === 1 ? m0.label : 'the measures'} over ${t.label}`;
    return choose(
      spec({ kind: 'line', encoding, reason: `Time plus a measure: a line shows the trend of ${what}.` }),
      spec({
        kind: 'area',
        encoding,
        stack: series ? true : undefined,
        reason: series
          ? `Stacked areas show how each ${series.label} adds to the total over time.`
          : 'An area emphasises volume over time.',
      }),
      spec({ kind: 'bar', encoding, stack: series ? true : undefined, reason: 'Bars compare the periods one by one.' }),
    );
  }

  // 2. Two dimensions.
  const [d0, d1] = dims as [Column | undefined, Column | undefined];
  if (d0 && d1) {
    const few = distinct(d1, MAX_COLOURS) <= MAX_COLOURS;
    const stacked = spec({
      kind: 'bar',
      encoding: { x: d0.name, y: m0.name, series: d1.name },
      stack: true,
      reason: `Stacked bars show ${m0.label} by ${d0.label}, split into ${d1.label}.`,
    });
    const grid = spec({
      kind: 'heatmap',
      encoding: { x: d0.name, y: d1.name, color: m0.name },
      reason: `A heatmap shows ${m0.label} for every ${d0.label} and ${d1.label} pair.`,
    });
    const grouped = spec({
      kind: 'bar',
      encoding: { x: d0.name, y: m0.name, series: d1.name },
      reason: `Grouped bars compare each ${d1.label} side by side.`,
    });
    return few
      ? choose(
          {
            ...stacked,
            reason: `Two dimensions and a measure, with ${d1.label} small enough to colour: ${stacked.reason}`,
          },
          grouped,
          grid,
        )
      : choose(
          {
            ...grid,
            reason: `Two dimensions and a measure, with too many ${d1.label} values to colour: ${grid.reason}`,
          },
          stacked,
        );
  }

  // 3–4. One dimension.
  if (d0) {
    const n = distinct(d0, Number.POSITIVE_INFINITY);
    if (measures.length === 1) {
      const encoding = { x: d0.name, y: m0.name };
      const nonNegative = m0.values.every((v) => v === null || (v as number) >= 0);
      const bars = spec({
        kind: 'bar',
        encoding,
        sort: 'value-desc',
        reason: `Bars sorted by ${m0.label} rank the ${n} ${d0.label} values.`,
      });
      const horizontal = spec({
        kind: 'bar',
        encoding,
        horizontal: true,
        sort: 'value-desc',
        ...(n > 20 ? { topN: { n: 20, other: 'Other' } } : {}),
        reason: `Many categories: horizontal bars sorted by ${m0.label} keep ${n} long labels readable${n > 20 ? ', the top 20 and the rest as "Other"' : ''}.`,
      });
      const donut = spec({
        kind: 'donut',
        encoding,
        reason: `${n} categories as shares of a whole: a donut shows each ${d0.label}'s part of ${m0.label}.`,
      });
      const stages = STAGE_NAME.test(d0.name) || STAGE_NAME.test(d0.label);
      if (stages && nonNegative && table.rowCount === n && n >= 3 && n <= MAX_COLOURS && falling(m0.values)) {
        return choose(
          spec({
            kind: 'funnel',
            encoding,
            sort: 'none',
            reason: `Stages that only narrow: a funnel shows how ${m0.label} falls from one ${d0.label} to the next.`,
          }),
          { ...bars, sort: 'none', reason: 'Bars in stage order compare the stages exactly.' },
        );
      }
      if (nonNegative && n <= 7)
        return choose(
          donut,
          bars,
          spec({ ...donut, kind: 'pie', reason: 'A pie shows the same shares without the hole.' }),
        );
      if (n <= 12) return choose(bars, horizontal);
      return choose(horizontal, {
        ...bars,
        topN: { n: 12, other: 'Other' },
        reason: `Vertical bars fit the top 12 ${d0.label} values.`,
      });
    }
    if (m1 && measures.length === 2) {
      const a = magnitude(m0);
      const b = magnitude(m1);
      const apart = Math.min(a, b) === 0 ? a !== b : Math.max(a, b) / Math.min(a, b) >= 10;
      const combo = spec({
        kind: 'combo',
        encoding: { x: d0.name, y: m0.name, y2: m1.name },
        reason: `${m0.label} and ${m1.label} differ tenfold in scale: bars for ${m0.label}, a line on a second axis for ${m1.label}.`,
      });
      const grouped = spec({
        kind: 'bar',
        encoding: { x: d0.name, y: [m0.name, m1.name] },
        reason: `Grouped bars compare ${m0.label} and ${m1.label} for each ${d0.label}.`,
      });
      const scatterSpec = spec({
        kind: 'scatter',
        encoding: { x: m0.name, y: m1.name },
        reason: `A scatter shows how ${m1.label} moves with ${m0.label}.`,
      });
      return apart ? choose(combo, grouped, scatterSpec) : choose(grouped, combo, scatterSpec);
    }
    const y = measures.slice(0, 6).map((m) => m.name);
    return choose(
      spec({
        kind: 'bar',
        encoding: { x: d0.name, y },
        reason: `Grouped bars compare ${y.length} measures for each ${d0.label}.`,
      }),
      spec({
        kind: 'line',
        encoding: { x: d0.name, y },
        reason: 'Lines show the measures as profiles across categories.',
      }),
    );
  }

  // 5. Measures only.
  if (m1) {
    const bubble = m2
      ? spec({
          kind: 'scatter',
          encoding: { x: m0.name, y: m1.name, size: m2.name },
          reason: `Three measures: a bubble chart plots ${m1.label} against ${m0.label}, sized by ${m2.label}.`,
        })
      : undefined;
    const plain = spec({
      kind: 'scatter',
      encoding: { x: m0.name, y: m1.name },
      reason: `Two measures: a scatter shows how ${m1.label} moves with ${m0.label}.`,
    });
    return bubble ? choose(bubble, plain) : choose(plain);
  }
  return choose(
    spec({
      kind: 'bar',
      encoding: { y: m0.name },
      reason: `One measure and nothing to group it by: a bar per row of ${m0.label}.`,
    }),
  );
}
