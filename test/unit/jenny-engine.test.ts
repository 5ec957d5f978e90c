// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDataClient, type DataClient } from '../../src/core/client/client';
import { DataClientError } from '../../src/core/client/errors';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import type { Transport } from '../../src/core/client/types';
import type { AnswerSource } from '../../src/core/jenny/answer';
import { createJennyEngine, transportSource } from '../../src/core/jenny/engine';
import type { JennyChunk } from '../../src/core/jenny/protocol';
import { SemanticError } from '../../src/core/semantic/errors';
import { demoSpaces, salesSpace } from '../../src/core/semantic/spaces';
import type { DemoWarehouse } from '../../src/core/warehouse';
import { demoWarehouse } from '../setup/warehouse';

let warehouse: DemoWarehouse;
let client: DataClient;

beforeAll(async () => {
  warehouse = await demoWarehouse();
  client = createDataClient({
    transport: pgliteTransport({ db: warehouse.db, log: false }),
    spaces: demoSpaces,
    retry: false,
    // Every question reads the warehouse: no answer from the cache of an earlier test.
    staleTime: 0,
    gcTime: 0,
  });
});

afterAll(async () => {
  await warehouse?.close();
});

afterEach(() => {
  vi.useRealTimers();
});

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await warehouse.db.query<T>(text, params)).rows;
}

/** A source passing every call to the demo client, counting the queries. */
function counting(base: AnswerSource = client): AnswerSource & { queries: number } {
  const source = {
    queries: 0,
    spaces: base.spaces,
    query: (request: Parameters<AnswerSource['query']>[0], options: { signal?: AbortSignal }) => {
      source.queries++;
      return base.query(request, options);
    },
    freshness: (name: string, options: { signal?: AbortSignal }) =>
      base.freshness?.(name, options) ?? Promise.resolve({ source: name }),
  };
  return source;
}

describe('createJennyEngine: the day periods count from', () => {
  it("counts from the data's day (the day before the nightly load finished), whatever the clock says", async () => {
    vi.useFakeTimers({ now: new Date('2027-03-15T10:00:00Z'), toFake: ['Date'] });
    expect(new Date().toISOString()).toBe('2027-03-15T10:00:00.000Z');
    const jenny = createJennyEngine({ source: client, today: 'data', values: false });
    const answer = await jenny.ask({ space: 'sales', question: 'revenue last 30 days' });
    expect(answer.asOf).toBe('2025-12-31');
    expect(answer.interpretation).toMatchObject({ query: { dateRange: { from: '2025-12-02', to: '2025-12-31' } } });
    const [expected] = await sql<{ v: number }>(
      `select sum(revenue)::float8 as v from scout.sales where sale_date between '2025-12-02' and '2025-12-31'`,
    );
    expect(answer.rows[0]?.revenue).toBeCloseTo(expected?.v as number, 2);
    expect(answer.summary).toMatch(/^Revenue was ₱[\d,]+ in the last 30 days\./);
    expect(answer.reasoning).toContain('Data as of Dec 31, 2025 (sales_summary, loaded Jan 1, 2026, 2:04 AM UTC');
  });

  it("counts from the clock's day with today: 'calendar' (and the demo then has no rows)", async () => {
    vi.useFakeTimers({ now: new Date('2027-03-15T10:00:00Z'), toFake: ['Date'] });
    const jenny = createJennyEngine({ source: client, today: 'calendar', values: false });
    const answer = await jenny.ask({ space: 'sales', question: 'revenue last 30 days' });
    expect(answer.asOf).toBe('2027-03-15');
    expect(answer.interpretation).toMatchObject({ query: { dateRange: { from: '2027-02-14', to: '2027-03-15' } } });
    expect(answer.summary).toBe('No rows: there is no data for revenue · last 30 days.');
  });

  it('falls back to the calendar day when the space names no job, or its job never ran', async () => {
    vi.useFakeTimers({ now: new Date('2027-03-15T10:00:00Z'), toFake: ['Date'] });
    for (const freshness of [undefined, 'no_such_job']) {
      const spaces = new Map(client.spaces);
      spaces.set('sales', { ...salesSpace, freshness });
      const source: AnswerSource = { ...counting(), spaces };
      const jenny = createJennyEngine({ source, today: 'data', values: false });
      const answer = await jenny.ask({ space: 'sales', question: 'revenue last 30 days' });
      expect(answer.asOf).toBe('2027-03-15');
    }
  });

  it('takes a fixed ISO day, and refuses anything else', async () => {
    const jenny = createJennyEngine({ source: client, today: '2025-06-30', values: false });
    const answer = await jenny.ask({ space: 'sales', question: 'revenue this month' });
    expect(answer.asOf).toBe('2025-06-30');
    expect(answer.title).toBe('Revenue · Jun 2025');
    expect(() => createJennyEngine({ source: client, today: 'yesterday' })).toThrow(RangeError);
  });
});

