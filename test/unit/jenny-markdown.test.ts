import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inlineText,
  labelShowsAddress,
  linkAddress,
  parseSummary,
  type SummaryBlock,
  type SummaryInline,
  safeHref,
} from '../../src/core/jenny/markdown';

const text = (value: string): SummaryInline => ({ type: 'text', text: value });
const paragraph = (...children: SummaryInline[]): SummaryBlock => ({ type: 'paragraph', children });
/** The inline parts of a text that is one paragraph. */
const inline = (source: string): SummaryInline[] => {
  const blocks = parseSummary(source);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block?.type !== 'paragraph') throw new Error(`not one paragraph: ${JSON.stringify(blocks)}`);
  return block.children;
};

/** Every inline part of the blocks, depth first, with its depth (1 for a block's own parts). */
function* parts(blocks: readonly SummaryBlock[]): Generator<[SummaryInline, number]> {
  function* walk(nodes: readonly SummaryInline[], depth: number): Generator<[SummaryInline, number]> {
    for (const node of nodes) {
      yield [node, depth];
      if ('children' in node) yield* walk(node.children, depth + 1);
    }
  }
  for (const block of blocks) {
    if (block.type === 'paragraph') yield* walk(block.children, 1);
    else if (block.type === 'list') for (const item of block.items) yield* walk(item, 1);
  }
}

const links = (blocks: readonly SummaryBlock[]) =>
  [...parts(blocks)].flatMap(([node]) => (node.type === 'link' ? [node] : []));

/** The text a reader sees (links' addresses aside): each block's text, a line apart. */
const shownText = (blocks: readonly SummaryBlock[]) =>
  blocks
    .map((block) =>
      block.type === 'paragraph'
        ? inlineText(block.children)
        : block.type === 'list'
          ? block.items.map(inlineText).join('\n')
          : block.text,
    )
    .join('\n');

describe('parseSummary: blocks', () => {
  it('reads plain text as one paragraph of the same text, and blank text as nothing', () => {
    const plain = 'Revenue rose 12% to ₱7.4M in December (vs. November), led by Luzon.';
    expect(parseSummary(plain)).toEqual([paragraph(text(plain))]);
    expect(parseSummary('')).toEqual([]);
    expect(parseSummary('  \n\n \t')).toEqual([]);
  });

  it('separates paragraphs at blank lines and keeps a single line break', () => {
    expect(parseSummary('One\r\ntwo\n\n\nThree')).toEqual([
      paragraph(text('One'), { type: 'break' }, text('two')),
      paragraph(text('Three')),
    ]);
  });

  it('reads -, * and + items as one flat unordered list, even indented or a blank line apart', () => {
    expect(parseSummary('Top regions:\n- Luzon\n* Visayas\n\n+ Mindanao\n  - NCR')).toEqual([
      paragraph(text('Top regions:')),
      { type: 'list', ordered: false, items: [[text('Luzon')], [text('Visayas')], [text('Mindanao')], [text('NCR')]] },
    ]);
  });

  it('reads ordered lists with their first number, and a line under an item continues it', () => {
    expect(parseSummary('3. three\n4) four\n   more about four')).toEqual([
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[text('three')], [text('four'), { type: 'break' }, text('more about four')]],
      },
    ]);
  });

  it('starts a new list when the kind changes, and ends a list at a paragraph after a blank line', () => {
    const blocks = parseSummary('- a\n1. b\n\nAfter');
    expect(blocks.map((block) => block.type)).toEqual(['list', 'list', 'paragraph']);
    expect(blocks[1]).toMatchObject({ ordered: true, start: 1 });
  });

  it('lets an ordered list interrupt a paragraph only from 1', () => {
    expect(parseSummary('Sales in\n2019. The best year')).toEqual([
      paragraph(text('Sales in'), { type: 'break' }, text('2019. The best year')),
    ]);
    expect(parseSummary('Steps:\n1. Ask')).toEqual([
      paragraph(text('Steps:')),
      { type: 'list', ordered: true, start: 1, items: [[text('Ask')]] },
    ]);
  });

  it('reads a heading as a paragraph of its text, without the hashes; #tags stay', () => {
    expect(parseSummary('## Revenue by region ##\nLuzon led.\n#tag')).toEqual([
      paragraph(text('Revenue by region')),
      paragraph(text('Luzon led.'), { type: 'break' }, text('#tag')),
    ]);
    expect(parseSummary('# C#')).toEqual([paragraph(text('C#'))]);
  });

  it('reads a fenced block as code shown as written, to its fence or the end', () => {
    expect(parseSummary('```sql\nSELECT *  FROM t -- <b>\n```\nDone')).toEqual([
      { type: 'codeBlock', text: 'SELECT *  FROM t -- <b>' },
      paragraph(text('Done')),
    ]);
    expect(parseSummary('~~~\n**not bold**')).toEqual([{ type: 'codeBlock', text: '**not bold**' }]);
    // Backticks on both ends of one line are inline code, not a fence.
    expect(inline('```a```')).toEqual([{ type: 'code', text: 'a' }]);
  });

  it('reads a rule (---, ***, ___) as a break between blocks', () => {
    expect(parseSummary('Above\n---\nBelow\n\n* * *')).toEqual([paragraph(text('Above')), paragraph(text('Below'))]);
  });
});

