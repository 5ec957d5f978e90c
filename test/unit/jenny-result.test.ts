import { describe, expect, it } from 'vitest';
import { ResponseShapeError } from '../../src/core/client/errors';
import type { JennyAnswer } from '../../src/core/client/types';
import { toJennyAnswer } from '../../src/core/jenny/result';
import { toAnswerJson } from '../../src/core/jenny/stream';

/*
 * A JennyPanel's result in any of its three shapes (Jenny's own answer, the API's JSON, the seed's mapped result)
 * read into one JennyAnswer, and a result that does not fit refused with the field's path and never its value.
 */

/** A value that must never be repeated in a message. */
const SECRET = 'sk-live-7f3a9c1e5b2d4680aa11';
const SECRET_NUMBER = 987_654_321;

const option = { xAxis: { type: 'category' }, series: [{ type: 'bar' }] };
const rows = [
  { region: 'NCR', revenue: 10 },
  { region: 'Visayas', revenue: 7 },
];

const own: JennyAnswer = {
  kind: 'answer',
  title: 'Revenue by region',
  summary: 'NCR led.',
  echartsOption: option,
  rows,
  meta: [
    { name: 'region', type: 'string', role: 'dimension' },
    { name: 'revenue', type: 'number', role: 'measure' },
  ],
  generatedSql: 'select region, sum(revenue) from scout.sales group by 1',
  reasoning: 'Read "revenue" as Revenue.',
  asOf: '2025-12-31',
  suggestions: ['Revenue by brand'],
};

const api = {
  title: 'Revenue by region',
  summary: 'NCR led.',
  echarts_option: option,
  rows,
  generated_sql: 'select 1',
  reasoning: 'Because.',
};

const mapped = {
  title: 'Revenue by region',
  description: 'NCR led.',
  chartOption: option,
  tableData: rows,
  sql: 'select 1',
  explanation: 'Because.',
};

/** The ResponseShapeError a call throws (fails when it returns). */
function shapeError(call: () => unknown): ResponseShapeError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseShapeError);
    return error as ResponseShapeError;
  }
  throw new Error('expected a ResponseShapeError');
}

describe('toJennyAnswer: the three shapes', () => {
  it("reads Jenny's own answer (camelCase) as it is", () => {
    expect(toJennyAnswer(own)).toEqual(own);
  });

  it("fills a partial answer of Jenny's own with empty text and no rows", () => {
    expect(toJennyAnswer({ title: 'Only a title' })).toEqual({ title: 'Only a title', summary: '', rows: [] });
    expect(toJennyAnswer({ summary: 'Only text', rows: null })).toEqual({ title: '', summary: 'Only text', rows: [] });
  });

  // An optional field that is null (as JSON writes an absent one) is absent, as the ShapeReader reads null elsewhere.
  it("reads a null optional field of Jenny's own answer as absent", () => {
    const read = toJennyAnswer({ ...own, generatedSql: null, echartsOption: null, reasoning: null, meta: null });
    expect(read.generatedSql).toBeUndefined();
    expect(read.echartsOption).toBeUndefined();
    expect(read.reasoning).toBeUndefined();
    expect(read.meta).toBeUndefined();
  });

  it("reads the API's JSON ({ title, summary, echarts_option, rows, generated_sql, reasoning })", () => {
    expect(toJennyAnswer(api)).toEqual({
      title: 'Revenue by region',
      summary: 'NCR led.',
      echartsOption: option,
      rows,
      meta: undefined,
      generatedSql: 'select 1',
      reasoning: 'Because.',
    });
    expect(toJennyAnswer({ ...api, echarts_option: null, generated_sql: null, reasoning: null })).toMatchObject({
      echartsOption: undefined,
      generatedSql: undefined,
      reasoning: undefined,
    });
  });

  it("reads the seed's mapped result ({ title, description, chartOption, tableData, sql, explanation })", () => {
    expect(toJennyAnswer(mapped)).toEqual({
      title: 'Revenue by region',
      summary: 'NCR led.',
      echartsOption: option,
      rows,
      generatedSql: 'select 1',
      reasoning: 'Because.',
    });
  });

  it('reads a mapped result with only some of its fields', () => {
    expect(toJennyAnswer({ description: 'NCR led.' })).toEqual({ title: '', summary: 'NCR led.', rows: [] });
    expect(toJennyAnswer({ title: 'T', tableData: null, chartOption: null, sql: null })).toEqual({
      title: 'T',
      summary: '',
      rows: [],
    });
  });

  // The API's JSON as this library's server writes it carries meta and interpretation too: still the API's JSON.
  it("reads the API's JSON as the server writes it (toAnswerJson), meta and interpretation included", () => {
    const read = toJennyAnswer(toAnswerJson(own));
    expect(read).toMatchObject({
      title: own.title,
      summary: own.summary,
      echartsOption: option,
      rows,
      generatedSql: own.generatedSql,
      asOf: '2025-12-31',
    });
    expect(read).not.toHaveProperty('echarts_option');
  });
});