describe('createJennyEngine: asking', () => {
  it('loads the dimension values once, on the first question, and reads "in NCR" with them', async () => {
    const source = counting();
    const jenny = createJennyEngine({ source, today: 'data' });
    expect(source.queries).toBe(0);
    const first = await jenny.ask({ space: 'sales', question: 'revenue in NCR last 30 days' });
    const textDimensions = demoSpaces.flatMap((space) =>
      space.dimensions.filter((dimension) => (dimension.type ?? 'string') === 'string'),
    ).length;
    expect(source.queries).toBe(textDimensions + (first.statements?.length ?? 0));
    expect(first.interpretation).toMatchObject({
      query: { filters: [{ dimension: 'region', op: 'eq', value: 'NCR' }] },
    });
    const before = source.queries;
    const second = await jenny.ask({ space: 'sales', question: 'revenue in Visayas last 30 days' });
    expect(source.queries - before).toBe(second.statements?.length);
    expect(second.rows[0]?.revenue).toBeGreaterThan(0);
  });

  it('loads no values with values: false (a value is then a word it does not know)', async () => {
    const source = counting();
    const jenny = createJennyEngine({ source, today: 'data', values: false });
    const answer = await jenny.ask({ space: 'sales', question: 'revenue in NCR last 30 days' });
    expect(answer.kind).toBe('clarify');
    expect(source.queries).toBe(0);
  });

  it('streams the summary to onText and every chunk to onPart, and offers follow-ups it answers', async () => {
    const jenny = createJennyEngine({ source: client, today: 'data' });
    const deltas: string[] = [];
    const chunks: JennyChunk[] = [];
    const answer = await jenny.ask(
      { space: 'sales', question: 'Top 5 brands by revenue last 30 days', history: [] },
      { onText: (delta) => deltas.push(delta), onPart: (chunk) => chunks.push(chunk) },
    );
    expect(deltas.join('')).toBe(answer.summary);
    expect(chunks[0]?.type).toBe('start');
    expect(chunks.at(-1)?.type).toBe('finish');
    expect(answer.suggestions?.length).toBeGreaterThanOrEqual(2);
    expect(answer.suggestions?.length).toBeLessThanOrEqual(4);
    for (const question of answer.suggestions ?? []) {
      const next = await jenny.ask({ space: 'sales', question });
      expect(next.kind, question).toBe('answer');
      expect(next.rows.length, question).toBeGreaterThan(0);
      // Not the same question again.
      expect(JSON.stringify(next.interpretation)).not.toBe(JSON.stringify(answer.interpretation));
    }
  });

  it('rejects an aborted question at once', async () => {
    const jenny = createJennyEngine({ source: client, today: 'data', values: false });
    const controller = new AbortController();
    const pending = jenny.ask(
      { space: 'sales', question: 'revenue by store last 90 days' },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('transportSource', () => {
  const ctx = () => ({ signal: new AbortController().signal });

  it('compiles a semantic request, runs it as the space role through the transport, and merges the metadata', async () => {
    const seen: { role?: string; sql: string }[] = [];
    const base = pgliteTransport({ db: warehouse.db, log: false });
    const transport: Transport = {
      ...base,
      name: 'spy',
      query: (query, c) => {
        if ('sql' in query) seen.push({ role: query.role, sql: query.sql });
        return base.query(query, c);
      },
      freshness: (source, c) => base.freshness?.(source, c) as ReturnType<NonNullable<Transport['freshness']>>,
    };
    const source = transportSource(transport, demoSpaces);
    const result = await source.query(
      { kind: 'semantic', space: 'sales', query: { metrics: ['revenue'], dimensions: ['region'] } },
      ctx(),
    );
    expect(seen).toEqual([{ role: 'jenny_readonly', sql: expect.stringContaining('GROUP BY "region"') }]);
    expect(result.rows).toHaveLength(5);
    expect(result.meta.find((column) => column.name === 'revenue')).toMatchObject({
      label: 'Revenue',
      format: { kind: 'currency', currency: 'PHP' },
      total: 'sum',
    });
    await expect(source.freshness?.('sales_summary', ctx())).resolves.toMatchObject({
      source: 'sales_summary',
      updatedAt: '2026-01-01T02:04:12.000Z',
    });
    await expect(
      source.query({ kind: 'semantic', space: 'nope', query: { metrics: ['revenue'] } }, ctx()),
    ).rejects.toBeInstanceOf(SemanticError);
    expect(transportSource({ name: 'bare', query: base.query }, new Map()).freshness).toBeUndefined();
  });
});

describe('pgliteTransport: ask, on the embedded warehouse with no server', () => {
  it('answers client.ask end to end from the data client’s spaces, one engine per transport', async () => {
    const transport = pgliteTransport({ db: warehouse.db });
    const demo = createDataClient({ transport, spaces: demoSpaces });
    const count = async () =>
      (await sql<{ n: number }>('select count(*)::integer as n from public.jenny_queries'))[0]?.n ?? 0;
    const deltas: string[] = [];
    const chunks: JennyChunk[] = [];
    const start = await count();
    const answer = await demo.ask(
      { space: 'sales', question: 'Top 5 brands by revenue last 30 days' },
      { onText: (delta) => deltas.push(delta), onPart: (chunk) => chunks.push(chunk) },
    );
    expect(answer.kind).toBe('answer');
    expect(answer.asOf).toBe('2025-12-31');
    expect(answer.rows).toHaveLength(5);
    expect(answer.title).toBe('Top 5 brands by revenue · last 30 days');
    expect(deltas.join('')).toBe(answer.summary);
    expect(chunks.map((chunk) => chunk.type)).toContain('data-table');
    const [top] = await sql<{ brand: string }>(
      `select brand from scout.sales where sale_date between '2025-12-02' and '2025-12-31'
        group by brand order by sum(revenue) desc limit 1`,
    );
    expect(answer.rows[0]?.brand).toBe(top?.brand);
    // The first question loaded the values, as jenny_readonly through the transport (and logged them).
    const afterFirst = await count();
    expect(afterFirst - start).toBeGreaterThan(answer.statements?.length ?? 0);
    // The second reuses the engine: only its own statements run.
    const second = await demo.ask({ space: 'sales', question: 'revenue in NCR last 30 days' });
    expect((await count()) - afterFirst).toBe(second.statements?.length);
    expect(second.interpretation).toMatchObject({ query: { filters: [{ dimension: 'region', value: 'NCR' }] } });
  });

  it('uses its own spaces option, and refuses with a SemanticError naming none when it has no spaces', async () => {
    const own = pgliteTransport({ db: warehouse.db, log: false, spaces: [salesSpace], today: '2025-12-31' });
    const answer = await own.ask?.(
      { space: 'sales', question: 'revenue last 30 days' },
      { signal: new AbortController().signal },
    );
    expect(answer?.asOf).toBe('2025-12-31');
    expect(answer?.rows[0]?.revenue).toBeGreaterThan(0);
    const bare = pgliteTransport({ db: warehouse.db, log: false });
    const error = await bare
      .ask?.({ space: 'sales', question: 'revenue' }, { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SemanticError);
    expect((error as SemanticError).message).toMatch(/none/);
    expect((error as SemanticError).available).toEqual([]);
  });

  it('rejects an aborted ask with an aborted DataClientError', async () => {
    const transport = pgliteTransport({ db: warehouse.db, log: false, spaces: demoSpaces });
    const controller = new AbortController();
    const pending = transport.ask?.({ space: 'sales', question: 'revenue by brand' }, { signal: controller.signal });
    controller.abort();
    const error = await pending?.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataClientError);
    expect(error).toMatchObject({ code: 'aborted' });
  });
});
