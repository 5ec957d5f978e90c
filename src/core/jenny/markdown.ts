/*
 * The safe markdown subset of Jenny's answer summary. A model writes the summary, so it is read as untrusted
 * text: `parseSummary` turns it into a small tree of blocks and inline parts that a renderer shows as text
 * and elements, never as HTML.
 *
 * Why hand-written: a markdown library costs more than the panel can spend, and still needs more. marked 9.1.6
 * (the version in this repository's node_modules), bundled alone by esbuild and minified, is 10.6 KiB gzip
 * (34.1 KiB minified), and it returns an HTML string, which would then need a sanitizer on top and
 * `dangerouslySetInnerHTML`. The panel's whole first load has a budget of 40 KiB. This file, bundled the same
 * way, is 2.9 KiB gzip (6.8 KiB minified), and its output holds no HTML to sanitize.
 *
 * Rules:
 * - Blocks: paragraphs are separated by blank lines; a single line break inside one is kept (`break`).
 *   Unordered lists (`-`, `*` or `+` and a space) and ordered lists (`1.` or `1)` and a space) are flat: an
 *   indented item is an item of the same list, a line under an item without a marker continues it, and a
 *   blank line between items of one kind keeps one list. An ordered list starts a new block inside a
 *   paragraph only from `1`, so a line starting "2019. " continues the sentence above it. A heading
 *   (`# ` to `###### `) is a paragraph of its text, without the hashes. A fenced block (three or more
 *   backticks or tildes) is a `codeBlock` of its lines, shown as they are. A rule (`---`, `***`, `___`)
 *   only separates blocks.
 * - Inline: `**strong**` and `__strong__`, `*em*` and `_em_` (by CommonMark's flanking rules, so
 *   `snake_case_names` and `2 * 3 * 4` stay as written; an unclosed `**` stays literal), `` `code` ``
 *   (shown as written, markdown inside it is not read), backslash escapes (`\*` is a `*`), links
 *   `[label](url)` (an optional "title" is ignored), `<https://…>` and bare `http://` / `https://` addresses
 *   (trailing punctuation and an unbalanced `)` are left out of them). Emphasis does not reach across a `[`
 *   that is still open; nesting deeper than eight levels is flattened to its text.
 * - Raw HTML is not read: `<script>`, `<img onerror=…>` and every other tag stay literal text.
 * - Images never load: `![alt](src)` becomes its alt text as plain text, and its `src` is not a link.
 * - Links go only to absolute http: or https: URLs (`safeHref`): a link to anything else (`javascript:`,
 *   `data:`, `vbscript:`, `mailto:`, `ftp:`, a relative or protocol-relative `//host` URL, a URL with
 *   control characters, or with a user name or password) becomes the plain text of its label, so no word
 *   is lost. Spaces around the URL are ignored; `[label](a url with spaces)` is no link and stays as
 *   written. A link's `href` is the URL as `new URL` writes it. A link inside a link's label is its text.
 *
 * `parseSummary` is total and linear: it never throws, and it reads its input in a few passes with no
 * backtracking regular expression, so a hostile input takes time in proportion to its length.
 */

/** One inline part of a summary's paragraph or list item. */
export type SummaryInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: SummaryInline[] }
  | { type: 'em'; children: SummaryInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: SummaryInline[] }
  | { type: 'break' };

/** One block of a summary. An ordered list has `start`, the number its first item was written with. */
export type SummaryBlock =
  | { type: 'paragraph'; children: SummaryInline[] }
  | { type: 'list'; ordered: boolean; start?: number; items: SummaryInline[][] }
  | { type: 'codeBlock'; text: string };

/** Parts deeper than this many levels of strong, em and link are flattened to their text. */
const MAX_DEPTH = 8;

