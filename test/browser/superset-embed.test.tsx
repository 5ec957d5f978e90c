import { act, render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { createRef, type ReactNode, StrictMode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fil } from '../../src/core/messages';
import { InsightPulseProvider } from '../../src/react/provider';
import {
  type EmbeddedDashboard,
  type FetchGuestTokenContext,
  GuestTokenError,
  SupersetEmbed,
  type SupersetEmbedError,
  type SupersetEmbedProps,
  type SupersetEmbedTokenOptions,
} from '../../src/react/superset-embed';
import { colors } from '../../themes/tokens';
import type { FakeSupersetRecord } from '../fixtures/fake-superset/page';
import { mintGuestToken, readGuestToken } from '../fixtures/fake-superset/token';

const mintedJti = (token: string | undefined) => readGuestToken(token)?.jti;

const origin = inject('fakeSupersetOrigin');

// Tests wait for states and records (each wait with its own timeout); none relies on the default 5 s.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

/**
 * A clock for the component's token lifecycle, handshake timeout and height poll (its `env` prop): its timers
 * run only when the test advances it, so a refresh or a backoff happens exactly when the test says. It starts
 * at the real time, because the fake Superset page judges tokens by the real clock.
 */
function manualClock() {
  let now = Date.now();
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    env: {
      now: () => now,
      setTimeout: (run: () => void, ms: number) => {
        timers.set(++next, { at: now + Math.max(0, ms), run });
        return next;
      },
      clearTimeout: (handle: unknown) => {
        timers.delete(handle as number);
      },
    },
    pending: () => timers.size,
    /** Moves the clock by `ms`, running each timer that comes due, in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        act(() => due[1].run());
      }
      now = end;
    },
  };
}

/** A dashboard id of its own per test, so the fake's records never mix (the page ignores unknown flags). */
const uid = (flags = '') => `exec-overview~t=${Math.random().toString(36).slice(2, 10)}${flags}`;

async function records(id: string): Promise<FakeSupersetRecord[]> {
  const response = await fetch(`${origin}/__fake-superset/records?id=${encodeURIComponent(id)}`);
  return (await response.json()) as FakeSupersetRecord[];
}

/** Waits until the fake recorded what `check` looks for, and returns it. */
async function recorded<T>(id: string, check: (all: FakeSupersetRecord[]) => T | undefined, timeout = 10_000) {
  let found: T | undefined;
  await vi.waitFor(
    async () => {
      found = check(await records(id));
      if (found === undefined || found === false) throw new Error(`not recorded yet for ${id}`);
    },
    { timeout, interval: 100 },
  );
  return found as T;
}

/** A token's `jti` (the fake page records tokens by it). */
const jtiOf = (token: string | undefined) => mintedJti(token);

const ofType = <T extends FakeSupersetRecord['type']>(all: FakeSupersetRecord[], type: T) =>
  all.filter((record): record is Extract<FakeSupersetRecord, { type: T }> => record.type === type);

type Message = Extract<FakeSupersetRecord, { type: 'message' }>['detail'];

/**
 * The messages the page got on the channel, in order, once all up to the last have been recorded (each is
 * POSTed on its own) and `until` holds.
 */
async function channel(id: string, until: (all: Message[]) => boolean = () => true): Promise<Message[]> {
  let found: Message[] = [];
  await vi.waitFor(
    async () => {
      const all = ofType(await records(id), 'message')
        .map((record) => record.detail)
        .sort((a, b) => a.seq - b.seq);
      if (all.some((message, index) => message.seq !== index + 1) || !until(all)) throw new Error('not yet');
      found = all;
    },
    { timeout: 10_000, interval: 100 },
  );
  return found;
}

type Answer = 'ok' | 'fail' | 'hang';

/**
 * A backend's guest-token endpoint: mints short tokens, and can be made to fail or hang. `plan` answers the
 * first calls in order (so a test does not race the refresh timer); `mode` answers every call after them.
 */
function tokenBackend(
  dashboardId: string,
  options: { ttlSeconds?: number; serverSkewSeconds?: number; plan?: Answer[] } = {},
) {
  const plan = [...(options.plan ?? [])];
  const backend = {
    mode: 'ok' as Answer,
    calls: 0,
    issued: [] as string[],
    signals: [] as AbortSignal[],
    fetchGuestToken: async ({ signal }: FetchGuestTokenContext): Promise<string> => {
      backend.calls++;
      backend.signals.push(signal);
      const answer = plan.shift() ?? backend.mode;
      if (answer === 'hang') return new Promise<string>(() => {});
      if (answer === 'fail') throw new TypeError('Failed to fetch');
      const token = mintGuestToken({
        dashboardId,
        ttlSeconds: options.ttlSeconds ?? 300,
        serverSkewSeconds: options.serverSkewSeconds ?? 0,
      });
      backend.issued.push(token);
      return token;
    },
  };
  return backend;
}

/** Token timing for the backend's 5-minute tokens: a refresh 4 minutes in (by the test's clock). */
const refreshSoon = (retry?: SupersetEmbedTokenOptions['retry']): SupersetEmbedTokenOptions => ({
  refreshBeforeMs: 60_000,
  skewToleranceMs: 0,
  ...(retry ? { retry } : {}),
});

const root = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-slot="superset-embed"]');
const frameOf = (container: HTMLElement) => container.querySelector('iframe');

async function waitForState(container: HTMLElement, state: string, timeout = 10_000) {
  await waitFor(() => expect(root(container)).toHaveAttribute('data-state', state), { timeout });
}

function embed(props: Partial<SupersetEmbedProps> & Pick<SupersetEmbedProps, 'dashboardId' | 'fetchGuestToken'>) {
  return render(<SupersetEmbed supersetDomain={origin} handshakeTimeoutMs={4_000} {...props} />);
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn');
});
afterEach(() => {
  warn.mockRestore();
});

