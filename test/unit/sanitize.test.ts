import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SanitizeOptions, type SanitizeRemoval, sanitizeOption } from '../../src/core/adapter/sanitize';

type Json = Record<string, unknown>;

const removed = (input: unknown, options?: SanitizeOptions): SanitizeRemoval[] => [
  ...(sanitizeOption(input, options).warning?.removed ?? []),
];

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const SVG = 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+';

describe('sanitizeOption: functions', () => {
  it('drops a function formatter at the top level and deep in series', () => {
    const { option, warning } = sanitizeOption<Json>({
      tooltip: { trigger: 'axis', formatter: () => '<b>x</b>' },
      series: [
        { type: 'bar', data: [1, 2] },
        { type: 'line', label: { show: true, formatter: () => 'x' } },
        { type: 'scatter', markPoint: { data: [{}, {}, { label: { formatter: () => 'x' } }] } },
      ],
    });
    expect(option).toEqual({
      tooltip: { trigger: 'axis' },
      series: [
        { type: 'bar', data: [1, 2] },
        { type: 'line', label: { show: true } },
        { type: 'scatter', markPoint: { data: [{}, {}, { label: {} }] } },
      ],
    });
    expect(warning?.removed).toEqual([
      { path: 'tooltip.formatter', reason: 'function' },
      { path: 'series[1].label.formatter', reason: 'function' },
      { path: 'series[2].markPoint.data[2].label.formatter', reason: 'function' },
    ]);
  });

  it('replaces removed array items with null so positions hold', () => {
    const { option } = sanitizeOption<Json>({ series: [() => 0, { type: 'bar' }], data: [1, Symbol('x'), 10n, 4] });
    expect(option).toEqual({ series: [null, { type: 'bar' }], data: [1, null, null, 4] });
    expect(removed({ a: Symbol('x'), b: 1n })).toEqual([
      { path: 'a', reason: 'function' },
      { path: 'b', reason: 'function' },
    ]);
  });

  it('drops getters without running them and survives throwing proxies', () => {
    let ran = false;
    const input = {
      get title() {
        ran = true;
        return { text: 'x' };
      },
    };
    expect(sanitizeOption(input).option).toEqual({});
    expect(ran).toBe(false);
    expect(removed(input)).toEqual([{ path: 'title', reason: 'function' }]);

    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const throwing = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(sanitizeOption({ a: revocable.proxy, b: throwing, c: 1 }).option).toEqual({ c: 1 });
    expect(removed({ a: revocable.proxy, b: throwing })).toEqual([
      { path: 'a', reason: 'function' },
      { path: 'b', reason: 'function' },
    ]);
  });
});

describe('sanitizeOption: formatter strings', () => {
  it.each([
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<script>alert(1)</script>',
    '{b}<br/>{c}',
    'a > b',
    'javascript:alert(1)',
    'JAVA\tSCRIPT:alert(1)',
  ])('drops %j', (formatter) => {
    expect(sanitizeOption({ tooltip: { formatter } }).option).toEqual({ tooltip: {} });
    expect(removed({ yAxis: [{ axisLabel: { formatter } }] })).toEqual([
      { path: 'yAxis[0].axisLabel.formatter', reason: 'html-formatter' },
    ]);
  });

  it.each(['{b}: {c}', '{a} {b}: {c} ({d}%)', '{@score} pts', '{value} kg', ''])(
    'keeps the template %j',
    (formatter) => {
      const input = { tooltip: { formatter }, series: [{ label: { formatter } }] };
      expect(sanitizeOption(input)).toEqual({ option: input, warning: null });
    },
  );

  it('checks strings inside formatter objects (time axis levels)', () => {
    const { option, warning } = sanitizeOption<Json>({
      xAxis: { type: 'time', axisLabel: { formatter: { year: '{yyyy}', month: ['<b>{MMM}</b>', '{MMM}'] } } },
    });
    expect(option).toEqual({
      xAxis: { type: 'time', axisLabel: { formatter: { year: '{yyyy}', month: [null, '{MMM}'] } } },
    });
    expect(warning?.removed).toEqual([{ path: 'xAxis.axisLabel.formatter.month[0]', reason: 'html-formatter' }]);
  });

  it('treats the dataView title and lang (written as HTML) like formatters', () => {
    const { option, warning } = sanitizeOption<Json>({
      title: { text: '<b>plain canvas text</b>' },
      toolbox: {
        feature: { dataView: { title: '<img src=x onerror=alert(1)>', lang: ['<svg onload=alert(1)>', 'Close'] } },
      },
    });
    expect(option).toEqual({
      title: { text: '<b>plain canvas text</b>' },
      toolbox: { feature: { dataView: { lang: [null, 'Close'] } } },
    });
    expect(warning?.removed.map((r) => r.path)).toEqual([
      'toolbox.feature.dataView.title',
      'toolbox.feature.dataView.lang[0]',
    ]);
  });
});

