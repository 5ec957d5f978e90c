// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findPeriod } from '../../src/core/jenny/periods';

/** Wednesday, the last day of a month, a quarter and a year. */
const TODAY = '2025-12-31';

const range = (question: string, today = TODAY) => findPeriod(question, today)?.range;
const span = (from: string, to: string) => ({ from, to });

describe('findPeriod: single days', () => {
  it('reads today and yesterday', () => {
    expect(range('revenue today')).toEqual(span('2025-12-31', '2025-12-31'));
    expect(range('revenue yesterday')).toEqual(span('2025-12-30', '2025-12-30'));
    expect(range('Yesterday?', '2025-03-01')).toEqual(span('2025-02-28', '2025-02-28'));
    expect(range('yesterday', '2025-01-01')).toEqual(span('2024-12-31', '2024-12-31'));
    expect(findPeriod('orders today', TODAY)?.meaning).toBe('2025-12-31');
  });

  it('reads a real ISO day and nothing else', () => {
    expect(range('orders on 2025-03-05')).toEqual(span('2025-03-05', '2025-03-05'));
    expect(range('orders on 2024-02-29')).toEqual(span('2024-02-29', '2024-02-29'));
    expect(findPeriod('orders on 2025-03-05', TODAY)?.meaning).toBe('2025-03-05');
  });

  it('refuses impossible ISO days instead of reading a part of them', () => {
    for (const question of [
      'orders on 2025-02-30',
      'orders on 2025-02-29',
      'orders on 2025-13-01',
      'orders on 2025-04-31',
      'orders on 2025-00-10',
      'from 2025-01-01 to 2025-02-30',
      'since 2025-02-30',
    ]) {
      expect(findPeriod(question, TODAY), question).toBeUndefined();
    }
  });
});

describe('findPeriod: rolling windows ending today', () => {
  it('counts days and weeks back from today, today included', () => {
    expect(range('last 30 days')).toEqual(span('2025-12-02', '2025-12-31'));
    expect(range('past 7 days')).toEqual(span('2025-12-25', '2025-12-31'));
    expect(range('last seven days')).toEqual(span('2025-12-25', '2025-12-31'));
    expect(range('previous 1 day')).toEqual(span('2025-12-31', '2025-12-31'));
    expect(range('last 2 weeks')).toEqual(span('2025-12-18', '2025-12-31'));
    expect(range('past twelve weeks')).toEqual(span('2025-10-09', '2025-12-31'));
    expect(range('prior 10 days')).toEqual(span('2025-12-22', '2025-12-31'));
  });

  it('starts month windows the day after today minus N months, clamped to short months', () => {
    expect(range('last 3 months')).toEqual(span('2025-10-01', '2025-12-31'));
    expect(range('last 3 months', '2025-12-15')).toEqual(span('2025-09-16', '2025-12-15'));
    expect(range('last one month')).toEqual(span('2025-12-01', '2025-12-31'));
    expect(range('last 1 month', '2024-03-31')).toEqual(span('2024-03-01', '2024-03-31'));
    expect(range('last 12 months', '2024-02-29')).toEqual(span('2023-03-01', '2024-02-29'));
    expect(range('last 3 months', '2025-03-01')).toEqual(span('2024-12-02', '2025-03-01'));
  });

  it('counts quarters as three months and years as twelve', () => {
    expect(range('past 2 quarters')).toEqual(span('2025-07-01', '2025-12-31'));
    expect(range('last four quarters', '2025-12-15')).toEqual(span('2024-12-16', '2025-12-15'));
    expect(range('last 2 years')).toEqual(span('2024-01-01', '2025-12-31'));
    expect(range('past 1 year', '2024-02-29')).toEqual(span('2023-03-01', '2024-02-29'));
  });

  it('reads "past month" (no number) as the rolling month', () => {
    expect(range('past month', '2025-12-15')).toEqual(span('2025-11-16', '2025-12-15'));
    expect(range('past week')).toEqual(span('2025-12-25', '2025-12-31'));
  });

  it('says the range plainly, without naming a calendar period', () => {
    expect(findPeriod('last 30 days', TODAY)?.meaning).toBe('2025-12-02 to 2025-12-31');
    expect(findPeriod('last 3 months', TODAY)?.meaning).toBe('2025-10-01 to 2025-12-31');
  });

  it('names no period for zero or an out-of-range count', () => {
    expect(findPeriod('last 0 days', TODAY)).toBeUndefined();
    expect(findPeriod('last 9999 years', TODAY)).toBeUndefined();
    expect(findPeriod('last 12345 days', TODAY)).toBeUndefined();
  });
});

