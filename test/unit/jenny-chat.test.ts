// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDataClient, type DataClient } from '../../src/core/client/client';
import { HttpError } from '../../src/core/client/errors';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import type { AskRequest, JennyAnswer } from '../../src/core/client/types';
import { createJennyChat, type JennyAssistantMessage, type JennyChatOptions } from '../../src/core/jenny/chat';
import type { JennyChunk } from '../../src/core/jenny/protocol';
import { demoSpaces } from '../../src/core/semantic/spaces';
import type { DemoWarehouse } from '../../src/core/warehouse';
import { demoWarehouse } from '../setup/warehouse';

/*
 * A conversation with Jenny as a store: on the embedded warehouse end to end, and with a scripted client where the
 * timing matters (an answer stopped half way, a failure).
 */

let warehouse: DemoWarehouse;
let client: DataClient;

beforeAll(async () => {
  warehouse = await demoWarehouse();
  client = createDataClient({ transport: pgliteTransport({ db: warehouse.db, log: false }), spaces: demoSpaces });
});

afterAll(async () => {
  client?.dispose();
  await warehouse?.close();
});

const assistants = (chat: ReturnType<typeof createJennyChat>) =>
  chat.getSnapshot().messages.filter((m): m is JennyAssistantMessage => m.role === 'assistant');

/** A client whose answer arrives chunk by chunk when the test says so, and waits for its signal otherwise. */
function scriptedClient() {
  const asked: { request: AskRequest; signal: AbortSignal | undefined; emit: (chunk: JennyChunk) => void }[] = [];
  let finish: ((answer: JennyAnswer) => void) | undefined;
  let fail: ((error: Error) => void) | undefined;
  const fake: JennyChatOptions['client'] = {
    ask(request, options) {
      asked.push({ request, signal: options?.signal, emit: (chunk) => options?.onPart?.(chunk) });
      return new Promise<JennyAnswer>((resolve, reject) => {
        finish = resolve;
        fail = reject;
        options?.signal?.addEventListener('abort', () => reject(options.signal?.reason), { once: true });
      });
    },
    feedback: async () => undefined,
  };
  return {
    fake,
    asked,
    finish: (answer: JennyAnswer) => finish?.(answer),
    fail: (error: Error) => fail?.(error),
  };
}

describe('a conversation on the embedded warehouse', () => {
  it('answers, streams through loading and streaming to ready, and sends the earlier turns as history', async () => {
    const chat = createJennyChat({ client, space: 'sales' });
    const seen: string[] = [];
    chat.subscribe(() => {
      const { status } = chat.getSnapshot();
      if (seen.at(-1) !== status) seen.push(status);
    });
    expect(chat.getSnapshot().status).toBe('idle');
    await chat.send('Top 5 brands by revenue last 30 days');
    expect(seen).toEqual(['loading', 'streaming', 'ready']);
    const [first] = assistants(chat);
    expect(first?.status).toBe('done');
    expect(first?.answer.rows).toHaveLength(5);
    expect(first?.content).toBe(first?.answer.summary);
    expect(first?.content).toMatch(/led with/);

    await chat.send('and by region?');
    const second = assistants(chat)[1];
    expect(second?.answer.interpretation?.kind).toBe('query');
    expect(JSON.stringify(second?.answer.interpretation)).toMatch(/follows/);
    expect(chat.getSnapshot().selected?.id).toBe(second?.id);
    chat.dispose();
  });

  it('regenerates an answer in place, selects an older one, and saves feedback to jenny_feedback', async () => {
    const chat = createJennyChat({ client, space: 'finance' });
    await chat.send('Expenses by department in 2025');
    await chat.send('Tax by category in 2025');
    const [first, second] = assistants(chat);
    if (!first || !second) throw new Error('no answers');

    chat.select(first.id);
    expect(chat.getSnapshot().selected?.id).toBe(first.id);
    chat.select(first.replyTo); // the question's id selects its answer too
    expect(chat.getSnapshot().selected?.id).toBe(first.id);

    await chat.regenerate(first.id);
    const after = assistants(chat);
    expect(after).toHaveLength(2);
    expect(after[0]?.id).not.toBe(first.id);
    expect(after[0]?.replyTo).toBe(first.replyTo);
    expect(after[0]?.answer.rows).toEqual(first.answer.rows);
    expect(after[1]?.id).toBe(second.id);

    const question = `Tax by category in 2025`;
    await chat.feedback(second.id, 'down', 'wrong year');
    expect(assistants(chat)[1]?.feedback).toBe('down');
    const rows = (
      await warehouse.db.query<{ rating: string; comment: string; sql: string }>(
        'select rating, comment, sql from public.jenny_feedback where question = $1',
        [question],
      )
    ).rows;
    expect(rows).toEqual([{ rating: 'down', comment: 'wrong year', sql: second.answer.generatedSql }]);
    chat.dispose();
  });

  it('says a question back as empty, with the suggestions', async () => {
    const chat = createJennyChat({ client, space: 'sales' });
    await chat.send('delete all the sales');
    expect(chat.getSnapshot().status).toBe('empty');
    expect(assistants(chat)[0]?.answer.kind).toBe('unsupported');
    expect(assistants(chat)[0]?.answer.suggestions?.length).toBeGreaterThan(0);
    chat.dispose();
  });
});

