import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type ComponentProps, forwardRef, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import EChartsReactCoreModule from '#echarts-for-react-core';
import { chart as chartTokens } from '../../../themes/tokens';
import { guardNames } from '../../core/adapter/names';
import { loadChartModules, missingChartModules } from '../../core/echarts/on-demand';
import { echarts, echartsMajorVersion } from '../../core/echarts/setup';
import type { Messages, PartialMessages } from '../../core/messages';
import { enEChart } from '../../core/messages/en';
import { loadingOptions } from '../../theme/echarts-theme';
import { cn } from '../lib/cn';
import { useMergedRefs } from '../lib/merge-refs';
import { useWords } from '../lib/messages';
import { useIsomorphicLayoutEffect } from '../lib/use-isomorphic-layout-effect';
import { useMediaQuery } from '../lib/use-media-query';
import { type ThemeProp, useResolvedTheme } from '../lib/use-resolved-theme';
import { LiveChart } from './live-chart';
import type { EChartEvents } from './types';

const ENGLISH = { echart: enEChart };

// package.json's `#echarts-for-react-core` is echarts-for-react's ES module for bundlers (the `module` condition),
// which tree-shake it and its tslib helpers (2 KiB gzip less with esbuild), and its CommonJS build for Node, whose
// ESM loader hands the CommonJS default export over as `{ default }`.
const EChartsReactCoreBase: typeof EChartsReactCoreModule =
  (EChartsReactCoreModule as unknown as { default?: typeof EChartsReactCoreModule }).default ?? EChartsReactCoreModule;

/** Equal as props: the same value, or plain objects or arrays whose entries are the same values (one level). */
function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** The parts of echarts-for-react's class this file changes (private there, present at run time). */
type CoreInternals = {
  props: Record<string, unknown>;
  ele: HTMLElement | null;
  renderNewEcharts(): Promise<void>;
  dispose(): void;
  getEchartsInstance(): {
    setOption(option: unknown, settings: object): void;
    showLoading(option?: unknown): void;
    hideLoading(): void;
  };
};

/**
 * echarts-for-react's class with two changes, as a subclass (its own class is left as it is):
 *
 * - An update compares the option by identity: the same object costs one comparison, and a new one is applied with
 *   exactly one `setOption`, as README says (echarts-for-react deep-compares it, which at 100k points costs
 *   milliseconds a render and swallows a new option equal to the old). A change of the loading state or its look
 *   (the mode's loading colours) shows or hides the loading mask without setting the option again. The other
 *   props (theme, init options) compare one level deep, since EChart writes them afresh. EChart binds its events
 *   itself and follows its size with a ResizeObserver (LiveChart), so neither is handled here.
 * - It draws a new chart asynchronously and then reads its element, in a promise componentDidMount never awaits: a
 *   chart unmounted in between (an answer replaced while it loads, a test ending) has no element, and the promise
 *   rejected unhandled. Such a chart has nothing left to draw, so that rejection is dropped; any other failure still
 *   surfaces.
 */
export function libraryCore(Core: typeof EChartsReactCoreModule): typeof EChartsReactCoreModule {
  class Guarded extends Core {}
  const draw = (Core.prototype as unknown as CoreInternals).renderNewEcharts;
  const own = Guarded.prototype as unknown as CoreInternals & {
    componentDidUpdate(prev: Record<string, unknown>): void;
  };
  own.renderNewEcharts = function (this: CoreInternals) {
    return draw.call(this).catch((error: unknown) => {
      if (this.ele) throw error;
    });
  };
  own.componentDidUpdate = function (this: CoreInternals, prev: Record<string, unknown>) {
    const props = this.props;
    if (!shallowEqual(prev.theme, props.theme) || !shallowEqual(prev.opts, props.opts)) {
      this.dispose();
      void this.renderNewEcharts();
      return;
    }
    const chart = this.getEchartsInstance();
    if (!chart) return;
    if (prev.option !== props.option || !shallowEqual(prev.replaceMerge, props.replaceMerge)) {
      chart.setOption(props.option, { replaceMerge: props.replaceMerge });
    }
    if (prev.showLoading !== props.showLoading || !shallowEqual(prev.loadingOption, props.loadingOption)) {
      if (props.showLoading) chart.showLoading(props.loadingOption);
      else chart.hideLoading();
    }
  };
  return Guarded;
}

