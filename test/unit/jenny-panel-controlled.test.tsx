import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { JennyPanelMessage } from '../../src/core/jenny/result';
import { JennyPanel } from '../../src/react/jenny-panel';

/*
 * The controlled JennyPanel's edges: the app's promise settling after Stop, a result chosen for an older answer, a
 * Retry of a question the app never added to its messages.
 */

const composer = () => screen.getByRole('textbox', { name: 'Ask a question about your data' });
const panel = (container: HTMLElement) => container.querySelector('[data-slot="jenny-panel"]') as HTMLElement;

const user = (id: string, content: string): JennyPanelMessage => ({ id, role: 'user', content });
const reply = (id: string, content: string, summary: string): JennyPanelMessage => ({
  id,
  role: 'assistant',
  content,
  summary,
  status: 'complete',
});
const result = (title: string) => ({ title, summary: `${title}.`, rows: [{ region: 'NCR', revenue: 1 }] });

describe('JennyPanel, controlled', () => {
  it('shows an answer the app adds after Stop: the stopped reply gives way to it', async () => {
    let answer: (() => void) | undefined;
    const questions: string[] = [];
    const { container, rerender } = render(
      <JennyPanel
        messages={[]}
        onSendQuestion={(question) => {
          questions.push(question);
          return new Promise<void>((resolve) => {
            answer = resolve;
          });
        }}
      />,
    );
    await userEvent.type(composer(), 'Revenue by region{Enter}');
    await userEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    await waitFor(() =>
      expect(container.querySelector('[data-slot="jenny-panel-status"]')).toHaveTextContent('Stopped.'),
    );
    // The app ignored the signal: its answer arrives anyway.
    const messages = [user('u1', 'Revenue by region'), reply('a1', 'NCR led.', 'Revenue by region')];
    rerender(<JennyPanel messages={messages} selectedResult={result('Revenue by region')} onSendQuestion={() => {}} />);
    act(() => answer?.());
    expect(await screen.findByRole('heading', { level: 3, name: 'Revenue by region' })).toBeVisible();
    expect(panel(container)).toHaveAttribute('data-state', 'ready');
    expect(container.querySelectorAll('[data-slot="jenny-panel-reply"]')).toHaveLength(1);
  });

  it('shows the result the app chose for an older answer on that answer, and rates that one', async () => {
    const selections: string[] = [];
    const ratings: string[] = [];
    const messages = [
      user('u0', 'Revenue by region'),
      reply('a0', 'NCR led.', 'Revenue by region'),
      user('u1', 'Orders by month'),
      reply('a1', 'December led.', 'Orders by month'),
    ];
    const view = (chosen: string) => (
      <JennyPanel
        messages={messages}
        selectedResult={result(chosen)}
        onSendQuestion={() => {}}
        onSelectMessage={(id) => selections.push(id)}
        onFeedback={({ messageId }) => {
          ratings.push(messageId);
        }}
      />
    );
    const { rerender } = render(view('Orders by month'));
    const log = screen.getByRole('log', { name: 'Conversation with Jenny' });
    await userEvent.click(within(log).getByRole('button', { name: /Revenue by region/ }));
    expect(selections).toEqual(['u0']);
    rerender(view('Revenue by region'));
    expect(await screen.findByRole('heading', { level: 3, name: 'Revenue by region' })).toBeVisible();
    expect(within(log).getByRole('button', { name: /Revenue by region/ })).toHaveAttribute('aria-current', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Helpful' }));
    await waitFor(() => expect(ratings).toEqual(['a0']));
  });

  it('retries the question that failed, even when the app never added it to its messages', async () => {
    const questions: string[] = [];
    const messages = [user('u0', 'Revenue by region'), reply('a0', 'NCR led.', 'Revenue by region')];
    render(
      <JennyPanel
        messages={messages}
        onSendQuestion={(question) => {
          questions.push(question);
          return Promise.reject(new Error('down'));
        }}
      />,
    );
    await userEvent.type(composer(), 'Orders by month{Enter}');
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(questions).toEqual(['Orders by month', 'Orders by month']));
  });
});
