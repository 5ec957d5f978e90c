import { describeFreshness } from '../../core/kpi/sentence';
import type { Messages } from '../../core/messages';
import { cn } from './cn';

/**
 * Where the numbers come from and how fresh they are: one shape for `ChartCard`, `DataTable` and `KpiTile`
 * (`provenance` on each). Cards and tables show it in a footer; a KPI tile shows only `freshness`.
 */
export interface Provenance {
  /** The SQL that produced the data; enables ChartCard's "View SQL". */
  sql?: string;
  /** When the data was last written: a `Date`, an ISO 8601 moment or a `YYYY-MM-DD` day. */
  freshness?: Date | string;
  /** How many rows the query returned. Default the rows given. */
  rowCount?: number;
  /** The result was cut off at a row limit. */
  truncated?: boolean;
  /** How long the query took, in milliseconds. */
  queryTimeMs?: number;
}

export interface ProvenanceFooterProps {
  provenance: Provenance | undefined;
  /** The rows shown, when `provenance.rowCount` is not given. */
  rows: number | undefined;
  locale: string;
  messages: Messages['provenance'];
  /** The `data-slot` of the footer, for example `chart-card-footer`. */
  slot: string;
  className?: string;
}

/** "1,204 rows · 84 ms · updated Dec 31, 2025, 6:00 AM", or nothing when there is nothing to say. */
export function ProvenanceFooter({ provenance, rows, locale, messages, slot, className }: ProvenanceFooterProps) {
  const parts: string[] = [];
  const count = provenance?.rowCount ?? rows;
  if (count !== undefined) {
    const written = messages.rows(count, new Intl.NumberFormat(locale).format(count));
    parts.push(provenance?.truncated ? `${written} ${messages.truncated}` : written);
  }
  if (provenance?.queryTimeMs !== undefined) {
    parts.push(
      messages.queryTime(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(provenance.queryTimeMs)),
    );
  }
  const fresh = describeFreshness(provenance?.freshness, locale);
  if (fresh) parts.push(messages.updated(fresh.text));
  if (parts.length === 0) return null;
  return (
    <footer data-slot={slot} className={cn('ip:text-ip-xs ip:text-ip-on-surface-variant', className)}>
      {parts.join(' · ')}
    </footer>
  );
}
