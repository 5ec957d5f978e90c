import type { EChartsType } from 'echarts/core';
import { unguardName } from '../../core/adapter/names';
import type { EChartEvents } from './types';

/**
 * What `<EChart>` attaches to the ECharts instance echarts-for-react hands it: event bindings, a size
 * observer and the theme in force. echarts-for-react creates and disposes instances (it re-creates one
 * on a new theme or renderer); this object follows it, binds each event name once so that new handler
 * functions never re-bind, and lets go of everything on unmount.
 */
/** Event params with the names the data had: ECharts reports guarded names (see core/adapter/names.ts). */
function unguardParams(params: unknown): unknown {
  if (typeof params !== 'object' || params === null) return params;
  const { name, seriesName } = params as { name?: unknown; seriesName?: unknown };
  const plainName = typeof name === 'string' ? unguardName(name) : name;
  const plainSeries = typeof seriesName === 'string' ? unguardName(seriesName) : seriesName;
  return plainName === name && plainSeries === seriesName
    ? params
    : { ...params, name: plainName, seriesName: plainSeries };
}

export class LiveChart {
  private chart: EChartsType | null = null;
  private observer: ResizeObserver | null = null;
  private frame = 0;
  private theme: string | undefined;
  private readonly bindings = new Map<string, (params: unknown) => void>();

  constructor(private readonly handlers: () => EChartEvents | undefined) {}

  /** Takes over an instance created with `theme`; false when it is the one already held. */
  adopt(chart: EChartsType, theme: string): boolean {
    if (this.chart === chart) return false;
    this.release();
    this.chart = chart;
    this.theme = theme;
    this.observe(chart);
    return true;
  }

  /** Binds each named event once; the handler is looked up when the event fires. */
  bind(eventNames: string): void {
    const chart = this.live();
    if (!chart) return;
    const wanted = new Set(eventNames ? eventNames.split(' ') : []);
    for (const [name, listener] of this.bindings) {
      if (wanted.has(name)) continue;
      chart.off(name, listener);
      this.bindings.delete(name);
    }
    for (const name of wanted) {
      if (this.bindings.has(name)) continue;
      const listener = (params: unknown) => this.handlers()?.[name]?.(unguardParams(params) as never, chart);
      chart.on(name, listener);
      this.bindings.set(name, listener);
    }
  }

  /** Switches the theme in place (ECharts 6 `setTheme`); nothing when it is already in force. */
  setTheme(themeName: string): void {
    const chart = this.live();
    if (!chart || this.theme === themeName || typeof chart.setTheme !== 'function') return;
    chart.setTheme(themeName);
    this.theme = themeName;
  }

  /** Unmount: stop observing and dispose the instance (echarts-for-react disposes it too; twice is safe). */
  release(): void {
    this.observer?.disconnect();
    this.observer = null;
    cancelAnimationFrame(this.frame);
    const chart = this.chart;
    this.chart = null;
    this.bindings.clear();
    if (chart && !chart.isDisposed()) chart.dispose();
  }

  private live(): EChartsType | null {
    return this.chart && !this.chart.isDisposed() ? this.chart : null;
  }

  /** Follows the container's size; echarts-for-react's size-sensor is turned off. */
  private observe(chart: EChartsType): void {
    if (typeof ResizeObserver === 'undefined') return;
    const dom = chart.getDom();
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        if (chart.isDisposed()) return;
        if (dom.clientWidth !== chart.getWidth() || dom.clientHeight !== chart.getHeight()) {
          chart.resize({ width: 'auto', height: 'auto' });
        }
      });
    });
    this.observer.observe(dom);
  }
}