describe('sanitizeOption: tooltip strings', () => {
  it('drops HTML in string tooltips (ECharts uses them as formatters) wherever they sit', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const { option, warning } = sanitizeOption<Json>({
      tooltip: { trigger: 'item' },
      legend: { tooltip: { show: true, formatter: xss } },
      series: [
        { type: 'bar', tooltip: xss, data: [1, { value: 2, tooltip: xss }, { value: 3, tooltip: '{b}: {c}' }] },
        { type: 'pie', tooltip: 'javascript:alert(1)', data: [{ name: 'a', value: 1, tooltip: 'Something to know' }] },
      ],
      graphic: { elements: [{ type: 'text', tooltip: '<svg onload=alert(1)>' }] },
      toolbox: { tooltip: ['<b>x</b>', 'plain'] },
    });
    expect(option).toEqual({
      tooltip: { trigger: 'item' },
      legend: { tooltip: { show: true } },
      series: [
        { type: 'bar', data: [1, { value: 2 }, { value: 3, tooltip: '{b}: {c}' }] },
        { type: 'pie', data: [{ name: 'a', value: 1, tooltip: 'Something to know' }] },
      ],
      graphic: { elements: [{ type: 'text' }] },
      toolbox: { tooltip: [null, 'plain'] },
    });
    expect(warning?.removed).toEqual([
      { path: 'legend.tooltip.formatter', reason: 'html-formatter' },
      { path: 'series[0].tooltip', reason: 'html-formatter' },
      { path: 'series[0].data[1].tooltip', reason: 'html-formatter' },
      { path: 'series[1].tooltip', reason: 'html-formatter' },
      { path: 'graphic.elements[0].tooltip', reason: 'html-formatter' },
      { path: 'toolbox.tooltip[0]', reason: 'html-formatter' },
    ]);
  });

  it('keeps template and plain-text tooltips and leaves other strings in tooltip objects to their own rules', () => {
    const input = {
      series: [{ tooltip: '{a} {b}: {c} ({d}%)', data: [{ value: 1, tooltip: '' }] }],
      tooltip: { trigger: 'axis', position: 'top', appendTo: 'body', formatter: '{b0}: {c0}' },
    };
    expect(sanitizeOption(input)).toEqual({ option: input, warning: null });
  });
});