const EChartsReactCore = /* @__PURE__ */ libraryCore(EChartsReactCoreBase);

/** Layout effects in the browser, no warning on the server (React 18). */

/** ECharts 6 can switch the theme of a live chart; ECharts 5 needs a new instance. */
const canSetTheme = echartsMajorVersion >= 6;

export interface EChartProps extends Omit<ComponentProps<'div'>, 'children' | 'ref'> {
  /** The ECharts option. The same object costs nothing; a new object is applied with exactly one `setOption`. */
  option: EChartsCoreOption;
  /**
   * `'light'`, `'dark'`, `'system'` (follows `prefers-color-scheme`) or a registered theme name. Default: the mode
   * of the nearest `<InsightPulseProvider>`, else `'light'`.
   */
  theme?: ThemeProp;
  /** Words to change for this chart (`echart.label`, its name before it renders). Default the provider's. */
  messages?: PartialMessages;
  /** Default `'canvas'`. */
  renderer?: 'canvas' | 'svg';
  /**
   * Event handlers by ECharts event name (`click`, `legendselectchanged`, …). Handlers may be new
   * functions on every render: the chart binds each event name once and always calls the newest handler.
   */
  onEvents?: EChartEvents;
  /** Called with the ECharts instance once it has rendered its first option. */
  onChartReady?: (chart: EChartsType) => void;
  /** Shows the themed loading mask. Default `false`. */
  loading?: boolean;
  /**
   * Components replaced (not merged) when the option changes, so that ones that disappeared are removed.
   * Default `['series']`.
   */
  replaceMerge?: string[];
}

const DEFAULT_REPLACE_MERGE = ['series'];

