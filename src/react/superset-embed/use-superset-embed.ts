import { type RefObject, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ColorMode } from '../../../themes/tokens';
import {
  createSupersetEmbedController,
  type SupersetEmbedController,
  type SupersetEmbedError,
  type SupersetEmbedEvents,
  type SupersetEmbedSettings,
  type SupersetEmbedSnapshot,
} from '../../core/superset';
import { supersetThemeConfig } from '../../theme/superset-theme';
import { devWarning } from '../lib/dev-warning';
import { domEmbedEnv, domEmbedHost } from './dom-env';
import type { SupersetEmbedProps, SupersetEmbedState } from './types';

export interface SupersetEmbedStatus {
  state: SupersetEmbedState;
  error: SupersetEmbedError | undefined;
  /** The frame's height in px for `height="auto"` (undefined for a fixed height). */
  autoHeight: number | undefined;
  /** True from a Reconnect until the token came (ready) or the source gave up again. */
  reconnecting: boolean;
  /** After `'expired'`: fetch a token again and hand it to the dashboard. */
  reconnect(): void;
  /** After `'error'`: embed again. */
  retry(): void;
}

type Options = Omit<SupersetEmbedProps, 'theme'> & { themeMode: ColorMode | false };

const LOADING: SupersetEmbedSnapshot = Object.freeze({
  state: 'loading',
  error: undefined,
  height: undefined,
  reconnecting: false,
});
const getLoading = () => LOADING;
const subscribeNone = () => () => undefined;

const settingsOf = (options: Options): SupersetEmbedSettings => ({
  filters: options.filters,
  uiConfig: options.uiConfig,
  permissions: options.permissions,
  referrerPolicy: options.referrerPolicy,
  title: options.title,
  height: options.height,
  autoHeight: options.autoHeight,
  emitDataMasks: Boolean(options.onDataMaskChange),
  handshakeTimeoutMs: options.handshakeTimeoutMs,
});

const themeOf = (mode: ColorMode | false) => (mode === false ? false : { mode, config: supersetThemeConfig(mode) });

/**
 * The embedded dashboard, read from a `createSupersetEmbedController` with `useSyncExternalStore`. The
 * controller holds the token source, the iframe, the channel and every timer; this hook only creates it for
 * the dashboard (domain, id, token options), passes prop changes on, and destroys it.
 */
export function useSupersetEmbed(host: RefObject<HTMLDivElement | null>, options: Options): SupersetEmbedStatus {
  const latest = useRef(options);
  latest.current = options;
  const [controller, setController] = useState<SupersetEmbedController>();

  const { supersetDomain, dashboardId, tokenOptions, themeMode } = options;
  const controllerKey = JSON.stringify([supersetDomain, dashboardId, tokenOptions ?? {}]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: controllerKey stands for the props that need a new controller.
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const props = latest.current;
    // Read at each call, so that new callbacks never re-embed.
    const events: SupersetEmbedEvents = {
      onLoad: (dashboard) => latest.current.onLoad?.(dashboard),
      onError: (error) => latest.current.onError?.(error),
      onTokenRefreshFailed: (error) => latest.current.onTokenRefreshFailed?.(error),
      onDataMaskChange: (mask) => latest.current.onDataMaskChange?.(mask),
      warn: devWarning,
    };
    const created = createSupersetEmbedController({
      supersetDomain: props.supersetDomain,
      dashboardId: props.dashboardId,
      fetchGuestToken: (context) => latest.current.fetchGuestToken(context),
      tokenOptions: props.tokenOptions,
      host: domEmbedHost(element),
      env: { ...domEmbedEnv(), ...props.env },
      settings: settingsOf(props),
      events,
    });
    created.setTheme(themeOf(props.themeMode));
    created.start();
    setController(created);
    return () => created.destroy();
  }, [controllerKey]);

  const { filters, uiConfig, permissions, referrerPolicy, title, height, autoHeight, handshakeTimeoutMs } = options;
  const emitDataMasks = Boolean(options.onDataMaskChange);
  const settingsKey = JSON.stringify([
    filters ?? null,
    uiConfig ?? {},
    permissions ?? [],
    referrerPolicy ?? null,
    title ?? null,
    height ?? null,
    autoHeight ?? {},
    emitDataMasks,
    handshakeTimeoutMs ?? null,
  ]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: settingsKey stands for the settings.
  useEffect(() => {
    controller?.configure(settingsOf(latest.current));
  }, [controller, settingsKey]);

  useEffect(() => {
    controller?.setTheme(themeOf(themeMode));
  }, [controller, themeMode]);

  useEffect(() => {
    let origin: string | undefined;
    try {
      origin = new URL(supersetDomain).origin;
    } catch {
      return; // the controller reports the bad domain
    }
    if (origin === window.location.origin) {
      devWarning(
        'SupersetEmbed: Superset is served from this page’s own origin, where no iframe sandbox can isolate it ' +
          '(allow-scripts with allow-same-origin lets it lift its sandbox). Serve Superset from its own origin.',
      );
    }
  }, [supersetDomain]);

  const snapshot = useSyncExternalStore(
    controller?.subscribe ?? subscribeNone,
    controller?.getSnapshot ?? getLoading,
    getLoading,
  );

  return {
    state: snapshot.state,
    error: snapshot.error,
    autoHeight: snapshot.height,
    reconnecting: snapshot.reconnecting,
    reconnect: () => controller?.reconnect(),
    retry: () => controller?.retry(),
  };
}
