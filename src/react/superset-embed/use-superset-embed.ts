import type { EmbedDashboardParams, EmbeddedDashboard } from '@superset-ui/embedded-sdk';
import { type RefObject, useEffect, useReducer, useRef, useState } from 'react';
import type { ColorMode } from '../../../themes/tokens';
import {
  type AutoHeight,
  checkEmbedTarget,
  createAutoHeight,
  createGuestTokenSource,
  filtersToUrlParams,
  type GuestTokenSource,
  isGuestTokenError,
  SupersetEmbedError,
} from '../../core/superset';
import { supersetThemeConfig } from '../../theme/superset-theme';
import { devWarning } from '../lib/dev-warning';
import { domGuestTokenEnv } from './dom-env';
import { type PreparedFrame, prepareFrame } from './frame';
import type { SupersetDataMask, SupersetEmbedProps, SupersetEmbedState } from './types';

/** How often `height="auto"` asks the dashboard for its scroll size while the page is visible. */
const AUTO_HEIGHT_POLL_MS = 1_000;
/** How long the reachability check after a failed handshake may take. */
const PROBE_TIMEOUT_MS = 5_000;

type EmbedDashboard = (params: EmbedDashboardParams) => Promise<EmbeddedDashboard>;

/**
 * The SDK, loaded when a dashboard is first embedded (it is not in the app's first load). Its CommonJS build
 * has no named exports for Node's ESM loader, so the function is also looked for on the default export.
 */
let sdk: Promise<EmbedDashboard> | undefined;
function loadSdk(): Promise<EmbedDashboard> {
  sdk ??= import('@superset-ui/embedded-sdk').then((module) => {
    const interop = module as { embedDashboard?: EmbedDashboard; default?: { embedDashboard?: EmbedDashboard } };
    const embed = interop.embedDashboard ?? interop.default?.embedDashboard;
    if (typeof embed !== 'function') throw new TypeError('@superset-ui/embedded-sdk has no embedDashboard export.');
    return embed;
  });
  sdk.catch(() => {
    sdk = undefined; // a failed chunk load can be retried
  });
  return sdk;
}

export interface SupersetEmbedStatus {
  state: SupersetEmbedState;
  error: SupersetEmbedError | undefined;
  /** The frame's height in px for `height="auto"` (undefined for a fixed height). */
  autoHeight: number | undefined;
  /** After `'expired'`: fetch a token again and hand it to the dashboard. */
  reconnect(): void;
  /** After `'error'`: embed again. */
  retry(): void;
}

type Options = Omit<SupersetEmbedProps, 'theme'> & { themeMode: ColorMode | false };

/** What the embed in place offers the token source and the theme/filter effects. */
interface LiveEmbed {
  frame: PreparedFrame;
  dashboard: EmbeddedDashboard | undefined;
  ready: boolean;
  delivered: string | undefined;
}

const embedErrorOf = (error: unknown): SupersetEmbedError => {
  if (error instanceof SupersetEmbedError) return error;
  if (isGuestTokenError(error)) {
    return new SupersetEmbedError('token', `No guest token for the dashboard (${error.code}).`, { cause: error });
  }
  if (error instanceof TypeError && error.name === 'SupersetFilterError') {
    return new SupersetEmbedError('invalid-props', error.message, { cause: error });
  }
  return new SupersetEmbedError('sdk', 'The embedded SDK could not embed the dashboard.', { cause: error });
};

