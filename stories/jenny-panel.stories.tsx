import * as Dialog from '@radix-ui/react-dialog';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createDataClient, type DataClient, memoryTransport } from '../src/core/client';
import type { AskContext, AskRequest, FeedbackRequest, JennyAnswer, TransportContext } from '../src/core/client/types';
import type { JennyChunk } from '../src/core/jenny/protocol';
import type { QueryInterpretation } from '../src/core/jenny/types';
import { demoSpaces } from '../src/core/semantic';
import { type JennyPanelMessage as JennyMessage, JennyPanel, type JennyPanelProps } from '../src/react/jenny-panel';
import { demoData, withDemoClient } from './support/demo-data';
import {
  CONVERSATION,
  EXPLAINED_QUESTION,
  EXPLAINED_REASONING,
  FINANCE_QUESTION,
  FINANCE_TITLE,
  HOSTILE_CELLS,
  HOSTILE_EXPLAIN_QUESTION,
  HOSTILE_FILTER_VALUES,
  HOSTILE_QUESTION,
  HOSTILE_REASONING,
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
import { createSeedApi, type SeedApi } from './support/seed-api';
import { JennyPage } from './support/seed-page';

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

/** A scripted data client, and what its transport received: the questions asked and the feedback sent. */
interface ScriptedClient {
  client: DataClient;
  asked: AskRequest[];
  feedback: FeedbackRequest[];
}

/** An answer run again from an edited reading: the reading given, and as many rows as its limit keeps. */
const answerReading = (answer: JennyAnswer, reading: QueryInterpretation): JennyAnswer => ({
  ...answer,
  interpretation: reading,
  rows: reading.query.limit === undefined ? answer.rows : answer.rows.slice(0, reading.query.limit),
});

/**
 * A data client whose answers follow a script, chunk by chunk, as the answer stream delivers them. Its transport
 * records each question and each feedback; with `failFeedback`, saving feedback fails.
 */
function scriptedClient(script: Script, { failFeedback = false } = {}): ScriptedClient {
  const asked: AskRequest[] = [];
  const feedback: FeedbackRequest[] = [];
  const transport = {
    ...memoryTransport({}),
    async ask(request: AskRequest, { signal, onPart }: AskContext): Promise<JennyAnswer> {
      asked.push(request);
      const emit = (chunk: JennyChunk) => onPart?.(chunk);
      emit({ type: 'data-status', id: 'status', data: { step: 'reading' } });
      await tick(50, signal);
      // The stories' own questions (a long conversation, right-to-left text, 10,000 rows, hostile output, a reading
      // to explain) get their own answers; any other question gets ANSWER. An edited reading is answered as given.
      const given = storyAnswer(request.question) ?? ANSWER;
      const answer = request.reading ? answerReading(given, request.reading) : given;
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
    async feedback(request: FeedbackRequest, { signal }: TransportContext): Promise<void> {
      feedback.push(request);
      await tick(50, signal);
      if (failFeedback) throw new Error('The feedback store did not answer.');
    },
  };
  return { client: createDataClient({ transport, retry: false, spaces: demoSpaces }), asked, feedback };
}

/** The panel on a scripted client (made once per story). */
function Scripted({ script, ...props }: { script: Script } & Omit<JennyPanelProps, 'client'>) {
  const [{ client }] = useState(() => scriptedClient(script));
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

// The seed's page: the controlled panel, as the seed's "Frontend: Jenny Component" writes it.

/** Answers the seed's `fetch('/api/jenny/query')` in the page while mounted (see support/seed-api.ts). */
function WithSeedApi({ api, children }: { api: SeedApi; children: ReactNode }) {
  useEffect(() => api.install(), [api]);
  return <>{children}</>;
}

/** The whole page, where the dialogs portal to. */
const page = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

/**
 * The seed's page as written, controlled: it keeps the messages and the result, and posts each question to
 * `/api/jenny/query`. That API is answered in the page, with no server: the embedded warehouse (PGlite) answers
 * the question and the story returns the platform's JSON for it (`toAnswerJson`).
 */
export const SeedControlled: Story = {
  // The embedded warehouse's data client (one per page), with the seed's API on it.
  loaders: [async () => ({ seedApi: createSeedApi((await demoData()).client) })],
  render: (_args, { loaded }) => (
    <WithSeedApi api={loaded.seedApi as SeedApi}>
      <JennyPage />
    </WithSeedApi>
  ),
  play: async ({ canvasElement, loaded }) => {
    const api = loaded.seedApi as SeedApi;
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 3, name: 'Ask Jenny about Sales' })).toBeVisible();
    await expect(canvas.getByText('Revenue, orders, and conversion metrics')).toBeVisible();
    // Pending while the page's handler waits for the API.
    api.hold();
    await userEvent.click(canvas.getByRole('button', { name: 'Top 5 brands by revenue' }));
    await waitFor(() => expect(status(canvasElement)).toHaveTextContent('Asking Jenny…'));
    await expect(panelOf(canvasElement)).toHaveAttribute('data-state', 'loading');
    await expect(canvas.getByRole('button', { name: 'Stop' })).toBeVisible();
    api.release();
    await expect(
      await canvas.findByRole('heading', { level: 3, name: /Top 5 brands by revenue/ }, { timeout: 30_000 }),
    ).toBeVisible();
    await expect(api.requests).toEqual([{ space: 'sales', question: 'Top 5 brands by revenue' }]);
    const table = await canvas.findByRole('grid', { name: /the data$/ });
    await expect(within(table).getAllByRole('row')).toHaveLength(6);
    await chartDrawn(canvasElement);
    const chart = canvasElement.querySelector('[data-slot="jenny-panel-chart"]') as HTMLElement;
    await expect(within(chart).getByRole('img')).toBeVisible();
    await expect(panelOf(canvasElement)).toHaveAttribute('data-state', 'ready');
    // The assistant message's text (the API's summary) is in the thread.
    const thread = canvas.getByRole('log', { name: 'Conversation with Jenny' });
    await expect(within(thread).getByRole('button', { name: /Top 5 brands by revenue/ })).toBeVisible();
  },
};

