import type { ColumnTotal, ColumnType } from '../adapter/types';
import type { FormatSpec } from '../format/types';

export type TimeGrain = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A measure: an SQL aggregate over the space's table, for example `sum(revenue)`. */
export interface MetricDefinition {
  name: string;
  label?: string;
  description?: string;
  /**
   * Other words people use for it ("sales", "turnover"; "AOV", "basket value"), which Jenny's interpreter reads as
   * this metric. Each is a word or a short phrase.
   */
  synonyms?: readonly string[];
  /**
   * Verbs that ask for it when the question names no measure ("sell", "sold", "brought in" for revenue): Jenny
   * reads "which brand sold the most" as revenue, and "which brand sold the most units" as units.
   */
  verbs?: readonly string[];
  /** The aggregate expression, written by the space's author (never by a caller). */
  sql: string;
  format?: FormatSpec;
  /** True when a fall in this metric is good news (costs, days to close). Default false. */
  downIsGood?: boolean;
  /**
   * What the metric's total over several rows is: `'sum'`, `'min'`, `'max'`, `'none'`, or the ratio of
   * two other metrics' totals (`{ ratio: ['revenue', 'orders'] }`). Default: read from `sql` when it is one
   * `sum(…)`, `count(…)`, `min(…)` or `max(…)`, else `'none'` (an average or a rate has no total).
   */
  total?: ColumnTotal;
  /**
   * The measure this one is the target (plan, goal, quota) of, as `'space.metric'` (`'sales.revenue'` on a
   * revenue target): Jenny reads "revenue vs target" as that measure beside this one. Declared, never guessed
   * from names; a link to a space the interpreter does not have is ignored.
   */
  targetOf?: string;
}

/** A column to group or filter by. */
export interface DimensionDefinition {
  name: string;
  label?: string;
  description?: string;
  /** Other words people use for it ("area" for region, "outlet" for store), read as this dimension by Jenny. */
  synonyms?: readonly string[];
  /**
   * Other words people use for some of its values, by value: `{ NCR: ['Metro Manila'], Facebook: ['FB'] }`. Jenny
   * reads them as that value.
   */
  valueSynonyms?: Readonly<Record<string, readonly string[]>>;
  /** The column in the space's table; default `name`. */
  column?: string;
  type?: ColumnType;
}

export interface TableDefinition {
  /** Schema-qualified, for example `'scout.sales'`. */
  name: string;
  description?: string;
}

export interface SpaceDefinition {
  /** A short id, for example `'sales'`. */
  name: string;
  label?: string;
  description: string;
  /** The read-only database role queries in this space run as, for example `'jenny_readonly'`. */
  role: string;
  /** The tables the space reads; the first is the one metrics aggregate over. */
  tables: readonly TableDefinition[];
  metrics: readonly MetricDefinition[];
  dimensions: readonly DimensionDefinition[];
  /** The date column that time grains and date ranges apply to. */
  timeDimension?: { column: string; label?: string; grains?: readonly TimeGrain[] };
  /** Example questions, for people and for models. */
  examples?: readonly string[];
  /**
   * The job whose runs say how fresh the space's data is: a `job_name` of `public.data_lab_job_runs`, read through
   * `client.freshness`. Jenny's answers say it, and on a demo warehouse count relative periods from it.
   */
  freshness?: string;
}

export type FilterOperator = 'eq' | 'neq' | 'in' | 'not_in' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains';

export interface SemanticFilter {
  /** A dimension name (or the time dimension's column). */
  dimension: string;
  op: FilterOperator;
  value: unknown;
}

export interface SemanticQuery {
  metrics: readonly string[];
  dimensions?: readonly string[];
  timeGrain?: TimeGrain;
  filters?: readonly SemanticFilter[];
  /** By a metric or dimension name (or `'period'` for the time grain). */
  sort?: readonly { by: string; direction?: 'asc' | 'desc' }[];
  limit?: number;
  /** Inclusive ISO dates (`YYYY-MM-DD`) on the time dimension. */
  dateRange?: { from?: string; to?: string };
}