describe('findPeriod: the period so far', () => {
  it('runs from the start of the period holding today to today', () => {
    expect(range('this week')).toEqual(span('2025-12-29', '2025-12-31'));
    expect(range('this month')).toEqual(span('2025-12-01', '2025-12-31'));
    expect(range('current quarter')).toEqual(span('2025-10-01', '2025-12-31'));
    expect(range('this year')).toEqual(span('2025-01-01', '2025-12-31'));
    expect(range('revenue MTD', '2025-11-14')).toEqual(span('2025-11-01', '2025-11-14'));
    expect(range('revenue QTD', '2025-11-14')).toEqual(span('2025-10-01', '2025-11-14'));
    expect(range('revenue ytd', '2025-11-14')).toEqual(span('2025-01-01', '2025-11-14'));
    expect(range('month to date', '2025-11-14')).toEqual(span('2025-11-01', '2025-11-14'));
    expect(range('month-to-date', '2025-11-14')).toEqual(span('2025-11-01', '2025-11-14'));
    expect(range('year to date', '2025-11-14')).toEqual(span('2025-01-01', '2025-11-14'));
    expect(range('so far this year', '2025-11-14')).toEqual(span('2025-01-01', '2025-11-14'));
    expect(range('this year so far', '2025-11-14')).toEqual(span('2025-01-01', '2025-11-14'));
  });

  it('starts weeks on Monday, even across a year', () => {
    expect(range('this week', '2025-12-29')).toEqual(span('2025-12-29', '2025-12-29'));
    expect(range('this week', '2025-12-28')).toEqual(span('2025-12-22', '2025-12-28'));
    expect(range('this week', '2025-01-02')).toEqual(span('2024-12-30', '2025-01-02'));
    expect(findPeriod('this week', '2025-12-29')?.meaning).toBe('2025-12-29');
  });

  it('is one day on the first of a period', () => {
    expect(range('MTD', '2025-03-01')).toEqual(span('2025-03-01', '2025-03-01'));
    expect(range('QTD', '2025-03-01')).toEqual(span('2025-01-01', '2025-03-01'));
    expect(range('this month', '2024-02-29')).toEqual(span('2024-02-01', '2024-02-29'));
  });
});

describe('findPeriod: the previous whole period', () => {
  it('reads last, previous and prior as the calendar period before', () => {
    expect(range('last week')).toEqual(span('2025-12-22', '2025-12-28'));
    expect(range('last month')).toEqual(span('2025-11-01', '2025-11-30'));
    expect(range('last quarter')).toEqual(span('2025-07-01', '2025-09-30'));
    expect(range('last year')).toEqual(span('2024-01-01', '2024-12-31'));
    expect(range('previous month')).toEqual(span('2025-11-01', '2025-11-30'));
    expect(range('prior quarter')).toEqual(span('2025-07-01', '2025-09-30'));
  });

  it('crosses into the previous year in January', () => {
    expect(range('last month', '2025-01-15')).toEqual(span('2024-12-01', '2024-12-31'));
    expect(range('last quarter', '2025-01-15')).toEqual(span('2024-10-01', '2024-12-31'));
    expect(range('last week', '2025-01-02')).toEqual(span('2024-12-23', '2024-12-29'));
  });

  it('counts from a Monday, a leap day and the first of a month', () => {
    expect(range('last week', '2025-12-29')).toEqual(span('2025-12-22', '2025-12-28'));
    expect(range('last month', '2024-02-29')).toEqual(span('2024-01-01', '2024-01-31'));
    expect(range('last month', '2024-03-01')).toEqual(span('2024-02-01', '2024-02-29'));
    expect(range('last year', '2024-02-29')).toEqual(span('2023-01-01', '2023-12-31'));
  });

  it('names the period it found', () => {
    expect(findPeriod('last month', TODAY)?.meaning).toBe('November 2025: 2025-11-01 to 2025-11-30');
    expect(findPeriod('last quarter', TODAY)?.meaning).toBe('Q3 2025: 2025-07-01 to 2025-09-30');
    expect(findPeriod('last year', TODAY)?.meaning).toBe('2024: 2024-01-01 to 2024-12-31');
    expect(findPeriod('last week', TODAY)?.meaning).toBe('2025-12-22 to 2025-12-28');
  });
});

