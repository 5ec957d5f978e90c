/**
 * Calls a user's callback. An exception it throws is rethrown in a microtask, so that it neither breaks
 * the caller's lifecycle (timers, state) nor vanishes: it reaches the page's error reporting.
 */
export function safely(call: () => void): void {
  try {
    call();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