describe('SupersetEmbed: the first embed', () => {
  it('embeds the dashboard with a token sent by message, a named narrow iframe, and reports ready', async () => {
    const id = uid();
    const backend = tokenBackend(id);
    const onLoad = vi.fn();
    const { container } = embed({ dashboardId: id, fetchGuestToken: backend.fetchGuestToken, onLoad });
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(container.querySelector('[data-slot="superset-embed-frame"]')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading Superset dashboard');

    await waitForState(container, 'ready');
    expect(onLoad).toHaveBeenCalledTimes(1);
    expect(typeof onLoad.mock.calls[0]?.[0].getDataMask).toBe('function');
    const frame = frameOf(container);
    expect(frame).not.toBeNull();
    expect(frame?.title).toBe('Superset dashboard');
    expect(frame?.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin');
    expect(frame?.hasAttribute('allow')).toBe(false);
    expect(frame?.referrerPolicy).toBe('strict-origin');
    expect(frame?.src.startsWith(`${origin}/embedded/${id}`)).toBe(true);

    const token = backend.issued[0] as string;
    const all = await recorded(id, (found) => (ofType(found, 'guestToken').length > 0 ? found : undefined));
    expect(all.map((record) => record.type)).toEqual(expect.arrayContaining(['load', 'handshake', 'guestToken']));
    expect(ofType(all, 'guestToken')[0]?.detail.validAtArrival).toBe(true);
    // The token travels by postMessage only: not in the frame's URL, any request URL, or the console.
    expect(frame?.src).not.toContain(token);
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes(token))).toBe(false);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(token);
    expect(backend.calls).toBe(1);
  });

  it('grants only the permissions asked for, and takes a title and a referrer policy', async () => {
    const id = uid();
    const backend = tokenBackend(id);
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: backend.fetchGuestToken,
      permissions: ['downloads', 'fullscreen'],
      title: 'Exec Overview',
      referrerPolicy: 'no-referrer',
    });
    await waitForState(container, 'ready');
    const frame = frameOf(container);
    expect(frame?.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-downloads allow-presentation');
    expect(frame?.getAttribute('allow')).toBe('fullscreen');
    expect(frame?.referrerPolicy).toBe('no-referrer');
    expect(frame?.title).toBe('Exec Overview');
  });

  it('passes axe with the dashboard in place', async () => {
    const id = uid();
    const { container } = embed({ dashboardId: id, fetchGuestToken: tokenBackend(id).fetchGuestToken });
    await waitForState(container, 'ready');
    const results = await axe.run(container);
    expect(results.violations).toEqual([]);
  });
});

