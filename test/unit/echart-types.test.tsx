import type { ECElementEvent } from 'echarts/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { EChartEvents, EChartProps } from '../../src';

describe('EChart event types', () => {
  it('types mouse events as ECElementEvent and lets other events declare their own shape', () => {
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
});