describe('findPeriod: quarters', () => {
  it('reads a quarter with its year, in any order', () => {
    expect(range('Q3 2024')).toEqual(span('2024-07-01', '2024-09-30'));
    expect(range('2024 Q3')).toEqual(span('2024-07-01', '2024-09-30'));
    expect(range('q3 of 2024')).toEqual(span('2024-07-01', '2024-09-30'));
    expect(range('Q1 2024')).toEqual(span('2024-01-01', '2024-03-31'));
    expect(findPeriod('revenue in Q3 2024', TODAY)?.meaning).toBe('Q3 2024: 2024-07-01 to 2024-09-30');
  });

  it('reads a bare quarter as the latest one that started by today', () => {
    expect(range('Q3')).toEqual(span('2025-07-01', '2025-09-30'));
    expect(range('Q4')).toEqual(span('2025-10-01', '2025-12-31'));
    expect(range('Q4', '2025-09-30')).toEqual(span('2024-10-01', '2024-12-31'));
    expect(range('Q4', '2025-10-01')).toEqual(span('2025-10-01', '2025-12-31'));
    expect(range('Q1', '2024-02-29')).toEqual(span('2024-01-01', '2024-03-31'));
    expect(range('Q2', '2024-02-29')).toEqual(span('2023-04-01', '2023-06-30'));
  });

  it('reads no quarter past Q4', () => {
    expect(findPeriod('Q5 revenue', TODAY)).toBeUndefined();
    expect(findPeriod('Q0 revenue', TODAY)).toBeUndefined();
  });
});

describe('findPeriod: months', () => {
  it('reads a month with its year, full or abbreviated', () => {
    expect(range('March 2025')).toEqual(span('2025-03-01', '2025-03-31'));
    expect(range('mar 2024')).toEqual(span('2024-03-01', '2024-03-31'));
    expect(range('Sept 2024')).toEqual(span('2024-09-01', '2024-09-30'));
    expect(range('Feb 2024')).toEqual(span('2024-02-01', '2024-02-29'));
    expect(range('December, 2023')).toEqual(span('2023-12-01', '2023-12-31'));
    expect(findPeriod('sales in June 2025', TODAY)?.meaning).toBe('June 2025: 2025-06-01 to 2025-06-30');
  });

  it('reads a bare month as the latest one that started by today', () => {
    expect(range('March')).toEqual(span('2025-03-01', '2025-03-31'));
    expect(range('December')).toEqual(span('2025-12-01', '2025-12-31'));
    expect(range('March', '2025-02-10')).toEqual(span('2024-03-01', '2024-03-31'));
    expect(range('March', '2025-03-01')).toEqual(span('2025-03-01', '2025-03-31'));
    expect(range('feb', '2024-02-29')).toEqual(span('2024-02-01', '2024-02-29'));
    expect(range('sep')).toEqual(span('2025-09-01', '2025-09-30'));
  });

  it('reads "may" as a month only with a year or after a word that asks for a time', () => {
    expect(findPeriod('may I see revenue by brand', TODAY)).toBeUndefined();
    expect(findPeriod('May I see revenue by brand?', TODAY)).toBeUndefined();
    expect(findPeriod('what may drive churn', TODAY)).toBeUndefined();
    expect(range('May we see sales for March?')).toEqual(span('2025-03-01', '2025-03-31'));
    expect(range('sales in May')).toEqual(span('2025-05-01', '2025-05-31'));
    expect(range('sales for   may', '2025-02-10')).toEqual(span('2024-05-01', '2024-05-31'));
    expect(range('sales May 2024')).toEqual(span('2024-05-01', '2024-05-31'));
    expect(range('orders since May')).toEqual(span('2025-05-01', '2025-12-31'));
    expect(range('orders from may to july')).toEqual(span('2025-05-01', '2025-07-31'));
    expect(range('orders March to May')).toEqual(span('2025-03-01', '2025-05-31'));
  });

  it('does not read month names inside other words', () => {
    expect(findPeriod('market share by marches', TODAY)).toBeUndefined();
    expect(findPeriod('decline in octane', TODAY)).toBeUndefined();
  });
});

