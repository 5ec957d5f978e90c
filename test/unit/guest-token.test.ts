// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createGuestTokenSource,
  DEFAULT_GUEST_TOKEN_LIFETIME_MS,
  type FetchGuestTokenContext,
  type GuestTokenEnv,
  GuestTokenError,
  type GuestTokenSource,
  type GuestTokenSourceOptions,
  type GuestTokenState,
} from '../../src/core/superset';

// Every test runs on fake timers and asserts instants of the fake clock only; a loaded machine gets room anyway.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

/** The tests' epoch: a whole second, so `iat` (whole seconds) measures the skew exactly. */
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const SECRET = 'TOPSECRET-guest-marker';
const b64url = (text: string) => Buffer.from(text).toString('base64url');
let serial = 0;

function jwt(claims: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  return `${header}.${b64url(JSON.stringify({ sub: SECRET, n: ++serial, ...claims }))}.${b64url(`sig-${SECRET}`)}`;
}

interface IssueOptions {
  /** Seconds the token lives. Default 300. */
  lifetimeS?: number;
  /** How far the server's clock is ahead of ours, in ms. Default 0. */
  serverAheadMs?: number;
  /** Whether the token carries `iat`. Default true. */
  iat?: boolean;
  /** Whether the token carries `exp`. Default true. */
  exp?: boolean;
}

/** A token the server issues now (by its clock). */
function issue({ lifetimeS = 300, serverAheadMs = 0, iat = true, exp = true }: IssueOptions = {}): string {
  const serverNow = Math.floor((Date.now() + serverAheadMs) / 1000);
  return jwt({ ...(iat ? { iat: serverNow } : {}), ...(exp ? { exp: serverNow + lifetimeS } : {}) });
}

/** What one call of the fake fetchGuestToken does: answer a fresh token, reject, hang, or answer this value. */
type Answer = 'ok' | 'fail' | 'hang' | { token: string } | { error: unknown };

interface Call {
  signal: AbortSignal;
  /** When the call was made, in ms since T0. */
  at: number;
  resolve: (token: string) => void;
  reject: (error: unknown) => void;
}

/** A fetchGuestToken that answers call n with `answers[n]` (then `otherwise`), and records every call. */
function fetcher(answers: Answer[] = [], otherwise: Answer = 'ok', tokens: IssueOptions = {}) {
  const calls: Call[] = [];
  const issued: string[] = [];
  const fetchGuestToken = vi.fn(
    ({ signal }: FetchGuestTokenContext) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ signal, at: Date.now() - T0, resolve, reject });
        const answer = answers[calls.length - 1] ?? otherwise;
        if (answer === 'ok') {
          const token = issue(tokens);
          issued.push(token);
          resolve(token);
        } else if (answer === 'fail') {
          reject(new Error('backend answered 502'));
        } else if (typeof answer === 'object' && 'error' in answer) {
          reject(answer.error);
        } else if (answer !== 'hang') {
          resolve(answer.token);
        }
      }),
  );
  const callAt = (index: number) => {
    const call = calls[index];
    if (!call) throw new Error(`no call ${index}`);
    return call;
  };
  return { fetchGuestToken, calls, issued, callAt, times: () => calls.map((call) => call.at) };
}

/** An env whose online/visible signals the test emits; clock and timers stay the (faked) globals. */
function fakeEnv(random = 1) {
  const online = new Set<() => void>();
  const visible = new Set<() => void>();
  const subscribe = (set: Set<() => void>) => (listener: () => void) => {
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  const env: Partial<GuestTokenEnv> = {
    random: () => random,
    onOnline: subscribe(online),
    onVisible: subscribe(visible),
  };
  const emit = (set: Set<() => void>) => {
    for (const listener of [...set]) listener();
  };
  return {
    env,
    goOnline: () => emit(online),
    becomeVisible: () => emit(visible),
    listeners: () => online.size + visible.size,
  };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let source: GuestTokenSource | undefined;

function make(options: GuestTokenSourceOptions): GuestTokenSource {
  source = createGuestTokenSource({ env: fakeEnv().env, ...options });
  return source;
}

/** Lets answered fetches settle without moving the clock. */
const flush = () => vi.advanceTimersByTimeAsync(0);

/** Settles `promise` (attaching handlers at once), for asserting after the timers ran. */
function settle<T>(promise: Promise<T>) {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return state;
}

async function rejection(promise: Promise<unknown>): Promise<GuestTokenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GuestTokenError) return error;
    throw new Error(`expected a GuestTokenError, got ${String(error)}`);
  }
  throw new Error('expected a rejection');
}

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(async () => {
  source?.stop();
  source = undefined;
  vi.useRealTimers();
  // Node reports unhandled rejections once the microtasks have run: one turn of the event loop, not a time.
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled.splice(0)).toEqual([]);
});

