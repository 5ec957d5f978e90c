import type { EChartsType } from 'echarts/core';
import { unguardName } from '../../core/adapter/names';
import { type ChartFrame, trackChart } from './frames';
import type { EChartEvents } from './types';

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

/**
 * What `<EChart>` attaches to the ECharts instance it creates: event bindings, its place in the page's frame queue
 * (size and theme, see frames.ts) and the theme in force. It binds each event name once, so that new handler
 * functions never re-bind, and lets go of everything when the instance is replaced or the chart unmounts.
 */
export class LiveChart {
  private chart: EChartsType | null = null;
  private frame: ChartFrame | null = null;
  private theme: string | undefined;
  private readonly bindings = new Map<string, (params: unknown) => void>();

  constructor(private readonly handlers: () => EChartEvents | undefined) {}

  /** The instance held, unless it has been disposed. */
  get current(): EChartsType | null {
    return this.chart && !this.chart.isDisposed() ? this.chart : null;
  }

  /** Takes over an instance created with `theme`: follows its container's size from now on. */
  adopt(chart: EChartsType, theme: string): void {
    if (this.chart === chart) return;
    this.release();
    this.chart = chart;
    this.theme = theme;
    const dom = chart.getDom();
    // The container's size when the chart last drew (ECharts' own size leaves out the container's padding).
    let drawn = { width: dom.clientWidth, height: dom.clientHeight };
    this.frame = trackChart(dom, () => {
      const now = { width: dom.clientWidth, height: dom.clientHeight };
      if (chart.isDisposed() || (now.width === drawn.width && now.height === drawn.height)) return false;
      drawn = now;
      chart.resize({ width: 'auto', height: 'auto' });
      // Painted now, inside the frame's budget, rather than in ECharts' own next frame outside it.
      chart.getZr().flush();
      return true;
    });
  }

  /** Binds each named event once; the handler is looked up when the event fires. */
  bind(eventNames: string): void {
    const chart = this.current;
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

  /**
   * Switches the theme in place (ECharts 6 `setTheme`) in the page's next frame with room for it, charts on screen
   * first (see frames.ts); nothing when it is already in force.
   */
  setTheme(themeName: string): void {
    const chart = this.current;
    if (!chart || typeof chart.setTheme !== 'function') return;
    this.frame?.queue('theme', () => {
      if (chart.isDisposed() || this.theme === themeName) return;
      chart.setTheme(themeName);
      chart.getZr().flush();
      this.theme = themeName;
    });
  }

  /** Unmount: leave the page's queue and dispose the instance. */
  release(): void {
    this.frame?.remove();
    this.frame = null;
    const chart = this.chart;
    this.chart = null;
    this.bindings.clear();
    if (chart && !chart.isDisposed()) chart.dispose();
  }
}