describe('toJennyAnswer: a result that does not fit', () => {
  it.each([
    ['null', null],
    ['a string', SECRET],
    ['an array', [own]],
  ])('refuses %s as a whole ($)', (_name, value) => {
    const error = shapeError(() => toJennyAnswer(value));
    expect(error.path).toBe('$');
    expect(error.code).toBe('response-shape');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('selectedResult');
  });

  const cases: [shape: string, name: string, value: Record<string, unknown>, path: string][] = [
    ['own', 'rows not an array', { ...own, rows: { secret: SECRET } }, 'rows'],
    ['own', 'a row not an object', { ...own, rows: [rows[0], SECRET] }, 'rows[1]'],
    ['own', 'title a number', { ...own, title: SECRET_NUMBER }, 'title'],
    ['own', 'echartsOption an array', { ...own, echartsOption: [SECRET] }, 'echartsOption'],
    ['own', 'generatedSql a number', { ...own, generatedSql: SECRET_NUMBER }, 'generatedSql'],
    ['own', 'a meta column with no name', { ...own, meta: [{ type: 'number' }] }, 'meta[0].name'],
    ['API', 'rows not an array', { ...api, rows: SECRET }, 'rows'],
    ['API', 'a row not an object', { ...api, rows: [SECRET_NUMBER] }, 'rows[0]'],
    ['API', 'title a number', { ...api, title: SECRET_NUMBER }, 'title'],
    ['API', 'echarts_option an array', { ...api, echarts_option: [SECRET] }, 'echarts_option'],
    ['API', 'summary missing', { ...api, summary: undefined }, 'summary'],
    ['mapped', 'tableData not an array', { ...mapped, tableData: SECRET }, 'tableData'],
    ['mapped', 'a row not an object', { ...mapped, tableData: [rows[0], rows[1], [SECRET]] }, 'tableData[2]'],
    ['mapped', 'title a number', { ...mapped, title: SECRET_NUMBER }, 'title'],
    ['mapped', 'chartOption an array', { ...mapped, chartOption: [SECRET] }, 'chartOption'],
    ['mapped', 'description a number', { ...mapped, description: SECRET_NUMBER }, 'description'],
  ];

  it.each(cases)('refuses the %s shape with %s at its path, never quoting the value', (_shape, _name, value, path) => {
    const error = shapeError(() => toJennyAnswer(value));
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(String(SECRET_NUMBER));
    expect(error.message).not.toContain('987,654,321');
  });

  it('names what was read in the message', () => {
    const error = shapeError(() => toJennyAnswer({ ...api, rows: 1 }, 'the result prop'));
    expect(error.message).toMatch(/^The answer to the result prop does not match the contract: rows should be/);
  });
});

describe("toJennyAnswer: the data's freshness", () => {
  it("reads the API JSON's freshness (as /api/freshness writes it) into the answer's, and checks it", () => {
    const json = {
      title: 'Revenue',
      summary: 'Up.',
      rows: [],
      generated_sql: 'select 1',
      freshness: { source: 'sales_summary', updated_at: '2026-01-01T02:00:00Z', status: 'success', rows_written: 9 },
    };
    expect(toJennyAnswer(json).freshness).toEqual({
      source: 'sales_summary',
      updatedAt: '2026-01-01T02:00:00Z',
      status: 'success',
      rowsWritten: 9,
    });
    expect(() => toJennyAnswer({ ...json, freshness: { source: 'sales_summary', rows_written: -1 } })).toThrow(
      /freshness\.rows_written/,
    );
  });
});

describe("toJennyAnswer: Jenny's own answer is checked like the API's", () => {
  it('refuses an error body, which is not an answer', () => {
    expect(() => toJennyAnswer({ error: { code: 'failed', message: 'The database is down.' } })).toThrow(
      ResponseShapeError,
    );
  });

  it('refuses suggestions that are not text and a query reading without its query', () => {
    expect(() => toJennyAnswer({ title: 'T', summary: 'S', suggestions: 'abc' })).toThrow(/suggestions/);
    expect(() => toJennyAnswer({ title: 'T', summary: 'S', interpretation: { kind: 'query' } })).toThrow(
      /interpretation\.space/,
    );
    expect(() =>
      toJennyAnswer({ title: 'T', summary: 'S', interpretation: { kind: 'query', space: 'sales', query: {} } }),
    ).toThrow(/interpretation\.query\.metrics/);
  });

  it("reads the answer's own camelCase asOf and freshness", () => {
    const read = toJennyAnswer({
      title: 'T',
      summary: 'S',
      rows: [],
      asOf: '2025-12-31',
      freshness: { source: 'sales_summary', updatedAt: '2026-01-01T02:00:00Z', status: 'success' },
    });
    expect(read.asOf).toBe('2025-12-31');
    expect(read.freshness).toEqual({ source: 'sales_summary', updatedAt: '2026-01-01T02:00:00Z', status: 'success' });
  });
});