describe('SupersetEmbed: the guest token lifecycle', () => {
  it('refreshes the token before it expires and hands it to the dashboard without a reload', async () => {
    const id = uid();
    const clock = manualClock();
    const backend = tokenBackend(id);
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: backend.fetchGuestToken,
      tokenOptions: { refreshBeforeMs: 60_000, skewToleranceMs: 0 },
      env: clock.env,
    });
    await waitForState(container, 'ready');
    clock.advance(239_000);
    expect(backend.calls).toBe(1);
    clock.advance(1_000); // a minute before the 5-minute token expires
    expect(backend.calls).toBe(2);
    const [, second] = await recorded(id, (all) =>
      ofType(all, 'guestToken').length >= 2 ? ofType(all, 'guestToken') : undefined,
    );
    expect(second?.detail.jti).toBe(jtiOf(backend.issued[1]));
    expect(second?.detail.validAtArrival).toBe(true);
    expect(second?.detail.previousExpiredFor).toBe(0);
    expect(ofType(await records(id), 'load')).toHaveLength(1);
  });

  it('refreshes on time by the server’s clock when it runs a minute ahead (the SDK alone would be a minute late)', async () => {
    const id = uid('~skew=60');
    const clock = manualClock();
    const backend = tokenBackend(id, { serverSkewSeconds: 60 });
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: backend.fetchGuestToken,
      tokenOptions: { refreshBeforeMs: 60_000, skewToleranceMs: 0 },
      env: clock.env,
    });
    await waitForState(container, 'ready');
    // The token's exp is 6 minutes ahead by the local clock, but only 5 by the server's: refresh at 4 minutes.
    clock.advance(239_000);
    expect(backend.calls).toBe(1);
    clock.advance(1_000);
    expect(backend.calls).toBe(2);
    const [first, second] = await recorded(id, (all) =>
      ofType(all, 'guestToken').length >= 2 ? ofType(all, 'guestToken') : undefined,
    );
    expect(first?.detail.validAtArrival).toBe(true);
    expect(second?.detail.validAtArrival).toBe(true);
    expect(second?.detail.previousExpiredFor).toBe(0);
    expect(ofType(await records(id), 'tokenExpired')).toHaveLength(0);
  });

  it('gives up on a token fetch that hangs, aborts it, says why, and embeds on "Try again"', async () => {
    const id = uid();
    const backend = tokenBackend(id);
    backend.mode = 'hang';
    const onError = vi.fn<(error: SupersetEmbedError) => void>();
    const onTokenRefreshFailed = vi.fn();
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: backend.fetchGuestToken,
      tokenOptions: { timeoutMs: 300, retry: { attempts: 1, baseDelayMs: 50 } },
      onError,
      onTokenRefreshFailed,
    });
    await waitForState(container, 'error');
    expect(root(container)).toHaveAttribute('data-error', 'token');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0].code).toBe('token');
    expect(onTokenRefreshFailed.mock.calls[0]?.[0]).toBeInstanceOf(GuestTokenError);
    expect(backend.calls).toBe(2);
    expect(backend.signals.every((signal) => signal.aborted)).toBe(true);
    expect(screen.getByRole('alert')).toHaveTextContent('No guest token for the dashboard (expired)');

    backend.mode = 'ok';
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitForState(container, 'ready');
    await recorded(id, (all) => ofType(all, 'guestToken')[0]?.detail.validAtArrival);
  });

  it('shows "session expired" after a refresh fails repeatedly, fires onTokenRefreshFailed once, and reconnects in place', async () => {
    const id = uid();
    const clock = manualClock();
    const backend = tokenBackend(id, { plan: ['ok'] });
    backend.mode = 'fail'; // every refresh after the first token
    const onTokenRefreshFailed = vi.fn();
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: backend.fetchGuestToken,
      tokenOptions: refreshSoon({ attempts: 2, baseDelayMs: 100 }),
      onTokenRefreshFailed,
      env: clock.env,
    });
    await waitForState(container, 'ready');
    clock.advance(240_000); // the refresh fails
    await vi.waitFor(() => expect(backend.calls).toBe(2), { timeout: 5_000 });
    clock.advance(1_000); // both retries fail
    await vi.waitFor(() => expect(backend.calls).toBe(3), { timeout: 5_000 });
    clock.advance(1_000);
    await waitForState(container, 'expired');
    expect(onTokenRefreshFailed).toHaveBeenCalledTimes(1);
    expect(backend.calls).toBe(4); // the first token, then one refresh tried three times
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Your session with Superset dashboard expired.');
    expect(container.querySelector('[data-slot="superset-embed-frame"]')).toHaveProperty('inert', true);

    backend.mode = 'ok';
    await userEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    await waitForState(container, 'ready');
    const tokens = await recorded(id, (all) =>
      ofType(all, 'guestToken').length >= 2 ? ofType(all, 'guestToken') : undefined,
    );
    expect(tokens.at(-1)?.detail.validAtArrival).toBe(true);
    expect(ofType(await records(id), 'load')).toHaveLength(1); // reconnected without reloading the dashboard
    expect(onTokenRefreshFailed).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['the network comes back', () => window.dispatchEvent(new Event('online'))],
    ['the page becomes visible again', () => document.dispatchEvent(new Event('visibilitychange'))],
  ])('refreshes at once when %s, instead of waiting out the backoff', async (_, wake) => {
    const id = uid();
    const clock = manualClock();
    const backend = tokenBackend(id, { plan: ['ok'] });
    backend.mode = 'fail'; // every refresh after the first token (offline: the refresh fails, the next try is a minute away)
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: backend.fetchGuestToken,
      tokenOptions: refreshSoon({ attempts: 5, baseDelayMs: 60_000 }),
      env: clock.env,
    });
    await waitForState(container, 'ready');
    clock.advance(240_000);
    await vi.waitFor(() => expect(backend.calls).toBe(2), { timeout: 5_000 });
    backend.mode = 'ok';
    expect(document.visibilityState).toBe('visible');
    // The clock no longer moves: only the wake-up can bring the next token.
    wake();
    expect(backend.calls).toBe(3);
    await recorded(
      id,
      (all) => ofType(all, 'guestToken').some((record) => record.detail.jti === jtiOf(backend.issued[1])) || undefined,
    );
    expect(root(container)).toHaveAttribute('data-state', 'ready');
  });

  it('leaves no timer and no fetch behind when unmounted during a refresh', async () => {
    const id = uid();
    const clock = manualClock();
    const backend = tokenBackend(id, { plan: ['ok'] });
    backend.mode = 'hang'; // every refresh after the first token
    // Every global timer created by the library, until it runs or is cleared: with an env there must be none.
    const pending = new Map<number, string>();
    const ours = (stack = '') => /src\/(core|react)\/superset|switchboard/.test(stack);
    const { setTimeout: realSet, clearTimeout: realClear } = window;
    const set = vi.spyOn(window, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      const stack = new Error().stack ?? '';
      const handle: number = realSet(() => {
        pending.delete(handle);
        callback();
      }, ms);
      if (ours(stack)) pending.set(handle, stack);
      return handle;
    }) as typeof window.setTimeout);
    const clear = vi.spyOn(window, 'clearTimeout').mockImplementation(((handle?: number) => {
      if (handle !== undefined) pending.delete(handle);
      realClear(handle);
    }) as typeof window.clearTimeout);
    try {
      const { container, unmount } = embed({
        dashboardId: id,
        fetchGuestToken: backend.fetchGuestToken,
        tokenOptions: refreshSoon(),
        env: clock.env,
      });
      await waitForState(container, 'ready');
      expect(clock.pending()).toBeGreaterThan(0);
      clock.advance(240_000);
      expect(backend.calls).toBe(2);
      const refresh = backend.signals[1] as AbortSignal;
      expect(refresh.aborted).toBe(false);
      unmount();
      expect(clock.pending()).toBe(0);
      expect([...pending.values()]).toEqual([]);
      expect(refresh.aborted).toBe(true);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });
});