/** The seed's mapped result (its "Pattern 2"), as an app that maps the API's answer itself passes it. */
const SEED_MAPPED = {
  title: 'Revenue by region, last 30 days',
  description: 'NCR led with ₱2,410,118, 33.7% of the ₱7,153,305 total.',
  chartOption: {
    xAxis: { type: 'category', data: ['NCR', 'Calabarzon', 'Central Visayas'] },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: 'Revenue', data: [2_410_118, 1_730_402, 1_120_876] }],
  },
  tableData: [
    { region: 'NCR', revenue: 2_410_118 },
    { region: 'Calabarzon', revenue: 1_730_402 },
    { region: 'Central Visayas', revenue: 1_120_876 },
  ],
  sql: 'select "region", sum("revenue") as "revenue"\nfrom "scout"."sales"\nwhere "sale_date" between $1 and $2\ngroup by 1\norder by 2 desc',
  explanation: 'Summed revenue by region over the last 30 days.\nSorted the regions by revenue, largest first.',
};
const SEED_MESSAGES: JennyMessage[] = [
  { id: 'q1', role: 'user', content: 'Revenue by region last 30 days', createdAt: '10:42:07 AM' },
  {
    id: 'a1',
    role: 'assistant',
    content: SEED_MAPPED.description,
    summary: SEED_MAPPED.title,
    createdAt: '10:42:09 AM',
    status: 'complete',
  },
];

/** The controlled panel showing the seed's mapped result `{ title, description, chartOption, tableData, sql, explanation }`. */
export const SeedMappedResult: Story = {
  render: ({ style }) => (
    <JennyPanel
      style={style}
      spaceName="Sales"
      spaceDescription="Revenue, orders, and conversion metrics"
      messages={SEED_MESSAGES}
      selectedResult={SEED_MAPPED}
      onSendQuestion={() => undefined}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 3, name: SEED_MAPPED.title })).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="jenny-panel-summary"]')).toHaveTextContent(
      SEED_MAPPED.description,
    );
    const table = await canvas.findByRole('grid', { name: `${SEED_MAPPED.title}: the data` });
    await expect(within(table).getAllByRole('row')).toHaveLength(4);
    await expect(within(table).getByRole('gridcell', { name: 'Central Visayas' })).toBeVisible();
    // The chart is the app's own option (checked by sanitizeOption), not one made from the rows.
    await chartDrawn(canvasElement);
    await expect(canvasElement.querySelector('[data-slot="jenny-panel-chart"]')).toHaveAttribute(
      'data-source',
      'option',
    );
    await expect(canvasElement.querySelector('[data-slot="jenny-panel-sql-code"]')).toHaveTextContent(/group by 1/);
    // The explanation is the reasoning Explain shows, line by line.
    await userEvent.click(canvas.getByRole('button', { name: 'Explain' }));
    const dialog = await page(canvasElement).findByRole('dialog', { name: 'How Jenny answered' });
    await expect(within(dialog).getByText('Summed revenue by region over the last 30 days.')).toBeVisible();
    await expect(within(dialog).getByText('Sorted the regions by revenue, largest first.')).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(page(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(canvas.getByRole('textbox', { name: 'Ask a question about your data' })).toHaveFocus();
  },
};

