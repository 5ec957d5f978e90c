import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeKpi,
  DEFAULT_NEUTRAL_BAND,
  describeChange,
  describeFreshness,
  describeTarget,
  type Kpi,
  type KpiComparison,
  KpiError,
  type KpiTargetComparison,
  kpiQuery,
  kpiSentence,
  kpiSeries,
  kpiTargetQuery,
  periodEnd,
  periodKey,
  periodStart,
  shiftPeriod,
} from '../../src/core/kpi';
import { compileQuery, salesSpace } from '../../src/core/semantic';
import { targetsSpace } from '../../src/core/semantic/spaces';

/** Intl writes a no-break space between a number and "%" or "€" in German. */
const NBSP = '\u00a0';

function previousOf(kpi: Kpi): KpiComparison {
  const previous = kpi.comparisons.previous;
  if (!previous) throw new Error('expected a previous comparison');
  return previous;
}

function targetOf(kpi: Kpi): KpiTargetComparison {
  const target = kpi.comparisons.target;
  if (!target) throw new Error('expected a target comparison');
  return target;
}

function kpiError(run: () => unknown): KpiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(KpiError);
    return error as KpiError;
  }
  throw new Error('expected a KpiError');
}

describe('computeKpi against the previous value', () => {
  it('is up and positive when the value rose', () => {
    expect(computeKpi({ value: 115, previous: 100 })).toEqual({
      value: 115,
      comparisons: { previous: { base: 100, delta: 15, percent: 0.15, trend: 'up', sentiment: 'positive' } },
      trend: 'up',
    });
  });

  it('is down and negative when the value fell', () => {
    expect(previousOf(computeKpi({ value: 90, previous: 100 }))).toEqual({
      base: 100,
      delta: -10,
      percent: -0.1,
      trend: 'down',
      sentiment: 'negative',
    });
  });

  it('swaps the sentiment, not the trend, when down is good', () => {
    expect(previousOf(computeKpi({ value: 90, previous: 100, downIsGood: true }))).toMatchObject({
      trend: 'down',
      sentiment: 'positive',
    });
    expect(previousOf(computeKpi({ value: 110, previous: 100, downIsGood: true }))).toMatchObject({
      trend: 'up',
      sentiment: 'negative',
    });
  });

  it('is flat and neutral within the neutral band (0.5% by default, inclusive), whichever way is good', () => {
    expect(DEFAULT_NEUTRAL_BAND).toBe(0.005);
    expect(previousOf(computeKpi({ value: 100.4, previous: 100 }))).toMatchObject({
      trend: 'flat',
      sentiment: 'neutral',
    });
    expect(previousOf(computeKpi({ value: 99.6, previous: 100, downIsGood: true }))).toMatchObject({
      trend: 'flat',
      sentiment: 'neutral',
    });
    expect(previousOf(computeKpi({ value: 100.5, previous: 100 })).trend).toBe('flat');
    expect(previousOf(computeKpi({ value: 100.6, previous: 100 })).trend).toBe('up');
    expect(previousOf(computeKpi({ value: 99.4, previous: 100 })).trend).toBe('down');
  });

  it('takes a neutral band of its own', () => {
    expect(previousOf(computeKpi({ value: 105, previous: 100, neutralBand: 0.1 })).trend).toBe('flat');
    expect(previousOf(computeKpi({ value: 111, previous: 100, neutralBand: 0.1 })).trend).toBe('up');
    expect(previousOf(computeKpi({ value: 100.001, previous: 100, neutralBand: 0 })).trend).toBe('up');
    expect(previousOf(computeKpi({ value: 100, previous: 100, neutralBand: 0 })).trend).toBe('flat');
  });

  it('has no percent against a base of 0, and then only no change is flat', () => {
    expect(previousOf(computeKpi({ value: 5, previous: 0 }))).toEqual({
      base: 0,
      delta: 5,
      percent: undefined,
      trend: 'up',
      sentiment: 'positive',
    });
    expect(previousOf(computeKpi({ value: -5, previous: 0 }))).toMatchObject({ percent: undefined, trend: 'down' });
    expect(previousOf(computeKpi({ value: 0, previous: 0 }))).toMatchObject({ percent: undefined, trend: 'flat' });
    expect(previousOf(computeKpi({ value: 0.001, previous: 0, neutralBand: 0.5 })).trend).toBe('up');
  });

  it('measures the percent against |base|, so a rise from a negative value is up', () => {
    expect(previousOf(computeKpi({ value: -50, previous: -100 }))).toMatchObject({
      delta: 50,
      percent: 0.5,
      trend: 'up',
      sentiment: 'positive',
    });
    expect(previousOf(computeKpi({ value: -150, previous: -100 }))).toMatchObject({
      delta: -50,
      percent: -0.5,
      trend: 'down',
    });
    expect(previousOf(computeKpi({ value: 50, previous: -100 }))).toMatchObject({
      delta: 150,
      percent: 1.5,
      trend: 'up',
    });
    expect(previousOf(computeKpi({ value: -10, previous: 40 }))).toMatchObject({
      delta: -50,
      percent: -1.25,
      trend: 'down',
    });
  });

  it('leaves out a previous value or target that is null or undefined', () => {
    expect(computeKpi({ value: 3, previous: null, target: undefined })).toEqual({
      value: 3,
      comparisons: {},
      trend: 'flat',
    });
  });
});