describe('sanitizeOption: URLs', () => {
  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\u0000script:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    PNG,
  ])('drops the link %j', (link) => {
    expect(sanitizeOption({ title: [{ text: 'T', link, sublink: link }] })).toEqual({
      option: { title: [{ text: 'T' }] },
      warning: {
        removed: [
          { path: 'title[0].link', reason: 'script-url' },
          { path: 'title[0].sublink', reason: 'script-url' },
        ],
        message: 'sanitizeOption removed 2 unsafe values: title[0].link (script-url), title[0].sublink (script-url)',
      },
    });
  });

  it.each(['https://example.com/a?b=c#d', 'http://example.com', 'HTTPS://EXAMPLE.COM', '/reports/1', 'page.html', ''])(
    'keeps the link %j',
    (link) => {
      expect(sanitizeOption({ title: { link, sublink: link } }).warning).toBeNull();
    },
  );

  it('drops SVG and script images and keeps raster data and https images', () => {
    const image = (src: string) => ({ graphic: { elements: [{ type: 'image', style: { image: src } }] } });
    expect(removed(image(SVG))).toEqual([{ path: 'graphic.elements[0].style.image', reason: 'script-url' }]);
    expect(removed(image('DATA:IMAGE/SVG+XML;utf8,<svg onload=alert(1)>'))).toHaveLength(1);
    expect(removed(image('javascript:alert(1)'))).toHaveLength(1);
    const cdn = { images: { allow: ['https://cdn.example.com'] } };
    expect(sanitizeOption(image(PNG), cdn)).toEqual({ option: image(PNG), warning: null });
    expect(sanitizeOption(image('https://cdn.example.com/a.webp'), cdn).warning).toBeNull();
  });

  it('checks image:// symbols and icons and image backgrounds', () => {
    const { option, warning } = sanitizeOption<Json>(
      {
        backgroundColor: { image: 'javascript:alert(1)', repeat: 'repeat' },
        legend: { icon: 'image://javascript:alert(1)' },
        series: [
          {
            symbol: ' IMAGE://data:image/svg+xml;base64,PHN2Zz4=',
            itemStyle: { color: { image: SVG } },
            markLine: { symbol: ['circle', 'image://java\tscript:alert(1)'] },
          },
          { symbol: `image://${PNG}`, markPoint: { symbol: 'image://https://example.com/pin.png' } },
          { symbol: 'path://M0,0 L10,10', itemStyle: { color: { image: PNG } } },
        ],
      },
      { images: { allow: ['https://example.com'] } },
    );
    expect(option).toEqual({
      backgroundColor: { repeat: 'repeat' },
      legend: {},
      series: [
        { itemStyle: { color: {} }, markLine: { symbol: ['circle', null] } },
        { symbol: `image://${PNG}`, markPoint: { symbol: 'image://https://example.com/pin.png' } },
        { symbol: 'path://M0,0 L10,10', itemStyle: { color: { image: PNG } } },
      ],
    });
    expect(warning?.removed).toEqual([
      { path: 'backgroundColor.image', reason: 'script-url' },
      { path: 'legend.icon', reason: 'script-url' },
      { path: 'series[0].symbol', reason: 'script-url' },
      { path: 'series[0].itemStyle.color.image', reason: 'script-url' },
      { path: 'series[0].markLine.symbol[1]', reason: 'script-url' },
    ]);
  });
});

describe('sanitizeOption: CSS', () => {
  it.each([
    'background:url(https://evil.example/track)',
    'background: URL (x)',
    'width:expression(alert(1))',
    '@import "https://evil.example/x.css"',
    '</style><script>alert(1)</script>',
    'background:\\75rl(x)',
  ])('drops extraCssText %j', (extraCssText) => {
    expect(removed({ tooltip: { extraCssText } })).toEqual([{ path: 'tooltip.extraCssText', reason: 'unsafe-css' }]);
  });

  it('keeps plain extraCssText and class names, drops class names with other characters', () => {
    const safe = {
      tooltip: { extraCssText: 'box-shadow: 0 0 3px rgba(0,0,0,.3); width: 200px;', className: 'tip my_tip-2' },
    };
    expect(sanitizeOption(safe)).toEqual({ option: safe, warning: null });
    expect(removed({ tooltip: { className: 'x" onmouseover="alert(1)' }, series: [{ className: 'a<b' }] })).toEqual([
      { path: 'tooltip.className', reason: 'unsafe-css' },
      { path: 'series[0].className', reason: 'unsafe-css' },
    ]);
  });
});

