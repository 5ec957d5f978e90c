export {
  type AutoHeightOptions,
  checkEmbedTarget,
  createGuestTokenSource,
  type FetchGuestTokenContext,
  GuestTokenError,
  type GuestTokenErrorCode,
  type GuestTokenSource,
  type GuestTokenSourceOptions,
  type GuestTokenState,
  isGuestTokenError,
  isSupersetEmbedError,
  SupersetEmbedError,
  type SupersetEmbedErrorCode,
  type SupersetEmbedFilters,
  SupersetFilterError,
  type SupersetFilterValue,
  type SupersetNativeFilter,
} from '../../core/superset';
export { SupersetEmbed } from './superset-embed';
export type {
  EmbeddedDashboard,
  SupersetDataMask,
  SupersetEmbedPermission,
  SupersetEmbedProps,
  SupersetEmbedState,
  SupersetEmbedTokenOptions,
  SupersetEmbedUiConfig,
} from './types';
