import { GuestTokenError, type MalformedTokenReason } from './errors';

/** The claims the lifecycle reads from a guest token's payload, as the token says them (seconds since the epoch). */
export interface GuestTokenClaims {
  /** When the token expires, in seconds since the epoch (the server's clock); undefined when the token has none. */
  exp?: number;
  /** When the server issued the token, in seconds since the epoch (the server's clock); undefined when absent or not a number. */
  iat?: number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function malformed(reason: MalformedTokenReason, message: string): GuestTokenError {
  // No `cause`: a JSON.parse or TextDecoder error can quote the input, and the input is the token.
  return new GuestTokenError('malformed-token', message, { reason });
}

/** Decodes base64url (the JWT alphabet; trailing `=` padding is tolerated). Throws on any other character. */
function base64UrlToBytes(text: string): Uint8Array {
  const data = text.replace(/={1,2}$/, '');
  if (data.length % 4 === 1) throw malformed('base64', 'The guest token payload is not base64url (bad length).');
  const bytes = new Uint8Array(Math.floor((data.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < data.length; i++) {
    const value = ALPHABET.indexOf(data.charAt(i));
    if (value < 0) throw malformed('base64', 'The guest token payload is not base64url (bad character).');
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

/**
 * Reads `exp` and `iat` from a JWT's payload. It does **not** verify the signature: the token is only read to
 * know when to refresh it; Superset verifies it. Throws a `'malformed-token'` GuestTokenError (with `reason`)
 * for a value that is not three dot-separated parts, a payload that is not base64url-encoded UTF-8 JSON object,
 * or an `exp` that is present but not a finite number. An `iat` that is not a number is ignored (treated as absent).
 * Error messages never contain the token.
 */
export function decodeGuestTokenClaims(token: unknown): GuestTokenClaims {
  if (typeof token !== 'string' || token.length === 0) {
    throw malformed('not-a-string', `The guest token is not a non-empty string (got ${describe(token)}).`);
  }
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw malformed('parts', `The guest token is not a JWT: expected 3 dot-separated parts, found ${parts.length}.`);
  }
  const bytes = base64UrlToBytes(parts[1] ?? '');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw malformed('utf8', 'The guest token payload is not UTF-8 text.');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw malformed('json', 'The guest token payload is not JSON.');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw malformed('payload', `The guest token payload is not a JSON object (got ${describe(payload)}).`);
  }
  const { exp, iat } = payload as Record<string, unknown>;
  if (exp !== undefined && (typeof exp !== 'number' || !Number.isFinite(exp))) {
    throw malformed('exp', `The guest token's exp claim is not a number of seconds (got ${describe(exp)}).`);
  }
  return {
    exp: exp as number | undefined,
    iat: typeof iat === 'number' && Number.isFinite(iat) ? iat : undefined,
  };
}

/** A value's kind for an error message, never the value itself (it may be, or contain, the token). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : String(value);
  if (typeof value === 'string') return value.length === 0 ? 'an empty string' : 'a string';
  return typeof value;
}
