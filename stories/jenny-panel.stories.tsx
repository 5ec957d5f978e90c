import * as Dialog from '@radix-ui/react-dialog';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createDataClient, type DataClient, memoryTransport } from '../src/core/client';
import type { AskContext, AskRequest, JennyAnswer } from '../src/core/client/types';
import type { JennyChunk } from '../src/core/jenny/protocol';
import { demoSpaces } from '../src/core/semantic';
import { JennyPanel, type JennyPanelProps } from '../src/react/jenny-panel';
import { withDemoClient } from './support/demo-data';
import {
  CONVERSATION,
  HOSTILE_CELLS,
  HOSTILE_QUESTION,
  HOSTILE_SUGGESTION,
  HOSTILE_SUMMARY_HTML,
  HOSTILE_TITLE,
  LONG_QUESTION,
  RTL_FOLLOW_UP,
  RTL_QUESTION,
  storyAnswer,
  TEN_THOUSAND,
  TEN_THOUSAND_QUESTION,
} from './support/jenny-answers';

const QUESTION = 'Top 5 brands by revenue last 30 days';

/** An answer as the embedded warehouse gives it (figures from the demo data). */
const ANSWER: JennyAnswer = {
  kind: 'answer',
  title: 'Top 5 brands by revenue, last 30 days',
  summary:
    'In the last 30 days, Alaska led with ₱1,552,815, 21.7% of the ₱7,153,305 total. The top 5 together make ₱5,572,698, 77.9% of the total.',
  rows: [
    { brand: 'Alaska', revenue: 1_552_815 },
    { brand: 'Oishi', revenue: 1_201_344 },
    { brand: 'Del Monte', revenue: 1_050_210 },
    { brand: 'Champion', revenue: 921_907 },
    { brand: 'Peerless', revenue: 846_422 },
  ],
  meta: [
    { name: 'brand', type: 'string', label: 'Brand' },
    { name: 'revenue', type: 'number', label: 'Revenue', format: { kind: 'currency', currency: 'PHP' } },
  ],
  generatedSql:
    'select "brand", sum("revenue") as "revenue"\nfrom "scout"."sales"\nwhere "date" between $1 and $2\ngroup by 1\norder by 2 desc\nlimit 5',
  suggestions: ['And by region?', 'Top 5 brands by units last 30 days'],
  asOf: '2025-12-31',
};

type Script = 'streaming' | 'answered' | 'clarify' | 'unsupported' | 'error' | 'stopped';

const tick = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** A data client whose answers follow a script, chunk by chunk, as the answer stream delivers them. */
function scriptedClient(script: Script): DataClient {
  const transport = {
    ...memoryTransport({}),
    async ask(request: AskRequest, { signal, onPart }: AskContext): Promise<JennyAnswer> {
      const emit = (chunk: JennyChunk) => onPart?.(chunk);
      emit({ type: 'data-status', id: 'status', data: { step: 'reading' } });
      await tick(50, signal);
      // The stories' own questions (a long conversation, right-to-left text, 10,000 rows, hostile output) get
      // their own answers; any other question gets ANSWER.
      const answer = storyAnswer(request.question) ?? ANSWER;
      if (script === 'clarify') {
        return {
          kind: 'clarify',
          title: '',
          summary: 'I could not place "colour". Did you mean one of these?',
          rows: [],
          suggestions: ['Revenue by brand last 30 days', 'Revenue by region last 30 days'],
        };
      }
      if (script === 'unsupported') {
        return {
          kind: 'unsupported',
          title: '',
          summary: 'I only read data: I cannot change, delete or insert anything.',
          rows: [],
          suggestions: ['Revenue by month this year', 'Top 5 stores by revenue last quarter'],
        };
      }
      emit({
        type: 'data-query',
        id: 'query',
        data: { title: answer.title, ...(answer.asOf ? { asOf: answer.asOf } : {}) },
      });
      emit({ type: 'data-status', id: 'status', data: { step: 'querying' } });
      await tick(50, signal);
      if (script === 'error') throw new Error('The warehouse did not answer in time.');
      emit({ type: 'data-sql', id: 'sql', data: { sql: answer.generatedSql ?? '', statements: [] } });
      emit({
        type: 'data-table',
        id: 'table',
        data: { rows: answer.rows, meta: answer.meta ?? [], rowCount: answer.rows.length, truncated: false },
      });
      emit({ type: 'data-status', id: 'status', data: { step: 'summarizing' } });
      emit({ type: 'text-start', id: 'summary' });
      // The summary's first seven words ("In the last 30 days, Alaska led"), as a stream delivers them.
      emit({ type: 'text-delta', id: 'summary', delta: answer.summary.split(' ').slice(0, 7).join(' ') });
      if (script === 'streaming' || script === 'stopped') {
        // Holds here until stopped.
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      }
      emit({ type: 'data-status', id: 'status', data: { step: 'done' } });
      return answer;
    },
    async feedback() {},
  };
  return createDataClient({ transport, retry: false, spaces: demoSpaces });
}

