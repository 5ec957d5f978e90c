import { parseJsonEventStream, readUIMessageStream, type UIMessage, uiMessageChunkSchema } from 'ai';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryError } from '../../src/core/client/errors';
import { httpTransport } from '../../src/core/client/transports/http';
import type { JennyAnswer } from '../../src/core/client/types';
import { JENNY_STREAM_HEADERS, type JennyChunk } from '../../src/core/jenny/protocol';
import {
  createAnswerAssembler,
  createJennyStream,
  encodeChunk,
  STREAM_DONE,
  toAnswerJson,
} from '../../src/core/jenny/stream';
import { type FaultServer, json, startFaultServer, stream } from '../fixtures/fault-server';

/** An answer's chunks in the order `answerQuestion` reports them. */
const CHUNKS: JennyChunk[] = [
  { type: 'start' },
  { type: 'data-status', id: 'status', data: { step: 'reading' } },
  {
    type: 'data-query',
    id: 'query',
    data: {
      title: 'Revenue by region',
      asOf: '2025-12-31',
      interpretation: {
        kind: 'query',
        space: 'sales',
        query: { metrics: ['revenue'], dimensions: ['region'] },
        confidence: 1,
        explanation: [{ words: 'revenue', meaning: 'Revenue (sum of revenue)' }],
      },
    },
  },
  { type: 'data-status', id: 'status', data: { step: 'querying' } },
  {
    type: 'data-sql',
    id: 'sql',
    data: {
      sql: 'select region, sum(revenue) from scout.sales group by 1',
      statements: [{ space: 'sales', sql: 'select region, sum(revenue) from scout.sales group by 1', params: [] }],
    },
  },
  {
    type: 'data-table',
    id: 'table',
    data: {
      rows: [
        { region: 'NCR', revenue: 120 },
        { region: 'Visayas', revenue: 80 },
      ],
      meta: [
        { name: 'region', type: 'string' },
        { name: 'revenue', type: 'number' },
      ],
      rowCount: 2,
      truncated: false,
    },
  },
  {
    type: 'data-chart',
    id: 'chart',
    data: { option: { series: [{ type: 'bar' }] }, spec: { kind: 'bar', encoding: { x: 'region', y: 'revenue' } } },
  },
  { type: 'data-status', id: 'status', data: { step: 'summarizing' } },
  { type: 'text-start', id: 'summary' },
  { type: 'text-delta', id: 'summary', delta: 'Revenue was ₱200. ' },
  { type: 'text-delta', id: 'summary', delta: 'NCR led with 60%.' },
  { type: 'text-end', id: 'summary' },
  {
    type: 'data-freshness',
    id: 'freshness',
    data: { source: 'sales_summary', updatedAt: '2026-01-01T02:00:00Z', status: 'success', rowsWritten: 50000 },
  },
  { type: 'reasoning-start', id: 'reasoning' },
  { type: 'reasoning-delta', id: 'reasoning', delta: 'revenue → Revenue' },
  { type: 'reasoning-end', id: 'reasoning' },
  { type: 'data-suggestions', id: 'suggestions', data: ['Revenue by region by month'] },
  { type: 'data-status', id: 'status', data: { step: 'done' } },
];

async function text(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

/** The AI SDK's own reading of a stream: every chunk checked by its schema, then assembled into a UI message. */
async function readWithAiSdk(body: ReadableStream<Uint8Array>): Promise<UIMessage> {
  const parsed = parseJsonEventStream({ stream: body, schema: uiMessageChunkSchema });
  const chunks = parsed.pipeThrough(
    new TransformStream({
      transform(result, controller) {
        if (!result.success) throw result.error;
        controller.enqueue(result.value);
      },
    }),
  );
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream: chunks, terminateOnError: true })) last = message;
  if (!last) throw new Error('no message');
  return last;
}

