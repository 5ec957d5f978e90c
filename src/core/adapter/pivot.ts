import type { Messages } from '../messages/types';
import { AdapterError } from './errors';
import type { Cell, Column } from './table';

/** Wide data: one category axis, one value array per series (aligned with `categories`). */
export interface Pivot {
  /** Category values: strings, or epoch ms on a time axis. */
  categories: (string | number)[];
  /** `group` is the split value behind the series, when there is a split. */
  series: { name: string; group?: string; values: (number | null)[] }[];
}

export interface PivotOptions {
  /** The category column; without one, each row is its own category (1, 2, 3, …). */
  x?: Column;
  measures: readonly Column[];
  /** The dimension whose values split each measure into series. */
  split?: Column;
}

/** Label of a category cell: a time axis keeps numbers, anything else becomes text; null is "(blank)". */
export const BLANK = '(blank)';

/**
 * Distinct keys in order of first appearance, each with its index. Keys that come in ascending order (sorted rows)
 * are each new and need no lookup: the index is built once one comes out of order.
 */
export class Keys<K> {
  readonly list: K[] = [];
  private index: Map<K, number> | undefined;

  /** The key's index, adding the key the first time it is seen. */
  indexOf(key: K): number {
    const list = this.list;
    const n = list.length;
    if (this.index === undefined) {
      const last = list[n - 1];
      // Of one type (numbers or strings), above every key so far: new.
      const type = typeof key;
      if (
        n === 0 ||
        ((type === 'number' || type === 'string') && typeof last === type && (key as number) > (last as number))
      ) {
        list.push(key);
        return n;
      }
      this.index = new Map(list.map((k, i) => [k, i]));
    }
    let i = this.index.get(key);
    if (i === undefined) {
      i = n;
      this.index.set(key, i);
      list.push(key);
    }
    return i;
  }
}

/** The category key of a cell: the number on a time axis (undefined for no time), else its text. */
export function categoryOf(cell: Cell, time: boolean): string | number | undefined {
  if (cell === null) return time ? undefined : BLANK;
  return time ? (cell as number) : String(cell);
}

/**
 * Long to wide. Each row's category and series are looked up once; the sums are kept in one typed
 * array (NaN for "no value yet") and turned into series arrays at the end. Rows that share a category
 * (and series) are summed; a cell with no value stays null. Rows with no time on a time axis cannot
 * be placed and are left out.
 */
export function pivot({ x, measures, split }: PivotOptions): Pivot {
  const time = x?.type === 'date';
  const rowCount = measures[0]?.values.length ?? 0;

  const categories = new Keys<string | number>();
  const categoryOfRow = new Int32Array(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const category = x ? categoryOf(x.values[row] ?? null, time) : String(row + 1);
    if (category === undefined) {
      categoryOfRow[row] = -1;
      continue;
    }
    categoryOfRow[row] = categories.indexOf(category);
  }

  // Series are (group, measure) pairs in order of first appearance; without a split, one per measure.
  const groupKeys = new Keys<string>();
  const groupOfRow = split ? new Int32Array(rowCount) : undefined;
  if (split && groupOfRow) {
    for (let row = 0; row < rowCount; row++) {
      if ((categoryOfRow[row] as number) < 0) continue;
      groupOfRow[row] = groupKeys.indexOf(String(split.values[row] ?? BLANK));
    }
  }
  const groups = groupKeys.list;

  const width = categories.list.length;
  const perGroup = measures.length;
  const seriesCount = split ? groups.length * perGroup : perGroup;
  const sums = new Float64Array(seriesCount * width).fill(Number.NaN);
  for (let m = 0; m < perGroup; m++) {
    const measure = measures[m] as Column;
    const values = measure.values as readonly (number | null)[];
    for (let row = 0; row < rowCount; row++) {
      const ci = categoryOfRow[row] as number;
      const value = values[row];
      if (ci < 0 || value === null || value === undefined) continue;
      const at = ((groupOfRow ? (groupOfRow[row] as number) * perGroup : 0) + m) * width + ci;
      const current = sums[at] as number;
      if (Number.isNaN(current)) {
        sums[at] = value;
      } else {
        const sum = current + value;
        if (!Number.isFinite(sum)) {
          throw new AdapterError(
            'invalid-value',
            `Column "${measure.name}" sums past the largest number at row ${row + 1}.`,
            {
              column: measure.name,
              row,
            },
          );
        }
        sums[at] = sum;
      }
    }
  }

  const series: Pivot['series'] = [];
  for (let si = 0; si < seriesCount; si++) {
    const values = new Array<number | null>(width);
    const offset = si * width;
    for (let ci = 0; ci < width; ci++) {
      const v = sums[offset + ci] as number;
      values[ci] = Number.isNaN(v) ? null : v;
    }
    const measure = measures[si % perGroup] as Column;
    if (!split) {
      series.push({ name: measure.label, values });
    } else {
      const group = groups[Math.floor(si / perGroup)] as string;
      series.push({ name: perGroup > 1 ? `${group} · ${measure.label}` : group, group, values });
    }
  }
  return { categories: categories.list, series };
}

