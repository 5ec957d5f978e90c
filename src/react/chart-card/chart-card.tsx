import type { EChartsType } from 'echarts/core';
import {
  type ComponentProps,
  forwardRef,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { chart as chartTokens } from '../../../themes/tokens';
import { rowsBehindPoint } from '../../core/adapter/points';
import type { ChartReason, ChartReasonMessages } from '../../core/adapter/reasons';
import { enChart, enChartCard, enCommon, enProvenance } from '../../core/messages/en';
import { EChart, type EChartEvents } from '../chart';
import { cn } from '../lib/cn';
import { useWords } from '../lib/messages';
import { ProvenanceFooter } from '../lib/provenance';
import { useResolvedTheme } from '../lib/use-resolved-theme';
import { Icon, type IconName } from './icons';
import type { ChartCardProps } from './types';
import { useChartCard } from './use-chart-card';

type View = 'chart' | 'table' | 'sql';

const ENGLISH = { common: enCommon, chartCard: enChartCard, provenance: enProvenance, chart: enChart };

/** The full-screen dialog, the data view's table and the downloads load together, on first use (see extras.ts). */
const loadExtras = () => import('./extras');
const FullScreen = lazy(() => loadExtras().then((extras) => ({ default: extras.FullScreen })));
const DataTable = lazy(() => loadExtras().then((extras) => ({ default: extras.DataTable })));
/** English's chart-choice sentences, loaded when a card is first asked why (see reasons.ts). */
const loadEnglishReasons = () => import('./reasons').then((reasons) => reasons.enChartReasons);

type ToolbarButtonProps = { icon: IconName; label: string; pressed?: boolean } & Omit<
  ComponentProps<'button'>,
  'children' | 'ref'
>;

const ToolbarButton = forwardRef<HTMLButtonElement, ToolbarButtonProps>(function ToolbarButton(
  { icon, label, pressed, ...props },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      data-slot="chart-card-action"
      className={cn(
        'ip:inline-flex ip:size-8 ip:cursor-pointer ip:items-center ip:justify-center ip:rounded-ip-md ip:border-0 ip:bg-transparent ip:p-0 ip:text-ip-on-surface-variant',
        'ip:hover:bg-ip-surface-variant ip:focus-visible:outline-2 ip:focus-visible:outline-offset-2 ip:focus-visible:outline-ip-primary',
        'ip:disabled:cursor-default ip:disabled:opacity-40 ip:aria-pressed:bg-ip-primary-container ip:aria-pressed:text-ip-on-primary-container',
      )}
      {...props}
    >
      <Icon name={icon} />
    </button>
  );
});

/**
 * A titled card around one chart: it charts a result set (choosing the chart when asked, and saying
 * why) or a ready ECharts option, shows loading, empty and error states, and offers downloads (PNG,
 * SVG, CSV), the data as a table, the SQL, and full screen. Its ref is the root `<section>`.
 */