describe('sanitizeOption: style text', () => {
  it.each([
    ['tooltip.backgroundColor', { tooltip: { backgroundColor: 'red;background-image:url(https://evil.example/t)' } }],
    ['tooltip.borderColor', { tooltip: { borderColor: 'red" onmouseover="alert(1)' } }],
    ['tooltip.shadowColor', { tooltip: { shadowColor: 'red}body{display:none' } }],
    ['tooltip.textStyle.color', { tooltip: { textStyle: { color: 'red; position: fixed' } } }],
    ['tooltip.textStyle.fontFamily', { tooltip: { textStyle: { fontFamily: 'x;background:URL (y)' } } }],
    ['tooltip.textStyle.fontWeight', { tooltip: { textStyle: { fontWeight: 'bold;x:y' } } }],
    ['tooltip.textStyle.fontStyle', { tooltip: { textStyle: { fontStyle: 'italic\\3b x' } } }],
    ['tooltip.textStyle.fontSize', { tooltip: { textStyle: { fontSize: '12px;background:red' } } }],
    ['tooltip.textStyle.lineHeight', { tooltip: { textStyle: { lineHeight: '1;x:y' } } }],
    ['tooltip.textStyle.textShadowColor', { tooltip: { textStyle: { textShadowColor: 'expression(alert(1))' } } }],
    ['tooltip.textStyle.align', { tooltip: { textStyle: { align: 'left;x:y' } } }],
    ['tooltip.borderWidth', { tooltip: { borderWidth: '1"><img src=x onerror=alert(1)>' } }],
    ['tooltip.padding[1]', { tooltip: { padding: [5, '5;x:y'] } }],
    ['textStyle.fontFamily', { textStyle: { fontFamily: '@import "https://evil.example/x.css"' } }],
    ['color[1]', { color: ['#5470c6', 'red;background:url(x)'] }],
    ['series[0].color', { series: [{ color: 'red;x:y' }] }],
    ['series[0].itemStyle.color', { series: [{ itemStyle: { color: 'url(https://evil.example/t)' } }] }],
    ['series[0].data[0].itemStyle.color', { series: [{ data: [{ value: 1, itemStyle: { color: '<b>' } }] }] }],
    ['series[0].itemStyle.borderColor', { series: [{ itemStyle: { borderColor: "red' x" } }] }],
    ['toolbox.feature.dataView.buttonColor', { toolbox: { feature: { dataView: { buttonColor: 'red;x:y' } } } }],
    ['toolbox.feature.dataView.buttonTextColor', { toolbox: { feature: { dataView: { buttonTextColor: 'a{b}' } } } }],
    ['visualMap.inRange.color[0]', { visualMap: { inRange: { color: ['red;x:y', 'blue'] } } }],
    ['backgroundColor', { backgroundColor: 'image-set("x.png" 1x)' }],
  ])('drops the unsafe %s', (path, input) => {
    expect(removed(input)).toEqual([{ path, reason: 'unsafe-css' }]);
  });

  it('keeps plain colours, font stacks and numbers', () => {
    const input = {
      color: ['#5470c6', '#ABC', 'rgba(1,2,3,0.5)', 'rgb(1 2 3 / 50%)', 'hsl(120, 50%, 50%)', 'red', 'transparent'],
      backgroundColor: 'transparent',
      textStyle: { fontFamily: 'Helvetica Neue, Arial, Noto Sans, sans-serif', fontWeight: 'bold' },
      tooltip: {
        backgroundColor: 'rgba(50,50,50,0.7)',
        borderColor: '#333',
        borderWidth: 1,
        padding: [5, 10],
        textStyle: {
          color: '#fff',
          fontFamily: 'Inter, sans-serif',
          fontSize: 14,
          fontStyle: 'italic',
          lineHeight: 20,
        },
      },
      series: [{ itemStyle: { color: 'currentColor', borderColor: 'inherit' }, lineStyle: { shadowColor: '#0003' } }],
      toolbox: { feature: { dataView: { textColor: '#000', textareaBorderColor: '#ccc', buttonColor: '#5470c6' } } },
    };
    expect(sanitizeOption(input)).toEqual({ option: input, warning: null });
  });

  it('walks gradient and pattern colour objects', () => {
    const { option, warning } = sanitizeOption<Json>({
      series: [
        {
          itemStyle: {
            color: {
              type: 'linear',
              colorStops: [
                { offset: 0, color: 'red' },
                { offset: 1, color: 'blue;background:url(x)' },
              ],
            },
          },
        },
      ],
    });
    expect(option).toEqual({
      series: [{ itemStyle: { color: { type: 'linear', colorStops: [{ offset: 0, color: 'red' }, { offset: 1 }] } } }],
    });
    expect(warning?.removed).toEqual([{ path: 'series[0].itemStyle.color.colorStops[1].color', reason: 'unsafe-css' }]);
  });
});

