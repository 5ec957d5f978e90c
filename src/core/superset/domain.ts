import { SupersetEmbedError } from './errors';

/**
 * Checks the `supersetDomain` and `dashboardId` to embed and returns the domain without a trailing slash.
 * The domain is an http(s) origin, optionally with the path Superset is served under; it may not carry
 * credentials, a query or a fragment (anything secret in it would reach logs and Referer headers).
 */
export function checkEmbedTarget(supersetDomain: unknown, dashboardId: unknown): string {
  if (typeof dashboardId !== 'string' || !/^[A-Za-z0-9_~=.-]+$/.test(dashboardId) || /^\.+$/.test(dashboardId)) {
    throw new SupersetEmbedError(
      'invalid-props',
      'dashboardId must be the embedded dashboard id from Superset (letters, digits, "-", "_", ".", "~", "=").',
    );
  }
  let url: URL;
  try {
    url = new URL(String(supersetDomain));
  } catch {
    throw new SupersetEmbedError(
      'invalid-props',
      'supersetDomain must be an absolute URL such as https://bi.example.com.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SupersetEmbedError('invalid-props', `supersetDomain must use https (or http), not ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new SupersetEmbedError('invalid-props', 'supersetDomain must not contain credentials.');
  }
  if (url.search || url.hash) {
    throw new SupersetEmbedError('invalid-props', 'supersetDomain must not have a query or a fragment.');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
