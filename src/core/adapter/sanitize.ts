import { isSafeUrl, squash, urlScheme } from '../util/url';
import { guardName } from './names';

/**
 * Makes ECharts options from outside (an LLM, an HTTP API) safe to render: ECharts writes tooltip
 * formatters into the page as HTML, opens title links and loads image URLs.
 * Framework-free: no React, no DOM.
 */

const MAX_LISTED = 20;
const DEFAULT_MAX_DEPTH = 64;
const DEPTH_LIMIT = 1000;
const DROP = Symbol('drop');
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const URL_KEYS = new Set(['link', 'sublink']);
const UNSAFE_CSS = ['url(', 'expression(', '@import', 'image-set(', 'javascript:', '<', '>', '\\'];
/** Also unsafe in one value pasted into style text: ends the declaration or the rule. */
const UNSAFE_STYLE_VALUE = [...UNSAFE_CSS, ';', '{', '}'];
/**
 * Keys besides colours whose string values ECharts pastes into tooltip style text (`font`, `line-height`,
 * `text-shadow`, `text-align`, `border-width` of the arrow written as HTML, `padding`).
 */
const STYLE_KEYS = new Set([
  'fontFamily',
  'fontStyle',
  'fontWeight',
  'fontSize',
  'lineHeight',
  'textShadowBlur',
  'textShadowOffsetX',
  'textShadowOffsetY',
  'shadowBlur',
  'shadowOffsetX',
  'shadowOffsetY',
  'borderWidth',
  'borderRadius',
  'padding',
  'decoration',
  'align',
]);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/**
 * Keys besides colours and `STYLE_KEYS` whose string values ECharts' SVG writer puts into attributes
 * unescaped (`text-anchor`, symbols and icons as `<image href>` or `d`, dash types, cursors).
 */
