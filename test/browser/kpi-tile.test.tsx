import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { KpiGrid, KpiTile, type KpiTileProps } from '../../src/react/kpi-tile';

const revenue: KpiTileProps = {
  label: 'Revenue',
  value: 7_412_275,
  format: { kind: 'compact', currency: 'PHP' },
  period: 'Dec 2025',
  comparisons: { previous: { value: 5_980_202, label: 'vs Nov 2025' }, target: { value: 7_499_376 } },
  progress: true,
  sparkline: { values: [4.8, 4.2, 5.1, 5, 5.6, 4.9, 5.1, 5.4, 5.2, 5.8, 6, 7.4], kind: 'area' },
  provenance: { freshness: '2025-12-31' },
};

/** Every state and kind of tile once, in a grid. */
function AllStates({ onClick }: { onClick?: () => void }) {
  return (
    <KpiGrid label="Every state">
      <KpiTile {...revenue} />
      <KpiTile
        label="Days to close"
        value={5.2}
        comparisons={{ previous: { value: 6.5 } }}
        downIsGood
        sparkline={{ values: [7, 6, 6.5, 5.2], kind: 'bar' }}
      />
      <KpiTile
        label="Expense ratio"
        value={0.254}
        format={{ kind: 'percent' }}
        comparisons={{ previous: { value: 0.21 } }}
        downIsGood
      />
      <KpiTile label="Average order value" value={95.55} comparisons={{ previous: { value: 95.82 } }} />
      <KpiTile label="Orders" value={null} />
      <KpiTile label="Returns" value={1} loading />
      <KpiTile label="Refunds" value={1} error="The warehouse did not answer in time." />
      <KpiTile {...revenue} label="Revenue by region" onClick={onClick ?? (() => {})} />
      <KpiTile {...revenue} label="Revenue by store" href="#stores" />
    </KpiGrid>
  );
}

function Frame({ width, dark = false, children }: { width: number; dark?: boolean; children: ReactNode }) {
  return (
    <div
      className={dark ? 'dark' : undefined}
      style={{
        width,
        boxSizing: 'border-box',
        padding: 16,
        background: 'var(--ip-background)',
        color: 'var(--ip-on-background)',
      }}
    >
      {children}
    </div>
  );
}

const box = (element: Element) => element.getBoundingClientRect();

describe('KpiTile in Chromium', () => {
  it.each([
    ['light', false],
    ['dark', true],
  ])('has no axe violations in every state (%s, colour contrast included)', async (_, dark) => {
    const { container } = render(
      <Frame width={1000} dark={dark}>
        <AllStates />
      </Frame>,
    );
    const results = await axe.run(container, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('takes its colours from the tokens, in both modes', async () => {
    const { rerender } = render(
      <Frame width={400}>
        <KpiTile {...revenue} />
      </Frame>,
    );
    const tile = () => screen.getByRole('group');
    const previous = () => tile().querySelector('[data-comparison="previous"]') as HTMLElement;
    expect(getComputedStyle(tile()).backgroundColor).toBe('rgb(255, 251, 254)');
    expect(getComputedStyle(previous()).color).toBe('rgb(0, 108, 76)');
    rerender(
      <Frame width={400} dark>
        <KpiTile {...revenue} />
      </Frame>,
    );
    expect(getComputedStyle(tile()).backgroundColor).toBe('rgb(28, 27, 31)');
    expect(getComputedStyle(previous()).color).toBe('rgb(109, 213, 165)');
  });

  it('fits as many columns as tiles of the minimum width allow, one on a narrow screen', async () => {
    const grid = (width: number) => (
      <Frame width={width}>
        <KpiGrid label="KPIs" minTileWidth={220}>
          {Array.from({ length: 6 }, (_, i) => (
            <KpiTile key={String(i)} label={`KPI ${i + 1}`} value={i} />
          ))}
        </KpiGrid>
      </Frame>
    );
    const columns = () => new Set(screen.getAllByRole('listitem').map((item) => Math.round(box(item).left))).size;
    const { rerender } = render(grid(1032));
    expect(columns()).toBe(4);
    rerender(grid(540));
    expect(columns()).toBe(2);
    rerender(grid(260));
    expect(columns()).toBe(1);
    // Reading order is visual order: left to right, then top to bottom.
    const items = screen.getAllByRole('listitem').map(box);
    for (let i = 1; i < items.length; i++) {
      expect((items[i] as DOMRect).top).toBeGreaterThanOrEqual((items[i - 1] as DOMRect).top);
    }
  });

  it('makes every tile in a row as tall as the tallest', async () => {
    render(
      <Frame width={1000}>
        <AllStates />
      </Frame>,
    );
    const tiles = [...document.querySelectorAll('[data-slot="kpi-tile"]')].slice(0, 4);
    const heights = new Set(tiles.map((tile) => Math.round(box(tile).height)));
    expect(heights.size).toBe(1);
  });

  it('cuts a long label to one line without widening the tile, and stretches the sparkline', async () => {
    const label = `${'Revenue from every store in every region '.repeat(4)}📈`;
    render(
      <Frame width={280}>
        <KpiTile {...revenue} label={label} />
      </Frame>,
    );
    const tile = screen.getByRole('group');
    const shown = tile.querySelector('[data-slot="kpi-tile-label"]') as HTMLElement;
    expect(shown.scrollWidth).toBeGreaterThan(shown.clientWidth);
    expect(box(shown).height).toBeLessThan(30);
    expect(Math.round(box(tile).width)).toBe(280 - 32);
    const sparkline = tile.querySelector('[data-slot="kpi-tile-sparkline"]') as SVGElement;
    expect(Math.round(box(sparkline).width)).toBe(280 - 32 - 32 - 2);
    expect(Math.round(box(sparkline).height)).toBe(32);
  });

  it('covers the whole tile with its button, which the keyboard reaches and shows', async () => {
    const onClick = vi.fn();
    render(
      <Frame width={400}>
        <button type="button">Before</button>
        <KpiTile {...revenue} onClick={onClick} />
      </Frame>,
    );
    const button = screen.getByRole('button', { name: /^Revenue \(Dec 2025\)/ });
    const tile = document.querySelector('[data-slot="kpi-tile"]') as HTMLElement;
    expect(box(button)).toEqual(box(tile));
    // A click anywhere on the tile, the value included, is a click of the button.
    const value = box(tile.querySelector('[data-slot="kpi-tile-value"]') as HTMLElement);
    expect(document.elementFromPoint(value.left + 5, value.top + 5)).toBe(button);
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    screen.getByRole('button', { name: 'Before' }).focus();
    await userEvent.tab();
    expect(button).toHaveFocus();
    expect(getComputedStyle(button).outlineStyle).not.toBe('none');
    await userEvent.keyboard(' ');
    expect(onClick).toHaveBeenCalledTimes(2);
  });
});