describe('computeKpi against a target', () => {
  it('gives progress as value / target, and below target is down', () => {
    expect(targetOf(computeKpi({ value: 92, target: 100 }))).toEqual({
      base: 100,
      delta: -8,
      percent: -0.08,
      trend: 'down',
      sentiment: 'negative',
      progress: 0.92,
    });
    expect(targetOf(computeKpi({ value: 120, target: 100 }))).toMatchObject({
      progress: 1.2,
      trend: 'up',
      sentiment: 'positive',
    });
  });

  it('is good news below a target when down is good (a budget)', () => {
    expect(targetOf(computeKpi({ value: 80, target: 100, downIsGood: true }))).toMatchObject({
      trend: 'down',
      sentiment: 'positive',
      progress: 0.8,
    });
  });

  it('is flat within the band of the target', () => {
    expect(targetOf(computeKpi({ value: 99.7, target: 100 }))).toMatchObject({
      trend: 'flat',
      sentiment: 'neutral',
    });
  });

  it('has no progress or percent against a target of 0', () => {
    expect(targetOf(computeKpi({ value: 12, target: 0 }))).toMatchObject({
      delta: 12,
      percent: undefined,
      progress: undefined,
      trend: 'up',
    });
  });

  it('takes the overall trend from the previous comparison, else the target', () => {
    expect(computeKpi({ value: 90, previous: 80, target: 100 }).trend).toBe('up');
    expect(computeKpi({ value: 90, target: 100 }).trend).toBe('down');
  });
});