describe('a conversation whose answers take their time', () => {
  it('stops an answer half way: the request is aborted, what arrived is kept', async () => {
    const script = scriptedClient();
    const chat = createJennyChat({ client: script.fake, space: 'sales' });
    const sent = chat.send('Revenue by region');
    const call = script.asked[0];
    call?.emit({ type: 'data-status', id: 'status', data: { step: 'querying' } });
    call?.emit({
      type: 'data-query',
      id: 'query',
      data: { title: 'Revenue by region', interpretation: { kind: 'clarify', message: 'x', suggestions: [] } },
    });
    call?.emit({
      type: 'data-table',
      id: 'table',
      data: { rows: [{ region: 'NCR', revenue: 1 }], meta: [], rowCount: 1, truncated: false },
    });
    expect(chat.getSnapshot().status).toBe('streaming');
    expect(chat.getSnapshot().selected?.answer.rows).toHaveLength(1);
    expect(chat.getSnapshot().selected?.step).toBe('querying');

    chat.stop();
    await sent;
    expect(call?.signal?.aborted).toBe(true);
    const [stopped] = assistants(chat);
    expect(stopped?.status).toBe('stopped');
    expect(stopped?.answer.title).toBe('Revenue by region');
    // A chunk that arrives after the stop changes nothing.
    call?.emit({ type: 'text-delta', id: 'summary', delta: 'late' });
    expect(assistants(chat)[0]?.content).toBe('');
  });

  it('keeps a failure in the snapshot (never a rejection), and retries with regenerate', async () => {
    const script = scriptedClient();
    const chat = createJennyChat({ client: script.fake, space: 'sales' });
    const sent = chat.send('Revenue by region');
    script.fail(new HttpError(503, 'POST /api/jenny/query answered 503'));
    await expect(sent).resolves.toBeUndefined();
    expect(chat.getSnapshot().status).toBe('error');
    expect(chat.getSnapshot().error).toBeInstanceOf(HttpError);

    const again = chat.regenerate();
    expect(chat.getSnapshot().status).toBe('loading');
    expect(script.asked[1]?.request.question).toBe('Revenue by region');
    script.finish({ title: 'Revenue by region', summary: 'NCR led.', rows: [{ region: 'NCR', revenue: 1 }] });
    await again;
    expect(chat.getSnapshot().status).toBe('ready');
    expect(chat.getSnapshot().messages).toHaveLength(2);
  });

  it('stops the streaming answer when a new question is sent, ignores a blank one, and sends the domain', async () => {
    const script = scriptedClient();
    const chat = createJennyChat({ client: script.fake, space: 'sales', domain: 'revenue' });
    const first = chat.send('Revenue by region');
    await chat.send('   ');
    expect(script.asked).toHaveLength(1);
    const second = chat.send('Orders by region');
    await first;
    expect(script.asked[0]?.signal?.aborted).toBe(true);
    expect(script.asked[1]?.request).toMatchObject({ question: 'Orders by region', domain: 'revenue' });
    expect(assistants(chat).map((m) => m.status)).toEqual(['stopped', 'streaming']);
    chat.stop();
    await second;
  });

  it('sends only the turns of the space the question goes to as its history', async () => {
    const script = scriptedClient();
    const chat = createJennyChat({ client: script.fake, space: 'sales' });
    const one = chat.send('Revenue by region');
    script.finish({ title: 't', summary: 'NCR led.', rows: [] });
    await one;
    chat.setSpace('finance');
    expect(chat.getSnapshot().space).toBe('finance');
    const two = chat.send('Expenses by department');
    expect(script.asked[1]?.request).toMatchObject({ space: 'finance', history: [] });
    script.finish({ title: 't', summary: 's', rows: [] });
    await two;
    chat.setSpace('sales');
    const three = chat.send('and by brand?');
    expect(script.asked[2]?.request.history).toEqual([
      { role: 'user', content: 'Revenue by region' },
      { role: 'assistant', content: 'NCR led.' },
    ]);
    script.finish({ title: 't', summary: 's', rows: [] });
    await three;
  });
});

