// @vitest-environment node
import { Switchboard } from '@superset-ui/switchboard';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSupersetEmbedController,
  type FetchGuestTokenContext,
  type SupersetEmbedController,
  type SupersetEmbedControllerOptions,
  type SupersetEmbedError,
  type SupersetEmbedFrameSpec,
  type SupersetEmbedSettings,
} from '../../src/core/superset';

/**
 * The embed controller in Node, with an injected clock and a fake page: MessagePorts that deliver in
 * microtasks, and a dashboard that answers with the official Switchboard, as Superset's embedded page does.
 */

const T0 = Date.UTC(2026, 0, 6, 9, 0, 0);
const DOMAIN = 'https://bi.example.com';
const b64url = (text: string) => Buffer.from(text).toString('base64url');
let serial = 0;

/** A guest token issued `now` (ms), living `lifetimeS` seconds, with a secret marker in its payload. */
function token(now: number, lifetimeS = 300): string {
  const iat = Math.floor(now / 1000);
  const payload = { sub: 'TOPSECRET', jti: `t${++serial}`, iat, exp: iat + lifetimeS };
  return `${b64url('{"alg":"HS256"}')}.${b64url(JSON.stringify(payload))}.${b64url('sig')}`;
}
const jti = (value: string) => JSON.parse(Buffer.from(value.split('.')[1] as string, 'base64url').toString()).jti;

/** Lets queued messages and promise callbacks run (no clock moves). */
async function flush() {
  for (let i = 0; i < 30; i++) await Promise.resolve();
}

/** A clock whose timers run only when the test advances it. */
function fakeClock() {
  let now = T0;
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => {
      timers.set(++next, { at: now + Math.max(0, ms), run });
      return next;
    },
    clearTimeout: (handle: unknown) => {
      timers.delete(handle as number);
    },
    random: () => 1,
    pending: () => timers.size,
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await flush();
      }
      now = end;
      await flush();
    },
  };
}

type Listener = (event: { data: unknown }) => void;

/** One end of an in-memory MessageChannel: messages queue until `start()`, and are delivered in microtasks. */
class FakePort {
  other: FakePort | undefined;
  closed = false;
  started = false;
  readonly sent: unknown[] = [];
  private readonly listeners = new Set<Listener>();
  private readonly queue: unknown[] = [];
  postMessage(data: unknown) {
    if (this.closed) return;
    this.sent.push(structuredClone(data));
    const other = this.other;
    queueMicrotask(() => other?.deliver(structuredClone(data)));
  }
  deliver(data: unknown) {
    if (this.closed) return;
    if (!this.started) {
      this.queue.push(data);
      return;
    }
    for (const listener of [...this.listeners]) listener({ data });
  }
  addEventListener(_type: 'message', listener: Listener) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'message', listener: Listener) {
    this.listeners.delete(listener);
  }
  start() {
    this.started = true;
    for (const data of this.queue.splice(0)) this.deliver(data);
  }
  close() {
    this.closed = true;
  }
}

function fakeChannel() {
  const port1 = new FakePort();
  const port2 = new FakePort();
  port1.other = port2;
  port2.other = port1;
  return { port1, port2 };
}

/** What the fake dashboard page saw: one entry per document the frame loaded. */
interface Page {
  handshake: unknown;
  port: FakePort;
  tokens: string[];
  themeModes: string[];
  themeConfigs: unknown[];
  emitDataMask(mask: Record<string, unknown>): void;
}

