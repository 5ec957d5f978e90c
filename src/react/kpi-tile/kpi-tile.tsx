import { forwardRef, type ReactNode } from 'react';
import { createFormatter, FormatError } from '../../core/format';
import type { FormatSpec } from '../../core/format/types';
import {
  computeKpi,
  describeChange,
  describeFreshness,
  describeTarget,
  type Kpi,
  KpiError,
  type KpiTrend,
  kpiSentence,
} from '../../core/kpi';
import { enCommon, enKpiTile } from '../../core/messages/en';
import { isSafeUrl } from '../../core/util/url';
import { cn } from '../lib/cn';
import { useWords } from '../lib/messages';
import { Sparkline } from './sparkline';
import type { KpiTileComparison, KpiTileProps, KpiTileSize, KpiTileState } from './types';

const DEFAULT_FORMAT: FormatSpec = { kind: 'number' };
const ENGLISH = { common: enCommon, kpiTile: enKpiTile };

const SIZES: Record<KpiTileSize, { root: string; label: string; value: string; spark: string }> = {
  sm: { root: 'ip:gap-1 ip:p-3', label: 'ip:text-ip-xs', value: 'ip:text-ip-xl', spark: 'ip:h-6' },
  md: { root: 'ip:gap-2 ip:p-4', label: 'ip:text-ip-sm', value: 'ip:text-ip-2xl', spark: 'ip:h-8' },
  lg: { root: 'ip:gap-3 ip:p-5', label: 'ip:text-ip-md', value: 'ip:text-ip-3xl', spark: 'ip:h-10' },
};

const ICONS: Record<KpiTrend | 'error', string> = {
  up: 'M8 3l6 9H2z',
  down: 'M8 13L2 4h12z',
  flat: 'M2 7h8V4l4 4-4 4V9H2z',
  error: 'M7 3h2v6H7zm0 8h2v2H7z',
};

/** A 16×16 glyph, hidden from assistive technology: the words beside it carry the meaning. */
function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      data-slot="kpi-tile-icon"
      className="ip:size-3 ip:shrink-0"
    >
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );
}

/** A comparison's value when it is usable: given, not null and finite. */
const base = (comparison: KpiTileComparison | undefined) =>
  typeof comparison?.value === 'number' && Number.isFinite(comparison.value) ? comparison.value : undefined;

/** A comparison and its trend, in the trend's words and colours (`data-sentiment` picks the colour). */
const DELTA =
  'ip:inline-flex ip:min-w-0 ip:items-center ip:gap-1 ip:text-ip-on-surface-variant ip:data-[sentiment=positive]:text-ip-success ip:data-[sentiment=negative]:text-ip-error';

/**
 * One number that matters, with how it moved: the value in its format, the change against the previous period
 * and progress toward a target (each with an arrow and a sign, never colour alone), a sparkline and freshness.
 * The whole tile has one accessible name, a sentence that says all of it ("Revenue ₱1.2M, up 15% vs previous
 * period, 92% of target"). It is a group named by the sentence; with `onClick` or `href` (a drill-down) it holds
 * a button or a link named by the sentence instead, covering the whole tile.
 * `data-state` (`loading|empty|error|ready`), `data-trend` (`up|down|flat`) and `data-sentiment` are on the root.
 * Its ref is the root element.
 */
