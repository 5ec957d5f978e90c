export { type AutoHeight, type AutoHeightOptions, type AutoHeightStep, createAutoHeight } from './auto-height';
export { checkEmbedTarget } from './domain';
export { defaultGuestTokenEnv, type GuestTokenEnv } from './env';
export {
  GuestTokenError,
  type GuestTokenErrorCode,
  isGuestTokenError,
  isSupersetEmbedError,
  type MalformedTokenReason,
  SupersetEmbedError,
  type SupersetEmbedErrorCode,
} from './errors';
export {
  filtersToDataMask,
  filtersToUrlParams,
  type SupersetDataMaskEntry,
  type SupersetEmbedFilters,
  SupersetFilterError,
  type SupersetFilterValue,
  type SupersetNativeFilter,
} from './filters';
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
