// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