describe('the answer stream', () => {
  it('writes each chunk as one Server-Sent Event and ends with [DONE]', async () => {
    const body = await text(
      createJennyStream(async (write) => {
        for (const chunk of CHUNKS) write(chunk);
      }),
    );
    const events = body.split('\n\n').filter(Boolean);
    expect(events.every((event) => event.startsWith('data: ') && !event.slice(6).includes('\n'))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
    expect(events.at(-2)).toBe('data: {"type":"finish"}');
    expect(body.endsWith(STREAM_DONE)).toBe(true);
    expect(events.slice(0, CHUNKS.length)).toEqual(CHUNKS.map((chunk) => encodeChunk(chunk).trim()));
  });

  it('is read by the AI SDK as it is: data parts replaced in place, the summary as text, the reasoning', async () => {
    const message = await readWithAiSdk(
      createJennyStream(async (write) => {
        for (const chunk of CHUNKS) write(chunk);
      }),
    );
    const parts = message.parts as { type: string; id?: string; data?: unknown; text?: string }[];
    const status = parts.filter((part) => part.type === 'data-status');
    expect(status).toEqual([{ type: 'data-status', id: 'status', data: { step: 'done' } }]);
    expect(parts.find((part) => part.type === 'text')?.text).toBe('Revenue was ₱200. NCR led with 60%.');
    expect(parts.find((part) => part.type === 'reasoning')?.text).toBe('revenue → Revenue');
    expect(parts.find((part) => part.type === 'data-table')?.data).toMatchObject({ rowCount: 2 });
    expect(parts.find((part) => part.type === 'data-suggestions')?.data).toEqual(['Revenue by region by month']);
  });

  it('sends the AI SDK UI message stream headers', () => {
    expect(JENNY_STREAM_HEADERS['x-vercel-ai-ui-message-stream']).toBe('v1');
    expect(JENNY_STREAM_HEADERS['content-type']).toMatch(/^text\/event-stream/);
  });

  it('says a typed failure in an error chunk, and nothing of an unknown one', async () => {
    const typed = await text(
      createJennyStream(async (write) => {
        write({ type: 'start' });
        throw new QueryError('timeout', 'The query ran longer than 5000 ms', { sqlState: '57014' });
      }),
    );
    expect(typed).toContain('data: {"type":"error","errorText":"The query ran longer than 5000 ms"}');
    expect(typed).not.toContain('"finish"');
    expect(typed.endsWith(STREAM_DONE)).toBe(true);

    const unknown = await text(
      createJennyStream(async () => {
        throw new Error('connect to postgres://admin:hunter2@db failed');
      }),
    );
    expect(unknown).toContain('"errorText":"The answer failed."');
    expect(unknown).not.toContain('hunter2');
  });

  it('writes nothing after finish or error, and the AI SDK sees the error', async () => {
    const body = createJennyStream(async (write) => {
      write({ type: 'start' });
      write({ type: 'error', errorText: 'no luck' });
      write({ type: 'text-start', id: 'summary' });
    });
    const [a, b] = body.tee();
    expect((await text(a)).match(/data: /g)).toHaveLength(3);
    await expect(readWithAiSdk(b)).rejects.toThrow(/no luck/);
  });

  it('aborts the work when the reader goes away', async () => {
    let seen: AbortSignal | undefined;
    const body = createJennyStream(async (write, signal) => {
      seen = signal;
      write({ type: 'start' });
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    });
    const reader = body.getReader();
    await reader.read();
    await reader.cancel('closed');
    expect(seen?.aborted).toBe(true);
  });

  it('aborts the work when the request is aborted', async () => {
    const request = new AbortController();
    let seen: AbortSignal | undefined;
    const done = text(
      createJennyStream(
        async (_write, signal) => {
          seen = signal;
          await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
        },
        { signal: request.signal },
      ),
    );
    await vi.waitFor(() => expect(seen).toBeDefined());
    request.abort();
    await done;
    expect(seen?.aborted).toBe(true);
  });
});

describe('assembling an answer from chunks', () => {
  it('gives what the chunks said', () => {
    const assembler = createAnswerAssembler();
    for (const chunk of CHUNKS) assembler.push(chunk);
    const answer = assembler.answer();
    expect(answer).toMatchObject({
      title: 'Revenue by region',
      summary: 'Revenue was ₱200. NCR led with 60%.',
      reasoning: 'revenue → Revenue',
      kind: 'answer',
      asOf: '2025-12-31',
      generatedSql: 'select region, sum(revenue) from scout.sales group by 1',
      echartsOption: { series: [{ type: 'bar' }] },
      suggestions: ['Revenue by region by month'],
      truncated: false,
    });
    expect(answer.rows).toHaveLength(2);
  });

  it('round-trips through the seed JSON contract', () => {
    const assembler = createAnswerAssembler();
    for (const chunk of CHUNKS) assembler.push(chunk);
    const json = toAnswerJson(assembler.answer());
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['title', 'summary', 'echarts_option', 'rows', 'generated_sql', 'reasoning']),
    );
  });
});

