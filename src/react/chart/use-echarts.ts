import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { echarts, echartsMajorVersion } from '../../core/echarts/setup';
import { useIsomorphicLayoutEffect } from '../lib/use-isomorphic-layout-effect';
import { LiveChart } from './live-chart';
import type { EChartEvents } from './types';

/** ECharts 6 can switch the theme of a live chart; ECharts 5 needs a new instance. */
const canSetTheme = echartsMajorVersion >= 6;

export interface UseEChartsOptions {
  /** The container the chart draws into; `null` while there is none (nothing is created). */
  container: RefObject<HTMLDivElement | null>;
  /** Whether the container is rendered and the chart may be created (false while its modules load). */
  enabled: boolean;
  /** The option: the same object costs nothing, a new one is applied with exactly one `setOption`. */
  option: EChartsCoreOption;
  /** Components replaced (not merged) by a new option. */
  replaceMerge: readonly string[];
  /** A registered theme name. */
  theme: string;
  renderer: 'canvas' | 'svg';
  loading: boolean;
  /** The loading mask's look (it follows the mode). */
  loadingOption: object;
  /** The handlers by event name, read when an event fires; `eventNames` says which names to bind. */
  onEvents: () => EChartEvents | undefined;
  /** The names of the events to bind, sorted and space-separated: a new handler for a bound name changes nothing. */
  eventNames: string;
  onChartReady?: (chart: EChartsType) => void;
}

/** Equal as props: the same value, or arrays whose entries are the same values. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((item, i) => item === b[i]));
}

/**
 * An ECharts instance for a container, on the library's tree-shaken `echarts/core`, for the component's lifetime:
 *
 * - created once the container is there, with the theme and renderer in force, and its option set at once (no
 *   temporary instance, no deep comparison); a new renderer (or, on ECharts 5, a new theme) creates a new one;
 * - a new option object is applied with exactly one `setOption`; the same object costs one comparison; the
 *   loading state shows or hides the mask and sets no option;
 * - the theme switches in place (`setTheme`) and the size follows the container, both through the page's frame
 *   queue (see frames.ts), so that many charts resizing or re-theming share frames instead of blocking one;
 * - disposed on unmount.
 */
export function useECharts(options: UseEChartsOptions): void {
  const latest = useRef(options);
  useIsomorphicLayoutEffect(() => {
    latest.current = options;
  });
  const [live] = useState(() => new LiveChart(() => latest.current.onEvents()));
  /** What the instance shows now: the option, replaceMerge and loading state last applied. */
  const applied = useRef<{ option?: EChartsCoreOption; replaceMerge?: readonly string[]; loading?: object | false }>(
    {},
  );

  const { container, enabled, renderer, option, replaceMerge, theme, loading, loadingOption, eventNames } = options;
  const recreateOn = canSetTheme ? undefined : theme;

  // biome-ignore lint/correctness/useExhaustiveDependencies: on ECharts 5 a new theme needs a new instance (recreateOn).
  useEffect(() => {
    const dom = container.current;
    if (!enabled || !dom) return;
    const now = latest.current;
    const chart = echarts.init(dom, now.theme, { renderer });
    live.adopt(chart, now.theme);
    try {
      chart.setOption(now.option);
      if (now.loading) chart.showLoading(now.loadingOption);
      applied.current = {
        option: now.option,
        replaceMerge: now.replaceMerge,
        loading: now.loading && now.loadingOption,
      };
      live.bind(now.eventNames);
      now.onChartReady?.(chart);
    } catch (error) {
      // React runs no cleanup for an effect that threw: the instance and its place in the frame queue go now.
      live.release();
      applied.current = {};
      throw error;
    }
    return () => {
      live.release();
      applied.current = {};
    };
  }, [container, enabled, renderer, recreateOn, live]);

  useEffect(() => {
    const chart = live.current;
    const was = applied.current;
    if (!chart || (was.option === option && was.replaceMerge && sameList(was.replaceMerge, replaceMerge))) return;
    chart.setOption(option, { replaceMerge: [...replaceMerge] });
    applied.current = { ...was, option, replaceMerge };
  }, [live, option, replaceMerge]);

  useEffect(() => {
    const chart = live.current;
    const wanted = loading && loadingOption;
    if (!chart || applied.current.loading === wanted) return;
    if (wanted) chart.showLoading(wanted);
    else chart.hideLoading();
    applied.current = { ...applied.current, loading: wanted };
  }, [live, loading, loadingOption]);

  useEffect(() => live.bind(eventNames), [live, eventNames]);
  useEffect(() => live.setTheme(theme), [live, theme]);
}