describe('sanitizeOption: structure', () => {
  it('parsed __proto__, constructor and prototype keys cannot pollute Object.prototype', () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},' +
        ' "series": [{"__proto__": {"polluted": true}, "prototype": 1, "type": "bar"}]}',
    );
    const { option, warning } = sanitizeOption<Json>(input);
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getPrototypeOf(option)).toBe(Object.prototype);
    expect(Object.keys(option)).toEqual(['series']);
    expect(option).toEqual({ series: [{ type: 'bar' }] });
    expect((option.series as Json[])[0]?.polluted).toBeUndefined();
    expect(warning?.removed).toEqual([
      { path: '__proto__', reason: 'unsafe-key' },
      { path: 'constructor', reason: 'unsafe-key' },
      { path: 'series[0].__proto__', reason: 'unsafe-key' },
      { path: 'series[0].prototype', reason: 'unsafe-key' },
    ]);
  });

  it('drops cyclic references and copies shared ones', () => {
    const shared = { color: 'red' };
    const input: Json = { title: { text: 'x' }, a: shared, b: shared };
    input.self = input;
    input.series = [{ type: 'bar', parent: input }];
    const { option, warning } = sanitizeOption<Json>(input);
    expect(option).toEqual({ title: { text: 'x' }, a: shared, b: shared, series: [{ type: 'bar' }] });
    expect(option.a).not.toBe(shared);
    expect(warning?.removed).toEqual([
      { path: 'self', reason: 'too-deep' },
      { path: 'series[0].parent', reason: 'too-deep' },
    ]);
  });

  it('drops subtrees nested deeper than maxDepth', () => {
    let deep: Json = { leaf: true };
    for (let i = 0; i < 100; i++) deep = { child: deep };
    const { option, warning } = sanitizeOption<Json>(deep);
    expect(warning?.removed).toEqual([{ path: Array(64).fill('child').join('.'), reason: 'too-deep' }]);
    let node = option;
    for (let i = 0; i < 63; i++) node = node.child as Json;
    expect(node).toEqual({});

    expect(sanitizeOption({ a: 1, b: { c: [1] } }, { maxDepth: 2 })).toEqual({
      option: { a: 1, b: {} },
      warning: {
        removed: [{ path: 'b.c', reason: 'too-deep' }],
        message: 'sanitizeOption removed 1 unsafe value: b.c (too-deep)',
      },
    });
    expect(sanitizeOption({ a: 1, b: {} }, { maxDepth: 0 }).option).toEqual({ a: 1 });
  });

  it('does not overflow the stack on very deep input, whatever maxDepth says', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => sanitizeOption(deep, { maxDepth: Number.POSITIVE_INFINITY })).not.toThrow();
    expect(removed(deep, { maxDepth: 1e9 })).toHaveLength(1);
  });

  it.each([42, 'tooltip', true, null, undefined, Number.NaN])('gives {} without a warning for %j', (input) => {
    expect(sanitizeOption(input)).toEqual({ option: {}, warning: null });
  });

  it('gives {} and a root warning for a function', () => {
    const { option, warning } = sanitizeOption(() => ({}));
    expect(option).toEqual({});
    expect(warning?.removed).toEqual([{ path: '', reason: 'function' }]);
    expect(warning?.message).toBe('sanitizeOption removed 1 unsafe value: (root) (function)');
  });

  it('keeps arrays, numbers (NaN and Infinity too), dates and typed arrays', () => {
    const date = new Date(0);
    const typed = new Float64Array([1.5, 2]);
    const input = {
      dataset: {
        source: [
          [1, Number.NaN],
          [Number.POSITIVE_INFINITY, -0],
        ],
      },
      x: date,
      y: typed,
      z: undefined,
    };
    const { option, warning } = sanitizeOption<Json>(input);
    expect(warning).toBeNull();
    expect(option).toEqual(input);
    expect(option.x).not.toBe(date);
    expect(option.y).toBeInstanceOf(Float64Array);
    expect(option.y).not.toBe(typed);
    expect(Array.isArray(sanitizeOption([1, [2]]).option)).toBe(true);
  });

  it('does not mutate the input', () => {
    const input = JSON.parse(
      JSON.stringify({
        title: { text: 'T', link: 'javascript:alert(1)' },
        tooltip: { formatter: '<img src=x onerror=alert(1)>', extraCssText: 'background:url(x)' },
        series: [{ type: 'bar', symbol: `image://${SVG}`, label: { formatter: '{b}: {c}' } }],
      }),
    );
    Object.defineProperty(input.series[0], '__proto__', {
      value: { polluted: true },
      enumerable: true,
      writable: true,
    });
    const before = structuredClone(input);
    const fn = () => 'x';
    input.series[0].tooltip = { formatter: fn };
    sanitizeOption(input);
    expect(input.series[0].tooltip.formatter).toBe(fn);
    delete input.series[0].tooltip;
    expect(input).toEqual(before);
    expect(Object.hasOwn(input.series[0], '__proto__')).toBe(true);
  });

  it('lists the exact paths and reasons in the warning message', () => {
    const { warning } = sanitizeOption({
      series: [{ tooltip: { formatter: () => '' } }, { 'odd key': { formatter: '<b>' } }],
      title: [{ link: 'javascript:x' }],
    });
    // A plain object: not an error, nothing to throw, the same after a JSON round trip.
    expect(Object.getPrototypeOf(warning)).toBe(Object.prototype);
    expect(warning).not.toBeInstanceOf(Error);
    expect(JSON.parse(JSON.stringify(warning))).toEqual(warning);
    expect(warning?.message).toBe(
      'sanitizeOption removed 3 unsafe values: series[0].tooltip.formatter (function), ' +
        'series[1]["odd key"].formatter (html-formatter), title[0].link (script-url)',
    );
  });

  it('gives no warning when nothing is removed', () => {
    const input = {
      title: { text: 'Revenue', link: 'https://example.com' },
      tooltip: { trigger: 'axis', formatter: '{b}: {c}' },
      xAxis: { type: 'category', data: ['a', 'b'] },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: [1, null, 3], symbol: 'circle' }],
    };
    expect(sanitizeOption(input)).toEqual({ option: input, warning: null });
  });
});

