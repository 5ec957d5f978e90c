import type { QueryRequest } from './types';

/**
 * JSON with object keys sorted at every depth, so equal content always gives the same text whatever order the
 * keys were written in. Like `JSON.stringify`: `undefined` and functions are left out of objects (and written
 * `null` in arrays), `toJSON` is honoured (dates become ISO strings) and non-finite numbers become `null`.
 * Big integers are written as `{"$bigint":"123"}` instead of throwing. A cycle throws a `TypeError`.
 */
export function stableStringify(value: unknown): string {
  return write(value, new Set()) ?? 'null';
}

function write(value: unknown, seen: Set<object>): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `{"$bigint":${JSON.stringify(value.toString())}}`;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  const object = value as { toJSON?: () => unknown };
  if (typeof object.toJSON === 'function') return write(object.toJSON(), seen);
  if (seen.has(object)) throw new TypeError('Cannot derive a key from a value that contains itself');
  seen.add(object);
  try {
    if (Array.isArray(object)) return `[${object.map((item) => write(item, seen) ?? 'null').join(',')}]`;
    const record = object as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const text = write(record[key], seen);
      if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    seen.delete(object);
  }
}

/**
 * The cache key of a request: stable JSON of its content, so two requests written separately with the same
 * content share one cache entry and one in-flight fetch. SQL requests without `params` equal those with `[]`.
 */
export function requestKey(request: QueryRequest): string {
  if (request.kind === 'sql') {
    return stableStringify({ kind: 'sql', sql: request.sql, params: request.params ?? [], space: request.space });
  }
  return stableStringify({ kind: 'semantic', space: request.space, query: request.query });
}