describe('parseSummary: inline', () => {
  it('reads strong, em and code', () => {
    expect(inline('**Revenue** rose *12%* and _units_ __too__ in `Q3`.')).toEqual([
      { type: 'strong', children: [text('Revenue')] },
      text(' rose '),
      { type: 'em', children: [text('12%')] },
      text(' and '),
      { type: 'em', children: [text('units')] },
      text(' '),
      { type: 'strong', children: [text('too')] },
      text(' in '),
      { type: 'code', text: 'Q3' },
      text('.'),
    ]);
  });

  it('nests emphasis by CommonMark rules, including the rule of three', () => {
    expect(inline('***a***')).toEqual([{ type: 'em', children: [{ type: 'strong', children: [text('a')] }] }]);
    expect(inline('*foo**bar**baz*')).toEqual([
      { type: 'em', children: [text('foo'), { type: 'strong', children: [text('bar')] }, text('baz')] },
    ]);
  });

  it('leaves intraword underscores, spaced stars and unclosed marks as written', () => {
    for (const source of ['total_net_revenue by store_id', '2 * 3 * 4 = 24', '**unclosed', 'a ** b', '_open']) {
      expect(inline(source)).toEqual([text(source)]);
    }
  });

  it('reads backslash escapes as the character, and shows code as written', () => {
    expect(inline('\\*not em\\* and \\[not a link\\](https://x.example)')).toEqual([
      text('*not em* and [not a link]('),
      { type: 'link', href: 'https://x.example/', children: [text('https://x.example')] },
      text(')'),
    ]);
    expect(inline('`` **a** <b> `x` ``')).toEqual([{ type: 'code', text: '**a** <b> `x`' }]);
    expect(inline('`unclosed')).toEqual([text('`unclosed')]);
  });

  it('reads a line break inside a paragraph, list item and emphasis', () => {
    expect(inline('*a\nb*')).toEqual([{ type: 'em', children: [text('a'), { type: 'break' }, text('b')] }]);
  });
});

