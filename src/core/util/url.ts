/**
 * The one URL safety check of the library: for links a person follows (KPI tile drill-downs, chart title
 * links) and for images a page would load (ECharts symbols, patterns, graphics).
 */

/** What a URL is for: `'link'` allows http(s), mailto and tel; `'image'` allows http(s) and raster data URLs. */
export type UrlUse = 'link' | 'image';

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const IMAGE_SCHEMES = new Set(['http', 'https']);
/** Raster images only: an SVG data URL can carry script. */
const SAFE_DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,/;

/**
 * Removes ASCII control characters and spaces (browsers skip them inside a scheme: `java\tscript:` is
 * `javascript:`) and lowercases, giving the text a browser reads the scheme from.
 */
export function squash(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code > 0x20 && code !== 0x7f) out += char;
  }
  return out.toLowerCase();
}

/**
 * The scheme a browser reads from `url`, lowercased (`'javascript'` for `" JavaScript:…"`), or undefined
 * for a relative URL (one with no scheme, by the URL standard's grammar: a letter, then letters, digits,
 * `+`, `-` or `.`, then a colon).
 */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/.exec(squash(url))?.[1];
}

/**
 * Whether `url` is safe to use as a link or an image source: a relative URL, or one whose scheme is
 * allowed for that use. `javascript:`, `vbscript:`, `data:` (but raster images), `blob:` and unknown
 * schemes are refused.
 */
export function isSafeUrl(url: string, use: UrlUse = 'link'): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return true;
  if (use === 'link') return LINK_SCHEMES.has(scheme);
  return IMAGE_SCHEMES.has(scheme) || (scheme === 'data' && SAFE_DATA_IMAGE.test(squash(url)));
}
