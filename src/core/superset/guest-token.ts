import { backoffDelay } from '../util/backoff';
import { safely } from '../util/safely';
import { defaultGuestTokenEnv, type GuestTokenEnv } from './env';
import { GuestTokenError } from './errors';
import { decodeGuestTokenClaims } from './jwt';

/**
 * - `'idle'`: created, not started.
 * - `'fetching'`: the first token (or the first after `'expired'`) is being fetched.
 * - `'ready'`: a token is cached and its refresh is scheduled.
 * - `'refreshing'`: a refresh is in flight; the cached token is still handed out while it is valid.
 * - `'retrying'`: an attempt failed; the next one waits out its backoff or is in flight.
 * - `'expired'`: every attempt failed; `getToken()` rejects until `reconnect()`, `online` or `visible`.
 * - `'stopped'`: `stop()` was called; `start()` resumes.
 */
export type GuestTokenState = 'idle' | 'fetching' | 'ready' | 'refreshing' | 'retrying' | 'expired' | 'stopped';

/** How failed fetches are retried (the same shape and meaning as the data-client's `RetryOptions`). */
export interface GuestTokenRetryOptions {
  /** Retries after the first attempt, so at most `attempts + 1` calls of `fetchGuestToken` per refresh. Default 4. */
  attempts?: number;
  /** The backoff ceiling before the first retry; it doubles for each further retry. Default 1 000 ms. */
  baseDelayMs?: number;
  /** The largest backoff ceiling. Default 30 000 ms. */
  maxDelayMs?: number;
}

export interface FetchGuestTokenContext {
  /** Aborts when the source gives up on this call (timeout, a newer attempt, `stop()`); its answer is then ignored. */
  signal: AbortSignal;
}

export interface GuestTokenSourceOptions {
  /** Your backend call that returns a Superset guest token (a JWT). Pass `signal` on to `fetch`. */
  fetchGuestToken: (context: FetchGuestTokenContext) => Promise<string>;
  /** A call that has not answered after this many ms is abandoned and counts as a failure. Default 10 000. */
  timeoutMs?: number;
  /** Refresh this long before the token expires (by the skew-corrected local clock). Default 60 000. */
  refreshBeforeMs?: number;
  /**
   * How far the clocks may disagree beyond what `iat` shows (`iat` has whole seconds and is stamped before the
   * answer travels; a token without `iat` gives no measure at all): the refresh is never scheduled later than
   * this long before the estimated expiry, whatever `refreshBeforeMs` says. Default 30 000.
   */
  skewToleranceMs?: number;
  retry?: GuestTokenRetryOptions;
  /** The clock, timers, randomness and online/visible signals. Default `defaultGuestTokenEnv` (no signals). */
  env?: Partial<GuestTokenEnv>;
  /** Called on every change of `state`. */
  onStateChange?: (state: GuestTokenState, previous: GuestTokenState) => void;
  /**
   * Called once each time the source gives up (state `'expired'`) with an `'expired'` GuestTokenError whose
   * `cause` is the last attempt's error. Not called again until a later refresh gives up again.
   */
  onRefreshFailed?: (error: GuestTokenError) => void;
}

export interface GuestTokenSource {
  /**
   * What the embedded SDK's `fetchGuestToken` calls: the cached token while it is valid, otherwise the next
   * token (concurrent calls share one fetch). Starts an idle source. Rejects with an `'expired'` GuestTokenError
   * once the source has given up, and with `'stopped'` after `stop()`.
   */
  getToken(): Promise<string>;
  /** Fetches the first token and listens to the env's online/visible signals. No-op unless idle or stopped. */
  start(): void;
  /** Clears every timer and listener, aborts a fetch in flight (its late answer is ignored). Idempotent. */
  stop(): void;
  /** After `'expired'` (or while `'retrying'`): tries again now, with a fresh retry budget. Otherwise a no-op. */
  reconnect(): void;
  readonly state: GuestTokenState;
  /** When the cached (or else the last) token expires, in the local clock's ms, corrected for the measured skew. */
  readonly expiresAt: number | undefined;
  /** The server's clock minus the local clock in ms, as the last token's `iat` shows; undefined without `iat`. */
  readonly skewMs: number | undefined;
}