describe('SupersetEmbed: height', () => {
  it('follows the dashboard’s height with height="auto"', async () => {
    const id = uid('~h=900');
    const { container } = embed({ dashboardId: id, fetchGuestToken: tokenBackend(id).fetchGuestToken });
    await waitForState(container, 'ready');
    await waitFor(() => expect(root(container)?.getBoundingClientRect().height).toBeGreaterThanOrEqual(900), {
      timeout: 10_000,
    });
    expect(root(container)?.getBoundingClientRect().height).toBeLessThan(960);
  });

  it('stops, with a warning, a dashboard that grows whenever its frame grows', async () => {
    const id = uid('~grow');
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: tokenBackend(id).fetchGuestToken,
      autoHeight: { minHeight: 480, maxHeight: 20_000 },
    });
    await waitForState(container, 'ready');
    await vi.waitFor(
      () => expect(warn).toHaveBeenCalledWith(expect.stringContaining('grows whenever its frame grows')),
      {
        timeout: 8_000,
      },
    );
    const stopped = root(container)?.getBoundingClientRect().height ?? 0;
    expect(stopped).toBeGreaterThan(480);
    expect(stopped).toBeLessThanOrEqual(480 + 3 * 120);
    const asked = (await channel(id)).filter((message) => message.method === 'getScrollSize').length;
    // Two more polls answered, and the frame did not grow.
    await channel(id, (all) => all.filter((message) => message.method === 'getScrollSize').length >= asked + 2);
    expect(root(container)?.getBoundingClientRect().height).toBe(stopped);
  });

  it('keeps a fixed height and does not ask the dashboard for its size', async () => {
    const id = uid('~h=1500');
    const clock = manualClock();
    let dashboard: EmbeddedDashboard | undefined;
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: tokenBackend(id).fetchGuestToken,
      height: 420,
      env: clock.env,
      onLoad: (handle) => {
        dashboard = handle;
      },
    });
    await waitForState(container, 'ready');
    clock.advance(5_000); // five poll periods
    await dashboard?.getDataMask(); // a marker: every message before it has been sent
    const sent = await channel(id, (all) => all.some((message) => message.method === 'getDataMask'));
    // One question only: the one that showed the dashboard answers.
    expect(sent.filter((message) => message.method === 'getScrollSize')).toHaveLength(1);
    expect(root(container)?.getBoundingClientRect().height).toBe(420);
  });
});

