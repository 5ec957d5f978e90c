import { safely } from '../util/safely';
import { type AutoHeight, type AutoHeightOptions, createAutoHeight } from './auto-height';
import { checkEmbedTarget } from './domain';
import { defaultGuestTokenEnv, type GuestTokenEnv } from './env';
import { type GuestTokenError, isGuestTokenError, SupersetEmbedError } from './errors';
import { filtersToDataMask, filtersToUrlParams, type SupersetEmbedFilters, SupersetFilterError } from './filters';
import { createGuestTokenSource, type FetchGuestTokenContext, type GuestTokenSourceOptions } from './guest-token';
import { supersetEmbedErrorMessages as text } from './messages';
import {
  allowFeatures,
  embedUrl,
  HOST_SWITCHBOARD_NAME,
  handshakeMessage,
  type SupersetEmbedPermission,
  type SupersetEmbedUiConfig,
  sandboxTokens,
} from './protocol';

/** How often `height="auto"` asks the dashboard for its scroll size while the page is visible. */
const AUTO_HEIGHT_POLL_MS = 1_000;
/** A scroll-size question unanswered this long is dropped (the document may have gone), and polling goes on. */
const POLL_TIMEOUT_MS = 5_000;
/** How long the reachability check after a failed handshake may take. */
const PROBE_TIMEOUT_MS = 5_000;
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 15_000;

// ------------------------------------------------------------------------------------------------- types

/** A change of the dashboard's filters, as Superset's `observeDataMask` reports it. */
export type SupersetDataMask = Record<string, unknown> & {
  crossFiltersChanged: boolean;
  nativeFiltersChanged: boolean;
};

/** Superset's theme modes (`setThemeMode`). */
export type SupersetThemeMode = 'default' | 'dark' | 'system';

/**
 * The dashboard's handle, with the same methods as the embedded SDK's `EmbeddedDashboard`. Each call goes to
 * the dashboard's current page (also after it reloaded itself).
 */
export interface EmbeddedDashboard {
  getScrollSize(): Promise<{ width: number; height: number }>;
  /** Removes the dashboard's iframe and stops this embed (the component shows nothing more for it). */
  unmount(): void;
  getDashboardPermalink(anchor: string): Promise<string>;
  getActiveTabs(): Promise<string[]>;
  observeDataMask(callback: (dataMask: SupersetDataMask) => void): void;
  getDataMask(): Promise<Record<string, unknown>>;
  getChartStates(): Promise<Record<string, unknown>>;
  getChartDataPayloads(params?: { chartId?: number }): Promise<Record<string, unknown>>;
  setThemeConfig(themeConfig: Record<string, unknown>): void;
  setThemeMode(mode: SupersetThemeMode): void;
}

/** The part of `@superset-ui/switchboard`'s `Switchboard` the controller uses. */
export interface SwitchboardLike {
  get<T = unknown>(method: string, args?: unknown): Promise<T>;
  emit(method: string, args?: unknown): void;
  defineMethod(name: string, executor: (args: never) => unknown): void;
  start(): void;
}
export type SwitchboardFactory = (params: { port: MessagePort; name: string }) => SwitchboardLike;

/** What the host builds the iframe from. */
export interface SupersetEmbedFrameSpec {
  /** `${domain}/embedded/${id}?uiConfig=…`: never holds a token. */
  src: string;
  title: string;
  /** The sandbox tokens (`allow-scripts allow-same-origin` plus the permissions asked for). */
  sandbox: string[];
  /** The Permissions-Policy `allow` list (empty: no attribute). */
  allow: string[];
  referrerPolicy: ReferrerPolicy;
}

/** The iframe, as the controller sees it. */
export interface SupersetEmbedFrame {
  /** Posts to the frame's current window (the handshake, with one transferred port). */
  postMessage(message: unknown, targetOrigin: string, transfer: MessagePort[]): void;
  setTitle(title: string): void;
  /** Removes the iframe. */
  remove(): void;
}

