import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createDataClient, type DataClient, memoryTransport } from '../../src/core/client';
import { QueryError } from '../../src/core/client/errors';
import type { AskContext, AskRequest, FeedbackRequest, JennyAnswer } from '../../src/core/client/types';
import { InsightPulseError } from '../../src/core/errors';
import type { JennyChunk } from '../../src/core/jenny/protocol';
import { fromUIMessages } from '../../src/core/jenny/ui-messages';
import { demoSpaces } from '../../src/core/semantic';
import { JennyPanel, JennyPanelContextMissingError } from '../../src/react/jenny-panel';
import { DataClientProvider } from '../../src/react/provider';

/** A data client whose transport answers questions when the test says so, chunk by chunk. */
function scriptedClient() {
  const calls: {
    request: AskRequest;
    ctx: AskContext;
    emit(chunk: JennyChunk): void;
    end(answer: JennyAnswer): void;
    fail(error: Error): void;
  }[] = [];
  const feedback: FeedbackRequest[] = [];
  const transport = {
    ...memoryTransport({}),
    ask(request: AskRequest, ctx: AskContext) {
      return new Promise<JennyAnswer>((resolve, reject) => {
        calls.push({ request, ctx, emit: (chunk) => ctx.onPart?.(chunk), end: resolve, fail: reject });
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
      });
    },
    async feedback(request: FeedbackRequest) {
      feedback.push(request);
    },
  };
  const client: DataClient = createDataClient({ transport, retry: false, spaces: demoSpaces });
  return { client, calls, feedback };
}

const answered: JennyAnswer = {
  kind: 'answer',
  title: 'Revenue by region',
  summary: 'NCR led with ₱1,200.',
  rows: [
    { region: 'NCR', revenue: 1200 },
    { region: 'Visayas', revenue: 800 },
  ],
  meta: [
    { name: 'region', type: 'string', label: 'Region' },
    { name: 'revenue', type: 'number', label: 'Revenue' },
  ],
  generatedSql: 'select region, sum(revenue) from sales group by 1',
  suggestions: ['And by channel?'],
  asOf: '2025-12-31',
};

function setup(props: Partial<Parameters<typeof JennyPanel>[0]> = {}) {
  const scripted = scriptedClient();
  const user = userEvent.setup();
  const view = render(
    <DataClientProvider client={scripted.client}>
      <JennyPanel space="sales" {...props} />
    </DataClientProvider>,
  );
  const textbox = () => screen.getByRole('textbox', { name: 'Ask a question about your data' });
  const ask = async (question: string) => {
    await user.click(textbox());
    await user.keyboard(`${question}{Enter}`);
    await waitFor(() => expect(scripted.calls.at(-1)?.request.question).toBe(question));
    // Renders come at most once an animation frame: wait for the one that shows the question.
    await screen.findByRole('button', { name: 'Stop' });
    return scripted.calls.at(-1) as (typeof scripted.calls)[number];
  };
  return { ...scripted, ...view, user, textbox, ask };
}

/** The panel's one status (a chart card inside has its own, about the chart). */
const panelStatus = () =>
  screen.getAllByRole('status').find((element) => element.getAttribute('data-slot') === 'jenny-panel-status');
const root = (container: HTMLElement) => container.querySelector('[data-slot="jenny-panel"]') as HTMLElement;

