// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EChart, InsightPulseProvider } from '../../src';
import { renderChartToSVGString } from '../../src/core';
import { colors } from '../../themes/tokens';
import { barOption, lineOption } from '../fixtures/charts';

describe('server rendering', () => {
  it('runs without a DOM', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders an EChart as a sized, labelled placeholder', () => {
    const html = renderToString(
      <InsightPulseProvider theme="system">
        <EChart option={lineOption} style={{ height: 240 }} />
      </InsightPulseProvider>,
    );
    expect(html).toContain('data-theme="light"');
    expect(html).toContain('height:240px');
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Revenue by region"');
    expect(html).not.toContain('<canvas');
  });

  it('gives an EChart without a height the default one', () => {
    expect(renderToString(<EChart option={barOption} />)).toContain('height:320px');
  });
});

describe('renderChartToSVGString', () => {
  it('renders the series in the light theme colours', () => {
    const svg = renderChartToSVGString(barOption, { width: 480, height: 300 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="480"');
    expect(svg).toContain('Top brands by revenue');
    for (const label of ['Alaska', 'Lucky Me']) expect(svg).toContain(label);
    expect(svg.toLowerCase()).toContain(colors.light.palette[0].toLowerCase());
    expect(svg.toLowerCase()).toContain(colors.light.background.toLowerCase());
  });

  it('renders the dark theme on request', () => {
    const svg = renderChartToSVGString(lineOption, { theme: 'dark' }).toLowerCase();
    for (const name of ['ncr', 'visayas', 'mindanao']) expect(svg).toContain(name);
    expect(svg).toContain(colors.dark.palette[0].toLowerCase());
    expect(svg).toContain(colors.dark.background.toLowerCase());
    expect(svg).not.toContain(colors.light.palette[0].toLowerCase());
  });
});