describe('computeKpi with inputs that are not finite numbers', () => {
  it.each([
    ['NaN value', { value: Number.NaN }, 'value'],
    ['infinite value', { value: Number.POSITIVE_INFINITY }, 'value'],
    ['string value', { value: '12' as unknown as number }, 'value'],
    ['NaN previous', { value: 1, previous: Number.NaN }, 'previous'],
    ['infinite target', { value: 1, target: Number.NEGATIVE_INFINITY }, 'target'],
    ['NaN neutral band', { value: 1, neutralBand: Number.NaN }, 'neutralBand'],
    ['negative neutral band', { value: 1, neutralBand: -0.1 }, 'neutralBand'],
  ] as const)('throws a KpiError naming the input for a %s', (_, input, field) => {
    const error = kpiError(() => computeKpi(input));
    expect(error.name).toBe('KpiError');
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('says what it got', () => {
    expect(kpiError(() => computeKpi({ value: Number.NaN })).message).toBe(
      "The KPI's value must be a finite number, not NaN.",
    );
    expect(kpiError(() => computeKpi({ value: 1, previous: 'x' as unknown as number })).message).toBe(
      "The KPI's previous must be a finite number, not string.",
    );
  });

  it('never gives NaN for finite inputs, and down-is-good is always the mirror image', () => {
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(
        number,
        number,
        number,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (value, previous, target, band) => {
          const up = computeKpi({ value, previous, target, neutralBand: band });
          const down = computeKpi({ value, previous, target, neutralBand: band, downIsGood: true });
          const mirror = { positive: 'negative', negative: 'positive', neutral: 'neutral' } as const;
          for (const key of ['previous', 'target'] as const) {
            const a = up.comparisons[key] as KpiComparison;
            const b = down.comparisons[key] as KpiComparison;
            expect(Number.isNaN(a.delta)).toBe(false);
            expect(a.percent === undefined || Number.isFinite(a.percent)).toBe(true);
            expect(b.trend).toBe(a.trend);
            expect(b.sentiment).toBe(mirror[a.sentiment]);
            expect(a.trend === 'flat').toBe(a.sentiment === 'neutral');
          }
          const progress = (up.comparisons.target as KpiTargetComparison).progress;
          expect(progress === undefined || Number.isFinite(progress)).toBe(true);
        },
      ),
    );
  });
});

describe('describeChange', () => {
  const change = (value: number, previous: number) => previousOf(computeKpi({ value, previous }));
  const php = { kind: 'currency', currency: 'PHP', maximumFractionDigits: 0 } as const;

  it('writes a percent by default: signed to show, in words to say', () => {
    expect(describeChange(change(115, 100))).toEqual({ shown: '+15%', said: 'up 15%' });
    expect(describeChange(change(96.8, 100))).toEqual({ shown: '-3.2%', said: 'down 3.2%' });
  });

  it('writes an absolute change in the value format, and both', () => {
    expect(describeChange(change(1150, 1000), { format: php, deltaDisplay: 'absolute' })).toEqual({
      shown: '+₱150',
      said: 'up ₱150',
    });
    expect(describeChange(change(850, 1000), { format: php, deltaDisplay: 'both' })).toEqual({
      shown: '-₱150 (-15%)',
      said: 'down ₱150 (15%)',
    });
  });

  it('falls back to the absolute change when the base is 0', () => {
    expect(describeChange(change(7, 0), { format: { kind: 'integer' } })).toEqual({ shown: '+7', said: 'up 7' });
  });

  it('writes the change of a rate in percentage points', () => {
    const rate = change(0.25, 0.2);
    expect(describeChange(rate, { format: { kind: 'percent' }, deltaDisplay: 'absolute' })).toEqual({
      shown: '+5 pp',
      said: 'up 5 percentage points',
    });
    expect(describeChange(rate, { format: { kind: 'percent' }, deltaDisplay: 'both' }).shown).toBe('+5 pp (+25%)');
  });

  it('says flat, and the small change, within the band; unchanged for no change', () => {
    expect(describeChange(change(100.3, 100))).toEqual({ shown: '+0.3%', said: 'flat (up 0.3%)' });
    expect(describeChange(change(100, 100))).toEqual({ shown: '0%', said: 'unchanged' });
    expect(describeChange(change(0, 0), { format: { kind: 'integer' } })).toEqual({ shown: '0', said: 'unchanged' });
  });

  it('writes numbers in the locale', () => {
    expect(describeChange(change(115, 100), { locale: 'de-DE' })).toEqual({
      shown: `+15${NBSP}%`,
      said: `up 15${NBSP}%`,
    });
  });
});

describe('describeTarget', () => {
  it('says the progress toward the target, without the label’s "vs"', () => {
    const target = targetOf(computeKpi({ value: 92, target: 100 }));
    expect(describeTarget(target)).toEqual({ shown: '92% of target', said: '92% of target' });
    expect(describeTarget(target, { label: 'vs Q4 target' }).said).toBe('92% of Q4 target');
    expect(describeTarget(target, { label: 'Plan' }).said).toBe('92% of Plan');
    expect(describeTarget(target, { locale: 'de-DE' }).said).toBe(`92${NBSP}% of target`);
  });

  it('says the change against a target of 0', () => {
    const target = targetOf(computeKpi({ value: 12, target: 0 }));
    expect(describeTarget(target, { format: { kind: 'integer' } })).toEqual({
      shown: '+12',
      said: 'up 12 vs target',
    });
  });
});

describe('kpiSentence', () => {
  const kpi = computeKpi({ value: 1_200_000, previous: 1_200_000 / 1.15, target: 1_200_000 / 0.92 });

  it('says the value, its change and its progress in en-US', () => {
    expect(
      kpiSentence({
        label: 'Revenue',
        kpi,
        format: { kind: 'compact' },
        previousLabel: 'vs last month',
        targetLabel: 'vs Q4 target',
      }),
    ).toBe('Revenue 1.2M, up 15% vs last month, 92% of Q4 target');
  });

  it('writes the numbers in de-DE', () => {
    expect(
      kpiSentence({
        label: 'Umsatz',
        kpi,
        format: { kind: 'compact' },
        locale: 'de-DE',
        previousLabel: 'vs last month',
        targetLabel: 'vs Q4 target',
      }),
    ).toBe(`Umsatz 1,2${NBSP}Mio., up 15${NBSP}% vs last month, 92${NBSP}% of Q4 target`);
    expect(
      kpiSentence({
        label: 'Umsatz',
        kpi,
        format: { kind: 'currency', currency: 'EUR', maximumFractionDigits: 0 },
        locale: 'de-DE',
        deltaDisplay: 'both',
        freshness: '2025-12-31',
      }),
    ).toBe(
      `Umsatz 1.200.000${NBSP}€, up 156.522${NBSP}€ (15${NBSP}%) vs previous period, 92${NBSP}% of target, updated 31.12.2025`,
    );
  });

  it('uses the default labels, a period and freshness', () => {
    expect(
      kpiSentence({
        label: 'Orders',
        period: 'Dec 2025',
        kpi: computeKpi({ value: 900, previous: 1000, target: 1000 }),
        format: { kind: 'integer' },
        freshness: '2025-12-31',
      }),
    ).toBe('Orders (Dec 2025) 900, down 10% vs previous period, 90% of target, updated Dec 31, 2025');
  });

  it('says a value with no comparisons on its own', () => {
    expect(kpiSentence({ label: 'Orders', kpi: computeKpi({ value: 1234 }), format: { kind: 'integer' } })).toBe(
      'Orders 1,234',
    );
  });

  it('says loading, error and no data', () => {
    expect(kpiSentence({ label: 'Revenue', loading: true, kpi })).toBe('Revenue, loading');
    expect(kpiSentence({ label: 'Revenue', error: 'The query timed out' })).toBe('Revenue, error: The query timed out');
    expect(kpiSentence({ label: 'Revenue', kpi: null })).toBe('Revenue, no data');
    expect(kpiSentence({ label: 'Revenue' })).toBe('Revenue, no data');
  });
});

describe('describeFreshness', () => {
  it('reads a day as that calendar day, and a moment in full', () => {
    expect(describeFreshness('2025-12-31')).toEqual({ iso: '2025-12-31', text: 'Dec 31, 2025' });
    const moment = describeFreshness(new Date('2025-12-31T06:00:00Z'));
    expect(moment?.iso).toBe('2025-12-31T06:00:00.000Z');
    expect(moment?.text).toMatch(/2025/);
  });

  it('gives nothing for what is not a date', () => {
    expect(describeFreshness(undefined)).toBeUndefined();
    expect(describeFreshness('yesterday')).toBeUndefined();
    expect(describeFreshness(new Date(Number.NaN))).toBeUndefined();
  });
});

describe('periods', () => {
  it('find the start and end of months, quarters and years', () => {
    expect(periodStart('2025-11-14', 'month')).toBe('2025-11-01');
    expect(periodStart('2025-11-14', 'quarter')).toBe('2025-10-01');
    expect(periodStart('2025-11-14', 'year')).toBe('2025-01-01');
    expect(periodEnd('2024-02-10', 'month')).toBe('2024-02-29');
    expect(periodEnd('2025-10-01', 'quarter')).toBe('2025-12-31');
    expect(periodEnd('2025-03-01', 'year')).toBe('2025-12-31');
  });

  it('step back and forward across years', () => {
    expect(shiftPeriod('2025-01-15', 'month', -1)).toBe('2024-12-01');
    expect(shiftPeriod('2025-02-01', 'quarter', -1)).toBe('2024-10-01');
    expect(shiftPeriod('2024-12-01', 'month', 13)).toBe('2026-01-01');
    expect(shiftPeriod('2025-06-30', 'year', -2)).toBe('2023-01-01');
  });

  it('read period cells from strings, dates and epoch milliseconds', () => {
    expect(periodKey('2025-12-01')).toBe('2025-12-01');
    expect(periodKey('2025-12-01T00:00:00.000Z')).toBe('2025-12-01');
    expect(periodKey(new Date('2025-12-01T00:00:00Z'))).toBe('2025-12-01');
    expect(periodKey(Date.UTC(2025, 11, 1))).toBe('2025-12-01');
    expect(periodKey('Dec 2025')).toBeUndefined();
    expect(periodKey(null)).toBeUndefined();
  });

  it('refuse a day that is not written YYYY-MM-DD', () => {
    expect(() => periodStart('12/01/2025', 'month')).toThrow(RangeError);
  });
});

describe('kpiSeries', () => {
  const rows = [
    { period: '2025-12-01', revenue: 130 },
    { period: '2025-11-01', revenue: 120 },
    { period: '2025-09-01', revenue: 100 },
    { period: '2025-10-01', revenue: '110' },
  ];
  const now = new Date('2026-03-10T00:00:00Z');

  it('reports the latest complete period, its previous one, and the sparkline oldest first', () => {
    expect(kpiSeries(rows, { metric: 'revenue', period: 'month', count: 4, now })).toEqual({
      period: '2025-12-01',
      value: 130,
      previousPeriod: '2025-11-01',
      previous: 120,
      values: [100, 110, 120, 130],
    });
  });

  it('skips a latest period that has not ended yet', () => {
    const series = kpiSeries(rows, { metric: 'revenue', period: 'month', count: 2, now: new Date('2025-12-15') });
    expect(series).toMatchObject({ period: '2025-11-01', value: 120, previous: 110, values: [110, 120] });
    // The last day of a period has not ended while it lasts.
    expect(kpiSeries(rows, { metric: 'revenue', period: 'month', now: new Date('2025-12-31T23:00:00Z') })?.period).toBe(
      '2025-11-01',
    );
    expect(kpiSeries(rows, { metric: 'revenue', period: 'month', now: new Date('2026-01-01T00:00:00Z') })?.period).toBe(
      '2025-12-01',
    );
  });

  it('reports the only period there is, even when it has not ended', () => {
    const series = kpiSeries([{ period: '2025-12-01', revenue: 5 }], {
      metric: 'revenue',
      period: 'month',
      now: new Date('2025-12-02'),
    });
    expect(series).toMatchObject({ period: '2025-12-01', value: 5, previous: null });
  });

  it('reports the period holding `at`, with gaps as null', () => {
    expect(kpiSeries(rows, { metric: 'revenue', period: 'month', at: '2025-10-20', count: 4 })).toEqual({
      period: '2025-10-01',
      value: 110,
      previousPeriod: '2025-09-01',
      previous: 100,
      values: [null, null, 100, 110],
    });
    const gap = kpiSeries([rows[0], rows[3]] as typeof rows, { metric: 'revenue', period: 'month', count: 3, now });
    expect(gap).toMatchObject({ period: '2025-12-01', previous: null, values: [110, null, 130] });
  });

  it('reads null and unreadable values as gaps and defaults to 12 periods', () => {
    const series = kpiSeries(
      [
        { period: new Date('2025-12-01T00:00:00Z'), revenue: null },
        { period: '2025-11-01', revenue: 'n/a' },
      ],
      { metric: 'revenue', period: 'month', now },
    );
    expect(series?.value).toBeNull();
    expect(series?.previous).toBeNull();
    expect(series?.values).toHaveLength(12);
    expect(series?.values.every((v) => v === null)).toBe(true);
  });

  it('is undefined with no rows and no `at`', () => {
    expect(kpiSeries([], { metric: 'revenue', period: 'month' })).toBeUndefined();
    expect(kpiSeries([], { metric: 'revenue', period: 'quarter', at: '2025-11-30' })).toMatchObject({
      period: '2025-10-01',
      value: null,
      previousPeriod: '2025-07-01',
    });
  });
});

describe('kpiQuery and kpiTargetQuery', () => {
  it('ask for the latest periods, newest first, with room for one not yet complete', () => {
    expect(kpiQuery({ metric: 'revenue', period: 'month' })).toEqual({
      metrics: ['revenue'],
      timeGrain: 'month',
      sort: [{ by: 'period', direction: 'desc' }],
      limit: 13,
    });
  });

  it('bound the periods by a date range when `at` is known', () => {
    const filters = [{ dimension: 'region', op: 'eq', value: 'NCR' }] as const;
    expect(kpiQuery({ metric: 'revenue', period: 'quarter', at: '2025-11-14', count: 4, filters })).toEqual({
      metrics: ['revenue'],
      timeGrain: 'quarter',
      filters,
      dateRange: { from: '2025-01-01', to: '2025-12-31' },
      sort: [{ by: 'period', direction: 'desc' }],
      limit: 4,
    });
    expect(kpiTargetQuery({ metric: 'revenue_target', period: 'quarter', at: '2025-11-14' })).toEqual({
      metrics: ['revenue_target'],
      dateRange: { from: '2025-10-01', to: '2025-12-31' },
    });
  });

  it('compile on the demo spaces', () => {
    const compiled = compileQuery(salesSpace, kpiQuery({ metric: 'revenue', period: 'month', at: '2025-12-01' }));
    expect(compiled.sql).toContain('ORDER BY "period" DESC NULLS LAST');
    expect(compiled.params).toEqual(['2025-01-01', '2025-12-31', 12]);
    const target = compileQuery(
      targetsSpace,
      kpiTargetQuery({ metric: 'revenue_target', period: 'month', at: '2025-12-01' }),
    );
    expect(target.sql).toContain(`(sum(target) filter (where metric = 'revenue'))::float8 AS "revenue_target"`);
    expect(target.params).toEqual(['2025-12-01', '2025-12-31', 1000]);
  });
});