describe('parseSummary: links', () => {
  it('reads [label](url) with an http or https URL, as new URL writes it; a title is ignored', () => {
    expect(inline('See [the Q3 report](https://Reports.example/q3?region=luzon "Q3").')).toEqual([
      text('See '),
      { type: 'link', href: 'https://reports.example/q3?region=luzon', children: [text('the Q3 report')] },
      text('.'),
    ]);
    expect(inline('[plain](http://example.com)')).toEqual([
      { type: 'link', href: 'http://example.com/', children: [text('plain')] },
    ]);
  });

  it('keeps balanced parentheses in a URL and reads emphasis in a label', () => {
    expect(inline('[**Foo**](https://en.wikipedia.org/wiki/Foo_(bar)) next')).toEqual([
      {
        type: 'link',
        href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
        children: [{ type: 'strong', children: [text('Foo')] }],
      },
      text(' next'),
    ]);
  });

  it('links bare and <angle> addresses, leaving out trailing punctuation and an unbalanced )', () => {
    expect(inline('Visit https://example.com/a?b=1. Or (https://x.example/y), <https://z.example/p>!')).toEqual([
      text('Visit '),
      { type: 'link', href: 'https://example.com/a?b=1', children: [text('https://example.com/a?b=1')] },
      text('. Or ('),
      { type: 'link', href: 'https://x.example/y', children: [text('https://x.example/y')] },
      text('), '),
      { type: 'link', href: 'https://z.example/p', children: [text('https://z.example/p')] },
      text('!'),
    ]);
    expect(inline('**https://example.com**')).toEqual([
      {
        type: 'strong',
        children: [{ type: 'link', href: 'https://example.com/', children: [text('https://example.com')] }],
      },
    ]);
    // Not inside a word, and not a bare scheme.
    expect(inline('xhttps://a.example and https:// alone')).toEqual([text('xhttps://a.example and https:// alone')]);
  });

  it('makes an address inside a label part of the label: links do not nest', () => {
    expect(inline('[https://a.example](https://b.example)')).toEqual([
      { type: 'link', href: 'https://b.example/', children: [text('https://a.example')] },
    ]);
  });

  it('reads nested brackets as CommonMark does', () => {
    expect(inline('[a [b](https://b.example) c](https://c.example)')).toEqual([
      text('[a '),
      { type: 'link', href: 'https://b.example/', children: [text('b')] },
      text(' c]('),
      { type: 'link', href: 'https://c.example/', children: [text('https://c.example')] },
      text(')'),
    ]);
    expect(inline('[[x]](https://ok.example)')).toEqual([
      { type: 'link', href: 'https://ok.example/', children: [text('[x]')] },
    ]);
    expect(inline('[[[unclosed')).toEqual([text('[[[unclosed')]);
    expect(inline('[a]]](b')).toEqual([text('[a]]](b')]);
  });

  it('leaves a destination with spaces inside, or no closing ), as written', () => {
    expect(inline('[x](not a url) and [y](https://ok.example')).toEqual([
      text('[x](not a url) and [y]('),
      { type: 'link', href: 'https://ok.example/', children: [text('https://ok.example')] },
    ]);
  });
});

