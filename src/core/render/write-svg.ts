import { isSafeUrl } from '../util/url';
import { RenderError } from './errors';

/**
 * Writes the SVG tree that zrender's SVG painter builds (`renderToVNode`) as XML. ECharts' own writer
 * (`renderToSVGString`) puts attribute values in quotes without escaping them, so a font family or an image
 * URL with a quote in it became a live `onmouseover` attribute, and characters XML forbids made files no
 * parser reads. This writer escapes every attribute value and text, replaces characters XML cannot hold,
 * and checks what it writes: static SVG elements only (no `<script>`, `<style>` or `<foreignObject>`), no
 * event attributes, image links that are safe image URLs, and `url(…)` only to the file's own `#ids`.
 * Framework-free: no DOM.
 */

/** The node zrender's SVG painter builds (`zrender/lib/svg/core` `SVGVNode`). */
export interface SVGVNode {
  tag: string;
  attrs: Record<string, string | number | boolean | undefined | null>;
  children?: SVGVNode[];
  text?: string;
}

/** Every element zrender's SVG painter writes: shapes, text, images, gradients, patterns, clips, shadows. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'image',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'clipPath',
  'filter',
  'feDropShadow',
]);
const ATTRIBUTE_NAME = /^[A-Za-z_][\w.:-]*$/;
const LINK_ATTRIBUTES = new Set(['href', 'xlink:href']);
/** What XML 1.0 cannot hold even escaped: C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML forbids.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function refuse(what: string): never {
  throw new RenderError('unsafe-svg', `The chart's SVG was not written: it would hold ${what}.`);
}

function escapeText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** ASCII whitespace and controls removed and lowercased: the text a browser reads a scheme from. */
function squash(value: string): string {
  let out = '';
  for (const char of value) if (char.charCodeAt(0) > 0x20 && char.charCodeAt(0) !== 0x7f) out += char;
  return out.toLowerCase();
}

/** `url(` other than `url(#id)`, or a script scheme anywhere in the value. */
function hasLiveReference(value: string): boolean {
  const squashed = squash(value);
  return /url\((?!#)/.test(squashed) || /(java|vb)script:/.test(squashed);
}

function checkAttribute(tag: string, name: string, value: string): void {
  if (!ATTRIBUTE_NAME.test(name) || /^on/i.test(name)) refuse(`an attribute ${JSON.stringify(name)}`);
  if (LINK_ATTRIBUTES.has(name)) {
    if (tag !== 'image' || !isSafeUrl(value, 'image') || /(java|vb)script:/.test(squash(value))) {
      refuse(`an unsafe link on <${tag}>`);
    }
  } else if (hasLiveReference(value)) {
    refuse(`an unsafe reference in ${name}`);
  }
}

/** The tree as an XML string, checked and escaped (see the module comment). Throws `RenderError`. */
export function writeSVG(root: SVGVNode): string {
  const write = (node: SVGVNode): string => {
    if (!ELEMENTS.has(node.tag)) refuse(`a <${node.tag}> element`);
    let open = `<${node.tag}`;
    for (const name of Object.keys(node.attrs)) {
      const raw = node.attrs[name];
      if (raw === false || raw === null || raw === undefined) continue;
      if (raw === true) {
        checkAttribute(node.tag, name, '');
        open += ` ${name}=""`;
        continue;
      }
      const value = String(raw);
      checkAttribute(node.tag, name, value);
      open += ` ${name}="${escapeAttribute(value)}"`;
    }
    const text = node.text ? escapeText(node.text) : '';
    const children = node.children?.length ? `\n${node.children.map(write).join('\n')}\n` : '';
    return `${open}>${text}${children}</${node.tag}>`;
  };
  return write(root);
}