function Themed({ children }: { children: (mode: 'light' | 'dark') => ReactNode }) {
  const [mode, setMode] = useState<'light' | 'dark'>('light');
  return (
    <InsightPulseProvider theme={mode}>
      <button type="button" onClick={() => setMode(mode === 'light' ? 'dark' : 'light')}>
        Switch theme
      </button>
      {children(mode)}
    </InsightPulseProvider>
  );
}

function Filtered({ id, fetchGuestToken }: { id: string; fetchGuestToken: SupersetEmbedProps['fetchGuestToken'] }) {
  const [region, setRegion] = useState('NCR');
  return (
    <>
      <button type="button" onClick={() => setRegion('Visayas')}>
        Visayas
      </button>
      <SupersetEmbed
        supersetDomain={origin}
        dashboardId={id}
        fetchGuestToken={fetchGuestToken}
        filters={{
          native: { 'NATIVE_FILTER-region': { column: 'region', value: [region] } },
          urlParams: { year: 2025 },
        }}
        uiConfig={{ hideTitle: true, filters: { expanded: false } }}
      />
    </>
  );
}

describe('SupersetEmbed: theme and filters', () => {
  it('sends the InsightPulse theme and follows the provider’s switch without a reload', async () => {
    const id = uid();
    const backend = tokenBackend(id);
    const { container } = render(
      <Themed>
        {() => <SupersetEmbed supersetDomain={origin} dashboardId={id} fetchGuestToken={backend.fetchGuestToken} />}
      </Themed>,
    );
    await waitForState(container, 'ready');
    await recorded(id, (all) => ofType(all, 'setThemeMode').find((record) => record.detail.mode === 'default'));
    const light = await recorded(id, (all) => ofType(all, 'setThemeConfig')[0]);
    expect(light.detail.colorBgBase).toBe(colors.light.background);
    expect(light.detail.colorPrimary).toBe(colors.light.primary);

    await userEvent.click(screen.getByRole('button', { name: 'Switch theme' }));
    await recorded(id, (all) => ofType(all, 'setThemeMode').find((record) => record.detail.mode === 'dark'));
    const dark = await recorded(id, (all) => ofType(all, 'setThemeConfig')[1]);
    expect(dark.detail.colorBgBase).toBe(colors.dark.background);
    expect(ofType(await records(id), 'load')).toHaveLength(1);
  });

  it('leaves the dashboard’s own theme with theme={false}', async () => {
    const id = uid();
    let dashboard: EmbeddedDashboard | undefined;
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: tokenBackend(id).fetchGuestToken,
      theme: false,
      onLoad: (handle) => {
        dashboard = handle;
      },
    });
    await waitForState(container, 'ready');
    await dashboard?.getDataMask(); // a marker sent after everything that follows ready
    const sent = await channel(id, (all) => all.some((message) => message.method === 'getDataMask'));
    expect(sent.map((message) => message.method)).not.toContain('setThemeMode');
    expect(sent.map((message) => message.method)).not.toContain('setThemeConfig');
  });

  it('applies native filters and URL parameters at embed time, and embeds again when they change', async () => {
    const id = uid();
    const backend = tokenBackend(id);
    const { container } = render(<Filtered id={id} fetchGuestToken={backend.fetchGuestToken} />);
    await waitForState(container, 'ready');
    const load = await recorded(id, (all) => ofType(all, 'load')[0]);
    expect(load.detail.urlParams).toMatchObject({ year: '2025' });
    expect(load.detail.uiConfig & 1).toBe(1);
    expect(load.detail.nativeFilters).toMatchObject({
      'NATIVE_FILTER-region': {
        extraFormData: { filters: [{ col: 'region', op: 'IN', val: ['NCR'] }] },
        filterState: { value: ['NCR'] },
      },
    });
    expect(new URLSearchParams(load.detail.search).get('expand_filters')).toBe('false');

    await userEvent.click(screen.getByRole('button', { name: 'Visayas' }));
    const reload = await recorded(id, (all) => ofType(all, 'load')[1]);
    expect(reload.detail.nativeFilters).toMatchObject({
      'NATIVE_FILTER-region': { filterState: { value: ['Visayas'] } },
    });
    await waitForState(container, 'ready');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cannot change the filters of a loaded dashboard'));
    expect(backend.calls).toBe(1); // the token was reused
  });

  it('reports filter changes made in the dashboard through onDataMaskChange', async () => {
    const id = uid();
    const onDataMaskChange = vi.fn();
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: tokenBackend(id).fetchGuestToken,
      onDataMaskChange,
    });
    await waitForState(container, 'ready');
    const dashboard = page.frameLocator(page.elementLocator(frameOf(container) as HTMLIFrameElement));
    await dashboard.getByRole('button', { name: 'Filter region: Visayas' }).click();
    await vi.waitFor(() => expect(onDataMaskChange).toHaveBeenCalled(), { timeout: 10_000 });
    expect(onDataMaskChange.mock.calls[0]?.[0]).toMatchObject({ nativeFiltersChanged: true });
  });

  it('refuses bad filters with an invalid-props error that names the bad one', async () => {
    const id = uid();
    const onError = vi.fn();
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: tokenBackend(id).fetchGuestToken,
      filters: { native: { 'NATIVE_FILTER-region': { column: 'region', value: [{ html: '<b>' }] as never } } },
      onError,
    });
    await waitForState(container, 'error');
    expect(root(container)).toHaveAttribute('data-error', 'invalid-props');
    expect(screen.getByRole('alert')).toHaveTextContent('filters.native["NATIVE_FILTER-region"].value[0]');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(frameOf(container)).toBeNull();
  });
});