/**
 * How long a token without an `exp` claim is taken to be valid for: 5 minutes, Superset's default
 * `GUEST_TOKEN_JWT_EXP_SECONDS` and the embedded SDK's own fallback. (A token whose `exp` is present but not a
 * number is malformed, not this.)
 */
export const DEFAULT_GUEST_TOKEN_LIFETIME_MS = 5 * 60_000;

/**
 * A cached token with less than this left is not handed out (unless its refresh is not due yet): the SDK
 * schedules its own next call at least 10 s later, so the token must outlive that.
 */
const MIN_REMAINING_MS = 15_000;

/** setTimeout's largest delay; longer waits are chained. */
const MAX_TIMER_MS = 2_147_483_647;

interface Waiter {
  resolve: (token: string) => void;
  reject: (error: GuestTokenError) => void;
}

/**
 * Wraps your `fetchGuestToken` so the Superset embedded SDK always receives a valid guest token: caches it,
 * refreshes it `refreshBeforeMs` before it expires (correcting for a server clock that is ahead or behind,
 * measured from `iat`), abandons a call that hangs, retries failures with exponential backoff and jitter,
 * reports when it gives up, and tries again at once when the network comes back or the page is shown again.
 *
 * Nothing here reads a DOM global: pass `env` (the React layer wires `window`/`document`).
 */