describe('sanitizeOption: values written into SVG attributes', () => {
  it.each([
    ['textStyle.fontFamily', { textStyle: { fontFamily: 'x" onmouseover="alert(1)' } }],
    ['textStyle.fontFamily', { textStyle: { fontFamily: '"Helvetica Neue", sans-serif' } }],
    ['textStyle.fontFamily', { textStyle: { fontFamily: "'Noto Sans'" } }],
    ['series[0].symbol', { series: [{ symbol: 'image://x.png" onmouseover="alert(1)' }] }],
    ['series[0].symbol', { series: [{ symbol: 'path://M0 0" onclick="alert(1)' }] }],
    ['series[0].symbol', { series: [{ symbol: 'circle"/><script>alert(1)</script>' }] }],
    ['graphic.style.image', { graphic: { type: 'image', style: { image: "x.png' onload='alert(1)" } } }],
    ['graphic.style.textAlign', { graphic: { type: 'text', style: { textAlign: 'left" onclick="x' } } }],
    ['series[0].label.verticalAlign', { series: [{ label: { verticalAlign: 'top"><g' } }] }],
    ['legend.icon', { legend: { icon: 'rect`' } }],
    ['series[0].lineStyle.type', { series: [{ lineStyle: { type: 'dashed"' } }] }],
    ['dataZoom.handleIcon', { dataZoom: { handleIcon: 'path://M0 0"' } }],
  ])('refuses quotes and angle brackets in %s', (path, input) => {
    expect(removed(input, { images: 'same-origin' })).toEqual([{ path, reason: 'unsafe-attribute' }]);
  });

  it('keeps unquoted font stacks, symbols and alignments, and any text in names and labels', () => {
    const input = {
      textStyle: { fontFamily: 'Open Sans, Noto Sans, sans-serif', align: 'left', verticalAlign: 'middle' },
      series: [
        {
          type: 'line',
          name: 'Sales "net" <2026>',
          symbol: 'path://M0,0 L10,10 Z',
          lineStyle: { type: 'dashed' },
          label: { formatter: '{b}: {c}' },
          data: [{ name: "O'Brien & <Sons>", value: 1 }],
        },
      ],
    };
    expect(sanitizeOption(input)).toEqual({ option: input, warning: null });
  });
});