/** After a failed handshake: was anything answering at all? An opaque no-cors answer means yes. */
async function diagnose(domain: string, dashboardId: string): Promise<SupersetEmbedError> {
  const origin = new URL(domain).origin;
  try {
    await fetch(`${domain}/embedded/${dashboardId}`, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
  } catch {
    return new SupersetEmbedError(
      'unreachable',
      `Superset at ${origin} could not be reached from this page (network, DNS or TLS, or this page's connect-src policy).`,
    );
  }
  return new SupersetEmbedError(
    'refused',
    `Superset at ${origin} answered, but the dashboard did not start: framing may be refused (X-Frame-Options, ` +
      `or a Content-Security-Policy frame-ancestors without this site), embedding may be off for this dashboard, ` +
      `or this site may be missing from its allowed domains.`,
  );
}

/** The embedded dashboard's lifecycle: guest token, SDK embed, handshake, height, theme and filters. */
export function useSupersetEmbed(host: RefObject<HTMLDivElement | null>, options: Options): SupersetEmbedStatus {
  const latest = useRef(options);
  latest.current = options;

  const [state, setState] = useState<SupersetEmbedState>('loading');
  const [error, setError] = useState<SupersetEmbedError>();
  const [height, setHeight] = useState<number>();
  const [attempt, nextAttempt] = useReducer((n: number) => n + 1, 0);
  const [source, setSource] = useState<GuestTokenSource>();
  const live = useRef<LiveEmbed | undefined>(undefined);
  /** The URL parameters of the last embed that became ready. */
  const readyUrlKey = useRef<string | undefined>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;

  const { supersetDomain, dashboardId, tokenOptions } = options;
  const tokenKey = JSON.stringify(tokenOptions ?? {});

  let target: { domain: string; urlParams: Record<string, string> } | SupersetEmbedError;
  try {
    target = {
      domain: checkEmbedTarget(supersetDomain, dashboardId),
      urlParams: filtersToUrlParams(options.filters),
    };
  } catch (caught) {
    target = embedErrorOf(caught);
  }
  const targetError = target instanceof SupersetEmbedError ? target : undefined;
  const domain = target instanceof SupersetEmbedError ? undefined : target.domain;
  const urlKey = target instanceof SupersetEmbedError ? '' : JSON.stringify(target.urlParams);
  const embedKey = JSON.stringify([
    urlKey,
    options.uiConfig ?? {},
    options.permissions ?? [],
    options.referrerPolicy ?? 'strict-origin',
    options.title ?? 'Superset dashboard',
    Boolean(options.onDataMaskChange),
    options.height === 'auto' || options.height === undefined ? 'auto' : 'fixed',
    JSON.stringify(options.autoHeight ?? {}),
    options.handshakeTimeoutMs ?? 15_000,
  ]);

  // The guest token source lives as long as the dashboard: re-embedding for new filters reuses its token.
  // biome-ignore lint/correctness/useExhaustiveDependencies: tokenKey stands for tokenOptions' content.
  useEffect(() => {
    if (!domain) return;
    const tokens = createGuestTokenSource({
      ...latest.current.tokenOptions,
      fetchGuestToken: (context) => latest.current.fetchGuestToken(context),
      env: domGuestTokenEnv(),
      onStateChange: (next) => {
        if (next !== 'ready') return;
        // A fresh token: hand it to the dashboard now instead of on the SDK's own (unskewed) timer.
        tokens.getToken().then((token) => {
          const embed = live.current;
          if (!embed?.ready || embed.delivered === token) return;
          if (embed.frame.pushGuestToken(token)) embed.delivered = token;
          if (stateRef.current === 'expired') {
            if (embed.frame.relayed) setState('ready');
            else nextAttempt();
          }
        }, noop);
      },
      onRefreshFailed: (failure) => {
        if (live.current?.ready) setState('expired');
        latest.current.onTokenRefreshFailed?.(failure);
      },
    });
    tokens.start();
    setSource(tokens);
    return () => {
      tokens.stop();
      setSource(undefined);
    };
  }, [domain, dashboardId, tokenKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: embedKey stands for the props that need a new embed.
  useEffect(() => {
    const element = host.current;
    if (targetError) {
      setState('error');
      setError(targetError);
      latest.current.onError?.(targetError);
      return;
    }
    if (!element || !source || !domain) return;
    const props = latest.current;
    if (readyUrlKey.current !== undefined && readyUrlKey.current !== urlKey) {
      // No released SDK (0.4.0 included) can set the filters of a loaded dashboard: it has to load again.
      devWarning(
        'SupersetEmbed: the embedded SDK cannot change the filters of a loaded dashboard, so it was embedded ' +
          'again with the new filters (the dashboard reloads).',
      );
    }
    const auto = props.height === 'auto' || props.height === undefined;
    const sizer: AutoHeight | undefined = auto ? createAutoHeight(props.autoHeight) : undefined;
    setState('loading');
    setError(undefined);
    setHeight(sizer?.height);

    let alive = true;
    let handshakeTimer: ReturnType<typeof setTimeout> | undefined;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let resize: ResizeObserver | undefined;
    const frame = prepareFrame(
      element,
      {
        title: props.title ?? 'Superset dashboard',
        permissions: props.permissions ?? [],
        referrerPolicy: props.referrerPolicy ?? 'strict-origin',
      },
      noop,
    );
    const embed: LiveEmbed = { frame, dashboard: undefined, ready: false, delivered: undefined };
    live.current = embed;

    const fail = (failure: SupersetEmbedError) => {
      if (!alive) return;
      alive = false;
      clearTimeout(handshakeTimer);
      embed.dashboard?.unmount();
      frame.mount.replaceChildren();
      setState('error');
      setError(failure);
      latest.current.onError?.(failure);
    };

    const applySize = (size: { height: number } | undefined) => {
      if (!alive || !sizer || !size) return;
      const step = sizer.report(size.height);
      setHeight(step.height);
      if (step.loop) {
        devWarning(
          `SupersetEmbed: dashboard ${dashboardId} grows whenever its frame grows (content sized to the viewport), ` +
            `so height="auto" stopped at ${step.height}px. Give the dashboard a fixed height, or pass height={px}.`,
        );
      }
    };

    const poll = () => {
      pollTimer = setTimeout(() => {
        if (!alive) return;
        if (document.visibilityState === 'hidden' || !embed.dashboard) return poll();
        embed.dashboard
          .getScrollSize()
          .then(applySize, noop)
          .finally(() => alive && poll());
      }, AUTO_HEIGHT_POLL_MS);
    };

    const ready = (dashboard: EmbeddedDashboard, size: { height: number } | undefined) => {
      if (!alive) return;
      clearTimeout(handshakeTimer);
      embed.ready = true;
      readyUrlKey.current = urlKey;
      setState('ready');
      applySize(size);
      if (sizer) {
        poll();
        let width = element.clientWidth;
        resize = new ResizeObserver(() => {
          if (element.clientWidth === width) return;
          width = element.clientWidth;
          sizer.reset();
        });
        resize.observe(element);
      }
      if (latest.current.onDataMaskChange) {
        if (typeof dashboard.observeDataMask === 'function') {
          dashboard.observeDataMask((mask) => latest.current.onDataMaskChange?.(mask as SupersetDataMask));
        } else {
          devWarning('SupersetEmbed: this embedded SDK cannot observe data masks; onDataMaskChange will not fire.');
        }
      }
      latest.current.onLoad?.(dashboard);
    };

    const embedWith = (embedDashboard: EmbedDashboard) =>
      embedDashboard({
        id: dashboardId,
        supersetDomain: domain,
        mountPoint: frame.mount,
        fetchGuestToken: () =>
          source.getToken().then((token) => {
            embed.delivered = token;
            // The SDK has its token and waits for the frame: from here the dashboard has this long to answer.
            if (!embed.ready && handshakeTimer === undefined && alive) {
              handshakeTimer = setTimeout(
                () => diagnose(domain, dashboardId).then(fail),
                latest.current.handshakeTimeoutMs ?? 15_000,
              );
            }
            return token;
          }),
        dashboardUiConfig: {
          hideTitle: props.uiConfig?.hideTitle,
          hideTab: props.uiConfig?.hideTab,
          hideChartControls: props.uiConfig?.hideChartControls,
          showRowLimitWarning: props.uiConfig?.showRowLimitWarning,
          emitDataMasks: Boolean(props.onDataMaskChange),
          ...(props.uiConfig?.filters ? { filters: { ...props.uiConfig.filters } } : {}),
          urlParams: JSON.parse(urlKey) as Record<string, string>,
        },
        iframeTitle: props.title ?? 'Superset dashboard',
        referrerPolicy: props.referrerPolicy ?? 'strict-origin',
        // The source times out and retries each call itself, and rejects once it gives up.
        guestTokenFetchTimeoutMs: 0,
      });
    loadSdk()
      .then((embedDashboard) => (alive ? embedWith(embedDashboard) : undefined))
      .then(
        (dashboard) => {
          if (!dashboard) return;
          if (!alive) {
            dashboard.unmount();
            return;
          }
          embed.dashboard = dashboard;
          // Any answer, even an error for a method an older Superset lacks, proves the dashboard is there.
          dashboard.getScrollSize().then(
            (size) => ready(dashboard, size),
            () => ready(dashboard, undefined),
          );
        },
        (failure: unknown) => fail(embedErrorOf(failure)),
      );

    return () => {
      alive = false;
      clearTimeout(handshakeTimer);
      clearTimeout(pollTimer);
      resize?.disconnect();
      embed.dashboard?.unmount();
      frame.dispose();
      if (live.current === embed) live.current = undefined;
    };
  }, [source, domain, dashboardId, embedKey, attempt, targetError?.message]);

  // The theme follows the provider (or the prop) without re-embedding.
  const { themeMode } = options;
  useEffect(() => {
    const dashboard = live.current?.dashboard;
    if (state !== 'ready' || !dashboard || themeMode === false) return;
    if (typeof dashboard.setThemeConfig !== 'function' || typeof dashboard.setThemeMode !== 'function') {
      devWarning('SupersetEmbed: this embedded SDK cannot set a dashboard theme (setThemeConfig needs SDK 0.3+).');
      return;
    }
    Promise.resolve(dashboard.setThemeConfig(supersetThemeConfig(themeMode))).catch(noop);
    dashboard.setThemeMode(themeMode === 'dark' ? 'dark' : 'default');
  }, [state, themeMode]);

  return {
    state,
    error,
    autoHeight: height,
    reconnect: () => source?.reconnect(),
    retry: () => {
      if (source?.state === 'expired') source.reconnect();
      nextAttempt();
    },
  };
}

function noop() {}