/** The panel on a scripted client (made once per story). */
function Scripted({ script, ...props }: { script: Script } & Omit<JennyPanelProps, 'client'>) {
  const [client] = useState(() => scriptedClient(script));
  return <JennyPanel client={client} {...props} />;
}

const meta = {
  title: 'Jenny/JennyPanel',
  component: JennyPanel,
  parameters: { layout: 'padded' },
  args: { space: 'sales', style: { maxWidth: 760 } },
} satisfies Meta<typeof JennyPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The panel's own live region (a ChartCard inside has its own). */
const status = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[data-slot="jenny-panel-status"]') as HTMLElement;

/** Asks the scripted panel its example question. */
async function ask(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('button', { name: QUESTION }));
  return canvas;
}

const scripted = (script: Script) => (args: JennyPanelProps) => (
  <Scripted script={script} {...args} exampleQuestions={[QUESTION]} />
);

/** Ask Jenny on the embedded warehouse (PGlite in the page): the space's example questions, answered offline. */
export const AskJenny: Story = {
  ...withDemoClient,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const textbox = canvas.getByRole('textbox', { name: 'Ask a question about your data' });
    await userEvent.type(textbox, `${QUESTION}{Enter}`);
    await expect(textbox).toHaveFocus();
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent('Answer ready.'), { timeout: 30_000 });
    await expect(canvas.getByRole('heading', { level: 3 })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Copy SQL' })).toBeVisible();
  },
};

/** Before the first question: the space, what it holds, and questions to start with. */
export const Empty: Story = {
  render: scripted('answered'),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: /^Ask Jenny about / })).toBeVisible();
    await expect(canvas.getByRole('button', { name: QUESTION })).toBeVisible();
  },
};

/** An answer arriving: the title, the SQL and the table are in; the summary is being written. */
export const Streaming: Story = {
  render: scripted('streaming'),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent('Writing the summary…'));
    await expect(canvas.getByRole('button', { name: 'Stop' })).toBeVisible();
  },
};

/** A whole answer: title, summary, chart, table, SQL, the day it counts from, follow-ups and feedback. */
export const Answered: Story = {
  render: scripted('answered'),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent('Answer ready.'));
    await expect(canvas.getByRole('button', { name: 'Helpful' })).toBeVisible();
  },
};

/** Jenny asks back, with questions she can answer. */
export const Clarify: Story = {
  render: scripted('clarify'),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Revenue by brand last 30 days' })).toBeVisible();
  },
};

/** Jenny refuses what she cannot do. */
export const Unsupported: Story = {
  render: scripted('unsupported'),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    await expect(
      await canvas.findByText(/^I only read data/, { selector: '[data-slot="jenny-panel-message"]' }),
    ).toBeVisible();
  },
};