/** The seed's mapped result in dark mode. */
export const SeedMappedResultDark: Story = {
  ...SeedMappedResult,
  parameters: { theme: 'dark' },
  play: async (context) => {
    await inDark(context.canvasElement);
    await SeedMappedResult.play?.(context);
  },
};

// The Explain and feedback dialogs, and the space switcher, on a scripted client that records what it receives.

/** A scripted client made for the story (`loaded.scripted`), so its play function can read what it received. */
const withScripted = (script: Script, options?: { failFeedback?: boolean }) => ({
  loaders: [async () => ({ scripted: scriptedClient(script, options) })],
});
const scriptedOf = (loaded: Record<string, unknown>) => loaded.scripted as ScriptedClient;

/** The panel on the story's scripted client, with `question` to ask. */
const onScripted =
  (question: string) =>
  (args: JennyPanelProps, { loaded }: { loaded: Record<string, unknown> }) => (
    <JennyPanel {...args} client={scriptedOf(loaded).client} exampleQuestions={[question]} />
  );

const composerOf = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('textbox', { name: 'Ask a question about your data' });

/** Asks `question` (an example question's button) and waits for the answer. */
async function askAndWait(canvasElement: HTMLElement, question: string) {
  await userEvent.click(within(canvasElement).getByRole('button', { name: question }));
  await answerReady(canvasElement);
}

/** Opens the answer's Explain dialog. */
async function openExplain(canvasElement: HTMLElement) {
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Explain' }));
  return page(canvasElement).findByRole('dialog', { name: 'How Jenny answered' });
}

/**
 * How Jenny answered: the reasoning, and the reading as chips. Changing the limit from 5 to 3 and pressing Run
 * again closes the dialog, puts focus back in the composer and asks again with the edited reading.
 */