/** The iframe and the Superset page inside it. `silent` pages never answer the handshake (framing refused). */
function fakeHost(options: { height?: number; silent?: boolean; legacy?: boolean; answers?: boolean } = {}) {
  const frames: { spec: SupersetEmbedFrameSpec; load: () => Promise<void>; removed: boolean; title: string }[] = [];
  const pages: Page[] = [];
  let answered = options.answers ?? true;
  const host = {
    createFrame: vi.fn((spec: SupersetEmbedFrameSpec, onLoad: () => void) => {
      const frame = {
        spec,
        removed: false,
        title: spec.title,
        load: async () => {
          onLoad();
          await flush();
        },
      };
      frames.push(frame);
      return {
        postMessage(message: unknown, targetOrigin: string, transfer: unknown[]) {
          expect(targetOrigin).toBe(DOMAIN);
          expect(transfer).toHaveLength(1);
          if (options.silent) return;
          const port = transfer[0] as FakePort;
          const page: Page = {
            handshake: message,
            port,
            tokens: [],
            themeModes: [],
            themeConfigs: [],
            emitDataMask: (mask) => board.emit('observeDataMask', mask),
          };
          pages.push(page);
          const board = new Switchboard({ port: port as unknown as MessagePort, name: 'superset' });
          board.defineMethod('guestToken', ({ guestToken }: { guestToken: string }) => {
            page.tokens.push(guestToken);
          });
          board.defineMethod('getScrollSize', () => ({ width: 800, height: options.height ?? 640 }));
          if (!options.legacy) {
            board.defineMethod('getDataMask', () => ({}));
            board.defineMethod('setThemeConfig', ({ themeConfig }: { themeConfig: unknown }) => {
              page.themeConfigs.push(themeConfig);
            });
            board.defineMethod('setThemeMode', ({ mode }: { mode: string }) => {
              page.themeModes.push(mode);
            });
          }
          board.start();
        },
        setTitle(title: string) {
          frame.title = title;
        },
        remove() {
          frame.removed = true;
        },
      };
    }),
    probe: vi.fn(async () => answered),
    isHidden: () => false,
    setAnswers: (value: boolean) => {
      answered = value;
    },
  };
  return { host, frames, pages };
}

type Answer = 'ok' | 'fail' | 'hang';

function backend(clock: ReturnType<typeof fakeClock>, plan: Answer[] = [], otherwise: Answer = 'ok', lifetimeS = 300) {
  const calls: AbortSignal[] = [];
  const issued: string[] = [];
  const fetchGuestToken = vi.fn(async ({ signal }: FetchGuestTokenContext) => {
    calls.push(signal);
    const answer = plan.shift() ?? otherwise;
    if (answer === 'hang') return new Promise<string>(() => {});
    if (answer === 'fail') throw new Error('backend answered 502');
    const value = token(clock.now(), lifetimeS);
    issued.push(value);
    return value;
  });
  return { fetchGuestToken, calls, issued };
}

let controller: SupersetEmbedController | undefined;
afterEach(() => {
  controller?.destroy();
  controller = undefined;
});

function setup(
  overrides: Partial<SupersetEmbedControllerOptions> & { settings?: SupersetEmbedSettings } = {},
  hostOptions: Parameters<typeof fakeHost>[0] = {},
  tokens?: ReturnType<typeof backend>,
) {
  const clock = fakeClock();
  const fake = fakeHost(hostOptions);
  const api = tokens ?? backend(clock);
  const events = {
    onLoad: vi.fn(),
    onError: vi.fn<(error: SupersetEmbedError) => void>(),
    onTokenRefreshFailed: vi.fn(),
    onDataMaskChange: vi.fn(),
    warn: vi.fn(),
  };
  const created = createSupersetEmbedController({
    supersetDomain: DOMAIN,
    dashboardId: 'exec-overview',
    fetchGuestToken: api.fetchGuestToken,
    host: fake.host,
    env: { ...clock, createChannel: () => fakeChannel() as unknown as MessageChannel },
    loadSwitchboard: async () => (params) => new Switchboard(params),
    events,
    ...overrides,
  });
  controller = created;
  const states: string[] = [];
  // The states in the order they were entered (a snapshot also changes with the height).
  created.subscribe(() => {
    const { state } = created.getSnapshot();
    if (states.at(-1) !== state) states.push(state);
  });
  return { controller: created, clock, ...fake, api, events, states };
}

/** Starts, loads the frame, and waits until the dashboard answered. */
async function embedReady(setupResult: ReturnType<typeof setup>) {
  setupResult.controller.start();
  await flush();
  await setupResult.frames[0]?.load();
  expect(setupResult.controller.getSnapshot().state).toBe('ready');
  return setupResult;
}