/** The sum of a category's values across series (nulls count as 0). */
function categoryTotals(p: Pivot): number[] {
  const totals = new Array<number>(p.categories.length).fill(0);
  for (const s of p.series) {
    for (let i = 0; i < totals.length; i++) totals[i] = (totals[i] as number) + (s.values[i] ?? 0);
  }
  return totals;
}

/** Reorders the categories (and every series with them) by the given index order. */
function reorder(p: Pivot, order: readonly number[]): Pivot {
  return {
    categories: order.map((i) => p.categories[i] as string | number),
    series: p.series.map((s) => ({ ...s, values: order.map((i) => s.values[i] ?? null) })),
  };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Whether times are in ascending order already (rows usually come ordered by time). */
function ascending(times: readonly number[]): boolean {
  for (let i = 1; i < times.length; i++) if (!((times[i - 1] as number) <= (times[i] as number))) return false;
  return true;
}

/** Sorts categories: by category, or by total value. Time axes are always in time order. */
export function sortPivot(p: Pivot, sort: 'none' | 'category' | 'value-asc' | 'value-desc', time: boolean): Pivot {
  if (time && ascending(p.categories as number[])) return p;
  const order = p.categories.map((_, i) => i);
  if (time) {
    order.sort((a, b) => (p.categories[a] as number) - (p.categories[b] as number));
  } else if (sort === 'category') {
    order.sort((a, b) => collator.compare(String(p.categories[a]), String(p.categories[b])));
  } else if (sort === 'value-asc' || sort === 'value-desc') {
    const totals = categoryTotals(p);
    const sign = sort === 'value-asc' ? 1 : -1;
    order.sort((a, b) => sign * ((totals[a] as number) - (totals[b] as number)) || a - b);
  } else {
    return p;
  }
  return reorder(p, order);
}

/**
 * Keeps the first `n` categories and folds the rest, summed, into one category named `other` (default the words'
 * "Other") — or, when a kept category already has that name, "Other (12 more)", so the two never merge on an axis.
 */
export function foldTopN(
  p: Pivot,
  n: number,
  other: string | undefined,
  words: Pick<Messages['chart'], 'other' | 'otherMore'>,
): Pivot {
  if (p.categories.length <= n) return p;
  const keep = Math.max(0, Math.floor(n));
  const kept = p.categories.slice(0, keep);
  const name = other ?? words.other;
  const label = kept.includes(name) ? words.otherMore(name, p.categories.length - keep) : name;
  return {
    categories: [...kept, label],
    series: p.series.map((s) => {
      let rest: number | null = null;
      for (let i = keep; i < s.values.length; i++) {
        const v = s.values[i];
        if (v !== null && v !== undefined) rest = (rest ?? 0) + v;
      }
      if (rest !== null && !Number.isFinite(rest)) {
        throw new AdapterError('invalid-value', `The values folded into "${label}" sum past the largest number.`, {});
      }
      return { ...s, values: [...s.values.slice(0, keep), rest] };
    }),
  };
}

/** Each value as its share of its category's total (0 to 1); a category that totals 0 stays null. */
export function toShares(p: Pivot): Pivot {
  const totals = categoryTotals(p);
  return {
    categories: p.categories,
    series: p.series.map((s) => ({
      ...s,
      values: s.values.map((v, i) => (v === null || !totals[i] ? null : v / (totals[i] as number))),
    })),
  };
}

/**
 * Finds the rows behind a mark of a pivoted chart: the rows of its category (for the folded "Other",
 * the rows of every category not kept) and, with a split, of its series' group.
 */
export function pivotLocator(data: Pivot, x: Column | undefined, split: Column | undefined, folded: boolean) {
  const time = x?.type === 'date';
  return (seriesIndex: number, dataIndex: number): number[] => {
    const group = data.series[seriesIndex]?.group;
    const other = folded && dataIndex === data.categories.length - 1;
    const kept = other ? new Set(data.categories.slice(0, -1)) : undefined;
    const wanted = data.categories[dataIndex];
    const rows: number[] = [];
    const count = x?.values.length ?? split?.values.length ?? 0;
    for (let row = 0; row < count; row++) {
      const category = x ? categoryOf(x.values[row] ?? null, time) : String(row + 1);
      if (category === undefined || (kept ? kept.has(category) : category !== wanted)) continue;
      if (split && group !== undefined && String(split.values[row] ?? BLANK) !== group) continue;
      rows.push(row);
    }
    return rows;
  };
}
