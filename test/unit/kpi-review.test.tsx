import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../src/core/util/url';
import { computeKpi, KpiTile, kpiSentence } from '../../src/react/kpi-tile';

describe('KpiTile: found in review', () => {
  it('keeps the sign of a negative progress (a target below zero)', () => {
    const kpi = computeKpi({ value: 50, target: -100 });
    expect(kpiSentence({ label: 'Net', kpi })).toBe('Net 50, -50% of target');
  });

  it('makes links only to the web, mail, phone or within the app', () => {
    for (const href of ['/sales', '?region=NCR', '#top', 'https://example.test/a', 'mailto:a@b.c', 'tel:+63']) {
      expect(isSafeUrl(href, 'link')).toBe(true);
    }
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x']) {
      expect(isSafeUrl(href, 'link')).toBe(false);
    }
  });

  it('renders no link for a javascript: href, and stays a named group', () => {
    // biome-ignore lint/security/noScriptUrl: the URL the tile must refuse to link to
    const { container } = render(<KpiTile label="Revenue" value={5} href="javascript:alert(1)" />);
    expect(container.querySelector('a')).toBeNull();
    expect(screen.getByRole('group', { name: 'Revenue 5' })).toBeInTheDocument();
  });

  it('draws a bar sparkline of zeros on its baseline, not at half height', () => {
    const { container } = render(<KpiTile label="Returns" value={0} sparkline={{ values: [0, 0, 0], kind: 'bar' }} />);
    const bars = [...container.querySelectorAll('svg rect')];
    expect(bars).toHaveLength(3);
    for (const bar of bars) expect(Number(bar.getAttribute('height'))).toBeLessThan(1);
  });
});
