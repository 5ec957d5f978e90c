// @vitest-environment jsdom
// jsdom for its DOMParser: a real XML parser (saxes) that reports malformed SVG as a <parsererror>.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeOption } from '../../src/core/adapter/sanitize';
import { toEChartsOption } from '../../src/core/adapter/to-option';
import { renderChartToSVGString } from '../../src/core/render/svg';
import { renderSVG } from '../../src/react/chart-card/export';

type Json = Record<string, unknown>;

const bar = (extra: Json = {}): Json => ({
  xAxis: { type: 'category', data: ['a', 'b'] },
  yAxis: {},
  series: [{ type: 'bar', data: [1, 2] }],
  ...extra,
});

/** Parses `svg` as XML; a parse error fails the test with the parser's message. */
function parseSVG(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Every way the SVG could act when opened: event attributes, script, HTML, script URLs. */
function liveParts(doc: Document): string[] {
  const found: string[] = [];
  for (const element of [doc.documentElement, ...doc.documentElement.querySelectorAll('*')]) {
    const tag = element.localName.toLowerCase();
    if (tag === 'script' || tag === 'foreignobject' || element.namespaceURI !== 'http://www.w3.org/2000/svg') {
      found.push(`<${element.localName}> in ${element.namespaceURI}`);
    }
    for (const attribute of element.attributes) {
      // As a browser reads a URL: without ASCII whitespace and control characters.
      const value = [...attribute.value]
        .filter((c) => c.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
      if (/^on/i.test(attribute.localName)) found.push(`${tag} ${attribute.name}`);
      if (/(java|vb)script:|data:text|data:image\/svg/.test(value)) found.push(`${tag} ${attribute.name}=${value}`);
    }
  }
  return found;
}

const svgOf = (option: Json) => renderChartToSVGString(option, { width: 400, height: 300 });

describe('the SVG renderer writes inert, well-formed SVG', () => {
  it('writes a font family with quotes as attribute text, not as an event handler', () => {
    const svg = svgOf(bar({ textStyle: { fontFamily: 'x" onmouseover="alert(1)' } }));
    const doc = parseSVG(svg);
    expect(liveParts(doc)).toEqual([]);
    expect(doc.querySelector('text')?.getAttribute('style')).toContain('x" onmouseover="alert(1)');
  });

  it('writes an image:// symbol with quotes as one href', () => {
    const svg = svgOf(
      bar({ series: [{ type: 'line', symbol: 'image://x.png" onmouseover="alert(1)', data: [1, 2] }] }),
    );
    const doc = parseSVG(svg);
    expect(liveParts(doc)).toEqual([]);
    expect(doc.querySelector('image')?.getAttribute('href')).toBe('x.png" onmouseover="alert(1)');
  });

  it('writes labels with markup and characters XML forbids as text', () => {
    const names = ['<script>alert(1)</script>', ']]><g onload="x">', 'a\u0000b\u0008c\uFFFE', '\uD800 lone', '&amp; &'];
    const svg = renderChartToSVGString(
      bar({
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
        series: [{ type: 'bar', data: [1, 2, 3, 4, 5] }],
      }),
      { width: 1200, height: 300 },
    );
    const doc = parseSVG(svg);
    expect(liveParts(doc)).toEqual([]);
    const text = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('&amp; &');
  });

  it('refuses to write a script image URL (a raw option that skipped sanitizeOption)', () => {
    const option = bar({ series: [{ type: 'line', symbol: 'image://javascript:alert(1)', data: [1, 2] }] });
    expect(() => svgOf(option)).toThrow(expect.objectContaining({ name: 'RenderError', code: 'unsafe-svg' }));
  });

  it("is the renderer behind ChartCard's Download SVG", async () => {
    const option = bar({ textStyle: { fontFamily: 'x" onmouseover="alert(1)' }, title: { text: 'T' } });
    const downloaded = await renderSVG(option, { width: 400, height: 300, theme: 'insightpulse' });
    // The same file but for the ids of the ECharts instance that drew it (zr0-…, zr1-…).
    const ids = (svg: string) => svg.replace(/zr\d+-/g, 'zr-');
    expect(ids(downloaded)).toBe(ids(renderChartToSVGString(option, { width: 400, height: 300, theme: 'light' })));
    expect(liveParts(parseSVG(downloaded))).toEqual([]);
  });
});

describe('names that are Object.prototype keys', () => {
  const names = ['hasOwnProperty', 'constructor', 'toString', '__defineGetter__', '__proto__', 'valueOf'];
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const functionKeys = () => names.flatMap((n) => Object.getOwnPropertyNames(Object.prototype[n as 'toString'] ?? {}));

  it.each([
    ['categories', (name: string) => bar({ xAxis: { type: 'category', data: [name, 'b'] } })],
    [
      'series names',
      (name: string) =>
        bar({
          legend: {},
          series: [
            { type: 'bar', name, data: [1, 2] },
            { type: 'line', name, data: [2, 1] },
          ],
        }),
    ],
    [
      'slices',
      (name: string) => ({
        series: [
          {
            type: 'pie',
            data: [
              { name, value: 1 },
              { name: 'b', value: 2 },
            ],
          },
        ],
      }),
    ],
    ['symbols', (name: string) => bar({ series: [{ type: 'line', symbol: name, data: [1, 2] }] })],
    [
      'labels',
      (name: string) => bar({ series: [{ type: 'bar', label: { show: true, formatter: name }, data: [1, 2] }] }),
    ],
  ])('renders %s as text and changes nothing global', (_, make) => {
    const before = [prototypeKeys(), functionKeys()];
    for (const name of names) {
      const doc = parseSVG(renderChartToSVGString(make(name), { width: 900, height: 600 }));
      expect(liveParts(doc)).toEqual([]);
      if (_ !== 'symbols') {
        const text = [...doc.querySelectorAll('text')].map((t) => t.textContent?.replace('\u2060', ''));
        expect(text).toContain(name);
      }
    }
    expect([prototypeKeys(), functionKeys()]).toEqual(before);
  });

  it('the adapter charts such names from data', () => {
    const before = prototypeKeys();
    const rows = names.flatMap((x) => names.map((s, i) => ({ x, s, v: i + 1 })));
    for (const kind of ['bar', 'line', 'pie'] as const) {
      const encoding = kind === 'pie' ? { x: 'x', y: 'v' } : { x: 'x', y: 'v', series: 's' };
      const doc = parseSVG(svgOf(toEChartsOption(rows, { kind, encoding }) as Json));
      const text = [...doc.querySelectorAll('text')].map((t) => t.textContent?.replace('\u2060', ''));
      for (const name of names) expect(text).toContain(name);
    }
    expect(prototypeKeys()).toEqual(before);
  });
});

describe('the SVG renderer: property over hostile options', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(
      'x" onmouseover="alert(1)',
      "x' onmouseover='alert(1)",
      '"><script>alert(1)</script>',
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
      ']]><svg onload="alert(1)">',
      'image://x.png" onmouseover="alert(1)',
      'image://javascript:alert(1)',
      'image://data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
      'image://https://tracker.example/p.png',
      'path://M0 0" onclick="alert(1)',
      'javascript:alert(1)',
      'red;}</style><script>alert(1)</script>',
      'url(javascript:alert(1))',
      'hasOwnProperty',
      '__proto__',
      'constructor',
      '&',
      '\u0000\u0001',
      '\uD800',
    ),
  );
  const color = fc.oneof(hostile, fc.constantFrom('#5470c6', 'red', 'rgba(1,2,3,0.5)'));
  const option = fc
    .record({
      kind: fc.constantFrom('bar', 'line', 'pie', 'scatter'),
      names: fc.array(hostile, { minLength: 1, maxLength: 4 }),
      seriesName: hostile,
      fontFamily: hostile,
      color,
      symbol: hostile,
      icon: hostile,
      image: hostile,
      align: hostile,
      dash: hostile,
      title: hostile,
    })
    .map(({ kind, names, seriesName, fontFamily, color, symbol, icon, image, align, dash, title }): Json => {
      const data = names.map((name, i) => ({ name, value: kind === 'scatter' ? [i, i + 1] : i + 1 }));
      return {
        title: { text: title, subtext: title, textStyle: { fontFamily, color } },
        textStyle: { fontFamily },
        legend: { icon },
        backgroundColor: { image, repeat: 'repeat' },
        graphic: [{ type: 'image', style: { image, width: 10, height: 10 } }],
        ...(kind === 'pie' ? {} : { xAxis: { type: 'category', data: names }, yAxis: {} }),
        series: [
          {
            type: kind,
            name: seriesName,
            data,
            symbol,
            label: { show: true, color, align, fontFamily, rich: { a: { backgroundColor: { image } } } },
            itemStyle: { color, borderType: dash, decal: { symbol } },
            lineStyle: { type: dash, color },
          },
        ],
      };
    });

  it('parses as XML and holds nothing live, for any option sanitizeOption let through', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(
        option,
        fc.constantFrom('none', 'same-origin') as fc.Arbitrary<'none' | 'same-origin'>,
        (input, images) => {
          const safe = sanitizeOption<Json>(input, { images }).option;
          const doc = parseSVG(svgOf(safe));
          expect(liveParts(doc)).toEqual([]);
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
        },
      ),
      { numRuns: 150 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  }, 120_000);
});
