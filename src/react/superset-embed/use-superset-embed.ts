import type { EmbedDashboardParams, EmbeddedDashboard } from '@superset-ui/embedded-sdk';
import { type RefObject, useEffect, useReducer, useRef, useState } from 'react';
import type { ColorMode } from '../../../themes/tokens';
import {
  type AutoHeight,
  checkEmbedTarget,
  createAutoHeight,
  createGuestTokenSource,
  filtersToDataMask,
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
/** A scroll-size question unanswered this long is dropped (the document may have gone), and polling goes on. */
const POLL_TIMEOUT_MS = 5_000;
/** How long the reachability check after a failed handshake may take. */
const PROBE_TIMEOUT_MS = 5_000;
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 15_000;

type EmbedDashboard = (params: EmbedDashboardParams) => Promise<EmbeddedDashboard>;

/** A dashboard handle of an SDK that can set filters on a loaded dashboard (none released so far). */
type MaskSettable = EmbeddedDashboard & { setDataMask: (dataMask: Record<string, unknown>) => unknown };
const canSetDataMask = (dashboard: EmbeddedDashboard | undefined): dashboard is MaskSettable =>
  typeof (dashboard as Partial<MaskSettable> | undefined)?.setDataMask === 'function';

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
  /** True from a Reconnect until the token came (ready) or the source gave up again. */
  reconnecting: boolean;
  /** After `'expired'`: fetch a token again and hand it to the dashboard. */
  reconnect(): void;
  /** After `'error'`: embed again. */
  retry(): void;
}

type Options = Omit<SupersetEmbedProps, 'theme'> & { themeMode: ColorMode | false };

/** The embed in place, as the token source and the theme, title and filter effects see it. */
interface LiveEmbed {
  source: GuestTokenSource;
  frame: PreparedFrame;
  dashboard: EmbeddedDashboard | undefined;
  ready: boolean;
  /** The token the dashboard was last given. */
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

const attempt = <T>(run: () => T): T | SupersetEmbedError => {
  try {
    return run();
  } catch (error) {
    return embedErrorOf(error);
  }
};

/** After a failed handshake: was anything answering at all? An opaque no-cors answer means yes. */
async function diagnose(domain: string, dashboardId: string, signal: AbortSignal): Promise<SupersetEmbedError> {
  const origin = new URL(domain).origin;
  const probe = new AbortController();
  const abort = () => probe.abort();
  signal.addEventListener('abort', abort);
  const timer = setTimeout(abort, PROBE_TIMEOUT_MS);
  try {
    await fetch(`${domain}/embedded/${dashboardId}`, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: probe.signal,
    });
  } catch {
    return new SupersetEmbedError(
      'unreachable',
      `Superset at ${origin} could not be reached from this page (network, DNS or TLS, or this page's connect-src policy).`,
    );
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abort);
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
  const [reconnecting, setReconnecting] = useState(false);
  const [attemptNumber, nextAttempt] = useReducer((n: number) => n + 1, 0);
  const [sourceEntry, setSourceEntry] = useState<{ key: string; source: GuestTokenSource }>();
  /** Counts the dashboard's reloads of its own page: the theme is sent again to each new page. */
  const [pages, nextPage] = useReducer((n: number) => n + 1, 0);
  const live = useRef<LiveEmbed | undefined>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;

  const { supersetDomain, dashboardId, tokenOptions, filters } = options;

  // The target and the filters are checked apart: bad filters must not stop the token source.
  const domain = attempt(() => checkEmbedTarget(supersetDomain, dashboardId));
  const urlParams = attempt(() => filtersToUrlParams(filters));
  const propsError =
    domain instanceof SupersetEmbedError ? domain : urlParams instanceof SupersetEmbedError ? urlParams : undefined;
  const sourceKey =
    domain instanceof SupersetEmbedError ? undefined : JSON.stringify([domain, dashboardId, tokenOptions ?? {}]);
  const { native_filters: nativeKey = '', ...otherParams } = urlParams instanceof SupersetEmbedError ? {} : urlParams;

  // Native filters need no new embed when the dashboard handle can set them (no released SDK can yet).
  const embeddedNative = useRef(nativeKey);
  const liveDashboard = live.current?.ready ? live.current.dashboard : undefined;
  const nativeForEmbed = canSetDataMask(liveDashboard) ? embeddedNative.current : nativeKey;
  const embedKey = JSON.stringify([
    otherParams,
    nativeForEmbed,
    options.uiConfig ?? {},
    options.permissions ?? [],
    options.referrerPolicy ?? 'strict-origin',
    Boolean(options.onDataMaskChange),
    options.height === 'auto' || options.height === undefined,
    options.autoHeight ?? {},
  ]);

  /** Gives the dashboard the source's current token, and leaves 'expired' once it has one (reads refs only). */
  const handOver = useRef((tokens: GuestTokenSource) =>
    tokens.getToken().then((token) => {
      const embed = live.current;
      if (!embed?.ready || embed.source !== tokens) return;
      if (embed.delivered !== token && embed.frame.pushGuestToken(token)) embed.delivered = token;
      if (stateRef.current !== 'expired') return;
      setReconnecting(false);
      if (embed.delivered === token) setState('ready');
      else nextAttempt(); // no channel of ours to the dashboard: embed it again
    }, noop),
  ).current;

