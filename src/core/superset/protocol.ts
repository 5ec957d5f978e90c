/**
 * Superset's embedded-dashboard protocol, as `@superset-ui/embedded-sdk` 0.4 speaks it: the iframe's URL, its
 * sandbox and Permissions-Policy lists, and the one handshake message that hands the dashboard its end of a
 * MessageChannel. Everything after the handshake is `@superset-ui/switchboard` on that channel.
 */

/** The `type` of the handshake message (the SDK's `IFRAME_COMMS_MESSAGE_TYPE`). */
export const HANDSHAKE_TYPE = '__embedded_comms__';

/** The one message posted to the frame's window after each load, with one MessagePort transferred. */
export const handshakeMessage = () => ({ type: HANDSHAKE_TYPE, handshake: 'port transfer' }) as const;

/** The name the SDK gives its switchboard (it appears in message ids: `m_superset-embedded-sdk_1`). */
export const HOST_SWITCHBOARD_NAME = 'superset-embedded-sdk';

/** Capabilities the dashboard can be granted beyond running (`allow-scripts allow-same-origin`). */
export type SupersetEmbedPermission = 'downloads' | 'exports' | 'fullscreen' | 'clipboard';

/** The dashboard's chrome, as the SDK's `dashboardUiConfig` takes it. */
export interface SupersetEmbedUiConfig {
  hideTitle?: boolean;
  hideTab?: boolean;
  hideChartControls?: boolean;
  /** The native filter bar: shown (`visible`, default true) and open (`expanded`). */
  filters?: { visible?: boolean; expanded?: boolean };
  showRowLimitWarning?: boolean;
}

/** The sandbox tokens, and why: everything else the SDK adds by default is off unless asked for. */
export function sandboxTokens(permissions: readonly SupersetEmbedPermission[]): string[] {
  const tokens = [
    'allow-scripts', // the dashboard is a JavaScript application
    'allow-same-origin', // its API calls, and the channel's messages to the Superset origin, need its own origin
  ];
  if (permissions.includes('downloads')) tokens.push('allow-downloads'); // chart images and CSV files
  if (permissions.includes('exports')) tokens.push('allow-forms', 'allow-popups'); // exports open in a new tab
  if (permissions.includes('fullscreen')) tokens.push('allow-presentation');
  return tokens;
}

/** The Permissions-Policy `allow` list. */
export function allowFeatures(permissions: readonly SupersetEmbedPermission[]): string[] {
  const features: string[] = [];
  if (permissions.includes('fullscreen')) features.push('fullscreen');
  if (permissions.includes('clipboard')) features.push('clipboard-write');
  return features;
}

/** The SDK's `uiConfig` bit mask: 1 hideTitle, 2 hideTab, 8 hideChartControls, 16 emitDataMasks, 32 row limit. */
export function uiConfigBits(uiConfig: SupersetEmbedUiConfig | undefined, emitDataMasks: boolean): number {
  return (
    (uiConfig?.hideTitle ? 1 : 0) +
    (uiConfig?.hideTab ? 2 : 0) +
    (uiConfig?.hideChartControls ? 8 : 0) +
    (emitDataMasks ? 16 : 0) +
    (uiConfig?.showRowLimitWarning ? 32 : 0)
  );
}

/**
 * The dashboard's URL, with the parameters in the SDK's order: `uiConfig`, then the filter bar's
 * `show_filters`/`expand_filters`, then `urlParams` (filters, already checked by `filtersToUrlParams`).
 * `domain` is a checked domain without a trailing slash (`checkEmbedTarget`). Never carries a token.
 */
export function embedUrl(
  domain: string,
  dashboardId: string,
  options: { uiConfig?: SupersetEmbedUiConfig; emitDataMasks: boolean; urlParams: Readonly<Record<string, string>> },
): string {
  const params: Record<string, string> = { uiConfig: String(uiConfigBits(options.uiConfig, options.emitDataMasks)) };
  const bar = options.uiConfig?.filters;
  if (bar?.visible !== undefined) params.show_filters = String(bar.visible);
  if (bar?.expanded !== undefined) params.expand_filters = String(bar.expanded);
  Object.assign(params, options.urlParams);
  return `${domain}/embedded/${dashboardId}?${new URLSearchParams(params).toString()}`;
}