describe('first fetch', () => {
  it('fetches on start() with an AbortSignal, caches the token and reads its expiry', async () => {
    const { fetchGuestToken, callAt } = fetcher(['hang']);
    const states: Array<[GuestTokenState, GuestTokenState]> = [];
    const s = make({ fetchGuestToken, onStateChange: (state, previous) => states.push([state, previous]) });
    expect(s.state).toBe('idle');
    expect(fetchGuestToken).not.toHaveBeenCalled();

    s.start();
    expect(s.state).toBe('fetching');
    expect(callAt(0).signal).toBeInstanceOf(AbortSignal);
    expect(callAt(0).signal.aborted).toBe(false);

    const token = issue();
    callAt(0).resolve(token);
    await flush();
    expect(s.state).toBe('ready');
    expect(s.expiresAt).toBe(T0 + 300_000);
    expect(s.skewMs).toBe(0);
    await expect(s.getToken()).resolves.toBe(token);
    expect(fetchGuestToken).toHaveBeenCalledTimes(1);
    expect(states).toEqual([
      ['fetching', 'idle'],
      ['ready', 'fetching'],
    ]);
  });

  it('getToken() starts an idle source, and concurrent calls share one fetch', async () => {
    const { fetchGuestToken, callAt } = fetcher(['hang']);
    const s = make({ fetchGuestToken });
    const calls = [s.getToken(), s.getToken(), s.getToken()];
    expect(s.state).toBe('fetching');
    expect(fetchGuestToken).toHaveBeenCalledTimes(1);

    const token = issue();
    callAt(0).resolve(token);
    await expect(Promise.all(calls)).resolves.toEqual([token, token, token]);
    await expect(s.getToken()).resolves.toBe(token);
    expect(fetchGuestToken).toHaveBeenCalledTimes(1);
  });

  it('a token without exp counts as valid for the default 5 minutes', async () => {
    const { fetchGuestToken, times } = fetcher([], 'ok', { exp: false });
    const s = make({ fetchGuestToken });
    s.start();
    await flush();
    expect(DEFAULT_GUEST_TOKEN_LIFETIME_MS).toBe(300_000);
    expect(s.state).toBe('ready');
    expect(s.expiresAt).toBe(T0 + DEFAULT_GUEST_TOKEN_LIFETIME_MS);
    await vi.advanceTimersByTimeAsync(240_000);
    expect(times()).toEqual([0, 240_000]);
  });

  it('a synchronous throw or a malformed token counts as a failed attempt and is retried', async () => {
    const good = issue();
    let calls = 0;
    const fetchGuestToken = vi.fn((_: FetchGuestTokenContext): Promise<string> => {
      calls++;
      if (calls === 1) throw new Error('synchronous');
      return Promise.resolve(calls === 2 ? `opaque-${SECRET}` : good);
    });
    const onRefreshFailed = vi.fn();
    const s = make({ fetchGuestToken, onRefreshFailed, retry: { attempts: 2, baseDelayMs: 100 } });
    const token = settle(s.getToken());
    await flush();
    expect(s.state).toBe('retrying');
    await vi.advanceTimersByTimeAsync(100);
    expect(fetchGuestToken).toHaveBeenCalledTimes(2);
    expect(s.state).toBe('retrying');
    await vi.advanceTimersByTimeAsync(200);
    expect(fetchGuestToken).toHaveBeenCalledTimes(3);
    expect(token).toEqual({ value: good, done: true });
    expect(s.state).toBe('ready');
    expect(onRefreshFailed).not.toHaveBeenCalled();
  });
});

