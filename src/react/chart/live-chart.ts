import type { ECElementEvent, EChartsType } from 'echarts/core';
import { echarts } from '../../core/echarts/setup';
import type { EChartEventHandler } from './echart';

type Handlers = Record<string, EChartEventHandler | undefined> | undefined;

/**
 * The ECharts instance behind one mounted `<EChart>` and everything attached to it: event bindings,
 * the size observer and disposal. echarts-for-react initialises asynchronously (a temporary instance,
 * then the real one after the first `finished` event), so an unmount can come before the instance
 * exists or an instance can arrive after it; this object disposes whatever lives on the element in
 * either order, and binds events itself so that new handler functions never re-bind.
 */
export class LiveChart {
  private chart: EChartsType | null = null;
  private dom: HTMLElement | null = null;
  private observer: ResizeObserver | null = null;
  private frame = 0;
  private theme: string | undefined;
  private readonly bindings = new Map<string, (params: unknown) => void>();

  constructor(private readonly handlers: () => Handlers) {}

  /** The element echarts-for-react renders into, once mounted. */
  attach(dom: HTMLElement | null): void {
    this.dom = dom;
  }

  /** Unmount: dispose whatever instance lives on the element, including one still initialising. */
  detach(): void {
    this.release();
    if (this.dom) {
      const pending = echarts.getInstanceByDom(this.dom);
      if (pending && !pending.isDisposed()) pending.dispose();
    }
    this.dom = null;
  }

  /**
   * Takes over a freshly initialised instance, created with `theme`; returns false (and disposes it)
   * when the component is no longer mounted on its element.
   */
  adopt(chart: EChartsType, theme: string): boolean {
    if (!this.dom || chart.getDom() !== this.dom) {
      if (!chart.isDisposed()) chart.dispose();
      return false;
    }
    if (this.chart === chart) return false;
    this.release();
    this.chart = chart;
    this.theme = theme;
    this.observe(chart);
    return true;
  }

  /** Binds each named event once; handlers are looked up when the event fires. */
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
      const listener = (params: unknown) => {
        this.handlers()?.[name]?.(params as ECElementEvent, chart);
      };
      chart.on(name, listener);
      this.bindings.set(name, listener);
    }
  }

  /** Switches the theme in place (ECharts 6); a no-op when the theme is unchanged. */
  setTheme(themeName: string): void {
    const chart = this.live();
    if (!chart || this.theme === themeName || typeof chart.setTheme !== 'function') return;
    chart.setTheme(themeName);
    this.theme = themeName;
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

  private release(): void {
    this.observer?.disconnect();
    this.observer = null;
    cancelAnimationFrame(this.frame);
    const chart = this.chart;
    this.chart = null;
    this.bindings.clear();
    if (chart && !chart.isDisposed()) chart.dispose();
  }
}
