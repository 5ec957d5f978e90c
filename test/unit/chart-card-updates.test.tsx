import { render, waitFor } from '@testing-library/react';
import { getInstanceByDom } from 'echarts/core';
import { describe, expect, it, vi } from 'vitest';
import { ChartCard } from '../../src';

/*
 * A ChartCard's data written inline (`data={{ rows, meta }}`) is a new object every render: the card keys it by its
 * rows and metadata, so re-rendering the parent builds nothing and sets no option; new rows set it once.
 */

const rows = [
  { region: 'NCR', revenue: 120 },
  { region: 'Visayas', revenue: 80 },
];
const meta = [
  { name: 'region', type: 'string' as const },
  { name: 'revenue', type: 'number' as const, role: 'measure' as const },
];

describe('ChartCard re-renders', () => {
  it('keeps its option while the rows and metadata are the same, and sets it once for new rows', async () => {
    const page = (data: { rows: typeof rows; meta: typeof meta }) => (
      <ChartCard title="Revenue" data={data} spec="auto" />
    );
    const { container, rerender } = render(page({ rows, meta }));
    const element = () => container.querySelector('[data-slot="echart"]') as HTMLElement | null;
    await waitFor(() => expect(element() && getInstanceByDom(element() as HTMLElement)).toBeTruthy());
    const chart = getInstanceByDom(element() as HTMLElement);
    if (!chart) throw new Error('no chart');
    const setOption = vi.spyOn(chart, 'setOption');
    for (let i = 0; i < 10; i++) rerender(page({ rows, meta }));
    expect(setOption).not.toHaveBeenCalled();
    rerender(page({ rows: [...rows, { region: 'Mindanao', revenue: 60 }], meta }));
    expect(setOption).toHaveBeenCalledTimes(1);
  });
});
