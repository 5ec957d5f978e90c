import { describe, expect, it, vi } from 'vitest';
import { echarts, loadChartModules, missingChartModules } from '../../src/core';

// The chunk with titles fails to load, as a chunk does when the network drops.
vi.mock('../../src/core/echarts/modules/frequent', () => {
  throw new Error('chunk failed to load');
});

describe('ECharts modules loaded on demand', () => {
  it('needs nothing for lines and bars on canvas', () => {
    const option = { series: [{ type: 'line' }, { type: 'bar' }], tooltip: {}, grid: {} };
    expect(missingChartModules(option)).toEqual([]);
  });

  it('loads pies and legends on demand (a chart without them never downloads them)', () => {
    expect(missingChartModules({ series: [{ type: 'pie' }], legend: {} })).toEqual(['pie', 'legend']);
  });

  it('names what a series type, a visual map, a title or the SVG renderer needs', () => {
    expect(missingChartModules({ series: { type: 'scatter' } })).toEqual(['scatter']);
    expect(missingChartModules({ series: [{ type: 'heatmap' }], visualMap: { min: 0, max: 1 } })).toEqual([
      'heatmap',
      'visualMap',
    ]);
    expect(missingChartModules({ series: [{ type: 'funnel' }, { type: 'funnel' }] })).toEqual(['funnel']);
    expect(missingChartModules({ title: { text: 'Revenue' } })).toEqual(['title']);
    expect(missingChartModules({ title: [] })).toEqual([]);
    expect(missingChartModules({ series: [] }, 'svg')).toEqual(['svg']);
  });

  it('ignores series types it does not load and malformed series', () => {
    expect(missingChartModules({ series: [null, { type: 42 }, { type: 'gauge' }, { type: 'toString' }] })).toEqual([]);
  });

  it('loads and registers what an option needs, once', async () => {
    const option = {
      series: [
        {
          type: 'funnel',
          data: [
            { name: 'Visits', value: 10 },
            { name: 'Buys', value: 4 },
          ],
        },
      ],
    };
    await Promise.all([loadChartModules(option, { renderer: 'svg' }), loadChartModules(option, { renderer: 'svg' })]);
    expect(missingChartModules(option, 'svg')).toEqual([]);
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 300, height: 200 });
    chart.setOption({ ...option, animation: false });
    expect(chart.renderToSVGString()).toContain('<polygon');
    chart.dispose();
    await expect(loadChartModules(option, { renderer: 'svg' })).resolves.toBeUndefined();
  });

  it('rejects with the loading error when a chunk fails, and still lists the module as missing', async () => {
    const option = { title: { text: 'Revenue' } };
    await expect(loadChartModules(option)).rejects.toBeInstanceOf(Error);
    expect(missingChartModules(option)).toEqual(['title']);
  });
});
