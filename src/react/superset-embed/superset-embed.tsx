import { forwardRef, useRef } from 'react';
import { enSupersetEmbed } from '../../core/messages/en';
import { cn } from '../lib/cn';
import { useMergedRefs } from '../lib/merge-refs';
import { useWords } from '../lib/messages';
import { useIsomorphicLayoutEffect } from '../lib/use-isomorphic-layout-effect';
import { useResolvedTheme } from '../lib/use-resolved-theme';
import type { SupersetEmbedProps } from './types';
import { useSupersetEmbed } from './use-superset-embed';

const ENGLISH = { supersetEmbed: enSupersetEmbed };

const BUTTON =
  'ip:inline-flex ip:cursor-pointer ip:items-center ip:gap-2 ip:rounded-ip-md ip:border ip:border-solid ip:border-ip-outline ip:bg-ip-surface ip:px-3 ip:py-1 ip:text-ip-on-surface ip:hover:bg-ip-surface-variant ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary';
const PANEL =
  'ip:absolute ip:inset-0 ip:flex ip:flex-col ip:items-center ip:justify-center ip:gap-3 ip:p-6 ip:text-center';

/**
 * An Apache Superset dashboard, embedded over Superset's own protocol (the official `@superset-ui/switchboard`,
 * as the embedded SDK uses it), in the InsightPulse theme, with a guest token that is refreshed before it
 * expires (correcting for clock skew), retried with backoff, refreshed again when the network or the page comes
 * back, and reported when it cannot be.
 *
 * The root's `data-state` is `loading`, `ready`, `expired` (with a Reconnect button) or `error` (saying why).
 * The iframe gets a title, the sandbox `allow-scripts allow-same-origin` plus only the `permissions` asked for,
 * and the referrer policy `strict-origin`. Tokens travel only over the message channel, never in a URL or a log.
 * The ref is the root element's.
 */
export const SupersetEmbed = forwardRef<HTMLDivElement, SupersetEmbedProps>(function SupersetEmbed(
  {
    supersetDomain,
    dashboardId,
    fetchGuestToken,
    filters,
    uiConfig,
    theme,
    height = 'auto',
    autoHeight,
    title: titleProp,
    messages: messagesProp,
    permissions,
    referrerPolicy,
    tokenOptions,
    handshakeTimeoutMs,
    onLoad,
    onError,
    onTokenRefreshFailed,
    onDataMaskChange,
    env,
    className,
    style,
    ...props
  },
  forwardedRef,
) {
  const messages = useWords({ messages: messagesProp }, ENGLISH).words.supersetEmbed;
  const title = titleProp ?? messages.title;
  // The mode the components' own `theme` prop resolves to; `false` keeps the dashboard's theme.
  const resolved = useResolvedTheme(theme === false ? undefined : theme);
  const themeMode = theme === false ? false : resolved.mode;

  const host = useRef<HTMLDivElement>(null);
  const status = useSupersetEmbed(host, {
    supersetDomain,
    dashboardId,
    fetchGuestToken,
    filters,
    uiConfig,
    themeMode,
    height,
    autoHeight,
    title,
    permissions,
    referrerPolicy,
    tokenOptions,
    handshakeTimeoutMs,
    onLoad,
    onError,
    onTokenRefreshFailed,
    onDataMaskChange,
    env,
  });
  const { state, error } = status;
  const root = useRef<HTMLDivElement>(null);
  const ref = useMergedRefs(root, forwardedRef);
  const action = useRef<HTMLButtonElement>(null);
  /** The user pressed Reconnect or Try again: focus stays in the component and goes to the dashboard after. */
  const returnFocus = useRef(false);
  const blocked = state === 'expired' || state === 'error';
  useIsomorphicLayoutEffect(() => {
    const element = root.current;
    const hadFocus = returnFocus.current || (element?.contains(document.activeElement) ?? false);
    // Set as a property: React 18 and 19 disagree on how to render the `inert` attribute.
    if (host.current) host.current.inert = blocked;
    if (!hadFocus) return;
    if (blocked) {
      // To the panel's button, or to the panel's root when it has none (bad props).
      (action.current ?? element)?.focus();
      returnFocus.current = false;
    } else if (state === 'loading') {
      element?.focus(); // the button that had focus is gone; the dashboard is not there yet
    } else if (state === 'ready' && returnFocus.current) {
      returnFocus.current = false;
      host.current?.querySelector('iframe')?.focus();
    }
  }, [blocked, state]);
  const announcement = state === 'loading' ? messages.loading(title) : state === 'ready' ? messages.loaded(title) : '';
  const pixels = typeof height === 'number' ? height : status.autoHeight;

  return (
    <div
      {...props}
      ref={ref}
      data-slot="superset-embed"
      data-state={state}
      data-error={error?.code}
      tabIndex={-1}
      style={{ height: pixels, ...style }}
      className={cn(
        'ip:relative ip:box-border ip:w-full ip:overflow-hidden ip:focus-visible:outline-2 ip:focus-visible:outline-ip-primary ip:rounded-ip-lg ip:border ip:border-solid ip:border-ip-outline-variant ip:bg-ip-surface ip:font-ip-sans ip:text-ip-on-surface',
        className,
      )}
    >
      {/* Always present, outside the busy frame, so that changes of its text are announced. */}
      <p role="status" data-slot="superset-embed-status" className="ip:sr-only">
        {announcement}
      </p>
      <div
        ref={host}
        data-slot="superset-embed-frame"
        aria-busy={state === 'loading' || undefined}
        className={cn('ip:absolute ip:inset-0', state !== 'ready' && state !== 'expired' && 'ip:invisible')}
      />
      {state === 'loading' && (
        <div data-slot="superset-embed-loading" className={PANEL}>
          <div
            aria-hidden="true"
            className="ip:absolute ip:inset-4 ip:animate-pulse ip:rounded-ip-md ip:bg-ip-surface-variant"
          />
          <p aria-hidden="true" className="ip:relative ip:m-0 ip:text-ip-on-surface-variant">
            {messages.loading(title)}
          </p>
        </div>
      )}
      {state === 'expired' && (
        <div
          role="alert"
          data-slot="superset-embed-expired"
          className={cn(PANEL, 'ip:bg-ip-surface/90 ip:backdrop-blur-sm')}
        >
          <p className="ip:m-0 ip:font-ip-semibold">{messages.expired(title)}</p>
          <p className="ip:m-0 ip:text-ip-sm ip:text-ip-on-surface-variant">{messages.expiredDetail}</p>
          <button
            ref={action}
            type="button"
            className={BUTTON}
            aria-disabled={status.reconnecting || undefined}
            onClick={() => {
              returnFocus.current = true;
              status.reconnect();
            }}
          >
            {status.reconnecting ? messages.reconnecting : messages.reconnect}
          </button>
        </div>
      )}
      {state === 'error' && error && (
        <div role="alert" data-slot="superset-embed-error" className={PANEL}>
          <p className="ip:m-0 ip:font-ip-semibold ip:text-ip-error">{messages.failed(title)}</p>
          <p className="ip:m-0 ip:max-w-prose ip:text-ip-sm ip:text-ip-on-surface-variant">
            {messages.failedDetail(error)}
          </p>
          {error.code !== 'invalid-props' && (
            <button
              ref={action}
              type="button"
              className={BUTTON}
              onClick={() => {
                returnFocus.current = true;
                status.retry();
              }}
            >
              {messages.tryAgain}
            </button>
          )}
        </div>
      )}
    </div>
  );
});