/** The answer failed: its message and Retry. */
export const ErrorState: Story = {
  name: 'Error',
  render: scripted('error'),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

/** Stopped while streaming: what arrived is kept. */
export const Stopped: Story = {
  render: scripted('stopped'),
  play: async ({ canvasElement }) => {
    const canvas = await ask(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent('Stopped. What arrived is kept.'));
  },
};

// Layouts: where a host puts the panel.

/** The panel's root. */
const panelOf = (canvasElement: HTMLElement) => canvasElement.querySelector('[data-slot="jenny-panel"]') as HTMLElement;

/** Waits until the latest answer is done. */
const answerReady = (canvasElement: HTMLElement) =>
  waitFor(() => expect(status(canvasElement)).toHaveTextContent('Answer ready.'));

/** Waits until the answer's chart has drawn. */
const chartDrawn = (canvasElement: HTMLElement) =>
  waitFor(() => expect(canvasElement.querySelector('[data-slot="echart"] canvas')).not.toBeNull(), {
    timeout: 10_000,
  });

/**
 * The panel, and every part of it, that is wider than its box: `[]` when nothing overflows sideways. The table and
 * the SQL scroll sideways on purpose, and parts that clip (an ellipsis, screen-reader text) are not counted.
 */
function overflowingX(panel: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of [panel, ...panel.querySelectorAll('*')]) {
    if (!(element instanceof HTMLElement) || element.clientWidth === 0) continue;
    if (element !== panel && element.closest('[data-slot="data-table-grid"], [data-slot="jenny-panel-sql-scroll"]')) {
      continue;
    }
    const { overflowX } = getComputedStyle(element);
    if (element !== panel && (overflowX === 'hidden' || overflowX === 'clip')) continue;
    if (element.scrollWidth > element.clientWidth) {
      found.push(`${element.dataset.slot ?? element.tagName} (${element.scrollWidth} > ${element.clientWidth})`);
    }
  }
  return found;
}

/** Asserts nothing in the panel overflows sideways. */
async function noSidewaysOverflow(canvasElement: HTMLElement) {
  const panel = panelOf(canvasElement);
  // The list first: a failure names the parts that overflow.
  await expect(overflowingX(panel)).toEqual([]);
  await expect(panel.scrollWidth).toBeLessThanOrEqual(panel.clientWidth);
}

/** As a 360px side panel beside an app: the whole answer fits its width (the table scrolls inside). */
export const SidePanel360: Story = {
  args: { style: undefined },
  render: (args) => (
    <aside aria-label="Jenny side panel" style={{ width: 360, boxSizing: 'border-box' }}>
      <Scripted script="answered" {...args} exampleQuestions={[QUESTION]} />
    </aside>
  ),
  play: async ({ canvasElement }) => {
    await ask(canvasElement);
    await answerReady(canvasElement);
    await chartDrawn(canvasElement);
    await expect(panelOf(canvasElement).getBoundingClientRect().width).toBeLessThanOrEqual(360);
    await noSidewaysOverflow(canvasElement);
  },
};

/** As a full page: the panel fills the window. */
export const FullPage: Story = {
  parameters: { layout: 'fullscreen' },
  args: { style: { minHeight: 'calc(100vh - 32px)', boxSizing: 'border-box' } },
  render: scripted('answered'),
  play: async ({ canvasElement }) => {
    await ask(canvasElement);
    await answerReady(canvasElement);
    const panel = panelOf(canvasElement);
    // As wide as the page inside the story's 16px padding.
    const page = canvasElement.ownerDocument.documentElement.clientWidth;
    await expect(panel.getBoundingClientRect().width).toBeGreaterThan(page - 40);
    await noSidewaysOverflow(canvasElement);
  },
};