describe('the embed controller: first embed', () => {
  it('builds the frame, hands over one port, sends the token on the channel and is ready when the page answers', async () => {
    const s = setup({ settings: { uiConfig: { hideTitle: true, filters: { expanded: false } } } });
    s.controller.setTheme({ mode: 'dark', config: { token: { colorPrimary: '#123456' } } });
    expect(s.controller.getSnapshot().state).toBe('loading');
    s.controller.start();
    await flush();
    expect(s.frames).toHaveLength(1);
    const spec = s.frames[0]?.spec as SupersetEmbedFrameSpec;
    expect(spec).toMatchObject({
      title: 'Superset dashboard',
      sandbox: ['allow-scripts', 'allow-same-origin'],
      allow: [],
      referrerPolicy: 'strict-origin',
    });
    expect(spec.src).toBe(`${DOMAIN}/embedded/exec-overview?uiConfig=1&expand_filters=false`);
    expect(s.pages).toHaveLength(0); // nothing is posted before the frame loads

    await s.frames[0]?.load();
    const page = s.pages[0] as Page;
    expect(page.handshake).toEqual({ type: '__embedded_comms__', handshake: 'port transfer' });
    expect(page.tokens).toEqual(s.api.issued);
    expect(s.controller.getSnapshot()).toMatchObject({ state: 'ready', error: undefined, height: 640 });
    expect(s.events.onLoad).toHaveBeenCalledTimes(1);
    expect(page.themeModes).toEqual(['dark']);
    expect(page.themeConfigs).toEqual([{ token: { colorPrimary: '#123456' } }]);
    expect(s.states).toEqual(['loading', 'ready']);
    expect(spec.src).not.toContain(s.api.issued[0]);
  });

  it('refuses a bad domain or bad filters as invalid-props, without a frame or a token fetch', async () => {
    const bad = setup({ supersetDomain: 'https://admin:hunter2@bi.example.com' });
    bad.controller.start();
    await flush();
    expect(bad.controller.getSnapshot().error?.code).toBe('invalid-props');
    expect(bad.controller.getSnapshot().error?.message).not.toContain('hunter2');
    expect(bad.frames).toHaveLength(0);
    expect(bad.api.fetchGuestToken).not.toHaveBeenCalled();
    bad.controller.destroy();

    const filters = setup({
      settings: { filters: { native: { f: { column: 'region', value: [{ html: '<b>' }] as never } } } },
    });
    filters.controller.start();
    await flush();
    expect(filters.controller.getSnapshot().error?.code).toBe('invalid-props');
    expect(filters.controller.getSnapshot().error?.message).toContain('filters.native["f"].value[0]');
    expect(filters.events.onError).toHaveBeenCalledTimes(1);
    // Good filters embed it.
    filters.controller.configure({ filters: { native: { f: { column: 'region', value: ['NCR'] } } } });
    await flush();
    expect(filters.frames).toHaveLength(1);
    expect(filters.frames[0]?.spec.src).toContain('native_filters=');
  });

  it('calls a dashboard refused, or Superset unreachable, when no page answers within the handshake timeout', async () => {
    for (const answers of [true, false]) {
      const s = setup({ settings: { handshakeTimeoutMs: 1_000 } }, { silent: true, answers });
      s.controller.start();
      await flush();
      await s.frames[0]?.load();
      await s.clock.advance(999);
      expect(s.controller.getSnapshot().state).toBe('loading');
      await s.clock.advance(1);
      expect(s.host.probe).toHaveBeenCalledWith(`${DOMAIN}/embedded/exec-overview`, expect.any(AbortSignal));
      expect(s.controller.getSnapshot().error?.code).toBe(answers ? 'refused' : 'unreachable');
      expect(s.events.onError).toHaveBeenCalledTimes(1);
      expect(s.frames[0]?.removed).toBe(true);
      expect(s.clock.pending()).toBe(1); // the token source's refresh; the embed left none
      s.controller.destroy();
      expect(s.clock.pending()).toBe(0);
    }
  });

  it('gives a frame still loading when the token came twice the handshake timeout', async () => {
    const s = setup({ settings: { handshakeTimeoutMs: 1_000 } });
    s.controller.start();
    await flush(); // the token is in hand; the frame has not loaded
    await s.clock.advance(1_500);
    expect(s.controller.getSnapshot().state).toBe('loading');
    await s.frames[0]?.load();
    expect(s.controller.getSnapshot().state).toBe('ready');
  });

  it('reports a token that cannot be had as a token error, with the GuestTokenError as its cause', async () => {
    const clock = fakeClock();
    const s = setup(
      { tokenOptions: { timeoutMs: 100, retry: { attempts: 1, baseDelayMs: 10 } } },
      {},
      backend(clock, [], 'hang'),
    );
    s.controller.start();
    await flush();
    await s.clock.advance(1_000);
    const error = s.controller.getSnapshot().error;
    expect(error?.code).toBe('token');
    expect(error?.cause).toMatchObject({ name: 'GuestTokenError', code: 'expired' });
    expect(s.events.onTokenRefreshFailed).toHaveBeenCalledTimes(1);
    expect(s.api.calls.every((signal) => signal.aborted)).toBe(true);
  });
});

