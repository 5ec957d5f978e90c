import { InsightPulseError } from '../errors';
/**
 * The errors the guest-token source rejects with and reports. Each has a `code` to branch on and a message
 * that says which step failed; none ever contains a token (or any part of one), so they are safe to log.
 */
export type GuestTokenErrorCode =
  | 'malformed-token' // the token is not a readable JWT (`reason` says which part)
  | 'expired-on-arrival' // the token fetched had already expired by the local clock (and had no `iat` to correct it)
  | 'fetch-failed' // `fetchGuestToken` threw or rejected (its error is the `cause`)
  | 'timeout' // `fetchGuestToken` did not answer within `timeoutMs`
  | 'aborted' // the fetch was replaced by a newer attempt (the reason its signal aborts with)
  | 'expired' // every attempt failed: the source gave up until `reconnect()`, `online` or `visible`
  | 'stopped'; // the source was stopped

/** Which part of a token could not be read, for `'malformed-token'`. */
export type MalformedTokenReason =
  | 'not-a-string' // not a string, or an empty one
  | 'parts' // not three dot-separated parts
  | 'base64' // the payload is not base64url
  | 'utf8' // the payload's bytes are not UTF-8
  | 'json' // the payload is not JSON
  | 'payload' // the payload is JSON but not an object
  | 'exp'; // the `exp` claim is present but not a finite number

export class GuestTokenError extends InsightPulseError<GuestTokenErrorCode> {
  override readonly name = 'GuestTokenError';
  /** For `'malformed-token'`: which part of the token could not be read. */
  readonly reason?: MalformedTokenReason;

  constructor(
    code: GuestTokenErrorCode,
    message: string,
    options: { reason?: MalformedTokenReason; cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.reason = options.reason;
  }
}

export function isGuestTokenError(error: unknown): error is GuestTokenError {
  return error instanceof GuestTokenError;
}

/** Why an embedded dashboard could not be shown. */
export type SupersetEmbedErrorCode =
  | 'invalid-props' // supersetDomain or dashboardId cannot be embedded (the message says which and why)
  | 'unreachable' // nothing answered at supersetDomain (offline, DNS, TLS, connection refused)
  | 'refused' // the server answered, but no embedded dashboard spoke to the host: framing refused, or not one
  | 'token' // no guest token could be had (the `cause` is the GuestTokenError)
  | 'sdk'; // the embedded SDK failed in another way (its error is the `cause`)

/** An embedding failure with a `code` to branch on; like GuestTokenError, its message never holds a token. */
export class SupersetEmbedError extends InsightPulseError<SupersetEmbedErrorCode> {
  override readonly name = 'SupersetEmbedError';
  constructor(code: SupersetEmbedErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}

export function isSupersetEmbedError(error: unknown): error is SupersetEmbedError {
  return error instanceof SupersetEmbedError;
}
