import type { SupersetEmbedEnv, SupersetEmbedFrame, SupersetEmbedHost } from '../../core/superset';

/** The browser's online and visible signals for the token source (the core reads no DOM global). */
export function domEmbedEnv(): Partial<SupersetEmbedEnv> {
  return {
    onOnline(listener) {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    },
    onVisible(listener) {
      const onChange = () => {
        if (document.visibilityState === 'visible') listener();
      };
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    },
  };
}

/**
 * The page side of the embed controller: the iframe goes into `element` (built as the spec says, with its
 * `load` listener added before `src` is set, as the SDK does), the page's visibility, and the element's width.
 */
export function domEmbedHost(element: HTMLElement): SupersetEmbedHost {
  return {
    createFrame(spec, onLoad): SupersetEmbedFrame {
      const iframe = document.createElement('iframe');
      iframe.setAttribute('sandbox', spec.sandbox.join(' '));
      if (spec.allow.length > 0) iframe.setAttribute('allow', spec.allow.join('; '));
      iframe.referrerPolicy = spec.referrerPolicy;
      iframe.title = spec.title;
      iframe.dataset.slot = 'superset-embed-iframe';
      iframe.style.cssText = 'display:block;width:100%;height:100%;border:0;background:transparent';
      iframe.addEventListener('load', onLoad);
      iframe.src = spec.src;
      element.replaceChildren(iframe);
      return {
        postMessage(message, targetOrigin, transfer) {
          iframe.contentWindow?.postMessage(message, targetOrigin, transfer);
        },
        setTitle(title) {
          iframe.title = title;
        },
        remove() {
          iframe.removeEventListener('load', onLoad);
          iframe.remove();
        },
      };
    },
    isHidden: () => document.visibilityState === 'hidden',
    onResize(listener) {
      let width = element.clientWidth;
      const observer = new ResizeObserver(() => {
        if (element.clientWidth === width) return;
        width = element.clientWidth;
        listener();
      });
      observer.observe(element);
      return () => observer.disconnect();
    },
  };
}
