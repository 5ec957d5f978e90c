/**
 * Everything the guest-token source needs from its environment, so that `src/core` stays free of the DOM:
 * the clock, timers, randomness (for jitter) and two signals that the React layer wires to `window`'s
 * `online` event and `document`'s `visibilitychange` (when it becomes visible).
 */
export interface GuestTokenEnv {
  /** The local clock in ms since the epoch. */
  now(): number;
  /** Runs `callback` after `ms`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A number in [0, 1), for the backoff's jitter. */
  random(): number;
  /** Calls `listener` whenever the network comes back; returns the unsubscribe function. */
  onOnline(listener: () => void): () => void;
  /** Calls `listener` whenever the page becomes visible again; returns the unsubscribe function. */
  onVisible(listener: () => void): () => void;
}

const noop = () => undefined;

/**
 * The default environment: `globalThis` timers, `Date.now` and `Math.random`, looked up at each call (so fake
 * timers installed later are honoured), and no online/visible signals (nothing to listen to without a DOM).
 */
export const defaultGuestTokenEnv: GuestTokenEnv = Object.freeze({
  now: () => Date.now(),
  setTimeout: (callback: () => void, ms: number): unknown => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  random: () => Math.random(),
  onOnline: () => noop,
  onVisible: () => noop,
});
