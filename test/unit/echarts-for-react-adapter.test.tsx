import { render, waitFor } from '@testing-library/react';
import type { EChartsType } from 'echarts/core';
import { describe, expect, it, vi } from 'vitest';
import { InsightPulseProvider } from '../../src';
import { loadChartModules } from '../../src/core';
import { InsightPulseECharts } from '../../src/react/echarts-for-react';
import { colors } from '../../themes/tokens';
import { barOption } from '../fixtures/charts';

/*
 * The documented adapter for apps that keep echarts-for-react: its component on the library's ECharts (the InsightPulse
 * themes registered, the option's modules installed), in the provider's mode.
 */

async function drawn(ui: (ready: (chart: EChartsType) => void) => React.ReactElement) {
  const ready = vi.fn<(chart: EChartsType) => void>();
  const view = render(ui(ready));
  await waitFor(() => expect(ready).toHaveBeenCalled());
  return { ...view, chart: ready.mock.lastCall?.[0] as EChartsType };
}

const background = (chart: EChartsType) => (chart.getOption() as { backgroundColor?: unknown }).backgroundColor;

describe('InsightPulseECharts (echarts-for-react on the library ECharts)', () => {
  it("draws in the provider's mode with the InsightPulse theme", async () => {
    // Modules the library loads on demand (here the SVG renderer) are the app's to load first.
    await loadChartModules(barOption, { renderer: 'svg' });
    const { chart, container } = await drawn((ready) => (
      <InsightPulseProvider theme="dark">
        <InsightPulseECharts option={barOption} opts={{ renderer: 'svg' }} onChartReady={ready} />
      </InsightPulseProvider>
    ));
    expect(background(chart)).toBe(colors.dark.background);
    // The bars were drawn (the bar chart is among the modules the library installs).
    expect(container.querySelectorAll('path').length).toBeGreaterThan(0);
  });

  it('takes a mode of its own, light by default', async () => {
    const { chart } = await drawn((ready) => (
      <InsightPulseECharts option={barOption} opts={{ renderer: 'svg' }} onChartReady={ready} />
    ));
    expect(background(chart)).toBe(colors.light.background);
  });
});
