import { vi } from 'vitest';

/**
 * How long a test waits for a state before it fails. Waiting costs nothing when the state comes at once, and a
 * busy 2-core machine can take ten times longer than an idle one, so the defaults of 1 s are far too short.
 */
export const WAIT_TIMEOUT_MS = 15_000;

// vi.waitFor has no config option for its default timeout (1 s): give it the same margin here.
const waitFor = vi.waitFor;
vi.waitFor = ((callback, options = {}) =>
  waitFor(callback, {
    timeout: WAIT_TIMEOUT_MS,
    ...(typeof options === 'number' ? { timeout: options } : options),
  })) as typeof vi.waitFor;