describe('the embed controller: the token on the channel', () => {
  it('sends each refreshed token on the same channel the moment it comes, by the skew-corrected clock', async () => {
    const s = await embedReady(setup({ tokenOptions: { refreshBeforeMs: 60_000, skewToleranceMs: 0 } }));
    const page = s.pages[0] as Page;
    await s.clock.advance(239_000);
    expect(page.tokens).toHaveLength(1);
    await s.clock.advance(1_000); // 60 s before the 300 s token expires
    expect(page.tokens.map(jti)).toEqual(s.api.issued.map(jti));
    expect(page.tokens).toHaveLength(2);
    expect(s.frames).toHaveLength(1);
    expect(s.pages).toHaveLength(1);
  });

  it('goes to expired when a refresh gives up, and reconnects in place on the same page', async () => {
    const clock = fakeClock();
    const s = await embedReady(
      setup(
        { tokenOptions: { refreshBeforeMs: 60_000, skewToleranceMs: 0, retry: { attempts: 1, baseDelayMs: 100 } } },
        {},
        backend(clock, ['ok'], 'fail'),
      ),
    );
    await s.clock.advance(241_000);
    expect(s.controller.getSnapshot().state).toBe('expired');
    expect(s.events.onTokenRefreshFailed).toHaveBeenCalledTimes(1);

    s.api.fetchGuestToken.mockImplementation(async () => {
      const value = token(s.clock.now());
      s.api.issued.push(value);
      return value;
    });
    s.controller.reconnect();
    expect(s.controller.getSnapshot().reconnecting).toBe(true);
    await flush();
    expect(s.controller.getSnapshot()).toMatchObject({ state: 'ready', reconnecting: false });
    expect((s.pages[0] as Page).tokens.at(-1)).toBe(s.api.issued.at(-1));
    expect(s.frames).toHaveLength(1);
    expect(s.states).toEqual(['loading', 'ready', 'expired', 'ready']);
  });

  it('gives a page the dashboard reloads a new channel, the token and the theme; the handle follows it', async () => {
    const s = setup();
    s.controller.setTheme({ mode: 'light', config: {} });
    await embedReady(s);
    const handle = s.events.onLoad.mock.calls[0]?.[0];
    await s.frames[0]?.load(); // the document navigated
    expect(s.pages).toHaveLength(2);
    const [first, second] = s.pages as [Page, Page];
    expect(first.port.closed).toBe(false); // the page's end; ours is closed
    expect(second.tokens).toEqual([s.api.issued[0]]);
    expect(second.themeModes).toEqual(['default']);
    const size = handle.getScrollSize();
    await flush();
    await expect(size).resolves.toEqual({ width: 800, height: 640 });
  });

  it('never puts the token in a frame spec, an error or a warning', async () => {
    const s = await embedReady(setup());
    const value = s.api.issued[0] as string;
    expect(JSON.stringify(s.frames.map((frame) => frame.spec))).not.toContain(value);
    expect(JSON.stringify(s.events.warn.mock.calls)).not.toContain(value);
    const sent = (s.pages[0] as Page).port.other?.sent ?? [];
    expect(sent[0]).toEqual({ switchboardAction: 'emit', method: 'guestToken', args: { guestToken: value } });
  });
});