export const ExplainDialog: Story = {
  ...withScripted('answered'),
  render: onScripted(EXPLAINED_QUESTION),
  play: async ({ canvasElement, loaded }) => {
    const { asked } = scriptedOf(loaded);
    const canvas = within(canvasElement);
    await askAndWait(canvasElement, EXPLAINED_QUESTION);
    const dialog = await openExplain(canvasElement);
    await expect(dialog).toBeVisible();
    await expect(within(dialog).getByRole('heading', { name: 'Reasoning' })).toBeVisible();
    for (const line of EXPLAINED_REASONING) await expect(within(dialog).getByText(line)).toBeVisible();
    // The reading, chip by chip.
    await expect(within(dialog).getByRole('heading', { name: 'Reading' })).toBeVisible();
    await expect(within(dialog).getByRole('combobox', { name: 'Measure' })).toHaveValue('revenue');
    await expect(within(dialog).getByLabelText('Period: From')).toHaveValue('2025-12-02');
    await expect(within(dialog).getByLabelText('Period: To')).toHaveValue('2025-12-31');
    await expect(within(dialog).getByRole('combobox', { name: 'Time grain' })).toHaveValue('');
    const breakdowns = within(dialog).getByRole('group', { name: 'Breakdowns' });
    await expect(within(breakdowns).getByText('Brand')).toBeVisible();
    await expect(within(breakdowns).getByRole('button', { name: 'Remove Brand' })).toBeVisible();
    await expect(within(breakdowns).getByRole('combobox', { name: 'Add a breakdown' })).toBeVisible();
    await expect(within(within(dialog).getByRole('group', { name: 'Filters' })).getByText('None')).toBeVisible();
    const run = within(dialog).getByRole('button', { name: 'Run again' });
    await expect(run).toBeDisabled();
    // Limit 5 → 3.
    const limit = within(dialog).getByRole('spinbutton', { name: 'Limit' });
    await expect(limit).toHaveValue(5);
    await userEvent.clear(limit);
    await userEvent.type(limit, '3');
    await expect(run).toBeEnabled();
    await userEvent.click(run);
    await waitFor(() => expect(page(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(composerOf(canvasElement)).toHaveFocus();
    // The transport is asked the same question with the edited reading, and the answer has 3 rows.
    await waitFor(() => expect(asked).toHaveLength(2));
    await expect(asked[1]?.question).toBe(EXPLAINED_QUESTION);
    await expect(asked[1]?.reading?.query.limit).toBe(3);
    await answerReady(canvasElement);
    await expect(canvas.getByText('Run again from an edited reading.')).toBeVisible();
    const table = await canvas.findByRole('grid', { name: /the data$/ });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
  },
};

/** The Explain dialog open in dark mode (the accessibility check runs with it open). */
export const ExplainDialogDark: Story = {
  ...withScripted('answered'),
  parameters: { theme: 'dark' },
  render: onScripted(EXPLAINED_QUESTION),
  play: async ({ canvasElement }) => {
    await inDark(canvasElement);
    await askAndWait(canvasElement, EXPLAINED_QUESTION);
    const dialog = await openExplain(canvasElement);
    await expect(dialog).toBeVisible();
    // The dialog portals out of the provider's subtree and carries the dark theme itself.
    await expect(dialog.closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    await expect(within(dialog).getByRole('button', { name: 'Run again' })).toBeDisabled();
    await expect(within(dialog).getByText(EXPLAINED_REASONING[0])).toBeVisible();
  },
};

/** Opens the feedback dialog on the answer, picks Helpful and writes `comment`; returns the dialog. */
async function writeFeedback(canvasElement: HTMLElement, comment: string) {
  await askAndWait(canvasElement, QUESTION);
  await userEvent.click(within(canvasElement).getByRole('button', { name: 'Comment…' }));
  const dialog = await page(canvasElement).findByRole('dialog', { name: 'Feedback on this answer' });
  await expect(within(dialog).getByRole('radio', { name: 'Not helpful' })).toBeChecked();
  await userEvent.click(within(dialog).getByRole('radio', { name: 'Helpful' }));
  await expect(within(dialog).getByRole('radio', { name: 'Helpful' })).toBeChecked();
  await userEvent.type(within(dialog).getByRole('textbox', { name: 'Comment' }), comment);
  await userEvent.click(within(dialog).getByRole('button', { name: 'Send feedback' }));
  return dialog;
}

const COMMENT = 'Clear, and the SQL matches.';

/** A comment on an answer with its rating: sent through the data client's transport, then thanked for. */
export const FeedbackDialog: Story = {
  ...withScripted('answered'),
  render: onScripted(QUESTION),
  play: async ({ canvasElement, loaded }) => {
    const { feedback } = scriptedOf(loaded);
    const canvas = within(canvasElement);
    await writeFeedback(canvasElement, COMMENT);
    await waitFor(() => expect(page(canvasElement).queryByRole('dialog')).toBeNull());
    await expect(canvas.getByText('Thanks for the feedback.')).toBeVisible();
    // The rating shows on the thumbs once the conversation's next frame renders.
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'Helpful' })).toHaveAttribute('aria-pressed', 'true'),
    );
    await expect(composerOf(canvasElement)).toHaveFocus();
    await expect(feedback).toEqual([
      expect.objectContaining({ space: 'sales', question: QUESTION, rating: 'up', comment: COMMENT }),
    ]);
  },
};

/** Feedback that cannot be saved: the dialog stays open, says so, and keeps the comment to send again. */
export const FeedbackDialogFails: Story = {
  ...withScripted('answered', { failFeedback: true }),
  render: onScripted(QUESTION),
  play: async ({ canvasElement, loaded }) => {
    const { feedback } = scriptedOf(loaded);
    const dialog = await writeFeedback(canvasElement, COMMENT);
    await expect(await within(dialog).findByText('The feedback could not be saved.')).toBeVisible();
    await expect(within(dialog).getByRole('alert')).toHaveTextContent('The feedback could not be saved.');
    await expect(page(canvasElement).getByRole('dialog', { name: 'Feedback on this answer' })).toBe(dialog);
    await expect(within(dialog).getByRole('textbox', { name: 'Comment' })).toHaveValue(COMMENT);
    await expect(within(dialog).getByRole('radio', { name: 'Helpful' })).toBeChecked();
    await expect(within(dialog).getByRole('button', { name: 'Send feedback' })).toBeEnabled();
    await expect(feedback).toEqual([expect.objectContaining({ rating: 'up', comment: COMMENT })]);
  },
};