const ATTRIBUTE_KEYS = new Set([
  'verticalAlign',
  'textAlign',
  'textVerticalAlign',
  'symbol',
  'icon',
  'image',
  'type',
  'borderType',
  'textBorderType',
  'cursor',
]);
/** Quotes and angle brackets end an attribute or start a tag. */
const ATTRIBUTE_BREAKERS = /["'<>`]/;

/** One value that `sanitizeOption` removed, at `path` (dot and bracket notation, `''` for the input itself). */
export interface SanitizeRemoval {
  path: string;
  reason:
    | 'function'
    | 'html-formatter'
    | 'script-url'
    | 'unsafe-key'
    | 'unsafe-css'
    | 'unsafe-attribute'
    | 'image'
    | 'too-deep';
}

/** What `sanitizeOption` removed: a plain object to log or show (not an error, never thrown). */
export interface SanitizeWarning {
  /** Every removed value, in the order met. */
  removed: SanitizeRemoval[];
  /** One English sentence listing the first 20 paths and reasons. */
  message: string;
}

function warningFor(removed: SanitizeRemoval[]): SanitizeWarning {
  const shown = removed.slice(0, MAX_LISTED).map((r) => `${r.path || '(root)'} (${r.reason})`);
  if (removed.length > MAX_LISTED) shown.push(`and ${removed.length - MAX_LISTED} more`);
  const noun = removed.length === 1 ? 'value' : 'values';
  return { removed, message: `sanitizeOption removed ${removed.length} unsafe ${noun}: ${shown.join(', ')}` };
}

/**
 * Which images an option may load: `'none'` (no image at all), `'same-origin'` (relative URLs, which load
 * from the page's own origin, and inline raster `data:` images) or `{ allow }` (those, and http(s) images
 * from the listed origins, such as `'https://cdn.example.com'`).
 */
export type ImagePolicy = 'none' | 'same-origin' | { allow: readonly string[] };

/** The sanitized copy and, when anything was removed, a warning that lists it. */
export interface SanitizeResult<T> {
  option: T;
  warning: SanitizeWarning | null;
}

export interface SanitizeOptions {
  /** Most nested objects and arrays kept, the input itself counting as 1 (default 64, clamped to 1–1000). */
  maxDepth?: number;
  /**
   * Which images the option may make the page load (symbols and icons `'image://…'`, decals, pattern and
   * background `image`s, rich-text backgrounds, `graphic` images). Default `'none'`: an option from a
   * server or a model should never make the page fetch anything; allow images only for options you trust
   * more. See `ImagePolicy`.
   */
  images?: ImagePolicy;
}

type Reason = SanitizeRemoval['reason'];

/** Where a value sits: its nearest key (array items inherit it) and whether it is written as HTML. */
interface Scope {
  key: string;
  html: boolean;
  dataView: boolean;
}

interface Context {
  maxDepth: number;
  images: 'none' | 'same-origin' | ReadonlySet<string>;
  removed: SanitizeRemoval[];
  ancestors: Set<object>;
}

/**
 * Returns a deep copy of an ECharts option without anything that could run script or inject HTML or CSS.
 * Never mutates the input and never throws; input that is not an object or array gives `{}`.
 *
 * Removed (and listed in the warning):
 * - functions, getters and unreadable values (throwing proxies), symbols and bigints: `'function'`;
 * - keys `__proto__`, `constructor`, `prototype`: `'unsafe-key'`;
 * - strings anywhere under a `formatter` key (tooltip HTML), and under `toolbox.feature.dataView` `title` / `lang`
 *   (also written as HTML), that contain `<`, `>` or `javascript:`; templates like `'{b}: {c}'` stay: `'html-formatter'`;
 * - strings directly under a `tooltip` key (series, data items and components take a string tooltip as a formatter)
 *   with the same HTML: `'html-formatter'`;
 * - `link` / `sublink` URLs whose scheme is not http(s), `image` URLs and `'image://…'` strings (any key: symbols,
 *   icons, decals) whose scheme is not http(s) or base64 `data:image/png|jpeg|gif|webp` (never SVG): `'script-url'`.
 *   Schemes are compared lowercased with ASCII control characters and whitespace removed;
 * - images the `images` policy does not allow (by default every image, so the page fetches nothing): `'image'`;
 * - quotes, backticks and angle brackets in values ECharts' SVG writer puts into attributes: image URLs, colours,
 *   font families and the other style keys below, `symbol`, `icon` and `*Icon`, `type`, `align`/`verticalAlign`,
 *   dash types, `cursor` (font stacks name families without quotes: `'Open Sans, sans-serif'`): `'unsafe-attribute'`;
 * - `extraCssText` with `url(`, `expression(`, `@import`, `image-set(`, `javascript:`, `<`, `>` or `\`,
 *   `className` with characters other than `A-Za-z0-9 _-`, and style values ECharts pastes into tooltip and
 *   dataView style text (keys ending in `color`/`Color`, `fontFamily`, `fontStyle`, `fontWeight`, `fontSize`,
 *   `lineHeight`, `padding`, `borderWidth`, `borderRadius`, (text) shadow sizes, `align`, `decoration`) with any
 *   of those or `;`, `{`, `}`, or a quote: `'unsafe-css'` (`'unsafe-attribute'` for a quote in `fontFamily`). Plain colours like
 *   `'#abc'` or `'rgba(1,2,3,0.5)'` stay; gradient and pattern objects are walked like any other object;
 * - objects and arrays nested deeper than `maxDepth`, and cyclic references: `'too-deep'`.
 *
 * A string that is an `Object.prototype` key (`'hasOwnProperty'`, `'__proto__'`, …) gets an invisible U+2060 at
 * its start (see `guardName`), so ECharts' own caches treat it as data; it is not listed as removed.
 *
 * Removed object entries are left out; removed array items become `null` so positions hold. Numbers are kept as
 * they are, NaN and Infinity included (ECharts reads them as missing). Dates and typed arrays are copied; other
 * objects become plain objects of their own enumerable string keys.
 */
export function sanitizeOption<T = Record<string, unknown>>(
  input: unknown,
  options?: SanitizeOptions,
): SanitizeResult<T> {
  const requested = options?.maxDepth;
  const maxDepth =
    typeof requested === 'number' && !Number.isNaN(requested)
      ? Math.min(Math.max(Math.floor(requested), 1), DEPTH_LIMIT)
      : DEFAULT_MAX_DEPTH;
  const context: Context = { maxDepth, images: imagePolicy(options?.images), removed: [], ancestors: new Set() };
  const output = walk(input, '', { key: '', html: false, dataView: false }, 1, context);
  const option = typeof output === 'object' && output !== null ? output : {};
  const warning = context.removed.length ? warningFor(context.removed) : null;
  return { option: option as T, warning };
}

function walk(value: unknown, path: string, scope: Scope, depth: number, context: Context): unknown {
  const drop = (reason: Reason) => {
    context.removed.push({ path, reason });
    return DROP;
  };
  switch (typeof value) {
    case 'function':
    case 'symbol':
    case 'bigint':
      return drop('function');
    case 'string': {
      const reason = stringRisk(value, scope, context);
      return reason ? drop(reason) : guardName(value);
    }
    case 'object':
      break;
    default:
      return value;
  }
  if (value === null) return null;
  if (depth > context.maxDepth || context.ancestors.has(value)) return drop('too-deep');
  context.ancestors.add(value);
  try {
    if (value instanceof Date) return new Date(value.getTime());
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return (value as Uint8Array).slice();
    return Array.isArray(value)
      ? walkArray(value, path, scope, depth, context)
      : walkObject(value, path, scope, depth, context);
  } catch {
    return drop('function');
  } finally {
    context.ancestors.delete(value);
  }
}

function walkArray(value: readonly unknown[], path: string, scope: Scope, depth: number, context: Context) {
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = readOwn(value, String(i), `${path}[${i}]`, context);
    if (item === DROP) out[i] = null;
    else if (item) {
      const copy = walk(item.value, `${path}[${i}]`, scope, depth + 1, context);
      out[i] = copy === DROP ? null : copy;
    }
  }
  out.length = value.length;
  return out;
}

