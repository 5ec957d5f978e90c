/**
 * The one base of every error the library throws or rejects with. `code` is what to branch on (each
 * subclass narrows it to its own set); `cause` is the underlying error, where there is one. Messages say
 * what failed and what to do, and never hold a secret (a token, a key, a connection string, a parameter
 * value), so every InsightPulseError is safe to log and to show.
 *
 * ```ts
 * if (isInsightPulseError(error)) report(error.name, error.code);
 * ```
 */
export class InsightPulseError<Code extends string = string> extends Error {
  override readonly name: string = 'InsightPulseError';
  readonly code: Code;

  constructor(code: Code, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** Whether `error` is one of the library's errors (any subclass). */
export function isInsightPulseError(error: unknown): error is InsightPulseError {
  return error instanceof InsightPulseError;
}
