// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toTable } from '../../src/core/adapter/table';
import { createFormatter } from '../../src/core/format';
import { periodKey } from '../../src/core/kpi/period';
import { isIsoDate } from '../../src/core/semantic';
import { isIsoDay, isoDayOf, parseIsoDate } from '../../src/core/util/iso-date';

describe('parseIsoDate: the one ISO date reader', () => {
  it('reads dates, months, years and date-times, UTC unless a zone is named', () => {
    expect(parseIsoDate('2026-03-05')).toBe(Date.UTC(2026, 2, 5));
    expect(parseIsoDate('2026-03')).toBe(Date.UTC(2026, 2, 1));
    expect(parseIsoDate('2026-03-05T14:30')).toBe(Date.UTC(2026, 2, 5, 14, 30));
    expect(parseIsoDate('2026-03-05 14:30:15.123456')).toBe(Date.UTC(2026, 2, 5, 14, 30, 15, 123));
    expect(parseIsoDate('2026-03-05T14:30:00+08:00')).toBe(Date.UTC(2026, 2, 5, 6, 30));
    expect(parseIsoDate('2026-03-05T14:30:00-0130')).toBe(Date.UTC(2026, 2, 5, 16, 0));
    expect(parseIsoDate(' 2026-03-05t14:30z ')).toBe(Date.UTC(2026, 2, 5, 14, 30));
    expect(parseIsoDate('0050-03-01')).toBe(new Date('0050-03-01T00:00:00Z').getTime());
  });

  it('refuses impossible dates and times instead of rolling them over', () => {
    for (const text of [
      '2026-02-30',
      '2025-02-29',
      '2100-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-01T24:00',
      '2026-01-01T23:60',
      '2026-01-01T23:59:60',
      '2026-01-01T10:00+24:00',
      '2026-1-1',
      '20260101',
      '2026',
      ' 0123',
      'March 5, 2026',
      '',
    ]) {
      expect(parseIsoDate(text), text).toBeUndefined();
    }
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDate('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
  });

  it('agrees with Date.parse on every valid date-time with a zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (date) => {
          expect(parseIsoDate(date.toISOString())).toBe(date.getTime());
        },
      ),
    );
  });

  it('is the rule of tables, formats, the semantic compiler and KPI periods alike', () => {
    // 2026-02-30 was "Mar 2, 2026" in formats while tables refused it.
    const format = createFormatter({ kind: 'date', grain: 'day' }, { locale: 'en-US' });
    expect(format('2026-02-30')).toBe('2026-02-30');
    expect(format('2026-02-28')).toBe('Feb 28, 2026');
    expect(() => toTable({ columns: [{ name: 'day', type: 'date', values: ['2026-02-30'] }] })).toThrow(/dates/);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(periodKey('2026-02-30')).toBeUndefined();
    expect(periodKey('2026-02-28T00:00:00+08:00')).toBe('2026-02-28');
    expect(isoDayOf('2026-02')).toBeUndefined();
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay(' 2026-02-28')).toBe(false);
    // A year must be digits too (it was NaN and passed).
    expect(isIsoDay('abcd-01-01')).toBe(false);
    expect(parseIsoDate('20x5-03-01')).toBeUndefined();
  });
});