describe('refresh', () => {
  it('refreshes refreshBeforeMs before expiry, and hands out the cached token meanwhile', async () => {
    const { fetchGuestToken, times, issued, callAt } = fetcher(['ok', 'hang']);
    const s = make({ fetchGuestToken });
    s.start();
    await flush();
    const first = issued[0];
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(239_999);
    expect(times()).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times()).toEqual([0, 240_000]);
    expect(s.state).toBe('refreshing');
    await expect(s.getToken()).resolves.toBe(first);
    expect(fetchGuestToken).toHaveBeenCalledTimes(2);

    const second = issue();
    callAt(1).resolve(second);
    await flush();
    expect(s.state).toBe('ready');
    expect(s.expiresAt).toBe(T0 + 240_000 + 300_000);
    await expect(s.getToken()).resolves.toBe(second);
  });

  it('keeps refreshing, each time before the new token expires', async () => {
    const { fetchGuestToken, times } = fetcher();
    make({ fetchGuestToken }).start();
    await vi.advanceTimersByTimeAsync(1_000_000);
    expect(times()).toEqual([0, 240_000, 480_000, 720_000, 960_000]);
  });

  it('never refreshes later than skewToleranceMs before expiry', async () => {
    const tolerant = fetcher();
    make({ fetchGuestToken: tolerant.fetchGuestToken, refreshBeforeMs: 5_000 }).start();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(tolerant.times()).toEqual([0, 270_000]);
    source?.stop();

    vi.setSystemTime(T0);
    const trusting = fetcher();
    make({ fetchGuestToken: trusting.fetchGuestToken, refreshBeforeMs: 5_000, skewToleranceMs: 0 }).start();
    await vi.advanceTimersByTimeAsync(300_000);
    expect(trusting.times()).toEqual([0, 295_000]);
  });

  it('refreshes a token that lives shorter than the margin halfway through its life, not in a loop', async () => {
    const { fetchGuestToken, times } = fetcher([], 'ok', { lifetimeS: 40 });
    const s = make({ fetchGuestToken });
    s.start();
    await vi.advanceTimersByTimeAsync(19_999);
    expect(times()).toEqual([0]);
    await vi.advanceTimersByTimeAsync(40_001);
    expect(times()).toEqual([0, 20_000, 40_000, 60_000]);
    expect(s.state).toBe('ready');
  });

  it('getToken() refreshes at once when the token is due but its timer has not fired (device slept)', async () => {
    const { fetchGuestToken, issued, callAt } = fetcher(['ok', 'hang']);
    const s = make({ fetchGuestToken });
    s.start();
    await flush();
    vi.setSystemTime(T0 + 290_000); // the clock moved, the timers did not run
    const pending = settle(s.getToken());
    expect(fetchGuestToken).toHaveBeenCalledTimes(2);
    expect(s.state).toBe('refreshing');
    await flush();
    expect(pending.done).toBe(false); // 10 s left is too little to hand out
    const fresh = issue();
    callAt(1).resolve(fresh);
    await flush();
    expect(pending).toEqual({ value: fresh, done: true });
    expect(issued).toHaveLength(1);
  });
});

