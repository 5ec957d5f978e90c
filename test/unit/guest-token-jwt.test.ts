// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGuestTokenClaims, GuestTokenError, type MalformedTokenReason } from '../../src/core/superset';

/** In every malformed token below; V8's JSON.parse errors quote the first 10 characters of their input. */
const MARKER = 'TOPSECRET';
const SECRET = `${MARKER}-guest-marker`;
const b64url = (text: string | Uint8Array) => Buffer.from(text).toString('base64url');
const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const signature = b64url(`signature-${SECRET}`);
/** A JWT whose payload part is `payload` exactly (already encoded). */
const withPayload = (payload: string) => `${header}.${payload}.${signature}`;
const jwt = (claims: unknown) => withPayload(b64url(JSON.stringify(claims)));

function decodeError(token: unknown): GuestTokenError {
  try {
    decodeGuestTokenClaims(token);
  } catch (error) {
    if (error instanceof GuestTokenError) return error;
    throw new Error(`expected a GuestTokenError, got ${String(error)}`);
  }
  throw new Error('expected the token to be rejected');
}

describe('decodeGuestTokenClaims', () => {
  it('reads exp and iat from the payload', () => {
    expect(decodeGuestTokenClaims(jwt({ sub: SECRET, iat: 1_700_000_000, exp: 1_700_000_300 }))).toEqual({
      iat: 1_700_000_000,
      exp: 1_700_000_300,
    });
    expect(decodeGuestTokenClaims(jwt({ exp: 1_700_000_300.5 })).exp).toBe(1_700_000_300.5);
  });

  it('returns no exp for a payload without one, and ignores an iat that is not a number', () => {
    expect(decodeGuestTokenClaims(jwt({ user: { username: 'exec' } }))).toEqual({ exp: undefined, iat: undefined });
    expect(decodeGuestTokenClaims(jwt({ exp: 10, iat: '2024-01-01' }))).toEqual({ exp: 10, iat: undefined });
  });

  it('decodes UTF-8 payloads and tolerates base64 padding', () => {
    const claims = { exp: 42, user: { first_name: 'Zoë', last_name: '山田 🚀' } };
    expect(decodeGuestTokenClaims(jwt(claims)).exp).toBe(42);
    const padded = Buffer.from(JSON.stringify({ exp: 70 }))
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    expect(padded.endsWith('=')).toBe(true);
    expect(decodeGuestTokenClaims(withPayload(padded)).exp).toBe(70);
  });

  it('agrees with Node for any payload (base64url decoding and UTF-8)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer(), (name, exp) => {
        expect(decodeGuestTokenClaims(jwt({ name, exp })).exp).toBe(exp);
      }),
    );
  });

  const cases: Array<[string, unknown, MalformedTokenReason]> = [
    ['undefined', undefined, 'not-a-string'],
    ['a number', 42, 'not-a-string'],
    ['an empty string', '', 'not-a-string'],
    ['one part', `opaque-${SECRET}`, 'parts'],
    ['two parts', `${header}.${b64url(SECRET)}`, 'parts'],
    ['four parts', `${jwt({ exp: 1 })}.${SECRET}`, 'parts'],
    ['a character outside base64url', withPayload(`${b64url(SECRET)}+/`), 'base64'],
    ['a base64url length that cannot be', withPayload(`${b64url(SECRET)}a`.slice(0, 5)), 'base64'],
    ['bytes that are not UTF-8', withPayload(b64url(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))), 'utf8'],
    ['text that is not JSON', withPayload(b64url(SECRET)), 'json'],
    ['truncated JSON', withPayload(b64url(`{"sub":"${SECRET}"`)), 'json'],
    ['an empty payload', withPayload(''), 'json'],
    ['a JSON number', withPayload(b64url('123')), 'payload'],
    ['JSON null', withPayload(b64url('null')), 'payload'],
    ['a JSON array', jwt([SECRET]), 'payload'],
    ['a JSON string', jwt(SECRET), 'payload'],
    ['exp as a string', jwt({ exp: SECRET }), 'exp'],
    ['exp null', jwt({ exp: null }), 'exp'],
    ['exp true', jwt({ exp: true }), 'exp'],
    ['exp that overflows to Infinity', withPayload(b64url('{"exp":1e999}')), 'exp'],
  ];

  it.each(cases)('rejects %s with a malformed-token GuestTokenError', (_, token, reason) => {
    const error = decodeError(token);
    expect(error.name).toBe('GuestTokenError');
    expect(error.code).toBe('malformed-token');
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(/guest token/i);
  });

  it('never puts the token, or any part of it, in the error (nor a cause that could quote it)', () => {
    for (const [, token] of cases) {
      const error = decodeError(token);
      expect(error.cause).toBeUndefined();
      const shown = `${String(error)} ${error.stack ?? ''}`;
      expect(shown).not.toContain(MARKER);
      if (typeof token === 'string') {
        for (const part of token.split('.')) if (part.length > 3) expect(shown).not.toContain(part);
      }
    }
  });
});