/** Two spaces to ask in: switching to Finance names it, offers its questions, and sends the next question there. */
export const SpaceSwitcher: Story = {
  ...withScripted('answered'),
  // Uncontrolled: the switcher keeps the space (the page's `space` arg would hold it on Sales).
  render: ({ space: _space, ...args }, { loaded }) => (
    <JennyPanel {...args} client={scriptedOf(loaded).client} spaces={['sales', 'finance']} />
  ),
  play: async ({ canvasElement, loaded }) => {
    const { asked } = scriptedOf(loaded);
    const canvas = within(canvasElement);
    const switcher = canvas.getByRole('combobox', { name: 'Space' });
    await expect(switcher).toHaveValue('sales');
    await expect(canvas.getByRole('heading', { level: 3, name: 'Ask Jenny about Sales' })).toBeVisible();
    await userEvent.selectOptions(switcher, 'Finance');
    await expect(switcher).toHaveValue('finance');
    await expect(canvas.getByRole('heading', { level: 3, name: 'Ask Jenny about Finance' })).toBeVisible();
    await askAndWait(canvasElement, FINANCE_QUESTION);
    await expect(asked).toEqual([expect.objectContaining({ space: 'finance', question: FINANCE_QUESTION })]);
    await expect(canvas.getByRole('heading', { level: 3, name: FINANCE_TITLE })).toBeVisible();
  },
};

/**
 * A model's reasoning and reading that try to break out of the Explain dialog: markup in the reasoning's lines and
 * in the filters' values is shown as written; no element is made from it and no script runs.
 */
export const HostileExplain: Story = {
  ...withScripted('answered'),
  render: onScripted(HOSTILE_EXPLAIN_QUESTION),
  play: async ({ canvasElement }) => {
    await askAndWait(canvasElement, HOSTILE_EXPLAIN_QUESTION);
    const dialog = await openExplain(canvasElement);
    const reasoning = dialog.querySelector('[data-slot="jenny-panel-reasoning"]') as HTMLElement;
    for (const line of HOSTILE_REASONING) await expect(within(reasoning).getByText(line)).toBeVisible();
    const filters = within(dialog).getByRole('group', { name: 'Filters' });
    await expect(within(filters).getByText(`Brand is ${HOSTILE_FILTER_VALUES[0]}`)).toBeVisible();
    await expect(within(filters).getByText(`Brand is not ${HOSTILE_FILTER_VALUES[1]}`)).toBeVisible();
    await expect(
      within(filters).getByRole('button', { name: `Remove Brand is ${HOSTILE_FILTER_VALUES[0]}` }),
    ).toBeVisible();
    // No element was made from the answer, and nothing ran.
    await expect(dialog.querySelector('img, script, iframe, object, embed, a, b')).toBeNull();
    await expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(page(canvasElement).queryByRole('dialog')).toBeNull());
    await expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  },
};

/*
 * Every state in dark mode too: the stories above, again with the dark theme (axe checks each one's contrast).
 */
const dark = (story: Story, name: string): Story => ({
  ...story,
  name,
  parameters: { ...story.parameters, theme: 'dark' },
});
export const StreamingDark = dark(Streaming, 'Streaming dark');
export const UnsupportedDark = dark(Unsupported, 'Unsupported dark');
export const StoppedDark = dark(Stopped, 'Stopped dark');
export const SidePanel360Dark = dark(SidePanel360, 'Side panel 360 dark');
export const LongConversationDark = dark(LongConversation, 'Long conversation dark');
export const RightToLeftDark = dark(RightToLeft, 'Right to left dark');
export const HostileOutputDark = dark(HostileOutput, 'Hostile output dark');
export const FeedbackDialogDark = dark(FeedbackDialog, 'Feedback dialog dark');
export const SpaceSwitcherDark = dark(SpaceSwitcher, 'Space switcher dark');
export const SeedControlledDark = dark(SeedControlled, 'Seed controlled dark');
export const AskJennyDark = dark(AskJenny, 'Ask Jenny dark');
export const FullPageDark = dark(FullPage, 'Full page dark');
export const InADialogDark = dark(InADialog, 'In a dialog dark');
export const LongTextDark = dark(LongText, 'Long text dark');
export const TenThousandRowsDark = dark(TenThousandRows, 'Ten thousand rows dark');
export const HostileExplainDark = dark(HostileExplain, 'Hostile explain dark');