function walkObject(value: object, path: string, scope: Scope, depth: number, context: Context) {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const childPath = IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
    if (UNSAFE_KEYS.has(key)) {
      context.removed.push({ path: childPath, reason: 'unsafe-key' });
      continue;
    }
    const entry = readOwn(value, key, childPath, context);
    if (!entry || entry === DROP) continue;
    const child: Scope = {
      key,
      html: scope.html || key === 'formatter' || (scope.dataView && (key === 'title' || key === 'lang')),
      dataView: scope.dataView || key === 'dataView',
    };
    const copy = walk(entry.value, childPath, child, depth + 1, context);
    if (copy !== DROP) out[key] = copy;
  }
  return out;
}

/** Reads an own data property without running getters; accessors are removed as functions. */
function readOwn(target: object, key: string, path: string, context: Context) {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return undefined;
  if ('value' in descriptor) return { value: descriptor.value as unknown };
  context.removed.push({ path, reason: 'function' });
  return DROP;
}

function stringRisk(value: string, scope: Scope, context: Context): Reason | null {
  // A string tooltip (series, data item, component) is a formatter too: ECharts writes it as HTML.
  if ((scope.html || scope.key === 'tooltip') && (/[<>]/.test(value) || squash(value).includes('javascript:'))) {
    return 'html-formatter';
  }
  if (URL_KEYS.has(scope.key) && !isSafeUrl(value, 'link')) return 'script-url';
  const start = value.trimStart();
  const image = scope.key === 'image' ? value : start.slice(0, 8).toLowerCase() === 'image://' ? start.slice(8) : null;
  if (image !== null) {
    if (!isSafeUrl(image, 'image') || /(java|vb)script:/.test(squash(image))) return 'script-url';
    if (ATTRIBUTE_BREAKERS.test(image)) return 'unsafe-attribute';
    if (!imageAllowed(image, context.images)) return 'image';
  }
  if (scope.key === 'extraCssText') {
    const css = squash(value);
    if (UNSAFE_CSS.some((part) => css.includes(part))) return 'unsafe-css';
  }
  if (scope.key === 'className' && !/^[\w -]*$/.test(value)) return 'unsafe-css';
  if (isStyleKey(scope.key) && !isSafeStyleValue(value, scope.key === 'fontFamily')) return 'unsafe-css';
  if (isAttributeKey(scope.key) && ATTRIBUTE_BREAKERS.test(value)) return 'unsafe-attribute';
  return null;
}

/** Keys whose values can end up in an SVG attribute: colours, `STYLE_KEYS`, `ATTRIBUTE_KEYS`, `*Icon`. */
function isAttributeKey(key: string): boolean {
  return isStyleKey(key) || ATTRIBUTE_KEYS.has(key) || key.endsWith('Icon');
}

function imagePolicy(policy: ImagePolicy | undefined): Context['images'] {
  if (policy === 'same-origin') return policy;
  if (typeof policy !== 'object' || policy === null || !Array.isArray(policy.allow)) return 'none';
  const origins = new Set<string>();
  for (const entry of policy.allow) {
    const origin = typeof entry === 'string' ? originOf(entry) : undefined;
    if (origin) origins.add(origin);
  }
  return origins;
}

/** The origin of an absolute http(s) URL, or undefined. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether an image URL that passed `isSafeUrl` may load under the policy. */
function imageAllowed(url: string, policy: Context['images']): boolean {
  if (policy === 'none') return false;
  const scheme = urlScheme(url);
  // A relative URL loads from the page's origin, but `//host/x` and `/\host/x` leave it.
  if (scheme === undefined) return !/^[\\/]{2}/.test(squash(url));
  if (scheme === 'data') return true; // A raster data URL (isSafeUrl refused the others): loads nothing.
  if (policy === 'same-origin') return false;
  const origin = originOf(url);
  return origin !== undefined && policy.has(origin);
}

/** Colours (`color`, `backgroundColor`, `textShadowColor`, …) and the font and box keys in `STYLE_KEYS`. */
function isStyleKey(key: string): boolean {
  return STYLE_KEYS.has(key) || key.slice(-5).toLowerCase() === 'color';
}

/**
 * One CSS value that cannot end its declaration or rule, load anything, or (pasted into a `style="…"`
 * attribute, as the tooltip arrow's colours and border width are) end the attribute. Quotes in font stacks
 * pass here and are refused as `'unsafe-attribute'`: the SVG writer puts fonts into a `style` attribute.
 */
function isSafeStyleValue(value: string, quotesAllowed: boolean): boolean {
  const css = squash(value);
  return !UNSAFE_STYLE_VALUE.some((part) => css.includes(part)) && (quotesAllowed || !/["']/.test(css));
}
