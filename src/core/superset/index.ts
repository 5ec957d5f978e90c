export { defaultGuestTokenEnv, type GuestTokenEnv } from './env';
export {
  GuestTokenError,
  type GuestTokenErrorCode,
  isGuestTokenError,
  type MalformedTokenReason,
} from './errors';
export {
  createGuestTokenSource,
  DEFAULT_GUEST_TOKEN_LIFETIME_MS,
  type FetchGuestTokenContext,
  type GuestTokenRetryOptions,
  type GuestTokenSource,
  type GuestTokenSourceOptions,
  type GuestTokenState,
} from './guest-token';
export { decodeGuestTokenClaims, type GuestTokenClaims } from './jwt';
