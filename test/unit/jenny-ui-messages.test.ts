import { parseJsonEventStream, readUIMessageStream, type UIMessage, uiMessageChunkSchema } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataClient, type DataClient } from '../../src/core/client/client';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import { createJennyEngine } from '../../src/core/jenny/engine';
import { createJennyStream } from '../../src/core/jenny/stream';
import { fromUIMessages } from '../../src/core/jenny/ui-messages';
import { demoSpaces } from '../../src/core/semantic';
import type { DemoWarehouse } from '../../src/core/warehouse';
import { demoWarehouse } from '../setup/warehouse';

/*
 * An app on the AI SDK's useChat against /api/jenny/chat: the SDK assembles Jenny's stream into UI messages, and
 * fromUIMessages reads them into a controlled JennyPanel's props. Checked on a real answer of the demo warehouse,
 * read by the SDK's own stream reader.
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

/** The AI SDK's reading of a stream, every message it yields as it goes (the last is the whole answer). */
async function readWithAiSdk(body: ReadableStream<Uint8Array>): Promise<UIMessage[]> {
  const parsed = parseJsonEventStream({ stream: body, schema: uiMessageChunkSchema });
  const chunks = parsed.pipeThrough(
    new TransformStream({
      transform(result, controller) {
        if (!result.success) throw result.error;
        controller.enqueue(result.value);
      },
    }),
  );
  const seen: UIMessage[] = [];
  for await (const message of readUIMessageStream({ stream: chunks, terminateOnError: true })) {
    seen.push(structuredClone(message));
  }
  return seen;
}

describe('fromUIMessages', () => {
  it("reads useChat's messages of a real answer into the panel's messages and result", async () => {
    const jenny = createJennyEngine({ source: client, today: '2025-12-31' });
    const request = { space: 'sales', question: 'Top 5 brands by revenue last 30 days' };
    let answered: Awaited<ReturnType<typeof jenny.ask>> | undefined;
    const seen = await readWithAiSdk(
      createJennyStream(async (write) => {
        answered = await jenny.ask(request, { onPart: write });
      }),
    );
    const final = seen.at(-1) as UIMessage;
    const user: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: request.question }] };
    const view = fromUIMessages([user, { ...final, id: 'a1' }], 'ready');

    expect(view.messages).toEqual([
      { id: 'u1', role: 'user', content: request.question },
      { id: 'a1', role: 'assistant', content: answered?.summary, summary: answered?.title, status: 'complete' },
    ]);
    expect(view.result).toMatchObject({
      title: answered?.title,
      summary: answered?.summary,
      rows: answered?.rows,
      meta: answered?.meta,
      generatedSql: answered?.generatedSql,
      reasoning: answered?.reasoning,
      suggestions: answered?.suggestions,
      asOf: '2025-12-31',
      kind: 'answer',
    });
    expect(view.result?.rows).toHaveLength(5);
    expect(view.result?.echartsOption).toBeDefined();
  });

  it('marks the last answer streaming while useChat streams, with what arrived so far', async () => {
    const jenny = createJennyEngine({ source: client, today: '2025-12-31' });
    const seen = await readWithAiSdk(
      createJennyStream(async (write) => {
        await jenny.ask({ space: 'sales', question: 'Revenue by region last 30 days' }, { onPart: write });
      }),
    );
    // A message from the middle of the stream: the table is in, the summary not yet whole.
    const middle = seen.find((message) => message.parts.some((part) => part.type === 'data-table'));
    expect(middle).toBeDefined();
    const view = fromUIMessages([{ ...(middle as UIMessage), id: 'a1' }], 'streaming');
    expect(view.messages[0]?.status).toBe('streaming');
    expect(view.result?.rows.length).toBeGreaterThan(0);
    expect(fromUIMessages([{ ...(middle as UIMessage), id: 'a1' }], 'error').messages[0]?.status).toBe('error');
  });

  it('reads no messages as an empty conversation, and skips system messages and parts it does not know', () => {
    expect(fromUIMessages([])).toEqual({ messages: [], result: null });
    const view = fromUIMessages([
      { id: 's', role: 'system', parts: [{ type: 'text', text: 'Be brief.' }] },
      {
        id: 'u',
        role: 'user',
        parts: [
          { type: 'text', text: 'Hi' },
          { type: 'file', url: 'x' },
        ],
      },
      { id: 'a', role: 'assistant', parts: [{ type: 'step-start' }, { type: 'text', text: 'Hello' }] },
    ]);
    expect(view.messages.map((message) => message.id)).toEqual(['u', 'a']);
    expect(view.result).toMatchObject({ summary: 'Hello', rows: [] });
  });
});
