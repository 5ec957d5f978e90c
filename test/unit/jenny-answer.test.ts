// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataClient, type DataClient } from '../../src/core/client/client';
import { DataClientError, QueryError } from '../../src/core/client/errors';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import type { JennyAnswer } from '../../src/core/client/types';
import { type AnswerSource, answerQuestion } from '../../src/core/jenny/answer';
import { createQuestionInterpreter, type QuestionInterpreter } from '../../src/core/jenny/interpret';
import type { JennyChunk } from '../../src/core/jenny/protocol';
import type { Interpretation, QueryInterpretation } from '../../src/core/jenny/types';
import { loadDimensionValues } from '../../src/core/jenny/values';
import { enJenny } from '../../src/core/jenny/words';
import { defineSpace } from '../../src/core/semantic/define';
import { demoSpaces, salesSpace } from '../../src/core/semantic/spaces';
import type { SemanticQuery } from '../../src/core/semantic/types';
import type { DemoWarehouse } from '../../src/core/warehouse';
import { demoWarehouse } from '../setup/warehouse';

/** The demo data's last day: what a nightly load finishing 2026-01-01 covers through. */
const TODAY = '2025-12-31';

let warehouse: DemoWarehouse;
let client: DataClient;
let jenny: QuestionInterpreter;

beforeAll(async () => {
  warehouse = await demoWarehouse();
  client = createDataClient({
    transport: pgliteTransport({ db: warehouse.db, log: false }),
    spaces: demoSpaces,
    retry: false,
  });
  const values = await loadDimensionValues(client, demoSpaces);
  jenny = createQuestionInterpreter({ spaces: demoSpaces, values, today: TODAY });
});

afterAll(async () => {
  await warehouse?.close();
});

/** Rows of SQL written here, run as the owner: the expectation, computed apart from the code under test. */
async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await warehouse.db.query<T>(text, params)).rows;
}

const peso = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'PHP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

function query(space: string, q: SemanticQuery, extra: Partial<QueryInterpretation> = {}): QueryInterpretation {
  return { kind: 'query', space, query: q, confidence: 1, explanation: [], ...extra };
}

function read(question: string, space = 'sales'): Interpretation {
  return jenny.interpret(question, { space });
}

async function answer(
  interpretation: Interpretation,
  options: Parameters<typeof answerQuestion>[2] = {},
  source: AnswerSource = client,
) {
  const chunks: JennyChunk[] = [];
  const result = await answerQuestion(source, interpretation, {
    asOf: TODAY,
    ...options,
    onPart: (chunk) => chunks.push(chunk),
  });
  return { answer: result, chunks };
}

async function ask(question: string, space = 'sales') {
  return answer(read(question, space));
}

/** A source that counts its queries and passes them to the demo client. */
function counting(): AnswerSource & { queries: number } {
  const source = {
    queries: 0,
    spaces: client.spaces,
    query: (request: Parameters<AnswerSource['query']>[0], options: { signal?: AbortSignal }) => {
      source.queries++;
      return client.query(request, options);
    },
    freshness: (name: string, options: { signal?: AbortSignal }) => client.freshness(name, options),
  };
  return source;
}

