import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createDataClient, type DataClient, memoryTransport } from '../../src/core/client';
import type { AskContext, AskRequest, JennyAnswer } from '../../src/core/client/types';
import type { JennyChunk } from '../../src/core/jenny/protocol';
import { type UseJennyOptions, useJenny } from '../../src/react/jenny-panel';
import { DataClientProvider } from '../../src/react/provider';

/** A data client whose transport answers questions when the test says so, chunk by chunk. */
function scriptedClient() {
  const calls: {
    request: AskRequest;
    ctx: AskContext;
    emit(chunk: JennyChunk): void;
    end(answer: JennyAnswer): void;
  }[] = [];
  const transport = {
    ...memoryTransport({}),
    ask(request: AskRequest, ctx: AskContext) {
      return new Promise<JennyAnswer>((resolve, reject) => {
        calls.push({ request, ctx, emit: (chunk) => ctx.onPart?.(chunk), end: resolve });
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
      });
    },
  };
  const client: DataClient = createDataClient({ transport, retry: false });
  return { client, calls };
}

function Conversation(props: UseJennyOptions & { onRender?: () => void }) {
  const jenny = useJenny(props);
  const renders = useRef(0);
  renders.current += 1;
  props.onRender?.();
  return (
    <div data-state={jenny.status}>
      <button type="button" onClick={() => void jenny.send('Revenue by region')}>
        Ask
      </button>
      <button type="button" onClick={() => jenny.stop()}>
        Stop
      </button>
      <p role="status">{jenny.selected?.step ?? 'none'}</p>
      <p data-testid="summary">{jenny.selected?.content}</p>
      <span data-testid="rows">{jenny.selected?.answer.rows.length ?? 0}</span>
    </div>
  );
}

describe('useJenny', () => {
  it('takes the provider client and streams an answer into the view', async () => {
    const { client, calls } = scriptedClient();
    render(
      <DataClientProvider client={client}>
        <Conversation space="sales" />
      </DataClientProvider>,
    );
    act(() => screen.getByRole('button', { name: 'Ask' }).click());
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.request).toMatchObject({ space: 'sales', question: 'Revenue by region', history: [] });
    act(() => {
      calls[0]?.emit({ type: 'data-status', id: 'status', data: { step: 'querying' } });
      calls[0]?.emit({
        type: 'data-table',
        id: 'table',
        data: { rows: [{ region: 'NCR', revenue: 1 }], meta: [], rowCount: 1, truncated: false },
      });
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('querying'));
    expect(screen.getByTestId('rows')).toHaveTextContent('1');
    act(() => calls[0]?.end({ title: 'Revenue by region', summary: 'NCR led.', rows: [{ region: 'NCR' }] }));
    await waitFor(() => expect(screen.getByText('NCR led.')).toBeInTheDocument());
  });

  it('renders at most once an animation frame, however many chunks arrive in between', async () => {
    const { client, calls } = scriptedClient();
    // Frames run when the test says so: chunks that arrive in separate tasks between two frames make one render.
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => undefined;
    });
    const runFrame = () => {
      for (const callback of frames.splice(0)) callback(performance.now());
    };
    let renders = 0;
    try {
      render(<Conversation space="sales" client={client} onRender={() => renders++} />);
      act(() => screen.getByRole('button', { name: 'Ask' }).click());
      await waitFor(() => expect(calls).toHaveLength(1));
      act(runFrame);
      const before = renders;
      // As a network read delivers them: 50 deltas of 20 characters, each in its own task, outside act.
      const actEnvironment = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
      try {
        for (let i = 0; i < 50; i++) {
          calls[0]?.emit({ type: 'text-delta', id: 'summary', delta: 'x'.repeat(20) });
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        expect(renders).toBe(before);
        runFrame();
        await new Promise((resolve) => setTimeout(resolve, 0));
      } finally {
        (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
      }
      expect(renders).toBe(before + 1);
      expect(screen.getByTestId('summary').textContent).toHaveLength(1000);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('stops the answer end to end, and stops it on unmount (StrictMode included)', async () => {
    const { client, calls } = scriptedClient();
    const { unmount } = render(
      <StrictMode>
        <Conversation space="sales" client={client} />
      </StrictMode>,
    );
    act(() => screen.getByRole('button', { name: 'Ask' }).click());
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => screen.getByRole('button', { name: 'Stop' }).click());
    expect(calls[0]?.ctx.signal.aborted).toBe(true);

    act(() => screen.getByRole('button', { name: 'Ask' }).click());
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.ctx.signal.aborted).toBe(false);
    unmount();
    expect(calls[1]?.ctx.signal.aborted).toBe(true);
  });
});
