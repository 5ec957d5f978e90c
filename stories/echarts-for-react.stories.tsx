import type { Meta, StoryObj } from '@storybook/react-vite';
import type { EChartsType } from 'echarts/core';
import { expect, fn, waitFor } from 'storybook/test';
import { InsightPulseECharts } from '../src/react/echarts-for-react';
import { barOption, hostileOption, lineOption } from '../test/fixtures/charts';
import { colors } from '../themes/tokens';

/*
 * `@insightpulse/ui/echarts-for-react`: echarts-for-react's component on the library's ECharts and theme, for apps
 * that keep it. It behaves as echarts-for-react does; EChart is the library's own primitive.
 */
const meta = {
  title: 'Primitives/InsightPulseECharts (echarts-for-react)',
  component: InsightPulseECharts,
  args: { option: lineOption, onChartReady: fn(), style: { height: 320 } },
} satisfies Meta<typeof InsightPulseECharts>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits until echarts-for-react has drawn the chart and returns its ECharts instance. */
async function rendered(args: { onChartReady?: unknown }): Promise<EChartsType> {
  const ready = args.onChartReady as ReturnType<typeof fn>;
  await waitFor(() => expect(ready).toHaveBeenCalled(), { timeout: 5000 });
  return ready.mock.lastCall?.[0] as EChartsType;
}

export const Line: Story = {
  play: async ({ args }) => {
    const chart = await rendered(args);
    await expect(chart.getVisual({ seriesIndex: 0 }, 'color')).toBe(colors.light.palette[0]);
  },
};

export const LineDark: Story = {
  parameters: { theme: 'dark' },
  play: async ({ args }) => {
    const chart = await rendered(args);
    await expect(chart.getVisual({ seriesIndex: 0 }, 'color')).toBe(colors.dark.palette[0]);
  },
};

export const BarDark: Story = {
  args: { option: barOption },
  parameters: { theme: 'dark' },
  play: async ({ args }) => void (await rendered(args)),
};

/** Labels that hold HTML show as text in the hovered tooltip and run nothing. */
export const HostileLabels: Story = {
  args: { option: hostileOption },
  play: async ({ args, canvasElement }) => {
    const chart = await rendered(args);
    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 });
    await waitFor(() => expect(canvasElement.textContent).toContain('<img src=x onerror='));
    await expect(canvasElement.querySelector('img, iframe, script, svg [onload]')).toBeNull();
    await expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  },
};