describe('the embed controller: height, filters, theme', () => {
  it('polls the scroll height every second with height="auto", and not with a fixed height', async () => {
    const auto = await embedReady(setup({}, { height: 900 }));
    expect(auto.controller.getSnapshot().height).toBe(900);
    const asked = () =>
      ((auto.pages[0] as Page).port.other?.sent ?? []).filter(
        (m) => (m as { method?: string }).method === 'getScrollSize',
      ).length;
    const before = asked();
    await auto.clock.advance(3_000);
    expect(asked()).toBe(before + 3);
    auto.controller.destroy();

    const fixed = await embedReady(setup({ settings: { height: 420 } }, { height: 900 }));
    expect(fixed.controller.getSnapshot().height).toBeUndefined();
    const sent = () => ((fixed.pages[0] as Page).port.other?.sent ?? []).length;
    const count = sent();
    await fixed.clock.advance(3_000);
    expect(sent()).toBe(count);
  });

  it('embeds again, with a warning, when URL filters change; renames in place; sets native filters in place where the handle can', async () => {
    const native = (region: string) => ({ native: { f: { column: 'region', value: [region] } } });
    const s = await embedReady(setup({ settings: { filters: native('NCR') } }));
    s.controller.configure({ filters: native('NCR'), title: 'Exec Overview' });
    expect(s.frames[0]?.title).toBe('Exec Overview');
    expect(s.frames).toHaveLength(1);

    s.controller.configure({ filters: native('Visayas'), title: 'Exec Overview' });
    await flush();
    expect(s.frames).toHaveLength(2);
    expect(s.frames[0]?.removed).toBe(true);
    expect(s.events.warn).toHaveBeenCalledWith(expect.stringContaining('cannot change the filters'));
    await s.frames[1]?.load();
    expect(s.api.fetchGuestToken).toHaveBeenCalledTimes(1); // the token was reused

    const setDataMask = vi.fn();
    Object.assign(s.events.onLoad.mock.calls[1]?.[0], { setDataMask });
    s.controller.configure({ filters: native('Mindanao'), title: 'Exec Overview' });
    expect(setDataMask).toHaveBeenCalledWith({
      f: expect.objectContaining({ filterState: { value: ['Mindanao'] } }),
    });
    expect(s.frames).toHaveLength(2);
  });

  it('reports filter changes made in the dashboard when asked to', async () => {
    const s = await embedReady(setup({ settings: { emitDataMasks: true } }));
    expect(s.frames[0]?.spec.src).toContain('uiConfig=16');
    (s.pages[0] as Page).emitDataMask({ nativeFiltersChanged: true, crossFiltersChanged: false });
    await flush();
    expect(s.events.onDataMaskChange).toHaveBeenCalledWith({ nativeFiltersChanged: true, crossFiltersChanged: false });
  });

  it('sends a new theme when the mode changes, and nothing with theme false', async () => {
    const s = await embedReady(setup());
    const page = s.pages[0] as Page;
    expect(page.themeModes).toEqual([]);
    s.controller.setTheme({ mode: 'light', config: { a: 1 } });
    s.controller.setTheme({ mode: 'light', config: { a: 1 } });
    s.controller.setTheme({ mode: 'dark', config: { a: 2 } });
    await flush();
    expect(page.themeModes).toEqual(['default', 'dark']);
    expect(page.themeConfigs).toEqual([{ a: 1 }, { a: 2 }]);
  });
});

describe('the embed controller: teardown', () => {
  it('leaves no timer, closes its port and removes the frame when destroyed; a late answer changes nothing', async () => {
    const clock = fakeClock();
    const s = await embedReady(
      setup({ tokenOptions: { refreshBeforeMs: 60_000, skewToleranceMs: 0 } }, {}, backend(clock, ['ok'], 'hang')),
    );
    await s.clock.advance(240_000); // a refresh in flight
    expect(s.api.calls).toHaveLength(2);
    s.controller.destroy();
    expect(s.clock.pending()).toBe(0);
    expect(s.api.calls[1]?.aborted).toBe(true);
    expect(s.frames[0]?.removed).toBe(true);
    expect((s.pages[0] as Page).port.other?.closed).toBe(true);
    const listener = vi.fn();
    s.controller.subscribe(listener);
    s.controller.retry();
    s.controller.reconnect();
    await flush();
    expect(listener).not.toHaveBeenCalled();
    expect(s.frames).toHaveLength(1);
  });

  it('after an error, retry() embeds again with a fresh token budget', async () => {
    const s = setup({ settings: { handshakeTimeoutMs: 1_000 } }, { silent: true });
    s.controller.start();
    await flush();
    await s.frames[0]?.load();
    await s.clock.advance(1_000);
    expect(s.controller.getSnapshot().error?.code).toBe('refused');
    s.controller.retry();
    await flush();
    expect(s.controller.getSnapshot()).toMatchObject({ state: 'loading', error: undefined });
    expect(s.frames).toHaveLength(2);
  });
});