describe('findPeriod: years', () => {
  it('reads a year standing alone', () => {
    expect(range('revenue in 2024')).toEqual(span('2024-01-01', '2024-12-31'));
    expect(range('revenue for 2024')).toEqual(span('2024-01-01', '2024-12-31'));
    expect(range('revenue during 2023')).toEqual(span('2023-01-01', '2023-12-31'));
    expect(range('2024 revenue by brand')).toEqual(span('2024-01-01', '2024-12-31'));
    expect(range('revenue in 1999.')).toEqual(span('1999-01-01', '1999-12-31'));
    expect(findPeriod('revenue in 2024', TODAY)?.meaning).toBe('2024: 2024-01-01 to 2024-12-31');
  });

  it('reads four digits out of 1900-2099, or inside a number, amount or code, as no year', () => {
    for (const question of [
      'revenue in 1899',
      'revenue in 2100',
      'orders over $2024',
      'sku 12024',
      'price 2024.50',
      'top 2000 customers',
      'more than 2000 orders',
      'at least 1999 units',
    ]) {
      expect(findPeriod(question, TODAY), question).toBeUndefined();
    }
    expect(range('top 2000 customers in 2024')).toEqual(span('2024-01-01', '2024-12-31'));
  });
});

describe('findPeriod: since and ranges', () => {
  it('runs "since X" from the start of X to today', () => {
    expect(range('since March')).toEqual(span('2025-03-01', '2025-12-31'));
    expect(range('since March 2024')).toEqual(span('2024-03-01', '2025-12-31'));
    expect(range('since Q3')).toEqual(span('2025-07-01', '2025-12-31'));
    expect(range('since Q3 2024')).toEqual(span('2024-07-01', '2025-12-31'));
    expect(range('since 2024')).toEqual(span('2024-01-01', '2025-12-31'));
    expect(range('since 2025-06-15')).toEqual(span('2025-06-15', '2025-12-31'));
    expect(range('since last year')).toEqual(span('2024-01-01', '2025-12-31'));
    expect(range('since March', '2025-02-10')).toEqual(span('2024-03-01', '2025-02-10'));
  });

  it('names no period since a day after today', () => {
    expect(findPeriod('since 2026-01-05', TODAY)).toBeUndefined();
  });

  it('runs from X to Y, each a month, quarter, year or ISO day', () => {
    expect(range('between March 2024 and June 2024')).toEqual(span('2024-03-01', '2024-06-30'));
    expect(range('from Q3 2024 to Q1 2025')).toEqual(span('2024-07-01', '2025-03-31'));
    expect(range('2023 through 2024')).toEqual(span('2023-01-01', '2024-12-31'));
    expect(range('from 2025-01-01 to 2025-03-31')).toEqual(span('2025-01-01', '2025-03-31'));
    expect(range('between 2025-01-10 and 2025-02-20')).toEqual(span('2025-01-10', '2025-02-20'));
    expect(range('March to June')).toEqual(span('2025-03-01', '2025-06-30'));
    expect(range('from March to today')).toEqual(span('2025-03-01', '2025-12-31'));
    expect(findPeriod('from 2025-01-01 to 2025-03-31', TODAY)?.meaning).toBe('Q1 2025: 2025-01-01 to 2025-03-31');
  });

  it('moves a bare X back a year when it would come after Y', () => {
    expect(range('from October to February')).toEqual(span('2024-10-01', '2025-02-28'));
    expect(range('from Q4 to Q1')).toEqual(span('2024-10-01', '2025-03-31'));
    expect(range('between March and May', '2025-02-10')).toEqual(span('2024-03-01', '2024-05-31'));
  });

  it('gives a bare month the year of the other end', () => {
    expect(range('from March to June 2024')).toEqual(span('2024-03-01', '2024-06-30'));
    expect(range('from November to February 2024')).toEqual(span('2023-11-01', '2024-02-29'));
    expect(range('March 2024 to June')).toEqual(span('2024-03-01', '2024-06-30'));
    expect(range('Nov 2024 to Feb')).toEqual(span('2024-11-01', '2025-02-28'));
  });

  it('swaps two explicit ends written backwards', () => {
    expect(range('from 2025 to 2023')).toEqual(span('2023-01-01', '2025-12-31'));
  });

  it('reads "and" as a range only after "between"', () => {
    expect(range('revenue 2023 and 2024')).toEqual(span('2023-01-01', '2023-12-31'));
  });
});

