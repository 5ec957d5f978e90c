// @vitest-environment node
import { createParser } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import type { JennyLogEntry } from '../../src/core/client/types';
import { createQuestionInterpreter } from '../../src/core/jenny/interpret';
import type { JennyChunk } from '../../src/core/jenny/protocol';
import { editReading, queryReading } from '../../src/core/jenny/reading';
import type { QueryInterpretation } from '../../src/core/jenny/types';
import { compileQuery, demoSpaces, salesSpace } from '../../src/core/semantic';
import { createJennyHandler, type JennyHandler, type JennyHandlerOptions } from '../../src/core/server';
import type { DemoWarehouse } from '../../src/core/warehouse';
import { demoWarehouse } from '../setup/warehouse';

/*
 * POST /api/jenny/query with a reading (edited in the Explain dialog's chips) on the embedded demo warehouse: the
 * reading is answered as given, a malformed one or one in another space is refused with a typed 400, and the
 * generateSql hook (the model) is never asked for a reading.
 */

const ORIGIN = 'http://jenny.test';
const TODAY = '2025-12-31';

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}/api/jenny/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const interpreter = createQuestionInterpreter({ spaces: demoSpaces, today: TODAY });
const top5 = queryReading(
  interpreter.interpret('Top 5 brands by revenue last 30 days', { space: 'sales' }),
) as QueryInterpretation;
const top3 = editReading(top5, { limit: 3 }, salesSpace);

let warehouse: DemoWarehouse;
const logged: JennyLogEntry[] = [];

/** A handler on the demo warehouse; `values: false` keeps each test to its own statements. */
function handlerWith(options: Partial<JennyHandlerOptions> = {}): JennyHandler {
  return createJennyHandler({
    transport: pgliteTransport({ db: warehouse.db, log: false }),
    spaces: demoSpaces,
    today: TODAY,
    values: false,
    log: (entry) => {
      logged.push(entry);
    },
    ...options,
  });
}

beforeAll(async () => {
  warehouse = await demoWarehouse();
});

afterAll(async () => {
  await warehouse?.close();
});

async function errorOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as { error: { code: string; message: string } };
}

