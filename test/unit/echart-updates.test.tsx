import { render, waitFor } from '@testing-library/react';
import type { EChartsType } from 'echarts/core';
import { Component, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EChart, InsightPulseProvider } from '../../src';
import { barOption } from '../fixtures/charts';

/*
 * What a re-render costs a chart: the same option object, nothing (one identity check); a new object, exactly one
 * setOption, even when it equals the old one (echarts-for-react's deep compare skipped it); the loading state, the
 * loading mask alone.
 */

async function mounted() {
  const ready = vi.fn<(chart: EChartsType) => void>();
  const view = render(<EChart option={barOption} renderer="svg" onChartReady={ready} />);
  await waitFor(() => expect(ready).toHaveBeenCalled());
  const chart = ready.mock.lastCall?.[0] as EChartsType;
  const setOption = vi.spyOn(chart, 'setOption');
  const showLoading = vi.spyOn(chart, 'showLoading');
  const hideLoading = vi.spyOn(chart, 'hideLoading');
  return { ...view, ready, chart, setOption, showLoading, hideLoading };
}

describe('EChart updates', () => {
  it('sets nothing again for the same option object, however often its parent renders', async () => {
    const { rerender, setOption } = await mounted();
    for (let i = 0; i < 20; i++) rerender(<EChart option={barOption} renderer="svg" />);
    expect(setOption).not.toHaveBeenCalled();
  });

  it('applies a new option object with exactly one setOption, even one equal to the old', async () => {
    const { rerender, setOption } = await mounted();
    const equal = structuredClone(barOption);
    rerender(<EChart option={equal} renderer="svg" />);
    expect(setOption).toHaveBeenCalledTimes(1);
    rerender(<EChart option={equal} renderer="svg" />);
    expect(setOption).toHaveBeenCalledTimes(1);
    const changed = { ...barOption, title: { text: 'Another' } };
    rerender(<EChart option={changed} renderer="svg" />);
    expect(setOption).toHaveBeenCalledTimes(2);
  });

  it('shows and hides the loading mask without setting the option again', async () => {
    const { rerender, setOption, showLoading, hideLoading } = await mounted();
    rerender(<EChart option={barOption} renderer="svg" loading />);
    expect(showLoading).toHaveBeenCalledTimes(1);
    // (ECharts' showLoading hides any mask first: count from here.)
    const hidden = hideLoading.mock.calls.length;
    rerender(<EChart option={barOption} renderer="svg" />);
    expect(hideLoading).toHaveBeenCalledTimes(hidden + 1);
    expect(setOption).not.toHaveBeenCalled();
  });
});

describe('EChart re-rendered by its parent', () => {
  it('renders nothing again for the same props, an inline style with the same entries included', async () => {
    // Every render of the chart reads its event handlers: count the reads.
    let reads = 0;
    const onEvents = {
      get click() {
        reads++;
        return () => {};
      },
    };
    const ready = vi.fn<(chart: EChartsType) => void>();
    const page = (height: number) => (
      <EChart option={barOption} renderer="svg" onEvents={onEvents} onChartReady={ready} style={{ height }} />
    );
    const { rerender } = render(page(300));
    await waitFor(() => expect(ready).toHaveBeenCalled());
    const before = reads;
    for (let i = 0; i < 10; i++) rerender(page(300));
    expect(reads).toBe(before);
    rerender(page(320));
    expect(reads).toBeGreaterThan(before);
  });
});

describe('EChart props compared before rendering', () => {
  it('renders again when a prop is removed, even for another set to undefined', () => {
    const onClick = vi.fn();
    const { getByRole, rerender } = render(<EChart option={barOption} renderer="svg" onClick={onClick} />);
    rerender(<EChart option={barOption} renderer="svg" onMouseEnter={undefined} />);
    getByRole('img').click();
    expect(onClick).not.toHaveBeenCalled();
  });
});

/** Shows "failed" once its children throw. */
class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p>failed</p> : this.props.children;
  }
}

describe('EChart whose first drawing throws', () => {
  it('disposes the chart it created (React runs no cleanup for an effect that threw)', async () => {
    const { echarts } = await import('../../src/core');
    const failure = new Error('onChartReady failed');
    let created: EChartsType | undefined;
    let dom: HTMLElement | undefined;
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { findByText } = render(
      <Boundary>
        <EChart
          option={barOption}
          renderer="svg"
          onChartReady={(chart) => {
            created = chart;
            dom = chart.getDom();
            throw failure;
          }}
        />
      </Boundary>,
    );
    await findByText('failed');
    consoleError.mockRestore();
    expect(created?.isDisposed()).toBe(true);
    expect(dom && echarts.getInstanceByDom(dom)).toBeUndefined();
  });
});

describe('EChart and a mode switch', () => {
  it('re-themes in place with setTheme and sets no option', async () => {
    const ready = vi.fn<(chart: EChartsType) => void>();
    const page = (theme: 'light' | 'dark') => (
      <InsightPulseProvider theme={theme}>
        <EChart option={barOption} renderer="svg" onChartReady={ready} />
      </InsightPulseProvider>
    );
    const { rerender } = render(page('light'));
    await waitFor(() => expect(ready).toHaveBeenCalled());
    const chart = ready.mock.lastCall?.[0] as EChartsType;
    const setOption = vi.spyOn(chart, 'setOption');
    const setTheme = vi.spyOn(chart, 'setTheme');
    rerender(page('dark'));
    await waitFor(() => expect(setTheme).toHaveBeenCalledTimes(1));
    rerender(page('light'));
    await waitFor(() => expect(setTheme).toHaveBeenCalledTimes(2));
    expect(setOption).not.toHaveBeenCalled();
  });
});