describe('JennyPanel', () => {
  it('starts empty with the space, its description and examples, and says no state but empty', async () => {
    const { container, user, calls } = setup();
    expect(root(container)).toHaveAttribute('data-state', 'empty');
    const sales = demoSpaces.find((space) => space.name === 'sales');
    expect(sales?.examples?.length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: /^Ask Jenny about / })).toBeVisible();
    expect(screen.getByText(sales?.description ?? '')).toBeVisible();
    const example = sales?.examples?.[0] ?? '';
    await user.click(screen.getByRole('button', { name: example }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.request).toMatchObject({ space: 'sales', question: example });
  });

  it('streams an answer: roles and names, aria-busy while streaming, the status steps, then the result', async () => {
    const { container, ask } = setup();
    const call = await ask('Revenue by region');
    const log = screen.getByRole('log', { name: 'Conversation with Jenny' });
    expect(within(log).getByRole('button', { name: /Revenue by region/ })).toBeVisible();
    expect(panelStatus()).toHaveTextContent('Asking Jenny…');
    expect(screen.getByRole('button', { name: 'Stop' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Send' })).toBeVisible();
    act(() => call.emit({ type: 'data-status', id: 'status', data: { step: 'querying' } }));
    await waitFor(() => expect(panelStatus()).toHaveTextContent('Running the query…'));
    expect(root(container)).toHaveAttribute('data-state', 'streaming');
    expect(log.querySelector('[data-slot="jenny-panel-reply"]')).toHaveAttribute('aria-busy', 'true');

    act(() => call.end(answered));
    await waitFor(() => expect(panelStatus()).toHaveTextContent('Answer ready.'));
    expect(root(container)).toHaveAttribute('data-state', 'ready');
    expect(log.querySelector('[data-slot="jenny-panel-reply"]')).not.toHaveAttribute('aria-busy');
    expect(screen.getByRole('heading', { name: 'Revenue by region', level: 3 })).toBeVisible();
    expect(container.querySelector('[data-slot="jenny-panel-summary"]')).toHaveTextContent('NCR led with ₱1,200.');
    // The table and chart load on first use.
    expect(await screen.findByRole('grid', { name: 'Revenue by region: the data' })).toBeVisible();
    expect(container.querySelector('pre')).toHaveTextContent('select region, sum(revenue) from sales group by 1');
    expect(screen.getByText(/^As of Dec 31, 2025$/)).toBeVisible();
    // The answer carries no option: the chart is drawn from its rows.
    await waitFor(() =>
      expect(container.querySelector('[data-slot="jenny-panel-chart"]')).toHaveAttribute('data-source', 'rows'),
    );
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    // A follow-up question sends.
    await userEvent.click(screen.getByRole('button', { name: 'And by channel?' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /And by channel\?/ })).toHaveLength(1));
  });

  it('Enter sends, Shift+Enter starts a new line, Escape stops; focus comes back to the composer', async () => {
    const { user, textbox, calls } = setup();
    await user.click(textbox());
    await user.keyboard('Revenue{Shift>}{Enter}{/Shift}by region');
    expect(textbox()).toHaveValue('Revenue\nby region');
    expect(calls).toHaveLength(0);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.request.question).toBe('Revenue\nby region');
    expect(textbox()).toHaveValue('');
    expect(textbox()).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(calls[0]?.ctx.signal.aborted).toBe(true);
    await waitFor(() => expect(panelStatus()).toHaveTextContent('Stopped. What arrived is kept.'));

    // The Send button sends too, and gives focus back to the textarea.
    await user.type(textbox(), 'Orders by month');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(textbox()).toHaveFocus();
    // The Stop button stops.
    await user.click(await screen.findByRole('button', { name: 'Stop' }));
    expect(calls[1]?.ctx.signal.aborted).toBe(true);
  });

  it('keeps the draft across re-renders (answers streaming in)', async () => {
    const { user, textbox, ask } = setup();
    const call = await ask('Revenue by region');
    await user.type(textbox(), 'and by');
    act(() => call.emit({ type: 'data-status', id: 'status', data: { step: 'summarizing' } }));
    act(() => call.end(answered));
    await waitFor(() => expect(panelStatus()).toHaveTextContent('Answer ready.'));
    expect(textbox()).toHaveValue('and by');
  });

  it('a past question selects its answer', async () => {
    const { ask, user } = setup();
    const first = await ask('Revenue by region');
    act(() => first.end(answered));
    await screen.findByRole('heading', { name: 'Revenue by region', level: 3 });
    const second = await ask('Orders by month');
    act(() => second.end({ ...answered, title: 'Orders by month', summary: 'December led.' }));
    await screen.findByRole('heading', { name: 'Orders by month', level: 3 });
    const log = screen.getByRole('log');
    const past = within(log).getByRole('button', { name: /Revenue by region/ });
    expect(past).not.toHaveAttribute('aria-current');
    await user.click(past);
    expect(await screen.findByRole('heading', { name: 'Revenue by region', level: 3 })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Orders by month', level: 3 })).toBeNull();
    expect(past).toHaveAttribute('aria-current', 'true');
    // By keyboard too.
    within(log)
      .getByRole('button', { name: /Orders by month/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Orders by month', level: 3 })).toBeVisible();
  });

  it("sends a clarify answer's suggestions, and shows an unsupported answer's message", async () => {
    const { ask, user, calls, container } = setup();
    const call = await ask('Revenue by colour');
    act(() =>
      call.end({
        kind: 'clarify',
        title: '',
        summary: 'I do not know "colour". Did you mean one of these?',
        rows: [],
        suggestions: ['Revenue by region', 'Revenue by brand'],
      }),
    );
    await screen.findByText('I do not know "colour". Did you mean one of these?', {
      selector: '[data-slot="jenny-panel-message"]',
    });
    expect(root(container)).toHaveAttribute('data-state', 'empty');
    expect(screen.getByText('Questions Jenny can answer')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Revenue by brand' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.request.question).toBe('Revenue by brand');
    act(() =>
      calls[1]?.end({ kind: 'unsupported', title: '', summary: 'I only read data.', rows: [], suggestions: [] }),
    );
    expect(
      await screen.findByText('I only read data.', { selector: '[data-slot="jenny-panel-message"]' }),
    ).toBeVisible();
    expect(screen.queryByRole('grid')).toBeNull();
  });

  it("shows an error's message and Retry asks again", async () => {
    const { ask, user, calls, container } = setup();
    const call = await ask('Revenue by region');
    act(() => call.fail(new QueryError('query', 'The warehouse is not reachable.')));
    const alert = await screen.findByRole('alert');
    // The library's errors say what went wrong (they hold no secrets); any other error is not shown.
    expect(alert).toHaveTextContent('The warehouse is not reachable.');
    expect(root(container)).toHaveAttribute('data-state', 'error');
    expect(panelStatus()).toHaveTextContent('Jenny could not answer.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.request.question).toBe('Revenue by region');
    act(() => calls[1]?.fail(new Error('HTTP 500 from https://api.example.com/jenny?key=sk_live_123')));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Jenny could not answer.'));
    expect(screen.getByRole('alert')).not.toHaveTextContent('sk_live_123');
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls).toHaveLength(3));
    act(() => calls[2]?.end(answered));
    expect(await screen.findByRole('heading', { name: 'Revenue by region', level: 3 })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a hostile summary as text, never as markup', async () => {
    const { ask, container } = setup();
    const hostile = '<img src=x onerror=alert(1)> ![x](http://evil/x.png) **bold**';
    const call = await ask('Revenue by region');
    act(() => call.emit({ type: 'text-delta', id: 'summary', delta: hostile }));
    await waitFor(() => expect(screen.getAllByText(hostile).length).toBeGreaterThan(0));
    act(() => call.end({ ...answered, title: '<b>Title</b>', summary: hostile }));
    await screen.findByRole('heading', { name: '<b>Title</b>', level: 3 });
    // Markdown's safe subset: the HTML as written, the image as its alt text, bold as emphasis; nothing else.
    const summary = container.querySelector('[data-slot="jenny-panel-summary"]') as HTMLElement;
    expect(summary).toHaveTextContent('<img src=x onerror=alert(1)> x bold');
    expect(within(summary).getByText('bold').tagName).toBe('STRONG');
    expect(container.querySelector('img, b, a, script')).toBeNull();
  });

  it('thumbs up and down send feedback on a done answer', async () => {
    const { ask, user, feedback } = setup();
    const call = await ask('Revenue by region');
    expect(screen.queryByRole('button', { name: 'Helpful' })).toBeNull();
    act(() => call.end(answered));
    const up = await screen.findByRole('button', { name: 'Helpful' });
    expect(up).toHaveAttribute('aria-pressed', 'false');
    await user.click(up);
    await waitFor(() => expect(up).toHaveAttribute('aria-pressed', 'true'));
    expect(feedback).toEqual([
      { space: 'sales', question: 'Revenue by region', rating: 'up', sql: answered.generatedSql },
    ]);
    expect(screen.getByText('Thanks for the feedback.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Not helpful' }));
    await waitFor(() => expect(feedback.at(-1)?.rating).toBe('down'));
  });

  it('copies the SQL and says so', async () => {
    const { ask, user } = setup();
    const writeText = vi.fn(async (_text: string) => undefined);
    // user-event replaces navigator.clipboard with its own in setup(): put ours over it.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const call = await ask('Revenue by region');
    act(() => call.end(answered));
    await user.click(await screen.findByRole('button', { name: 'Copy SQL' }));
    await waitFor(() => expect(screen.getByText('SQL copied.')).toBeVisible());
    expect(writeText).toHaveBeenCalledWith(answered.generatedSql);
    writeText.mockRejectedValueOnce(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy SQL' }));
    await waitFor(() => expect(screen.getByText('The SQL could not be copied.')).toBeVisible());
  });

  it('shows a chart for an answer that has one', async () => {
    const { ask, container } = setup();
    const call = await ask('Revenue by region');
    act(() => call.end({ ...answered, echartsOption: { series: [] } }));
    await waitFor(() => expect(container.querySelector('[data-slot="chart-card"]')).not.toBeNull());
    expect(screen.getByRole('heading', { name: 'Revenue by region', level: 4 })).toBeVisible();
  });

  it("says when the data was last loaded in the answer's footer, only of a load that succeeded", async () => {
    const { ask, container } = setup();
    const call = await ask('Revenue by region');
    const freshness = { source: 'sales_summary', updatedAt: '2026-01-01T02:00:00Z', status: 'success' };
    act(() => call.end({ ...answered, freshness }));
    const footer = await waitFor(() => {
      const found = container.querySelector('[data-slot="jenny-panel-footer"]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(footer).toHaveTextContent(/^2 rows · updated Jan 1, 2026/);
    const failed = await ask('Revenue by channel');
    act(() => failed.end({ ...answered, freshness: { ...freshness, status: 'failed' } }));
    await waitFor(() =>
      expect(container.querySelector('[data-slot="jenny-panel-footer"]')).toHaveTextContent(/^2 rows$/),
    );
  });

  it("charts a server's option only when sanitizeOption keeps all of it, else the rows", async () => {
    const { ask, container } = setup();
    const first = await ask('Revenue by region');
    const clean = {
      dataset: { source: [['NCR', 1]] },
      xAxis: { type: 'category' },
      yAxis: {},
      series: [{ type: 'bar' }],
    };
    act(() => first.end({ ...answered, echartsOption: clean }));
    await waitFor(() =>
      expect(container.querySelector('[data-slot="jenny-panel-chart"]')).toHaveAttribute('data-source', 'option'),
    );
    const second = await ask('Revenue by channel');
    const hostile = { ...clean, graphic: [{ type: 'image', style: { image: 'https://evil.example/x.png' } }] };
    act(() => second.end({ ...answered, echartsOption: hostile }));
    await waitFor(() =>
      expect(container.querySelector('[data-slot="jenny-panel-chart"]')).toHaveAttribute('data-source', 'rows'),
    );
    for (const steering of [
      { ...clean, title: { text: 'Revenue', link: 'https://evil.example/', target: 'self' } },
      { ...clean, tooltip: { alwaysShowContent: true, extraCssText: 'position:fixed;inset:0' } },
    ]) {
      // From a chart of the option to a chart of the rows: each case changes what is drawn.
      const before = await ask('Revenue by region again');
      act(() => before.end({ ...answered, echartsOption: clean }));
      await waitFor(() =>
        expect(container.querySelector('[data-slot="jenny-panel-chart"]')).toHaveAttribute('data-source', 'option'),
      );
      const next = await ask('Revenue by brand');
      act(() => next.end({ ...answered, echartsOption: steering }));
      await waitFor(() =>
        expect(container.querySelector('[data-slot="jenny-panel-chart"]')).toHaveAttribute('data-source', 'rows'),
      );
    }
    const third = await ask('Revenue by region as a table');
    act(() =>
      third.end({
        ...answered,
        interpretation: {
          kind: 'query',
          space: 'sales',
          query: { metrics: ['revenue'], dimensions: ['region'] },
          confidence: 1,
          explanation: [],
          view: 'table',
        },
      }),
    );
    await screen.findAllByRole('grid');
    await waitFor(() => expect(container.querySelector('[data-slot="jenny-panel-chart"]')).toBeNull());
  });

  it("renders useChat's messages through fromUIMessages: the streaming answer busy, then done", async () => {
    const parts = [
      { type: 'data-query', id: 'query', data: { title: 'Revenue by region' } },
      {
        type: 'data-table',
        id: 'table',
        data: { rows: answered.rows, meta: answered.meta, rowCount: 2, truncated: false },
      },
      { type: 'text', text: 'NCR led' },
    ];
    const ui = [
      { id: 'u1', role: 'user' as const, parts: [{ type: 'text', text: 'Revenue by region' }] },
      { id: 'a1', role: 'assistant' as const, parts },
    ];
    const streaming = fromUIMessages(ui, 'streaming');
    const { container, rerender } = render(
      <JennyPanel messages={streaming.messages} selectedResult={streaming.result} onSendQuestion={() => undefined} />,
    );
    expect(root(container)).toHaveAttribute('data-state', 'streaming');
    expect(container.querySelector('[data-slot="jenny-panel-reply"]')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('heading', { name: 'Revenue by region', level: 3 })).toBeVisible();
    const done = fromUIMessages([
      ui[0],
      { ...ui[1], parts: [...parts.slice(0, 2), { type: 'text', text: 'NCR led.' }] },
    ] as typeof ui);
    rerender(<JennyPanel messages={done.messages} selectedResult={done.result} onSendQuestion={() => undefined} />);
    expect(root(container)).toHaveAttribute('data-state', 'ready');
    expect(container.querySelector('[data-slot="jenny-panel-reply"]')).not.toHaveAttribute('aria-busy');
    expect(container.querySelector('[data-slot="jenny-panel-summary"]')).toHaveTextContent('NCR led.');
    expect(await screen.findByRole('grid', { name: 'Revenue by region: the data' })).toBeVisible();
  });

  it('every rendered part carries a data-slot', async () => {
    const { ask, container } = setup();
    const unnamed = () =>
      [...container.querySelectorAll('*')]
        .filter(
          // ECharts' own elements (the chart's canvas layers, its SVG) are the chart's, not the panel's parts.
          (element) =>
            !element.parentElement?.closest('svg, [data-slot="echart"]') && !element.hasAttribute('data-slot'),
        )
        .map(
          (element) =>
            `${element.tagName} in ${element.parentElement?.closest('[data-slot]')?.getAttribute('data-slot')}`,
        );
    expect(unnamed()).toEqual([]);
    const call = await ask('Revenue by region');
    act(() => call.end(answered));
    await screen.findByRole('button', { name: 'Helpful' });
    expect(container.querySelectorAll('[data-slot]').length).toBeGreaterThan(40);
    expect(unnamed()).toEqual([]);
    const failing = await ask('Orders by month');
    act(() => failing.fail(new Error('Down')));
    await screen.findByRole('alert');
    expect(unnamed()).toEqual([]);
  });

  it('has no axe violations, empty and answered with a chart', async () => {
    const { ask, container } = setup();
    const run = async () => {
      const results = await axe.run(container, { resultTypes: ['violations'] });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await run()).toEqual([]);
    const call = await ask('Revenue by region');
    act(() => call.end({ ...answered, echartsOption: { series: [] } }));
    await screen.findByRole('button', { name: 'Helpful' });
    expect(await run()).toEqual([]);
  });

  it('recomposes from its parts, forwards its ref, and a part outside the root throws a named error', () => {
    const { client } = scriptedClient();
    const ref = createRef<HTMLDivElement>();
    const { container } = render(
      <JennyPanel.Root ref={ref} space="sales" client={client} className="mine" data-testid="panel">
        <JennyPanel.Composer />
        <JennyPanel.Status />
      </JennyPanel.Root>,
    );
    expect(ref.current).toBe(container.firstElementChild);
    expect(ref.current).toHaveAttribute('data-slot', 'jenny-panel');
    expect(ref.current).toHaveClass('mine');
    expect(screen.getByTestId('panel')).toBe(ref.current);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() => render(<JennyPanel.Thread />)).toThrow(JennyPanelContextMissingError);
      expect(() => render(<JennyPanel.Composer />)).toThrow(InsightPulseError);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('answers from a memory client end to end', async () => {
    const client = createDataClient({
      transport: memoryTransport({ answers: { 'Revenue by region': answered } }),
      spaces: demoSpaces,
    });
    const user = userEvent.setup();
    render(<JennyPanel space="sales" client={client} exampleQuestions={['Revenue by region']} />);
    await user.click(screen.getByRole('button', { name: 'Revenue by region' }));
    expect(await screen.findByRole('heading', { name: 'Revenue by region', level: 3 })).toBeVisible();
    expect(await screen.findByRole('grid', { name: 'Revenue by region: the data' })).toBeVisible();
  });
});