describe('sanitizeOption: images', () => {
  const remote = 'https://tracker.example/pixel.png';
  const places: [string, (src: string) => Json, string][] = [
    ['a symbol', (src) => ({ series: [{ symbol: `image://${src}` }] }), 'series[0].symbol'],
    ['a legend icon', (src) => ({ legend: { icon: `image://${src}` } }), 'legend.icon'],
    [
      'a decal',
      (src) => ({ series: [{ itemStyle: { decal: { symbol: `image://${src}` } } }] }),
      'series[0].itemStyle.decal.symbol',
    ],
    [
      'an aria decal',
      (src) => ({ aria: { decal: { decals: [{ symbol: `image://${src}` }] } } }),
      'aria.decal.decals[0].symbol',
    ],
    [
      'a pattern',
      (src) => ({ series: [{ itemStyle: { color: { image: src, repeat: 'repeat' } } }] }),
      'series[0].itemStyle.color.image',
    ],
    ['a background', (src) => ({ backgroundColor: { image: src } }), 'backgroundColor.image'],
    [
      'a rich-text background',
      (src) => ({ series: [{ label: { rich: { logo: { backgroundColor: { image: src } } } } }] }),
      'series[0].label.rich.logo.backgroundColor.image',
    ],
    [
      'a graphic',
      (src) => ({ graphic: { elements: [{ type: 'image', style: { image: src } }] } }),
      'graphic.elements[0].style.image',
    ],
  ];

  it.each(places)('loads no image by default: %s', (_, make, path) => {
    for (const src of [remote, 'x.png', '/logo.png', '//tracker.example/p.png', PNG]) {
      const { option, warning } = sanitizeOption<Json>(make(src));
      expect(JSON.stringify(option)).not.toContain(src);
      expect(warning?.removed).toEqual([{ path, reason: 'image' }]);
    }
  });

  it.each(places)("'same-origin' keeps relative and inline images only: %s", (_, make, path) => {
    for (const src of ['x.png', '/logo.png', '../img/a.webp', PNG]) {
      expect(sanitizeOption(make(src), { images: 'same-origin' })).toEqual({ option: make(src), warning: null });
    }
    for (const src of [remote, '//tracker.example/p.png', '/\\tracker.example/p.png', ' //tracker.example/p.png']) {
      expect(removed(make(src), { images: 'same-origin' })).toEqual([{ path, reason: 'image' }]);
    }
  });

  it.each(places)('an allowlist adds the origins it names: %s', (_, make, path) => {
    const images = { allow: ['https://cdn.example.com', 'not a url'] };
    for (const src of ['https://cdn.example.com/a.png', 'HTTPS://CDN.EXAMPLE.COM:443/b.png', 'x.png', PNG]) {
      expect(sanitizeOption(make(src), { images })).toEqual({ option: make(src), warning: null });
    }
    for (const src of [remote, 'http://cdn.example.com/a.png', 'https://cdn.example.com.evil.example/a.png']) {
      expect(removed(make(src), { images })).toEqual([{ path, reason: 'image' }]);
    }
  });

  it('still refuses script and SVG images that a policy allows by origin', () => {
    expect(removed({ graphic: { style: { image: SVG } } }, { images: 'same-origin' })).toEqual([
      { path: 'graphic.style.image', reason: 'script-url' },
    ]);
  });
});

