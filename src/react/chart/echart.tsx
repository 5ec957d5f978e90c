import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type ComponentProps, forwardRef, memo, useEffect, useMemo, useRef, useState } from 'react';
import { chart as chartTokens } from '../../../themes/tokens';
import { guardNames } from '../../core/adapter/names';
import { loadChartModules, missingChartModules } from '../../core/echarts/on-demand';
import type { Messages, PartialMessages } from '../../core/messages';
import { enEChart } from '../../core/messages/en';
import { loadingOptions } from '../../theme/echarts-theme';
import { cn } from '../lib/cn';
import { useMergedRefs } from '../lib/merge-refs';
import { useWords } from '../lib/messages';
import { useIsomorphicLayoutEffect } from '../lib/use-isomorphic-layout-effect';
import { useMediaQuery } from '../lib/use-media-query';
import { type ThemeProp, useResolvedTheme } from '../lib/use-resolved-theme';
import type { EChartEvents } from './types';
import { useECharts } from './use-echarts';

const ENGLISH = { echart: enEChart };

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

/** The chart primitive's rendering; `EChart` is it behind a comparison of its props. */
const EChartRender = forwardRef<HTMLDivElement, EChartProps>(function EChart(
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
  const container = useRef<HTMLDivElement>(null);
  const setRoot = useMergedRefs(ref, container);
  // The names of the events to bind: a new handler for an already bound name changes nothing.
  const eventNames = Object.keys(onEvents ?? {})
    .filter((name) => typeof onEvents?.[name] === 'function')
    .sort()
    .join(' ');
  const handlers = useRef(onEvents);
  useIsomorphicLayoutEffect(() => {
    handlers.current = onEvents;
  });

  // ECharts' aria module describes the chart on the container, which is announced as one image.
  const ariaLabel = props['aria-label'];
  // People who ask their system for less motion get charts without animation.
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const accessibleOption = useMemo(() => {
    // Names that are Object.prototype keys would crash ECharts' lookups or change Object.prototype (see names.ts).
    const described = withAria(guardNames(option), ariaLabel, words.aria);
    return reducedMotion && option.animation === undefined ? { ...described, animation: false } : described;
  }, [option, ariaLabel, reducedMotion, words.aria]);
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

  useECharts({
    container,
    enabled: !missing,
    option: accessibleOption,
    replaceMerge,
    theme: themeName,
    renderer,
    loading,
    loadingOption,
    onEvents: () => handlers.current,
    eventNames,
    onChartReady,
  });

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
    <div
      {...props}
      ref={setRoot}
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

/** Props equal for rendering: the same values, and a `style` written inline with the same entries. */
function sameProps(before: Readonly<EChartProps>, after: Readonly<EChartProps>): boolean {
  const keys = Object.keys(after) as (keyof EChartProps)[];
  if (Object.keys(before).length !== keys.length) return false;
  return keys.every((key) => {
    if (!Object.hasOwn(before, key)) return false;
    const [a, b] = [before[key], after[key]];
    if (Object.is(a, b)) return true;
    if (key !== 'style' || !a || !b) return false;
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    const entries = Object.keys(y);
    return Object.keys(x).length === entries.length && entries.every((name) => Object.is(x[name], y[name]));
  });
}

/**
 * The chart primitive every InsightPulse chart renders with: one ECharts instance on a tree-shaken `echarts/core`
 * (`useECharts`), in the InsightPulse theme. It follows its container's size, keeps event bindings stable and
 * switches theme without remounting; charts share the page's frames for resizing and re-theming (frames.ts). Its
 * ref is the chart's container element. A parent's re-render with the same props (an inline `style` with the same
 * entries included) costs one comparison of them and renders nothing.
 */
export const EChart = memo(EChartRender, sameProps);