/** The option's first title, the chart's name until ECharts' aria module describes it. */
function titleOf(option: EChartsCoreOption): string | undefined {
  const title = Array.isArray(option.title) ? option.title[0] : option.title;
  const text = (title as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' && text ? text : undefined;
}

/**
 * Turns on ECharts' aria module, which writes a description of the data into the container's
 * `aria-label` (ECharts also turns it on for any option that has `aria`). An `aria-label` prop
 * replaces the generated description.
 */
function withAria(
  option: EChartsCoreOption,
  label: string | undefined,
  words: Messages['echart']['aria'],
): EChartsCoreOption {
  const aria = (option.aria ?? {}) as { enabled?: boolean; label?: object };
  // The words of the generated description, from the catalogue; an option's own `aria.label` settings win.
  const templates = {
    general: { withTitle: words.withTitle, withoutTitle: words.withoutTitle },
    series: {
      single: { prefix: '', withName: words.singleWithName, withoutName: words.singleWithoutName },
      multiple: {
        prefix: words.multiplePrefix,
        withName: words.multipleWithName,
        withoutName: words.multipleWithoutName,
      },
    },
    data: {
      allData: words.allData,
      partialData: words.partialData,
      withName: words.dataWithName,
      withoutName: words.dataWithoutName,
    },
  };
  return {
    ...option,
    aria: {
      enabled: true,
      ...aria,
      label: { ...templates, ...aria.label, ...(label === undefined ? {} : { description: label }) },
    },
  };
}

/**
 * The chart primitive every InsightPulse chart renders with: echarts-for-react's core on a tree-shaken
 * ECharts, in the InsightPulse theme. It follows its container's size, keeps event bindings stable
 * and switches theme without remounting. Its ref is the chart's container element.
 */
export const EChart = forwardRef<HTMLDivElement, EChartProps>(function EChart(
  {
    option,
    theme,
    renderer = 'canvas',
    onEvents,
    onChartReady,
    loading = false,
    replaceMerge = DEFAULT_REPLACE_MERGE,
    messages: messagesProp,
    className,
    style,
    ...props
  }: EChartProps,
  ref,
) {
  const { mode, name: themeName } = useResolvedTheme(theme);
  const words = useWords({ messages: messagesProp }, ENGLISH).words.echart;
  const fallbackLabel = words.label;
  // echarts-for-react is a class: its instance holds the container element as `ele`.
  const setRoot = useMergedRefs(ref);
  const classRef = useCallback(
    (instance: EChartsReactCoreModule | null) =>
      setRoot((instance as unknown as { ele?: HTMLDivElement | null } | null)?.ele ?? null),
    [setRoot],
  );
  // The names of the events to bind: a new handler for an already bound name changes nothing.
  const eventNames = Object.keys(onEvents ?? {})
    .filter((name) => typeof onEvents?.[name] === 'function')
    .sort()
    .join(' ');

  const latest = useRef({ onEvents, onChartReady, themeName, eventNames });
  useIsomorphicLayoutEffect(() => {
    latest.current = { onEvents, onChartReady, themeName, eventNames };
  });

  // ECharts 6 re-themes a live chart, so echarts-for-react keeps the instance it created with the first
  // theme and `setTheme` follows; on ECharts 5 a new theme makes echarts-for-react re-create the instance.
  const [initialTheme] = useState(themeName);
  const createdWith = canSetTheme ? initialTheme : themeName;

  const [live] = useState(() => new LiveChart(() => latest.current.onEvents));
  useEffect(() => () => live.release(), [live]);
  useEffect(() => live.bind(eventNames), [live, eventNames]);
  useEffect(() => live.setTheme(themeName), [live, themeName]);

  const handleReady = useCallback(
    (chart: EChartsType) => {
      if (!live.adopt(chart, createdWith)) return;
      live.setTheme(latest.current.themeName);
      live.bind(latest.current.eventNames);
      latest.current.onChartReady?.(chart);
    },
    [live, createdWith],
  );

  // ECharts' aria module describes the chart on the container, which is announced as one image.
  const ariaLabel = props['aria-label'];
  // People who ask their system for less motion get charts without animation.
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const accessibleOption = useMemo(() => {
    // Names that are Object.prototype keys would crash ECharts' lookups or change Object.prototype (see names.ts).
    const described = withAria(guardNames(option), ariaLabel, words.aria);
    return reducedMotion && option.animation === undefined ? { ...described, animation: false } : described;
  }, [option, ariaLabel, reducedMotion, words.aria]);
  const opts = useMemo(() => ({ renderer }), [renderer]);
  const loadingOption = useMemo(() => loadingOptions(mode), [mode]);

  // Scatter, heatmap and funnel charts, visual maps, titles and the SVG renderer load on first use: until
  // they have, the chart's box holds its place. A chunk that fails to load goes to the error boundary.
  const missing = missingChartModules(accessibleOption, renderer).join(' ');
  const [, setLoaded] = useState(0);
  const [loadError, setLoadError] = useState<unknown>();
  useEffect(() => {
    if (!missing) return;
    let current = true;
    loadChartModules(accessibleOption, { renderer }).then(
      () => current && setLoaded((n) => n + 1),
      (error: unknown) => current && setLoadError(() => error),
    );
    return () => {
      current = false;
    };
  }, [missing, accessibleOption, renderer]);
  if (loadError !== undefined) throw loadError;

  if (missing) {
    const { id, title } = props;
    return (
      <div
        ref={setRoot}
        id={id}
        title={title}
        role="img"
        aria-label={ariaLabel ?? titleOf(option) ?? fallbackLabel}
        aria-busy="true"
        data-slot="echart"
        data-state="loading"
        className={cn('ip:block ip:w-full', className)}
        style={{ height: chartTokens.height, ...style }}
      />
    );
  }

  return (
    <EChartsReactCore
      {...props}
      ref={classRef}
      echarts={echarts}
      option={accessibleOption}
      theme={createdWith}
      opts={opts}
      replaceMerge={replaceMerge}
      showLoading={loading}
      loadingOption={loadingOption}
      autoResize={false}
      onChartReady={handleReady}
      role="img"
      // Until ECharts' aria module writes its description (and on the server), the title names the chart.
      aria-label={ariaLabel ?? titleOf(option) ?? fallbackLabel}
      data-slot="echart"
      data-state={loading ? 'loading' : 'ready'}
      aria-busy={loading || undefined}
      className={cn('ip:block ip:w-full', className)}
      style={{ height: chartTokens.height, ...style }}
    />
  );
});