describe('SupersetEmbed: errors that say why', () => {
  it.each([
    ['X-Frame-Options: DENY', '~xfo'],
    ['CSP frame-ancestors', '~csp'],
    ['a page that never answers', '~silent'],
  ])('calls a dashboard refused when Superset answers but the dashboard never starts (%s)', async (_, flag) => {
    const id = uid(flag);
    const onError = vi.fn<(error: SupersetEmbedError) => void>();
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: tokenBackend(id).fetchGuestToken,
      handshakeTimeoutMs: 1_500,
      onError,
    });
    await waitForState(container, 'error');
    expect(root(container)).toHaveAttribute('data-error', 'refused');
    expect(onError.mock.calls[0]?.[0].code).toBe('refused');
    expect(screen.getByRole('alert')).toHaveTextContent(/X-Frame-Options/);
    expect(frameOf(container)).toBeNull();
  });

  it('waits for a slow first token instead of calling the dashboard refused', async () => {
    const id = uid();
    // The frame loads at once; the token comes only after a failed call and a backoff of 3 s.
    const clock = manualClock();
    const backend = tokenBackend(id, { plan: ['fail'] });
    const { container } = embed({
      dashboardId: id,
      fetchGuestToken: backend.fetchGuestToken,
      handshakeTimeoutMs: 1_000,
      tokenOptions: { retry: { attempts: 1, baseDelayMs: 3_000 } },
      env: { ...clock.env, random: () => 1 },
    });
    await recorded(id, (all) => ofType(all, 'load')[0]);
    await vi.waitFor(() => expect(backend.calls).toBe(1), { timeout: 5_000 });
    clock.advance(2_999); // more than twice the handshake timeout, but no token yet: not refused
    expect(root(container)).toHaveAttribute('data-state', 'loading');
    expect(backend.calls).toBe(1);
    clock.advance(1);
    expect(backend.calls).toBe(2);
    await waitForState(container, 'ready');
  });

  it('calls Superset unreachable when nothing answers at its domain', async () => {
    const id = uid();
    const { container } = render(
      <SupersetEmbed
        supersetDomain="http://127.0.0.1:9"
        dashboardId={id}
        fetchGuestToken={tokenBackend(id).fetchGuestToken}
        handshakeTimeoutMs={1_500}
      />,
    );
    await waitForState(container, 'error');
    expect(root(container)).toHaveAttribute('data-error', 'unreachable');
    expect(screen.getByRole('alert')).toHaveTextContent('could not be reached');
  });

  it('refuses a domain with credentials without embedding, and repeats no secret', async () => {
    const id = uid();
    const backend = tokenBackend(id);
    const { container } = render(
      <SupersetEmbed
        supersetDomain="https://admin:hunter2@bi.example.com"
        dashboardId={id}
        fetchGuestToken={backend.fetchGuestToken}
      />,
    );
    await waitForState(container, 'error');
    expect(root(container)).toHaveAttribute('data-error', 'invalid-props');
    expect(container.textContent).not.toContain('hunter2');
    expect(backend.calls).toBe(0);
  });

  it("says why in the catalogue's language: in Filipino, by the error's code", async () => {
    const id = uid();
    const { container } = render(
      <InsightPulseProvider locale="fil-PH" messages={fil}>
        <SupersetEmbed
          title="Benta"
          supersetDomain="https://admin:hunter2@bi.example.com"
          dashboardId={id}
          fetchGuestToken={tokenBackend(id).fetchGuestToken}
        />
      </InsightPulseProvider>,
    );
    await waitForState(container, 'error');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Hindi maipakita ang Benta.Hindi mai-embed ang dashboard: tingnan ang supersetDomain at dashboardId.',
    );
  });

  it('embeds an older Superset that lacks theme and data-mask methods', async () => {
    const id = uid('~legacy');
    const onLoad = vi.fn();
    const { container } = embed({ dashboardId: id, fetchGuestToken: tokenBackend(id).fetchGuestToken, onLoad });
    await waitForState(container, 'ready');
    await expect(onLoad.mock.calls[0]?.[0].getDataMask()).rejects.toBeTruthy();
  });

  it('embeds once in StrictMode', async () => {
    const id = uid();
    const backend = tokenBackend(id);
    const { container } = render(
      <StrictMode>
        <SupersetEmbed supersetDomain={origin} dashboardId={id} fetchGuestToken={backend.fetchGuestToken} />
      </StrictMode>,
    );
    await waitForState(container, 'ready');
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(ofType(await records(id), 'load')).toHaveLength(1);
  });
});

