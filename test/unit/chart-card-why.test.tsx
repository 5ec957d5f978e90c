import 'vitest-canvas-mock';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChartCard } from '../../src';

const rows = [
  { month: '2026-01-01', revenue: 412_000 },
  { month: '2026-02-01', revenue: 398_000 },
  { month: '2026-03-01', revenue: 455_000 },
];

/** The paragraph the "Why this chart?" button controls. */
const reasonOf = (button: HTMLElement) => document.getElementById(button.getAttribute('aria-controls') ?? '');

describe('ChartCard says why it chose its chart, when asked', () => {
  it('opens and closes the explanation from the keyboard, loading the English sentences on first use', async () => {
    const user = userEvent.setup();
    render(<ChartCard title="Revenue" data={rows} />);
    const why = screen.getByRole('button', { name: 'Why this chart?' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    expect(reasonOf(why)).not.toBeVisible();

    why.focus();
    await user.keyboard('{Enter}');
    expect(why).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText(/^Time plus a measure: a line shows the trend of revenue over month\.$/i)).toBe(
      reasonOf(why),
    );
    expect(reasonOf(why)).toBeVisible();

    await user.keyboard(' ');
    expect(why).toHaveAttribute('aria-expanded', 'false');
    expect(reasonOf(why)).not.toBeVisible();
  });

  it("uses the catalogue's own sentence when it has one", async () => {
    const user = userEvent.setup();
    render(
      <ChartCard
        title="Revenue"
        data={rows}
        messages={{ chartReasons: { trend: ({ measures, time }) => `Trend: ${measures[0]} / ${time}.` } }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Why this chart?' }));
    expect(screen.getByText(/^Trend: revenue \/ month\.$/i)).toBeVisible();
  });

  it('offers no explanation for a chart the app specified', () => {
    render(<ChartCard title="Revenue" data={rows} spec={{ kind: 'bar', encoding: { x: 'month', y: 'revenue' } }} />);
    expect(screen.queryByRole('button', { name: 'Why this chart?' })).toBeNull();
  });
});
