/** How long to wait between attempts: an exponential ceiling, capped. */
export interface BackoffOptions {
  /** The ceiling before the first retry; it doubles for each further one. */
  baseMs: number;
  /** The largest ceiling. */
  maxMs: number;
  /** A number in [0, 1); `Math.random` unless a test gives its own. */
  random?: () => number;
}

/**
 * The wait before retry number `retry + 1` (`retry` counts the retries already made, from 0): a ceiling of
 * `baseMs * 2^retry`, capped at `maxMs`, with equal jitter (somewhere between half the ceiling and all of
 * it), so that many clients that failed together do not retry together. The one backoff of the library.
 */
export function backoffDelay(retry: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry));
  return ceiling / 2 + (random() * ceiling) / 2;
}