describe('answerQuestion: real rows from the demo warehouse', () => {
  it.each([
    'Top 5 brands by revenue last 30 days',
    'Top 5 brands by revenue',
    'What drove the 15% revenue increase this month?',
    'Revenue vs target last 30 days',
  ])("answers the seed's question %j with rows", async (question) => {
    const { answer: a } = await ask(question);
    expect(a.kind).toBe('answer');
    expect(a.rows.length).toBeGreaterThan(0);
    expect(a.summary).not.toMatch(/^No rows/);
    expect(a.statements?.length).toBeGreaterThan(0);
    expect(a.asOf).toBe(TODAY);
  });

  it("refuses the seed's question about customers, which no space holds, running no SQL", async () => {
    const source = counting();
    const { answer: a } = await answer(read('Top 10 customers by LTV'), {}, source);
    expect(a.kind).not.toBe('answer');
    expect(a.rows).toEqual([]);
    expect(source.queries).toBe(0);
  });

  it.each(demoSpaces.flatMap((space) => (space.examples ?? []).map((example) => [space.name, example] as const)))(
    'answers the %s example %j with rows, a summary and follow-ups',
    async (space, example) => {
      const { answer: a } = await ask(example, space);
      expect(a.kind).toBe('answer');
      expect(a.rows.length).toBeGreaterThan(0);
      expect(a.summary.length).toBeGreaterThan(20);
      expect(a.summary).not.toMatch(/No rows/);
      expect(a.title).not.toBe('');
      expect(a.generatedSql).toContain('SELECT');
      // Suggestions the interpreter reads as questions it answers.
      expect(a.suggestions?.length).toBeGreaterThanOrEqual(2);
      for (const suggestion of a.suggestions ?? []) expect(read(suggestion, space).kind, suggestion).toBe('query');
    },
  );

  it("says the leader's revenue and share of the total that the rows (and the warehouse) hold", async () => {
    const { answer: a } = await ask('Top 5 brands by revenue last 30 days');
    const expected = await sql<{ brand: string; revenue: number }>(
      `select brand, sum(revenue)::float8 as revenue from scout.sales
        where sale_date between '2025-12-02' and '2025-12-31' group by brand order by revenue desc`,
    );
    const [{ total } = { total: Number.NaN }] = await sql<{ total: number }>(
      `select sum(revenue)::float8 as total from scout.sales where sale_date between '2025-12-02' and '2025-12-31'`,
    );
    expect(a.title).toBe('Top 5 brands by revenue · last 30 days');
    expect(a.rows.map((row) => row.brand)).toEqual(expected.slice(0, 5).map((row) => row.brand));
    a.rows.forEach((row, i) => {
      expect(row.revenue).toBeCloseTo(expected[i]?.revenue as number, 2);
    });
    const leader = expected[0] as { brand: string; revenue: number };
    const top5 = expected.slice(0, 5).reduce((sum, row) => sum + row.revenue, 0);
    expect(a.summary).toBe(
      `In the last 30 days, ${leader.brand} led with ${peso.format(leader.revenue)}, ` +
        `${percent.format(leader.revenue / total)} of the ${peso.format(total)} total. ` +
        `The top 5 together make ${peso.format(top5)}, ${percent.format(top5 / total)} of the total.`,
    );
    // A top 5 of 10 brands is not a whole: bars, not a donut.
    expect(a.echartsOption).toBeDefined();
    expect(JSON.stringify(a.echartsOption)).toContain('"type":"bar"');
  });

  it('says a total and its change from the 30 days before, computed from rows it ran', async () => {
    const { answer: a } = await ask('revenue last 30 days');
    const [now] = await sql<{ v: number }>(
      `select sum(revenue)::float8 as v from scout.sales where sale_date between '2025-12-02' and '2025-12-31'`,
    );
    const [before] = await sql<{ v: number }>(
      `select sum(revenue)::float8 as v from scout.sales where sale_date between '2025-11-02' and '2025-12-01'`,
    );
    const change = (now?.v as number) / (before?.v as number) - 1;
    expect(a.summary).toBe(
      `Revenue was ${peso.format(now?.v as number)} in the last 30 days. ` +
        `That is ${change >= 0 ? 'up' : 'down'} ${percent.format(Math.abs(change))} from ` +
        `${peso.format(before?.v as number)} in the previous 30 days.`,
    );
    expect(a.statements).toHaveLength(2);
    expect(a.statements?.[1]?.params).toContain('2025-11-02');
    // One value: a chart would say nothing more.
    expect(a.echartsOption).toBeUndefined();
  });

  it('says the latest month, its change and the year’s total for a monthly trend', async () => {
    const { answer: a } = await ask('What was revenue by month this year?');
    const months = await sql<{ m: string; v: number }>(
      `select to_char(date_trunc('month', sale_date), 'YYYY-MM') as m, sum(revenue)::float8 as v from scout.sales
        where sale_date between '2025-01-01' and '2025-12-31' group by 1 order by 1`,
    );
    const dec = months.at(-1)?.v as number;
    const nov = months.at(-2)?.v as number;
    const total = months.reduce((sum, row) => sum + row.v, 0);
    expect(a.rows).toHaveLength(12);
    expect(a.summary).toBe(
      `Revenue was ${peso.format(dec)} in Dec 2025. That is ${dec >= nov ? 'up' : 'down'} ` +
        `${percent.format(Math.abs(dec / nov - 1))} from ${peso.format(nov)} in Nov 2025. ` +
        `The 12 months add up to ${peso.format(total)}.`,
    );
  });

  it('writes numbers and dates in the locale, and takes words in part', async () => {
    const { answer: a } = await answer(read('revenue last 30 days'), {
      locale: 'de-DE',
      words: { value: (measure, value, when) => `${measure}: ${value} (${when})!` },
    });
    const [now] = await sql<{ v: number }>(
      `select sum(revenue)::float8 as v from scout.sales where sale_date between '2025-12-02' and '2025-12-31'`,
    );
    const german = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'PHP', maximumFractionDigits: 0 });
    expect(a.summary.startsWith(`Revenue: ${german.format(now?.v as number)} (in the last 30 days)!`)).toBe(true);
  });

  it('says plainly when no rows came back, with no chart', async () => {
    const none = { from: '2030-01-01', to: '2030-01-31' };
    const { answer: breakdown, chunks } = await answer(
      query('sales', { metrics: ['revenue'], dimensions: ['brand'], dateRange: none }),
    );
    expect(breakdown.rows).toEqual([]);
    expect(breakdown.summary).toBe('No rows: there is no data for revenue by brand · Jan 2030.');
    expect(breakdown.echartsOption).toBeUndefined();
    expect(chunks.some((chunk) => chunk.type === 'data-chart')).toBe(false);
    // A total over no rows is one row of NULL: no data either.
    const { answer: total } = await answer(query('sales', { metrics: ['revenue'], dateRange: none }));
    expect(total.rows).toEqual([{ revenue: null }]);
    expect(total.summary).toMatch(/^No rows: there is no data for revenue · Jan 2030\.$/);
  });

  it('leaves the chart out when the table view was asked for', async () => {
    const interpretation = read('revenue by region as a table');
    expect(interpretation).toMatchObject({ kind: 'query', view: 'table' });
    const { answer: a, chunks } = await answer(interpretation);
    expect(a.rows).toHaveLength(5);
    expect(a.echartsOption).toBeUndefined();
    expect(chunks.map((chunk) => chunk.type)).not.toContain('data-chart');
  });
});