describe('findPeriod: where the words are', () => {
  it('reports the words, their place and their meaning inside a longer question', () => {
    expect(findPeriod('Top 5 brands by revenue last 30 days', TODAY)).toEqual({
      range: span('2025-12-02', '2025-12-31'),
      start: 24,
      end: 36,
      words: 'last 30 days',
      meaning: '2025-12-02 to 2025-12-31',
    });
  });

  it('keeps the words as typed, extra spaces and case included, without trailing punctuation', () => {
    const question = 'Revenue   LAST   30   DAYS?!';
    const match = findPeriod(question, TODAY);
    expect(match?.words).toBe('LAST   30   DAYS');
    expect(match?.start).toBe(10);
    expect(match?.end).toBe(26);
    expect(match?.range).toEqual(span('2025-12-02', '2025-12-31'));
  });

  it('returns the longest phrase when several match', () => {
    const between = findPeriod('revenue between March 2024 and June 2024 by brand', TODAY);
    expect(between?.words).toBe('between March 2024 and June 2024');
    expect(between?.start).toBe(8);
    expect(between?.range).toEqual(span('2024-03-01', '2024-06-30'));
    expect(findPeriod('orders since last year', TODAY)?.words).toBe('since last year');
    expect(findPeriod('orders Q3 2024', TODAY)?.words).toBe('Q3 2024');
    expect(findPeriod('orders May 2024', TODAY)?.words).toBe('May 2024');
    expect(findPeriod('so far this year', TODAY)?.words).toBe('so far this year');
    expect(findPeriod('this month vs last quarter', TODAY)?.words).toBe('last quarter');
  });

  it('returns the first of two phrases as long', () => {
    expect(findPeriod('this year vs last year', TODAY)?.words).toBe('this year');
    expect(findPeriod('last year vs this year', TODAY)?.words).toBe('last year');
  });
});

describe('findPeriod: questions that name no period', () => {
  it('returns undefined', () => {
    for (const question of [
      '',
      '   ',
      'top 5 brands by revenue',
      'how many orders?',
      'monthly revenue by region',
      'quarterly margin',
      'last few days',
      'this weekend',
      'days since signup',
      'revenue per day',
    ]) {
      expect(findPeriod(question, TODAY), question).toBeUndefined();
    }
  });

  it('returns undefined for a today that is not a real ISO day', () => {
    for (const today of ['', '2025-02-30', '2025-12-31T00:00:00Z', 'abcd-01-01', 'yesterday']) {
      expect(findPeriod('last month', today), today).toBeUndefined();
    }
  });
});

describe('findPeriod: hostile input', () => {
  it('never throws, and finds nothing in noise', () => {
    const noise = [
      '😀'.repeat(5000),
      '\u0000\u0001\u202e\ufeff',
      '(.*)+$^[\\]{}|?',
      'x'.repeat(10_000),
      ' '.repeat(10_000),
      '-'.repeat(10_000),
      '2024-'.repeat(2000),
      'last '.repeat(2000),
      'since '.repeat(2000),
      'may '.repeat(2500),
      'from to '.repeat(1250),
      'Q5 '.repeat(3000),
      '9'.repeat(10_000),
    ];
    for (const question of noise) expect(findPeriod(question, TODAY), question.slice(0, 20)).toBeUndefined();
  });

  it('returns undefined rather than throwing on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, []] as unknown as string[]) {
      expect(findPeriod(value, TODAY)).toBeUndefined();
      expect(findPeriod('last month', value)).toBeUndefined();
    }
  });

  it('reads long repetitive questions (10,000 characters) without stalling', () => {
    // Each would take seconds or more with catastrophic backtracking; here they simply return.
    expect(findPeriod('q1 '.repeat(3334), TODAY)?.range).toEqual(span('2025-01-01', '2025-03-31'));
    expect(findPeriod('2024 to '.repeat(1250), TODAY)?.range).toEqual(span('2024-01-01', '2024-12-31'));
    expect(findPeriod(`${'revenue by brand '.repeat(600)}last 30 days`, TODAY)?.words).toBe('last 30 days');
    expect(findPeriod(`march${' '.repeat(10_000)}2024`, TODAY)?.range).toEqual(span('2024-03-01', '2024-03-31'));
  });
});

describe('half years', () => {
  it.each([
    ['revenue in the first half of 2025', { from: '2025-01-01', to: '2025-06-30' }, 'first half of 2025'],
    ['second half 2024 spend', { from: '2024-07-01', to: '2024-12-31' }, 'second half 2024'],
    ['H1 2025 orders', { from: '2025-01-01', to: '2025-06-30' }, 'H1 2025'],
    ['orders 2024 h2', { from: '2024-07-01', to: '2024-12-31' }, '2024 h2'],
  ])('%s', (question, range, words) => {
    expect(findPeriod(question, '2025-12-31')).toMatchObject({ range, words });
  });
});