/** A host's dialog (Radix Dialog, as shadcn/ui's), portalled inside the story so it keeps the provider's theme. */
function PanelDialog(props: Omit<JennyPanelProps, 'client'>) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  return (
    <div ref={setContainer}>
      <Dialog.Root>
        <Dialog.Trigger className="ip:cursor-pointer ip:rounded-ip-md ip:border-0 ip:bg-ip-primary ip:px-4 ip:py-2 ip:text-ip-on-primary">
          Ask Jenny
        </Dialog.Trigger>
        <Dialog.Portal container={container}>
          <Dialog.Overlay className="ip:fixed ip:inset-0 ip:bg-black/50" />
          <Dialog.Content
            aria-describedby={undefined}
            className="ip:fixed ip:top-1/2 ip:left-1/2 ip:flex ip:max-h-[90vh] ip:w-[min(640px,calc(100vw-32px))] ip:-translate-x-1/2 ip:-translate-y-1/2 ip:flex-col ip:gap-3 ip:overflow-y-auto ip:rounded-ip-lg ip:bg-ip-surface ip:p-4 ip:text-ip-on-surface"
          >
            <div className="ip:flex ip:items-center ip:justify-between ip:gap-2">
              <Dialog.Title className="ip:m-0 ip:text-ip-xl ip:font-ip-semibold">Ask Jenny</Dialog.Title>
              <Dialog.Close className="ip:cursor-pointer ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-transparent ip:px-3 ip:py-1 ip:text-ip-on-surface">
                Close
              </Dialog.Close>
            </div>
            <Scripted script="answered" {...props} exampleQuestions={[QUESTION]} />
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}

/** In a dialog the host opens: focus moves into it, and a question is answered there. */
export const InADialog: Story = {
  args: { style: undefined },
  render: (args) => <PanelDialog {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Ask Jenny' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Ask Jenny' });
    await waitFor(() => expect(dialog).toContainElement(canvasElement.ownerDocument.activeElement as HTMLElement));
    const textbox = within(dialog).getByRole('textbox', { name: 'Ask a question about your data' });
    await userEvent.type(textbox, `${QUESTION}{Enter}`);
    await answerReady(canvasElement);
    await expect(within(dialog).getByRole('heading', { level: 3, name: ANSWER.title })).toBeVisible();
    await expect(dialog).toContainElement(canvasElement.ownerDocument.activeElement as HTMLElement);
  },
};

/** The theme from the provider's mode: the panel and its parts follow the dark tokens. */
const inDark = async (canvasElement: HTMLElement) => {
  await expect(panelOf(canvasElement).closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
};

/** A whole answer in dark mode. */
export const AnsweredDark: Story = {
  parameters: { theme: 'dark' },
  render: scripted('answered'),
  play: async (context) => {
    await inDark(context.canvasElement);
    await Answered.play?.(context);
    await chartDrawn(context.canvasElement);
  },
};

/** Before the first question, in dark mode. */
export const EmptyDark: Story = { ...Empty, parameters: { theme: 'dark' } };

/** Jenny asks back, in dark mode. */
export const ClarifyDark: Story = { ...Clarify, parameters: { theme: 'dark' } };

/** A failed answer in dark mode: its message and Retry keep their contrast. */
export const ErrorDark: Story = { ...ErrorState, name: 'Error dark', parameters: { theme: 'dark' } };

/** Twelve questions, each a follow-up of the one before; choosing an older question shows its answer again. */
export const LongConversation: Story = {
  render: (args) => <Scripted script="answered" {...args} exampleQuestions={[CONVERSATION[0]?.question ?? '']} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [first, ...rest] = CONVERSATION;
    if (!first) throw new Error('No conversation');
    await userEvent.click(canvas.getByRole('button', { name: first.question }));
    // Each answer offers the next question as its follow-up, once it is done.
    for (const turn of rest) {
      await userEvent.click(await canvas.findByRole('button', { name: turn.question }));
    }
    const last = CONVERSATION.at(-1);
    await expect(await canvas.findByRole('heading', { level: 3, name: last?.title })).toBeVisible();
    await answerReady(canvasElement);
    const thread = canvas.getByRole('log', { name: 'Conversation with Jenny' });
    const questions = within(thread).getAllByRole('button');
    await expect(questions).toHaveLength(CONVERSATION.length);
    // The thread scrolls inside the panel instead of growing it.
    await expect(thread.scrollHeight).toBeGreaterThan(thread.clientHeight);
    const older = CONVERSATION[2];
    if (!older) throw new Error('No third turn');
    const question = within(thread).getByRole('button', { name: `You: ${older.question}` });
    await userEvent.click(question);
    await expect(await canvas.findByRole('heading', { level: 3, name: older.title })).toBeVisible();
    await expect(canvas.queryByRole('heading', { level: 3, name: last?.title })).toBeNull();
    await expect(question).toHaveAttribute('aria-current', 'true');
  },
};