describe('clock skew', () => {
  it('a server clock an hour ahead: refreshes by the token lifetime, not by the raw exp', async () => {
    const { fetchGuestToken, times } = fetcher([], 'ok', { serverAheadMs: 3_600_000 });
    const s = make({ fetchGuestToken });
    s.start();
    await flush();
    expect(s.skewMs).toBe(3_600_000);
    expect(s.expiresAt).toBe(T0 + 300_000);
    await vi.advanceTimersByTimeAsync(240_000);
    expect(times()).toEqual([0, 240_000]);
  });

  it('a server clock an hour behind: the token is not taken as expired, and no refresh loop starts', async () => {
    const { fetchGuestToken, times } = fetcher([], 'ok', { serverAheadMs: -3_600_000 });
    const s = make({ fetchGuestToken });
    s.start();
    await flush();
    expect(s.state).toBe('ready');
    expect(s.skewMs).toBe(-3_600_000);
    expect(s.expiresAt).toBe(T0 + 300_000);
    await vi.advanceTimersByTimeAsync(239_999);
    expect(times()).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times()).toEqual([0, 240_000]);
  });

  it('a token the backend cached four minutes ago: expires by its exp, not a full lifetime from now', async () => {
    // Clocks agree; the token was minted (iat) 240 s before it arrives, so it has 60 s left.
    const cached = vi.fn(async () => {
      const minted = Math.floor(Date.now() / 1000) - 240;
      return jwt({ iat: minted, exp: minted + 300, secret: SECRET });
    });
    const s = make({ fetchGuestToken: cached, refreshBeforeMs: 20_000, skewToleranceMs: 0 });
    s.start();
    await flush();
    expect(s.state).toBe('ready');
    expect(s.skewMs).toBe(-240_000);
    expect(s.expiresAt).toBe(T0 + 60_000);
    await vi.advanceTimersByTimeAsync(39_999);
    expect(cached).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cached).toHaveBeenCalledTimes(2); // 20 s before its real expiry, not four minutes late
    s.stop();
  });

  it('a local clock ahead by nearly a token lifetime: a second token with a new iat is trusted, so no refresh storm', async () => {
    // The server is 290 s behind: by the raw exp each 300 s token has 10 s left.
    const { fetchGuestToken, times } = fetcher([], 'ok', { serverAheadMs: -290_000 });
    const s = make({ fetchGuestToken, refreshBeforeMs: 60_000, skewToleranceMs: 0 });
    s.start();
    await flush();
    expect(s.expiresAt).toBe(T0 + 10_000); // the first token: only brought forward
    await vi.advanceTimersByTimeAsync(600_000);
    // After the first refresh (at 5 s) the tokens' new iat gives the skew: one refresh per 240 s.
    expect(times()).toEqual([0, 5_000, 245_000, 485_000]);
    s.stop();
  });

  it('the same cached token again: expires by its raw exp', async () => {
    const minted = Math.floor(T0 / 1000) - 200;
    const cachedToken = jwt({ iat: minted, exp: minted + 300, secret: SECRET });
    const cached = vi.fn(async () => cachedToken);
    const s = make({ fetchGuestToken: cached, refreshBeforeMs: 20_000, skewToleranceMs: 0 });
    s.start();
    await flush();
    expect(s.expiresAt).toBe(T0 + 100_000);
    await vi.advanceTimersByTimeAsync(80_000); // the refresh gets the same token back
    expect(cached).toHaveBeenCalledTimes(2);
    expect(s.expiresAt).toBe(T0 + 100_000);
    s.stop();
  });

  it('without iat the raw exp is used; a token already expired by the local clock is a failure', async () => {
    const plain = fetcher([], 'ok', { iat: false });
    const s = make({ fetchGuestToken: plain.fetchGuestToken });
    s.start();
    await flush();
    expect(s.skewMs).toBeUndefined();
    expect(s.expiresAt).toBe(T0 + 300_000);
    s.stop();

    const stale = fetcher([], 'ok', { iat: false, serverAheadMs: -3_600_000 });
    const onRefreshFailed = vi.fn();
    const t = make({ fetchGuestToken: stale.fetchGuestToken, retry: { attempts: 1 }, onRefreshFailed });
    t.start();
    await flush();
    expect(t.state).toBe('retrying');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.state).toBe('expired');
    expect(onRefreshFailed).toHaveBeenCalledOnce();
    expect(onRefreshFailed.mock.calls[0]?.[0]).toMatchObject({
      code: 'expired',
      cause: { code: 'expired-on-arrival' },
    });
  });
});