/** Everything the controller needs from the page, passed in so that `src/core` never reads the DOM. */
export interface SupersetEmbedHost {
  /** Creates the iframe from `spec`, calls `onLoad` after each document it loads, and inserts it. */
  createFrame(spec: SupersetEmbedFrameSpec, onLoad: () => void): SupersetEmbedFrame;
  /** Whether anything answers at `url` (a no-cors request). Default: `fetch` at call time. */
  probe?(url: string, signal: AbortSignal): Promise<boolean>;
  /** The page is hidden: the height poll waits. Default: never hidden. */
  isHidden?(): boolean;
  /** Calls `listener` when the embed's width changes; returns the unsubscribe function. Default: never. */
  onResize?(listener: () => void): () => void;
}

/** The clock, timers, randomness and online/visible signals; `createChannel` makes the MessageChannel. */
export interface SupersetEmbedEnv extends GuestTokenEnv {
  createChannel(): { port1: MessagePort; port2: MessagePort };
}

/** What may change without a new controller. A change of what the iframe's URL holds embeds the dashboard again. */
export interface SupersetEmbedSettings {
  filters?: SupersetEmbedFilters;
  uiConfig?: SupersetEmbedUiConfig;
  permissions?: readonly SupersetEmbedPermission[];
  /** Default `'strict-origin'`. */
  referrerPolicy?: ReferrerPolicy;
  /** Default `'Superset dashboard'`; changed in place. */
  title?: string;
  /** `'auto'` (default) follows the dashboard's height; a number is fixed by the host. */
  height?: 'auto' | number;
  autoHeight?: AutoHeightOptions;
  /** Ask the dashboard to report filter changes (`onDataMaskChange`). */
  emitDataMasks?: boolean;
  /** Default 15 000. */
  handshakeTimeoutMs?: number;
}

export interface SupersetEmbedEvents {
  onLoad?(dashboard: EmbeddedDashboard): void;
  onError?(error: SupersetEmbedError): void;
  onTokenRefreshFailed?(error: GuestTokenError): void;
  onDataMaskChange?(dataMask: SupersetDataMask): void;
  /** Development warnings. */
  warn?(message: string): void;
}

export interface SupersetEmbedControllerOptions {
  supersetDomain: string;
  dashboardId: string;
  fetchGuestToken: (context: FetchGuestTokenContext) => Promise<string>;
  tokenOptions?: Pick<GuestTokenSourceOptions, 'timeoutMs' | 'refreshBeforeMs' | 'skewToleranceMs' | 'retry'>;
  host: SupersetEmbedHost;
  settings?: SupersetEmbedSettings;
  /** Callbacks, read at each call (an object with getters works). */
  events?: SupersetEmbedEvents;
  env?: Partial<SupersetEmbedEnv>;
  /** Loads the switchboard. Default: `import('@superset-ui/switchboard')`, on the first embed. */
  loadSwitchboard?: () => Promise<SwitchboardFactory>;
}

/** `loading` (token, frame, handshake), `ready`, `expired` (the token refresh gave up), `error`. */
export type SupersetEmbedState = 'loading' | 'ready' | 'expired' | 'error';

export interface SupersetEmbedSnapshot {
  readonly state: SupersetEmbedState;
  readonly error: SupersetEmbedError | undefined;
  /** The frame's height in px for `height="auto"`; undefined for a fixed height. */
  readonly height: number | undefined;
  /** True from `reconnect()` until a token came or the refresh gave up again. */
  readonly reconnecting: boolean;
}

export interface SupersetEmbedController {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SupersetEmbedSnapshot;
  /** Starts the token source and embeds the dashboard. Idempotent. */
  start(): void;
  /** New settings: applied in place where possible (title, native filters where the handle can), else re-embeds. */
  configure(settings: SupersetEmbedSettings): void;
  /** The theme sent to the dashboard (Superset 6 applies it), or `false` to leave its own. */
  setTheme(theme: { mode: 'light' | 'dark'; config: object } | false): void;
  /** After `'expired'`: fetch a token again and hand it to the dashboard in place. */
  reconnect(): void;
  /** After `'error'`: embed again. */
  retry(): void;
  /** Removes the iframe, stops the token source; clears every timer and closes the channel. */
  destroy(): void;
  /** The dashboard's handle once it answered, else undefined. */
  readonly dashboard: EmbeddedDashboard | undefined;
}

