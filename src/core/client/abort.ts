import { DataClientError } from './errors';

/** The error a call rejects with when its caller's signal aborts. */
export function abortedError(reason?: unknown, transport?: string): DataClientError {
  const what = transport ? `The ${transport} request` : 'The request';
  return new DataClientError('aborted', `${what} was aborted`, { transport, cause: reason });
}

/** True for an `'aborted'` DataClientError and for the platform's `AbortError` (a DOMException or a look-alike). */
export function isAbortError(error: unknown): boolean {
  if (error instanceof DataClientError) return error.code === 'aborted';
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** Rejects with an `'aborted'` DataClientError when `signal` has aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, transport?: string): void {
  if (signal?.aborted) throw abortedError(signal.reason, transport);
}

/** Waits `ms`; rejects with an `'aborted'` DataClientError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal, transport?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal.reason, transport));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal?.reason, transport));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles with `promise`, or rejects with an `'aborted'` DataClientError the moment `signal` aborts (the work
 * behind `promise` is left to its own signal). A rejection that arrives after the abort is handled, never
 * reported as unhandled.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, transport?: string): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      promise.catch(() => undefined);
      reject(abortedError(signal.reason, transport));
      return;
    }
    const onAbort = () => reject(abortedError(signal.reason, transport));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? abortedError(signal.reason, transport) : error);
      },
    );
  });
}
