import type { ComponentProps, MouseEventHandler, ReactNode } from 'react';
import type { FormatSpec } from '../../core/format/types';
import type { KpiDeltaDisplay } from '../../core/kpi';
import type { PartialMessages } from '../../core/messages';
import type { ComponentStatus } from '../../core/status';
import type { Provenance } from '../lib/provenance';

/** What the tile shows: `data-state` on its root. */
export type KpiTileState = ComponentStatus;

export type KpiTileSize = 'sm' | 'md' | 'lg';

/** A value to compare with; `null` is the same as leaving it out. */
export interface KpiTileComparison {
  value: number | null;
  /** How the comparison is named; see `KpiTileComparisons` for the defaults. */
  label?: string;
}

export interface KpiTileComparisons {
  /** The previous period. Label default `messages.kpiTile.previousLabel` (`'vs previous period'`). */
  previous?: KpiTileComparison;
  /** The target. Label default `messages.kpiTile.targetLabel` (`'vs target'`, said as "92% of target"). */
  target?: KpiTileComparison;
}

export interface KpiTileSparkline {
  /** Values oldest first; `null` is a gap. */
  values: readonly (number | null)[];
  /** Default `'line'`. */
  kind?: 'line' | 'area' | 'bar';
}

export interface KpiTileProps extends Omit<ComponentProps<'div'>, 'onClick' | 'children' | 'ref'> {
  /** What the value is, for example `'Revenue'`. Shown as text (never HTML), cut to one line with a tooltip. */
  label: string;
  /** The value; `null` or `undefined` (or NaN, ±Infinity) shows the empty state. */
  value: number | null | undefined;
  /** How the value and absolute changes are written. Default `{ kind: 'number' }`. */
  format?: FormatSpec;
  /** A BCP 47 locale for every number and date. Default the provider's, else `'en-US'`. */
  locale?: string;
  /** What period the value covers, for example `'Dec 2025'`: shown beside the label. Default none. */
  period?: string;
  /** Values to compare with: the previous period and a target. Default none. */
  comparisons?: KpiTileComparisons;
  /** How the change against the previous period is written. Default `'percent'`. */
  deltaDisplay?: KpiDeltaDisplay;
  /** True when a fall is good news (costs, days to close): swaps the colours and words. Default false. */
  downIsGood?: boolean;
  /** Changes whose |percent| is at most this ratio are flat. Default 0.005 (0.5%). */
  neutralBand?: number;
  /** Shows progress toward the target as a bar (`role="progressbar"`); needs `comparisons.target`. Default false. */
  progress?: boolean;
  /** A small trend chart (inline SVG, hidden from assistive technology: the sentence says the numbers). */
  sparkline?: KpiTileSparkline;
  /** Where the value comes from; the tile shows `provenance.freshness` ("Updated Dec 31, 2025"). Default none. */
  provenance?: Provenance;
  /** Shows the loading state. Default false. */
  loading?: boolean;
  /** Shows the error state with this message (an `Error`'s message is used). Default none. */
  error?: Error | string | null;
  /** What the empty state says. Default `messages.common.empty` ("No data for this selection."). */
  emptyMessage?: string;
  /** Words to change for this tile, merged over the provider's catalogue. Default none. */
  messages?: PartialMessages;
  /** Makes the tile a button (for a drill-down): one that covers the tile, named by the sentence. */
  onClick?: MouseEventHandler<HTMLElement>;
  /** Makes the tile a link (for a drill-down), named by the sentence; `onClick` is then called on the link. */
  href?: string;
  /** Default `'md'`. */
  size?: KpiTileSize;
}

export interface KpiGridProps extends Omit<ComponentProps<'section'>, 'ref'> {
  /** Names the grid (a region) for assistive technology, for example `'Executive KPIs'`. Default none. */
  label?: string;
  /** The narrowest a tile gets before the grid drops a column: px, or any CSS length. Default 220. */
  minTileWidth?: number | string;
  /** The tiles, in reading order (their visual order is the same). */
  children?: ReactNode;
}