describe('POST /api/jenny/query with a reading', () => {
  it('answers the reading as given, with the JSON contract', async () => {
    const handler = handlerWith();
    const response = await handler(post({ space: 'sales', question: 'Top 5 brands by revenue', reading: top3 }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.kind).toBe('answer');
    expect(body.rows).toHaveLength(3);
    expect(Object.keys((body.rows as Record<string, unknown>[])[0] ?? {})).toEqual(['brand', 'revenue']);
    const compiled = compileQuery(salesSpace, top3.query);
    expect((body.statements as unknown[])[0]).toEqual({ space: 'sales', sql: compiled.sql, params: compiled.params });
    expect(body.generated_sql).toContain(compiled.sql);
    expect(body.interpretation).toEqual({
      kind: 'query',
      space: 'sales',
      query: top3.query,
      explanation: [],
      confidence: 1,
    });
    expect(body.as_of).toBe(TODAY);
  });

  it('answers the same reading with the same SQL, and logs each question once as answered', async () => {
    const handler = handlerWith();
    const reading = editReading(top5, { addDimension: 'region' }, salesSpace);
    const before = logged.length;
    const bodies = [];
    for (const question of ['first time', 'second time']) {
      const response = await handler(post({ space: 'sales', question, reading }));
      expect(response.status).toBe(200);
      bodies.push((await response.json()) as Record<string, unknown>);
    }
    expect(bodies[1]?.statements).toEqual(bodies[0]?.statements);
    expect(bodies[1]?.rows).toEqual(bodies[0]?.rows);
    for (const row of (bodies[0]?.rows ?? []) as Record<string, unknown>[]) expect(row).toHaveProperty('region');
    expect(logged.slice(before)).toEqual([
      expect.objectContaining({ space: 'sales', question: 'first time', outcome: 'answered', rowCount: 5 }),
      expect.objectContaining({ space: 'sales', question: 'second time', outcome: 'answered', rowCount: 5 }),
    ]);
  });

  it('streams a reading when the request accepts text/event-stream', async () => {
    const handler = handlerWith();
    const response = await handler(
      post({ space: 'sales', question: 'anything', reading: top3 }, { accept: 'text/event-stream' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const chunks: JennyChunk[] = [];
    const parser = createParser({
      onEvent(event) {
        if (event.data !== '[DONE]') chunks.push(JSON.parse(event.data) as JennyChunk);
      },
    });
    parser.feed(await response.text());
    const table = chunks.find((chunk) => chunk.type === 'data-table');
    expect(table?.type === 'data-table' && table.data.rows).toHaveLength(3);
    const query = chunks.find((chunk) => chunk.type === 'data-query');
    expect(query?.type === 'data-query' && query.data.interpretation).toMatchObject({ query: top3.query });
    expect(chunks.some((chunk) => chunk.type === 'error')).toBe(false);
  });

  it('reads a null reading as none: the question is read', async () => {
    const handler = handlerWith();
    const response = await handler(
      post({ space: 'sales', question: 'Top 5 brands by revenue last 30 days', reading: null }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.rows).toHaveLength(5);
    expect((body.interpretation as QueryInterpretation).explanation.length).toBeGreaterThan(0);
  });

  const malformed: [string, unknown, RegExp][] = [
    ['a string', 'top 3 brands', /kind "query"/],
    ['an array', [top3], /kind "query"/],
    ['another kind', { ...top3, kind: 'clarify' }, /kind "query"/],
    ['an unknown key', { ...top3, sql: 'drop table scout.sales' }, /has no "sql"/],
    ['an unknown space', { ...top3, space: 'payroll' }, /one of the spaces/],
    ['an unknown metric', { ...top3, query: { ...top3.query, metrics: ['profit'] } }, /Unknown metric "profit"/],
    [
      'a bad filter operator',
      { ...top3, query: { ...top3.query, filters: [{ dimension: 'region', op: 'like', value: '%' }] } },
      /Unknown filter operator/,
    ],
    ['a limit over the cap', { ...top3, query: { ...top3.query, limit: 1_000_000 } }, /limit must be a whole number/],
    ['another analysis', { ...top3, analysis: 'forecast' }, /"analysis" can only be "drivers"/],
  ];

  it.each(malformed)(
    'refuses a reading that is %s with 400 invalid-request, and logs nothing',
    async (_n, reading, message) => {
      const handler = handlerWith();
      const before = logged.length;
      const response = await handler(post({ space: 'sales', question: 'anything', reading }));
      expect(response.status).toBe(400);
      const body = await errorOf(response);
      expect(body).toEqual({ error: { code: 'invalid-request', message: expect.any(String) } });
      expect(body.error.message).toMatch(message);
      expect(logged.length).toBe(before);
    },
  );

  it('refuses a reading in another space than the one asked with 400', async () => {
    const handler = handlerWith();
    const response = await handler(post({ space: 'finance', question: 'anything', reading: top3 }));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({
      error: { code: 'invalid-request', message: 'The reading must be in the space asked.' },
    });
  });

  it('never asks generateSql for a reading (the hook still answers questions)', async () => {
    const generateSql = vi.fn<NonNullable<JennyHandlerOptions['generateSql']>>(() => ({
      sql: 'select 1 as one',
      title: 'From the model',
    }));
    const handler = handlerWith({ generateSql });
    const response = await handler(post({ space: 'sales', question: 'anything', reading: top3 }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(generateSql).not.toHaveBeenCalled();
    expect(body.rows).toHaveLength(3);
    expect(body.title).not.toBe('From the model');

    // Without a reading, the same question goes to the hook.
    const asked = await handler(post({ space: 'sales', question: 'anything' }));
    expect(asked.status).toBe(200);
    expect(generateSql).toHaveBeenCalledOnce();
    expect(await asked.json()).toMatchObject({ title: 'From the model', rows: [{ one: 1 }] });
  });
});
