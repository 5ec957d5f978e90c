import type { ECElementEvent } from 'echarts/core';
import { assertType, describe, expectTypeOf, it } from 'vitest';
import type { EChartEvents, EChartProps } from '../../src';

// Checked by tsc through Vitest's typecheck (the `types` project): a wrong type fails the test.
describe('EChart event types', () => {
  it('types mouse events as ECElementEvent', () => {
    expectTypeOf<Parameters<NonNullable<EChartEvents['click']>>[0]>().toEqualTypeOf<ECElementEvent>();
    expectTypeOf<Parameters<NonNullable<EChartEvents['mouseover']>>[0]>().toEqualTypeOf<ECElementEvent>();
  });

  it('lets other events declare their own shape', () => {
    const events: EChartEvents = {
      click: (params) => {
        expectTypeOf(params).toEqualTypeOf<ECElementEvent>();
      },
      legendselectchanged: (params: { name: string; selected: Record<string, boolean> }) => {
        expectTypeOf(params.selected).toEqualTypeOf<Record<string, boolean>>();
      },
      finished: () => {},
    };
    expectTypeOf(events).toExtend<EChartProps['onEvents']>();
  });

  it('refuses a mouse handler that expects something other than an ECElementEvent', () => {
    // @ts-expect-error a click handler receives an ECElementEvent, not a number
    assertType<EChartEvents>({ click: (params: number) => params });
  });
});
