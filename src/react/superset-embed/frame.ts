/**
 * The iframe the embedded SDK creates, made narrower, and a tap on the SDK's own message channel.
 *
 * The SDK builds its iframe itself and inserts it with `mountPoint.replaceChildren(iframe)`, before the
 * iframe starts loading. The mount point is an element of ours, so that call is where the frame gets the
 * narrowest sandbox, the permissions, title and referrer policy asked for.
 *
 * When the iframe loads, the SDK sends it one end of a MessageChannel (the "port transfer" handshake) and
 * from then on sends guest tokens only on its own timer, computed from the token's `exp` by the local clock
 * (late by as much as the server's clock is ahead). While the frame's `load` event is dispatched (the SDK's
 * handler runs then), the frame's `contentWindow` is read through a getter of ours: the port the SDK meant
 * for the dashboard is relayed through a channel of ours, and every message passes through unchanged both
 * ways. That lets the component
 * send a refreshed token the moment it has one, in the SDK's own wire format (a switchboard `emit` of
 * `guestToken`), and keeps the SDK's handle linked to the dashboard when the frame loads a new document.
 * Without the handshake (another SDK version), the SDK's timer still delivers tokens.
 */

/** Capabilities the dashboard can be granted beyond running (`allow-scripts allow-same-origin`). */
export type SupersetEmbedPermission = 'downloads' | 'exports' | 'fullscreen' | 'clipboard';

export interface FrameOptions {
  title: string;
  permissions: readonly SupersetEmbedPermission[];
  referrerPolicy: ReferrerPolicy;
}

export interface PreparedFrame {
  /** The element to give the SDK as its `mountPoint`. */
  readonly mount: HTMLDivElement;
  /** The iframe once the SDK created it. */
  readonly iframe: HTMLIFrameElement | undefined;
  /** Sends a guest token to the dashboard now over the SDK's channel; false when the channel is not relayed. */
  pushGuestToken(token: string): boolean;
  /** Removes the mount element; later calls from the SDK touch only that detached element. */
  dispose(): void;
}

/** The sandbox tokens, and why: everything else the SDK adds by default is off unless asked for. */
export function sandboxTokens(permissions: readonly SupersetEmbedPermission[]): string[] {
  const tokens = [
    'allow-scripts', // the dashboard is a JavaScript application
    'allow-same-origin', // its API calls, and the SDK's postMessage to the Superset origin, need its own origin
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

const HANDSHAKE_TYPE = '__embedded_comms__';

const isHandshake = (message: unknown): boolean =>
  typeof message === 'object' &&
  message !== null &&
  (message as { type?: unknown }).type === HANDSHAKE_TYPE &&
  (message as { handshake?: unknown }).handshake === 'port transfer';

export interface FrameEvents {
  /** The frame finished loading a document (after the SDK's own `load` handler ran). */
  onLoad(): void;
  /** The frame loaded a new document and the SDK's channel was linked to it: it needs a guest token. */
  onRelinked(): void;
}

export function prepareFrame(host: HTMLElement, options: FrameOptions, events: FrameEvents): PreparedFrame {
  const mount = document.createElement('div');
  mount.dataset.slot = 'superset-embed-mount';
  mount.style.cssText = 'width:100%;height:100%';
  host.appendChild(mount);

  let iframe: HTMLIFrameElement | undefined;
  /** Our end of the channel to the dashboard's document. */
  let toDashboard: MessagePort | undefined;
  /** The port the SDK meant for the dashboard: the SDK's switchboard talks to us through it. */
  let fromSdk: MessagePort | undefined;

  /** A channel to the frame's current document; the previous one (an unloaded document's) is closed. */
  const connectDocument = (): MessagePort => {
    toDashboard?.close();
    const channel = new MessageChannel();
    toDashboard = channel.port1;
    channel.port1.onmessage = (event) => fromSdk?.postMessage(event.data);
    return channel.port2;
  };

  /**
   * What the SDK's `load` handler sees as the frame's `contentWindow`. On the first load it keeps the port
   * the SDK sends and hands the document a channel of ours. On a later load (the dashboard reloaded itself)
   * the SDK sends a port of a new switchboard that its handle never uses: that port is closed, and the
   * document is linked to the SDK's first port instead, so the SDK's handle keeps working.
   */
  const tappedWindow = (target: Window) => ({
    postMessage(message: unknown, targetOrigin: string, transfer?: Transferable[]) {
      const port = transfer?.[0];
      if (!isHandshake(message) || !(port instanceof MessagePort) || transfer?.length !== 1) {
        target.postMessage(message, targetOrigin, transfer);
        return;
      }
      const relinked = fromSdk !== undefined;
      if (relinked) {
        port.close();
      } else {
        fromSdk = port;
        port.onmessage = (event) => toDashboard?.postMessage(event.data);
      }
      target.postMessage(message, targetOrigin, [connectDocument()]);
      if (relinked) events.onRelinked();
    },
  });

  const tune = (frame: HTMLIFrameElement) => {
    frame.setAttribute('sandbox', sandboxTokens(options.permissions).join(' '));
    const allow = allowFeatures(options.permissions);
    if (allow.length > 0) frame.setAttribute('allow', allow.join('; '));
    else frame.removeAttribute('allow');
    frame.referrerPolicy = options.referrerPolicy;
    frame.title = options.title;
    frame.dataset.slot = 'superset-embed-iframe';
    frame.style.cssText = 'display:block;width:100%;height:100%;border:0;background:transparent';
    // Read here, not at module load: server rendering imports this module without a DOM.
    const native = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')?.get;
    if (native) {
      // The tapped window is handed out only while the frame's own `load` event is being dispatched, which is
      // when the SDK sends its handshake; any other read gets the frame's real window.
      Object.defineProperty(frame, 'contentWindow', {
        configurable: true,
        get: () => {
          const target = native.call(frame) as Window | null;
          const event = window.event;
          return target && event?.type === 'load' && event.target === frame ? tappedWindow(target) : target;
        },
      });
    }
    frame.addEventListener('load', () => events.onLoad());
    iframe = frame;
  };

  mount.replaceChildren = (...nodes: (Node | string)[]) => {
    for (const node of nodes) if (node instanceof HTMLIFrameElement && node !== iframe) tune(node);
    Element.prototype.replaceChildren.apply(mount, nodes);
  };

  return {
    mount,
    get iframe() {
      return iframe;
    },
    pushGuestToken(token) {
      if (!toDashboard) return false;
      toDashboard.postMessage({ switchboardAction: 'emit', method: 'guestToken', args: { guestToken: token } });
      return true;
    },
    dispose() {
      if (iframe) delete (iframe as { contentWindow?: unknown }).contentWindow;
      toDashboard?.close();
      fromSdk?.close();
      toDashboard = undefined;
      fromSdk = undefined;
      mount.remove();
    },
  };
}