export const KpiTile = forwardRef<HTMLDivElement, KpiTileProps>(function KpiTile(
  {
    label,
    value,
    format = DEFAULT_FORMAT,
    locale: localeProp,
    period,
    comparisons,
    deltaDisplay = 'percent',
    downIsGood = false,
    neutralBand,
    progress = false,
    sparkline,
    provenance,
    loading = false,
    error,
    emptyMessage,
    messages: messagesProp,
    onClick,
    href,
    size = 'md',
    className,
    ...props
  }: KpiTileProps,
  ref,
) {
  const { locale, words: messages } = useWords({ locale: localeProp, messages: messagesProp }, ENGLISH);
  const words = messages.kpiTile;
  const freshness = provenance?.freshness;
  const sizes = SIZES[size] ?? SIZES.md;
  const previousLabel = comparisons?.previous?.label ?? words.previousLabel;
  const targetLabel = comparisons?.target?.label ?? words.targetLabel;
  const options = { format, locale, deltaDisplay, messages: words };

  const errorMessage = error ? (typeof error === 'string' ? error : error.message) : undefined;
  let state: KpiTileState = loading ? 'loading' : errorMessage !== undefined ? 'error' : 'ready';
  let message = errorMessage;
  let kpi: Kpi | undefined;
  let sentence = '';
  let formatted = '';
  if (state === 'ready' && (typeof value !== 'number' || !Number.isFinite(value))) state = 'empty';
  try {
    if (state === 'ready') {
      kpi = computeKpi({
        value: value as number,
        previous: base(comparisons?.previous),
        target: base(comparisons?.target),
        downIsGood,
        neutralBand,
      });
      formatted = createFormatter(format, { locale })(kpi.value);
    }
    sentence = kpiSentence({
      label,
      kpi,
      period,
      previousLabel,
      targetLabel,
      freshness,
      loading,
      error: message,
      ...options,
    });
    if (state === 'empty' && emptyMessage) sentence = words.join([words.head(label, period), emptyMessage]);
  } catch (problem) {
    // A format Intl cannot write, or a neutral band that is not a ratio: said in the tile, not thrown at the page.
    if (!(problem instanceof FormatError || problem instanceof KpiError)) throw problem;
    state = 'error';
    kpi = undefined;
    message = messages.common.dataError(problem);
    sentence = words.errorSentence(words.head(label, period), message);
  }

  const previous = kpi?.comparisons.previous;
  const target = kpi?.comparisons.target;
  const fresh = state === 'ready' ? describeFreshness(freshness, locale) : undefined;
  // A link only to the web, mail or phone, or within the app: never javascript:, data: or the like.
  const link = href !== undefined && isSafeUrl(href, 'link') ? href : undefined;
  const interactive = link !== undefined || onClick !== undefined;
  // An interactive tile's button or link covers the tile and holds no text of its own, so its name (the sentence)
  // never disagrees with text inside it (WCAG 2.5.3, label in name).
  // Its title (the sentence, with the whole label) is the tooltip the covered label cannot show.
  const actionProps = {
    'aria-label': sentence,
    title: sentence,
    'data-slot': 'kpi-tile-action',
    onClick,
    className:
      'ip:absolute ip:inset-0 ip:m-0 ip:cursor-pointer ip:rounded-ip-lg ip:border-0 ip:bg-transparent ip:p-0 ip:focus-visible:outline-2 ip:focus-visible:outline-offset-2 ip:focus-visible:outline-ip-primary',
  };

  let body: ReactNode;
  if (state === 'loading') {
    body = (
      <span data-slot="kpi-tile-skeleton" className="ip:flex ip:flex-col ip:gap-2">
        <span
          data-slot="kpi-tile-skeleton-value"
          className={cn('ip:block ip:h-[1.2em] ip:w-2/3 ip:rounded-ip-sm ip:bg-ip-surface-variant', sizes.value)}
        />
        <span
          data-slot="kpi-tile-skeleton-line"
          className="ip:block ip:h-3 ip:w-1/2 ip:rounded-ip-sm ip:bg-ip-surface-variant"
        />
      </span>
    );
  } else if (state === 'error') {
    body = (
      <span data-slot="kpi-tile-error" className="ip:flex ip:items-start ip:gap-1 ip:text-ip-sm ip:text-ip-error">
        <Icon name="error" />
        <span data-slot="kpi-tile-error-message" className="ip:min-w-0 ip:break-words">
          {message}
        </span>
      </span>
    );
  } else if (state === 'empty') {
    body = (
      <span data-slot="kpi-tile-empty" className="ip:text-ip-sm ip:text-ip-on-surface-variant">
        {emptyMessage ?? messages.common.empty}
      </span>
    );
  } else {
    const change = previous && describeChange(previous, options);
    const goal = target && describeTarget(target, { ...options, label: targetLabel });
    const share = target?.progress;
    const filled = Math.min(Math.max(share ?? 0, 0), 1);
    body = (
      <>
        <span
          data-slot="kpi-tile-value"
          title={formatted}
          className={cn(
            'ip:block ip:truncate ip:font-ip-semibold ip:leading-ip-tight ip:tabular-nums ip:text-ip-on-surface',
            sizes.value,
          )}
        >
          {formatted}
        </span>
        {(change || goal) && (
          <span
            data-slot="kpi-tile-comparisons"
            className="ip:flex ip:flex-wrap ip:gap-x-3 ip:gap-y-1 ip:text-ip-sm ip:leading-ip-tight"
          >
            {previous && change && (
              <span
                data-slot="kpi-tile-delta"
                data-comparison="previous"
                data-trend={previous.trend}
                data-sentiment={previous.sentiment}
                className={DELTA}
              >
                <Icon name={previous.trend} />
                <span
                  data-slot="kpi-tile-delta-value"
                  className="ip:shrink-0 ip:font-ip-medium ip:whitespace-nowrap ip:tabular-nums"
                >
                  {change.shown}
                </span>
                <span data-slot="kpi-tile-delta-label" className="ip:truncate ip:text-ip-on-surface-variant">
                  {previousLabel}
                </span>
              </span>
            )}
            {target && goal && (
              <span
                data-slot="kpi-tile-delta"
                data-comparison="target"
                data-trend={target.trend}
                data-sentiment={target.sentiment}
                className={DELTA}
              >
                <Icon name={target.trend} />
                <span data-slot="kpi-tile-delta-value" className="ip:truncate ip:font-ip-medium">
                  {goal.shown}
                </span>
              </span>
            )}
          </span>
        )}
        {progress && goal && share !== undefined && (
          <span
            role="progressbar"
            aria-label={words.progress(words.targetNoun(targetLabel))}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(filled * 1000) / 10}
            aria-valuetext={goal.said}
            data-slot="kpi-tile-progress"
            className="ip:block ip:h-1.5 ip:w-full ip:overflow-hidden ip:rounded-ip-full ip:bg-ip-surface-variant"
          >
            <span
              data-slot="kpi-tile-progress-indicator"
              className="ip:block ip:h-full ip:rounded-ip-full ip:bg-ip-primary"
              style={{ width: `${filled * 100}%` }}
            />
          </span>
        )}
      </>
    );
  }

  return (
    <div
      {...props}
      ref={ref}
      {...(interactive ? {} : { role: 'group', 'aria-label': sentence })}
      aria-busy={state === 'loading' || undefined}
      data-slot="kpi-tile"
      data-state={state}
      data-trend={kpi?.trend}
      data-sentiment={(previous ?? target)?.sentiment}
      data-size={size}
      className={cn(
        'ip:relative ip:flex ip:min-w-0 ip:flex-col ip:rounded-ip-lg ip:border ip:border-solid ip:border-ip-outline-variant ip:bg-ip-surface ip:font-ip-sans ip:text-ip-md ip:text-ip-on-surface',
        interactive && 'ip:hover:bg-ip-surface-container',
        sizes.root,
        className,
      )}
    >
      <span data-slot="kpi-tile-header" className="ip:flex ip:min-w-0 ip:items-baseline ip:gap-2">
        <span
          data-slot="kpi-tile-label"
          dir="auto"
          title={label}
          // It does not stretch: a right-to-left label (dir="auto") still starts at the tile's start edge.
          className={cn('ip:min-w-0 ip:truncate ip:font-ip-medium ip:text-ip-on-surface-variant', sizes.label)}
        >
          {label}
        </span>
        {period && (
          <span
            data-slot="kpi-tile-period"
            className="ip:ms-auto ip:shrink-0 ip:text-ip-xs ip:text-ip-on-surface-variant"
          >
            {period}
          </span>
        )}
      </span>
      {body}
      {state === 'ready' && (sparkline || fresh) && (
        <span data-slot="kpi-tile-footer" className="ip:mt-auto ip:flex ip:flex-col ip:gap-1">
          {sparkline && <Sparkline values={sparkline.values} kind={sparkline.kind} className={sizes.spark} />}
          {fresh && (
            <time
              data-slot="kpi-tile-freshness"
              dateTime={fresh.iso}
              className="ip:text-ip-xs ip:text-ip-on-surface-variant"
            >
              {words.updated(fresh.text)}
            </time>
          )}
        </span>
      )}
      {interactive &&
        (link !== undefined ? <a href={link} {...actionProps} /> : <button type="button" {...actionProps} />)}
    </div>
  );
});
