import type { ComponentPropsWithoutRef } from 'react';
import type { PartialMessages } from '../../core/messages';
import type {
  AutoHeightOptions,
  EmbeddedDashboard,
  FetchGuestTokenContext,
  GuestTokenError,
  GuestTokenSourceOptions,
  SupersetDataMask,
  SupersetEmbedEnv,
  SupersetEmbedError,
  SupersetEmbedFilters,
  SupersetEmbedPermission,
  SupersetEmbedUiConfig,
} from '../../core/superset';
import type { ThemePreference } from '../provider/insightpulse-provider';

export type {
  EmbeddedDashboard,
  SupersetDataMask,
  SupersetEmbedPermission,
  /** `data-state` of the root: loading (token, frame, handshake), ready, expired (refresh gave up), error. */
  SupersetEmbedState,
  SupersetEmbedUiConfig,
} from '../../core/superset';

/** How the guest token is kept fresh (see `createGuestTokenSource`). */
export type SupersetEmbedTokenOptions = Pick<
  GuestTokenSourceOptions,
  'timeoutMs' | 'refreshBeforeMs' | 'skewToleranceMs' | 'retry'
>;

export interface SupersetEmbedProps
  extends Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onLoad' | 'onError' | 'title'> {
  /** Where Superset is served, e.g. `https://bi.example.com` (a path prefix is allowed). */
  supersetDomain: string;
  /** The embedded dashboard's id from Superset's "Embed dashboard" dialog. */
  dashboardId: string;
  /**
   * Your backend call that returns a guest token for this dashboard. Pass `signal` on to `fetch`: it aborts a
   * call the component gave up on. Read through a ref: a new function does not re-embed.
   */
  fetchGuestToken: (context: FetchGuestTokenContext) => Promise<string>;
  /** Native filter values and URL parameters applied when the dashboard is embedded (and when they change). */
  filters?: SupersetEmbedFilters;
  /** Title, tabs, chart controls and filter bar of the dashboard. */
  uiConfig?: SupersetEmbedUiConfig;
  /**
   * The colour mode sent to the dashboard with the InsightPulse Superset theme (Superset 6 applies it).
   * Default: the nearest `InsightPulseProvider`'s mode, else light. `false` leaves the dashboard's own theme.
   */
  theme?: ThemePreference | false;
  /** `'auto'` (default) follows the dashboard's height, within `autoHeight`'s limits; a number fixes it in px. */
  height?: 'auto' | number;
  /** Limits for `height="auto"`: `minHeight` (default 480) and `maxHeight` (default 4 000). */
  autoHeight?: AutoHeightOptions;
  /** The iframe's accessible name. Default `messages.supersetEmbed.title` ("Superset dashboard"). */
  title?: string;
  /** Words to change for this component, merged over the provider's catalogue (see README, Words and languages). */
  messages?: PartialMessages;
  /**
   * What the dashboard may do beyond running: `'downloads'` (images, CSV), `'exports'` (forms and popups),
   * `'fullscreen'`, `'clipboard'`. Default none: the sandbox is `allow-scripts allow-same-origin`.
   */
  permissions?: readonly SupersetEmbedPermission[];
  /** The iframe's referrer policy. Default `'strict-origin'`: Superset's allowed-domains check sees the origin only. */
  referrerPolicy?: ReferrerPolicy;
  /** Guest token timing: `timeoutMs` 10 000, `refreshBeforeMs` 60 000, `skewToleranceMs` 30 000, 4 retries. */
  tokenOptions?: SupersetEmbedTokenOptions;
  /**
   * How long the dashboard may take to answer once the frame has loaded and it has its guest token, before it
   * counts as refused (a frame still loading when the token came gets twice that). Default 15 000.
   */
  handshakeTimeoutMs?: number;
  /**
   * The clock, timers and randomness the token lifecycle, handshake timeout and height poll run on. Default the
   * page's. For tests (a fake clock) and hosts that schedule work themselves; read when the dashboard is embedded.
   */
  env?: Partial<Pick<SupersetEmbedEnv, 'now' | 'setTimeout' | 'clearTimeout' | 'random'>>;
  /** The dashboard answered: `dashboard` is its handle (permalinks, data mask, chart states), as the SDK's. */
  onLoad?: (dashboard: EmbeddedDashboard) => void;
  /** The dashboard could not be shown; `error.code` says why. */
  onError?: (error: SupersetEmbedError) => void;
  /** Refreshing the guest token gave up; the component shows "session expired" with a Reconnect button. */
  onTokenRefreshFailed?: (error: GuestTokenError) => void;
  /** The dashboard's filters changed (native or cross filters). */
  onDataMaskChange?: (dataMask: SupersetDataMask) => void;
}