describe('sanitizeOption: names that are Object.prototype keys', () => {
  it('keeps them as data that ECharts cannot confuse with its own keys', () => {
    const names = ['hasOwnProperty', 'constructor', 'toString', '__defineGetter__', '__proto__', 'valueOf'];
    const { option, warning } = sanitizeOption<Json>({
      xAxis: { type: 'category', data: names },
      series: names.map((name) => ({ type: 'line', name, symbol: name, data: [{ name, value: 1 }] })),
    });
    expect(warning).toBeNull();
    const text = JSON.stringify(option);
    for (const name of names) {
      // Each name is still there, followed by an invisible word joiner and never on its own.
      expect(text).toContain(`"\u2060${name}"`);
      expect(text).not.toContain(`"${name}"`);
    }
    // Idempotent: a sanitized option passes through unchanged.
    expect(sanitizeOption(option)).toEqual({ option, warning: null });
  });
});

describe('sanitizeOption: properties', () => {
  const unsafe = fc.oneof(
    fc.constant(() => 'x'),
    fc.string().map((s) => `<img src=x onerror=${s}>`),
    fc.string().map((s) => `${s}<${s}`),
    fc.constantFrom(
      'javascript:alert(1)',
      `image://${SVG}`,
      'image://x.png" onmouseover="alert(1)',
      'image://https://tracker.example/p.png',
      'x" onmouseover="alert(1)',
      'url(x)',
      'a"b',
      'red;x:y',
      '{b}: {c}',
    ),
  );
  const key = fc.oneof(
    fc.string(),
    fc.constantFrom(
      'formatter',
      'tooltip',
      'link',
      'image',
      'symbol',
      'className',
      'extraCssText',
      'dataView',
      'title',
      'lang',
      'color',
      'backgroundColor',
      'fontFamily',
    ),
    fc.constantFrom('__proto__', 'constructor', 'prototype'),
  );
  const { value } = fc.letrec<{ value: unknown; object: Json; array: unknown[] }>((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), unsafe, tie('object'), tie('array')),
    object: fc.oneof(
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
      fc.record({ formatter: fc.oneof(fc.string(), unsafe), rest: tie('value') }),
    ),
    array: fc.array(tie('value'), { maxLength: 5 }),
  }));

  const visit = (node: unknown, check: (node: unknown, key: string | null) => void, key: string | null = null) => {
    check(node, key);
    if (node && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) visit(child, check, Array.isArray(node) ? key : k);
    }
  };

  it('leaves no functions or HTML formatters, and is idempotent', () => {
    fc.assert(
      fc.property(value, (input) => {
        const { option } = sanitizeOption(input);
        visit(option, (node, k) => {
          expect(typeof node).not.toBe('function');
          if ((k === 'formatter' || k === 'tooltip') && typeof node === 'string') expect(node).not.toContain('<');
          if ((k === 'color' || k === 'backgroundColor' || k === 'fontFamily') && typeof node === 'string') {
            expect(node).not.toMatch(/[;<>{}\\]/);
          }
          if (
            ['color', 'backgroundColor', 'fontFamily', 'symbol', 'image'].includes(k ?? '') &&
            typeof node === 'string'
          ) {
            expect(node).not.toMatch(/["'<>`]/);
          }
          if (typeof node === 'string') expect(node).not.toMatch(/^image:\/\//i);
          if (node && typeof node === 'object') expect(Object.getPrototypeOf(node)).not.toBeNull();
        });
        expect(({} as Json).polluted).toBeUndefined();
        const again = sanitizeOption(option);
        expect(again.warning).toBeNull();
        expect(again.option).toEqual(option);
      }),
      { numRuns: 1000 },
    );
  });
});