  // The guest token source lives as long as the dashboard: embedding it again (new filters) reuses its token.
  // biome-ignore lint/correctness/useExhaustiveDependencies: handOver is created once and reads refs only.
  useEffect(() => {
    if (sourceKey === undefined) return;
    const tokens = createGuestTokenSource({
      ...latest.current.tokenOptions,
      fetchGuestToken: (context) => latest.current.fetchGuestToken(context),
      env: domGuestTokenEnv(),
      onStateChange: (next) => {
        if (next !== 'ready') return;
        // A fresh token: hand it to the dashboard now instead of on the SDK's own (unskewed) timer.
        handOver(tokens);
      },
      onRefreshFailed: (failure) => {
        setReconnecting(false);
        if (live.current?.ready && live.current.source === tokens) setState('expired');
        latest.current.onTokenRefreshFailed?.(failure);
      },
    });
    tokens.start();
    setSourceEntry({ key: sourceKey, source: tokens });
    return () => tokens.stop();
  }, [sourceKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: embedKey stands for the props that need a new embed.
  useEffect(() => {
    const element = host.current;
    if (propsError) {
      setState('error');
      setError(propsError);
      latest.current.onError?.(propsError);
      return;
    }
    // Only the source made for these props, and not one stopped in the same commit.
    if (!element || !sourceEntry || sourceEntry.key !== sourceKey || sourceEntry.source.state === 'stopped') return;
    if (domain instanceof SupersetEmbedError || urlParams instanceof SupersetEmbedError) return;
    const { source } = sourceEntry;
    const props = latest.current;
    embeddedNative.current = nativeKey; // the URL below carries the current native filters
    const sizer: AutoHeight | undefined =
      props.height === 'auto' || props.height === undefined ? createAutoHeight(props.autoHeight) : undefined;
    setState('loading');
    setError(undefined);
    setHeight(sizer?.height);
    if (new URL(domain).origin === window.location.origin) {
      devWarning(
        'SupersetEmbed: Superset is served from this page’s own origin, where no iframe sandbox can isolate it ' +
          '(allow-scripts with allow-same-origin lets it lift its sandbox). Serve Superset from its own origin.',
      );
    }

    let alive = true;
    const teardown = new AbortController();
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const later = (run: () => void, ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
      return timer;
    };
    const cancel = (timer: ReturnType<typeof setTimeout> | undefined) => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timers.delete(timer);
    };
    let startTimer: ReturnType<typeof setTimeout> | undefined;
    let frameLoaded = false;
    let tokenDelivered = false;
    let resize: ResizeObserver | undefined;
    const handshakeTimeoutMs = props.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;

    const frame = prepareFrame(
      element,
      {
        title: props.title ?? 'Superset dashboard',
        permissions: props.permissions ?? [],
        referrerPolicy: props.referrerPolicy ?? 'strict-origin',
      },
      {
        onLoad: () => {
          frameLoaded = true;
          armHandshake();
        },
        onRelinked: () => {
          // The dashboard reloaded its page: the new page starts without a token or a theme.
          source.getToken().then((token: string) => {
            if (alive && frame.pushGuestToken(token)) embed.delivered = token;
          }, noop);
          if (alive && embed.ready) nextPage();
        },
      },
    );
    const embed: LiveEmbed = { source, frame, dashboard: undefined, ready: false, delivered: undefined };
    live.current = embed;

    const fail = (failure: SupersetEmbedError) => {
      if (!alive) return;
      alive = false;
      embed.ready = false;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      resize?.disconnect();
      embed.dashboard?.unmount();
      frame.mount.replaceChildren();
      setState('error');
      setError(failure);
      latest.current.onError?.(failure);
    };

    /**
     * Once the frame has loaded and the SDK has its token (whichever comes later), the dashboard has
     * `handshakeTimeoutMs` to answer. A frame that has not loaded when the token came gets twice that.
     */
    function armHandshake() {
      if (!alive || embed.ready || !tokenDelivered) return;
      cancel(startTimer);
      startTimer = later(giveUp, frameLoaded ? handshakeTimeoutMs : 2 * handshakeTimeoutMs);
    }

    function giveUp() {
      diagnose(domain as string, dashboardId, teardown.signal).then((failure) => {
        if (!embed.ready) fail(failure);
      });
    }

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

    /**
     * Asks the dashboard for its scroll size. `answered` is false when no answer came in time (the page went
     * away, or has not started); an error answer (a method an older Superset lacks) still proves it is there.
     */
    const askSize = (dashboard: EmbeddedDashboard) =>
      new Promise<{ answered: boolean; size?: { height: number } }>((resolve) => {
        const timer = later(() => resolve({ answered: false }), POLL_TIMEOUT_MS);
        dashboard.getScrollSize().then(
          (size) => {
            cancel(timer);
            resolve({ answered: true, size });
          },
          () => {
            cancel(timer);
            resolve({ answered: true });
          },
        );
      });

    let polling: ReturnType<typeof setTimeout> | undefined;
    const poll = (delay = AUTO_HEIGHT_POLL_MS) => {
      cancel(polling);
      polling = later(() => {
        const dashboard = embed.dashboard;
        if (!alive || !dashboard) return;
        if (document.visibilityState === 'hidden') return poll();
        askSize(dashboard).then(({ size }) => {
          if (!alive) return;
          applySize(size);
          poll();
        });
      }, delay);
    };

    const ready = (dashboard: EmbeddedDashboard, size?: { height: number }) => {
      if (!alive) return;
      cancel(startTimer);
      embed.ready = true;
      setState('ready');
      applySize(size);
      if (sizer) {
        poll();
        let width = element.clientWidth;
        resize = new ResizeObserver(() => {
          if (!alive || element.clientWidth === width) return;
          width = element.clientWidth;
          sizer.reset();
          setHeight(sizer.height);
          poll(0);
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
      // The source may have moved on while the dashboard loaded: a newer token, or none at all.
      if (source.state === 'expired') setState('expired');
      else {
        source.getToken().then((token) => {
          if (alive && embed.delivered !== token && frame.pushGuestToken(token)) embed.delivered = token;
        }, noop);
      }
    };

    /** Asks until the dashboard answers (a question sent to a page that reloaded is never answered). */
    const confirm = (dashboard: EmbeddedDashboard) => {
      askSize(dashboard).then(({ answered, size }) => {
        if (!alive || embed.ready) return;
        if (answered) ready(dashboard, size);
        else confirm(dashboard);
      });
    };

    const embedWith = (embedDashboard: EmbedDashboard) =>
      embedDashboard({
        id: dashboardId,
        supersetDomain: domain,
        mountPoint: frame.mount,
        fetchGuestToken: () =>
          source.getToken().then((token) => {
            embed.delivered = token;
            if (!tokenDelivered) {
              tokenDelivered = true;
              armHandshake();
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
          urlParams: { ...urlParams },
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
          confirm(dashboard);
        },
        (failure: unknown) => fail(embedErrorOf(failure)),
      );

    return () => {
      alive = false;
      teardown.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      resize?.disconnect();
      embed.dashboard?.unmount();
      frame.dispose();
      if (live.current === embed) live.current = undefined;
    };
  }, [sourceEntry, sourceKey, embedKey, attemptNumber, propsError?.message]);

  // A ready dashboard whose SDK can set filters gets new native filters in place.
  useEffect(() => {
    const dashboard = live.current?.ready ? live.current.dashboard : undefined;
    if (state !== 'ready' || !canSetDataMask(dashboard) || embeddedNative.current === nativeKey) return;
    const mask = attempt(() => filtersToDataMask(latest.current.filters));
    if (mask instanceof SupersetEmbedError) return;
    embeddedNative.current = nativeKey;
    Promise.resolve(dashboard.setDataMask(mask)).catch(noop);
  }, [state, nativeKey]);

  // Without it, new filters needed a new embed: say so once.
  const readyParams = useRef<string | undefined>(undefined);
  const paramsKey = JSON.stringify([otherParams, nativeKey]);
  useEffect(() => {
    if (state !== 'ready') return;
    if (readyParams.current !== undefined && readyParams.current !== paramsKey && !canSetDataMask(liveDashboard)) {
      devWarning(
        'SupersetEmbed: the embedded SDK cannot change the filters of a loaded dashboard, so it was embedded ' +
          'again with the new filters (the dashboard reloads).',
      );
    }
    readyParams.current = paramsKey;
  }, [state, paramsKey, liveDashboard]);

  // The theme follows the provider (or the prop) without a new embed.
  const { themeMode } = options;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page (pages) needs the theme again.
  useEffect(() => {
    const dashboard = live.current?.dashboard;
    if (state !== 'ready' || !dashboard || themeMode === false) return;
    if (typeof dashboard.setThemeConfig !== 'function' || typeof dashboard.setThemeMode !== 'function') {
      devWarning('SupersetEmbed: this embedded SDK cannot set a dashboard theme (setThemeConfig needs SDK 0.3+).');
      return;
    }
    Promise.resolve(dashboard.setThemeConfig(supersetThemeConfig(themeMode))).catch(noop);
    dashboard.setThemeMode(themeMode === 'dark' ? 'dark' : 'default');
  }, [state, themeMode, pages]);

  // The title is the iframe's accessible name: changed in place.
  const title = options.title ?? 'Superset dashboard';
  useEffect(() => {
    const iframe = live.current?.frame.iframe;
    if (iframe) iframe.title = title;
  }, [title]);

  return {
    state,
    error,
    autoHeight: height,
    reconnecting,
    reconnect: () => {
      const source = sourceEntry?.source;
      if (!source || reconnecting) return;
      if (source.state === 'expired' || source.state === 'retrying') {
        setReconnecting(true);
        source.reconnect();
      } else {
        handOver(source); // it has a token already (a refresh came through meanwhile)
      }
    },
    retry: () => {
      const source = sourceEntry?.source;
      if (source?.state === 'expired') source.reconnect();
      nextAttempt();
    },
  };
}

function noop() {}