/** A dashboard whose 5-minute token cannot be refreshed (one try, 4 minutes in, by the test's clock). */
async function embedThatWillExpire() {
  const id = uid();
  const clock = manualClock();
  const backend = tokenBackend(id, { plan: ['ok'] });
  backend.mode = 'fail'; // every refresh after the first token
  const { container } = embed({
    dashboardId: id,
    fetchGuestToken: backend.fetchGuestToken,
    tokenOptions: refreshSoon({ attempts: 0 }),
    env: clock.env,
  });
  await waitForState(container, 'ready');
  /** Runs the refresh, which fails: the component says the session expired. */
  const expire = () => clock.advance(240_000);
  return { backend, container, expire };
}

describe('SupersetEmbed: changes in place', () => {
  it('moves to another dashboard without a false error, with a token for the new one', async () => {
    const first = uid();
    const second = uid();
    const onError = vi.fn();
    const tokens = (dashboardId: string) => tokenBackend(dashboardId).fetchGuestToken;
    const view = (dashboardId: string) => (
      <SupersetEmbed
        supersetDomain={origin}
        dashboardId={dashboardId}
        fetchGuestToken={tokens(dashboardId)}
        onError={onError}
      />
    );
    const { container, rerender } = render(view(first));
    await waitForState(container, 'ready');
    rerender(view(second));
    await recorded(second, (all) => ofType(all, 'guestToken')[0]?.detail.validAtArrival);
    await waitForState(container, 'ready');
    expect(onError).not.toHaveBeenCalled();
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
  });

  it('renames the iframe without reloading the dashboard', async () => {
    const id = uid();
    const fetchGuestToken = tokenBackend(id).fetchGuestToken;
    const view = (title: string) => (
      <SupersetEmbed supersetDomain={origin} dashboardId={id} fetchGuestToken={fetchGuestToken} title={title} />
    );
    const { container, rerender } = render(view('Exec Overview'));
    await waitForState(container, 'ready');
    rerender(view('Executive overview, Q4'));
    await waitFor(() => expect(frameOf(container)?.title).toBe('Executive overview, Q4'), { timeout: 5_000 });
    expect(ofType(await records(id), 'load')).toHaveLength(1);
  });

  it('keeps the SDK linked when the dashboard reloads its page, and gives the new page a token', async () => {
    const id = uid();
    const onLoad = vi.fn();
    const { container } = embed({ dashboardId: id, fetchGuestToken: tokenBackend(id).fetchGuestToken, onLoad });
    await waitForState(container, 'ready');
    const frame = frameOf(container) as HTMLIFrameElement;
    frame.setAttribute('src', frame.src); // the document navigates, as a reload inside the dashboard would
    await recorded(id, (all) => ofType(all, 'handshake').length >= 2 || undefined);
    const tokens = await recorded(id, (all) => {
      const secondLoad = ofType(all, 'load')[1];
      const after = ofType(all, 'guestToken').filter((record) => secondLoad && record.at >= secondLoad.at);
      return after.length > 0 ? after : undefined;
    });
    expect(tokens[0]?.detail.validAtArrival).toBe(true);
    // The new page gets the theme again.
    await recorded(id, (all) => {
      const secondLoad = ofType(all, 'load')[1];
      return ofType(all, 'setThemeMode').some((record) => secondLoad && record.at >= secondLoad.at) || undefined;
    });
    // The SDK's handle talks to the new page.
    const dashboard = onLoad.mock.calls[0]?.[0];
    await expect(dashboard.getScrollSize()).resolves.toMatchObject({ height: expect.any(Number) });
    expect(root(container)).toHaveAttribute('data-state', 'ready');
  });

  it('leaves "expired" by itself when the network comes back and the refresh succeeds', async () => {
    const { backend, container, expire } = await embedThatWillExpire();
    expire();
    await waitForState(container, 'expired');
    backend.mode = 'ok';
    window.dispatchEvent(new Event('online'));
    await waitForState(container, 'ready', 3_000);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('moves focus to Reconnect when the session expires under it, and back to the dashboard after', async () => {
    const { backend, container, expire } = await embedThatWillExpire();
    const frame = frameOf(container) as HTMLIFrameElement;
    frame.focus();
    expect(document.activeElement).toBe(frame);
    expire();
    await waitForState(container, 'expired');
    const reconnect = screen.getByRole('button', { name: 'Reconnect' });
    expect(document.activeElement).toBe(reconnect);
    backend.mode = 'ok';
    await userEvent.click(reconnect);
    await waitForState(container, 'ready');
    await waitFor(() => expect(document.activeElement).toBe(frameOf(container)), { timeout: 10_000 });
  });

  it('sets new native filters in place where the SDK can (feature-detected), without a reload', async () => {
    const id = uid();
    const fetchGuestToken = tokenBackend(id).fetchGuestToken;
    const setDataMask = vi.fn();
    // A future SDK's handle: the same handle, with the method no released SDK has yet.
    const onLoad = (dashboard: object) => Object.assign(dashboard, { setDataMask });
    const view = (region: string) => (
      <SupersetEmbed
        supersetDomain={origin}
        dashboardId={id}
        fetchGuestToken={fetchGuestToken}
        onLoad={onLoad}
        filters={{ native: { 'NATIVE_FILTER-region': { column: 'region', value: [region] } } }}
      />
    );
    const { container, rerender } = render(view('NCR'));
    await waitForState(container, 'ready');
    rerender(view('Mindanao'));
    await waitFor(() => expect(setDataMask).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(setDataMask.mock.calls[0]?.[0]).toMatchObject({
      'NATIVE_FILTER-region': { filterState: { value: ['Mindanao'] } },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ofType(await records(id), 'load')).toHaveLength(1);
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining('cannot change the filters'));
  });
});

describe('SupersetEmbed: refs', () => {
  it('gives a consumer’s ref the root element, and still moves focus and sets inert with it', async () => {
    const id = uid();
    const clock = manualClock();
    const backend = tokenBackend(id, { plan: ['ok'] });
    backend.mode = 'fail';
    const ref = createRef<HTMLDivElement>();
    const { container } = render(
      <SupersetEmbed
        ref={ref}
        supersetDomain={origin}
        dashboardId={id}
        fetchGuestToken={backend.fetchGuestToken}
        tokenOptions={refreshSoon({ attempts: 0 })}
        env={clock.env}
        data-testid="consumer-prop"
        tabIndex={0}
      />,
    );
    expect(ref.current).toBe(root(container));
    // The component's own attributes win over a consumer's.
    expect(ref.current).toHaveAttribute('data-testid', 'consumer-prop');
    expect(ref.current).toHaveAttribute('tabindex', '-1');
    await waitForState(container, 'ready');
    (frameOf(container) as HTMLIFrameElement).focus();
    clock.advance(240_000);
    await waitForState(container, 'expired');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reconnect' }));
    expect(container.querySelector('[data-slot="superset-embed-frame"]')).toHaveProperty('inert', true);
  });

  it('calls a consumer’s callback ref with the root, and with null when it goes', async () => {
    const seen: (HTMLDivElement | null)[] = [];
    const { container, unmount } = render(
      <SupersetEmbed
        ref={(element) => {
          seen.push(element);
        }}
        supersetDomain="not a url"
        dashboardId="x"
        fetchGuestToken={async () => 'never'}
      />,
    );
    await waitForState(container, 'error');
    expect(seen[0]).toBe(root(container));
    // Focus moves to the panel of an error the user caused, through the component's own ref.
    unmount();
    expect(seen.at(-1)).toBeNull();
  });
});
