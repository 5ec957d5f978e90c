import { describe, expect, it } from 'vitest';
import {
  createFormatter,
  defaultFormatSpec,
  FormatError,
  type FormatSpec,
  inferTimeGrain,
  type TimeGrain,
} from '../../src/core/format';

const NBSP = '\u00a0';
type Locale = 'en-US' | 'de-DE' | 'ja-JP';
const LOCALES: Locale[] = ['en-US', 'de-DE', 'ja-JP'];
const utc = (y: number, m: number, d = 1, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const MAR_2 = utc(2026, 3, 2, 14, 5);

/** Each case: spec, input, and the expected text per locale. */
const cases: [string, FormatSpec, unknown, Record<Locale, string>][] = [
  ['number', { kind: 'number' }, 1234.5, { 'en-US': '1,234.5', 'de-DE': '1.234,5', 'ja-JP': '1,234.5' }],
  [
    'number rounds to 2',
    { kind: 'number' },
    1234.5678,
    { 'en-US': '1,234.57', 'de-DE': '1.234,57', 'ja-JP': '1,234.57' },
  ],
  [
    'number min digits',
    { kind: 'number', minimumFractionDigits: 3 },
    -2,
    { 'en-US': '-2.000', 'de-DE': '-2,000', 'ja-JP': '-2.000' },
  ],
  ['number, no -0', { kind: 'number' }, -0.001, { 'en-US': '0', 'de-DE': '0', 'ja-JP': '0' }],
  ['numeric string', { kind: 'number' }, ' 12.5 ', { 'en-US': '12.5', 'de-DE': '12,5', 'ja-JP': '12.5' }],
  ['integer', { kind: 'integer' }, 1234.5, { 'en-US': '1,235', 'de-DE': '1.235', 'ja-JP': '1,235' }],
  ['bigint', { kind: 'integer' }, 1234n, { 'en-US': '1,234', 'de-DE': '1.234', 'ja-JP': '1,234' }],
  [
    'currency USD',
    { kind: 'currency', currency: 'USD' },
    1234.5,
    { 'en-US': '$1,234.50', 'de-DE': `1.234,50${NBSP}$`, 'ja-JP': '$1,234.50' },
  ],
  [
    'currency EUR negative',
    { kind: 'currency', currency: 'eur' },
    -1234.5,
    { 'en-US': '-€1,234.50', 'de-DE': `-1.234,50${NBSP}€`, 'ja-JP': '-€1,234.50' },
  ],
  [
    'currency JPY',
    { kind: 'currency', currency: 'JPY' },
    1234.5,
    { 'en-US': '¥1,235', 'de-DE': `1.235${NBSP}¥`, 'ja-JP': '￥1,235' },
  ],
  [
    'currency max 0',
    { kind: 'currency', currency: 'USD', maximumFractionDigits: 0 },
    1234.5,
    { 'en-US': '$1,235', 'de-DE': `1.235${NBSP}$`, 'ja-JP': '$1,235' },
  ],
  ['percent', { kind: 'percent' }, 0.15, { 'en-US': '15%', 'de-DE': `15${NBSP}%`, 'ja-JP': '15%' }],
  ['percent 1 digit', { kind: 'percent' }, 0.12345, { 'en-US': '12.3%', 'de-DE': `12,3${NBSP}%`, 'ja-JP': '12.3%' }],
  ['compact K', { kind: 'compact' }, 1200, { 'en-US': '1.2K', 'de-DE': '1200', 'ja-JP': '1200' }],
  ['compact M', { kind: 'compact' }, 3_400_000, { 'en-US': '3.4M', 'de-DE': `3,4${NBSP}Mio.`, 'ja-JP': '340万' }],
  [
    'compact currency',
    { kind: 'compact', currency: 'USD' },
    1_200_000,
    { 'en-US': '$1.2M', 'de-DE': `1,2${NBSP}Mio.${NBSP}$`, 'ja-JP': '$120万' },
  ],
  ['duration h m', { kind: 'duration' }, 7500, { 'en-US': '2h 5m', 'de-DE': '2h 5m', 'ja-JP': '2h 5m' }],
  ['duration s', { kind: 'duration' }, 45, { 'en-US': '45s', 'de-DE': '45s', 'ja-JP': '45s' }],
  ['duration 0', { kind: 'duration' }, 0, { 'en-US': '0s', 'de-DE': '0s', 'ja-JP': '0s' }],
  ['duration negative', { kind: 'duration' }, -7500, { 'en-US': '-2h 5m', 'de-DE': '-2h 5m', 'ja-JP': '-2h 5m' }],
  ['duration ms', { kind: 'duration', unit: 'ms' }, 350, { 'en-US': '350ms', 'de-DE': '350ms', 'ja-JP': '350ms' }],
  ['duration sub-second', { kind: 'duration' }, 0.35, { 'en-US': '350ms', 'de-DE': '350ms', 'ja-JP': '350ms' }],
  ['duration days', { kind: 'duration', unit: 'h' }, 30, { 'en-US': '1d 6h', 'de-DE': '1d 6h', 'ja-JP': '1d 6h' }],
  [
    'duration grouping',
    { kind: 'duration', unit: 'd' },
    1234,
    { 'en-US': '1,234d', 'de-DE': '1.234d', 'ja-JP': '1,234d' },
  ],
  [
    'duration string',
    { kind: 'duration', unit: 'min' },
    '90',
    { 'en-US': '1h 30m', 'de-DE': '1h 30m', 'ja-JP': '1h 30m' },
  ],
  ['date year', { kind: 'date', grain: 'year' }, MAR_2, { 'en-US': '2026', 'de-DE': '2026', 'ja-JP': '2026年' }],
  [
    'date quarter',
    { kind: 'date', grain: 'quarter' },
    MAR_2,
    { 'en-US': 'Q1 2026', 'de-DE': 'Q1 2026', 'ja-JP': 'Q1 2026' },
  ],
  [
    'date quarter 3',
    { kind: 'date', grain: 'quarter' },
    utc(2026, 9, 30),
    { 'en-US': 'Q3 2026', 'de-DE': 'Q3 2026', 'ja-JP': 'Q3 2026' },
  ],
  [
    'date month',
    { kind: 'date', grain: 'month' },
    MAR_2,
    { 'en-US': 'Mar 2026', 'de-DE': 'März 2026', 'ja-JP': '2026年3月' },
  ],
  [
    'date week',
    { kind: 'date', grain: 'week' },
    MAR_2,
    { 'en-US': 'Mar 2, 2026', 'de-DE': '2. März 2026', 'ja-JP': '2026年3月2日' },
  ],
  ['date day', { kind: 'date' }, MAR_2, { 'en-US': 'Mar 2, 2026', 'de-DE': '2. März 2026', 'ja-JP': '2026年3月2日' }],
  [
    'date hour',
    { kind: 'date', grain: 'hour' },
    MAR_2,
    { 'en-US': 'Mar 2, 14:05', 'de-DE': '2. März, 14:05', 'ja-JP': '3月2日 14:05' },
  ],
  [
    'date minute',
    { kind: 'date', grain: 'minute' },
    utc(2026, 3, 2, 9, 7),
    { 'en-US': 'Mar 2, 09:07', 'de-DE': '2. März, 09:07', 'ja-JP': '3月2日 09:07' },
  ],
  ['text number', { kind: 'text' }, 1234.5, { 'en-US': '1234.5', 'de-DE': '1234.5', 'ja-JP': '1234.5' }],
  ['text string', { kind: 'text' }, 'Acme', { 'en-US': 'Acme', 'de-DE': 'Acme', 'ja-JP': 'Acme' }],
  ['text boolean', { kind: 'text' }, false, { 'en-US': 'false', 'de-DE': 'false', 'ja-JP': 'false' }],
];

describe('createFormatter', () => {
  describe.each(LOCALES)('%s', (locale) => {
    it.each(cases)('%s', (_, spec, value, expected) => {
      expect(createFormatter(spec, { locale })(value)).toBe(expected[locale]);
    });
  });

  it('defaults to en-US, and to text without a spec', () => {
    expect(createFormatter({ kind: 'number' })(1234.5)).toBe('1,234.5');
    expect(createFormatter(undefined)(1234.5)).toBe('1234.5');
    expect(createFormatter(undefined)(null)).toBe('–');
  });

  const ALL_KINDS: FormatSpec[] = [
    { kind: 'number' },
    { kind: 'integer' },
    { kind: 'currency', currency: 'USD' },
    { kind: 'percent' },
    { kind: 'compact', currency: 'EUR' },
    { kind: 'duration' },
    { kind: 'date', grain: 'quarter' },
    { kind: 'text' },
  ];
  const EMPTY = [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '', '  '];

  it.each(ALL_KINDS)('writes missing and non-finite values as an en dash ($kind)', (spec) => {
    const format = createFormatter(spec, { locale: 'de-DE' });
    for (const value of EMPTY) expect(format(value), String(value)).toBe('–');
  });

  it.each(ALL_KINDS)('uses a custom empty marker ($kind)', (spec) => {
    const format = createFormatter(spec, { locale: 'ja-JP', empty: 'n/a' });
    for (const value of EMPTY) expect(format(value), String(value)).toBe('n/a');
  });

  it.each(ALL_KINDS.filter((spec) => spec.kind !== 'text'))('never throws on odd input ($kind)', (spec) => {
    const format = createFormatter(spec);
    for (const value of [{}, [], Symbol('x'), Object.create(null), () => 1, new Date(Number.NaN)]) {
      expect(format(value)).toBe('–');
    }
  });

  it('writes text of odd input without throwing', () => {
    const format = createFormatter({ kind: 'text' });
    expect(format(Object.create(null))).toBe('–');
    expect(format(new Date(Number.NaN))).toBe('–');
    expect(format(new Date(MAR_2))).toBe('2026-03-02T14:05:00.000Z');
    expect(format(['a', 'b'])).toBe('a,b');
  });

  it('returns strings that are not numbers unchanged', () => {
    for (const kind of ['number', 'integer', 'percent', 'compact', 'duration'] as const) {
      const format = createFormatter({ kind });
      expect(format('N/A')).toBe('N/A');
      expect(format('0x10')).toBe('0x10');
      expect(format('12.5 kg')).toBe('12.5 kg');
      expect(format(true)).toBe('true');
    }
    expect(createFormatter({ kind: 'currency', currency: 'USD' })('n/a')).toBe('n/a');
    expect(createFormatter({ kind: 'date' })('not a date')).toBe('not a date');
    expect(createFormatter({ kind: 'date' })('2026-13-45')).toBe('2026-13-45');
    expect(createFormatter({ kind: 'text' })('12.50')).toBe('12.50');
  });

  it('formats numeric strings as numbers', () => {
    expect(createFormatter({ kind: 'number' }, { locale: 'de-DE' })('-1e3')).toBe('-1.000');
    expect(createFormatter({ kind: 'percent' })('.5')).toBe('50%');
    expect(createFormatter({ kind: 'currency', currency: 'USD' })('12.5')).toBe('$12.50');
  });

  it('rejects an unknown currency code with a FormatError naming it', () => {
    expect(() => createFormatter({ kind: 'currency', currency: 'XYZ' })).toThrow(FormatError);
    expect(() => createFormatter({ kind: 'currency', currency: 'XYZ' })).toThrow(/"XYZ"/);
    expect(() => createFormatter({ kind: 'currency', currency: 'dollars' })).toThrow(/"dollars"/);
    expect(() => createFormatter({ kind: 'compact', currency: 'ABC' })).toThrow(FormatError);
    const error = new FormatError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('FormatError');
  });

  it('rejects a bad locale, time zone or digit count with a FormatError', () => {
    expect(() => createFormatter({ kind: 'number' }, { locale: 'not a locale!' })).toThrow(FormatError);
    expect(() => createFormatter({ kind: 'date', timeZone: 'Mars/Olympus' })).toThrow(FormatError);
    expect(() => createFormatter({ kind: 'number', maximumFractionDigits: 200 })).toThrow(FormatError);
  });

  it('caches one formatter per spec, locale and empty marker', () => {
    const spec: FormatSpec = { kind: 'currency', currency: 'EUR' };
    const format = createFormatter(spec, { locale: 'de-DE' });
    expect(createFormatter({ kind: 'currency', currency: 'EUR' }, { locale: 'de-DE' })).toBe(format);
    expect(createFormatter(spec, { locale: 'ja-JP' })).not.toBe(format);
    expect(createFormatter(spec, { locale: 'de-DE', empty: '' })).not.toBe(format);
    expect(createFormatter({ kind: 'currency', currency: 'USD' }, { locale: 'de-DE' })).not.toBe(format);
  });
});

describe('durations', () => {
  const format = createFormatter({ kind: 'duration' });

  it('writes the largest part and the next one, rounded', () => {
    expect(format(3600)).toBe('1h');
    expect(format(7530)).toBe('2h 6m');
    expect(format(3599.6)).toBe('1h');
    expect(format(59.6)).toBe('1m');
    expect(format(90_061)).toBe('1d 1h');
    expect(format(86_400)).toBe('1d');
    expect(format(-45)).toBe('-45s');
    expect(format(-0.35)).toBe('-350ms');
    expect(format(0.0001)).toBe('0s');
    expect(createFormatter({ kind: 'duration', unit: 'd' })(1e308)).toBe('–');
  });

  it("uses the locale's digits", () => {
    expect(createFormatter({ kind: 'duration' }, { locale: 'ar-EG' })(7500)).toBe('٢h ٥m');
  });
});

describe('dates', () => {
  const day = createFormatter({ kind: 'date' });

  it('accepts Date objects, ISO strings and epoch milliseconds', () => {
    expect(day(new Date(MAR_2))).toBe('Mar 2, 2026');
    expect(day(MAR_2)).toBe('Mar 2, 2026');
    expect(day(String(MAR_2))).toBe('Mar 2, 2026');
    expect(day('2026-03-02')).toBe('Mar 2, 2026');
    expect(day('2026-03')).toBe('Mar 1, 2026');
    const minute = createFormatter({ kind: 'date', grain: 'minute' });
    expect(minute('2026-03-02T14:05:00Z')).toBe('Mar 2, 14:05');
    expect(minute('2026-03-02T16:05+02:00')).toBe('Mar 2, 14:05');
    expect(minute('2026-03-02T14:05')).toBe('Mar 2, 14:05');
    expect(minute('2026-03-02 14:05:30.250')).toBe('Mar 2, 14:05');
  });

  it('writes empty for dates out of range', () => {
    expect(day(9e15)).toBe('–');
  });

  it('uses the time zone, UTC by default', () => {
    const newYear = utc(2026, 1, 1, 2);
    expect(createFormatter({ kind: 'date', grain: 'quarter' })(newYear)).toBe('Q1 2026');
    expect(createFormatter({ kind: 'date', grain: 'quarter', timeZone: 'America/New_York' })(newYear)).toBe('Q4 2025');
    expect(createFormatter({ kind: 'date', grain: 'hour', timeZone: 'Asia/Tokyo' })(newYear)).toBe('Jan 1, 11:00');
  });

  it('computes every quarter', () => {
    const quarter = createFormatter({ kind: 'date', grain: 'quarter' });
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((month) => quarter(utc(2025, month, 15)))).toEqual([
      'Q1 2025',
      'Q1 2025',
      'Q2 2025',
      'Q2 2025',
      'Q3 2025',
      'Q3 2025',
      'Q4 2025',
      'Q4 2025',
    ]);
  });
});

