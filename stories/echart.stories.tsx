import type { Meta, StoryObj } from '@storybook/react-vite';
import type { EChartsType } from 'echarts/core';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { EChart } from '../src';
import { barOption, emptyOption, hostileOption, lineOption, pieOption } from '../test/fixtures/charts';
import { colors } from '../themes/tokens';

const meta = {
  title: 'Primitives/EChart',
  component: EChart,
  args: { option: lineOption, onChartReady: fn() },
} satisfies Meta<typeof EChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits until the chart has rendered and returns its ECharts instance. */
async function rendered(args: { onChartReady?: unknown }): Promise<EChartsType> {
  const ready = args.onChartReady as ReturnType<typeof fn>;
  await waitFor(() => expect(ready).toHaveBeenCalled(), { timeout: 5000 });
  return ready.mock.lastCall?.[0] as EChartsType;
}

export const Line: Story = {
  play: async ({ args, canvas }) => {
    const chart = await rendered(args);
    await expect(canvas.getByRole('img')).toHaveAccessibleName(/Revenue by region/);
    await expect(chart.getOption().series).toHaveLength(3);
  },
};

/** In Filipino (the toolbar's Language switch): ECharts' description of the data is written from the catalogue. */
export const Filipino: Story = {
  parameters: { locale: 'fil-PH' },
  args: { option: barOption },
  play: async ({ args, canvas }) => {
    await rendered(args);
    await waitFor(() => expect(canvas.getByRole('img')).toHaveAccessibleName(/^Ito ay tsart tungkol sa /));
  },
};

export const LineDark: Story = {
  parameters: { theme: 'dark' },
  play: async ({ args }) => {
    const chart = await rendered(args);
    await expect(chart.getDom().closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    // The first series wears the dark palette's first colour.
    await expect(chart.getVisual({ seriesIndex: 0 }, 'color')).toBe(colors.dark.palette[0]);
  },
};

export const Bar: Story = { args: { option: barOption }, play: async ({ args }) => void (await rendered(args)) };

export const BarDark: Story = {
  args: { option: barOption },
  parameters: { theme: 'dark' },
  play: async ({ args }) => void (await rendered(args)),
};

export const Pie: Story = { args: { option: pieOption }, play: async ({ args }) => void (await rendered(args)) };

export const PieDark: Story = {
  args: { option: pieOption },
  parameters: { theme: 'dark' },
  play: async ({ args }) => void (await rendered(args)),
};

export const SVGRenderer: Story = {
  args: { renderer: 'svg' },
  play: async ({ args, canvasElement }) => {
    await rendered(args);
    await expect(canvasElement.querySelector('svg')).not.toBeNull();
  },
};

/** No rows: the axes and title stay, with nothing plotted. */
export const Empty: Story = {
  args: { option: emptyOption },
  play: async ({ args }) => {
    const chart = await rendered(args);
    await expect(chart.getOption().series).toHaveLength(1);
  },
};

/** Category, series and title text that is HTML: shown as text in labels and tooltips, never run. */
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

export const Loading: Story = {
  args: { loading: true },
  play: async ({ canvas }) => {
    const chart = canvas.getByRole('img');
    await expect(chart).toHaveAttribute('data-state', 'loading');
    await expect(chart).toHaveAttribute('aria-busy', 'true');
  },
};

/** The chart follows its container: the button halves and restores the container's width. */
export const Resize: Story = {
  render: function ResizeDemo(args) {
    const [narrow, setNarrow] = useState(false);
    return (
      <div>
        <button type="button" onClick={() => setNarrow((n) => !n)} style={{ marginBottom: 8 }}>
          {narrow ? 'Widen container' : 'Narrow container'}
        </button>
        <div data-testid="container" style={{ width: narrow ? 320 : 640, transition: 'none' }}>
          <EChart {...args} />
        </div>
      </div>
    );
  },
  play: async ({ args, canvasElement }) => {
    const chart = await rendered(args);
    const before = chart.getWidth();
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Narrow container' }));
    await waitFor(() => expect(chart.getWidth()).toBe(320));
    await expect(before).toBe(640);
  },
};