describe('timeouts and retries', () => {
  it('abandons a hanging fetch after timeoutMs, retries, and ignores the late answer', async () => {
    const { fetchGuestToken, callAt, times, issued } = fetcher(['hang', 'ok']);
    const s = make({ fetchGuestToken, timeoutMs: 10_000, retry: { baseDelayMs: 1_000 } });
    s.start();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(s.state).toBe('fetching');
    expect(callAt(0).signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(callAt(0).signal.aborted).toBe(true);
    expect(callAt(0).signal.reason).toMatchObject({ name: 'GuestTokenError', code: 'timeout' });
    expect(s.state).toBe('retrying');

    await vi.advanceTimersByTimeAsync(999);
    expect(times()).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(times()).toEqual([0, 11_000]);
    expect(s.state).toBe('ready');
    const expiresAt = s.expiresAt;

    callAt(0).resolve(issue({ lifetimeS: 9_999 }));
    await flush();
    await expect(s.getToken()).resolves.toBe(issued[0]);
    expect(s.expiresAt).toBe(expiresAt);
  });

  it('backs off exponentially up to maxDelayMs, then expires and calls onRefreshFailed once', async () => {
    const { fetchGuestToken, times } = fetcher(['ok'], 'fail');
    const onRefreshFailed = vi.fn();
    const s = make({ fetchGuestToken, onRefreshFailed, retry: { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000 } });
    s.start();
    await vi.advanceTimersByTimeAsync(240_000);
    expect(s.state).toBe('retrying');
    await vi.advanceTimersByTimeAsync(17_000);
    const gaps = times()
      .slice(1)
      .map((at, i, all) => at - (all[i - 1] ?? at));
    expect(gaps).toEqual([0, 1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(s.state).toBe('expired');
    expect(vi.getTimerCount()).toBe(0);

    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fetchGuestToken).toHaveBeenCalledTimes(7);
    expect(onRefreshFailed).toHaveBeenCalledOnce();
    const error = onRefreshFailed.mock.calls[0]?.[0] as GuestTokenError;
    expect(error).toBeInstanceOf(GuestTokenError);
    expect(error.code).toBe('expired');
    expect(error.cause).toMatchObject({ code: 'fetch-failed' });
    expect(await rejection(s.getToken())).toMatchObject({ code: 'expired' });
  });

  it('jitters each backoff with the injected random (equal jitter: half the ceiling at random = 0)', async () => {
    const { fetchGuestToken, times } = fetcher([], 'fail');
    make({
      fetchGuestToken,
      env: fakeEnv(0).env,
      retry: { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000 },
    }).start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times()).toEqual([0, 500, 1_500, 3_500, 6_000, 8_500]);
  });

  it('by default retries 4 times after the first attempt, and a waiting getToken() rejects only at the end', async () => {
    const { fetchGuestToken, times } = fetcher([], 'fail');
    const s = make({ fetchGuestToken });
    const pending = settle(s.getToken());
    await vi.advanceTimersByTimeAsync(14_999);
    expect(pending.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(times()).toEqual([0, 1_000, 3_000, 7_000, 15_000]);
    expect(s.state).toBe('expired');
    expect(pending.done).toBe(true);
    expect(pending.error).toMatchObject({ name: 'GuestTokenError', code: 'expired' });
  });
});

describe('network loss and visibility', () => {
  it('online after expiry refreshes at once with a fresh retry budget', async () => {
    const fake = fakeEnv();
    const { fetchGuestToken, times } = fetcher(['fail', 'fail', 'fail', 'ok']);
    const s = make({ fetchGuestToken, env: fake.env, retry: { attempts: 1, baseDelayMs: 1_000 } });
    s.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.state).toBe('expired');
    await vi.advanceTimersByTimeAsync(60_000);

    fake.goOnline();
    expect(times()).toEqual([0, 1_000, 61_000]);
    expect(s.state).toBe('fetching');
    await flush();
    expect(s.state).toBe('retrying'); // not 'expired': the retry counter was reset
    await vi.advanceTimersByTimeAsync(1_000);
    expect(times()).toEqual([0, 1_000, 61_000, 62_000]);
    expect(s.state).toBe('ready');
  });

  it('online while retrying skips the backoff and tries now, with a fresh retry budget', async () => {
    const fake = fakeEnv();
    const { fetchGuestToken, times } = fetcher(['fail', 'fail', 'ok']);
    const s = make({ fetchGuestToken, env: fake.env, retry: { attempts: 1, baseDelayMs: 20_000 } });
    s.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.state).toBe('retrying');
    fake.goOnline();
    await flush();
    expect(times()).toEqual([0, 5_000]);
    expect(s.state).toBe('retrying'); // a second failure, but the budget started again
    await vi.advanceTimersByTimeAsync(20_000);
    expect(times()).toEqual([0, 5_000, 25_000]);
    expect(s.state).toBe('ready');
  });

  it('visible with a token inside its refresh window refreshes at once; with a fresh token it does nothing', async () => {
    const fake = fakeEnv();
    const { fetchGuestToken, times } = fetcher();
    const s = make({ fetchGuestToken, env: fake.env });
    s.start();
    await flush();
    fake.becomeVisible();
    fake.goOnline();
    expect(times()).toEqual([0]);

    vi.setSystemTime(T0 + 250_000); // the tab was hidden and its timers throttled
    fake.becomeVisible();
    expect(times()).toEqual([0, 250_000]);
    await flush();
    expect(s.state).toBe('ready');
    expect(s.expiresAt).toBe(T0 + 550_000);
  });

  it('online during the first fetch does not start a second one', async () => {
    const fake = fakeEnv();
    const { fetchGuestToken } = fetcher(['hang']);
    make({ fetchGuestToken, env: fake.env }).start();
    fake.goOnline();
    fake.becomeVisible();
    expect(fetchGuestToken).toHaveBeenCalledTimes(1);
  });

  it('reconnect() after expiry tries again now; it does nothing while ready', async () => {
    const { fetchGuestToken, times, issued } = fetcher(['fail', 'fail'], 'ok');
    const onRefreshFailed = vi.fn();
    const s = make({ fetchGuestToken, onRefreshFailed, retry: { attempts: 1 } });
    s.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.state).toBe('expired');

    s.reconnect();
    expect(times()).toEqual([0, 1_000, 5_000]);
    await flush();
    expect(s.state).toBe('ready');
    await expect(s.getToken()).resolves.toBe(issued[0]);
    s.reconnect();
    expect(fetchGuestToken).toHaveBeenCalledTimes(3);
    expect(onRefreshFailed).toHaveBeenCalledOnce();
  });
});