describe('defaultFormatSpec', () => {
  it('maps column types to specs', () => {
    expect(defaultFormatSpec('number')).toEqual({ kind: 'number' });
    expect(defaultFormatSpec('date')).toEqual({ kind: 'date', grain: 'day' });
    expect(defaultFormatSpec('string')).toEqual({ kind: 'text' });
    expect(defaultFormatSpec('boolean')).toEqual({ kind: 'text' });
  });
});

describe('inferTimeGrain', () => {
  const cases: [TimeGrain, (number | null)[]][] = [
    ['year', [utc(2024, 1), null, utc(2025, 1), utc(2026, 1)]],
    ['quarter', [utc(2025, 1), utc(2025, 4), utc(2025, 7), utc(2025, 10)]],
    ['month', [utc(2025, 1), utc(2025, 2), utc(2025, 3)]],
    ['week', [utc(2026, 3, 2), utc(2026, 3, 9), utc(2026, 3, 23), utc(2026, 3, 9)]],
    ['day', [utc(2026, 3, 2), utc(2026, 3, 3), utc(2026, 3, 9)]],
    ['day', [utc(2026, 3, 2)]],
    ['day', [utc(2026, 3, 2), utc(2026, 3, 2)]],
    ['hour', [utc(2026, 3, 2, 0), utc(2026, 3, 2, 1), utc(2026, 3, 2, 14)]],
    ['minute', [utc(2026, 3, 2, 0), utc(2026, 3, 2, 0, 15)]],
    ['minute', [utc(2026, 3, 2, 1) + 30_000]],
    ['day', []],
    ['day', [null, null]],
  ];

  it.each(cases)('%s for %j', (grain, values) => {
    expect(inferTimeGrain(values)).toBe(grain);
  });
});
