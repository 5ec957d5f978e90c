import { useCallback, useMemo } from 'react';
import type { DataClient } from '../../core/client';
import { createFormatter } from '../../core/format';
import type { FormatSpec } from '../../core/format/types';
import { type KpiPeriod, kpiQuery, kpiSeries, kpiTargetQuery } from '../../core/kpi';
import { enKpiTile } from '../../core/messages/en';
import type { SemanticFilter } from '../../core/semantic/types';
import type { Status } from '../../core/status';
import type { KpiTileProps } from '../kpi-tile';
import { useWords } from '../lib/messages';
import { useDataClient } from './data-client-provider';
import { useSemanticQuery } from './use-query';

const ENGLISH = { kpiTile: enKpiTile };

/** A target that is another metric, summed over the reported period (for example `targets.revenue_target`). */
export interface KpiTargetMetric {
  space: string;
  metric: string;
  /** Filters on the target's space. Default none. */
  filters?: readonly SemanticFilter[];
}

export interface UseKpiOptions {
  /** The semantic space, for example `'sales'`. */
  space: string;
  /** The metric in it, for example `'revenue'`. */
  metric: string;
  /** `'previous_period'` compares the value with the period before. Default no comparison. */
  compare?: 'previous_period';
  /** The period the value is for; the space must offer it as a time grain. Default `'month'`. */
  period?: KpiPeriod;
  /**
   * A day (`YYYY-MM-DD`) in the period to report. Default the latest complete period in the data: the last row of
   * the metric by the period's grain, or the one before it when that period has not ended yet.
   */
  at?: string;
  /** A fixed target, or a metric whose total over the reported period is the target. Default none. */
  target?: number | KpiTargetMetric;
  /** How many periods the sparkline shows, ending with the reported one; 0 for none. Default 12. */
  sparkline?: number;
  /** Filters on the metric's space, for example one region. Default none. */
  filters?: readonly SemanticFilter[];
  /** The tile's label. Default the metric's label in the space (or in the result's metadata), else its name. */
  label?: string;
  /** The locale of the tile and of the period names. Default the provider's, else `'en-US'`. */
  locale?: string;
  /** The client to use instead of the nearest `<DataClientProvider>`'s. */
  client?: DataClient;
}

/** What `useKpi` hands to `<KpiTile>`. */
export type KpiTileData = Pick<
  KpiTileProps,
  'label' | 'value' | 'format' | 'locale' | 'period' | 'comparisons' | 'sparkline' | 'downIsGood' | 'loading' | 'error'
>;

export interface UseKpiResult {
  /**
   * `'loading'` until the value (and a target metric) is known; `'error'` when a query failed; `'empty'` when the
   * reported period has no value; else `'ready'`.
   */
  status: Exclude<Status, 'idle'>;
  error: Error | undefined;
  /** Fetches every query again; resolves when they have settled. */
  refetch: () => Promise<void>;
  /** The first day (`YYYY-MM-DD`) of the reported period, once known. */
  period: string | undefined;
  /** Ready to spread: `<KpiTile {...kpi.props} />`, in every state. */
  props: KpiTileData;
}

const DEFAULT_FORMAT: FormatSpec = { kind: 'number' };

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * A KPI from the semantic layer, ready for `<KpiTile>`. One query of the metric by the period's time grain covers
 * the sparkline's periods and gives the value and the previous period's value; a target given as a metric is one
 * more query, over the reported period, once that period is known. The label, format and `downIsGood` come from
 * the metric's definition (when the client knows the space) or the result's metadata. Periods are calendar
 * periods: a period with no rows is a gap, and a missing previous period means no comparison.
 * Throws a `DataClientProviderMissingError` outside a `<DataClientProvider>` unless `client` is given.
 */
export function useKpi(options: UseKpiOptions): UseKpiResult {
  const { space, metric, at, compare, filters } = options;
  const client = useDataClient({ client: options.client });
  const { locale, words: messages } = useWords({ locale: options.locale }, ENGLISH);
  const words = messages.kpiTile;
  const period = options.period ?? 'month';
  const sparks = Math.max(0, Math.floor(options.sparkline ?? 12));
  const count = Math.max(sparks, compare ? 2 : 1);
  const main = useSemanticQuery({ space, query: kpiQuery({ metric, period, at, count, filters }), client });

  const series = useMemo(
    () => (main.data ? kpiSeries(main.data.rows, { metric, period, at, count }) : undefined),
    [main.data, metric, period, at, count],
  );
  const goal = options.target;
  const goalMetric = typeof goal === 'object' ? goal : undefined;
  const target = useSemanticQuery({
    space: goalMetric?.space ?? space,
    query:
      goalMetric && series
        ? kpiTargetQuery({ metric: goalMetric.metric, period, at: series.period, filters: goalMetric.filters })
        : null,
    client,
  });

  const settled = (status: Status) => status === 'ready' || status === 'empty';
  const status: UseKpiResult['status'] =
    main.status === 'error' || target.status === 'error'
      ? 'error'
      : !settled(main.status) || (goalMetric && series && !settled(target.status))
        ? 'loading'
        : typeof series?.value === 'number'
          ? 'ready'
          : 'empty';
  const error = main.error ?? target.error;

  const definition = client.spaces.get(space)?.metrics.find((m) => m.name === metric);
  const meta = main.data?.meta.find((column) => column.name === metric);
  const label = options.label ?? definition?.label ?? meta?.label ?? metric;
  const format = definition?.format ?? meta?.format ?? DEFAULT_FORMAT;
  const downIsGood = definition?.downIsGood ?? false;
  const hasTarget = goal !== undefined;
  const targetValue = typeof goal === 'number' ? goal : numberOf(target.data?.rows[0]?.[goalMetric?.metric ?? '']);

  const props = useMemo<KpiTileData>(() => {
    const name = createFormatter({ kind: 'date', grain: period }, { locale });
    return {
      label,
      value: series?.value ?? null,
      format,
      locale,
      downIsGood,
      loading: status === 'loading',
      error: status === 'error' ? (error ?? words.loadFailed) : null,
      period: series ? name(series.period) : undefined,
      comparisons: {
        ...(compare && series
          ? { previous: { value: series.previous, label: words.versus(name(series.previousPeriod)) } }
          : {}),
        ...(hasTarget && series ? { target: { value: targetValue } } : {}),
      },
      ...(sparks > 0 && series ? { sparkline: { values: series.values.slice(-sparks) } } : {}),
    };
  }, [
    label,
    series,
    format,
    locale,
    downIsGood,
    status,
    error,
    period,
    compare,
    hasTarget,
    targetValue,
    sparks,
    words,
  ]);

  const mainRefetch = main.refetch;
  const targetRefetch = target.refetch;
  const refetch = useCallback(
    () => Promise.all([mainRefetch(), targetRefetch()]).then(() => undefined),
    [mainRefetch, targetRefetch],
  );

  return { status, error: status === 'error' ? error : undefined, refetch, period: series?.period, props };
}