describe('rerun: an answer again from an edited reading', () => {
  type Reading = NonNullable<JennyAssistantMessage['reading']>;
  /** editReading, loaded here so that this block adds no import to the file. */
  let edit: typeof import('../../src/core/jenny/reading').editReading;
  const sales = demoSpaces.find((space) => space.name === 'sales');
  const reading: Reading = {
    kind: 'query',
    space: 'sales',
    query: { metrics: ['revenue'], dimensions: ['brand'], sort: [{ by: 'revenue', direction: 'desc' }], limit: 3 },
    explanation: [],
    confidence: 1,
  };

  beforeAll(async () => {
    ({ editReading: edit } = await import('../../src/core/jenny/reading'));
  });

  it('replaces the answer on the embedded warehouse with the edited reading’s, and regenerate repeats it', async () => {
    const chat = createJennyChat({ client, space: 'sales' });
    await chat.send('Top 5 brands by revenue last 30 days');
    const [first] = assistants(chat);
    if (first?.answer.interpretation?.kind !== 'query') throw new Error('no reading to edit');
    expect(first.answer.rows).toHaveLength(5);
    expect(first).not.toHaveProperty('reading');

    const edited = edit(first.answer.interpretation, { limit: 3 }, sales);
    await chat.rerun(first.id, edited);
    const [rerun, ...others] = assistants(chat);
    expect(others).toEqual([]);
    expect(chat.getSnapshot().messages).toHaveLength(2);
    expect(rerun?.id).not.toBe(first.id);
    expect(rerun?.replyTo).toBe(first.replyTo);
    expect(rerun?.status).toBe('done');
    expect(rerun?.reading).toEqual(edited);
    expect(rerun?.answer.rows).toHaveLength(3);
    expect(rerun?.answer.rows).toEqual(first.answer.rows.slice(0, 3));
    expect(rerun?.answer.interpretation).toMatchObject({ query: edited.query, explanation: [] });
    expect(chat.getSnapshot().selected?.id).toBe(rerun?.id);
    expect(chat.getSnapshot().status).toBe('ready');

    await chat.regenerate(rerun?.id);
    const [again] = assistants(chat);
    expect(again?.id).not.toBe(rerun?.id);
    expect(again?.reading).toEqual(edited);
    expect(again?.answer.rows).toEqual(rerun?.answer.rows);
    expect(again?.answer.generatedSql).toBe(rerun?.answer.generatedSql);
    chat.dispose();
  });

  it('sends the reading with the question and history through client.ask, and records it on the message', async () => {
    const script = scriptedClient();
    const chat = createJennyChat({ client: script.fake, space: 'sales', domain: 'revenue' });
    const one = chat.send('Revenue by brand');
    script.finish({ title: 'Revenue by brand', summary: 'A led.', rows: [{ brand: 'A', revenue: 3 }] });
    await one;
    const two = chat.send('and by region?');
    script.finish({ title: 'Revenue by region', summary: 'NCR led.', rows: [{ region: 'NCR', revenue: 9 }] });
    await two;
    const [first, second] = assistants(chat);
    if (!first || !second) throw new Error('no answers');

    const rerun = chat.rerun(second.id, reading);
    expect(chat.getSnapshot().status).toBe('loading');
    expect(script.asked).toHaveLength(3);
    expect(script.asked[2]?.request).toEqual({
      space: 'sales',
      question: 'and by region?',
      domain: 'revenue',
      history: script.asked[1]?.request.history,
      reading,
    });
    expect(script.asked[1]?.request).not.toHaveProperty('reading');
    const streaming = assistants(chat)[1];
    expect(streaming?.reading).toEqual(reading);
    expect(streaming?.status).toBe('streaming');
    script.finish({ title: 'Revenue by brand', summary: 'Three brands.', rows: [{ brand: 'A', revenue: 3 }] });
    await rerun;
    const after = assistants(chat);
    expect(after[0]).toEqual(first);
    expect(after[1]).toMatchObject({ replyTo: second.replyTo, status: 'done', content: 'Three brands.', reading });

    // regenerate (the latest answer, by default) asks the same reading again; the first answer's has none.
    const again = chat.regenerate();
    expect(script.asked[3]?.request.reading).toEqual(reading);
    script.finish({ title: 't', summary: 's', rows: [] });
    await again;
    expect(assistants(chat)[1]?.reading).toEqual(reading);
    const plain = chat.regenerate(first.id);
    expect(script.asked[4]?.request).not.toHaveProperty('reading');
    script.finish({ title: 't', summary: 's', rows: [] });
    await plain;
    expect(assistants(chat)[0]).not.toHaveProperty('reading');

    // A new question is read as typed.
    const three = chat.send('Orders by brand');
    expect(script.asked[5]?.request).not.toHaveProperty('reading');
    script.finish({ title: 't', summary: 's', rows: [] });
    await three;
  });

  it('reruns by the question’s id too, stops the answer it replaces, and ignores an unknown id', async () => {
    const script = scriptedClient();
    const chat = createJennyChat({ client: script.fake, space: 'sales' });
    const one = chat.send('Revenue by brand');
    const [streaming] = assistants(chat);
    if (!streaming) throw new Error('no answer');
    const rerun = chat.rerun(streaming.replyTo, reading);
    await one;
    expect(script.asked[0]?.signal?.aborted).toBe(true);
    expect(script.asked[1]?.request.reading).toEqual(reading);
    expect(assistants(chat)).toHaveLength(1);
    script.finish({ title: 't', summary: 'Done.', rows: [] });
    await rerun;
    expect(assistants(chat)[0]).toMatchObject({ status: 'done', reading });

    await chat.rerun('no-such-message', reading);
    expect(script.asked).toHaveLength(2);
    chat.dispose();
    await chat.rerun(assistants(chat)[0]?.id as string, reading);
    expect(script.asked).toHaveLength(2);
  });
});

describe('createJennyChat: the status of an older answer asked again', () => {
  it('follows the answer being worked on, not the latest one', async () => {
    let release: (() => void) | undefined;
    let calls = 0;
    const client = {
      async ask(request: { question: string }) {
        calls++;
        if (calls === 3) await new Promise<void>((resolve) => (release = resolve));
        return { kind: 'answer' as const, title: request.question, summary: 'ok', rows: [{ n: 1 }] };
      },
      async feedback() {},
    };
    const chat = createJennyChat({ client, space: 'sales' });
    await chat.send('first');
    await chat.send('second');
    expect(chat.getSnapshot().status).toBe('ready');
    const older = chat.getSnapshot().messages.find((m) => m.role === 'assistant');
    const again = chat.regenerate(older?.id);
    await vi.waitFor(() => expect(release).toBeDefined());
    expect(chat.getSnapshot().status).toBe('loading');
    release?.();
    await again;
    expect(chat.getSnapshot().status).toBe('ready');
    chat.dispose();
  });
});
