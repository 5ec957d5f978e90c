import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createDataClient } from '../../src/core/client/client';
import { httpTransport } from '../../src/core/client/transports/http';
import type { Transport } from '../../src/core/client/types';
import type { JennyChunk } from '../../src/core/jenny/protocol';
import { demoSpaces } from '../../src/core/semantic';
import { JennyPanel } from '../../src/react/jenny-panel';
import type { JennySseRecord } from '../setup/jenny-sse.global';

/*
 * JennyPanel in Chromium, streaming from Jenny's real HTTP handler over a local server (test/setup/jenny-sse.global.ts:
 * createJennyHandler through toNodeListener, on the demo warehouse in PGlite) with the real httpTransport. The server
 * holds statements when a test asks it to, so "mid-stream" is a state the test waits for, never a race against a
 * timer; and it records what happened to each request's connection, so a Stop is checked on the server's side too.
 */

const origin = inject('jennySse');
const QUESTION = 'Top 5 brands by revenue last 30 days';
const BRANDS = [
  'Alaska',
  'Oishi',
  'Del Monte',
  'Nestlé',
  'Lucky Me',
  'Rebisco',
  'Jack n Jill',
  'Century Tuna',
  'Bear Brand',
  'Kopiko',
];

/** The panel's status words (the English catalogue), in the order an answer goes through them. */
const READING = 'Reading the question…';
const QUERYING = 'Running the query…';
const SUMMARIZING = 'Writing the summary…';
const DONE = 'Answer ready.';
const STOPPED = 'Stopped. What arrived is kept.';
const FAILED = 'Jenny could not answer.';
const STEPS = [READING, QUERYING, SUMMARIZING, DONE];

/** Asks the test server to hold statements, release them, fail the next request, or forget everything. */
async function control(path: '/__hold' | '/__release' | '/__fail-next' | '/__reset') {
  const response = await fetch(`${origin}${path}`, { method: 'POST' });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
}

/** What the server saw of each request to `/api/jenny/query`, oldest first. */
async function serverLog(): Promise<JennySseRecord[]> {
  const response = await fetch(`${origin}/__log`, { cache: 'no-store' });
  const records = (await response.json()) as JennySseRecord[];
  return records.filter((record) => record.path === '/api/jenny/query');
}

/** A data client on the real httpTransport, recording every part of every answer as the transport hands it on. */
function streamingClient() {
  const parts: JennyChunk[] = [];
  const http = httpTransport({ baseUrl: origin });
  const ask = http.ask?.bind(http);
  if (!ask) throw new Error('httpTransport has no ask');
  const transport: Transport = {
    name: http.name,
    query: (query, ctx) => http.query(query, ctx),
    ask: (request, ctx) =>
      ask(request, {
        ...ctx,
        onPart: (chunk) => {
          parts.push(chunk);
          ctx.onPart?.(chunk);
        },
      }),
  };
  return { client: createDataClient({ transport, spaces: demoSpaces }), parts };
}

/** The texts of every `role="status"` region inside `root` (the panel's, and any a table or chart has). */
function statusTexts(root: HTMLElement): string[] {
  return [...root.querySelectorAll('[role="status"]')].map((element) => element.textContent?.trim() ?? '');
}

/**
 * Every status word the panel shows, in the order shown (a repeat of the word already showing is not counted again),
 * caught by a MutationObserver so that no rendered frame is missed.
 */