// ------------------------------------------------------------------------------------------------- defaults

const defaultEnv: SupersetEmbedEnv = {
  ...defaultGuestTokenEnv,
  createChannel: () => new MessageChannel(),
};

let switchboardModule: Promise<SwitchboardFactory> | undefined;
/** The official switchboard, loaded on the first embed (never on the server, never at module load). */
function loadOfficialSwitchboard(): Promise<SwitchboardFactory> {
  switchboardModule ??= import('@superset-ui/switchboard').then((module) => {
    const interop = module as { Switchboard?: unknown; default?: { Switchboard?: unknown } };
    const Switchboard = (interop.Switchboard ?? interop.default?.Switchboard) as
      | (new (params: {
          port: MessagePort;
          name: string;
        }) => SwitchboardLike)
      | undefined;
    if (typeof Switchboard !== 'function') throw new TypeError('@superset-ui/switchboard has no Switchboard export.');
    return (params) => new Switchboard(params);
  });
  switchboardModule.catch(() => {
    switchboardModule = undefined; // a failed chunk load can be retried
  });
  return switchboardModule;
}

const defaultProbe = async (url: string, signal: AbortSignal): Promise<boolean> => {
  try {
    await fetch(url, {
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
    return true;
  } catch {
    return false;
  }
};

export const embedErrorOf = (error: unknown): SupersetEmbedError => {
  if (error instanceof SupersetEmbedError) return error;
  if (isGuestTokenError(error)) return new SupersetEmbedError('token', text.token(error.code), { cause: error });
  if (error instanceof SupersetFilterError) {
    return new SupersetEmbedError('invalid-props', error.message, { cause: error });
  }
  return new SupersetEmbedError('sdk', text.sdk, { cause: error });
};

type MaskSettable = EmbeddedDashboard & { setDataMask: (dataMask: Record<string, unknown>) => unknown };
/** A handle that can set filters on a loaded dashboard (a host may add the method; Superset has none yet). */
const canSetDataMask = (dashboard: EmbeddedDashboard | undefined): dashboard is MaskSettable =>
  typeof (dashboard as Partial<MaskSettable> | undefined)?.setDataMask === 'function';

const noop = () => undefined;

// ------------------------------------------------------------------------------------------------- controller

/**
 * An embedded Superset dashboard without a framework: the guest token's lifecycle (`createGuestTokenSource`),
 * the iframe (through `host`), the handshake and `@superset-ui/switchboard` channel, the handshake timeout and
 * its diagnosis, auto-height, theme and filters. Read it with `subscribe`/`getSnapshot`.
 *
 * It speaks Superset's embedded protocol itself, as the official SDK does: after each load of the frame, a
 * `{ type: '__embedded_comms__', handshake: 'port transfer' }` message with one MessagePort, then
 * switchboard calls on that channel (`guestToken`, `getScrollSize`, `setThemeConfig`, …). Each fresh token
 * goes to the dashboard the moment the source has it; a page the dashboard reloads gets a new channel, the
 * token and the theme.
 */
export function createSupersetEmbedController(options: SupersetEmbedControllerOptions): SupersetEmbedController {
  const env: SupersetEmbedEnv = { ...defaultEnv, ...options.env };
  const { host, dashboardId } = options;
  const events = options.events ?? {};
  const loadSwitchboard = options.loadSwitchboard ?? loadOfficialSwitchboard;
  const probe = host.probe ?? defaultProbe;
  let settings: SupersetEmbedSettings = { ...options.settings };
  let theme: { mode: 'light' | 'dark'; config: object } | false = false;

  let snapshot: SupersetEmbedSnapshot = { state: 'loading', error: undefined, height: undefined, reconnecting: false };
  const listeners = new Set<() => void>();
  const update = (next: Partial<SupersetEmbedSnapshot>) => {
    const merged = { ...snapshot, ...next };
    if (
      merged.state === snapshot.state &&
      merged.error === snapshot.error &&
      merged.height === snapshot.height &&
      merged.reconnecting === snapshot.reconnecting
    ) {
      return;
    }
    snapshot = merged;
    for (const listener of [...listeners]) listener();
  };

  let domain: string | undefined;
  let targetError: SupersetEmbedError | undefined;
  try {
    domain = checkEmbedTarget(options.supersetDomain, dashboardId);
  } catch (error) {
    targetError = embedErrorOf(error);
  }

  const tokens = createGuestTokenSource({
    ...options.tokenOptions,
    fetchGuestToken: (context) => options.fetchGuestToken(context),
    env,
    onStateChange: (next) => {
      if (next === 'ready') handOver();
    },
    onRefreshFailed: (failure) => {
      update({ reconnecting: false });
      if (current?.ready) update({ state: 'expired' });
      safely(() => events.onTokenRefreshFailed?.(failure));
    },
  });

  /** One embed: its frame, channel and timers. A new embed (new URL, retry) replaces it. */
  interface Embed {
    alive: boolean;
    ready: boolean;
    frame: SupersetEmbedFrame | undefined;
    board: SwitchboardLike | undefined;
    port: MessagePort | undefined;
    frameLoaded: boolean;
    /** The first token is in hand (the handshake timer runs from then). */
    tokenInHand: boolean;
    /** The token the current page was last given. */
    delivered: string | undefined;
    timers: Set<unknown>;
    handshakeTimer: unknown;
    pollTimer: unknown;
    sizer: AutoHeight | undefined;
    stopResize: () => void;
    probe: AbortController | undefined;
    handle: EmbeddedDashboard;
    dataMaskListener: ((dataMask: SupersetDataMask) => void) | undefined;
    /** The `native_filters` the page was loaded with, or last set in place. */
    native: string;
    /** What the iframe's URL holds, but native filters. */
    key: string;
    /** The URL parameters from `filters.urlParams`. */
    params: string;
  }

  let current: Embed | undefined;
  let started = false;
  let destroyed = false;

  const later = (embed: Embed, run: () => void, ms: number): unknown => {
    const entry: { handle: unknown } = { handle: undefined };
    entry.handle = env.setTimeout(() => {
      embed.timers.delete(entry.handle);
      if (embed.alive) run();
    }, ms);
    embed.timers.add(entry.handle);
    return entry.handle;
  };
  const cancel = (embed: Embed, handle: unknown) => {
    if (handle === undefined) return;
    env.clearTimeout(handle);
    embed.timers.delete(handle);
  };

  const closeChannel = (embed: Embed) => {
    embed.port?.close();
    embed.port = undefined;
    embed.board = undefined;
  };

  const teardown = (embed: Embed | undefined) => {
    if (!embed) return;
    embed.alive = false;
    embed.ready = false;
    for (const handle of embed.timers) env.clearTimeout(handle);
    embed.timers.clear();
    embed.stopResize();
    embed.probe?.abort();
    closeChannel(embed);
    embed.frame?.remove();
    embed.frame = undefined;
  };

  const fail = (embed: Embed, failure: SupersetEmbedError) => {
    if (!embed.alive) return;
    teardown(embed);
    update({ state: 'error', error: failure, reconnecting: false });
    safely(() => events.onError?.(failure));
  };

  /** Gives the current page the token if it has not had it. */
  const deliver = (embed: Embed, token: string) => {
    if (!embed.alive || !embed.board || embed.delivered === token) return;
    embed.board.emit('guestToken', { guestToken: token });
    embed.delivered = token;
  };

  const sendTheme = (embed: Embed) => {
    if (!embed.ready || !embed.board || theme === false) return;
    embed.board.emit('setThemeConfig', { themeConfig: theme.config });
    embed.board.emit('setThemeMode', { mode: theme.mode === 'dark' ? 'dark' : 'default' });
  };

  /** The source has a token: the dashboard gets it now, and an `'expired'` embed is ready again. */
  function handOver() {
    const embed = current;
    tokens.getToken().then((token) => {
      if (!embed || embed !== current || !embed.alive) return;
      if (!embed.board) return; // the page is not connected yet: it gets the token on its handshake
      deliver(embed, token);
      if (snapshot.state === 'expired' && embed.ready) update({ state: 'ready', reconnecting: false });
    }, noop);
  }

  /**
   * Once the frame has loaded and the token is in hand (whichever comes later), the dashboard has
   * `handshakeTimeoutMs` to answer; a frame that has not loaded when the token came gets twice that.
   */
  const armHandshake = (embed: Embed) => {
    if (!embed.alive || embed.ready || !embed.tokenInHand) return;
    cancel(embed, embed.handshakeTimer);
    const timeout = settings.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
    embed.handshakeTimer = later(embed, () => diagnose(embed), embed.frameLoaded ? timeout : 2 * timeout);
  };

  /** After a failed handshake: was anything answering at all? An opaque no-cors answer means yes. */
  const diagnose = (embed: Embed) => {
    const target = domain as string;
    const origin = new URL(target).origin;
    const abort = new AbortController();
    embed.probe = abort;
    later(embed, () => abort.abort(), PROBE_TIMEOUT_MS);
    probe(`${target}/embedded/${dashboardId}`, abort.signal).then((answered) => {
      if (!embed.alive || embed.ready) return;
      fail(
        embed,
        new SupersetEmbedError(
          answered ? 'refused' : 'unreachable',
          (answered ? text.refused : text.unreachable)(origin),
        ),
      );
    }, noop);
  };

  /**
   * Asks the dashboard for its scroll size. `answered` is false when no answer came in time (the page went
   * away, or has not started); an error answer (a method an older Superset lacks) still proves it is there.
   */
  const askSize = (embed: Embed) =>
    new Promise<{ answered: boolean; size?: { height: number } }>((resolve) => {
      const board = embed.board;
      if (!board) {
        resolve({ answered: false });
        return;
      }
      const timer = later(embed, () => resolve({ answered: false }), POLL_TIMEOUT_MS);
      board.get<{ height: number }>('getScrollSize').then(
        (size) => {
          cancel(embed, timer);
          resolve({ answered: true, size });
        },
        () => {
          cancel(embed, timer);
          resolve({ answered: true });
        },
      );
    });

  const applySize = (embed: Embed, size: { height: number } | undefined) => {
    const sizer = embed.sizer;
    if (!embed.alive || !sizer || !size || typeof size.height !== 'number') return;
    const step = sizer.report(size.height);
    update({ height: step.height });
    if (step.loop) safely(() => events.warn?.(text.heightLoop(dashboardId, step.height)));
  };

  const poll = (embed: Embed, delay = AUTO_HEIGHT_POLL_MS) => {
    cancel(embed, embed.pollTimer);
    embed.pollTimer = later(
      embed,
      () => {
        if (host.isHidden?.()) return poll(embed);
        askSize(embed).then(({ size }) => {
          if (!embed.alive) return;
          applySize(embed, size);
          poll(embed);
        });
      },
      delay,
    );
  };

  const ready = (embed: Embed, size: { height: number } | undefined) => {
    if (!embed.alive || embed.ready) return;
    cancel(embed, embed.handshakeTimer);
    embed.ready = true;
    update({ state: 'ready', error: undefined });
    applySize(embed, size);
    const { sizer } = embed;
    if (sizer) {
      poll(embed);
      embed.stopResize =
        host.onResize?.(() => {
          if (!embed.alive) return;
          sizer.reset();
          update({ height: sizer.height });
          poll(embed, 0);
        }) ?? noop;
    }
    if (settings.emitDataMasks) {
      embed.handle.observeDataMask((mask) => events.onDataMaskChange?.(mask));
    }
    safely(() => events.onLoad?.(embed.handle));
    sendTheme(embed);
    // The source may have moved on while the dashboard loaded: a newer token, or none at all.
    if (tokens.state === 'expired') update({ state: 'expired' });
    else handOver();
  };

  /** Asks until the dashboard answers (a question sent to a page that reloaded is never answered). */
  const confirm = (embed: Embed) => {
    askSize(embed).then(({ answered, size }) => {
      if (!embed.alive || embed.ready) return;
      if (answered) ready(embed, size);
      else if (embed.board) confirm(embed);
    });
  };

  /** After each load of a document in the frame: a new channel, the handshake, the token, and the theme again. */
  const connect = (embed: Embed, createSwitchboard: SwitchboardFactory) => {
    if (!embed.alive || !embed.frame || domain === undefined) return;
    const reloaded = embed.frameLoaded;
    embed.frameLoaded = true;
    closeChannel(embed);
    const channel = env.createChannel();
    const board = createSwitchboard({ port: channel.port1, name: HOST_SWITCHBOARD_NAME });
    embed.port = channel.port1;
    embed.board = board;
    embed.delivered = undefined;
    embed.frame.postMessage(handshakeMessage(), new URL(domain).origin, [channel.port2]);
    // As the SDK does: Superset may ask the host to resolve a permalink; without a resolver it uses its own.
    board.defineMethod('resolvePermalinkUrl', () => null);
    const listener = embed.dataMaskListener;
    if (listener) board.defineMethod('observeDataMask', listener);
    board.start();
    if (!embed.tokenInHand) return; // the token arrives later and goes straight to this page
    tokens.getToken().then((token) => {
      if (embed.board !== board) return;
      deliver(embed, token);
      if (embed.ready) {
        if (reloaded) sendTheme(embed);
      } else {
        armHandshake(embed);
        confirm(embed);
      }
    }, noop);
  };

  const makeHandle = (embed: Embed): EmbeddedDashboard => {
    const get = <T>(method: string, args?: unknown): Promise<T> =>
      embed.board
        ? embed.board.get<T>(method, args)
        : Promise.reject(new SupersetEmbedError('sdk', 'The dashboard is not connected.'));
    const emit = (method: string, args: unknown) => embed.board?.emit(method, args);
    return {
      getScrollSize: () => get('getScrollSize'),
      unmount: () => {
        if (current === embed) current = undefined;
        teardown(embed);
      },
      getDashboardPermalink: (anchor) => get('getDashboardPermalink', { anchor }),
      getActiveTabs: () => get('getActiveTabs'),
      observeDataMask: (callback) => {
        embed.dataMaskListener = callback as (dataMask: SupersetDataMask) => void;
        embed.board?.defineMethod('observeDataMask', callback);
      },
      getDataMask: () => get('getDataMask'),
      getChartStates: () => get('getChartStates'),
      getChartDataPayloads: (params) => get('getChartDataPayloads', params),
      setThemeConfig: (themeConfig) => emit('setThemeConfig', { themeConfig }),
      setThemeMode: (mode) => emit('setThemeMode', { mode }),
    };
  };

  /** What the iframe's URL holds (but native filters), and the native filters; throws for bad filters. */
  const describe = (next: SupersetEmbedSettings) => {
    const { native_filters: native = '', ...urlParams } = filtersToUrlParams(next.filters);
    const key = JSON.stringify([
      urlParams,
      next.uiConfig ?? {},
      next.permissions ?? [],
      next.referrerPolicy ?? 'strict-origin',
      Boolean(next.emitDataMasks),
      next.height === 'auto' || next.height === undefined,
      next.autoHeight ?? {},
    ]);
    return { key, native, urlParams, params: JSON.stringify(urlParams) };
  };

  /** Embeds the dashboard afresh (the token source, and its token, stay). */
  const embed = () => {
    teardown(current);
    current = undefined;
    if (destroyed) return;
    const failure = targetError;
    let described: ReturnType<typeof describe>;
    try {
      if (failure) throw failure;
      described = describe(settings);
    } catch (error) {
      const invalid = embedErrorOf(error);
      update({ state: 'error', error: invalid, height: undefined, reconnecting: false });
      safely(() => events.onError?.(invalid));
      return;
    }
    const target = domain as string;
    const auto = settings.height === 'auto' || settings.height === undefined;
    const sizer = auto ? createAutoHeight(settings.autoHeight) : undefined;
    const next: Embed = {
      alive: true,
      ready: false,
      frame: undefined,
      board: undefined,
      port: undefined,
      frameLoaded: false,
      tokenInHand: false,
      delivered: undefined,
      timers: new Set(),
      handshakeTimer: undefined,
      pollTimer: undefined,
      sizer,
      stopResize: noop,
      probe: undefined,
      handle: undefined as unknown as EmbeddedDashboard,
      dataMaskListener: undefined,
      native: described.native,
      key: described.key,
      params: described.params,
    };
    next.handle = makeHandle(next);
    current = next;
    update({ state: 'loading', error: undefined, height: sizer?.height, reconnecting: false });

    const urlParams: Record<string, string> = { ...described.urlParams };
    if (described.native) urlParams.native_filters = described.native;
    const spec: SupersetEmbedFrameSpec = {
      src: embedUrl(target, dashboardId, {
        uiConfig: settings.uiConfig,
        emitDataMasks: Boolean(settings.emitDataMasks),
        urlParams,
      }),
      title: settings.title ?? 'Superset dashboard',
      sandbox: sandboxTokens(settings.permissions ?? []),
      allow: allowFeatures(settings.permissions ?? []),
      referrerPolicy: settings.referrerPolicy ?? 'strict-origin',
    };

    loadSwitchboard().then(
      (createSwitchboard) => {
        if (!next.alive) return;
        try {
          next.frame = host.createFrame(spec, () => connect(next, createSwitchboard));
        } catch (error) {
          fail(next, embedErrorOf(error));
        }
      },
      (error: unknown) => fail(next, embedErrorOf(error)),
    );

    tokens.getToken().then(
      (token) => {
        if (!next.alive) return;
        next.tokenInHand = true;
        armHandshake(next);
        if (!next.board) return; // the frame has not loaded: connect() sends it
        deliver(next, token);
        confirm(next);
      },
      (error: unknown) => fail(next, embedErrorOf(error)),
    );
  };

  const configure = (next: SupersetEmbedSettings) => {
    const previous = settings;
    settings = { ...next };
    if (!started || destroyed) return;
    if ((next.title ?? 'Superset dashboard') !== (previous.title ?? 'Superset dashboard')) {
      current?.frame?.setTitle(next.title ?? 'Superset dashboard');
    }
    let described: ReturnType<typeof describe>;
    try {
      described = describe(settings);
    } catch {
      embed(); // reports the bad filters
      return;
    }
    const embedded = current;
    if (embedded?.key === described.key && embedded.native === described.native) return;
    if (!embedded?.alive) {
      // The last embed failed (or had bad props): new settings get a new embed, as new props would.
      if (!targetError) embed();
      return;
    }
    if (embedded.key === described.key && embedded.ready && canSetDataMask(embedded.handle)) {
      embedded.native = described.native;
      Promise.resolve(embedded.handle.setDataMask(filtersToDataMask(settings.filters))).catch(noop);
      return;
    }
    const paramsChanged = embedded.native !== described.native || embedded.params !== described.params;
    if (embedded.ready && paramsChanged) safely(() => events.warn?.(text.filtersReembedded));
    embed();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    start() {
      if (started || destroyed) return;
      started = true;
      if (!targetError) tokens.start();
      embed();
    },
    configure,
    setTheme(next) {
      const changed = next === false ? theme !== false : theme === false || theme.mode !== next.mode;
      theme = next;
      if (changed && current) sendTheme(current);
    },
    reconnect() {
      if (snapshot.reconnecting || destroyed) return;
      if (tokens.state === 'expired' || tokens.state === 'retrying') {
        update({ reconnecting: true });
        tokens.reconnect();
      } else {
        handOver(); // it has a token already (a refresh came through meanwhile)
      }
    },
    retry() {
      if (!started || destroyed) return;
      if (tokens.state === 'expired') tokens.reconnect();
      embed();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      teardown(current);
      current = undefined;
      tokens.stop();
      listeners.clear();
    },
    get dashboard() {
      return current?.ready ? current.handle : undefined;
    },
  };
}