const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
/** Characters, besides whitespace and control characters, that end a bare address: URLs never hold them as is. */
const URL_STOPS = '<>"`[]{}|\\^';
/** Characters left out at the end of a bare address: the sentence's punctuation, or markdown's. */
const URL_TRAILING = /[?!.,:;*_~'"]/;

/** Whitespace, or the start or end of the text (undefined). */
const isSpace = (char: string | undefined) => char === undefined || WHITESPACE.test(char);
const isPunctuation = (char: string | undefined) => char !== undefined && PUNCTUATION.test(char);
/** A control character (C0, DEL or C1), a space or other whitespace. */
/** Characters that reorder the text around them (overrides, embeddings, isolates, directional marks). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const isControlOrSpace = (char: string) => {
  const code = char.charCodeAt(0);
  return code <= 0x20 || (code >= 0x7f && code <= 0xa0) || WHITESPACE.test(char);
};
const isUrlStop = (char: string) => isControlOrSpace(char) || URL_STOPS.includes(char);

// ---------------------------------------------------------------------------------------------------------
// Links

/**
 * The URL a summary may link to: `raw`, when it is an absolute http: or https: URL with no whitespace,
 * control characters, user name or password, as `new URL` writes it (`'https://example.com/'`); otherwise
 * null. The library's `isSafeUrl` is not used here: it allows relative URLs, `mailto:` and `tel:`.
 */
export function safeHref(raw: string): string | null {
  if (!raw) return null;
  for (const char of raw) if (isControlOrSpace(char)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url.href;
}

/**
 * The address a link shows beside its label: the host (in punycode, as the browser will go to it), path,
 * query and fragment, without `https://` (an `http://` address keeps its scheme): `'example.com/a?b=1'`.
 */
export function linkAddress(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const path = url.pathname === '/' && !url.search && !url.hash ? '' : url.pathname;
  return `${url.protocol === 'http:' ? 'http://' : ''}${url.host}${path}${url.search}${url.hash}`;
}

/**
 * Whether a link's label already shows where it goes, so the address need not be shown again: the label is
 * the link's `href` (with or without its last `/`) or its `linkAddress`.
 */
export function labelShowsAddress(label: string, href: string): boolean {
  const text = label.trim();
  const address = linkAddress(href);
  return text === href || `${text}/` === href || text === address || `${text}/` === address;
}

/** The plain text of inline parts: their words, code as written, a line break as `\n`. */
export function inlineText(nodes: readonly SummaryInline[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') text += node.text;
    else if (node.type === 'break') text += '\n';
    else text += inlineText(node.children);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Blocks

/** A list item's marker: `-`, `*`, `+`, or 1 to 9 digits and `.` or `)`, then a space or tab. */
const LIST_ITEM = /^[ \t]*(?:([-*+])|(\d{1,9})[.)])[ \t]/;
/** A heading's hashes, then a space, a tab or the end of the line. */
const HEADING = /^[ \t]*#{1,6}(?:[ \t]|$)/;
/** A fence: three or more backticks or tildes, indented up to three spaces. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

interface ListItemLine {
  ordered: boolean;
  start: number;
  text: string;
}

function listItem(line: string): ListItemLine | null {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  const text = line.slice(match[0].length).trim();
  return match[1] ? { ordered: false, start: 1, text } : { ordered: true, start: Number(match[2]), text };
}

/** A heading's text without its hashes (and a closing run of hashes), or null when `line` is no heading. */
function headingText(line: string): string | null {
  const match = HEADING.exec(line);
  if (!match) return null;
  const rest = line.slice(match[0].length).trim();
  let end = rest.length;
  while (end > 0 && rest[end - 1] === '#') end--;
  if (end === 0) return '';
  const before = rest[end - 1];
  return end < rest.length && (before === ' ' || before === '\t') ? rest.slice(0, end).trim() : rest;
}

/** Whether a trimmed line is a rule: three or more of one of `-`, `*`, `_`, spaces between allowed. */
function isRule(trimmed: string): boolean {
  const marks = trimmed.replace(/[ \t]/g, '');
  const first = marks[0];
  if (marks.length < 3 || (first !== '-' && first !== '*' && first !== '_')) return false;
  for (const char of marks) if (char !== first) return false;
  return true;
}

/** A list being read: each item's lines. */
interface OpenList {
  ordered: boolean;
  start: number;
  items: string[][];
}

interface Fence {
  char: string;
  length: number;
  lines: string[];
}

function fenceOpening(line: string): Fence | null {
  const match = FENCE.exec(line);
  const run = match?.[1];
  if (!match || !run) return null;
  // A backtick fence's info string holds no backtick: "```a```" on one line is inline code.
  if (run[0] === '`' && line.includes('`', match[0].length)) return null;
  return { char: run[0] ?? '`', length: run.length, lines: [] };
}

function closesFence(line: string, fence: Fence): boolean {
  const trimmed = line.trim();
  if (trimmed.length < fence.length) return false;
  for (const char of trimmed) if (char !== fence.char) return false;
  return true;
}

/**
 * Reads a model's summary into blocks of the safe markdown subset described at the top of this file.
 * Never throws; text with no markdown is one paragraph of the same text (`[]` for blank text).
 */
export function parseSummary(text: string): SummaryBlock[] {
  // Bidirectional controls (U+202A–202E, U+2066–2069, the marks U+200E, U+200F, U+061C) are dropped: an override
  // left open in a label would run on into the address shown after it and spell another one.
  const source = typeof text === 'string' ? text.replace(BIDI_CONTROLS, '') : '';
  const blocks: SummaryBlock[] = [];
  let paragraph: string[] = [];
  // (Cast, so that TypeScript does not take `list` for always null: the closures below assign it.)
  let list = null as OpenList | null;
  /** A blank line came after the open list's last line: only a new item continues the list. */
  let listGap = false;
  let fence: Fence | null = null;

  const closeParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  const closeList = () => {
    if (!list) return;
    const items = list.items.map((lines) => parseInline(lines.join('\n')));
    blocks.push(
      list.ordered
        ? { type: 'list', ordered: true, start: list.start, items }
        : { type: 'list', ordered: false, items },
    );
    list = null;
  };

  for (const line of source.split(/\r\n?|\n/)) {
    if (fence) {
      if (closesFence(line, fence)) {
        blocks.push({ type: 'codeBlock', text: fence.lines.join('\n') });
        fence = null;
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    const trimmed = line.trim();
    if (!trimmed) {
      closeParagraph();
      listGap = list !== null;
      continue;
    }
    const opening = fenceOpening(line);
    const heading = opening ? null : headingText(line);
    if (opening || heading !== null || isRule(trimmed)) {
      closeParagraph();
      closeList();
      fence = opening;
      if (heading) blocks.push({ type: 'paragraph', children: parseInline(heading) });
      continue;
    }
    const item = listItem(line);
    const open = list;
    if (item && (open || paragraph.length === 0 || !item.ordered || item.start === 1)) {
      closeParagraph();
      if (open && open.ordered !== item.ordered) closeList();
      list ??= { ordered: item.ordered, start: item.start, items: [] };
      list.items.push([item.text]);
      listGap = false;
      continue;
    }
    const last = open?.items[open.items.length - 1];
    if (last && !listGap) {
      last.push(trimmed);
      continue;
    }
    closeList();
    paragraph.push(trimmed);
  }
  // An unclosed fence runs to the end of the text.
  if (fence) blocks.push({ type: 'codeBlock', text: fence.lines.join('\n') });
  closeParagraph();
  closeList();
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Inline parts

/** A part while the inline parser works: images keep their label until it is read as alt text. */
type Draft =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'break' }
  | { type: 'strong' | 'em' | 'image'; children: Draft[] }
  | { type: 'link'; href: string; children: Draft[] };

/** A run of `*` or `_` that may open emphasis: its text node in the output, and how many marks are left. */
interface Delimiter {
  node: { type: 'text'; text: string };
  index: number;
  char: '*' | '_';
  /** The run's length as written, for CommonMark's rule of three. */
  length: number;
  count: number;
  canClose: boolean;
}

/** An open `[` or `![`: its text node, and the delimiter stack's height when it opened. */
interface Bracket {
  index: number;
  height: number;
  image: boolean;
}

/** The length of `http://` or `https://` at `at` (any case), else 0. */
function schemeLength(source: string, at: number): number {
  const head = source.slice(at, at + 8).toLowerCase();
  if (head.startsWith('https://')) return 8;
  if (head.startsWith('http://')) return 7;
  return 0;
}

/**
 * Reads the inline parts of one paragraph or list item, left to right in one pass, after CommonMark's
 * delimiter-stack algorithm: emphasis is matched when its closer is read, looking back no further than the
 * innermost open bracket or where an earlier search for the same mark failed (`bottom`), so each delimiter
 * is looked at a bounded number of times.
 */
function parseInline(source: string): SummaryInline[] {
  const n = source.length;
  const out: Draft[] = [];
  const delimiters: Delimiter[] = [];
  const brackets: Bracket[] = [];
  /** Brackets below this height are inactive: a link has formed after them, and links do not nest. */
  let linkFloor = 0;
  /**
   * Per kind of closer (its mark, whether it can also open, its length modulo 3): the delimiter stack's height
   * below which an earlier search for an opener failed, so no search looks there again.
   */
  const bottom = new Map<string, number>();
  let tables: Tables | undefined;
  let backticks: Backticks | undefined;

  let textStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > textStart) out.push({ type: 'text', text: source.slice(textStart, end) });
  };
  const lowerBottoms = () => {
    for (const [kind, height] of bottom) if (height > delimiters.length) bottom.set(kind, delimiters.length);
  };
  /**
   * CommonMark's rule of three: when either run can both open and close, their lengths may not add up to a
   * multiple of 3 unless both are multiples of 3 (`*foo**bar**baz*` is em around strong).
   */
  const pairs = (opener: Delimiter, length: number, canOpen: boolean) =>
    !(opener.canClose || canOpen) ||
    (opener.length + length) % 3 !== 0 ||
    (opener.length % 3 === 0 && length % 3 === 0);

  /** Matches a closing run of `char` against openers; returns how many of its marks are left. */
  const closeEmphasis = (char: '*' | '_', length: number, canOpen: boolean): number => {
    const kind = `${char}${canOpen}${length % 3}`;
    let left = length;
    while (left > 0) {
      const floor = Math.max(brackets[brackets.length - 1]?.height ?? 0, bottom.get(kind) ?? 0);
      let k = delimiters.length - 1;
      while (k >= floor) {
        const candidate = delimiters[k];
        if (candidate && candidate.char === char && pairs(candidate, length, canOpen)) break;
        k--;
      }
      const opener = delimiters[k];
      if (k < floor || !opener) {
        bottom.set(kind, delimiters.length);
        break;
      }
      const use = left >= 2 && opener.count >= 2 ? 2 : 1;
      opener.count -= use;
      opener.node.text = opener.node.text.slice(use);
      left -= use;
      const children = out.splice(opener.index + 1);
      delimiters.length = opener.count > 0 ? k + 1 : k;
      lowerBottoms();
      out.push({ type: use === 2 ? 'strong' : 'em', children });
    }
    return left;
  };

  /** The link destination after `]` at `at`: where the link ends and its URL, or null for no link. */
  const destination = (at: number): { end: number; url: string } | null => {
    const open = at + 1;
    if (source[open] !== '(') return null;
    tables ??= buildTables(source);
    const close = tables.closeParen[open] ?? -1;
    if (close < 0) return null;
    const start = Math.min(tables.nextNonSpace[open + 1] ?? n, close);
    const urlEnd = Math.min(tables.nextSpace[start] ?? n, close);
    const rest = tables.nextNonSpace[urlEnd] ?? n;
    if (rest < close) {
      // Only a quoted title may follow the URL.
      let last = close - 1;
      while (last > rest && isSpace(source[last])) last--;
      const quote = source[rest];
      if (!(quote === '"' || quote === "'") || last === rest || source[last] !== quote) return null;
    }
    return { end: close + 1, url: source.slice(start, urlEnd).replace(ESCAPED, '$1') };
  };

  while (i < n) {
    const char = source[i];
    if (char === '\\') {
      if (i + 1 < n && ASCII_PUNCTUATION.test(source[i + 1] ?? '')) {
        flush(i);
        out.push({ type: 'text', text: source[i + 1] ?? '' });
        i += 2;
        textStart = i;
      } else {
        i++;
      }
    } else if (char === '\n') {
      flush(i);
      out.push({ type: 'break' });
      i++;
      textStart = i;
    } else if (char === '`') {
      let end = i;
      while (source[end] === '`') end++;
      backticks ??= new Backticks(source);
      const close = backticks.next(end - i, end);
      if (close < 0) {
        i = end;
        continue;
      }
      flush(i);
      let code = source.slice(end, close).replace(/\n/g, ' ');
      if (code.length > 2 && code[0] === ' ' && code[code.length - 1] === ' ' && code.trim()) code = code.slice(1, -1);
      out.push({ type: 'code', text: code });
      i = close + (end - i);
      textStart = i;
    } else if (char === '*' || char === '_') {
      let end = i;
      while (source[end] === char) end++;
      const before = source[i - 1];
      const after = source[end];
      const leftFlanking = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const rightFlanking = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      const canOpen = char === '*' ? leftFlanking : leftFlanking && (!rightFlanking || isPunctuation(before));
      const canClose = char === '*' ? rightFlanking : rightFlanking && (!leftFlanking || isPunctuation(after));
      flush(i);
      const length = end - i;
      const count = canClose ? closeEmphasis(char, length, canOpen) : length;
      if (count > 0) {
        const node = { type: 'text' as const, text: char.repeat(count) };
        out.push(node);
        if (canOpen) delimiters.push({ node, index: out.length - 1, char, length, count, canClose });
      }
      i = end;
      textStart = i;
    } else if (char === '[' || (char === '!' && source[i + 1] === '[')) {
      flush(i);
      const image = char === '!';
      out.push({ type: 'text', text: image ? '![' : '[' });
      brackets.push({ index: out.length - 1, height: delimiters.length, image });
      i += image ? 2 : 1;
      textStart = i;
    } else if (char === ']') {
      const bracket = brackets[brackets.length - 1];
      const active = bracket && (bracket.image || brackets.length - 1 >= linkFloor);
      const link = active ? destination(i) : null;
      if (!bracket || !link) {
        // A literal `]`; the bracket it would close stays literal too.
        if (bracket) brackets.pop();
        linkFloor = Math.min(linkFloor, brackets.length);
        i++;
        continue;
      }
      flush(i);
      const children = out.splice(bracket.index + 1);
      out.pop();
      brackets.pop();
      linkFloor = Math.min(linkFloor, brackets.length);
      delimiters.length = Math.min(delimiters.length, bracket.height);
      lowerBottoms();
      if (bracket.image) {
        out.push({ type: 'image', children });
      } else {
        linkFloor = brackets.length;
        const href = safeHref(link.url);
        if (href) out.push({ type: 'link', href, children });
        else for (const child of children) out.push(child);
      }
      i = link.end;
      textStart = i;
    } else if (char === '<' && schemeLength(source, i + 1)) {
      let end = i + 1;
      while (end < n && !isUrlStop(source[end] ?? '')) end++;
      const href = source[end] === '>' ? safeHref(source.slice(i + 1, end)) : null;
      if (!href) {
        i++;
        continue;
      }
      flush(i);
      out.push({ type: 'link', href, children: [{ type: 'text', text: source.slice(i + 1, end) }] });
      i = end + 1;
      textStart = i;
    } else if ((char === 'h' || char === 'H') && !WORD.test(source[i - 1] ?? ' ') && schemeLength(source, i)) {
      const end = addressEnd(source, i);
      const href = end > i + schemeLength(source, i) ? safeHref(source.slice(i, end)) : null;
      if (href) {
        flush(i);
        out.push({ type: 'link', href, children: [{ type: 'text', text: source.slice(i, end) }] });
        textStart = end;
      }
      i = Math.max(end, i + 1);
    } else {
      i++;
    }
  }
  flush(n);
  return finish(out, 0, false);
}

/** Where a bare address starting at `start` ends: before whitespace, and before trailing punctuation. */
function addressEnd(source: string, start: number): number {
  let end = start;
  let opens = 0;
  let closes = 0;
  while (end < source.length && !isUrlStop(source[end] ?? '')) {
    if (source[end] === '(') opens++;
    else if (source[end] === ')') closes++;
    end++;
  }
  for (;;) {
    const last = source[end - 1] ?? '';
    if (URL_TRAILING.test(last)) end--;
    else if (last === ')' && closes > opens) {
      end--;
      closes--;
    } else return end;
  }
}

/** Per-position tables for link destinations, built once per paragraph that holds a `]`. */
interface Tables {
  /** The `)` that closes the `(` at each position (escaped parentheses skipped), else -1. */
  closeParen: Int32Array;
  /** The first whitespace at or after each position (the length when none). */
  nextSpace: Int32Array;
  /** The first non-whitespace at or after each position (the length when none). */
  nextNonSpace: Int32Array;
}

function buildTables(source: string): Tables {
  const n = source.length;
  const closeParen = new Int32Array(n + 1).fill(-1);
  const nextSpace = new Int32Array(n + 1).fill(n);
  const nextNonSpace = new Int32Array(n + 1).fill(n);
  const open: number[] = [];
  for (let i = 0; i < n; i++) {
    const char = source[i];
    if (char === '\\' && ASCII_PUNCTUATION.test(source[i + 1] ?? '')) i++;
    else if (char === '(') open.push(i);
    else if (char === ')') {
      const at = open.pop();
      if (at !== undefined) closeParen[at] = i;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const space = isSpace(source[i]);
    nextSpace[i] = space ? i : (nextSpace[i + 1] ?? n);
    nextNonSpace[i] = space ? (nextNonSpace[i + 1] ?? n) : i;
  }
  return { closeParen, nextSpace, nextNonSpace };
}

/** The runs of backticks in a paragraph, by length, to find a code span's closing run of the same length. */
class Backticks {
  private readonly runs = new Map<number, number[]>();
  private readonly seen = new Map<number, number>();

  constructor(source: string) {
    for (let i = 0; i < source.length; ) {
      if (source[i] !== '`') {
        i++;
        continue;
      }
      const start = i;
      while (source[i] === '`') i++;
      const length = i - start;
      const runs = this.runs.get(length);
      if (runs) runs.push(start);
      else this.runs.set(length, [start]);
    }
  }

  /** The start of the first run of exactly `length` backticks at or after `from` (which only grows), or -1. */
  next(length: number, from: number): number {
    const runs = this.runs.get(length) ?? [];
    let k = this.seen.get(length) ?? 0;
    while (k < runs.length && (runs[k] ?? 0) < from) k++;
    this.seen.set(length, k);
    return runs[k] ?? -1;
  }
}

/** The leaves of parts, depth first without recursion: text, code and breaks (an image's label included). */
function leaves(nodes: readonly Draft[], visit: (leaf: Draft) => void): void {
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ('children' in node) for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k] as Draft);
    else visit(node);
  }
}

/**
 * The parser's parts as a summary's: adjacent text joined and empty text dropped, an image as its alt text,
 * a link inside a link as its label, empty emphasis dropped, and parts below `MAX_DEPTH` as their leaves.
 */
function finish(nodes: readonly Draft[], depth: number, inLink: boolean): SummaryInline[] {
  const result: SummaryInline[] = [];
  let text = '';
  const emit = (node: SummaryInline) => {
    if (node.type === 'text') {
      text += node.text;
      return;
    }
    if (text) result.push({ type: 'text', text });
    text = '';
    result.push(node);
  };
  const flat = (children: readonly Draft[]) =>
    leaves(children, (leaf) => {
      if (leaf.type === 'text' || leaf.type === 'code' || leaf.type === 'break') emit(leaf);
    });
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code' || node.type === 'break') emit(node);
    else if (node.type === 'image') {
      let alt = '';
      leaves(node.children, (leaf) => {
        alt += leaf.type === 'text' || leaf.type === 'code' ? leaf.text : ' ';
      });
      emit({ type: 'text', text: alt });
    } else if (depth >= MAX_DEPTH) flat(node.children);
    else if (node.type === 'link') {
      const children = finish(node.children, depth + 1, true);
      if (inLink) for (const child of children) emit(child);
      else emit({ type: 'link', href: node.href, children });
    } else {
      const children = finish(node.children, depth + 1, inLink);
      if (children.length) emit({ type: node.type, children });
    }
  }
  if (text) result.push({ type: 'text', text });
  return result;
}
