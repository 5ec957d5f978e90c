import { act, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createDataClient } from '../../src/core/client/client';
import { httpTransport } from '../../src/core/client/transports/http';
import type { AskRequest, FeedbackRequest, Transport } from '../../src/core/client/types';
import { demoSpaces } from '../../src/core/semantic';
import { JennyPanel, type JennyResult } from '../../src/react/jenny-panel';
import { JennyPage } from '../../stories/support/seed-page';

/*
 * JennyPanel in Chromium against Jenny's real HTTP handler (test/setup/jenny-sse.global.ts: createJennyHandler on the
 * demo warehouse in PGlite): the seed's page as written, the Explain dialog's chips running an edited reading on the
 * server, feedback with a comment, the space switcher, and the keyboard.
 */

const origin = inject('jennySse');

/** The seed's `fetch('/api/jenny/query')`, sent to the test server (the page and the API share an origin there). */
function routeApiToServer() {
  const real = window.fetch.bind(window);
  const spy = vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return real(url.startsWith('/api/') ? `${origin}${url}` : input, init);
  });
  return spy;
}

/** A data client on the real httpTransport, recording what it asks and the feedback it sends. */
function httpClient() {
  const http = httpTransport({ baseUrl: origin });
  const asked: AskRequest[] = [];
  const feedback: FeedbackRequest[] = [];
  const transport: Transport = {
    name: http.name,
    query: (query, ctx) => http.query(query, ctx),
    ask: (request, ctx) => {
      asked.push(request);
      return (http.ask as NonNullable<Transport['ask']>)(request, ctx);
    },
    feedback: (request, ctx) => {
      feedback.push(request);
      return (http.feedback as NonNullable<Transport['feedback']>)(request, ctx);
    },
  };
  return { client: createDataClient({ transport, spaces: demoSpaces }), asked, feedback };
}

/** Asks the test server to hold statements until released (so "pending" is a state, not a race). */
async function control(path: '/__hold' | '/__release') {
  const response = await fetch(`${origin}${path}`, { method: 'POST' });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
}

