import type { ECElementEvent, EChartsType } from 'echarts/core';

/** An event handler; method syntax keeps handlers of narrower parameter types assignable. */
type Handler<Params> = { handle(params: Params, chart: EChartsType): void }['handle'];

/** ECharts' mouse events, whose handlers receive the element under the pointer. */
export type EChartMouseEventName =
  | 'click'
  | 'dblclick'
  | 'mousedown'
  | 'mousemove'
  | 'mouseup'
  | 'mouseover'
  | 'mouseout'
  | 'globalout'
  | 'contextmenu';

/**
 * Handlers by ECharts event name. Mouse events get an `ECElementEvent`; every other event
 * (`legendselectchanged`, `datazoom`, `finished`, …) passes its own shape, typed by the handler.
 */
export type EChartEvents = { [Name in EChartMouseEventName]?: Handler<ECElementEvent> } & {
  [name: string]: Handler<never> | undefined;
};
