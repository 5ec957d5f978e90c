import { render, waitFor } from '@testing-library/react';
import type { EChartsType } from 'echarts/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EChart } from '../../src';
import { barOption } from '../fixtures/charts';

function prefersReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query === '(prefers-reduced-motion: reduce)',
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

async function renderedOption(option = barOption) {
  const ready = vi.fn<(chart: EChartsType) => void>();
  render(<EChart option={option} renderer="svg" onChartReady={ready} />);
  await waitFor(() => expect(ready).toHaveBeenCalled());
  const chart = ready.mock.lastCall?.[0];
  if (!chart) throw new Error('the chart never became ready');
  return chart.getOption();
}

afterEach(() => vi.unstubAllGlobals());

describe('EChart and reduced motion', () => {
  it('turns animation off for people who ask for less motion', async () => {
    prefersReducedMotion(true);
    expect((await renderedOption()).animation).toBe(false);
  });

  it('animates otherwise, and an option that sets animation itself is left alone', async () => {
    prefersReducedMotion(false);
    expect((await renderedOption()).animation).not.toBe(false);
    prefersReducedMotion(true);
    expect((await renderedOption({ ...barOption, animation: true })).animation).toBe(true);
  });
});
