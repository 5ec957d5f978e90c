import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDataClient,
  memoryTransport,
  type QueryRequest,
  requestKey,
  stableStringify,
} from '../../src/core/client';

const sql = (params: unknown[]): QueryRequest => ({ kind: 'sql', sql: 'select $1', params });

const tagOf = (value: object) => Object.prototype.toString.call(value);
const isPlain = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype;
};
const isBoxed = (value: object) =>
  value instanceof Number || value instanceof String || value instanceof Boolean || value instanceof BigInt;

/** Every element of `a` matched by a distinct element of `b` with the same content, and as many. */
function sameMembers(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  const unused = [...b];
  return a.every((item) => {
    const at = unused.findIndex((other) => sameContent(item, other));
    if (at < 0) return false;
    unused.splice(at, 1);
    return true;
  });
}

/**
 * The model of "the same content" the keys must follow: primitives by `Object.is` (so NaN equals NaN, -0 does not
 * equal 0), dates by time, arrays by position (a hole is undefined), sets and maps by members whatever their order,
 * typed arrays by type and elements, plain objects by their defined properties whatever their order.
 */
function sameContent(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Set || b instanceof Set) return a instanceof Set && b instanceof Set && sameMembers([...a], [...b]);
  if (a instanceof Map || b instanceof Map) return a instanceof Map && b instanceof Map && sameMembers([...a], [...b]);
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    return (
      ArrayBuffer.isView(a) &&
      ArrayBuffer.isView(b) &&
      tagOf(a) === tagOf(b) &&
      sameContent([...(a as unknown as Iterable<unknown>)], [...(b as unknown as Iterable<unknown>)])
    );
  }
  if (isBoxed(a) || isBoxed(b)) return isBoxed(a) && isBoxed(b) && sameContent(a.valueOf(), b.valueOf());
  if (!isPlain(a) || !isPlain(b)) throw new Error('the generators make no other objects');
  const defined = (o: object) =>
    Object.keys(o)
      .filter((k) => (o as Record<string, unknown>)[k] !== undefined)
      .sort();
  const keys = defined(a);
  return (
    sameContent(keys, defined(b)) &&
    keys.every((k) => sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** A deep copy with every object's keys, and every set's and map's members, in reverse order. */
function reordered(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(reordered);
  if (value instanceof Set) return new Set([...value].reverse().map(reordered));
  if (value instanceof Map) return new Map([...value].reverse().map(([k, v]) => [reordered(k), reordered(v)]));
  if (ArrayBuffer.isView(value) || isBoxed(value)) return value;
  const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  for (const key of Object.keys(value).reverse()) {
    Object.defineProperty(copy, key, {
      value: reordered((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Values built from look-alikes (that plain JSON used to write the same way), so that collisions are likely. */
const lookalikes = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(
      null,
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      0,
      -0,
      10,
      '10',
      'null',
      'NaN',
      10n,
      true,
      '1970-01-01T00:00:00.000Z',
      new Date(0),
      new Date(Number.NaN),
      new Uint8Array([1, 2]),
      new Int8Array([1, 2]),
    ),
    tie('array'),
    tie('object'),
    tie('set'),
    tie('map'),
  ),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(
    fc.constantFrom('a', 'b', '$a', '$$a', '$bigint', '$date', '$number', '$set', '$map', '$undefined', '$typed'),
    tie('value'),
    { maxKeys: 3 },
  ),
  set: fc.array(tie('value'), { maxLength: 3 }).map((items) => new Set(items)),
  map: fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 3 }).map((entries) => new Map(entries)),
})).value;

describe('request keys: distinct values, distinct keys', () => {
  it.each([
    ['NaN and null', [Number.NaN], [null]],
    ['Infinity and null', [Number.POSITIVE_INFINITY], [null]],
    ['-Infinity and Infinity', [Number.NEGATIVE_INFINITY], [Number.POSITIVE_INFINITY]],
    ['-0 and 0', [-0], [0]],
    ['undefined and null in an array', [undefined], [null]],
    ['a Set and {}', [new Set([1])], [{}]],
    ['an empty Set and {}', [new Set()], [{}]],
    ['a Map and {}', [new Map([['a', 1]])], [{}]],
    ['a Set and an array', [new Set([1, 2])], [[1, 2]]],
    ['a Date and its ISO string', [new Date(0)], ['1970-01-01T00:00:00.000Z']],
    ['an invalid Date and null', [new Date(Number.NaN)], [null]],
    ['10n and {$bigint:"10"}', [10n], [{ $bigint: '10' }]],
    ['10n and 10', [10n], [10]],
    ['a tag-shaped object and its tag', [{ $set: [1] }], [new Set([1])]],
    ['a typed array and an array', [new Uint8Array([1, 2])], [[1, 2]]],
    ['two kinds of typed array', [new Uint8Array([1, 2])], [new Int8Array([1, 2])]],
  ])('tells %s apart', (_, a, b) => {
    expect(requestKey(sql(a))).not.toBe(requestKey(sql(b)));
  });

  it('gives sets and maps the same key whatever order their members were added in', () => {
    expect(stableStringify(new Set([1, 'a', { b: 2 }]))).toBe(stableStringify(new Set([{ b: 2 }, 'a', 1])));
    expect(
      stableStringify(
        new Map<unknown, unknown>([
          [1, 'a'],
          ['b', 2],
        ]),
      ),
    ).toBe(
      stableStringify(
        new Map<unknown, unknown>([
          ['b', 2],
          [1, 'a'],
        ]),
      ),
    );
  });

  it('property: two values get the same key exactly when they have the same content', () => {
    fc.assert(
      fc.property(anything, anything, (a, b) => {
        expect(stableStringify(a) === stableStringify(b)).toBe(sameContent(a, b));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(lookalikes, lookalikes, (a, b) => {
        expect(stableStringify(a) === stableStringify(b)).toBe(sameContent(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: equal content gives an equal key whatever the order of object keys and set members', () => {
    fc.assert(
      fc.property(fc.oneof(anything, lookalikes), (value) => {
        const copy = reordered(value);
        expect(stableStringify(copy)).toBe(stableStringify(value));
        expect(requestKey({ params: [copy], sql: 'x', kind: 'sql' })).toBe(
          requestKey({ kind: 'sql', sql: 'x', params: [value] }),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('request keys: values that cannot be keyed', () => {
  it('rejects a function or a symbol with a TypeError naming where it is', () => {
    const error = (() => {
      try {
        requestKey(sql([1, () => 1]));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toMatch(/^Cannot derive a cache key from a function at params\[1\]/);
    expect(() =>
      requestKey({
        kind: 'semantic',
        space: 's',
        query: { metrics: ['m'], filters: [{ dimension: 'd', op: 'eq', value: Symbol('x') as never }] },
      }),
    ).toThrow(/a symbol at query\.filters\[0\]\.value/);
    expect(() => stableStringify({ 'odd key': [new WeakMap()] })).toThrow(/a WeakMap at \["odd key"\]\[0\]/);
    expect(() => stableStringify(Promise.resolve())).toThrow(/a Promise at the top level/);
    expect(() => stableStringify(new Set([() => 1]))).toThrow(TypeError);
  });

  it('makes query() reject (not throw) for such a request, without calling the transport', async () => {
    const transport = memoryTransport({ resolve: () => [] });
    const client = createDataClient({ transport });
    const pending = client.query(sql([() => 1]));
    await expect(pending).rejects.toBeInstanceOf(TypeError);
    expect(transport.calls).toHaveLength(0);
    client.dispose();
  });
});

describe('request keys in a page that is not cross-origin isolated', () => {
  it('keys objects where SharedArrayBuffer is not defined', () => {
    const shared = Object.getOwnPropertyDescriptor(globalThis, 'SharedArrayBuffer');
    Reflect.deleteProperty(globalThis, 'SharedArrayBuffer');
    try {
      expect(typeof SharedArrayBuffer).toBe('undefined');
      expect(stableStringify({ b: [1, new Uint8Array([2])], a: { c: null } })).toBe(
        stableStringify({ a: { c: null }, b: [1, new Uint8Array([2])] }),
      );
    } finally {
      if (shared) Object.defineProperty(globalThis, 'SharedArrayBuffer', shared);
    }
  });
});
