import 'vitest-canvas-mock';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChartCard } from '../../src';
import { loadedRareBuilders } from '../../src/core/echarts/on-demand';

const points = [
  { price: 120, units: 40 },
  { price: 95, units: 52 },
  { price: 150, units: 31 },
];

describe('ChartCard draws the rarer kinds once their builders have loaded', () => {
  it('is loading until the scatter builder arrives, then ready with its description', async () => {
    expect(loadedRareBuilders()).toBeUndefined();
    const { container } = render(<ChartCard title="Price and units" data={points} />);
    const card = container.querySelector('[data-slot="chart-card"]');
    expect(card).toHaveAttribute('data-state', 'loading');
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    expect(loadedRareBuilders()).toBeDefined();
    await waitFor(
      () => expect(screen.getByLabelText(/^Scatter chart of units against price: 3 points\.$/)).toBeInTheDocument(),
      { timeout: 10_000 },
    );
  });

  it('draws a heatmap at once when the builders have loaded', () => {
    const cells = [
      { store: 'A', day: 'Mon', sales: 1 },
      { store: 'B', day: 'Tue', sales: 2 },
    ];
    const { container } = render(
      <ChartCard
        title="Sales"
        data={cells}
        spec={{ kind: 'heatmap', encoding: { x: 'store', y: 'day', color: 'sales' } }}
      />,
    );
    expect(container.querySelector('[data-slot="chart-card"]')).toHaveAttribute('data-state', 'ready');
  });
});