export function createGuestTokenSource(options: GuestTokenSourceOptions): GuestTokenSource {
  const env: GuestTokenEnv = { ...defaultGuestTokenEnv, ...options.env };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000;
  const skewToleranceMs = options.skewToleranceMs ?? 30_000;
  const attempts = options.retry?.attempts ?? 4;
  const baseDelayMs = options.retry?.baseDelayMs ?? 1_000;
  const maxDelayMs = options.retry?.maxDelayMs ?? 30_000;

  let state: GuestTokenState = 'idle';
  /** The state last reported to onStateChange (a state entered and left within one call is not reported). */
  let reported: GuestTokenState = 'idle';
  let token: string | undefined;
  let expiresAt: number | undefined;
  let refreshAt = 0;
  let skewMs: number | undefined;
  /** The `iat` of the last token accepted: a different one on the next token means it was just minted. */
  let lastIat: number | undefined;
  /** Failed attempts in the current refresh. */
  let failures = 0;
  let expiredError: GuestTokenError | undefined;
  /** Identifies the attempt in flight; bumped whenever an answer must be ignored from then on. */
  let attemptId = 0;
  let controller: AbortController | undefined;
  /** The refresh or backoff timer. */
  let timer: { handle: unknown } | undefined;
  /** The in-flight attempt's timeout. */
  let deadline: { handle: unknown } | undefined;
  let unsubscribers: Array<() => void> = [];
  let waiters: Waiter[] = [];

  const emit = () => {
    if (state === reported) return;
    const previous = reported;
    reported = state;
    const current = state;
    if (options.onStateChange) safely(() => options.onStateChange?.(current, previous));
  };

  const clearTimer = () => {
    if (timer) env.clearTimeout(timer.handle);
    timer = undefined;
  };

  const clearDeadline = () => {
    if (deadline) env.clearTimeout(deadline.handle);
    deadline = undefined;
  };

  const schedule = (ms: number, run: () => void) => {
    clearTimer();
    const entry: { handle: unknown } = { handle: undefined };
    entry.handle = env.setTimeout(
      () => {
        if (timer !== entry) return;
        timer = undefined;
        run();
      },
      Math.min(Math.max(0, ms), MAX_TIMER_MS),
    );
    timer = entry;
  };

  /** Ignores whatever the attempt in flight answers, and aborts its signal with `reason`. */
  const abandonAttempt = (reason: GuestTokenError) => {
    attemptId++;
    clearDeadline();
    const abandoned = controller;
    controller = undefined;
    abandoned?.abort(reason);
  };

  const settleWaiters = (settle: (waiter: Waiter) => void) => {
    const settled = waiters;
    waiters = [];
    for (const waiter of settled) settle(waiter);
  };

  /** The backoff before retry number `failures`: a ceiling of `base * 2^(failures - 1)`, capped, with equal jitter. */
  const backoff = () => backoffDelay(failures - 1, { baseMs: baseDelayMs, maxMs: maxDelayMs, random: env.random });

  /** The cached token may be handed out: its refresh is not due yet, or it has a good while left. */
  const usable = () =>
    token !== undefined && expiresAt !== undefined && env.now() < Math.max(refreshAt, expiresAt - MIN_REMAINING_MS);

  /**
   * Reads the token's lifetime. `skew = iat - receivedAt` (server ahead: positive); the token expires at
   * `exp - skew` by the local clock, or at the raw `exp` if that is sooner and still ahead (a cached token). The refresh comes `max(refreshBeforeMs, skewToleranceMs)` before that, but
   * never before half the token's life has passed, so that a short-lived token cannot cause a refresh loop.
   */
  const accept = (value: unknown, receivedAt: number) => {
    const claims = decodeGuestTokenClaims(value);
    const skew = claims.iat === undefined ? undefined : claims.iat * 1000 - receivedAt;
    let expiry = receivedAt + DEFAULT_GUEST_TOKEN_LIFETIME_MS;
    if (claims.exp !== undefined) {
      const raw = claims.exp * 1000;
      const corrected = raw - (skew ?? 0);
      // An old `iat` looks just like a local clock that is ahead: a backend may hand out a token it cached.
      // A token whose `iat` is new since the last one was just minted, so its `iat` measures the skew. The
      // first token, and one with the same `iat` again (a cached one), may only have its expiry brought
      // forward by the correction, unless its raw `exp` has already passed by the local clock: then the
      // clocks disagree by more than its lifetime, and only the corrected expiry can be right.
      const minted = claims.iat !== undefined && lastIat !== undefined && claims.iat !== lastIat;
      expiry = minted || raw <= receivedAt ? corrected : Math.min(raw, corrected);
    }
    const lifetime = expiry - receivedAt;
    if (lifetime <= 0) {
      throw new GuestTokenError(
        'expired-on-arrival',
        claims.iat === undefined
          ? 'The guest token fetched had already expired by the local clock (it has no iat to measure clock skew).'
          : 'The guest token fetched expires no later than it was issued (exp <= iat).',
      );
    }
    const margin = Math.min(Math.max(refreshBeforeMs, skewToleranceMs), lifetime / 2);
    return { token: value as string, expiresAt: expiry, refreshAt: expiry - margin, skewMs: skew, iat: claims.iat };
  };

  const succeed = (value: unknown) => {
    clearDeadline();
    controller = undefined;
    attemptId++;
    let accepted: ReturnType<typeof accept>;
    try {
      accepted = accept(value, env.now());
    } catch (error) {
      fail(error as GuestTokenError);
      return;
    }
    ({ token, expiresAt, refreshAt, skewMs } = accepted);
    lastIat = accepted.iat;
    const fresh = accepted.token;
    failures = 0;
    state = 'ready';
    scheduleRefresh();
    settleWaiters((waiter) => waiter.resolve(fresh));
    emit();
  };

  const fail = (error: GuestTokenError) => {
    abandonAttempt(error);
    failures++;
    if (failures <= attempts) {
      state = 'retrying';
      schedule(backoff(), attempt);
      emit();
      return;
    }
    const expired = new GuestTokenError(
      'expired',
      `No guest token after ${attempts + 1} attempts; the last failed with '${error.code}'.`,
      { cause: error },
    );
    expiredError = expired;
    failures = 0;
    token = undefined;
    state = 'expired';
    clearTimer();
    settleWaiters((waiter) => waiter.reject(expired));
    emit();
    if (options.onRefreshFailed) safely(() => options.onRefreshFailed?.(expired));
  };

  function attempt() {
    clearTimer();
    const id = ++attemptId;
    const abort = new AbortController();
    controller = abort;
    state = failures > 0 ? 'retrying' : token === undefined ? 'fetching' : 'refreshing';
    deadline = {
      handle: env.setTimeout(() => {
        if (id !== attemptId) return;
        fail(new GuestTokenError('timeout', `fetchGuestToken did not answer within ${timeoutMs} ms.`));
      }, timeoutMs),
    };
    let answer: Promise<string>;
    try {
      answer = Promise.resolve(options.fetchGuestToken({ signal: abort.signal }));
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (value) => {
        if (id === attemptId) succeed(value);
      },
      (error: unknown) => {
        if (id !== attemptId) return;
        const kind = error instanceof Error ? ` (${error.name})` : '';
        fail(new GuestTokenError('fetch-failed', `fetchGuestToken failed${kind}.`, { cause: error }));
      },
    );
    emit();
  }

  /** A new refresh now, with a fresh retry budget, replacing any attempt in flight or backoff. */
  const refreshNow = () => {
    if (controller) abandonAttempt(new GuestTokenError('aborted', 'A newer attempt replaced this guest token fetch.'));
    clearTimer();
    failures = 0;
    expiredError = undefined;
    attempt();
  };

  /** Refreshes at `refreshAt`, or at once when that has passed. */
  function scheduleRefresh() {
    if (env.now() >= refreshAt) {
      refreshNow();
      return;
    }
    schedule(refreshAt - env.now(), scheduleRefresh);
  }

  /** The network is back or the page is shown again: refresh at once if the token is due (or we were failing). */
  const wake = () => {
    if (state === 'retrying' || state === 'expired' || (state === 'ready' && env.now() >= refreshAt)) refreshNow();
  };

  const start = () => {
    if (state !== 'idle' && state !== 'stopped') return;
    unsubscribers = [env.onOnline(wake), env.onVisible(wake)];
    failures = 0;
    if (token !== undefined && expiresAt !== undefined && env.now() < expiresAt) {
      state = 'ready';
      scheduleRefresh();
      emit();
    } else {
      token = undefined;
      attempt();
    }
  };

  const stop = () => {
    if (state === 'stopped') return;
    for (const unsubscribe of unsubscribers) unsubscribe();
    unsubscribers = [];
    clearTimer();
    abandonAttempt(new GuestTokenError('stopped', 'The guest token source was stopped.'));
    failures = 0;
    expiredError = undefined;
    state = 'stopped';
    const stopped = new GuestTokenError('stopped', 'The guest token source was stopped.');
    settleWaiters((waiter) => waiter.reject(stopped));
    emit();
  };

  /** The current state, read through a call so TypeScript does not narrow it across calls that change it. */
  const current = (): GuestTokenState => state;

  const getToken = (): Promise<string> => {
    if (current() === 'idle') start();
    if (current() === 'stopped') {
      return Promise.reject(new GuestTokenError('stopped', 'The guest token source was stopped.'));
    }
    if (current() === 'expired') {
      return Promise.reject(
        expiredError ?? new GuestTokenError('expired', 'The guest token source gave up; call reconnect().'),
      );
    }
    if (token !== undefined && usable()) return Promise.resolve(token);
    // Due (a timer can fire late after the device slept) and nothing in flight: refresh now.
    if (current() === 'ready') refreshNow();
    // A callback may have stopped the source meanwhile; a waiter added now would never settle.
    if (current() === 'stopped') {
      return Promise.reject(new GuestTokenError('stopped', 'The guest token source was stopped.'));
    }
    return new Promise<string>((resolve, reject) => {
      waiters.push({ resolve, reject });
    });
  };

  return {
    getToken,
    start,
    stop,
    reconnect: () => {
      if (state === 'idle') start();
      else if (state === 'expired' || state === 'retrying') refreshNow();
    },
    get state() {
      return state;
    },
    get expiresAt() {
      return expiresAt;
    },
    get skewMs() {
      return skewMs;
    },
  };
}