describe('httpTransport reading the answer stream', () => {
  let server: FaultServer;
  beforeEach(async () => {
    server = await startFaultServer();
  });
  afterEach(async () => {
    await server.stop();
  });

  const events = (chunks: readonly (JennyChunk | Record<string, unknown>)[]) =>
    [...chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`), STREAM_DONE].join('');

  async function ask(body: string, cut = 17) {
    // The body is cut at odd places, so events and characters are split across network chunks.
    const pieces: string[] = [];
    for (let i = 0; i < body.length; i += cut) pieces.push(body.slice(i, i + cut));
    server.on('POST /api/jenny/query', stream('text/event-stream', pieces, 1));
    const transport = httpTransport({ baseUrl: server.url });
    const parts: JennyChunk[] = [];
    const deltas: string[] = [];
    const answer = await transport.ask?.(
      { space: 'sales', question: 'Revenue by region' },
      { signal: new AbortController().signal, onPart: (chunk) => parts.push(chunk), onText: (d) => deltas.push(d) },
    );
    return { answer: answer as JennyAnswer, parts, deltas };
  }

  it('reports every chunk as it arrives and returns the assembled answer', async () => {
    const { answer, parts, deltas } = await ask(events([...CHUNKS, { type: 'finish' }]));
    expect(parts.map((part) => part.type)).toEqual([...CHUNKS.map((chunk) => chunk.type), 'finish']);
    expect(deltas.join('')).toBe('Revenue was ₱200. NCR led with 60%.');
    expect(answer.title).toBe('Revenue by region');
    expect(answer.rows).toEqual([
      { region: 'NCR', revenue: 120 },
      { region: 'Visayas', revenue: 80 },
    ]);
    expect(answer.reasoning).toBe('revenue → Revenue');
    expect(answer.freshness).toEqual(CHUNKS.find((chunk) => chunk.type === 'data-freshness')?.data);
  });

  it('skips chunk types it does not know', async () => {
    const { answer } = await ask(
      events([{ type: 'tool-input-start', toolCallId: 'x' }, ...CHUNKS, { type: 'finish' }]),
    );
    expect(answer.summary).toBe('Revenue was ₱200. NCR led with 60%.');
  });

  it.each([
    ['a stream cut before finish', CHUNKS, /finish/],
    [
      'a table whose rows are not objects',
      [CHUNKS[2], { type: 'data-table', id: 'table', data: { rows: [1], meta: [], rowCount: 1, truncated: false } }],
      /stream\[1\]\.data\.rows\[0\]/,
    ],
    ['suggestions that are not text', [CHUNKS[2], { type: 'data-suggestions', id: 's', data: [1] }], /stream\[1\]/],
    [
      'a freshness whose row count is not a count',
      [CHUNKS[2], { type: 'data-freshness', id: 'freshness', data: { source: 'x', rowsWritten: 'many' } }],
      /stream\[1\]\.data\.rowsWritten/,
    ],
    ['a stream with no answer at all', [{ type: 'start' }, { type: 'finish' }], /data-query/],
  ] as const)('refuses %s with a typed shape error', async (_name, chunks, path) => {
    await expect(ask(events(chunks as JennyChunk[]))).rejects.toMatchObject({
      name: 'ResponseShapeError',
      message: expect.stringMatching(path),
    });
  });

  it('turns an error chunk into an HttpError with the server words', async () => {
    await expect(
      ask(events([CHUNKS[0] as JennyChunk, { type: 'error', errorText: 'statement timeout' }])),
    ).rejects.toMatchObject({ name: 'HttpError', message: expect.stringContaining('statement timeout') });
  });

  it("says the handler's typed error body in the HttpError", async () => {
    server.on(
      'POST /api/jenny/query',
      json(400, { error: { code: 'question-required', message: 'The request has no question' } }),
    );
    const transport = httpTransport({ baseUrl: server.url });
    await expect(
      transport.ask?.({ space: 'sales', question: '' }, { signal: new AbortController().signal }),
    ).rejects.toMatchObject({ name: 'HttpError', status: 400, message: expect.stringContaining('has no question') });
  });
});