describe('parseSummary: hostile text', () => {
  it('keeps raw HTML as literal text', () => {
    for (const source of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">click</a>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '&lt;b&gt; &amp; <!-- comment -->',
    ]) {
      expect(parseSummary(source)).toEqual([paragraph(text(source))]);
    }
  });

  it('never makes an image: ![alt](src) is its alt text, and its src is no link', () => {
    expect(parseSummary('![x](https://evil.example/a.png)')).toEqual([paragraph(text('x'))]);
    expect(inline('Chart: ![**the** `chart`](https://evil.example/a.png) done')).toEqual([
      text('Chart: the chart done'),
    ]);
    expect(inline('![](https://evil.example/track.gif)tail')).toEqual([text('tail')]);
    // An image inside a link is the link's label, as text.
    expect(inline('[![logo](https://evil.example/a.png)](https://ok.example)')).toEqual([
      { type: 'link', href: 'https://ok.example/', children: [text('logo')] },
    ]);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(1)'],
    [' javascript:alert(1)'],
    ['java&#x09;script:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['mailto:someone@example.com'],
    ['tel:+6321234567'],
    ['/relative/path'],
    ['relative.html'],
    ['//evil.example/x'],
    ['#fragment'],
    ['https://user:pass@evil.example/'],
    ['https://paypal.com@evil.example/'],
    ['ftp://files.example/a'],
    ['file:///etc/passwd'],
    ['https://exa\u0000mple.com'],
    ['https://exa\u0085mple.com'],
    ['https:'],
  ])('turns [label](%j) into the plain text of its label', (url) => {
    expect(inline(`Read [the label](${url}) now`)).toEqual([text('Read the label now')]);
  });

  it('does not link a bare javascript:, data: or protocol-relative address', () => {
    for (const source of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      '//evil.example',
      '<javascript:alert(1)>',
    ]) {
      expect(links(parseSummary(source))).toEqual([]);
    }
  });

  it('returns on 100,000 characters of *[ and of other hostile patterns', () => {
    const starBracket = '*['.repeat(50_000);
    expect(parseSummary(starBracket)).toEqual([paragraph(text(starBracket))]);
    for (const source of [
      '[a]('.repeat(25_000),
      `${'[a]('.repeat(12_500)} ${')'.repeat(12_500)}`,
      '*'.repeat(50_000) + 'x'.repeat(10) + '*'.repeat(50_000),
      `${'_a '.repeat(10_000)}${'['.repeat(10_000)}${']b* '.repeat(10_000)}`,
      '`'.repeat(1) + ' ``'.repeat(30_000),
      `https://x.example/${')'.repeat(100_000)}`,
      '<https://a'.repeat(10_000),
      '- a\n'.repeat(25_000),
      `${'#'.repeat(100_000)} x`,
      ' '.repeat(100_000),
    ]) {
      expect(Array.isArray(parseSummary(source))).toBe(true);
    }
  });

  it('flattens nesting deeper than eight levels to its text', () => {
    for (const deep of [
      `${'*a _b '.repeat(2_000)}core${' c_ d*'.repeat(2_000)}`,
      `${'*'.repeat(20_000)}core${'*'.repeat(20_000)}`,
    ]) {
      const blocks = parseSummary(deep);
      const depths = [...parts(blocks)].map(([, depth]) => depth);
      expect(Math.max(...depths)).toBe(9);
      expect(shownText(blocks)).toContain('core');
    }
  });
});

describe('safeHref, linkAddress, labelShowsAddress', () => {
  it('accepts absolute http and https URLs, as new URL writes them', () => {
    expect(safeHref('https://Example.COM')).toBe('https://example.com/');
    expect(safeHref('HTTP://example.com/a%20b')).toBe('http://example.com/a%20b');
    expect(safeHref('https://bücher.example/ä')).toBe('https://xn--bcher-kva.example/%C3%A4');
  });

  it('refuses anything else', () => {
    for (const url of ['', ' https://a.example', 'https://a.example/\n', 'javascript:alert(1)', '//a.example', '/a']) {
      expect(safeHref(url)).toBeNull();
    }
  });

  it('shows an address as host, path, query and fragment, keeping http://', () => {
    expect(linkAddress('https://example.com/')).toBe('example.com');
    expect(linkAddress('https://example.com:8443/a/b?c=1#d')).toBe('example.com:8443/a/b?c=1#d');
    expect(linkAddress('http://example.com/a')).toBe('http://example.com/a');
    // The host as the browser goes to it: a look-alike name shows as punycode.
    expect(linkAddress(safeHref('https://аpple.com') ?? '')).toBe('xn--pple-43d.com');
  });

  it('says whether a label already shows the address', () => {
    expect(labelShowsAddress('https://example.com', 'https://example.com/')).toBe(true);
    expect(labelShowsAddress('example.com/a', 'https://example.com/a')).toBe(true);
    expect(labelShowsAddress('https://paypal.com', 'https://evil.example/')).toBe(false);
    expect(labelShowsAddress('https://аpple.com', 'https://xn--pple-43d.com/')).toBe(false);
    expect(labelShowsAddress('the report', 'https://example.com/')).toBe(false);
  });
});

