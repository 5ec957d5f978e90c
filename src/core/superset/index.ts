export { type AutoHeight, type AutoHeightOptions, type AutoHeightStep, createAutoHeight } from './auto-height';
export { checkEmbedTarget } from './domain';
export {
  createSupersetEmbedController,
  DEFAULT_HANDSHAKE_TIMEOUT_MS,
  type EmbeddedDashboard,
  type SupersetDataMask,
  type SupersetEmbedController,
  type SupersetEmbedControllerOptions,
  type SupersetEmbedEnv,
  type SupersetEmbedEvents,
  type SupersetEmbedFrame,
  type SupersetEmbedFrameSpec,
  type SupersetEmbedHost,
  type SupersetEmbedSettings,
  type SupersetEmbedSnapshot,
  type SupersetEmbedState,
  type SupersetThemeMode,
  type SwitchboardFactory,
  type SwitchboardLike,
} from './embed-controller';
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
export { supersetEmbedErrorMessages } from './messages';
export {
  allowFeatures,
  embedUrl,
  HANDSHAKE_TYPE,
  handshakeMessage,
  type SupersetEmbedPermission,
  type SupersetEmbedUiConfig,
  sandboxTokens,
  uiConfigBits,
} from './protocol';