describe('stop()', () => {
  it('leaves no timer and no listener once ready, and getToken() then rejects', async () => {
    const fake = fakeEnv();
    const { fetchGuestToken } = fetcher();
    const s = make({ fetchGuestToken, env: fake.env });
    s.start();
    await flush();
    expect(vi.getTimerCount()).toBe(1);
    expect(fake.listeners()).toBe(2);

    s.stop();
    expect(s.state).toBe('stopped');
    expect(vi.getTimerCount()).toBe(0);
    expect(fake.listeners()).toBe(0);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fetchGuestToken).toHaveBeenCalledTimes(1);
    expect(await rejection(s.getToken())).toMatchObject({ code: 'stopped' });
  });

  it('during a fetch in flight: aborts it, rejects waiters, and ignores its late answer', async () => {
    const { fetchGuestToken, callAt } = fetcher(['hang']);
    const s = make({ fetchGuestToken });
    const pending = settle(s.getToken());
    expect(vi.getTimerCount()).toBe(1); // the fetch's timeout

    s.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(callAt(0).signal.aborted).toBe(true);
    expect(callAt(0).signal.reason).toMatchObject({ code: 'stopped' });
    await flush();
    expect(pending.error).toMatchObject({ name: 'GuestTokenError', code: 'stopped' });

    callAt(0).resolve(issue());
    await flush();
    expect(s.state).toBe('stopped');
    expect(s.expiresAt).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('during a refresh in flight and during a backoff', async () => {
    const refresh = fetcher(['ok', 'hang']);
    const s = make({ fetchGuestToken: refresh.fetchGuestToken });
    s.start();
    await vi.advanceTimersByTimeAsync(240_000);
    expect(s.state).toBe('refreshing');
    s.stop();
    expect(vi.getTimerCount()).toBe(0);
    refresh.callAt(1).reject(new Error('late'));
    await flush();
    expect(s.state).toBe('stopped');

    const backoff = fetcher([], 'fail');
    const t = make({ fetchGuestToken: backoff.fetchGuestToken });
    t.start();
    await flush();
    expect(t.state).toBe('retrying');
    expect(vi.getTimerCount()).toBe(1);
    t.stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(backoff.fetchGuestToken).toHaveBeenCalledTimes(1);
  });

  it('is idempotent, and start() resumes with the cached token when it is still valid', async () => {
    const { fetchGuestToken, times } = fetcher();
    const states: GuestTokenState[] = [];
    const s = make({ fetchGuestToken, onStateChange: (state) => states.push(state) });
    s.start();
    await vi.advanceTimersByTimeAsync(100_000);
    s.stop();
    s.stop();
    expect(states).toEqual(['fetching', 'ready', 'stopped']);

    s.start();
    expect(s.state).toBe('ready');
    expect(fetchGuestToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(140_000);
    expect(times()).toEqual([0, 240_000]);
  });
});

describe('env', () => {
  it('uses the injected clock and timers instead of the globals', async () => {
    let now = T0 + 1_000_000;
    const pending = new Map<number, { at: number; run: () => void }>();
    let next = 0;
    const env: Partial<GuestTokenEnv> = {
      now: () => now,
      setTimeout: (run, ms) => {
        pending.set(++next, { at: now + ms, run });
        return next;
      },
      clearTimeout: (handle) => {
        pending.delete(handle as number);
      },
    };
    const advance = (ms: number) => {
      now += ms;
      for (const [handle, timer] of [...pending]) {
        if (timer.at <= now) {
          pending.delete(handle);
          timer.run();
        }
      }
    };
    const token = jwt({ iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 300 });
    const fetchGuestToken = vi.fn(async () => token);
    const s = make({ fetchGuestToken, env });
    s.start();
    await flush();
    expect(s.expiresAt).toBe(now + 300_000);
    expect(s.skewMs).toBe(0);
    expect(vi.getTimerCount()).toBe(0); // nothing on the global (faked) timers
    expect(pending.size).toBe(1);
    advance(239_999);
    expect(fetchGuestToken).toHaveBeenCalledTimes(1);
    advance(1);
    expect(fetchGuestToken).toHaveBeenCalledTimes(2);
    s.stop();
    expect(pending.size).toBe(0);
  });
});

describe('secrets', () => {
  it('never puts a token, or any part of one, in an error message', async () => {
    const errors: GuestTokenError[] = [];
    const collect = (error: unknown) => {
      for (let e = error; e instanceof GuestTokenError; e = e.cause) errors.push(e);
    };
    const badExp = jwt({ exp: SECRET });
    const opaque = `opaque-${SECRET}`;
    const cases: Array<{ answer: Answer; code: string }> = [
      { answer: { token: badExp }, code: 'malformed-token' },
      { answer: { token: opaque }, code: 'malformed-token' },
      { answer: { token: jwt({ exp: 1 }) }, code: 'expired-on-arrival' },
      { answer: 'hang', code: 'timeout' },
      { answer: 'fail', code: 'fetch-failed' },
      // Your own error may quote the response; its message is not copied into ours (it stays the `cause`).
      { answer: { error: new Error(`unexpected body ${opaque}`) }, code: 'fetch-failed' },
    ];
    // One source per kind of failure, giving up after it: the 'expired' error's cause is that failure.
    for (const { answer, code } of cases) {
      const { fetchGuestToken, callAt } = fetcher([answer], 'hang');
      const onRefreshFailed = vi.fn();
      const s = make({ fetchGuestToken, onRefreshFailed, retry: { attempts: 0 }, env: fakeEnv().env });
      const waiting = settle(s.getToken());
      await vi.advanceTimersByTimeAsync(10_000);
      expect(onRefreshFailed).toHaveBeenCalledOnce();
      expect(onRefreshFailed.mock.calls[0]?.[0]).toBe(waiting.error);
      expect((waiting.error as GuestTokenError).cause).toMatchObject({ code });
      collect(waiting.error);
      collect(callAt(0).signal.reason);
      collect(await rejection(s.getToken()));
      s.stop();
      collect(await rejection(s.getToken()));
    }
    expect(new Set(errors.map((error) => error.code))).toEqual(
      new Set(['expired', 'malformed-token', 'expired-on-arrival', 'timeout', 'fetch-failed', 'stopped']),
    );

    const parts = [...badExp.split('.'), opaque, 'TOPSECRET'];
    for (const error of errors) {
      for (const part of parts) expect(`${String(error)}`).not.toContain(part);
    }
  });
});