describe('answerQuestion: the stream', () => {
  it('reports the chunks in the protocol order, and they assemble into the answer it returns', async () => {
    const { answer: a, chunks } = await ask('Top 5 brands by revenue last 30 days');
    const types = chunks.map((chunk) => chunk.type);
    const collapsed = types.filter((type, i) => !(type.endsWith('-delta') && types[i - 1] === type));
    expect(collapsed).toEqual([
      'start',
      'data-status',
      'data-query',
      'data-status',
      'data-sql',
      'data-table',
      'data-chart',
      'data-status',
      'text-start',
      'text-delta',
      'text-end',
      'data-freshness',
      'reasoning-start',
      'reasoning-delta',
      'reasoning-end',
      'data-suggestions',
      'data-status',
      'finish',
    ]);
    // The data's last load, from data_lab_job_runs: in the stream and in the answer.
    expect(a.freshness).toMatchObject({ source: expect.any(String), status: 'success' });
    expect(a.freshness?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const steps = chunks.flatMap((chunk) => (chunk.type === 'data-status' ? [chunk.data.step] : []));
    expect(steps).toEqual(['reading', 'querying', 'summarizing', 'done']);
    // Sentence by sentence.
    expect(types.filter((type) => type === 'text-delta').length).toBe(2);
    const text = (id: string) =>
      chunks
        .map((chunk) =>
          (chunk.type === 'text-delta' || chunk.type === 'reasoning-delta') && chunk.id === id ? chunk.delta : '',
        )
        .join('');
    expect(text('summary')).toBe(a.summary);
    expect(text('reasoning')).toBe(a.reasoning);
    const of = <T extends JennyChunk['type']>(type: T) =>
      chunks.find((chunk) => chunk.type === type) as Extract<JennyChunk, { type: T }>;
    expect(of('data-query').data).toEqual({ title: a.title, interpretation: a.interpretation, asOf: TODAY });
    expect(of('data-sql').data).toEqual({ sql: a.generatedSql, statements: a.statements });
    expect(of('data-table').data).toEqual({ rows: a.rows, meta: a.meta, rowCount: 5, truncated: false });
    expect(of('data-suggestions').data).toEqual(a.suggestions);
    // The chunk's option is JSON (no formatter functions); the answer's keeps them.
    const chart = of('data-chart').data;
    expect(JSON.parse(JSON.stringify(chart.option))).toEqual(chart.option);
    expect(chart.spec.reason).toBeDefined();
    expect(JSON.stringify(a.echartsOption)).toBe(JSON.stringify(chart.option));
  });

  it('shows the compiled SQL with parameters: the question text never becomes SQL', async () => {
    const { answer: a } = await ask('Top 5 brands by revenue last 30 days');
    expect(a.generatedSql).toContain('FROM "scout"."sales"');
    expect(a.generatedSql).toMatch(/"sale_date" >= \$1::date/);
    expect(a.generatedSql).not.toMatch(/Top 5|last 30 days|2025-12-02/);
    expect(a.statements?.[0]).toEqual({
      space: 'sales',
      sql: expect.stringContaining('GROUP BY "brand"'),
      params: ['2025-12-02', '2025-12-31', 5],
    });
  });

  it('reasons with the reading, what the SQL does, and the data’s freshness', async () => {
    const { answer: a } = await ask('Top 5 brands by revenue last 30 days');
    const lines = a.reasoning?.split('\n') ?? [];
    expect(lines).toContain('“last 30 days” → 2025-12-02 to 2025-12-31');
    expect(lines).toContain(
      'The query computes Revenue (sum(revenue)) from scout.sales, grouped by brand, for sale_date from 2025-12-02 ' +
        'to 2025-12-31, sorted by revenue, highest first, at most 5 rows.',
    );
    const [run] = await sql<{ rows_written: number }>(
      `select rows_written from public.data_lab_job_runs where job_name = 'sales_summary' order by started_at desc limit 1`,
    );
    expect(lines).toContain(
      `Data as of Dec 31, 2025 (sales_summary, loaded Jan 1, 2026, 2:04 AM UTC, ${run?.rows_written.toLocaleString('en-US')} rows).`,
    );
    expect(lines.at(-1)).toBe('Relative periods such as “last 30 days” count back from Dec 31, 2025.');
  });

  it('stops at an abort: rejects with an aborted DataClientError and reports nothing after', async () => {
    const controller = new AbortController();
    const chunks: JennyChunk[] = [];
    const pending = answerQuestion(client, read('Top 5 stores by revenue last 90 days'), {
      signal: controller.signal,
      asOf: TODAY,
      onPart: (chunk) => {
        chunks.push(chunk);
        if (chunk.type === 'data-sql') controller.abort();
      },
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataClientError);
    expect(error).toMatchObject({ code: 'aborted' });
    expect(chunks.at(-1)?.type).toBe('data-sql');
    // Nothing arrives later either (the queries were left to finish or fail on their own).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(chunks.at(-1)?.type).toBe('data-sql');
    // Aborted before it starts: nothing at all.
    const before: JennyChunk[] = [];
    await expect(
      answerQuestion(client, read('revenue last 30 days'), {
        signal: AbortSignal.abort(),
        onPart: (chunk) => before.push(chunk),
      }),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(before).toEqual([]);
  });

  it('reports a failed query as an error chunk with no parameter value, and rejects with the typed error', async () => {
    const broken = defineSpace({ ...salesSpace, name: 'broken', tables: [{ name: 'scout.no_such_table' }] });
    const failing = createDataClient({
      transport: pgliteTransport({ db: warehouse.db, log: false }),
      spaces: [broken],
      retry: false,
    });
    const chunks: JennyChunk[] = [];
    const secret = 'Secret Region 42';
    const error = await answerQuestion(
      failing,
      query('broken', { metrics: ['revenue'], filters: [{ dimension: 'region', op: 'eq', value: secret }] }),
      { onPart: (chunk) => chunks.push(chunk) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect(error).toMatchObject({ code: 'query' });
    const last = chunks.at(-1);
    expect(last?.type).toBe('error');
    expect(last && 'errorText' in last ? last.errorText : '').toContain('no_such_table');
    expect(JSON.stringify(last)).not.toContain(secret);
    expect(chunks.map((chunk) => chunk.type)).not.toContain('finish');
  });
});

describe('answerQuestion: questions back and refusals', () => {
  it.each([
    ['clarify', 'How are sales in Atlantis doing with the flux capacitor?'],
    ['unsupported', 'delete all sales from last year'],
  ] as const)(
    'answers a %s interpretation with its message and suggestions, running no SQL',
    async (kind, question) => {
      const interpretation = read(question);
      expect(interpretation.kind).toBe(kind);
      const source = counting();
      const { answer: a, chunks } = await answer(interpretation, {}, source);
      const expected = interpretation as Exclude<Interpretation, QueryInterpretation>;
      expect(a).toEqual({
        title: kind === 'clarify' ? enJenny.clarifyTitle : enJenny.unsupportedTitle,
        summary: expected.message,
        rows: [],
        kind,
        suggestions: expected.suggestions,
        interpretation,
        asOf: TODAY,
      } satisfies JennyAnswer);
      expect(source.queries).toBe(0);
      expect(chunks.map((chunk) => chunk.type)).toEqual([
        'start',
        'data-status',
        'data-query',
        'data-status',
        'text-start',
        'text-delta',
        'text-end',
        'data-suggestions',
        'data-status',
        'finish',
      ]);
    },
  );
});

describe('answerQuestion: revenue against its target', () => {
  const year = { from: '2025-01-01', to: '2025-12-31' };
  const versus = query(
    'sales',
    { metrics: ['revenue'], timeGrain: 'month', dateRange: year },
    { compare: { space: 'targets', query: { metrics: ['revenue_target'], timeGrain: 'month', dateRange: year } } },
  );

  it('runs both queries, joins them by month into one table, and draws both measures on one chart', async () => {
    const { answer: a } = await answer(versus);
    const expected = await sql<{ period: string; revenue: number; revenue_target: number }>(
      `select to_char(s.m, 'YYYY-MM-DD') as period, s.v as revenue, t.v as revenue_target
         from (select date_trunc('month', sale_date)::date as m, sum(revenue)::float8 as v from scout.sales
                where sale_date between '2025-01-01' and '2025-12-31' group by 1) s
         join (select period::date as m, (sum(target) filter (where metric = 'revenue'))::float8 as v from gold.targets
                where period between '2025-01-01' and '2025-12-31' group by 1) t on t.m = s.m
        order by 1`,
    );
    expect(a.title).toBe('Revenue vs revenue target by month · 2025');
    expect(a.meta?.map((column) => column.name)).toEqual(['period', 'revenue', 'revenue_target']);
    expect(a.rows).toHaveLength(12);
    a.rows.forEach((row, i) => {
      expect(row.period).toBe(expected[i]?.period);
      expect(row.revenue).toBeCloseTo(expected[i]?.revenue as number, 2);
      expect(row.revenue_target).toBeCloseTo(expected[i]?.revenue_target as number, 2);
    });
    expect(a.statements?.map((statement) => statement.space)).toEqual(['sales', 'targets']);
    const actual = expected.reduce((sum, row) => sum + row.revenue, 0);
    const target = expected.reduce((sum, row) => sum + row.revenue_target, 0);
    const met = expected.filter((row) => row.revenue >= row.revenue_target).length;
    expect(a.summary).toBe(
      `Revenue was ${peso.format(actual)} against the revenue target of ${peso.format(target)} in 2025. ` +
        `That is ${peso.format(Math.abs(actual - target))} ${actual >= target ? 'above' : 'below'} the revenue target ` +
        `(${percent.format(actual / target)} of it). Revenue met the revenue target in ${met} of 12 months.`,
    );
    const option = a.echartsOption as { series: { type: string }[] };
    expect(option.series.map((series) => series.type)).toEqual(['line', 'line']);
  });

  it('joins by region when both break down by it, and the interpreter’s compare reads the same', async () => {
    const quarter = { from: '2025-10-01', to: '2025-12-31' };
    const { answer: a } = await answer(
      query(
        'sales',
        { metrics: ['revenue'], dimensions: ['region'], dateRange: quarter },
        {
          compare: {
            space: 'targets',
            query: { metrics: ['revenue_target'], dimensions: ['region'], dateRange: quarter },
          },
        },
      ),
    );
    const expected = await sql<{ region: string; target: number }>(
      `select region, (sum(target) filter (where metric = 'revenue'))::float8 as target from gold.targets
        where period between '2025-10-01' and '2025-12-31' group by region`,
    );
    expect(a.rows).toHaveLength(5);
    for (const row of expected) {
      expect(a.rows.find((r) => r.region === row.region)?.revenue_target).toBeCloseTo(row.target, 2);
    }
    const versusYear = read('Revenue vs target by month this year');
    expect(versusYear).toMatchObject({ kind: 'query', compare: { space: 'targets' } });
    const { answer: b } = await answer(versusYear);
    expect(b.rows).toHaveLength(12);
    expect(b.meta?.map((column) => column.name)).toEqual(['period', 'revenue', 'revenue_target']);
  });
});

describe('answerQuestion: what drove a change', () => {
  const dimensions = ['region', 'store', 'brand', 'category', 'channel'];

  /** Each value's revenue in the two periods, by SQL written here. */
  async function expectedChanges(current: [string, string], before: [string, string]) {
    const out: { dimension: string; value: string; before: number; after: number }[] = [];
    for (const dimension of dimensions) {
      const rows = await sql<{ value: string; before: number; after: number }>(
        `select ${dimension} as value,
            coalesce(sum(revenue) filter (where sale_date between $3 and $4), 0)::float8 as before,
            coalesce(sum(revenue) filter (where sale_date between $1 and $2), 0)::float8 as after
           from scout.sales where sale_date between $3 and $2 group by 1`,
        [...current, ...before],
      );
      out.push(...rows.map((row) => ({ dimension, ...row })));
    }
    const [total] = await sql<{ before: number; after: number }>(
      `select coalesce(sum(revenue) filter (where sale_date between $3 and $4), 0)::float8 as before,
              coalesce(sum(revenue) filter (where sale_date between $1 and $2), 0)::float8 as after
         from scout.sales where sale_date between $3 and $2`,
      [...current, ...before],
    );
    return { values: out, total: total as { before: number; after: number } };
  }

  it('explains December against November: the total change, and each value’s share of it, ranked', async () => {
    const interpretation = read('What drove the change in revenue in December 2025?');
    expect(interpretation).toMatchObject({ kind: 'query', analysis: 'drivers' });
    const { answer: a } = await answer(interpretation);
    const { values, total } = await expectedChanges(['2025-12-01', '2025-12-31'], ['2025-11-01', '2025-11-30']);
    const change = total.after - total.before;
    // Each dimension's changes add up to the total change (the metric is a sum).
    for (const dimension of dimensions) {
      const sum = values.filter((v) => v.dimension === dimension).reduce((s, v) => s + (v.after - v.before), 0);
      expect(sum).toBeCloseTo(change, 2);
    }
    // One query per dimension (and one for the total): both months in each, a row per month and value.
    expect(a.statements).toHaveLength(dimensions.length + 1);
    expect(a.title).toBe('What drove revenue · Dec 2025 vs Nov 2025');
    expect(a.meta?.map((column) => column.name)).toEqual(['dimension', 'value', 'before', 'after', 'change', 'share']);
    const ranked = values
      .map((v) => ({ ...v, change: v.after - v.before }))
      .sort((x, y) => Math.abs(y.change) - Math.abs(x.change));
    expect(a.rows).toHaveLength(20);
    a.rows.forEach((row, i) => {
      const want = ranked[i] as (typeof ranked)[number];
      expect(row.value).toBe(want.value);
      expect(row.before).toBeCloseTo(want.before, 2);
      expect(row.after).toBeCloseTo(want.after, 2);
      expect(row.change).toBeCloseTo(want.change, 2);
      expect(row.share).toBeCloseTo(want.change / change, 6);
    });
    const top = ranked.slice(0, 3);
    expect(a.summary).toBe(
      `Revenue rose ${peso.format(change)} (${percent.format(change / total.before)}), from ${peso.format(total.before)} ` +
        `in Nov 2025 to ${peso.format(total.after)} in Dec 2025. The biggest drivers: ` +
        new Intl.ListFormat('en').format(
          top.map(
            (t) =>
              `${t.dimension} ${t.value} (${t.change > 0 ? '+' : '−'}${peso.format(Math.abs(t.change))}, ` +
              `${percent.format(t.change / change)} of the change)`,
          ),
        ) +
        '.',
    );
    // The chart: bars of the top contributions.
    const option = a.echartsOption as { series: { type: string }[]; dataset?: unknown };
    expect(option.series[0]?.type).toBe('bar');
    expect(JSON.stringify(option)).toContain(`Region: ${top.find((t) => t.dimension === 'region')?.value}`);
  });

  it('compares a rolling 30 days with the 30 days before, two queries a dimension', async () => {
    const { answer: a } = await answer(
      query(
        'sales',
        { metrics: ['revenue'], dateRange: { from: '2025-12-02', to: '2025-12-31' } },
        { analysis: 'drivers' },
      ),
    );
    const { values, total } = await expectedChanges(['2025-12-02', '2025-12-31'], ['2025-11-02', '2025-12-01']);
    expect(a.statements).toHaveLength(2 * (dimensions.length + 1));
    expect(a.summary).toContain(
      `from ${peso.format(total.before)} in the previous 30 days to ${peso.format(total.after)}`,
    );
    const first = a.rows[0];
    const want = values.find((v) => v.value === first?.value && v.dimension === String(first?.dimension).toLowerCase());
    expect(first?.change).toBeCloseTo((want?.after ?? 0) - (want?.before ?? 0), 2);
  });

  it('lists every value of a small space, whose changes add up to the total change', async () => {
    const { answer: a } = await answer(
      query(
        'ops',
        { metrics: ['adjustments'], dateRange: { from: '2025-01-01', to: '2025-12-31' } },
        { analysis: 'drivers' },
      ),
    );
    const [total] = await sql<{ before: number; after: number }>(
      `select (sum(adjustments) filter (where period between '2024-01-01' and '2024-12-31'))::float8 as before,
              (sum(adjustments) filter (where period between '2025-01-01' and '2025-12-31'))::float8 as after
         from opex.close_metrics`,
    );
    const change = (total?.after ?? 0) - (total?.before ?? 0);
    const [{ entities } = { entities: -1 }] = await sql<{ entities: number }>(
      'select count(distinct entity)::integer as entities from opex.close_metrics',
    );
    expect(a.rows).toHaveLength(entities);
    expect(a.rows.reduce((sum, row) => sum + (row.change as number), 0)).toBeCloseTo(change, 6);
    expect(a.rows.reduce((sum, row) => sum + (row.share as number), 0)).toBeCloseTo(1, 6);
    expect(a.summary).toMatch(/^Adjustments (rose|fell) \d+ \([\d.]+%\), from [\d,]+ in 2024 to [\d,]+ in 2025\./);
  });
});
