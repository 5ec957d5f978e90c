import type { QueryRequest } from './types';

/**
 * A stable text for a value, for cache keys: JSON with object keys sorted at every depth, so equal content always
 * gives the same text whatever order the keys were written in, and distinct values give distinct texts.
 *
 * Strings, finite numbers, booleans, `null`, arrays and plain objects are written as JSON; a property whose value
 * is `undefined` is left out (an object with it equals one without it). Every other value is written as a one-key
 * object whose key is a tag starting with a single `$`, which no plain object can produce (a plain object's key that
 * starts with `$` is written with one `$` more: `{ $bigint: '1' }` is `{"$$bigint":"1"}`):
 *
 * - `NaN`, `Infinity`, `-Infinity` and `-0`: `{"$number":"NaN"}`, …
 * - big integers: `{"$bigint":"10"}`; dates: `{"$date":"1970-01-01T00:00:00.000Z"}` (`null` when invalid)
 * - `undefined` outside an object's property (in an array, or alone): `{"$undefined":true}`
 * - a `Set`: `{"$set":[…]}` and a `Map`: `{"$map":[[key,value],…]}`, members sorted (insertion order does not
 *   count)
 * - typed arrays, `ArrayBuffer` and `DataView`: `{"$typed":["Uint8Array",[1,2]]}`; a `RegExp`: `{"$regexp":"/a/g"}`
 * - boxed primitives: `{"$boxed":…}`; other objects with `toJSON` (a decimal, a date-time): `{"$json":…}` of what
 *   it returns; instances of other classes: `{"$instance":["ClassName",{…own enumerable properties}]}`
 *
 * A value that cannot be keyed by its content throws a `TypeError` naming where it is (`params[1]`): a function, a
 * symbol, a `Promise`, a `WeakMap`, `WeakSet` or `WeakRef`, and a value that contains itself.
 */
export function stableStringify(value: unknown): string {
  return write(value, '', new Set());
}

/** A plain object's key as written: one `$` more when it starts with `$`, so it never reads as a tag. */
const escapeKey = (key: string) => (key.startsWith('$') ? `$${key}` : key);

const tagged = (tag: string, payload: string) => `{"$${tag}":${payload}}`;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const child = (path: string, key: string) =>
  IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

function unkeyable(what: string, path: string): TypeError {
  return new TypeError(
    `Cannot derive a cache key from ${what} at ${path || 'the top level'}: a request may hold only data ` +
      '(strings, numbers, booleans, null, arrays, plain objects, dates, big integers, sets and maps)',
  );
}

function writeNumber(value: number): string {
  if (Number.isFinite(value) && !Object.is(value, -0)) return String(value);
  return tagged('number', JSON.stringify(Object.is(value, -0) ? '-0' : String(value)));
}

/** `value` inside an array, a set or a map, or alone: `undefined` is a value there, not an absence. */
function write(value: unknown, path: string, seen: Set<object>): string {
  return value === undefined ? tagged('undefined', 'true') : (writeDefined(value, path, seen) as string);
}

function writeDefined(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return writeNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return tagged('bigint', JSON.stringify(value.toString()));
    case 'function':
      throw unkeyable('a function', path);
    case 'symbol':
      throw unkeyable('a symbol', path);
  }
  const object = value as object;
  if (object instanceof Date) {
    const time = object.getTime();
    return tagged('date', Number.isNaN(time) ? 'null' : JSON.stringify(object.toISOString()));
  }
  if (object instanceof Promise) throw unkeyable('a Promise', path);
  if (object instanceof WeakMap) throw unkeyable('a WeakMap', path);
  if (object instanceof WeakSet) throw unkeyable('a WeakSet', path);
  if (object instanceof WeakRef) throw unkeyable('a WeakRef', path);
  if (seen.has(object)) throw new TypeError(`Cannot derive a cache key from a value that contains itself (at ${path})`);
  seen.add(object);
  try {
    return writeObject(object, path, seen);
  } finally {
    seen.delete(object);
  }
}

function writeObject(object: object, path: string, seen: Set<object>): string {
  if (Array.isArray(object)) {
    const items: string[] = [];
    for (let i = 0; i < object.length; i++) items.push(write(object[i], `${path}[${i}]`, seen));
    return `[${items.join(',')}]`;
  }
  if (object instanceof Set) {
    const members = [...object].map((member, i) => write(member, `${path}.values()[${i}]`, seen));
    return tagged('set', `[${members.sort().join(',')}]`);
  }
  if (object instanceof Map) {
    const entries = [...object].map(([key, item], i) => {
      const keyText = write(key, `${path}.keys()[${i}]`, seen);
      return `[${keyText},${write(item, `${path}.get(${keyText})`, seen)}]`;
    });
    return tagged('map', `[${entries.sort().join(',')}]`);
  }
  if (
    ArrayBuffer.isView(object) ||
    object instanceof ArrayBuffer ||
    // Browsers define SharedArrayBuffer only on cross-origin isolated pages.
    (typeof SharedArrayBuffer !== 'undefined' && object instanceof SharedArrayBuffer)
  ) {
    // The built-in name (`Uint8Array` for a Node Buffer too), whatever a subclass is called.
    const type = Object.prototype.toString.call(object).slice(8, -1);
    const items = ArrayBuffer.isView(object)
      ? object instanceof DataView
        ? [...new Uint8Array(object.buffer, object.byteOffset, object.byteLength)]
        : [...(object as unknown as Iterable<number | bigint>)]
      : [...new Uint8Array(object)];
    return tagged('typed', `[${JSON.stringify(type)},[${items.map((item) => write(item, path, seen)).join(',')}]]`);
  }
  if (object instanceof RegExp) return tagged('regexp', JSON.stringify(String(object)));
  if (
    object instanceof Number ||
    object instanceof String ||
    object instanceof Boolean ||
    object instanceof BigInt ||
    object instanceof Symbol
  ) {
    return tagged('boxed', write(object.valueOf(), path, seen));
  }
  const withJson = object as { toJSON?: unknown };
  if (typeof withJson.toJSON === 'function') {
    return tagged('json', write((withJson.toJSON as () => unknown).call(object), path, seen));
  }
  const record = object as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(escapeKey(key))}:${writeDefined(item, child(path, key), seen)}`);
  }
  const body = `{${parts.join(',')}}`;
  const prototype = Object.getPrototypeOf(object);
  if (prototype === null || prototype === Object.prototype) return body;
  const name = typeof prototype?.constructor?.name === 'string' ? prototype.constructor.name : '';
  return tagged('instance', `[${JSON.stringify(name)},${body}]`);
}

/**
 * The cache key of a request: stable text of its content (see `stableStringify`), so two requests written
 * separately with the same content share one cache entry and one in-flight fetch, and different requests never
 * do. SQL requests without `params` equal those with `[]`. Throws a `TypeError` naming the path (`params[1]`) for
 * a value that cannot be keyed, such as a function.
 */
export function requestKey(request: QueryRequest): string {
  if (request.kind === 'sql') {
    return stableStringify({ kind: 'sql', sql: request.sql, params: request.params ?? [], space: request.space });
  }
  return stableStringify({ kind: 'semantic', space: request.space, query: request.query });
}