/** A very long question, and an answer with one 3,000-character word: it wraps, nothing overflows sideways. */
export const LongText: Story = {
  args: { style: { maxWidth: 480 } },
  render: (args) => <Scripted script="answered" {...args} exampleQuestions={[]} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const textbox = canvas.getByRole('textbox', { name: 'Ask a question about your data' });
    // Pasted, not typed: typing 800 characters one by one takes seconds.
    await userEvent.click(textbox);
    await userEvent.paste(LONG_QUESTION);
    await userEvent.keyboard('{Enter}');
    await answerReady(canvasElement);
    await expect(canvas.getByRole('button', { name: `You: ${LONG_QUESTION}` })).toBeVisible();
    await noSidewaysOverflow(canvasElement);
  },
};

/** Arabic, then Hebrew, in a right-to-left page: text and layout run right to left. */
export const RightToLeft: Story = {
  name: 'RTL',
  render: (args) => (
    <div dir="rtl">
      <Scripted script="answered" {...args} exampleQuestions={[RTL_QUESTION]} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const panel = panelOf(canvasElement);
    await expect(getComputedStyle(panel).direction).toBe('rtl');
    await userEvent.click(canvas.getByRole('button', { name: RTL_QUESTION }));
    await userEvent.click(await canvas.findByRole('button', { name: RTL_FOLLOW_UP }));
    await expect(
      await canvas.findByRole('heading', { level: 3, name: 'הכנסות לפי אזור, 30 הימים האחרונים' }),
    ).toBeVisible();
    await answerReady(canvasElement);
    await expect(canvas.getByRole('gridcell', { name: 'מטרופולין' })).toBeVisible();
    // Questions sit at the inline end (the left), Jenny's replies at the start (the right).
    const thread = canvas.getByRole('log', { name: 'Conversation with Jenny' });
    const list = (thread.querySelector('[data-slot="jenny-panel-messages"]') as HTMLElement).getBoundingClientRect();
    const question = (
      thread.querySelector('[data-slot="jenny-panel-question"]') as HTMLElement
    ).getBoundingClientRect();
    const reply = (thread.querySelector('[data-slot="jenny-panel-reply"]') as HTMLElement).getBoundingClientRect();
    await expect(Math.abs(question.left - list.left)).toBeLessThan(1);
    await expect(Math.abs(reply.right - list.right)).toBeLessThan(1);
    await expect(question.right).toBeLessThan(list.right);
    await noSidewaysOverflow(canvasElement);
  },
};

/** An answer with 10,000 rows: the table renders only the rows in view, and scrolls to the last. */
export const TenThousandRows: Story = {
  render: (args) => <Scripted script="answered" {...args} exampleQuestions={[TEN_THOUSAND_QUESTION]} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: TEN_THOUSAND_QUESTION }));
    await answerReady(canvasElement);
    const grid = await canvas.findByRole('grid', { name: 'Every order, last quarter: the data' });
    // Every row is counted (the header row too), few are in the page.
    await expect(grid).toHaveAttribute('aria-rowcount', String(TEN_THOUSAND + 1));
    await expect(within(grid).getByRole('gridcell', { name: 'SO-00001' })).toBeVisible();
    const rendered = () => grid.querySelectorAll('[data-slot="data-table-row"]').length;
    await expect(rendered()).toBeGreaterThan(0);
    await expect(rendered()).toBeLessThan(200);
    grid.scrollTop = grid.scrollHeight;
    await expect(await within(grid).findByRole('gridcell', { name: 'SO-10000' })).toBeVisible();
    await expect(rendered()).toBeLessThan(200);
    // Rows between are not in the page (the first stays: it holds the grid's focusable cell).
    await expect(within(grid).queryByRole('gridcell', { name: 'SO-05000' })).toBeNull();
  },
};

