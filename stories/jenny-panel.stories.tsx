import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createDataClient, type DataClient, memoryTransport } from '../src/core/client';
import type { AskContext, AskRequest, JennyAnswer } from '../src/core/client/types';
import type { JennyChunk } from '../src/core/jenny/protocol';
import { demoSpaces } from '../src/core/semantic';
import { JennyPanel, type JennyPanelProps } from '../src/react/jenny-panel';
import { withDemoClient } from './support/demo-data';

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
  echartsOption: { series: [] },
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
    async ask(_request: AskRequest, { signal, onPart }: AskContext): Promise<JennyAnswer> {
      const emit = (chunk: JennyChunk) => onPart?.(chunk);
      emit({ type: 'data-status', id: 'status', data: { step: 'reading' } });
      await tick(50, signal);
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
      emit({ type: 'data-query', id: 'query', data: { title: ANSWER.title, asOf: ANSWER.asOf } });
      emit({ type: 'data-status', id: 'status', data: { step: 'querying' } });
      await tick(50, signal);
      if (script === 'error') throw new Error('The warehouse did not answer in time.');
      emit({ type: 'data-sql', id: 'sql', data: { sql: ANSWER.generatedSql ?? '', statements: [] } });
      emit({
        type: 'data-table',
        id: 'table',
        data: { rows: ANSWER.rows, meta: ANSWER.meta ?? [], rowCount: ANSWER.rows.length, truncated: false },
      });
      emit({ type: 'data-status', id: 'status', data: { step: 'summarizing' } });
      emit({ type: 'text-start', id: 'summary' });
      emit({ type: 'text-delta', id: 'summary', delta: 'In the last 30 days, Alaska led' });
      if (script === 'streaming' || script === 'stopped') {
        // Holds here until stopped.
        await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      }
      emit({ type: 'data-status', id: 'status', data: { step: 'done' } });
      return ANSWER;
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
