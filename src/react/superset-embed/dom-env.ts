import type { GuestTokenEnv } from '../../core/superset';

/** The browser's online and visible signals for the guest-token source (the core reads no DOM global). */
export function domGuestTokenEnv(): Partial<GuestTokenEnv> {
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