const composer = () => screen.getByRole('textbox', { name: 'Ask a question about your data' });
const panelStatus = () => document.querySelector('[data-slot="jenny-panel-status"]') as HTMLElement;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the seed's page, as written", () => {
  it('answers an example question: pending while the API works, then the title, summary, chart, table and SQL', async () => {
    await control('/__hold');
    const fetchSpy = routeApiToServer();
    const { container } = render(<JennyPage />);
    expect(screen.getByRole('heading', { name: 'Ask Jenny about Sales' })).toBeVisible();
    expect(screen.getByText('Revenue, orders, and conversion metrics')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Top 5 brands by revenue' }));
    // Pending while the promise onSendQuestion returned is unsettled.
    await waitFor(() => expect(panelStatus()).toHaveTextContent('Asking Jenny…'));
    expect(container.querySelector('[data-slot="jenny-panel"]')).toHaveAttribute('data-state', 'loading');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeVisible();
    const log = screen.getByRole('log', { name: 'Conversation with Jenny' });
    expect(within(log).getByRole('button', { name: /Top 5 brands by revenue/ })).toBeVisible();
    await control('/__release');

    const title = await screen.findByRole('heading', { level: 3, name: /Top 5 brands by revenue/ });
    expect(title).toBeVisible();
    expect(container.querySelector('[data-slot="jenny-panel"]')).toHaveAttribute('data-state', 'ready');
    expect(fetchSpy).toHaveBeenCalledWith('/api/jenny/query', expect.objectContaining({ method: 'POST' }));
    expect(container.querySelector('[data-slot="jenny-panel-summary"]')?.textContent).toMatch(/led with/);
    const table = await screen.findByRole('grid', { name: /the data$/ });
    expect(within(table).getAllByRole('row').length).toBe(6);
    // The API's echarts_option went through sanitizeOption (JSON holds nothing it removes): the server's own chart.
    await waitFor(() =>
      expect(container.querySelector('[data-slot="jenny-panel-chart"]')).toHaveAttribute('data-source', 'option'),
    );
    await waitFor(() => expect(container.querySelector('[data-slot="jenny-panel-chart"] canvas')).not.toBeNull());
    expect(container.querySelector('[data-slot="jenny-panel-sql-code"]')?.textContent).toMatch(/select/i);
    // The assistant message's summary (the title) shows in the thread.
    expect(within(log).getByText(/led with/)).toBeVisible();
    expect(composer()).toHaveFocus();
  });

  it("shows the seed's mapped result shape, and a result that fits no shape as a typed error", async () => {
    const mapped = {
      title: 'Revenue by region',
      description: 'NCR led.',
      chartOption: { xAxis: { type: 'category' }, yAxis: {}, series: [{ type: 'bar', data: [3, 2] }] },
      tableData: [
        { region: 'NCR', revenue: 3 },
        { region: 'Visayas', revenue: 2 },
      ],
      sql: 'select 1',
      explanation: 'Summed revenue by region.',
    };
    const { rerender } = render(<JennyPanel messages={[]} selectedResult={mapped} onSendQuestion={() => undefined} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Revenue by region' })).toBeVisible();
    expect(document.querySelector('[data-slot="jenny-panel-summary"]')).toHaveTextContent('NCR led.');
    expect(await screen.findByRole('grid', { name: 'Revenue by region: the data' })).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Explain' }));
    const dialog = await screen.findByRole('dialog', { name: 'How Jenny answered' });
    expect(within(dialog).getByText('Summed revenue by region.')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(composer()).toHaveFocus();

    rerender(
      <JennyPanel
        messages={[]}
        selectedResult={{ title: 'x', summary: 'y', rows: 'not rows' } as unknown as JennyResult}
        onSendQuestion={() => undefined}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('rows should be an array of row objects');
    expect(alert).not.toHaveTextContent('not rows');
  });

  it('gives focus back to the button that opened a dialog when the composer cannot take it', async () => {
    const shown = { title: 'Revenue by region', description: 'NCR led.', tableData: [{ region: 'NCR', revenue: 3 }] };
    // No onSendQuestion: nowhere to send, so the composer is disabled.
    render(<JennyPanel messages={[]} selectedResult={{ ...shown, explanation: 'Summed revenue by region.' }} />);
    expect(composer()).toBeDisabled();
    const explain = screen.getByRole('button', { name: 'Explain' });
    await userEvent.click(explain);
    await screen.findByRole('dialog', { name: 'How Jenny answered' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(explain).toHaveFocus();
  });

  it("shows onSendQuestion's failure with Retry, and Stop aborts its signal", async () => {
    const calls: { question: string; signal: AbortSignal }[] = [];
    let fail = true;
    const onSendQuestion = (question: string, { signal }: { signal: AbortSignal }) => {
      calls.push({ question, signal });
      if (fail) return Promise.reject(new Error('The API is down.'));
      return new Promise<void>(() => undefined);
    };
    render(<JennyPanel messages={[]} onSendQuestion={onSendQuestion} />);
    await userEvent.type(composer(), 'Revenue by region{Enter}');
    // An app's own error is not shown (it may hold anything): the panel's words are.
    expect(await screen.findByRole('alert')).toHaveTextContent('Jenny could not answer.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('The API is down.');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.question).toBe('Revenue by region');
    await waitFor(() => expect(panelStatus()).toHaveTextContent('Asking Jenny…'));
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(calls[1]?.signal.aborted).toBe(true);
    await waitFor(() => expect(panelStatus()).toHaveTextContent('Stopped. What arrived is kept.'));
  });
});

describe('the uncontrolled panel on the HTTP handler', () => {
  it('Explain shows the reasoning; editing a chip reruns that reading on the server, and focus comes back', async () => {
    const { client, asked } = httpClient();
    const { container } = render(<JennyPanel space="sales" client={client} />);
    await userEvent.type(composer(), 'Top 5 brands by revenue last 30 days{Enter}');
    const table = await screen.findByRole('grid', { name: /the data$/ }, { timeout: 30_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(6);

    await userEvent.click(screen.getByRole('button', { name: 'Explain' }));
    const dialog = await screen.findByRole('dialog', { name: 'How Jenny answered' });
    expect(within(dialog).getByRole('heading', { name: 'Reasoning' })).toBeVisible();
    // Every part of the dialog carries a data-slot, as every part of the panel does.
    const unnamed = [...dialog.querySelectorAll('*')].filter((element) => !element.hasAttribute('data-slot'));
    expect(unnamed.map((element) => element.tagName)).toEqual([]);
    expect(within(dialog).getByRole('combobox', { name: 'Measure' })).toHaveValue('revenue');
    expect(within(dialog).getByRole('button', { name: 'Remove Brand' })).toBeVisible();
    const run = within(dialog).getByRole('button', { name: 'Run again' });
    expect(run).toBeDisabled();
    // Limit 5 → 3, and a breakdown by region added.
    const limit = within(dialog).getByRole('spinbutton', { name: 'Limit' });
    await userEvent.clear(limit);
    await userEvent.type(limit, '3');
    expect(run).toBeEnabled();
    await userEvent.click(run);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(composer()).toHaveFocus();

    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]?.reading?.query.limit).toBe(3);
    expect(asked[1]?.question).toBe('Top 5 brands by revenue last 30 days');
    await waitFor(
      async () =>
        expect(within(await screen.findByRole('grid', { name: /the data$/ })).getAllByRole('row')).toHaveLength(4),
      { timeout: 30_000 },
    );
    expect(screen.getByText('Run again from an edited reading.')).toBeVisible();
    // The same reading twice runs the same SQL (no model, no interpreter).
    const sql = container.querySelector('[data-slot="jenny-panel-sql-code"]')?.textContent;
    await userEvent.click(screen.getByRole('button', { name: 'Explain' }));
    const again = await screen.findByRole('dialog', { name: 'How Jenny answered' });
    expect(within(again).getByRole('spinbutton', { name: 'Limit' })).toHaveValue(3);
    await userEvent.click(within(again).getByRole('button', { name: 'Close' }));
    expect(sql).toMatch(/limit/i);
  });

  it('sends a comment with its rating through client.feedback, and says so', async () => {
    const { client, feedback } = httpClient();
    render(<JennyPanel space="sales" client={client} />);
    await userEvent.type(composer(), 'Revenue by region last 30 days{Enter}');
    await screen.findByRole('grid', { name: /the data$/ }, { timeout: 30_000 });
    await userEvent.click(screen.getByRole('button', { name: 'Comment…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Feedback on this answer' });
    expect(within(dialog).getByRole('radio', { name: 'Not helpful' })).toBeChecked();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Helpful' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Comment' }), 'Clear, thanks');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send feedback' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(feedback).toEqual([
      expect.objectContaining({
        space: 'sales',
        question: 'Revenue by region last 30 days',
        rating: 'up',
        comment: 'Clear, thanks',
      }),
    ]);
    expect(screen.getByText('Thanks for the feedback.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true');
    expect(composer()).toHaveFocus();
  });

  it('Ask again asks the same question again and replaces the answer', async () => {
    const { client, asked } = httpClient();
    const { container } = render(<JennyPanel space="sales" client={client} />);
    await userEvent.type(composer(), 'Orders by region last 30 days{Enter}');
    await screen.findByRole('grid', { name: /the data$/ }, { timeout: 30_000 });
    const reply = () => container.querySelector('[data-slot="jenny-panel-reply"]');
    const first = reply();
    await userEvent.click(screen.getByRole('button', { name: 'Ask again' }));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]?.question).toBe('Orders by region last 30 days');
    expect(asked[1]?.reading).toBeUndefined();
    // The new answer (a new reply element) streams in, then is ready: it replaced the old one.
    await waitFor(
      () => {
        expect(reply()).not.toBe(first);
        expect(reply()).toHaveAttribute('data-state', 'done');
        expect(container.querySelector('[data-slot="jenny-panel"]')).toHaveAttribute('data-state', 'ready');
      },
      { timeout: 30_000 },
    );
    expect(panelStatus()).toHaveTextContent('Answer ready.');
    const log = screen.getByRole('log', { name: 'Conversation with Jenny' });
    expect(log.querySelectorAll('[data-slot="jenny-panel-reply"]')).toHaveLength(1);
  });

  it('switches spaces: later questions go to the space chosen', async () => {
    const { client, asked } = httpClient();
    render(<JennyPanel spaces={['sales', 'finance']} client={client} />);
    const switcher = screen.getByRole('combobox', { name: 'Space' });
    expect(switcher).toHaveValue('sales');
    await userEvent.selectOptions(switcher, 'finance');
    expect(screen.getByRole('heading', { level: 3, name: /Ask Jenny about/ })).toHaveTextContent(
      demoSpaces.find((space) => space.name === 'finance')?.label ?? 'finance',
    );
    await userEvent.type(composer(), 'Total cost last month{Enter}');
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]?.space).toBe('finance');
  });

  it('works from the keyboard alone: ask, reach the answer, open Explain, close it', async () => {
    const { client } = httpClient();
    render(<JennyPanel space="sales" client={client} />);
    composer().focus();
    await userEvent.keyboard('Revenue by channel last 30 days{Enter}');
    await screen.findByRole('grid', { name: /the data$/ }, { timeout: 30_000 });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Explain' })).toBeVisible());
    // Tab forward until Explain has focus: every control before it is reachable.
    let guard = 0;
    while (document.activeElement !== screen.getByRole('button', { name: 'Explain' }) && guard++ < 80) {
      await userEvent.keyboard('{Tab}');
    }
    expect(screen.getByRole('button', { name: 'Explain' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'How Jenny answered' });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(composer()).toHaveFocus();
    act(() => undefined);
  });
});