function watchStatus(root: HTMLElement) {
  const seen: string[] = [];
  const look = () => {
    for (const text of statusTexts(root)) {
      if ([...STEPS, STOPPED, FAILED].includes(text) && seen.at(-1) !== text) seen.push(text);
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(root, { subtree: true, childList: true, characterData: true });
  look();
  return { seen, stop: () => observer.disconnect() };
}

async function renderAndAsk() {
  const { client, parts } = streamingClient();
  const view = render(<JennyPanel space="sales" client={client} />);
  const status = watchStatus(view.container);
  await userEvent.fill(screen.getByRole('textbox', { name: 'Ask a question about your data' }), QUESTION);
  await userEvent.click(screen.getByRole('button', { name: 'Send' }));
  return { ...view, parts, status };
}

/** Waits until the panel's status says `text`. */
async function statusSays(root: HTMLElement, text: string) {
  await waitFor(() => expect(statusTexts(root)).toContain(text));
}

beforeEach(async () => {
  await control('/__reset');
});

afterEach(async () => {
  await control('/__reset');
});

describe('JennyPanel streaming from a local SSE server (Chromium)', () => {
  it('shows the parts as they arrive, in order, while the response is still open, then the answer', async () => {
    await control('/__hold');
    const { container, parts, status } = await renderAndAsk();

    // The server holds the statement: what came before it has arrived and shows, the rest has not.
    await statusSays(container, QUERYING);
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(parts.map((part) => part.type)).not.toContain('data-table');
    const [open] = await serverLog();
    expect(open).toMatchObject({ finished: false, closedEarly: false, requestAborted: false });
    expect(open?.queries).toBeGreaterThan(0);

    await control('/__release');
    await statusSays(container, DONE);
    const grid = await screen.findByRole('grid');
    status.stop();

    // The status went forward only: reading, querying, summarizing, done (a step may fall between two frames).
    expect(status.seen.at(-1)).toBe(DONE);
    expect(status.seen).toContain(QUERYING);
    const positions = status.seen.map((text) => STEPS.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));

    // The parts reached the client in the protocol's order.
    const steps = parts.flatMap((part) => (part.type === 'data-status' ? [part.data.step] : []));
    expect(steps).toEqual(['reading', 'querying', 'summarizing', 'done']);
    const types = parts.map((part) => part.type);
    const first = (type: JennyChunk['type']) => types.indexOf(type);
    expect(first('data-query')).toBeGreaterThanOrEqual(0);
    for (const [before, after] of [
      ['data-query', 'data-sql'],
      ['data-sql', 'data-table'],
      ['data-table', 'text-delta'],
      ['text-delta', 'finish'],
    ] as const) {
      expect(first(before), `${before} before ${after}`).toBeLessThan(first(after));
      expect(first(before), before).toBeGreaterThanOrEqual(0);
    }
    expect(types.at(-1)).toBe('finish');

    // The table holds brands, and the summary in the conversation names the first of them.
    const [, firstRow] = within(grid).getAllByRole('row');
    const topBrand = BRANDS.find((brand) => firstRow?.textContent?.includes(brand));
    expect(topBrand, `a brand in the first row: ${firstRow?.textContent}`).toBeDefined();
    const reply = within(screen.getByRole('log')).getAllByRole('listitem').at(-1);
    expect(reply).toHaveTextContent(/^Jenny:/);
    expect(reply?.textContent).toContain(topBrand);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();

    // One request, streamed as Server-Sent Events, that ended normally.
    await expect.poll(serverLog).toHaveLength(1);
    const [record] = await serverLog();
    expect(record).toMatchObject({
      method: 'POST',
      status: 200,
      finished: true,
      closedEarly: false,
      requestAborted: false,
      queryAborted: false,
      question: QUESTION,
      outcome: 'answered',
    });
    expect(record?.contentType).toMatch(/^text\/event-stream/);
  });

  it.each([
    ['the Stop button', () => userEvent.click(screen.getByRole('button', { name: 'Stop' }))],
    [
      'Escape in the composer',
      async () => {
        await userEvent.click(screen.getByRole('textbox', { name: 'Ask a question about your data' }));
        await userEvent.keyboard('{Escape}');
      },
    ],
  ])('stops mid-stream with %s: the connection closes and the server aborts the answer', async (_how, stop) => {
    await control('/__hold');
    const { container, parts } = await renderAndAsk();
    await statusSays(container, QUERYING);

    await stop();

    await statusSays(container, STOPPED);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    // What arrived is kept: the question and Jenny's reply (the title streamed before the statement) stay.
    const log = screen.getByRole('log');
    expect(log).toHaveTextContent(QUESTION);
    expect(parts.map((part) => part.type)).toContain('data-query');

    // The server saw the connection close before the stream ended, the handler's request signal abort, the held
    // statement cancelled, and logged the question as aborted.
    await expect
      .poll(async () => (await serverLog()).at(-1))
      .toMatchObject({
        finished: false,
        closedEarly: true,
        requestAborted: true,
        queryAborted: true,
        outcome: 'aborted',
      });
    expect(await serverLog()).toHaveLength(1);

    // Nothing more arrives once stopped, even when the server lets statements run again.
    await control('/__release');
    expect(parts.map((part) => part.type)).not.toContain('data-table');
    expect(statusTexts(container)).toContain(STOPPED);
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it('aborts the request when the panel unmounts mid-stream', async () => {
    await control('/__hold');
    const { container, unmount } = await renderAndAsk();
    await statusSays(container, QUERYING);

    unmount();

    await expect
      .poll(async () => (await serverLog()).at(-1))
      .toMatchObject({ closedEarly: true, requestAborted: true, queryAborted: true, outcome: 'aborted' });
  });

  it('shows a failure with Retry, and Retry asks again and gets the answer', async () => {
    await control('/__fail-next');
    const { container, status } = await renderAndAsk();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The answer failed.');
    await statusSays(container, FAILED);
    expect(screen.queryByRole('grid')).toBeNull();

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));

    await statusSays(container, DONE);
    expect(await screen.findByRole('grid')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    status.stop();
    // The failure showed first, then the retried answer went forward to done.
    expect(status.seen.indexOf(FAILED)).toBeGreaterThanOrEqual(0);
    expect(status.seen.at(-1)).toBe(DONE);

    // Two requests, both streams that ended normally: the first carried the error, the second the answer.
    await expect.poll(async () => (await serverLog()).map((record) => record.outcome)).toEqual(['error', 'answered']);
    for (const record of await serverLog()) {
      expect(record).toMatchObject({ status: 200, finished: true, closedEarly: false, question: QUESTION });
    }
  });
});
