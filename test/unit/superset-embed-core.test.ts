// @vitest-environment node
import fc from 'fast-check';
import rison from 'rison';
import { describe, expect, it } from 'vitest';
import {
  allowFeatures,
  checkEmbedTarget,
  createAutoHeight,
  filtersToUrlParams,
  SupersetEmbedError,
  SupersetFilterError,
  sandboxTokens,
} from '../../src/core/superset';

describe('filtersToUrlParams', () => {
  it('sends native filters as a rison data mask and URL parameters as strings', () => {
    const params = filtersToUrlParams({
      native: { 'NATIVE_FILTER-region': { column: 'region', value: ['NCR', 'Visayas'] } },
      urlParams: { year: 2025, channel: 'online', gross: false },
    });
    expect(params).toMatchObject({ year: '2025', channel: 'online', gross: 'false' });
    expect(rison.decode(params.native_filters as string)).toEqual({
      'NATIVE_FILTER-region': {
        id: 'NATIVE_FILTER-region',
        extraFormData: { filters: [{ col: 'region', op: 'IN', val: ['NCR', 'Visayas'] }] },
        filterState: { value: ['NCR', 'Visayas'] },
        ownState: {},
      },
    });
  });

  it('clears a native filter given no members', () => {
    const params = filtersToUrlParams({ native: { f: { column: 'region', value: [] } } });
    expect(rison.decode(params.native_filters as string)).toMatchObject({
      f: { extraFormData: {}, filterState: { value: null } },
    });
  });

  it('returns nothing for no filters', () => {
    expect(filtersToUrlParams(undefined)).toEqual({});
    expect(filtersToUrlParams({})).toEqual({});
  });

  it.each([
    [{ urlParams: { uiConfig: 1 } }, 'urlParams["uiConfig"]'],
    [{ urlParams: { native_filters: 'x' } }, 'urlParams["native_filters"]'],
    [{ urlParams: { n: Number.NaN } }, 'urlParams["n"]'],
    [{ urlParams: { o: { a: 1 } } }, 'urlParams["o"]'],
    [{ native: { '': { column: 'c', value: [] } } }, 'native[""]'],
    [{ native: { f: { column: ' ', value: [] } } }, 'native["f"].column'],
    [{ native: { f: { column: 'c', value: 'NCR' } } }, 'native["f"].value'],
    [{ native: { f: { column: 'c', value: ['a', { b: 1 }] } } }, 'native["f"].value[1]'],
    [{ native: { f: { column: 'c', value: [Number.POSITIVE_INFINITY] } } }, 'native["f"].value[0]'],
  ])('refuses %j with a SupersetFilterError at its path', (filters, path) => {
    const call = () => filtersToUrlParams(filters as never);
    expect(call).toThrow(SupersetFilterError);
    try {
      call();
    } catch (error) {
      expect((error as SupersetFilterError).path).toBe(path);
      expect((error as Error).message).toContain(`filters.${path}`);
    }
  });

  it('round-trips any members through rison unchanged', () => {
    const member = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        fc.array(member, { minLength: 1 }),
        (column, value) => {
          const params = filtersToUrlParams({ native: { 'NATIVE_FILTER-x': { column, value } } });
          const mask = rison.decode(params.native_filters as string) as Record<
            string,
            { filterState: { value: unknown[] } }
          >;
          expect(mask['NATIVE_FILTER-x']?.filterState.value).toEqual(value.map((v) => (Object.is(v, -0) ? 0 : v)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('checkEmbedTarget', () => {
  it('accepts an https origin, with or without a path, and drops trailing slashes', () => {
    expect(checkEmbedTarget('https://bi.example.com/', 'abc-123')).toBe('https://bi.example.com');
    expect(checkEmbedTarget('https://example.com/superset/', 'abc')).toBe('https://example.com/superset');
    expect(checkEmbedTarget('http://127.0.0.1:8088', 'a~b=1')).toBe('http://127.0.0.1:8088');
  });

  it.each([
    ['not a url', 'abc'],
    ['javascript:alert(1)', 'abc'],
    ['https://user:secret@bi.example.com', 'abc'],
    ['https://bi.example.com/?token=x', 'abc'],
    ['https://bi.example.com/#x', 'abc'],
    ['https://bi.example.com', '../admin'],
    ['https://bi.example.com', '..'],
    ['https://bi.example.com', ''],
    ['https://bi.example.com', 'a/b'],
  ])('refuses %s with %s as an invalid-props SupersetEmbedError that repeats no secret', (domain, id) => {
    try {
      checkEmbedTarget(domain, id);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SupersetEmbedError);
      expect((error as SupersetEmbedError).code).toBe('invalid-props');
      expect((error as Error).message).not.toContain('secret');
      expect((error as Error).message).not.toContain('token=x');
    }
  });
});

describe('createAutoHeight', () => {
  it('follows growth of the content up to the cap, and reports the cap once', () => {
    const sizer = createAutoHeight({ minHeight: 400, maxHeight: 1000 });
    expect(sizer.height).toBe(400);
    expect(sizer.report(640)).toEqual({ height: 640, loop: false, capped: false });
    expect(sizer.report(900)).toEqual({ height: 900, loop: false, capped: false });
    expect(sizer.report(1400)).toEqual({ height: 1000, loop: false, capped: true });
    expect(sizer.report(1500).capped).toBe(false);
  });

  it('ignores a height at or below the frame’s own (the host set it) and junk reports', () => {
    const sizer = createAutoHeight({ minHeight: 500 });
    for (const junk of [500, 501, 300, 0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(sizer.report(junk).height).toBe(500);
    }
  });

  it('stops growing content that follows the frame (100vh plus a margin) and says so once', () => {
    const sizer = createAutoHeight({ minHeight: 480, maxHeight: 100_000 });
    const steps = [];
    for (let i = 0; i < 50; i++) steps.push(sizer.report(sizer.height + 120));
    expect(steps.filter((step) => step.loop)).toHaveLength(1);
    expect(sizer.locked).toBe(true);
    expect(sizer.height).toBe(480 + 2 * 120);
    sizer.reset();
    expect(sizer.height).toBe(480);
    expect(sizer.report(900)).toEqual({ height: 900, loop: false, capped: false });
  });

  it('follows content that grows by different amounts as it loads', () => {
    const sizer = createAutoHeight({ minHeight: 400, maxHeight: 5000 });
    for (const height of [700, 1100, 1180, 1900, 2300]) sizer.report(height);
    expect(sizer.height).toBe(2300);
    expect(sizer.locked).toBe(false);
  });
});

describe('the iframe sandbox', () => {
  it('is scripts and same-origin only, unless more is asked for', () => {
    expect(sandboxTokens([])).toEqual(['allow-scripts', 'allow-same-origin']);
    expect(allowFeatures([])).toEqual([]);
    expect(sandboxTokens(['downloads', 'exports', 'fullscreen'])).toEqual([
      'allow-scripts',
      'allow-same-origin',
      'allow-downloads',
      'allow-forms',
      'allow-popups',
      'allow-presentation',
    ]);
    expect(allowFeatures(['fullscreen', 'clipboard'])).toEqual(['fullscreen', 'clipboard-write']);
  });
});