// Hostile model output.

const UNREACHABLE = '127.0.0.1:9';

/**
 * Records the resources the page asks for from now on. A `PerformanceObserver`, not only
 * `performance.getEntriesByType('resource')`: that buffer holds 250 entries, which a Storybook page has already filled
 * before a story runs, so a new request would never show there. The observer also sees requests that fail (nothing
 * listens on 127.0.0.1:9).
 */
function watchRequests() {
  const names: string[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) names.push(entry.name);
  });
  observer.observe({ type: 'resource' });
  return {
    /** Every resource asked for since, as far as the browser has reported. */
    names: () => {
      for (const entry of observer.takeRecords()) names.push(entry.name);
      const buffered = performance.getEntriesByType('resource').map((entry) => entry.name);
      return [...names, ...buffered];
    },
    disconnect: () => observer.disconnect(),
  };
}

/** Loads an image and waits until it has loaded or failed. */
const loadImage = (src: string) =>
  new Promise<void>((resolve) => {
    const image = new Image();
    image.onload = image.onerror = () => resolve();
    image.src = src;
  });

/**
 * A model's answer that tries to break out: HTML, a script and markdown image and `javascript:` links in the title,
 * summary and follow-up; an `echartsOption` with remote images, an HTML tooltip formatter, a `javascript:` title
 * link and a function in a string; and cells a spreadsheet would run as formulas. All of it is shown as text: no
 * element is made from it, no script runs and nothing is fetched.
 */
export const HostileOutput: Story = {
  render: (args) => <Scripted script="answered" {...args} exampleQuestions={[HOSTILE_QUESTION]} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const requests = watchRequests();
    try {
      await userEvent.click(canvas.getByRole('button', { name: HOSTILE_QUESTION }));
      await answerReady(canvasElement);
      await chartDrawn(canvasElement);
      const panel = panelOf(canvasElement);
      // The markup is literal text.
      await expect(canvas.getByRole('heading', { level: 3, name: HOSTILE_TITLE })).toBeVisible();
      const summary = panel.querySelector('[data-slot="jenny-panel-summary"]') as HTMLElement;
      for (const part of HOSTILE_SUMMARY_HTML) await expect(summary.textContent).toContain(part);
      // Markdown's image and `javascript:` link are at most their words: no image, no link.
      await expect(summary.textContent).toContain('tracker');
      await expect(summary.textContent).toContain('click me');
      await expect(canvas.getByRole('button', { name: HOSTILE_SUGGESTION })).toBeVisible();
      // Formula-looking cells are text, as written.
      for (const cell of HOSTILE_CELLS) await expect(canvas.getByRole('gridcell', { name: cell })).toBeVisible();
      // No element was made from the answer.
      await expect(panel.querySelector('img, script, iframe, a, b, object, embed')).toBeNull();
      // A control image, asked for after everything the answer could have loaded: once the observer reports it,
      // it would have reported those too (and it shows the observer sees failed requests).
      const control = `http://${UNREACHABLE}/control.png`;
      await loadImage(control);
      await waitFor(() => expect(requests.names()).toContain(control));
      await expect(requests.names().filter((name) => name.includes(UNREACHABLE) && name !== control)).toEqual([]);
      await expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    } finally {
      requests.disconnect();
    }
  },
};