describe('parseSummary: properties', () => {
  /** Markdown syntax, hostile fragments, words and odd characters, put together at random. */
  const SYNTAX = ['*', '**', '_', '__', '`', '``', '```', '~~~', '[', ']', '(', ')', '](', '![', '!', '<', '>', '\\'];
  const LINES = ['#', '# ', '- ', '* ', '+ ', '1. ', '2) ', '---', '\n', '\n\n', '\r\n', ' ', '  ', '\t'];
  const URLS = ['http://', 'https://', 'HTTPS://', 'javascript:', 'JaVaScRiPt:', 'data:', 'vbscript:', '//', '@'];
  const HOSTS = ['evil.example', '/path', '?q=1', '#frag', '.', ',', ':', '"', "'"];
  const HTML = ['<script>', '</script>', '<img src=x onerror=alert(1)>', '&amp;'];
  const ODD = ['\u0000', '\u2028', '\u00a0', 'é', '👍', '\ud800'];
  const TOKENS = [...SYNTAX, ...LINES, ...URLS, ...HOSTS, ...HTML, ...ODD];
  const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'revenue', 'luzon', 'Sales', 'TOTAL'];
  const soup = fc
    .array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...TOKENS), weight: 6 },
        { arbitrary: fc.constantFrom(...WORDS), weight: 3 },
        { arbitrary: fc.string({ maxLength: 4 }), weight: 1 },
      ),
      { maxLength: 60 },
    )
    .map((pieces) => pieces.join(''));
  const anyText = fc.oneof(soup, fc.string({ unit: 'binary', maxLength: 200 }));

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        expect(Array.isArray(parseSummary(source))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('links only to absolute http: and https: URLs with no credentials', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        for (const link of links(parseSummary(source))) {
          const url = new URL(link.href);
          expect(['http:', 'https:']).toContain(url.protocol);
          expect(url.username + url.password).toBe('');
          expect(safeHref(link.href)).toBe(link.href);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  /**
   * The runs of three or more letters a reader must still see: all of them but those inside parentheses
   * (where a link's URL, title or an image's source sits; backslash-escaped parentheses do not count) and
   * on a fence's opening line (its info string names the code's language).
   */
  function wordsOutsideParentheses(source: string): string[] {
    const words: string[] = [];
    // One count for the whole text: a link's title may run over lines.
    let depth = 0;
    for (const line of source.split(/\r\n?|\n/)) {
      words.push('\n');
      if (/^ {0,3}(```|~~~)/.test(line)) continue;
      for (let i = 0; i < line.length; i++) {
        const char = line[i] ?? '';
        if (char === '\\' && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) {
          words.push(' ');
          i++;
        } else {
          if (char === '(') depth++;
          else if (char === ')') depth = Math.max(0, depth - 1);
          words.push(depth === 0 && /[A-Za-z]/.test(char) ? char : ' ');
        }
      }
    }
    return words
      .join('')
      .split(/\s+/)
      .filter((word) => word.length >= 3);
  }

  it('keeps every word of the text that is not inside parentheses', () => {
    fc.assert(
      fc.property(soup, (source) => {
        const shown = shownText(parseSummary(source));
        for (const word of wordsOutsideParentheses(source)) expect(shown).toContain(word);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads text with no markdown as one paragraph of the same text', () => {
    const plain = fc
      .tuple(
        fc.constantFrom(...'abcXYZé'),
        fc.string({ unit: fc.constantFrom(...'abc XYZ019,.?%$&=;\'"<>/é'), maxLength: 80 }),
      )
      .map(([first, rest]) => `${first}${rest}`.trim());
    fc.assert(
      fc.property(plain, (source) => {
        expect(parseSummary(source)).toEqual([paragraph(text(source))]);
      }),
    );
  });
});

describe('parseSummary: text direction', () => {
  it('drops bidirectional controls, so a label cannot run on into the address and spell another', () => {
    const rlo = '\u202E';
    const blocks = parseSummary(`[moc.elgoog${rlo}](https://evil.example/) and ${rlo}plain\u2066text\u2069\u200F`);
    const text = JSON.stringify(blocks);
    for (const control of ['\u202E', '\u2066', '\u2069', '\u200F']) expect(text).not.toContain(control);
    expect(text).toContain('moc.elgoog');
    expect(text).toContain('https://evil.example/');
  });
});
