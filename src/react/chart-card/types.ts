import type { EChartsCoreOption } from 'echarts/core';
import type { ComponentProps, ReactNode } from 'react';
import type { ChartChoice, ChartSpec, DataInput, Row } from '../../core/adapter';
import type { PartialMessages } from '../../core/messages';
import type { ComponentStatus } from '../../core/status';
import type { Provenance } from '../lib/provenance';
import type { ThemeProp } from '../lib/use-resolved-theme';

export type { Provenance } from '../lib/provenance';

/** A click on a mark, with the data rows behind it. */
export interface ChartPoint {
  /** The category, slice or cell name under the pointer. */
  name: string;
  seriesName: string;
  seriesIndex: number;
  dataIndex: number;
  /** The rows of `data` behind the mark (every row summed into it); empty for a raw `option`. */
  rows: Row[];
}

export type ChartCardState = ComponentStatus;

export interface ChartCardProps extends Omit<ComponentProps<'section'>, 'title' | 'children' | 'ref'> {
  title: string;
  description?: string;
  /** The result set to chart (rows, columns or a ResultSet). */
  data?: DataInput;
  /** How to chart `data`. Default `'auto'`: `chooseChart` picks, and the card says why. */
  spec?: ChartSpec | 'auto';
  /**
   * A ready ECharts option instead of `data` + `spec`. It is used as given: pass options from outside
   * (an API, a model) through `sanitizeOption` first.
   */
  option?: EChartsCoreOption;
  /** Locale of every number and date. Default the provider's, else `'en-US'`. */
  locale?: string;
  /** Chart height in px. Default the `chart.height` token (320). */
  height?: number;
  /** Where the numbers come from (SQL, row count, query time, freshness): shown in the footer. Default none. */
  provenance?: Provenance;
  /** Extra controls at the end of the toolbar. */
  actions?: ReactNode;
  /** Shows the loading skeleton. Default `false`. */
  loading?: boolean;
  /** Shows the error state with this message (an `Error`'s message is used). Default none. */
  error?: Error | string | null;
  /** Offers "Retry" in the error state. */
  onRetry?: () => void;
  /** Shown when there are no rows. Default `messages.common.empty` ("No data for this selection."). */
  emptyMessage?: string;
  /** Words to change for this card, merged over the provider's catalogue. Default none. */
  messages?: PartialMessages;
  /** Called with the mark a user clicks and the rows behind it (drill-down, cross-filtering). */
  onPointClick?: (point: ChartPoint) => void;
  /** Called with the chart chosen for `spec: 'auto'`. */
  onChoice?: (choice: ChartChoice) => void;
  /** `'light'`, `'dark'`, `'system'` or a registered theme name. Default the provider's mode, else light. */
  theme?: ThemeProp;
  /** The heading level of the title (`h2` to `h6`), to fit the page's outline. Default 3. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}