export const ChartCard = forwardRef<HTMLElement, ChartCardProps>(function ChartCard(
  {
    title,
    description,
    data,
    spec,
    option: rawOption,
    locale: localeProp,
    height = chartTokens.height,
    provenance,
    actions,
    loading,
    error,
    onRetry,
    emptyMessage,
    onPointClick,
    onChoice,
    theme,
    headingLevel = 3,
    messages: messagesProp,
    className,
    ...props
  }: ChartCardProps,
  ref,
) {
  const { locale, words: messages, catalogue } = useWords({ locale: localeProp, messages: messagesProp }, ENGLISH);
  const words = messages.chartCard;
  const model = useChartCard({
    data,
    spec,
    option: rawOption,
    locale,
    loading,
    error,
    emptyMessage: emptyMessage ?? messages.common.empty,
    dataError: messages.common.dataError,
    words: messages.chart,
  });
  const { state, option, table, choice } = model;
  const [view, setView] = useState<View>('chart');
  const [fullScreen, setFullScreen] = useState(false);
  // Said once in the live region when an action fails after the click (the SVG renderer fails to load).
  const [failure, setFailure] = useState<string>();
  const fullScreenButton = useRef<HTMLButtonElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const resolved = useResolvedTheme(theme);
  const titleId = useId();
  const descriptionId = useId();
  const reasonId = useId();
  // "Why this chart?": open or not, and English's sentences once loaded (when the catalogue has no sentence).
  const [explaining, setExplaining] = useState(false);
  const [englishReasons, setEnglishReasons] = useState<ChartReasonMessages>();
  const sayReason = choice && (catalogue?.chartReasons?.[choice.reason.code] ?? englishReasons?.[choice.reason.code]);
  const reason = choice && sayReason ? (sayReason as (reason: ChartReason) => string)(choice.reason) : undefined;
  const explain = () => {
    setExplaining((open) => !open);
    if (!reason && !englishReasons) {
      loadEnglishReasons().then(setEnglishReasons, () => setExplaining(false));
    }
  };

  const onChoiceRef = useRef(onChoice);
  onChoiceRef.current = onChoice;
  const announcedChoice = useRef('');
  useEffect(() => {
    const key = choice ? JSON.stringify(choice) : '';
    if (!choice || key === announcedChoice.current) return;
    announcedChoice.current = key;
    onChoiceRef.current?.(choice);
  }, [choice]);

  const events = useMemo<EChartEvents | undefined>(() => {
    if (!onPointClick || !option) return undefined;
    return {
      click: (params) =>
        onPointClick({
          // EChart hands events the names as the data has them (without the guard on Object.prototype keys).
          name: String(params.name ?? ''),
          seriesName: String(params.seriesName ?? ''),
          seriesIndex: params.seriesIndex ?? 0,
          dataIndex: params.dataIndex,
          rows: rowsBehindPoint(option, params.seriesIndex ?? 0, params.dataIndex).map(model.rowAt),
        }),
    };
  }, [onPointClick, option, model.rowAt]);

  const size = () => ({
    width: chartRef.current?.getWidth() || 800,
    height: chartRef.current?.getHeight() || height,
    theme: resolved.name,
  });
  // Rendering waits for any chart modules not loaded yet; a failure is said in the live region.
  const downloadImage = (format: 'png' | 'svg') => {
    if (!option) return;
    setFailure(undefined);
    loadExtras()
      .then((extras) => extras.downloadImage(option, size(), format, title))
      .catch(() => setFailure(words.exportFailed(title, format.toUpperCase())));
  };
  const downloadCSV = () => {
    if (!table) return;
    setFailure(undefined);
    loadExtras().then(
      (extras) => extras.downloadCSV(table, title),
      () => setFailure(words.exportFailed(title, 'CSV')),
    );
  };
  const onReady = useCallback((chart: EChartsType) => {
    chartRef.current = chart;
  }, []);
  const toggle = (next: View) => {
    setFailure(undefined);
    setView((current) => (current === next ? 'chart' : next));
  };
  const ready = state === 'ready';
  const sql = provenance?.sql;

  const Heading = `h${headingLevel}` as const;
  // One live region stays mounted, so screen readers hear the card load and its view change.
  const announcement =
    failure ??
    (state === 'loading'
      ? messages.common.loading(title)
      : state === 'ready'
        ? view === 'table'
          ? words.showingTable(title)
          : view === 'sql' && sql
            ? words.showingSQL(title)
            : words.ready(title)
        : '');

  let body: ReactNode;
  if (state === 'loading') {
    body = (
      <div
        aria-hidden="true"
        data-slot="chart-card-skeleton"
        style={{ height }}
        className="ip:animate-pulse ip:rounded-ip-md ip:bg-ip-surface-variant"
      />
    );
  } else if (view === 'sql' && sql) {
    body = (
      <pre
        data-slot="chart-card-sql"
        style={{ maxHeight: height }}
        className="ip:m-0 ip:overflow-auto ip:rounded-ip-md ip:bg-ip-surface-variant ip:p-3 ip:font-ip-mono ip:text-ip-sm"
      >
        <code>{sql}</code>
      </pre>
    );
  } else if (state === 'error') {
    body = (
      <div
        role="alert"
        data-slot="chart-card-error"
        style={{ minHeight: height / 2 }}
        className="ip:flex ip:flex-col ip:items-start ip:justify-center ip:gap-3"
      >
        <p data-slot="chart-card-error-message" className="ip:m-0 ip:text-ip-error">
          {model.message}
        </p>
        {onRetry && (
          <button
            type="button"
            data-slot="chart-card-retry"
            onClick={onRetry}
            className="ip:inline-flex ip:cursor-pointer ip:items-center ip:gap-2 ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-transparent ip:px-3 ip:py-1 ip:text-ip-on-surface ip:hover:bg-ip-surface-variant ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary"
          >
            <Icon name="retry" />
            {messages.common.retry}
          </button>
        )}
      </div>
    );
  } else if (state === 'empty') {
    body = (
      <p
        data-slot="chart-card-empty"
        style={{ minHeight: height / 2 }}
        className="ip:m-0 ip:flex ip:items-center ip:justify-center ip:text-ip-on-surface-variant"
      >
        {model.message}
      </p>
    );
  } else if (view === 'table' && table) {
    // Every row, virtualized, in the formats and locale of the chart; the card's height is the viewport.
    body = (
      <div data-slot="chart-card-table">
        <Suspense fallback={<div aria-busy="true" style={{ height }} />}>
          <DataTable
            data={table}
            label={words.tableLabel(title)}
            locale={locale}
            height={height}
            // The provider's words with the card's: the table reads no provider (extras.ts).
            messages={catalogue}
          />
        </Suspense>
      </div>
    );
  } else if (option) {
    body = (
      <EChart
        option={option}
        theme={theme}
        messages={messagesProp}
        onEvents={events}
        onChartReady={onReady}
        aria-describedby={description ? descriptionId : undefined}
        style={{ height }}
      />
    );
  }

  return (
    <section
      {...props}
      ref={ref}
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || undefined}
      data-slot="chart-card"
      data-state={state}
      className={cn(
        'ip:flex ip:flex-col ip:gap-3 ip:rounded-ip-lg ip:border ip:border-solid ip:border-ip-outline-variant ip:bg-ip-surface ip:p-4 ip:font-ip-sans ip:text-ip-on-surface',
        className,
      )}
    >
      <header data-slot="chart-card-header" className="ip:flex ip:items-start ip:justify-between ip:gap-2">
        <div data-slot="chart-card-heading" className="ip:min-w-0">
          <Heading
            id={titleId}
            data-slot="chart-card-title"
            className="ip:m-0 ip:text-ip-lg ip:font-ip-semibold ip:break-words"
          >
            {title}
          </Heading>
          {description && (
            <p
              id={descriptionId}
              data-slot="chart-card-description"
              className="ip:m-0 ip:mt-1 ip:text-ip-sm ip:text-ip-on-surface-variant"
            >
              {description}
            </p>
          )}
          {choice && ready && (
            <p
              id={reasonId}
              hidden={!explaining || !reason}
              data-slot="chart-card-reason"
              className="ip:m-0 ip:mt-1 ip:text-ip-xs ip:text-ip-on-surface-variant"
            >
              {reason}
            </p>
          )}
        </div>
        <fieldset
          aria-label={words.actions(title)}
          data-slot="chart-card-toolbar"
          className="ip:m-0 ip:flex ip:min-w-0 ip:shrink-0 ip:items-center ip:gap-1 ip:border-0 ip:p-0"
        >
          {choice && ready && (
            <ToolbarButton
              icon="info"
              label={words.whyChart}
              aria-expanded={explaining}
              aria-controls={reasonId}
              onClick={explain}
            />
          )}
          <ToolbarButton
            icon="image"
            label={words.downloadPNG}
            onClick={() => downloadImage('png')}
            disabled={!ready || !option}
          />
          <ToolbarButton
            icon="code"
            label={words.downloadSVG}
            onClick={() => downloadImage('svg')}
            disabled={!ready || !option}
          />
          <ToolbarButton icon="download" label={words.downloadCSV} onClick={downloadCSV} disabled={!ready || !table} />
          <ToolbarButton
            icon="table"
            label={words.viewTable}
            pressed={view === 'table'}
            onClick={() => toggle('table')}
            disabled={!ready || !table}
          />
          {sql !== undefined && (
            <ToolbarButton
              icon="sql"
              label={words.viewSQL}
              pressed={view === 'sql'}
              onClick={() => toggle('sql')}
              disabled={state === 'loading'}
            />
          )}
          <ToolbarButton
            ref={fullScreenButton}
            icon="expand"
            label={words.fullScreen}
            aria-haspopup="dialog"
            onClick={() => setFullScreen(true)}
            disabled={!ready || !option}
          />
          {actions}
        </fieldset>
      </header>
      {body}
      {fullScreen && option && (
        <Suspense fallback={null}>
          <FullScreen
            title={title}
            description={description}
            onClose={() => setFullScreen(false)}
            closeLabel={words.close}
            returnFocus={fullScreenButton}
            mode={resolved.mode}
          >
            <EChart
              option={option}
              theme={theme}
              messages={messagesProp}
              onEvents={events}
              aria-describedby={description ? descriptionId : undefined}
              style={{ height: '70vh' }}
            />
          </FullScreen>
        </Suspense>
      )}
      <output data-slot="chart-card-status" className="ip:sr-only">
        {announcement}
      </output>
      <ProvenanceFooter
        slot="chart-card-footer"
        provenance={provenance}
        rows={table?.rowCount}
        locale={locale}
        messages={messages.provenance}
      />
    </section>
  );
});
