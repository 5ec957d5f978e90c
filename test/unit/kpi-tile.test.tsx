import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { KpiGrid, KpiTile, type KpiTileProps } from '../../src/react/kpi-tile';
import { hostileLabels } from '../fixtures/charts';

const revenue: KpiTileProps = {
  label: 'Revenue',
  value: 1_200_000,
  format: { kind: 'compact' },
  comparisons: {
    previous: { value: 1_200_000 / 1.15, label: 'vs last month' },
    target: { value: 1_200_000 / 0.92, label: 'vs Q4 target' },
  },
};
const SENTENCE = 'Revenue 1.2M, up 15% vs last month, 92% of Q4 target';

const slot = (root: HTMLElement, name: string) => root.querySelector(`[data-slot="${name}"]`);

describe('KpiTile', () => {
  it('is a group named by its sentence, with its state and trend as data attributes', () => {
    render(<KpiTile {...revenue} />);
    const tile = screen.getByRole('group', { name: SENTENCE });
    expect(tile).toHaveAttribute('data-slot', 'kpi-tile');
    expect(tile).toHaveAttribute('data-state', 'ready');
    expect(tile).toHaveAttribute('data-trend', 'up');
    expect(tile).toHaveAttribute('data-sentiment', 'positive');
    expect(tile).toHaveAttribute('data-size', 'md');
    expect(slot(tile, 'kpi-tile-label')).toHaveTextContent('Revenue');
    expect(slot(tile, 'kpi-tile-value')).toHaveTextContent('1.2M');
    const [previous, target] = tile.querySelectorAll('[data-slot="kpi-tile-delta"]');
    expect(previous).toHaveTextContent('+15%vs last month');
    expect(previous).toHaveAttribute('data-comparison', 'previous');
    expect(target).toHaveTextContent('92% of Q4 target');
    expect(target).toHaveAttribute('data-trend', 'down');
    expect(target).toHaveAttribute('data-sentiment', 'negative');
  });

  it('shows a trend with an arrow and a sign, not colour alone', () => {
    const { container } = render(<KpiTile label="Orders" value={90} comparisons={{ previous: { value: 100 } }} />);
    const delta = slot(container, 'kpi-tile-delta') as HTMLElement;
    expect(delta.querySelector('svg[aria-hidden="true"] path')).not.toBeNull();
    expect(delta).toHaveTextContent('-10%vs previous period');
    expect(screen.getByRole('group')).toHaveAccessibleName('Orders 90, down 10% vs previous period');
  });

  it('is a button with onClick, named by the sentence', () => {
    const onClick = vi.fn();
    render(<KpiTile {...revenue} onClick={onClick} />);
    const button = screen.getByRole('button', { name: SENTENCE });
    expect(button).toHaveAttribute('type', 'button');
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is a link with href (and still calls onClick)', () => {
    const onClick = vi.fn();
    render(<KpiTile {...revenue} href="/revenue?month=2025-12" onClick={onClick} />);
    const link = screen.getByRole('link', { name: SENTENCE });
    expect(link).toHaveAttribute('href', '/revenue?month=2025-12');
    expect(screen.queryByRole('button')).toBeNull();
    fireEvent.click(link);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('swaps the sentiment when down is good', () => {
    render(
      <KpiTile
        label="Days to close"
        value={5.2}
        format={{ kind: 'number', maximumFractionDigits: 1 }}
        comparisons={{ previous: { value: 6.5 } }}
        downIsGood
      />,
    );
    const tile = screen.getByRole('group', { name: 'Days to close 5.2, down 20% vs previous period' });
    expect(tile).toHaveAttribute('data-trend', 'down');
    expect(tile).toHaveAttribute('data-sentiment', 'positive');
    expect(slot(tile, 'kpi-tile-delta')).toHaveAttribute('data-sentiment', 'positive');
  });

  it('is flat within the neutral band, and takes a band of its own', () => {
    const { rerender } = render(<KpiTile label="AOV" value={100.3} comparisons={{ previous: { value: 100 } }} />);
    expect(screen.getByRole('group')).toHaveAttribute('data-trend', 'flat');
    expect(screen.getByRole('group')).toHaveAttribute('data-sentiment', 'neutral');
    expect(screen.getByRole('group')).toHaveAccessibleName('AOV 100.3, flat (up 0.3%) vs previous period');
    rerender(<KpiTile label="AOV" value={100.3} comparisons={{ previous: { value: 100 } }} neutralBand={0} />);
    expect(screen.getByRole('group')).toHaveAttribute('data-trend', 'up');
  });

  it('writes the change as the deltaDisplay asks', () => {
    const props: KpiTileProps = {
      label: 'Revenue',
      value: 1150,
      format: { kind: 'currency', currency: 'PHP', maximumFractionDigits: 0 },
      comparisons: { previous: { value: 1000 } },
    };
    const { rerender, container } = render(<KpiTile {...props} deltaDisplay="absolute" />);
    expect(slot(container, 'kpi-tile-delta')).toHaveTextContent('+₱150vs previous period');
    rerender(<KpiTile {...props} deltaDisplay="both" />);
    expect(slot(container, 'kpi-tile-delta')).toHaveTextContent('+₱150 (+15%)vs previous period');
    expect(screen.getByRole('group')).toHaveAccessibleName('Revenue ₱1,150, up ₱150 (15%) vs previous period');
  });

  it('shows progress toward the target as a progressbar', () => {
    render(<KpiTile {...revenue} progress />);
    const bar = screen.getByRole('progressbar', { name: 'Progress toward Q4 target' });
    expect(bar).toHaveAttribute('aria-valuenow', '92');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '92% of Q4 target');
  });

  it('keeps the progressbar within 0 to 100 and says the real progress', () => {
    render(<KpiTile label="Orders" value={120} comparisons={{ target: { value: 100 } }} progress />);
    const bar = screen.getByRole('progressbar', { name: 'Progress toward target' });
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '120% of target');
  });

  it('has no progressbar without progress, or without a target', () => {
    const { rerender } = render(<KpiTile {...revenue} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    rerender(<KpiTile label="Orders" value={1} progress />);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows loading, with the label and no value', () => {
    render(<KpiTile {...revenue} loading />);
    const tile = screen.getByRole('group', { name: 'Revenue, loading' });
    expect(tile).toHaveAttribute('data-state', 'loading');
    expect(tile).toHaveAttribute('aria-busy', 'true');
    expect(tile).not.toHaveAttribute('data-trend');
    expect(slot(tile, 'kpi-tile-skeleton')).not.toBeNull();
    expect(slot(tile, 'kpi-tile-value')).toBeNull();
  });

  it('shows an error message', () => {
    render(<KpiTile {...revenue} error="The warehouse did not answer in time." />);
    const tile = screen.getByRole('group', { name: 'Revenue, error: The warehouse did not answer in time.' });
    expect(tile).toHaveAttribute('data-state', 'error');
    expect(slot(tile, 'kpi-tile-error')).toHaveTextContent('The warehouse did not answer in time.');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('is empty for a %s value, never NaN on screen', (_, value) => {
    const { container } = render(<KpiTile {...revenue} value={value} sparkline={{ values: [1, 2] }} />);
    const tile = screen.getByRole('group', { name: 'Revenue, no data' });
    expect(tile).toHaveAttribute('data-state', 'empty');
    expect(slot(tile, 'kpi-tile-empty')).toHaveTextContent('No data');
    expect(container.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('says its own empty message', () => {
    render(<KpiTile label="Refunds" value={null} emptyMessage="No refunds this month" />);
    expect(screen.getByRole('group', { name: 'Refunds, No refunds this month' })).toHaveTextContent(
      'No refunds this month',
    );
  });

  it('leaves out a comparison that is null or not finite', () => {
    const { container } = render(
      <KpiTile
        label="Orders"
        value={10}
        comparisons={{ previous: { value: Number.NaN }, target: { value: null } }}
        progress
      />,
    );
    expect(screen.getByRole('group', { name: 'Orders 10' })).toHaveAttribute('data-trend', 'flat');
    expect(slot(container, 'kpi-tile-delta')).toBeNull();
    expect(container.textContent).not.toContain('NaN');
  });

  it('shows a format it cannot write as an error, not a crash', () => {
    render(<KpiTile label="Revenue" value={10} format={{ kind: 'currency', currency: 'XYZ' }} />);
    const tile = screen.getByRole('group', { name: /^Revenue, error: Unknown currency code "XYZ"/ });
    expect(tile).toHaveAttribute('data-state', 'error');
  });

  it('shows an invalid neutral band as an error', () => {
    render(<KpiTile label="Revenue" value={10} neutralBand={-1} />);
    expect(screen.getByRole('group')).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('group')).toHaveAccessibleName(/neutralBand must not be negative/);
  });

  it('draws the sparkline as SVG with no text, hidden from assistive technology', () => {
    const { container } = render(<KpiTile {...revenue} sparkline={{ values: [3, 5, null, 4, 6, 8] }} />);
    const svg = slot(container, 'kpi-tile-sparkline') as SVGElement;
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(svg).toHaveAttribute('focusable', 'false');
    expect(svg.textContent).toBe('');
    expect(svg.querySelector('text, title, desc')).toBeNull();
    // The gap splits the line in two.
    expect(svg.querySelector('path')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect(within(screen.getByRole('group')).queryByRole('img')).toBeNull();
  });

  it('draws areas and bars, and nothing for a sparkline with no values', () => {
    const { container, rerender } = render(<KpiTile {...revenue} sparkline={{ values: [1, 2, 3], kind: 'area' }} />);
    expect(slot(container, 'kpi-tile-sparkline')?.querySelectorAll('path')).toHaveLength(2);
    // A gap splits the area; a lone value after it is a dot on the line and has no area.
    rerender(<KpiTile {...revenue} sparkline={{ values: [1, 2, null, 3], kind: 'area' }} />);
    const [area, line] = slot(container, 'kpi-tile-sparkline')?.querySelectorAll('path') ?? [];
    expect(area?.getAttribute('d')).toBe('M0 24L0 22.5L33.33 12L33.33 24Z');
    expect(line?.getAttribute('d')).toBe('M0 22.5L33.33 12M100 1.5h0');
    rerender(<KpiTile {...revenue} sparkline={{ values: [1, -2, null, 3], kind: 'bar' }} />);
    expect(slot(container, 'kpi-tile-sparkline')?.querySelectorAll('rect')).toHaveLength(3);
    rerender(<KpiTile {...revenue} sparkline={{ values: [null, Number.NaN] }} />);
    expect(slot(container, 'kpi-tile-sparkline')).toBeNull();
  });

  it('shows when the data was written', () => {
    render(<KpiTile {...revenue} provenance={{ freshness: '2025-12-31' }} />);
    const time = screen.getByText('Updated Dec 31, 2025');
    expect(time.tagName.toLowerCase()).toBe('time');
    expect(time).toHaveAttribute('datetime', '2025-12-31');
    expect(screen.getByRole('group')).toHaveAccessibleName(`${SENTENCE}, updated Dec 31, 2025`);
  });

  it('writes numbers in its locale', () => {
    render(<KpiTile {...revenue} locale="de-DE" period="Dez. 2025" />);
    expect(screen.getByRole('group')).toHaveAccessibleName(
      'Revenue (Dez. 2025) 1,2\u00a0Mio., up 15\u00a0% vs last month, 92\u00a0% of Q4 target',
    );
  });

  it.each(hostileLabels)('shows the hostile label %s as text, with a title', (label) => {
    const { container } = render(<KpiTile label={label} value={1} />);
    const shown = slot(container, 'kpi-tile-label');
    expect(shown).toHaveTextContent(label);
    expect(shown).toHaveAttribute('title', label);
    expect(container.querySelector('img, script, a, iframe, svg[onload]')).toBeNull();
    expect(screen.getByRole('group')).toHaveAccessibleName(`${label} 1`);
  });

  it('cuts a long, right-to-left or emoji label to one line, with its direction and a title', () => {
    const long = `${'Revenue from every store in every region '.repeat(6)}📈`;
    const { rerender, container } = render(<KpiTile label={long} value={1} />);
    const label = slot(container, 'kpi-tile-label') as HTMLElement;
    expect(label).toHaveAttribute('title', long);
    expect(label.className).toContain('ip:truncate');
    expect(label).toHaveAttribute('dir', 'auto');
    rerender(<KpiTile label="الإيرادات 🚀" value={1} />);
    expect(slot(container, 'kpi-tile-label')).toHaveTextContent('الإيرادات 🚀');
  });

  it('spreads props onto the root and merges className last', () => {
    render(<KpiTile {...revenue} id="revenue" data-testid="tile" className="my-tile" size="lg" />);
    const tile = screen.getByTestId('tile');
    expect(tile).toHaveAttribute('id', 'revenue');
    expect(tile).toHaveAttribute('data-size', 'lg');
    expect(tile.className.endsWith('my-tile')).toBe(true);
  });
});

describe('KpiGrid', () => {
  it('is a named region holding a list of tiles in reading order', () => {
    render(
      <KpiGrid label="Executive KPIs" minTileWidth={240}>
        <KpiTile label="Revenue" value={1} />
        {null}
        <KpiTile label="Orders" value={2} />
        <KpiTile label="Margin" value={3} />
      </KpiGrid>,
    );
    const region = screen.getByRole('region', { name: 'Executive KPIs' });
    const list = within(region).getByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items.map((item) => within(item).getByRole('group').getAttribute('aria-label'))).toEqual([
      'Revenue 1',
      'Orders 2',
      'Margin 3',
    ]);
    expect(region.style.getPropertyValue('--ip-kpi-tile-min')).toBe('240px');
  });

  it('takes a CSS length as the narrowest tile, and spreads props onto its root', () => {
    render(
      <KpiGrid minTileWidth="16rem" data-testid="grid" className="my-grid">
        <KpiTile label="Revenue" value={1} />
      </KpiGrid>,
    );
    const grid = screen.getByTestId('grid');
    expect(grid.style.getPropertyValue('--ip-kpi-tile-min')).toBe('16rem');
    expect(grid.className.endsWith('my-grid')).toBe(true);
    // Without a label it is no landmark.
    expect(screen.queryByRole('region')).toBeNull();
  });
});
